"""Custom components for VS Code's panel: the language server's own small HTTP server on
127.0.0.1 with only the components' route (servers/web/component_routes.py, its CSP and
`sandbox` included), since the panel has no app server to load a component's files or a
`components.html` page from.

The extension asks for it once per server start (`sidepane/serveComponents`) with a port it
chose, so that the panel's CSP can name the frames' origin before this process runs. Binding
costs nothing; its HTTP server loads and serves only when the first request comes (a run drew a
component), the request waiting in the socket's backlog meanwhile: an app without components
never pays for it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from typing import TYPE_CHECKING

from sidepane.runtime import fork_safety

if TYPE_CHECKING:
    from websockets.asyncio.server import Server, ServerConnection
    from websockets.http11 import Request as RawRequest
    from websockets.http11 import Response

log = logging.getLogger("sidepane.lsp")

HOST = "127.0.0.1"


class ComponentServer:
    """One per language server; `listen` on its event loop's thread."""

    def __init__(self) -> None:
        self._sock: socket.socket | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: Server | None = None
        self._starting: asyncio.Task[None] | None = None

    @property
    def port(self) -> int | None:
        """The port bound, once `listen` was called."""
        return int(self._sock.getsockname()[1]) if self._sock is not None else None

    def listen(self, port: int) -> int:
        """Bind `port` (any free one if it is taken, or 0) and serve there from the first
        request on; the port bound. Called again: the same port (one server per process)."""
        if self._sock is not None:
            return int(self._sock.getsockname()[1])
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if os.name != "nt":
            # A restarted server takes its predecessor's port back at once (TIME_WAIT). Not on
            # Windows, where the option would let it share a port another process listens on.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError as exc:
            log.info("components: port %d is taken (%s); serving on another", port, exc)
            sock.bind((HOST, 0))
        sock.listen(128)
        sock.setblocking(False)
        fork_safety.keep_from_children(sock)
        self._sock = sock
        self._loop = asyncio.get_running_loop()
        try:
            self._loop.add_reader(sock.fileno(), self._first_request)
        except NotImplementedError:  # Windows' proactor loop: serve now
            self._first_request(watching=False)
        bound = int(sock.getsockname()[1])
        log.info("components: http://%s:%d/component/ (served from the first request)", HOST, bound)
        return bound

    def _first_request(self, watching: bool = True) -> None:
        assert self._loop is not None and self._sock is not None
        if watching:
            self._loop.remove_reader(self._sock.fileno())
        self._starting = self._loop.create_task(self._serve(self._sock))

    async def _serve(self, sock: socket.socket) -> None:
        from websockets.asyncio.server import serve

        from sidepane.servers.web.http_messages import server_log

        self._server = await serve(
            _no_websockets,
            sock=sock,
            process_request=_route,
            server_header=None,
            logger=server_log("sidepane.lsp.components_http"),
        )

    async def close(self) -> None:
        """Stop serving and free the port."""
        sock, self._sock = self._sock, None
        if sock is None:
            return
        if self._starting is None:
            assert self._loop is not None
            self._loop.remove_reader(sock.fileno())
        else:
            await asyncio.gather(self._starting, return_exceptions=True)
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        sock.close()


async def _route(connection: ServerConnection, raw: RawRequest) -> Response:
    from sidepane.servers.web import component_routes
    from sidepane.servers.web.http_messages import Request, not_found, refuse_method

    request = Request.of(raw, connection.remote_address)
    refused = refuse_method(request)
    if refused is not None:
        return refused
    if not request.path.startswith(component_routes.PREFIX):
        return not_found()
    return await component_routes.serve(
        request, request.path, component_routes.PANEL_FRAME_ANCESTORS
    )


async def _no_websockets(_connection: ServerConnection) -> None:
    """Never called: every request gets an HTTP response."""
