"""`streamlit.components.v1` (also `st.components` and `st.components.v1`): custom components.

`html` and `iframe` show a page in a frame; `declare_component` makes a component from its
frontend, a widget whose frame talks to the app in Streamlit's component protocol.
"""

from __future__ import annotations

import sys

from sidepane.components.custom_component import CustomComponent, MarshallComponentException
from sidepane.components.declare import declare_component
from sidepane.components.frames import html, iframe

# `st.components.v1.html(...)`: Streamlit's versioned name is this very module.
v1 = sys.modules[__name__]

__all__ = [
    "CustomComponent",
    "MarshallComponentException",
    "declare_component",
    "html",
    "iframe",
]


def __getattr__(name: str) -> object:
    # `st.components.v2`, loaded on first use (its modules are not needed by v1 apps).
    if name == "v2":
        import importlib

        return importlib.import_module(f"{__name__}.v2")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
