"""`streamlit.runtime.scriptrunner`: the run context of a thread, and the exceptions that end a
run early."""

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
    __getattr__ = missing_names("streamlit.runtime.scriptrunner")

__all__ = [
    "RerunData",
    "RerunException",
    "ScriptRunContext",
    "StopException",
    "add_script_run_ctx",
    "get_script_run_ctx",
]
