"""One WebSocket = one AppSession: frames in from the tab, frames out from the script thread."""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
from typing import TYPE_CHECKING

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from sidepane.runtime.app import App
from sidepane.servers.viewer_link import MESSAGE_BYTES as MESSAGE_BYTES
from sidepane.servers.viewer_link import ViewerLink
from sidepane.servers.viewer_link import batch_messages as _messages

if TYPE_CHECKING:
    from sidepane.runtime.session import AppSession

log = logging.getLogger("sidepane.web")


class Connection:
    """A browser tab's WebSocket and the session it drives (through a ViewerLink).

    One writer task on the event loop sends everything the link queued since it last woke as
    one WebSocket message (the protocol allows concatenated frames).
    """

    def __init__(
        self,
        ws: ServerConnection,
        app: App,
        *,
        run_on_save: bool,
        max_message_bytes: int,
    ) -> None:
        self.ws = ws
        self._wake = asyncio.Event()
        self.link = ViewerLink(
            app,
            loop=asyncio.get_running_loop(),
            on_ready=self._wake.set,
            run_on_save="always" if run_on_save else "ask",
            max_message_bytes=max_message_bytes,
        )

    @property
    def session(self) -> AppSession:
        return self.link.session

    async def _pump(self) -> None:
        wake = self._wake
        ws = self.ws
        link = self.link
        while True:
            await wake.wait()
            wake.clear()
            queued = link.take_frames()
            if link.closed:
                return
            if not queued:
                continue
            try:
                for message in _messages(queued):
                    await ws.send(message)
            except (ConnectionClosed, ConnectionError):
                return  # the tab went away; `serve` ends when its receive side notices

    def source_changed(self, path: str) -> None:
        """A watched file changed: rerun, or let the viewer offer to (run-on-save off)."""
        self.link.source_changed(path)

    def receive(self, raw: bytes) -> None:
        """Decode one message and obey its frames; bad input is logged and dropped."""
        self.link.receive(raw)

    def receive_handshake_hello(self, text: str) -> None:
        """The `hello` a tab's first connection carries in its URL (base64url, no padding)."""
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        except (binascii.Error, ValueError):
            self.link.warn("a hello parameter that is not base64url")
            return
        self.link.receive(raw)

    async def serve(self) -> None:
        """Obey the tab's messages until it disconnects."""
        pump = asyncio.create_task(self._pump())
        try:
            async for message in self.ws:
                if isinstance(message, bytes):
                    self.link.receive(message)
                else:
                    self.link.warn("text messages (frames are binary msgpack)")
                # Messages already read are handed over without a pause: give the other
                # connections (and this session's outgoing frames) their turn between two.
                await asyncio.sleep(0)
        except ConnectionClosed as exc:
            if exc.rcvd is None or exc.rcvd.code not in (1000, 1001):
                log.info("session %s: connection closed: %s", self.session.id[:8], exc)
        finally:
            self.link.close()
            self._wake.set()
            await pump

    async def close_session(self) -> None:
        """End the session; its thread is joined off the loop, which must not block."""
        self.link.close()
        await asyncio.get_running_loop().run_in_executor(None, self.session.close)
