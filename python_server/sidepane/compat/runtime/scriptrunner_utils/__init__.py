"""`streamlit.runtime.scriptrunner_utils`: see its `script_run_context` and `exceptions`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidepane.compat import missing_names

if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.runtime.scriptrunner_utils")
