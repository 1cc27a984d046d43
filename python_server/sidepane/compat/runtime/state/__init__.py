"""`streamlit.runtime.state`: the session state's proxy types and the widget callback types."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias

from sidepane.compat import missing_names
from sidepane.runtime.query_params import QueryParamsProxy
from sidepane.runtime.session_state import SessionStateProxy

WidgetArgs: TypeAlias = tuple[Any, ...] | list[Any]
WidgetKwargs: TypeAlias = dict[str, Any]
WidgetCallback: TypeAlias = Callable[..., None]

if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.runtime.state")

__all__ = [
    "QueryParamsProxy",
    "SessionStateProxy",
    "WidgetArgs",
    "WidgetCallback",
    "WidgetKwargs",
]
