"""Streamlit-style checks and messages for `st.` arguments, and props omitted at their default.

The error builders return the exception for the caller to raise (`raise value_error(...)`); their
messages are Streamlit's, word for word, which the conformance tests compare against.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

from sidepane.errors import SidepaneAPIException


def value_error(
    parameter: str, valid: Iterable[str], detail: str | None = None
) -> SidepaneAPIException:
    """Streamlit's `StreamlitValueError`: `parameter` is none of the `valid` values."""
    message = f"Invalid `{parameter}` value. Supported values: {', '.join(valid)}."
    return SidepaneAPIException(f"{message} {detail}" if detail else message)


def type_error(
    parameter: str, provided: str, expected: Iterable[str], detail: str | None = None
) -> SidepaneAPIException:
    """Streamlit's `StreamlitInvalidTypeError`: `provided` (a type name) is none of `expected`."""
    message = (
        f"Invalid `{parameter}` type. Expected one of: {', '.join(expected)}. "
        f"Provided type: {provided}."
    )
    return SidepaneAPIException(f"{message} {detail}" if detail else message)


def normalize_alt(alt: object) -> str | None:
    """An element's `alt` text as Streamlit keeps it: stripped, and None when empty or blank."""
    if alt is None:
        return None
    text = str(alt).strip()
    return text or None


def optional_props(
    props: dict[str, Any], /, *, keep_false: bool = False, **extra: Any
) -> dict[str, Any]:
    """Add to `props` the `extra` ones not at their default: None, and False unless `keep_false`."""
    for k, v in extra.items():
        if v is not None and (keep_false or v is not False):
            props[k] = v
    return props


# ---- on_change / on_click ----

WidgetCallback = Callable[..., Any]
OnChange = WidgetCallback | Literal["rerun", "ignore"] | None
_MODES = ("rerun", "ignore")


def resolve_callback(
    callback: object, supported: Sequence[str] = _MODES, param: str = "on_change"
) -> tuple[WidgetCallback | None, bool]:
    """Split an `on_change`/`on_click` argument into (callback or None, whether it is "ignore")."""
    if callback is None:
        return None, False
    if callable(callback):
        return callback, False
    if isinstance(callback, str) and callback in _MODES:
        if callback in supported:
            return None, callback == "ignore"
        raise SidepaneAPIException(
            f'`{param}="{callback}"` is not supported on this widget. '
            f"Pass a callback, or omit `{param}`."
        )
    valid = [repr(m) for m in supported] + ["a callback function"]
    raise value_error(param, valid)


def callback(on_change: object) -> WidgetCallback | None:
    """The callable behind `on_change`; the modes "rerun" and "ignore" mean no callback."""
    return resolve_callback(on_change)[0]


def check_max_upload_size(max_upload_size: object) -> None:
    """`max_upload_size` (MB per file) of the widgets that take files: None or a positive int."""
    if max_upload_size is not None and (
        isinstance(max_upload_size, bool)
        or not isinstance(max_upload_size, int)
        or max_upload_size < 1
    ):
        raise value_error(
            "max_upload_size",
            ["a positive integer"],
            "Set it to None to fall back to the `server.maxUploadSize` configuration option.",
        )


def check_binding(bind: object, persist_state: object, key: str | int | None) -> None:
    """A widget's `bind` ("query-params" or None) and `persist_state` ("page", "session" or
    None), checked as Streamlit checks them: each needs the widget's `key`."""
    if bind is not None and bind != "query-params":
        raise value_error("bind", ["'query-params'", "None"])
    if bind is not None and key is None:
        raise SidepaneAPIException(
            "The `key` parameter is required. When using bind='query-params', the widget must "
            "have a unique 'key' parameter specified. This 'key' will be used as the name of the "
            "query parameter."
        )
    if persist_state is None:
        return
    if persist_state not in ("page", "session"):
        raise value_error("persist_state", ["'page'", "'session'", "None"])
    if key is None:
        raise SidepaneAPIException(
            "The `key` parameter is required. When using persist_state, the widget must have a "
            "unique 'key' parameter specified so its value can be preserved across reruns and "
            "page switches."
        )
