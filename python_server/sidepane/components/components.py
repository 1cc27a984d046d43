"""`streamlit.components.v1.components`: the names component packages import from it
(streamlit-ace imports `declare_component` here)."""

from __future__ import annotations

from sidepane.components.custom_component import CustomComponent, MarshallComponentException
from sidepane.components.declare import declare_component

__all__ = ["CustomComponent", "MarshallComponentException", "declare_component"]
