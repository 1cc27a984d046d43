"""A real PostgreSQL server for the tests: initdb into a temp folder, started on a free port.

Debian's server (`make postgresql` installs it) is looked for under /usr/lib/postgresql/*/bin.
`postgres` refuses to run as root, so under root the folder is handed to the `postgres` user and
the server runs as that user (`setpriv`). Everything is removed when the server stops.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

USER = "sidepane"
PASSWORD = "s3cret-pw-ZQ"  # a test password, to check it never shows in errors


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    user: str
    password: str

    def url(self, database: str, *, password: str | None = None) -> str:
        pw = self.password if password is None else password
        return f"postgresql+pg8000://{self.user}:{pw}@{self.host}:{self.port}/{database}"


def find_bin() -> Path | None:
    """The folder of Debian's PostgreSQL binaries, the newest version first; None if absent."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), reverse=True)
    return Path(found[0]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    # setpriv execs the command itself (runuser would stay as a parent that does not pass
    # signals on), so the Popen's pid is the server's and SIGINT reaches it.
    return ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", *cmd]


def why_unavailable() -> str | None:
    """Why a server cannot be started here (None when it can)."""
    if find_bin() is None:
        return "PostgreSQL server binaries not found (make postgresql installs Debian's)"
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        return "running as root without setpriv: postgres refuses to run as root"
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run the server as"
    return None


@contextmanager
def running_server(timeout: float = 30.0) -> Iterator[Server]:
    """Start a throwaway server; yield how to reach it; stop it and delete its files."""
    bindir = find_bin()
    assert bindir is not None, why_unavailable()
    root = Path(tempfile.mkdtemp(prefix="sidepane-pg-"))
    process: subprocess.Popen[bytes] | None = None
    try:
        data, sockets = root / "data", root / "sock"
        sockets.mkdir()
        pwfile = root / "pw"
        pwfile.write_text(PASSWORD + "\n", encoding="utf-8")
        if os.geteuid() == 0:
            import pwd

            entry = pwd.getpwnam("postgres")
            for path in (root, sockets, pwfile):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        subprocess.run(
            _as_server_user(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    USER,
                    f"--pwfile={pwfile}",
                    "--auth-host=scram-sha-256",
                    "--auth-local=scram-sha-256",
                    "--encoding=UTF8",
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
        )
        port = _free_port()
        process = subprocess.Popen(
            _as_server_user(
                [
                    str(bindir / "postgres"),
                    "-D",
                    str(data),
                    "-k",
                    str(sockets),
                    "-p",
                    str(port),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off",
                    "-c",
                    "full_page_writes=off",
                ]
            ),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        server = Server("127.0.0.1", port, USER, PASSWORD)
        _wait_ready(server, process, timeout)
        yield server
    finally:
        if process is not None:
            _stop(process)
        shutil.rmtree(root, ignore_errors=True)


def _wait_ready(server: Server, process: subprocess.Popen[bytes], timeout: float) -> None:
    import pg8000.native  # type: ignore[import-untyped]

    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            err = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise RuntimeError(f"postgres exited with {process.returncode}: {err[-2000:]}")
        try:
            pg8000.native.Connection(
                server.user,
                host=server.host,
                port=server.port,
                password=server.password,
                database="postgres",
            ).close()
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _stop(process: subprocess.Popen[bytes]) -> None:
    # SIGINT: PostgreSQL's fast shutdown.
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stderr is not None:
        process.stderr.close()


def create_database(server: Server, name: str) -> None:
    import pg8000.native

    conn = pg8000.native.Connection(
        server.user,
        host=server.host,
        port=server.port,
        password=server.password,
        database="postgres",
    )
    try:
        conn.run(f'CREATE DATABASE "{name}"')
    finally:
        conn.close()
