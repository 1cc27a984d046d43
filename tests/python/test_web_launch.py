"""`sidepane run` around the server: ports, downloading a script, the command itself."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from aiohttp import web
from web_helpers import async_test, free_port, wait_healthy

from sidepane.servers.web.fetch_script import (
    MAX_SCRIPT_BYTES,
    FetchError,
    download,
    fetch_script,
    is_url,
    validate_url,
)
from sidepane.servers.web.ports import PortInUseError, bind_socket

pytestmark = pytest.mark.timeout(60)

ROOT = Path(__file__).resolve().parents[2]

# ---- ports ----


def test_a_taken_port_falls_back_to_the_next_free_one() -> None:
    taken = bind_socket("127.0.0.1", 0, fallback=False)
    port = taken.getsockname()[1]
    try:
        sock = bind_socket("127.0.0.1", port, fallback=True)
        try:
            assert sock.getsockname()[1] > port
        finally:
            sock.close()
        with pytest.raises(PortInUseError, match=f"Port {port} is already in use"):
            bind_socket("127.0.0.1", port, fallback=False)
    finally:
        taken.close()


def test_a_freed_port_can_be_bound_again_at_once() -> None:
    first = bind_socket("127.0.0.1", 0, fallback=False)
    port = first.getsockname()[1]
    first.close()
    second = bind_socket("127.0.0.1", port, fallback=False)
    assert second.getsockname()[1] == port
    second.close()


# ---- downloading a script ----


def test_only_https_urls_of_python_files_are_accepted() -> None:
    assert is_url("https://example.com/app.py") and not is_url("app.py")
    with pytest.raises(FetchError, match="Only https://"):
        validate_url("http://example.com/app.py")
    with pytest.raises(FetchError, match="Only https://"):
        validate_url("ftp://example.com/app.py")
    with pytest.raises(FetchError, match=r"raw Python \(.py\) files, not .txt"):
        validate_url("https://example.com/app.txt")
    with pytest.raises(FetchError, match="no extension"):
        validate_url("https://example.com/")
    assert validate_url("https://example.com/a/app.py?x=1") == "https://example.com/a/app.py?x=1"
    assert (
        validate_url("https://github.com/me/repo/blob/main/app.py")
        == "https://github.com/me/repo/raw/main/app.py"
    )


def test_fetch_script_saves_the_download_under_its_name(tmp_path: Path) -> None:
    asked: list[tuple[str, int]] = []

    def fake(url: str, limit: int) -> bytes:
        asked.append((url, limit))
        return b"import sidepane as st\n"

    path = fetch_script("https://example.com/apps/demo.py", tmp_path, fetch=fake)
    assert path == tmp_path / "demo.py"
    assert path.read_bytes() == b"import sidepane as st\n"
    assert asked == [("https://example.com/apps/demo.py", MAX_SCRIPT_BYTES)]
    with pytest.raises(FetchError):
        fetch_script("http://example.com/apps/demo.py", tmp_path, fetch=fake)
    assert len(asked) == 1


def _plain_open(url: str, timeout: float) -> object:
    return urllib.request.urlopen(url, timeout=timeout)


@async_test
async def test_download_enforces_the_size_limit(tmp_path: Path) -> None:
    """A local http stub (the https check is validate_url's; download itself is scheme-blind)."""
    import asyncio

    big = b"#" * 2_000

    async def sized(_r: web.Request) -> web.Response:
        return web.Response(body=big)

    async def chunked(_r: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(_r)
        for _ in range(4):
            await response.write(b"#" * 500)
        await response.write_eof()
        return response

    async def small(_r: web.Request) -> web.Response:
        return web.Response(body=b"print('hi')\n")

    app = web.Application()
    app.router.add_get("/big.py", sized)
    app.router.add_get("/chunked.py", chunked)
    app.router.add_get("/small.py", small)
    runner = web.AppRunner(app, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    base = f"http://127.0.0.1:{port}"
    try:

        def fetch(path: str, limit: int) -> bytes:
            return download(base + path, limit, open_url=_plain_open)

        assert await asyncio.to_thread(fetch, "/small.py", 1_000) == b"print('hi')\n"
        assert await asyncio.to_thread(fetch, "/big.py", 2_000) == big
        with pytest.raises(FetchError, match="2,000 bytes; the limit is"):
            await asyncio.to_thread(fetch, "/big.py", 1_999)
        with pytest.raises(FetchError, match="over the"):
            await asyncio.to_thread(fetch, "/chunked.py", 1_999)
        with pytest.raises(FetchError, match="HTTP 404"):
            await asyncio.to_thread(fetch, "/missing.py", 1_000)
    finally:
        await runner.cleanup()


# ---- the command ----


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_sidepane_run_serves_and_stops_cleanly(stop: signal.Signals) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sidepane", "run", "examples/hello.py", "--headless",
         "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc)
        proc.send_signal(stop)
        out, _ = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, out
    assert f"URL: http://127.0.0.1:{port}" in out


def test_sidepane_run_refuses_a_taken_port_it_was_asked_for() -> None:
    taken = bind_socket("127.0.0.1", 0, fallback=False)
    port = taken.getsockname()[1]
    try:
        result = subprocess.run(
            [sys.executable, "-m", "sidepane", "run", "examples/hello.py", "--headless",
             "--port", str(port)],
            cwd=ROOT, capture_output=True, text=True, timeout=20,
        )  # fmt: skip
    finally:
        taken.close()
    assert result.returncode == 1
    assert f"Port {port} is already in use" in result.stderr


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("http://example.com/app.py", "Only https://"),
        ("https://example.com/app.txt", "raw Python (.py) files, not .txt"),
        ("no_such_app.py", "File does not exist: no_such_app.py"),
        ("README.md", "raw Python (.py) files, not .md"),
    ],
)
def test_sidepane_run_explains_a_bad_target(target: str, message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sidepane", "run", target, "--headless"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=20,
        env={**os.environ, "no_proxy": "*"},
    )
    assert result.returncode == 1
    assert message in result.stderr
