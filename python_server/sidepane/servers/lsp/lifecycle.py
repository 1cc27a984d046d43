"""LSP's lifecycle on top of pygls's protocol: nothing before `initialize`, nothing after
`shutdown` but `exit`, each refusal answered as the spec says.

pygls serves requests before `initialize` and drops requests after `shutdown` unanswered (the
client waits forever). Its own flag is set only when the shutdown handler finishes; LSP counts
from the request's arrival, which also decides `exit`'s status (0 after `shutdown`, else 1).
"""

from __future__ import annotations

import logging
from typing import Any

from lsprotocol import types
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import RPCMessage, RPCRequest

log = logging.getLogger("sidepane.lsp")

MsgId = int | str | None


class SidepaneProtocol(LanguageServerProtocol):
    """pygls's LSP protocol with the lifecycle gate and error answers of any id (null too)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initialize_received = False
        self.shutdown_received = False

    def send_error(self, msg_id: MsgId, code: int, message: str) -> None:
        """An error response. pygls's own drops `id` when it is None; JSON-RPC needs `null`."""
        error = {"code": code, "message": message}
        self._send_data({"jsonrpc": self.VERSION, "id": msg_id, "error": error})

    def handle_message(self, message: RPCMessage) -> None:
        method = getattr(message, "method", None)
        if method is None or method == types.EXIT:  # responses; `exit` at any time
            super().handle_message(message)
            return
        refusal = self._refusal(method, isinstance(message, RPCRequest))
        if refusal is None:
            if method == types.INITIALIZE:
                self.initialize_received = True
            elif method == types.SHUTDOWN:
                self.shutdown_received = True
            super().handle_message(message)
        elif isinstance(message, RPCRequest):
            code, text = refusal
            self.send_error(message.id, code, f"{method}: {text}")
        else:
            log.warning("Dropped the notification %s: %s", method, refusal[1])

    def _refusal(self, method: str, request: bool) -> tuple[int, str] | None:
        if not self.initialize_received:
            if method == types.INITIALIZE and request:
                return None
            return types.ErrorCodes.ServerNotInitialized, "the server is not initialized yet"
        if self.shutdown_received:
            return types.ErrorCodes.InvalidRequest, "the server is shutting down"
        if method == types.INITIALIZE:
            return types.ErrorCodes.InvalidRequest, "the server is initialized already"
        return None
