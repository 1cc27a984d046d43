"""The web server of `sidepane run`: the page, the bundle, a health check and one WebSocket per
tab (websockets' server; the HTTP routes are answered by `_route`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.http11 import Request as RawRequest

from sidepane.errors import StreamlitAPIException
from sidepane.runtime import fork_safety
from sidepane.runtime.app import App
from sidepane.runtime.pages import discover_pages
from sidepane.runtime.viewer_facts import ClientFacts
from sidepane.servers.viewer_link import max_message_bytes_setting
from sidepane.servers.web import app_static, component_routes
from sidepane.servers.web.auth_routes import AuthRoutes
from sidepane.servers.web.connection import Connection
from sidepane.servers.web.http_messages import (
    Request,
    Response,
    file_response,
    file_under,
    not_found,
    own_file_type,
    redirect,
    refuse_method,
    respond,
    server_log,
    text,
)
from sidepane.servers.web.page import (
    PAGE_HEADERS,
    base_path,
    bundle_built,
    bundle_preloads,
    default_static_dir,
    library_preloads,
    not_built_html,
    shell_html,
)
from sidepane.servers.web.ports import DEFAULT_PORT, bind_socket, url_host

if TYPE_CHECKING:
    from sidepane.servers.watcher import SourceWatcher

log = logging.getLogger("sidepane.web")

_STATIC_HEADERS = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
# esbuild names chunks by their content's hash: a browser may keep them without asking again.
_CHUNK_HEADERS = {
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
}
_CHUNKS = "chunks/"
_STATIC = "/static/"
_HTML = "text/html; charset=utf-8"
_GOING_AWAY = 1001
_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
_WILDCARDS = frozenset({"", "0.0.0.0", "::"})
# Messages between the protocol's limit and this many times it are read and dropped with a
# warning (the session keeps working); larger ones close the connection (1009) before they are
# buffered whole, so a tab cannot make the server hold gigabytes.
_READ_LIMIT_FACTOR = 2


class WebServer:
    """Serves one App to any number of browser tabs; each tab gets its own AppSession.

    All sessions share the App (compiled script, module reloader) and the process-wide caches.
    """

    def __init__(
        self,
        app: App,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        port_fallback: bool = True,
        run_on_save: bool = False,
        static_dir: Path | None = None,
        watch: bool = True,
        max_message_bytes: int | None = None,
    ) -> None:
        self.app = app
        self.host = host
        self.port = port
        self._port_fallback = port_fallback
        self.run_on_save = run_on_save
        self.static_dir = (static_dir or default_static_dir()).resolve()
        self._watch = watch
        self._max_message_bytes = max_message_bytes or max_message_bytes_setting()
        self.connections: set[Connection] = set()
        self.watcher: SourceWatcher | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._watch_after_run = False
        self._stopping = False
        self._server: Server | None = None
        self.auth = AuthRoutes(app, lambda: self.port)
        # server.baseUrlPath: every route under it (`/myapp/`, `/myapp/ws`, `/myapp/page`).
        self.base_path = base_path(app.config.get("server.baseUrlPath"))
        # server.corsAllowedOrigins: pages served elsewhere that may connect (a reverse proxy
        # such as code-server's, which shows the app under its own address).
        self.trusted_origins = {
            str(o).rstrip("/").lower() for o in app.config.get("server.corsAllowedOrigins") or []
        }

    @property
    def url(self) -> str:
        return f"http://{url_host(self.host)}:{self.port}"

    @property
    def app_url(self) -> str:
        """Where the app is: the server's URL, under `server.baseUrlPath` when set."""
        return f"{self.url}{self.base_path}/" if self.base_path else self.url

    async def start(self, sock: socket.socket | None = None, *, watch_later: bool = False) -> None:
        """Start serving, on `sock` when the caller bound it already (`sidepane run` binds before
        it imports this module), else bind here (raises PortInUseError); watch the script's files
        from now, or with `watch_later` from the end of the first run."""
        self._loop = asyncio.get_running_loop()
        if sock is None:
            sock = bind_socket(self.host, self.port, fallback=self._port_fallback)
        # A process a script forks must not keep the port (it may outlive the server).
        fork_safety.keep_from_children(sock)
        self.port = int(sock.getsockname()[1])
        self._server = await serve(
            self._websocket,
            sock=sock,
            process_request=self._route,
            server_header=None,
            compression=None,  # loopback: deflate would only add latency
            max_size=self._max_message_bytes * _READ_LIMIT_FACTOR,
            ping_interval=30.0,
            # A sign-in's callback waits on the provider (up to 15 s) before it answers.
            open_timeout=30.0,
            close_timeout=1.0,
            logger=server_log("sidepane.web.http"),
        )
        if not self._watch:
            return
        if watch_later:
            # A launch's first paint waits on the first run; the watcher's modules and its
            # start would compete with it (and with the page's requests) for the GIL.
            self._watch_after_run = True
        else:
            self._start_watching()

    def _start_watching(self) -> None:
        from sidepane.servers.watcher import SourceWatcher

        if self.watcher is not None or self._stopping:
            return
        self.watcher = SourceWatcher(
            self.app.script_path,
            self.source_changed,
            asyncio.get_running_loop(),
            page_files=lambda: self.app.shared_pages.files,
        )
        self.watcher.start()
        # A save made before the watcher started would go unheard: compare with what ran.
        for path in self.app.code_cache.changed_since_compiled():
            self.source_changed(path)

    async def stop(self) -> None:
        """Stop watching, close every tab's connection and session, stop serving."""
        self._stopping = True
        loop = asyncio.get_running_loop()
        if self.watcher is not None:
            await loop.run_in_executor(None, self.watcher.stop)
            self.watcher = None
        for connection in list(self.connections):
            with contextlib.suppress(Exception):
                await connection.ws.close(code=_GOING_AWAY, reason="server stopped")
        await asyncio.gather(*(c.close_session() for c in list(self.connections)))
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    def source_changed(self, path: str) -> None:
        """A watched file was saved: each tab reruns or is told (loop thread)."""
        for connection in self.connections:
            connection.source_changed(path)

    # ---- routes ----

    async def _route(self, connection: ServerConnection, raw: RawRequest) -> Response | None:
        """websockets' `process_request`: the response to an HTTP request, or None to let a
        WebSocket handshake go on (`/ws`, from an allowed origin)."""
        request = Request.of(raw, connection.remote_address)
        refused = refuse_method(request)
        if refused is not None:
            return refused
        path = request.path
        # Under the base path, and at the root too: health checks need not know the base path.
        if path in ("/healthz", self.base_path + "/healthz"):
            return text("ok")
        if self.base_path:
            if path == self.base_path:
                return redirect(self.base_path + "/")
            if not path.startswith(self.base_path + "/"):
                return not_found()
            path = path[len(self.base_path) :]
        if path == "/ws":
            return self._handshake(request)
        if path == "/":
            return self._index()
        if path == "/favicon.ico":
            # The page names an empty icon (the viewer sets page_config's); this spares clients
            # that ask anyway a 404 in their console.
            return respond(204)
        if path.startswith(_STATIC):
            return await self._static(request, path[len(_STATIC) :])
        if path.startswith(app_static.PREFIX) and self.app.config.get("server.enableStaticServing"):
            return await app_static.serve(request, self.app.script_dir, path)
        if path.startswith(component_routes.PREFIX):
            return await component_routes.serve(request, path)
        auth = self.auth.route(path)
        if auth is not None:
            return await auth(request)
        if path.count("/") == 1:
            return self._page(path[1:])
        return not_found()

    def _handshake(self, request: Request) -> Response | None:
        origin = request.headers.get("Origin")
        if not self.origin_allowed(origin):
            log.warning("refused a WebSocket from origin %r", origin)
            return text("Forbidden: this origin may not connect.", 403)
        return None

    def _index(self) -> Response:
        if not bundle_built(self.static_dir):
            return text(not_built_html(self.static_dir), 503, PAGE_HEADERS, content_type=_HTML)
        page = shell_html(
            base=self.base_path,
            preloads=bundle_preloads(self.static_dir),
            scripts=library_preloads(self.static_dir, Path(self.app.script_path)),
        )
        return text(page, 200, PAGE_HEADERS, content_type=_HTML)

    def _page(self, name: str) -> Response:
        # `/page_1`: a page of a multipage app, or a name the viewer will say it cannot find. A
        # name with a dot looks like a file (`/robots.txt`): 404 unless a page has that name.
        if "." in name:
            menu = self.app.shared_pages.last_menu
            try:
                pages = menu.pages if menu is not None else discover_pages(self.app.script_path)
                names = {p.url_path for p in pages}
            except StreamlitAPIException:
                names = set()
            if name not in names:
                return not_found()
        return self._index()

    async def _static(self, request: Request, name: str) -> Response:
        _, target = file_under(self.static_dir, name)
        if target is None:
            return not_found()
        headers = _CHUNK_HEADERS if name.startswith(_CHUNKS) else _STATIC_HEADERS
        return await file_response(request, target, headers, own_file_type(name))

    async def _websocket(self, ws: ServerConnection) -> None:
        assert ws.request is not None  # handlers run after the handshake
        request = Request.of(ws.request, ws.remote_address)
        # A process a script forks must not keep the tab's connection open (nor write to it).
        transport_socket = ws.transport.get_extra_info("socket")
        fd = transport_socket.fileno() if transport_socket is not None else -1
        if fd >= 0:
            fork_safety.keep_from_children(fd)
        connection = Connection(
            ws,
            self.app,
            run_on_save=self.run_on_save,
            max_message_bytes=self._max_message_bytes,
        )
        # Read once, as Streamlit does: a session keeps its user until st.login/st.logout.
        connection.session.user_info = self.auth.user_info(request)
        connection.session.client = client_facts(request)
        connection.session.add_run_listener(self._after_run)
        self.connections.add(connection)
        hello = request.query.get("hello")
        if hello is not None:
            connection.receive_handshake_hello(hello)
        try:
            await connection.serve()
        finally:
            if fd >= 0:
                fork_safety.forget(fd)
            self.connections.discard(connection)
            await connection.close_session()

    def _after_run(self, _result: object) -> None:
        # Script thread: the run may have imported new local modules.
        if self.watcher is not None:
            self.watcher.refresh_soon()
        elif self._watch_after_run and self._loop is not None:
            self._watch_after_run = False
            import sidepane.servers.watcher  # noqa: F401  (the costly part, off the loop)

            self._loop.call_soon_threadsafe(self._start_watching)

    def origin_allowed(self, origin: str | None) -> bool:
        """Whether a WebSocket handshake with this `Origin` header may connect.

        A missing Origin is allowed: browsers always send one, so only non-browser clients
        (tests, tools) omit it. Otherwise the origin must be this server, named by a loopback
        name or the host it was bound to, on its port: a page from another site (or one
        rebinding its own DNS name to 127.0.0.1) cannot drive the app. When bound to all
        interfaces (0.0.0.0), any host name on this port is accepted, since the app is then
        reachable from the network anyway. An origin listed in `server.corsAllowedOrigins` is
        trusted too.
        """
        if origin is None:
            return True
        if origin.rstrip("/").lower() in self.trusted_origins:
            return True
        try:
            parts = urlsplit(origin)
            port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
        except ValueError:
            return False
        if parts.scheme not in ("http", "https") or not parts.hostname or port != self.port:
            return False
        if self.host in _WILDCARDS:
            return True
        return parts.hostname in _LOOPBACK_NAMES or parts.hostname == self.host.lower()


def client_facts(request: Request) -> ClientFacts:
    """What `st.context` tells of the request a tab connected with."""
    return ClientFacts(
        headers=list(request.headers.raw_items()),
        cookies=dict(request.cookies),
        remote_ip=request.remote,
    )
