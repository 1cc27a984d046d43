"""Custom methods' params and results as plain JSON values (dicts, lists), not namedtuples.

pygls turns the params of a method lsprotocol does not know into nested namedtuples, through a
second JSON round trip of each message; `sidepane/*` params are read as dicts by `params.py`
instead, and a frames message's base64 string is parsed once.
"""

from __future__ import annotations

from typing import Any

from cattrs import Converter
from pygls.protocol import (
    JsonRPCNotification,
    JsonRPCRequestMessage,
    JsonRPCResponseMessage,
    default_converter,
)


def converter_factory() -> Converter:
    """pygls's converter, keeping the generic messages' params and results as parsed."""
    converter: Converter = default_converter()  # type: ignore[no-untyped-call]
    converter.register_structure_hook(JsonRPCRequestMessage, _request)
    converter.register_structure_hook(JsonRPCNotification, _notification)
    converter.register_structure_hook(JsonRPCResponseMessage, _response)
    return converter


def _request(obj: dict[str, Any], cls: type[JsonRPCRequestMessage]) -> JsonRPCRequestMessage:
    return cls(id=obj["id"], method=obj["method"], jsonrpc=obj["jsonrpc"], params=obj.get("params"))


def _notification(obj: dict[str, Any], cls: type[JsonRPCNotification]) -> JsonRPCNotification:
    return cls(method=obj["method"], jsonrpc=obj["jsonrpc"], params=obj.get("params"))


def _response(obj: dict[str, Any], cls: type[JsonRPCResponseMessage]) -> JsonRPCResponseMessage:
    return cls(id=obj["id"], jsonrpc=obj["jsonrpc"], result=obj.get("result"))
