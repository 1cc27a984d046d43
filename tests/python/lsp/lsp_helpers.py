"""Shared by the language server tests: a recorder of what `python -m sidepane lsp` sends."""

from __future__ import annotations

import asyncio
import base64
import json
import sys
import time
from collections.abc import Callable
from typing import Any

import msgpack
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import register_lsp_features

from sidepane.protocol.frames import decode_message
from sidepane.servers.lsp.plain_json import converter_factory

Frame = dict[str, Any]


def make_client() -> LanguageClient:
    """pytest-lsp's test client, reading custom methods' params and results as dicts."""
    client = LanguageClient(converter_factory=converter_factory)
    register_lsp_features(client)
    return client


SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "sidepane", "lsp"], client_factory=make_client
)

SEED = "import sidepane as st\nx = st.slider('x')\nst.write(x, 'squared is', x * x)\n"


def encode(**frame: Any) -> str:
    """One viewer message holding one frame, as `sidepane/message` carries it."""
    return base64.b64encode(msgpack.packb(frame)).decode("ascii")


def plain(text: str) -> str:
    """Markdown's code spans dropped: "`0` squared is `0`" -> "0 squared is 0"."""
    return text.replace("`", "")


class Recorder:
    """Records the server's `sidepane/*` notifications, by session."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.frames: dict[str, list[Frame]] = {}
        self.notifications = 0
        self.messages: list[tuple[int, int]] = []  # (bytes, frames) of each frames notification
        self.status: list[dict[str, Any]] = []
        self.run_on_save: list[dict[str, Any]] = []

        # pygls tags handlers with attributes, so they must be plain functions.
        @client.feature("sidepane/frames")
        def on_frames(params: dict[str, Any]) -> None:
            self.notifications += 1
            raw = base64.b64decode(params["data"])
            frames = decode_message(raw)
            self.messages.append((len(raw), len(frames)))
            self.frames.setdefault(params["session"], []).extend(frames)

        @client.feature("sidepane/status")
        def on_status(params: dict[str, Any]) -> None:
            self.status.append(params)

        @client.feature("sidepane/runOnSaveChanged")
        def on_run_on_save(params: dict[str, Any]) -> None:
            self.run_on_save.append(params)

    async def open(self, session: str, script: Any, **options: Any) -> dict[str, Any]:
        result = await self.client.protocol.send_request_async(
            "sidepane/openSession", {"session": session, "script": str(script), **options}
        )
        assert isinstance(result, dict)
        return result

    def send(self, session: str, **frame: Any) -> None:
        self.client.protocol.notify(
            "sidepane/message", {"session": session, "data": encode(**frame)}
        )

    def texts(self, session: str) -> list[str]:
        return [
            plain(f["props"]["body"])
            for f in self.frames.get(session, [])
            if f["t"] == "upsert" and isinstance(f["props"].get("body"), str)
        ]

    async def until(self, check: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Wait until `check()` is truthy and return it; fail after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while not (result := check()):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {check}")
            await asyncio.sleep(0.005)
        return result

    async def text(self, session: str, text: str) -> None:
        await self.until(lambda: any(text in t for t in self.texts(session)))

    def frame(self, session: str, predicate: Callable[[Frame], bool]) -> Frame | None:
        return next((f for f in self.frames.get(session, []) if predicate(f)), None)

    def run_end(self, session: str, run: int) -> Frame | None:
        return self.frame(session, lambda f: f["t"] == "run_end" and f["run"] == run)


def framed(body: bytes, length: int | None = None) -> bytes:
    """`body` with its header; `length` for a wrong Content-Length."""
    return b"Content-Length: %d\r\n\r\n%s" % (len(body) if length is None else length, body)


def rpc(**message: Any) -> bytes:
    """A JSON-RPC 2.0 message's body."""
    return json.dumps({"jsonrpc": "2.0", **message}).encode()


class RawServer:
    """`python -m sidepane lsp` over raw stdio bytes: for what a well-behaved client never sends."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        assert process.stdin and process.stdout and process.stderr
        self.process = process
        self._stdin = process.stdin
        self._stdout = process.stdout
        # Read all along, so a chatty server never blocks on a full pipe.
        self._stderr = asyncio.ensure_future(process.stderr.read())

    @classmethod
    async def start(cls) -> RawServer:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "sidepane",
            "lsp",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        return cls(process)

    def write(self, data: bytes) -> None:
        self._stdin.write(data)

    def send(self, **message: Any) -> None:
        self.write(framed(rpc(**message)))

    async def initialize(self) -> None:
        self.send(id="init", method="initialize", params={"capabilities": {}})
        assert "result" in await self.response("init")

    async def next_message(self, timeout: float = 10) -> dict[str, Any]:
        header = await asyncio.wait_for(self._stdout.readuntil(b"\r\n\r\n"), timeout)
        length = int(header.split(b"Content-Length: ")[1].split(b"\r\n")[0])
        body = await asyncio.wait_for(self._stdout.readexactly(length), timeout)
        message: dict[str, Any] = json.loads(body)
        return message

    async def response(self, msg_id: Any = ..., timeout: float = 10) -> dict[str, Any]:
        """The next response (to `msg_id`, when given); notifications in between are skipped."""
        while True:
            message = await self.next_message(timeout)
            if "method" not in message and (msg_id is ... or message.get("id") == msg_id):
                return message

    async def close(self, timeout: float = 10) -> tuple[int, str]:
        """Close stdin and wait: the exit status and stderr."""
        if not self._stdin.is_closing():
            self._stdin.close()
        try:
            status = await asyncio.wait_for(self.process.wait(), timeout)
        finally:
            if self.process.returncode is None:
                self.process.kill()
                await self.process.wait()
        return status, (await self._stderr).decode("utf-8", "replace")
