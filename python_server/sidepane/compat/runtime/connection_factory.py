"""`streamlit.runtime.connection_factory`: where Streamlit defines `st.connection`, under the name
`connection_factory` (some packages import it from here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidepane.compat import missing_names
from sidepane.connections.factory import connection as connection_factory

if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.runtime.connection_factory")

__all__ = ["connection_factory"]
