"""`streamlit.components.v1.components`: the names component packages import from it
(streamlit-ace imports `declare_component` here; streamlit-antd-components wraps
`register_widget`)."""

from __future__ import annotations

from typing import Any, NoReturn

from sidepane.components.custom_component import CustomComponent, MarshallComponentException
from sidepane.components.declare import declare_component
from sidepane.errors import SidepaneAPIException


def register_widget(*args: Any, **kwargs: Any) -> NoReturn:
    """Streamlit's internal widget registration, which this module re-exports.

    Packages may read and wrap it (streamlit-antd-components does at import, to add callbacks;
    Streamlit 1.67's components no longer call it through this module, so the wrapper does
    nothing there either). Sidepane registers a component's widget when the component is
    called; calling this directly is an error that says so.
    """
    raise SidepaneAPIException(
        "Sidepane has no `streamlit.components.v1.components.register_widget` to call: "
        "a custom component's widget is registered when the component is called "
        "(`declare_component(...)(...)`)."
    )


__all__ = ["CustomComponent", "MarshallComponentException", "declare_component", "register_widget"]
