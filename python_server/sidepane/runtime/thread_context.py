"""Threads a script gives its run context (Streamlit's `add_script_run_ctx`).

A script's own thread has its RunContext; a thread it starts has none, so its `st.` calls draw
nothing (with Streamlit's "missing ScriptRunContext" warning). Given the context, a thread draws
into the run that started it, as in Streamlit: its elements take their places in that run, in the
order the calls happen. Once that run has ended (or a newer one started), the thread's `st.` calls
draw nothing, so a straggler cannot write into a run that is not its own.

The thread sees a ThreadRunContext: the run's state, shared (cursors, widgets, the writer), with
its own `with` stack, so `with col:` in one thread does not move where another thread writes.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sidepane.runtime import context
from sidepane.runtime.context import RunContext

log = logging.getLogger("sidepane.threads")

# What a thread keeps for itself; everything else is the run's.
_OWN = frozenset({"dg_stack", "fragment", "recorders"})


class ThreadRunContext(RunContext):
    """The run context as a thread given it sees it (see the module docstring)."""

    __slots__ = ("_run_ctx",)

    def __init__(self, ctx: RunContext) -> None:
        object.__setattr__(self, "_run_ctx", ctx)
        # Inside a fragment the thread writes where the fragment does; elsewhere it starts at
        # the top level of the app, as a Streamlit thread starts with the default `with` stack.
        in_fragment = ctx.fragment is not None
        self.fragment = ctx.fragment
        self.dg_stack = list(ctx.dg_stack) if in_fragment else []
        self.recorders = []

    @property
    def run_context(self) -> RunContext:
        """The run's own context (the script thread's)."""
        ctx: RunContext = object.__getattribute__(self, "_run_ctx")
        return ctx

    def __getattr__(self, name: str) -> Any:
        # Reached for the slots this view leaves unset: the run's state.
        return getattr(self.run_context, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _OWN:
            object.__setattr__(self, name, value)
        else:
            setattr(self.run_context, name, value)

    def live(self) -> bool:
        """Whether the run that gave the context is still the session's run in progress."""
        ctx = self.run_context
        if ctx.abandoned:
            return False
        session = ctx.session
        last = session.last_result
        if last is not None and last.run >= ctx.run:
            return False
        return bool(session.writer.run == ctx.run)

    def yield_point(self) -> None:
        """Requests steer the script's own thread only: this thread is not stopped by them (its
        calls draw nothing once the run is over)."""


def attach(thread: threading.Thread, ctx: RunContext) -> None:
    """Give `thread` the run context `ctx` (a thread's view of one is unwrapped first)."""
    if isinstance(ctx, ThreadRunContext):
        ctx = ctx.run_context
    setattr(thread, context.ATTACHED_ATTR, ThreadRunContext(ctx))


def warn_missing_run_context() -> None:
    """Streamlit's warning for an `st.` call from a thread without a run context: the call draws
    nothing. Quiet in bare mode (`python app.py`), where no run ever had a context."""
    if not context.runtime_started():
        return
    thread = threading.current_thread()
    if getattr(thread, context.ATTACHED_ATTR, None) is not None:
        log.debug("Thread '%s': its run has ended; its st. calls draw nothing", thread.name)
        return
    log.warning(
        "Thread '%s': missing ScriptRunContext! This warning can be ignored when running in bare "
        "mode.",
        thread.name,
    )
