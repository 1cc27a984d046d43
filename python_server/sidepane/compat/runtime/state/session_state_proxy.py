"""`streamlit.runtime.state.session_state_proxy`: the type of `st.session_state`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidepane.compat import missing_names
from sidepane.runtime.session_state import SessionStateProxy

if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.runtime.state.session_state_proxy")

__all__ = ["SessionStateProxy"]
