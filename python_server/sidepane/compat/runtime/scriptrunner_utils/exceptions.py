"""`streamlit.runtime.scriptrunner_utils.exceptions`: the exceptions that end a run early.

They are Sidepane's own (`except RerunException: raise` lets Sidepane's reruns through), and
raising them works as in Streamlit: `raise RerunException(RerunData())` reruns the script,
`raise StopException()` stops it as `st.stop()` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidepane.compat import missing_names
from sidepane.compat.runtime.scriptrunner_utils.script_requests import RerunData
from sidepane.runtime.context import get_run_context
from sidepane.runtime.control import RerunRequested, ScriptControl, StopRequested

ScriptControlException = ScriptControl
StopException = StopRequested


class RerunException(RerunRequested):
    """Raised by an app to rerun the script from the top (`raise RerunException(RerunData())`)."""

    def __init__(self, rerun_data: RerunData | None = None) -> None:
        super().__init__()
        self.rerun_data = rerun_data if rerun_data is not None else RerunData()
        # Streamlit reruns when the exception reaches its runner; Sidepane's runner reruns for a
        # request, so the request is made here, by the run that builds it to raise it.
        ctx = get_run_context()
        if ctx is not None:
            ctx.session.request_rerun()


if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.runtime.scriptrunner_utils.exceptions")

__all__ = [
    "RerunData",
    "RerunException",
    "ScriptControlException",
    "StopException",
]
