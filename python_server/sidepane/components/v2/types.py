"""Types for `st.components.v2`: the mounting command's arguments and signature."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable

    from sidepane.components.v2.result import ComponentResult

BidiComponentKey = str | int | None
BidiComponentData = Any | None
BidiComponentDefaults = dict[str, Any] | None
ComponentIsolateStyles = bool


class ComponentRenderer(Protocol):
    """The mounting command `st.components.v2.component` returns.

    Call it (keyword arguments only) to draw an instance of the component; it returns a
    `ComponentResult` with the instance's state and trigger values.

    Parameters
    ----------
    key : str, int or None
        The instance's key: its state is then `st.session_state[key]`, and new `data` keeps
        the instance (and its state). Without one, an id is made from the mounting arguments.
    data : Any or None
        What the component's JavaScript receives as `data`: JSON-serialisable values, a
        DataFrame or other table (an Arrow table there), raw bytes (a Uint8Array), or a dict
        whose first-level values may be tables.
    default : dict or None
        First values of state keys; each key needs its `on_<key>_change` callback.
    width : "stretch", "content" or int
        The component's width: its container's (default), its content's, or pixels.
    height : "content", "stretch" or int
        Its height: its content's (default), its container's, or pixels (scrolling inside).
    **callbacks : callable
        `on_<key>_change` for each state and trigger key; only those keys show in the result
        (None until set).
    """

    def __call__(
        self,
        *,
        key: BidiComponentKey = None,
        data: BidiComponentData = None,
        default: BidiComponentDefaults = None,
        width: Literal["stretch", "content"] | int = "stretch",
        height: Literal["content", "stretch"] | int = "content",
        **on_callbacks: Callable[[], Any] | None,
    ) -> ComponentResult: ...


__all__ = [
    "BidiComponentData",
    "BidiComponentDefaults",
    "BidiComponentKey",
    "ComponentIsolateStyles",
    "ComponentRenderer",
]
