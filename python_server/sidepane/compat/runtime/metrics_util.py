"""`streamlit.runtime.metrics_util`: `gather_metrics`, which packages put on their commands.

Sidepane collects no usage metrics, so the decorator returns the function unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

from sidepane.compat import missing_names

F = TypeVar("F", bound=Callable[..., Any])


@overload
def gather_metrics(name: str, func: F, *, _positional_arg_offset: int = 0) -> F: ...


@overload
def gather_metrics(
    name: str, func: None = None, *, _positional_arg_offset: int = 0
) -> Callable[[F], F]: ...


def gather_metrics(
    name: str, func: F | None = None, *, _positional_arg_offset: int = 0
) -> Callable[[F], F] | F:
    """`func` itself (as a decorator, with or without `func`): Sidepane gathers no metrics."""
    if func is None:
        return lambda f: f
    return func


if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.runtime.metrics_util")

__all__ = ["gather_metrics"]
