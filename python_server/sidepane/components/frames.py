"""`components.html` and `components.iframe`: a page in a sandboxed frame, as Streamlit 1.67
draws them (both deprecated there in favour of `st.iframe`, with a warning in the log only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidepane.components.registry import register_html
from sidepane.elements.arguments import type_error, value_error
from sidepane.elements.deprecation import show_deprecation_warning
from sidepane.protocol.schema.elements.components import ComponentFrameProps
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    from sidepane.elements.delta_generator import DeltaGenerator

_DEFAULT_HEIGHT = 150


def check_tab_index(tab_index: object) -> None:
    """`tab_index`: None, -1 or a non-negative int (HTML's tabindex), with Streamlit's errors."""
    if tab_index is None:
        return
    if isinstance(tab_index, bool) or not isinstance(tab_index, int):
        raise type_error("tab_index", type(tab_index).__name__, ["int"])
    if tab_index < -1:
        raise value_error("tab_index", ["None", "-1", "a non-negative integer"])


def _frame_props(
    width: int | None, height: int | None, scrolling: bool, tab_index: int | None
) -> ComponentFrameProps:
    check_tab_index(tab_index)
    fields: ComponentFrameProps = {"height": _DEFAULT_HEIGHT if height is None else int(height)}
    if width is not None:
        fields["width"] = int(width)
    if scrolling:
        fields["scrolling"] = True
    if tab_index is not None:
        fields["tab_index"] = tab_index
    return fields


def _warn_deprecated(old_name: str) -> None:
    show_deprecation_warning(
        f"Please replace `st.{old_name}` with `st.iframe`.\n\n"
        f"`st.{old_name}` will be removed after 2026-06-01.",
        show_in_browser=False,
    )


def _main() -> DeltaGenerator:
    from sidepane.elements.delta_generator import main_dg

    return main_dg


def html(
    html: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> DeltaGenerator:
    """Display an HTML string in an iframe.

    The page runs its scripts in a sandboxed frame of its own (it cannot reach the app's page).
    To insert HTML into the app without a frame, use `st.html`.

    Parameters
    ----------
    html : str
        The HTML page to show.
    width : int or None
        The frame's width in pixels; by default, its container's.
    height : int or None
        The frame's height in pixels; 150 by default.
    scrolling : bool
        Show scroll bars when the content is larger than the frame (default: crop it).
    tab_index : int or None
        The frame's place in keyboard (Tab) navigation: None (default) the browser's, -1 none
        (focusable by script only), 0 or more as HTML's `tabindex`.

    Example
    -------
    >>> import streamlit.components.v1 as components
    >>> components.html("<p><b>Hello</b> from a frame</p>", height=60)
    """
    props = _frame_props(width, height, scrolling, tab_index)
    props["html_id"] = register_html(str(html))
    result = _main()._enqueue("component_frame", as_props(props))
    _warn_deprecated("components.v1.html")
    return result


def iframe(
    src: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> DeltaGenerator:
    """Load a remote URL in an iframe.

    Parameters
    ----------
    src : str
        The URL of the page to embed.
    width : int or None
        The frame's width in pixels; by default, its container's.
    height : int or None
        The frame's height in pixels; 150 by default.
    scrolling : bool
        Show scroll bars when the content is larger than the frame (default: crop it).
    tab_index : int or None
        The frame's place in keyboard (Tab) navigation: None (default) the browser's, -1 none
        (focusable by script only), 0 or more as HTML's `tabindex`.

    Example
    -------
    >>> import streamlit.components.v1 as components
    >>> components.iframe("https://example.com", height=500)
    """
    props = _frame_props(width, height, scrolling, tab_index)
    props["src"] = str(src)
    result = _main()._enqueue("component_frame", as_props(props))
    _warn_deprecated("components.v1.iframe")
    return result
