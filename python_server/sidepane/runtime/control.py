"""The exceptions that steer a script run from outside it.

They derive from BaseException so a user's `except Exception:` cannot swallow them.
"""

from __future__ import annotations


class ScriptControl(BaseException):
    """Either of the two (Streamlit's `ScriptControlException`)."""


class RerunRequested(ScriptControl):
    """Ends the current run early: a newer run must start (a widget moved, a save, st.rerun)."""


class StopRequested(ScriptControl):
    """Ends the current run early: `st.stop()` or a viewer's Stop."""
