"""The two servers the browser benchmark compares: `sidepane run` and `streamlit run`, each in its
own interpreter, on a free loopback port, always stopped (terminate, then kill)."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from results import BenchError


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_env() -> dict[str, str]:
    """The environment both sides run in: with bytecode caches written and used, as for any
    installed package (an installed Streamlit has its .pyc files; an editable Sidepane writes its
    own on first import). With PYTHONDONTWRITEBYTECODE set, as in some sandboxes, Sidepane would
    compile every module from source at each launch and Streamlit not."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass(frozen=True)
class Side:
    """One runtime under test: its interpreter and the module a script imports as `st`."""

    name: str
    python: str
    module: str

    def script(self, body: str) -> str:
        return f"import {self.module} as st\n{body}"

    def command(
        self,
        script: Path,
        port: int,
        *,
        run_on_save: bool = False,
        watch: bool = True,
        extra: Sequence[str] = (),
    ) -> list[str]:
        if self.module == "sidepane":
            # Sidepane always watches the script (for its "source changed" bar); no flag to drop.
            args = [str(script), "--headless", "--port", str(port), *extra]
            return [self.python, "-m", "sidepane", "run", *args] + (
                ["--run-on-save"] if run_on_save else []
            )
        watcher = "auto" if watch or run_on_save else "none"
        return [
            self.python, "-m", "streamlit", "run", str(script),
            "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
            # A manually set address makes Streamlit print one URL instead of looking up this
            # machine's external IP over the network: the bench stays on loopback.
            "--server.address", "127.0.0.1",
            "--server.port", str(port),
            "--server.fileWatcherType", watcher,
            "--server.runOnSave", "true" if run_on_save else "false",
        ]  # fmt: skip


class Server:
    """A running `run` command; its output goes to a log file, quoted when it fails."""

    def __init__(
        self,
        side: Side,
        script: Path,
        log_dir: Path,
        *,
        run_on_save: bool = False,
        watch: bool = True,
        extra: Sequence[str] = (),
    ) -> None:
        self.side = side
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        # Not beside the script: both runtimes watch its folder.
        self._log_path = log_dir / f"{side.name}-{self.port}.log"
        self._log: IO[bytes] = self._log_path.open("wb")
        command = side.command(script, self.port, run_on_save=run_on_save, watch=watch, extra=extra)
        # Launch time is measured from here: the caller reads time.time() just before.
        self.proc = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, cwd=script.parent, env=run_env()
        )

    def wait_port(self, timeout: float = 30.0) -> None:
        """Return as soon as the port accepts a connection (polled every 2 ms)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BenchError(f"{self.side.name} exited ({self.proc.returncode}): {self.tail()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.05).close()
                return
            except OSError:
                time.sleep(0.002)
        raise BenchError(f"{self.side.name} did not listen within {timeout:.0f} s")

    def tail(self, chars: int = 300) -> str:
        self._log.flush()
        try:
            text = self._log_path.read_text(errors="replace")
        except OSError:
            return ""
        return " ".join(text[-chars:].split())

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._log.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
