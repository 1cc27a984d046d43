"""Shared by the `sidepane run` tests: a real server on 127.0.0.1 and a WebSocket viewer."""

from __future__ import annotations

import asyncio
import functools
import socket
import subprocess
import textwrap
import time
import urllib.request
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, ParamSpec

import aiohttp

from sidepane.protocol.frames import PROTOCOL_VERSION, decode_message, frame
from sidepane.runtime.app import App
from sidepane.servers.web.server import WebServer

P = ParamSpec("P")
Frame = dict[str, Any]


def async_test(fn: Callable[P, Coroutine[Any, Any, None]]) -> Callable[P, None]:
    """Run an async test in its own event loop (no pytest plugin needed)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        asyncio.run(fn(*args, **kwargs))

    return wrapper


@asynccontextmanager
async def serving(
    folder: Path, source: str, *, built: bool = True, **options: Any
) -> AsyncIterator[WebServer]:
    """A WebServer for `folder/app.py` on a free port, with a stub bundle unless `built=False`."""
    script = folder / "app.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    static = folder / "static"
    if built:
        static.mkdir(exist_ok=True)
        (static / "sidepane.js").write_text("console.log('bundle');\n")
        (static / "sidepane.css").write_text("body { margin: 0 }\n")
    server = WebServer(App(script), port=0, static_dir=static, **options)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


class Tab:
    """A viewer over a real WebSocket: sends frames, collects what the runtime sends."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.frames: list[Frame] = []
        self.messages = 0

    async def send(self, t: str, **fields: Any) -> None:
        await self.ws.send_bytes(frame(t, **fields))

    async def hello(self) -> Frame:
        """Start the session; wait for its first run to end and forget its frames."""
        await self.send("hello", v=PROTOCOL_VERSION)
        end = await self.until(lambda f: f["t"] == "run_end")
        self.frames.clear()
        return end

    async def until(self, match: Callable[[Frame], bool], timeout: float = 5.0) -> Frame:
        """Read until a frame matches; frames before it are dropped, those after it are kept
        for the next call."""
        for i, f in enumerate(self.frames):
            if match(f):
                del self.frames[: i + 1]
                return f
        self.frames.clear()
        async with asyncio.timeout(timeout):
            while True:
                msg = await self.ws.receive()
                if msg.type is not aiohttp.WSMsgType.BINARY:
                    raise AssertionError(f"connection ended: {msg}")
                self.messages += 1
                frames = decode_message(msg.data)
                for i, f in enumerate(frames):
                    if match(f):
                        self.frames.extend(frames[i + 1 :])
                        return f

    async def quiet(self, seconds: float) -> list[Frame]:
        """Everything that arrives within `seconds`."""
        got = list(self.frames)
        self.frames.clear()
        try:
            async with asyncio.timeout(seconds):
                while True:
                    msg = await self.ws.receive()
                    if msg.type is not aiohttp.WSMsgType.BINARY:
                        return got
                    got.extend(decode_message(msg.data))
        except TimeoutError:
            return got


@asynccontextmanager
async def open_tab(server: WebServer, **headers: str) -> AsyncIterator[Tab]:
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(f"{server.url}/ws", headers=headers, max_msg_size=0) as ws,
    ):
        yield Tab(ws)


def bodies(frames: list[Frame]) -> list[str]:
    return [f["props"].get("body", "") for f in frames if f["t"] == "upsert"]


def is_body(text: str) -> Callable[[Frame], bool]:
    return lambda f: f["t"] == "upsert" and f["props"].get("body") == text


async def eventually(check: Callable[[], Awaitable[bool]], timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not await check():
            await asyncio.sleep(0.01)


def free_port() -> int:
    """A port nothing listens on now (for a `sidepane run` subprocess)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[str], timeout: float = 20) -> None:
    """Wait until the `sidepane run` subprocess `proc` answers `url`/healthz (it must not exit)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("the server did not start")
