"""Sidepane's Python loggers, shown in the extension's output channel via `window/logMessage`."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer


def _message_type(level: int) -> types.MessageType:
    if level >= logging.ERROR:
        return types.MessageType.Error
    if level >= logging.WARNING:
        return types.MessageType.Warning
    if level >= logging.INFO:
        return types.MessageType.Info
    return types.MessageType.Log


class ClientLogHandler(logging.Handler):
    """Sends records to the client as `window/logMessage`, from the event loop's thread (the
    only one that writes to the JSON-RPC stream).

    Records from other threads (a script thread's runtime warning) are handed to the loop.
    Before the loop is bound, after it closed, or while a send of its own is failing, records
    go to stderr instead, which the extension also shows.
    """

    def __init__(self, server: LanguageServer) -> None:
        super().__init__()
        self._server = server
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: int | None = None
        self._sending = False
        self.setFormatter(logging.Formatter("%(name)s: %(message)s"))

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        """Start sending to the client; call on the loop's thread."""
        self._loop = loop
        self._loop_thread = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = self.format(record)
        except Exception:
            self.handleError(record)
            return
        params = types.LogMessageParams(type=_message_type(record.levelno), message=message)
        loop = self._loop
        if loop is None or loop.is_closed():
            _to_stderr(message)
        elif threading.get_ident() == self._loop_thread:
            self._send(params)
        else:
            try:
                loop.call_soon_threadsafe(self._send, params)
            except RuntimeError:  # closed meanwhile
                _to_stderr(message)

    def _send(self, params: types.LogMessageParams) -> None:
        # A failing write is reported through logging again: never loop on it.
        if self._sending:
            _to_stderr(params.message)
            return
        self._sending = True
        try:
            self._server.window_log_message(params)
        except Exception:
            _to_stderr(params.message)
        finally:
            self._sending = False


def _to_stderr(message: str) -> None:
    try:
        sys.stderr.write(f"sidepane: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def route_sidepane_logs(server: LanguageServer) -> ClientLogHandler:
    """Send the `sidepane.*` loggers' records (INFO and up) to the client, not to stderr."""
    handler = ClientLogHandler(server)
    logger = logging.getLogger("sidepane")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    logger.propagate = False
    return handler


class _AnsweredInvalidParams(logging.Filter):
    """Drops pygls's traceback for a request answered with InvalidParams: a client's mistake
    (a script that is not a .py file) is not a server failure."""

    def filter(self, record: logging.LogRecord) -> bool:
        from pygls.exceptions import JsonRpcInvalidParams

        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, JsonRpcInvalidParams)


def quiet_answered_errors() -> None:
    logging.getLogger("pygls.protocol.json_rpc").addFilter(_AnsweredInvalidParams())
