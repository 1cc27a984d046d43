"""`streamlit.runtime.scriptrunner.script_runner`: the names apps import from it (the run-control
exceptions and the script run context), not Streamlit's `ScriptRunner`, which Sidepane has not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidepane.compat import missing_names
from sidepane.compat.runtime.scriptrunner_utils.exceptions import (
    RerunData,
    RerunException,
    StopException,
)
from sidepane.compat.script_run_context import (
    ScriptRunContext,
    add_script_run_ctx,
    get_script_run_ctx,
)

if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.runtime.scriptrunner.script_runner")

__all__ = [
    "RerunData",
    "RerunException",
    "ScriptRunContext",
    "StopException",
    "add_script_run_ctx",
    "get_script_run_ctx",
]
