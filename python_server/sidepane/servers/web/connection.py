"""One WebSocket = one AppSession: frames in from the tab, frames out from the script thread."""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

from aiohttp import WSMsgType, web

from sidepane.errors import ProtocolError
from sidepane.protocol.frames import decode_message, frame
from sidepane.runtime.app import App

log = logging.getLogger("sidepane.web")

# Frames queued together go out as one message up to about this size; past it a new message
# starts, so a big table's first column batches reach the tab (and paint) before the rest.
MESSAGE_BYTES = 1 << 20

# Frames that start a run of their own: a source change reported before them is handled.
_RUNS = frozenset({"hello", "rerun", "widget_value"})


class Connection:
    """A browser tab's WebSocket and the session it drives.

    The session's script thread hands frames to `_sink`; they are queued and one writer task on
    the event loop sends everything queued since it last woke as one WebSocket message (the
    protocol allows concatenated frames). A burst of frames thus costs one loop wake-up and one
    message, and no task is created per frame.
    """

    def __init__(
        self,
        ws: web.WebSocketResponse,
        app: App,
        *,
        run_on_save: bool,
        max_message_bytes: int,
    ) -> None:
        self.ws = ws
        self.run_on_save = run_on_save
        self._max_message_bytes = max_message_bytes
        self._loop = asyncio.get_running_loop()
        self._lock = threading.Lock()
        self._queued: list[bytes] = []
        self._wake_scheduled = False
        self._wake = asyncio.Event()
        self._closed = False
        self._started = False  # a valid-looking hello arrived: the viewer expects frames
        self._change_pending = False  # source_changed sent and not yet acted on
        self.session = app.new_session(self._sink)

    # ---- out: runtime -> viewer ----

    def _sink(self, data: bytes) -> None:
        """Queue a message for the tab; called on the script thread (or the loop's)."""
        with self._lock:
            if self._closed:
                return
            self._queued.append(data)
            if self._wake_scheduled:
                return
            self._wake_scheduled = True
        try:
            self._loop.call_soon_threadsafe(self._wake.set)
        except RuntimeError:  # the loop closed under a script thread that outlived the server
            pass

    async def _pump(self) -> None:
        wake = self._wake
        ws = self.ws
        while True:
            await wake.wait()
            wake.clear()
            with self._lock:
                queued, self._queued = self._queued, []
                self._wake_scheduled = False
                if self._closed:
                    return
            if not queued:
                continue
            try:
                for message in _messages(queued):
                    await ws.send_bytes(message)
            except (ConnectionError, RuntimeError):
                return  # the tab went away; `serve` ends when its receive side notices

    def source_changed(self, path: str) -> None:
        """A watched file changed: rerun, or let the viewer offer to (run-on-save off)."""
        if not self._started:
            return
        if self.run_on_save:
            self.session.request_rerun()
        else:
            self._change_pending = True
            self._sink(frame("source_changed", path=path))

    # ---- in: viewer -> runtime ----

    async def serve(self) -> None:
        """Obey the tab's messages until it disconnects."""
        pump = asyncio.create_task(self._pump())
        try:
            async for message in self.ws:
                if message.type is WSMsgType.BINARY:
                    self.receive(message.data)
                elif message.type is WSMsgType.TEXT:
                    log.warning(
                        "session %s: dropped a text message (frames are binary msgpack)",
                        self.session.id[:8],
                    )
                elif message.type is WSMsgType.ERROR:
                    log.warning("session %s: connection error: %s", self.session.id[:8], message)
        finally:
            with self._lock:
                self._closed = True
                self._queued.clear()
            self._wake.set()
            await pump

    def receive(self, raw: bytes) -> None:
        """Decode one message and obey its frames; bad input is logged and dropped."""
        if len(raw) > self._max_message_bytes:
            log.warning(
                "session %s: dropped a message of %d bytes (limit %d)",
                self.session.id[:8],
                len(raw),
                self._max_message_bytes,
            )
            return
        try:
            frames = decode_message(raw)
        except ProtocolError as exc:
            log.warning("session %s: dropped a message: %s", self.session.id[:8], exc)
            return
        for f in frames:
            kind = f["t"]
            if kind == "run_on_save":
                self._run_on_save(f)
                continue
            if kind in _RUNS:
                self._change_pending = False
                if kind == "hello":
                    self._started = True
            try:
                self.session.handle_frame(f)
            except ProtocolError as exc:
                log.warning("session %s: dropped a %r frame: %s", self.session.id[:8], kind, exc)
            except Exception:
                # A bug of ours must cost one frame, never the connection.
                log.exception("session %s: failed to handle a %r frame", self.session.id[:8], kind)

    def _run_on_save(self, f: dict[str, Any]) -> None:
        enabled = f.get("enabled")
        if not isinstance(enabled, bool):
            log.warning("session %s: run_on_save needs a bool 'enabled'", self.session.id[:8])
            return
        self.run_on_save = enabled
        # "Always rerun" on the source-changed bar also applies the change it was shown for.
        if enabled and self._change_pending:
            self._change_pending = False
            self.session.request_rerun()

    async def close_session(self) -> None:
        """End the session; its thread is joined off the loop, which must not block."""
        with self._lock:
            self._closed = True
            self._queued.clear()
        await asyncio.get_running_loop().run_in_executor(None, self.session.close)


def _messages(frames: list[bytes]) -> list[bytes]:
    """Concatenate queued frames into messages of about MESSAGE_BYTES (one frame may exceed it)."""
    if len(frames) == 1:
        return frames
    messages: list[bytes] = []
    batch: list[bytes] = []
    size = 0
    for data in frames:
        if batch and size + len(data) > MESSAGE_BYTES:
            messages.append(b"".join(batch))
            batch, size = [], 0
        batch.append(data)
        size += len(data)
    if batch:
        messages.append(b"".join(batch))
    return messages
