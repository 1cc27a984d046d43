"""Which threads are the script's, as opposed to the server's.

The script's are its runner threads (`sidepane-script-*`), every thread they start while running
the script's code, and every thread those start in turn. All others are the server's: the event
loop, its executors, file watchers, pygls, any library's thread, present or future. The debugger
shows only the script's, whatever a library names its threads.

A thread is classified when it is started, by the thread that starts it, before it runs: what
it is never depends on a list of names.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

from sidepane.runtime.context import get_run_context

RUNNER_PREFIX = "sidepane-script-"
# Threads of Sidepane's own, even when started from a script's thread (the interrupter may be
# started by the first `st.rerun()`).
_SIDEPANE_PREFIX = "sidepane-"

_lock = threading.Lock()
_installed = False
_original_start = threading.Thread.start
_started_by_scripts: weakref.WeakSet[threading.Thread] = weakref.WeakSet()
_server_thread_listeners: list[Callable[[threading.Thread], None]] = []


def install() -> None:
    """Classify every thread started from now on (idempotent; before the first run)."""
    global _installed
    with _lock:
        if _installed:
            return
        _installed = True
        threading.Thread.start = _start  # type: ignore[method-assign,assignment]


def is_scripts(thread: threading.Thread) -> bool:
    """Whether the thread runs the script (a runner thread, or one the script started)."""
    return thread.name.startswith(RUNNER_PREFIX) or thread in _started_by_scripts


def on_server_thread(listener: Callable[[threading.Thread], None]) -> None:
    """Call `listener(thread)` for each server thread started from now on, in the thread that
    starts it, before it runs."""
    with _lock:
        _server_thread_listeners.append(listener)


def _start(thread: threading.Thread) -> None:
    if _started_by_script(thread):
        _started_by_scripts.add(thread)
    elif not thread.name.startswith(RUNNER_PREFIX):
        for listener in list(_server_thread_listeners):
            listener(thread)
    _original_start(thread)


def _started_by_script(thread: threading.Thread) -> bool:
    starter = threading.current_thread()
    if starter in _started_by_scripts:
        return True
    if not starter.name.startswith(RUNNER_PREFIX) or thread.name.startswith(_SIDEPANE_PREFIX):
        return False
    # A runner thread starts threads for the server too (between runs, in run listeners).
    ctx = get_run_context()
    return ctx is not None and ctx.in_user_code
