"""The server's read loop, in place of pygls's `run_async`: every faulty message is answered as
JSON-RPC 2.0 says, and the loop goes on.

pygls logs a body that is not JSON, is not an object, or lacks `jsonrpc`, and answers nothing;
params its types reject are logged too, and the request waits forever. Here:

- unreadable framing or JSON: Parse error (-32700), `id: null`;
- JSON that is not a request (not an object, no `jsonrpc: "2.0"`, a bad `method`, `id` or
  `params`), or a framing fault around whole JSON: Invalid Request (-32600) with the message's
  id when it has a valid one, else `null`;
- a batch (a JSON array; LSP has none): Invalid Request for each element, or one for `[]`;
- params that lsprotocol's types reject: Invalid Params (-32602).

A malformed response (no `method`) is logged: JSON-RPC never answers a response.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from cattrs import transform_error
from lsprotocol.types import ErrorCodes
from pygls.exceptions import JsonRpcException

from sidepane.servers.lsp.framing import Fault, Framer
from sidepane.servers.lsp.lifecycle import MsgId, SidepaneProtocol
from sidepane.servers.lsp.pipe_reader import ByteSource

log = logging.getLogger("sidepane.lsp")


async def serve(source: ByteSource, protocol: SidepaneProtocol, stop: threading.Event) -> None:
    """Read and handle messages until the end of input or `stop`."""
    framer = Framer(source)
    while not stop.is_set():
        item = await framer.read()
        if item is None:
            return
        if isinstance(item, Fault):
            log.warning("%s", item.reason)
            if item.whole:
                protocol.send_error(request_id(item.value), ErrorCodes.InvalidRequest, item.reason)
            else:
                protocol.send_error(None, ErrorCodes.ParseError, item.reason)
        elif isinstance(item.value, list):
            _refuse_batch(protocol, item.value)
        else:
            deliver(protocol, item.value)


def deliver(protocol: SidepaneProtocol, value: Any) -> None:
    """Hand one parsed message to pygls, or answer why it cannot be."""
    problem = message_problem(value)
    if problem is not None:
        if isinstance(value, dict) and "method" not in value and "id" in value:
            log.warning("Dropped a malformed response: %s", problem)
        else:
            protocol.send_error(request_id(value), ErrorCodes.InvalidRequest, problem)
        return
    try:
        message = protocol.structure_message(value)
    except JsonRpcException as exc:
        _refuse_params(protocol, value, exc)
        return
    try:
        protocol.handle_message(message)
    except Exception as exc:  # pygls answers a failing handler; this is pygls itself failing
        log.exception("Unable to handle message")
        protocol._server._report_server_error(exc, JsonRpcException)


def request_id(value: Any) -> MsgId:
    """The id an answer to `value` carries: its own when it is a valid one, else null."""
    if isinstance(value, dict):
        msg_id = value.get("id")
        if _valid_id(msg_id):
            return msg_id
    return None


def message_problem(value: Any) -> str | None:
    """Why `value` is not a JSON-RPC 2.0 request, notification or response; None if it is."""
    if not isinstance(value, dict):
        return f"A JSON-RPC message is an object, not {type(value).__name__}."
    if value.get("jsonrpc") != "2.0":
        return 'A JSON-RPC message has "jsonrpc": "2.0".'
    if "method" not in value and "id" in value and ("result" in value or "error" in value):
        if "result" in value and "error" in value:
            return 'A response has "result" or "error", not both.'
        return None
    if not isinstance(value.get("method"), str):
        return 'A request has a string "method", a response "result" or "error".'
    if "id" in value and not _valid_id(value["id"]):
        return 'A request\'s "id" is an integer or a string.'
    params = value.get("params")
    if params is not None and not isinstance(params, dict | list):
        return '"params" is an object or an array.'
    return None


def _valid_id(msg_id: Any) -> bool:
    return isinstance(msg_id, str) or (isinstance(msg_id, int) and not isinstance(msg_id, bool))


def _refuse_batch(protocol: SidepaneProtocol, batch: list[Any]) -> None:
    if not batch:
        protocol.send_error(None, ErrorCodes.InvalidRequest, "An empty batch.")
    for element in batch:
        reason = "LSP has no batches: send each message on its own."
        protocol.send_error(request_id(element), ErrorCodes.InvalidRequest, reason)


def _refuse_params(
    protocol: SidepaneProtocol, value: dict[str, Any], exc: JsonRpcException
) -> None:
    """Params that lsprotocol's types reject: answered with what is wrong where."""
    method = value.get("method", "")
    cause = exc.__cause__
    try:
        details = "; ".join(transform_error(cause)) if cause is not None else exc.message
    except TypeError:  # not a cattrs error
        details = str(cause)
    if "id" in value and method:
        protocol.send_error(value["id"], exc.code, f"{method}: {details}")
    else:
        log.warning("Dropped %s: %s", method or "a response", details)
