"""End-to-end fixtures: a real `sidepane run` server and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import chromium_missing, launch_chromium
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from sidepane.protocol.frame_check import BROKEN, ENV

ARTIFACTS = Path(__file__).parent / "artifacts"
VIOLATION = "Sidepane protocol: a frame breaks the schema"
"""What the viewer's development build logs for such a frame (webview/src/core/frame_check.ts)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`sidepane run SCRIPT --headless` on a free port, stopped at the end of the test."""

    def __init__(self, script: Path, *args: str, port: int | None = None) -> None:
        self.script = script
        self.port = port if port is not None else free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sidepane", "run", str(script), "--headless",
             "--port", str(self.port), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, ENV: "1"},  # it logs every frame that breaks the schema
        )  # fmt: skip
        self._output: str | None = None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"sidepane run did not start: {self.output()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def output(self) -> str:
        """Everything it printed (it is stopped first)."""
        self.stop()
        if self._output is None:
            self._output = self.proc.stdout.read() if self.proc.stdout else ""
        return self._output


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """The one Playwright of the run (a second sync one in the same process is refused)."""
    missing = chromium_missing()
    if missing:
        pytest.fail(missing)
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    b = launch_chromium(playwright)
    yield b
    b.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "invalid_frames: the test makes the server send frames that break the schema"
    )


def _expects_invalid_frames(request: pytest.FixtureRequest) -> bool:
    return request.node.get_closest_marker("invalid_frames") is not None


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.console_errors = errors  # type: ignore[attr-defined]
    yield pg
    context.close()
    # The development build checks every frame it receives (webview/src/core/frame_check.ts).
    broken = [e for e in errors if e.startswith(VIOLATION)]
    if broken and not _expects_invalid_frames(request):
        pytest.fail("the viewer received frames that break the schema:\n" + "\n".join(broken))


@pytest.fixture
def serve(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[object]:
    servers: list[Server] = []

    def start(source: str, *args: str, name: str = "app.py") -> Server:
        script = tmp_path / name
        script.write_text(textwrap.dedent(source))
        server = Server(script, *args)
        servers.append(server)
        return server

    yield start
    broken = [line for server in servers for line in server.output().splitlines() if BROKEN in line]
    if broken and not _expects_invalid_frames(request):
        pytest.fail("the server sent frames that break the schema:\n" + "\n".join(broken))
