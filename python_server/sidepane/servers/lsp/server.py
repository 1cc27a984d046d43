"""The pygls language server: thin handlers for the `sidepane/*` methods of docs/protocol.md."""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
import os
import sys
import threading
from typing import TYPE_CHECKING, Any, BinaryIO

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from sidepane import __version__
from sidepane.protocol.schema.lsp import (
    CLOSE_SESSION,
    CONFIGURE,
    FRAMES,
    MESSAGE,
    OPEN_SESSION,
    RUN_ON_SAVE_CHANGED,
    SERVE_COMPONENTS,
    START_DEBUG,
    STATUS,
    FramesParams,
    OpenSessionResult,
    RunOnSaveChangedParams,
    RunState,
    ServeComponentsResult,
    StartDebugResult,
    StatusParams,
)
from sidepane.servers.lsp import params
from sidepane.servers.lsp.component_server import ComponentServer
from sidepane.servers.lsp.hop_trace import hop
from sidepane.servers.lsp.lifecycle import SidepaneProtocol
from sidepane.servers.lsp.logs import ClientLogHandler
from sidepane.servers.lsp.message_loop import serve
from sidepane.servers.lsp.pipe_reader import open_reader
from sidepane.servers.lsp.plain_json import converter_factory
from sidepane.servers.lsp.sessions import Sessions

if TYPE_CHECKING:
    from pygls.server import ServerErrors

log = logging.getLogger("sidepane.lsp")


class SidepaneLanguageServer(LanguageServer):
    """The language server; also the `Client` its sessions send notifications through.

    Notifications are sent from the event loop's thread only: the sessions hand over from
    their script threads, so writes to the JSON-RPC stream never interleave.
    """

    def __init__(self) -> None:
        # No text document sync: the server reads scripts from disk, as saved.
        super().__init__(
            "sidepane",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.None_,
            protocol_cls=SidepaneProtocol,
            converter_factory=converter_factory,
        )
        self.log_handler: ClientLogHandler | None = None
        self.exit_requested = False
        self._sessions: Sessions | None = None
        self.components = ComponentServer()

    @property
    def lsp(self) -> SidepaneProtocol:
        """The protocol, as made by `protocol_cls`."""
        assert isinstance(self.protocol, SidepaneProtocol)
        return self.protocol

    @property
    def shutdown_requested(self) -> bool:
        """`shutdown` came (so `exit` ends the process with status 0, as LSP asks)."""
        return self.lsp.shutdown_received

    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
        """Serve JSON-RPC on `stdin`/`stdout` until `exit` or the end of input (as pygls does,
        with the input read by the event loop and faults answered: see message_loop)."""
        self._stop_event = threading.Event()
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        try:
            asyncio.run(self._serve(stdin or sys.stdin.buffer))
        except BrokenPipeError:
            log.error("The connection to the client is lost; shutting down.")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()  # type: ignore[no-untyped-call]  # pygls's, untyped

    async def _serve(self, stdin: BinaryIO) -> None:
        assert self._stop_event is not None
        await serve(await open_reader(stdin, self.thread_pool), self.lsp, self._stop_event)

    @property
    def sessions(self) -> Sessions:
        """The sessions, made on first use (on the loop's thread, from a handler)."""
        if self._sessions is None:
            loop = asyncio.get_running_loop()
            if self.log_handler is not None:
                self.log_handler.bind(loop)
            self._sessions = Sessions(self, loop)
        return self._sessions

    def close_now(self) -> None:
        """End what is left once the loop has stopped (stdin closed, or `exit`)."""
        if self._sessions is not None:
            self._sessions.close_now()

    # ---- Client: server -> extension ----

    def send_frames(self, session: str, data: bytes) -> None:
        sent: FramesParams = {"session": session, "data": base64.b64encode(data).decode("ascii")}
        self.protocol.notify(FRAMES, sent)
        hop("py.out")

    def send_status(
        self,
        session: str,
        script: str,
        state: RunState,
        run: int,
        ms: float | None,
        *,
        file: str | None = None,
        line: int | None = None,
    ) -> None:
        status: StatusParams = {"session": session, "script": script, "state": state, "run": run}
        if ms is not None:
            status["ms"] = ms
        if file is not None and line is not None:
            status["file"] = file
            status["line"] = line
        self.protocol.notify(STATUS, status)

    def send_run_on_save_changed(self, session: str, enabled: bool) -> None:
        changed: RunOnSaveChangedParams = {"session": session, "enabled": enabled}
        self.protocol.notify(RUN_ON_SAVE_CHANGED, changed)

    def send_diagnostics(self, path: str, diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=from_fs_path(path) or path, diagnostics=diagnostics)
        )

    # ---- errors ----

    def report_server_error(self, error: Exception, source: ServerErrors) -> None:
        """A handler failed (requests were answered with an error response already): log it
        to the output channel rather than pop up a message."""
        if isinstance(error, JsonRpcInvalidParams):
            return  # the client's mistake, answered as such
        log.error("%s: %s", source.__name__, error)


