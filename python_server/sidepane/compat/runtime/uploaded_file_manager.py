"""`streamlit.runtime.uploaded_file_manager`: `UploadedFile`, what `st.file_uploader` returns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidepane.compat import missing_names
from sidepane.elements.widgets.file_uploader import UploadedFile

if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.runtime.uploaded_file_manager")

__all__ = ["UploadedFile"]
