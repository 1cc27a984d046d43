"""`streamlit.navigation.page`: `StreamlitPage` (and `Page`), the class `st.Page` returns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidepane.compat import missing_names
from sidepane.elements.page_menu import Page, StreamlitPage

if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.navigation.page")

__all__ = ["Page", "StreamlitPage"]
