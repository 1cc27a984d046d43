"""A debugger inside the Sidepane process: breakpoints stop reruns, the server keeps serving.

debugpy's DAP server runs in this process (`in_process_debug_adapter`): a DAP client (VS Code's
`DebugAdapterServer`, or any other) connects straight to it, and nothing outlives the process.
Sidepane sets it up so that debugging a rerun behaves as a person expects:

- Only the thread that hits a breakpoint stops (the event loop and other sessions go on).
- Only the script's threads are listed and traced (script_threads.py): no thread of the server
  or of any library, whenever it starts, shows in the person's debugger.
- Sidepane's own modules are hidden from the debugger (not traced, not in stacks, never stepped
  into), so stepping over `st.write(...)` stays in the script.
- A client's `terminate` (the Stop button of a launch configuration) detaches instead of killing
  the server: the app keeps running without a debugger, and the client hears `terminated`, so
  its session ends at once.
- `breakpoint()` in a script stops there when a client is attached, and is skipped with one line
  in the log otherwise (never a pdb prompt on a server's stdin).
- While a run is paused, the viewer is told where (`debug` frames), and the runner neither
  interrupts nor abandons the thread (see runner.py); Stop resumes it so the run can end.

Everything touching debugpy's vendored pydevd is guarded: a change there degrades to "no pause
banner", never to a broken run.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
import weakref
from typing import TYPE_CHECKING, Any

from sidepane.runtime import script_threads

if TYPE_CHECKING:
    from sidepane.runtime.runner import ScriptRunner

log = logging.getLogger("sidepane.debug")

# How often a run in progress is checked for being paused (only while a client is attached).
POLL_SECONDS = 0.05
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))

_lock = threading.Lock()
_endpoint: tuple[str, int] | None = None
_runners: weakref.WeakSet[ScriptRunner] = weakref.WeakSet()
_skipped: dict[tuple[str, int], float] = {}


def listen(host: str = "127.0.0.1", port: int = 0) -> tuple[str, int]:
    """Start the in-process DAP server (once per process; later calls return the same address).

    Raises RuntimeError (with the reason) if debugpy is missing or the port cannot be bound.
    """
    global _endpoint
    with _lock:
        if _endpoint is not None:
            return _endpoint
        # pydevd warns on stderr about frozen stdlib modules; breakpoints in the app are unaffected.
        os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        try:
            import debugpy
        except ImportError as exc:
            raise RuntimeError("debugging needs the debugpy package: pip install debugpy") from exc
        try:
            bound = debugpy.listen((host, port), in_process_debug_adapter=True)
        except Exception as exc:
            raise RuntimeError(f"could not listen for a debugger on {host}:{port}: {exc}") from exc
        _endpoint = (str(bound[0]), int(bound[1]))
        _configure_pydevd()
        _hide_server_threads()
        install_breakpoint_hook()
        threading.Thread(target=_watch_pauses, name="sidepane-debug-monitor", daemon=True).start()
        return _endpoint


def client_attached() -> bool:
    """Whether a DAP client is attached now (False when debugging was never started)."""
    if _endpoint is None:
        return False
    try:
        import debugpy

        return bool(debugpy.is_client_connected())
    except Exception:
        return False


def _configure_pydevd() -> None:
    try:
        import debugpy
        import pydevd
        from _pydevd_bundle import pydevd_process_net_command_json as commands
        from _pydevd_bundle.pydevd_api import PyDevdAPI
    except ImportError:  # pragma: no cover - debugpy always vendors these
        return
    py_db = pydevd.get_global_debugger()
    if py_db is None:  # pragma: no cover
        return
    # Stop only the thread at the breakpoint: the server's loop must keep serving.
    py_db.multi_threads_single_notification = False
    debugpy_dir = os.path.dirname(os.path.realpath(debugpy.__file__))
    PyDevdAPI().set_dont_trace_start_end_patterns(
        py_db, (debugpy_dir, _PACKAGE_DIR + os.sep), ("debugpy_launcher.py",)
    )
    _only_script_threads_listed()
    processor = getattr(commands, "PyDevJsonCommandProcessor", None)
    if processor is not None and hasattr(processor, "_request_terminate_process"):
        processor._request_terminate_process = _detach_instead


def _only_script_threads_listed() -> None:
    """Keep the main thread out of the thread list and its events, and never trace it.

    It cannot be hidden like the server's other threads: pydevd ends the debug session as soon
    as it sees no thread of the program alive, which is the case between runs (script threads
    end when idle).
    """
    try:
        import _pydevd_bundle.pydevd_net_command_factory_json as factory
        from _pydevd_bundle.pydevd_net_command import NULL_NET_COMMAND
    except ImportError:  # pragma: no cover - pydevd internals changed
        return
    threading.main_thread().pydev_do_not_trace = True  # type: ignore[attr-defined]
    listed = factory.get_non_pydevd_threads

    def script_threads_only() -> list[threading.Thread]:
        return [t for t in listed() if script_threads.is_scripts(t)]

    factory.get_non_pydevd_threads = script_threads_only
    cls = factory.NetCommandFactoryJson
    announce = cls.make_thread_created_message

    def announce_script_threads(self: Any, thread: threading.Thread) -> Any:
        if not script_threads.is_scripts(thread):
            return NULL_NET_COMMAND
        return announce(self, thread)

    cls.make_thread_created_message = announce_script_threads


def _detach_instead(self: Any, py_db: Any) -> None:
    """A client asked to terminate the debuggee: this is a server serving other viewers, so
    detach (resuming every paused thread) and keep running."""
    log.info("the debugger asked to terminate the app: detached instead (the app keeps running)")
    try:
        self._launch_or_attach_request_done = False
        self.api.request_disconnect(py_db, resume_threads=True)
        # The debug session is over for the client, as after a real exit: without `terminated`
        # VS Code keeps the session open after its Stop (a second Stop would disconnect). Not
        # pydevd's exit command: that one also ends its writer thread.
        from _pydevd_bundle._debug_adapter import pydevd_schema
        from _pydevd_bundle.pydevd_comm_constants import CMD_RETURN
        from _pydevd_bundle.pydevd_net_command import NetCommand

        terminated = pydevd_schema.TerminatedEvent(pydevd_schema.TerminatedEventBody())
        py_db.writer.add_command(NetCommand(CMD_RETURN, 0, terminated, is_json=True))
    except Exception:  # pragma: no cover - pydevd internals changed
        log.exception("could not detach the debugger")


# ---- breakpoint() ----


def install_breakpoint_hook() -> None:
    """Route `breakpoint()` in scripts to the attached debugger (or a log line); other threads
    keep Python's hook. A hook someone else installed is left alone."""
    if sys.breakpointhook is sys.__breakpointhook__:
        sys.breakpointhook = _breakpoint_hook


