"""`streamlit.runtime.scriptrunner_utils.script_run_context` (Streamlit ≥ 1.38's path)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidepane.compat import missing_names
from sidepane.compat.script_run_context import (
    SCRIPT_RUN_CONTEXT_ATTR_NAME,
    ScriptRunContext,
    add_script_run_ctx,
    get_script_run_ctx,
)

if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.runtime.scriptrunner_utils.script_run_context")

__all__ = [
    "SCRIPT_RUN_CONTEXT_ATTR_NAME",
    "ScriptRunContext",
    "add_script_run_ctx",
    "get_script_run_ctx",
]
