"""`st.components.v2`: components made of HTML, CSS and JavaScript that talk both ways with the
script, as in Streamlit 1.67.

`component(name, html=..., css=..., js=...)` registers a component and returns its mounting
command; calling that draws an instance and returns its state and trigger values. The
JavaScript's default export receives `{name, key, data, parentElement, setStateValue,
setTriggerValue}` and may return a cleanup function. Sidepane runs it in a sandboxed frame of its
own (the app's page runs no third-party script): it sees its own document, not the app's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sidepane.components.v2 import definitions
from sidepane.components.v2 import types as types
from sidepane.components.v2.mount import mount
from sidepane.components.v2.result import ComponentResult
from sidepane.elements.arguments import type_error
from sidepane.elements.deprecation import show_deprecation_warning

if TYPE_CHECKING:
    from collections.abc import Callable

    from sidepane.components.v2.types import BidiComponentKey, ComponentRenderer


def component(
    name: str,
    *,
    html: str | None = None,
    css: str | None = None,
    js: str | None = None,
    isolate_styles: bool = True,
) -> ComponentRenderer:
    '''Register an `st.components.v2` component and return a callable to mount it.

    A component is any combination of HTML, CSS and JavaScript (none at all draws an empty
    element). Components are trusted code: their content is not sanitised.

    Parameters
    ----------
    name : str
        The component's name, unique in the app (a name registered again replaces the earlier
        definition, with a warning in the log). A component of an installed package is named
        `"<project_name>.<component_name>"`, as declared in the package's `pyproject.toml`
        (`[[tool.streamlit.component.components]]` with its `asset_dir`).
    html : str or None
        HTML put in the component's root (no `<html>`/`<body>` needed).
    css : str or None
        Inline CSS, or a path or glob of a `.css` file in the component's `asset_dir`.
    js : str or None
        Inline JavaScript, or a path or glob of a `.js` file in the component's `asset_dir`: an
        ES module whose default export is called with `{name, key, data, parentElement,
        setStateValue, setTriggerValue}` on every update and may return a cleanup function,
        called when the instance goes away. Theme values are CSS variables (`--st-text-color`,
        `--st-primary-color`, `--st-font`…).
    isolate_styles : bool
        Mount the HTML in a shadow root (default; `parentElement` is a `ShadowRoot`), or
        directly in the component's document (`parentElement` is an element).

    Returns
    -------
    ComponentRenderer
        The mounting command: call it with `key`, `data`, `default`, `width`, `height` and
        `on_<key>_change` callbacks; it returns a `ComponentResult`.

    Example
    -------
    >>> import streamlit as st
    >>> JS = """
    ... export default function ({ parentElement, setTriggerValue }) {
    ...     parentElement.querySelector("button").onclick = () => setTriggerValue("clicked", true);
    ... }
    ... """
    >>> button = st.components.v2.component("my_button", html="<button>Hi</button>", js=JS)
    >>> result = button(on_clicked_change=lambda: None)
    >>> if result.clicked:
    ...     st.write("Clicked!")
    '''
    if not isinstance(name, str):
        raise type_error("name", type(name).__name__, ["str"])
    definition = definitions.build_definition(name, html, css, js)
    definitions.register(definition)

    def mount_component(
        *,
        key: BidiComponentKey = None,
        data: Any | None = None,
        default: dict[str, Any] | None = None,
        width: Any = "stretch",
        height: Any = "content",
        **on_callbacks: Callable[[], Any] | None,
    ) -> ComponentResult:
        if "isolate_styles" in on_callbacks:
            on_callbacks.pop("isolate_styles", None)
            show_deprecation_warning(
                "Passing `isolate_styles` when mounting a component created via "
                "`st.components.v2.component` is deprecated and will be ignored. Set "
                "`isolate_styles` when creating the component instead "
                "(`st.components.v2.component(..., isolate_styles=...)`).",
                show_in_browser=False,
            )
        if definitions.get(name) is None:
            definitions.register(definition)
        return mount(
            name,
            key=key,
            isolate_styles=isolate_styles,
            data=data,
            default=default,
            width=width,
            height=height,
            callback_kwargs=on_callbacks,
        )

    return mount_component


__all__ = ["component"]
