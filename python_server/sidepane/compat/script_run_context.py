"""Streamlit's `ScriptRunContext` and the functions that get it and give it to threads.

Served at each path Streamlit has had for them: `streamlit.runtime.scriptrunner`,
`….scriptrunner.script_run_context` and `….scriptrunner_utils.script_run_context`.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sidepane.runtime import thread_context
from sidepane.runtime.context import RunContext, get_run_context, runtime_started
from sidepane.runtime.session_state import SessionStateProxy

log = logging.getLogger("sidepane.threads")

# Where Streamlit keeps a thread's context: code that reads the attribute itself finds it.
SCRIPT_RUN_CONTEXT_ATTR_NAME = "streamlit_script_run_ctx"


class ScriptRunContext:
    """The run a thread belongs to, as Streamlit's `ScriptRunContext` shows it.

    It has what apps read from Streamlit's: `session_id` (one per browser tab or panel, stable
    across reruns), `session_state`, `query_string` and `main_script_path`.
    """

    __slots__ = ("_ctx",)

    def __init__(self, ctx: RunContext) -> None:
        if isinstance(ctx, thread_context.ThreadRunContext):
            ctx = ctx.run_context
        self._ctx = ctx

    @property
    def session_id(self) -> str:
        """The session's id: one per viewer (a browser tab, a VS Code panel)."""
        return self._ctx.session.id

    @property
    def session_state(self) -> SessionStateProxy:
        """The session's `st.session_state`."""
        import sidepane

        return sidepane.session_state

    @property
    def query_string(self) -> str:
        """The URL's query string, without the `?`."""
        from urllib.parse import urlencode

        return urlencode(self._ctx.session.query_params.items)

    @property
    def main_script_path(self) -> str:
        """The path of the script `sidepane run` was given."""
        return self._ctx.session.app.script_path

    @property
    def script_run_context(self) -> RunContext:
        """Sidepane's own context of the run (for `add_script_run_ctx`)."""
        return self._ctx

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        raise AttributeError(
            f"Sidepane's ScriptRunContext has no `{name}`: it has `session_id`, "
            "`session_state`, `query_string` and `main_script_path`.",
            name=name,
            obj=self,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScriptRunContext) and other._ctx is self._ctx

    def __hash__(self) -> int:
        return id(self._ctx)

    def __repr__(self) -> str:
        return f"ScriptRunContext(session_id={self.session_id!r}, run={self._ctx.run})"


def get_script_run_ctx(suppress_warning: bool = False) -> ScriptRunContext | None:
    """The calling thread's run context, or None (with Streamlit's "missing ScriptRunContext"
    warning unless `suppress_warning`) on a thread that has none."""
    ctx = get_run_context()
    if ctx is None:
        if not suppress_warning and runtime_started():
            log.warning(
                "Thread '%s': missing ScriptRunContext! This warning can be ignored when running "
                "in bare mode.",
                threading.current_thread().name,
            )
        return None
    return ScriptRunContext(ctx)


def add_script_run_ctx(
    thread: threading.Thread | None = None, ctx: ScriptRunContext | None = None
) -> threading.Thread:
    """Give `thread` (default: the calling one) the run context `ctx` (default: the caller's),
    so that its `st.` calls draw into that run, as in Streamlit. Call it before starting the
    thread. Returns the thread.

    ```python
    thread = threading.Thread(target=work)
    add_script_run_ctx(thread)
    thread.start()
    ```
    """
    if thread is None:
        thread = threading.current_thread()
    if ctx is None:
        ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is not None:
        if not isinstance(ctx, ScriptRunContext):
            raise TypeError(
                f"add_script_run_ctx() takes a ScriptRunContext (from get_script_run_ctx()), "
                f"not {type(ctx).__name__}"
            )
        thread_context.attach(thread, ctx.script_run_context)
        setattr(thread, SCRIPT_RUN_CONTEXT_ATTR_NAME, ctx)
    return thread