def _breakpoint_hook(*args: Any, **kwargs: Any) -> Any:
    from sidepane.runtime.context import get_run_context

    if get_run_context() is None or os.environ.get("PYTHONBREAKPOINT"):
        return sys.__breakpointhook__(*args, **kwargs)
    if client_attached():
        import debugpy

        # Sidepane's files are invisible to the debugger, so this stops in the script's frame.
        debugpy.breakpoint()
        return None
    caller = sys._getframe(1)
    where = (caller.f_code.co_filename, caller.f_lineno)
    now = time.monotonic()
    if now - _skipped.get(where, -60.0) >= 10.0:  # a breakpoint() in a loop logs once
        _skipped[where] = now
        log.warning(
            "breakpoint() at %s:%d skipped: no debugger is attached "
            "(`sidepane run --debug PORT`, or Sidepane: Debug App in VS Code)",
            os.path.basename(where[0]),
            where[1],
        )
    return None


# ---- paused runs ----


def track(runner: ScriptRunner) -> None:
    """Watch this runner's runs for being paused (cheap; only polled while a client is attached)."""
    _runners.add(runner)


def paused_thread(thread_id: int) -> bool:
    """Whether the debugger holds this thread suspended (at a breakpoint, a step, a pause)."""
    if _endpoint is None:
        return False
    thread = threading._active.get(thread_id)  # type: ignore[attr-defined]
    info = getattr(thread, "additional_info", None)
    return info is not None and getattr(info, "pydev_state", None) == 2  # STATE_SUSPEND


def _debuggers_own(path: str) -> bool:
    """Whether a code file is the debugger's (debugpy or the pydevd it vendors)."""
    return "pydevd" in path or "debugpy" in path


def in_debugger(thread_id: int) -> bool:
    """Whether the thread is suspended or still inside the debugger's own code (just resumed,
    on its way out of the wait loop): no exception may be raised into it now."""
    if _endpoint is None:
        return False
    if paused_thread(thread_id):
        return True
    frame = sys._current_frames().get(thread_id)
    for _ in range(12):
        if frame is None:
            return False
        path = frame.f_code.co_filename
        if _debuggers_own(path):
            return True
        frame = frame.f_back
    return False


def resume_thread(thread_id: int) -> None:
    """Let a suspended thread go on (Stop of a paused run); the client is told it continued."""
    try:
        from _pydevd_bundle.pydevd_api import PyDevdAPI
        from _pydevd_bundle.pydevd_constants import get_thread_id

        thread = threading._active.get(thread_id)  # type: ignore[attr-defined]
        if thread is not None:
            PyDevdAPI().request_resume_thread(get_thread_id(thread))
    except Exception:  # pragma: no cover - pydevd internals changed
        log.exception("could not resume the paused run")


def where_paused(thread_id: int) -> tuple[str, int] | None:
    """The frame the debugger holds the thread in: the first frame outside the debugger's own
    (its wait loop sits innermost, on top of stdlib waits) that is not Sidepane's either."""
    frame = sys._current_frames().get(thread_id)
    in_debugger = False
    while frame is not None:
        path = frame.f_code.co_filename
        if _debuggers_own(path):
            in_debugger = True
        elif in_debugger and not os.path.realpath(path).startswith(_PACKAGE_DIR + os.sep):
            return path, frame.f_lineno
        frame = frame.f_back
    return None


def _hide_server_threads() -> None:
    """Keep every thread but the script's (script_threads.py) out of the debugger, its thread
    list and its tracing: the person debugs the script. Threads the server or a library starts
    later are hidden as they start, before the debugger sees them. The main thread (the
    server's event loop; scripts never run there) is left to `_configure_pydevd`."""
    script_threads.install()
    script_threads.on_server_thread(_hide)
    for thread in threading.enumerate():
        if not script_threads.is_scripts(thread) and thread is not threading.main_thread():
            _hide(thread)


def _hide(thread: threading.Thread) -> None:
    # pydevd neither lists nor traces a thread so marked (it marks its own threads this way).
    thread.is_pydev_daemon_thread = True  # type: ignore[attr-defined]


def _watch_pauses() -> None:
    shown: dict[int, tuple[str, int] | None] = {}  # id(runner) -> where its run is paused
    while True:
        time.sleep(POLL_SECONDS)
        if not client_attached() and not shown:
            continue
        for runner in list(_runners):
            key = id(runner)
            at = runner.paused_at()
            if at != shown.get(key):
                runner.report_paused(at)
                if at is None:
                    shown.pop(key, None)
                else:
                    shown[key] = at
