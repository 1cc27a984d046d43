"""`streamlit.web`: only `streamlit.web.cli`, which apps import to launch themselves when run
bare (`python app.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidepane.compat import missing_names

if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.web")
