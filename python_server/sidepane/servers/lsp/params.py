"""Reading the params of the custom `sidepane/*` methods, which arrive as plain JSON objects,
into their declared shapes (sidepane.protocol.schema.lsp)."""

from __future__ import annotations

from typing import Any

from sidepane.protocol.schema.lsp import (
    CloseSessionParams,
    ConfigureParams,
    MessageParams,
    OpenSessionParams,
    ServeComponentsParams,
)
from sidepane.servers.viewer_link import RUN_ON_SAVE_MODES, RunOnSave


class BadParams(ValueError):
    """Params that do not match docs/protocol.md; the message says what is wrong."""


def fields(params: Any) -> dict[str, Any]:
    if not isinstance(params, dict):
        raise BadParams("params must be an object")
    return params


def text(params: dict[str, Any], name: str) -> str:
    value = params.get(name)
    if not isinstance(value, str) or not value:
        raise BadParams(f"{name!r} must be a non-empty string")
    return value


def run_on_save(params: dict[str, Any]) -> RunOnSave | None:
    """The optional `runOnSave` mode."""
    value = params.get("runOnSave")
    if value is None:
        return None
    for mode in RUN_ON_SAVE_MODES:
        if value == mode:
            return mode
    raise BadParams(f"'runOnSave' must be one of {', '.join(RUN_ON_SAVE_MODES)}, not {value!r}")


def script_args(params: dict[str, Any]) -> list[str] | None:
    """The optional `args` list (the script's sys.argv[1:])."""
    value = params.get("args")
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        raise BadParams("'args' must be a list of strings")
    return list(value)


def open_session(p: Any) -> OpenSessionParams:
    f = fields(p)
    read: OpenSessionParams = {"session": text(f, "session"), "script": text(f, "script")}
    args = script_args(f)
    if args is not None:
        read["args"] = args
    mode = run_on_save(f)
    if mode is not None:
        read["runOnSave"] = mode
    return read


def message(p: Any) -> MessageParams:
    f = fields(p)
    return {"session": text(f, "session"), "data": text(f, "data")}


def close_session(p: Any) -> CloseSessionParams:
    return {"session": text(fields(p), "session")}


def configure(p: Any) -> ConfigureParams:
    f = fields(p)
    read: ConfigureParams = {}
    mode = run_on_save(f)
    if mode is not None:
        read["runOnSave"] = mode
    args = script_args(f)
    if args is not None:
        read["args"] = args
    return read


def serve_components(p: Any) -> ServeComponentsParams:
    port = fields(p).get("port")
    # bool is an int to Python, not a port to anyone.
    if not isinstance(port, int) or isinstance(port, bool) or not 0 <= port <= 65535:
        raise BadParams(f"'port' must be a port number (0 to 65535), not {port!r}")
    return {"port": port}