def create_server() -> SidepaneLanguageServer:
    """A language server with every method of docs/protocol.md's "VS Code" table."""
    server = SidepaneLanguageServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: SidepaneLanguageServer, p: types.InitializeParams) -> None:
        if ls.log_handler is not None:
            ls.log_handler.bind(asyncio.get_running_loop())
        if p.initialization_options is not None:
            _configure(ls, p.initialization_options, "initializationOptions")

    @server.feature(types.SHUTDOWN)
    async def shutdown(ls: SidepaneLanguageServer, *_: Any) -> None:
        await ls.sessions.close_all()
        await ls.components.close()

    @server.feature(types.EXIT)
    def exit_(ls: SidepaneLanguageServer, *_: Any) -> None:
        ls.exit_requested = True

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: SidepaneLanguageServer, p: types.DidSaveTextDocumentParams) -> None:
        # The editor's save is the earliest word of it: the file watcher would hear a moment
        # later (and still covers saves made outside the editor).
        path = to_fs_path(p.text_document.uri)
        if path is not None and ls._sessions is not None:
            ls.sessions.saved(path)

    @server.feature(OPEN_SESSION)
    def open_session(ls: SidepaneLanguageServer, p: Any) -> OpenSessionResult:
        try:
            read = params.open_session(p)
        except params.BadParams as exc:
            raise JsonRpcInvalidParams(f"{OPEN_SESSION}: {exc}") from None
        sid = read["session"]
        path = os.path.abspath(read["script"])
        if os.path.splitext(path)[1].lower() != ".py":
            raise JsonRpcInvalidParams(f"Sidepane previews Python (.py) files, not {path}")
        if not os.path.isfile(path):
            raise JsonRpcInvalidParams(f"No such script: {path}")
        panel = ls.sessions.open(
            sid, path, args=read.get("args"), run_on_save=read.get("runOnSave")
        )
        return {"session": sid, "script": panel.script.app.script_path, "version": __version__}

    @server.feature(MESSAGE)
    def message(ls: SidepaneLanguageServer, p: Any) -> None:
        hop("py.in")
        try:
            read = params.message(p)
        except params.BadParams as exc:
            log.warning("%s: dropped: %s", MESSAGE, exc)
            return
        sid, data = read["session"], read["data"]
        try:
            raw = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError) as exc:
            log.warning("session %s: dropped a message that is not base64 (%s)", sid[:8], exc)
            return
        ls.sessions.receive(sid, raw)

    @server.feature(CLOSE_SESSION)
    def close_session(ls: SidepaneLanguageServer, p: Any) -> None:
        try:
            sid = params.close_session(p)["session"]
        except params.BadParams as exc:
            log.warning("%s: dropped: %s", CLOSE_SESSION, exc)
            return
        if not ls.sessions.close(sid):
            log.warning("%s: unknown session %r", CLOSE_SESSION, sid)

    @server.feature(START_DEBUG)
    async def start_debug(ls: SidepaneLanguageServer, _p: Any) -> StartDebugResult:
        from pygls.exceptions import JsonRpcInternalError

        from sidepane.runtime import debugger

        loop = asyncio.get_running_loop()
        try:
            # Starting debugpy takes a moment; the loop keeps serving the panels meanwhile.
            host, port = await loop.run_in_executor(None, debugger.listen, "127.0.0.1", 0)
        except RuntimeError as exc:
            raise JsonRpcInternalError(f"Sidepane could not start the debugger: {exc}") from None
        log.info("debugger listening on %s:%d", host, port)
        return {"host": host, "port": port}

    @server.feature(SERVE_COMPONENTS)
    def serve_components(ls: SidepaneLanguageServer, p: Any) -> ServeComponentsResult:
        try:
            port = params.serve_components(p)["port"]
        except params.BadParams as exc:
            raise JsonRpcInvalidParams(f"{SERVE_COMPONENTS}: {exc}") from None
        return {"port": ls.components.listen(port)}

    @server.feature(CONFIGURE)
    def configure(ls: SidepaneLanguageServer, p: Any) -> None:
        _configure(ls, p, CONFIGURE)

    return server


def _configure(ls: SidepaneLanguageServer, p: Any, what: str) -> None:
    try:
        read = params.configure(p)
    except params.BadParams as exc:
        log.warning("%s: ignored: %s", what, exc)
        return
    ls.sessions.configure(run_on_save=read.get("runOnSave"), args=read.get("args"))
