"""Where a rerun starts: each session's script thread runs the script top to bottom, again.

The thread waits for a rerun request, runs the script once in a fresh `__main__` namespace with a
RunContext that every `st.` call reaches, and reports the run's end. Requests that arrive during a
run are obeyed at the script's next `st.` call, or by an interrupt if it makes none.
"""

from __future__ import annotations

import builtins
import logging
import os
import sys
import threading
import time
import traceback
import types
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from sidepane.protocol.writer import FrameWriter
from sidepane.runtime import (
    api_loader,
    debugger,
    fragments,
    interrupt,
    left_behind,
    script_threads,
    streamlit_alias,
)
from sidepane.runtime.context import RunContext, get_run_context, set_run_context
from sidepane.runtime.control import RerunRequested, StopRequested
from sidepane.runtime.requests import Request
from sidepane.runtime.script_cache import MAGIC_NAME

if TYPE_CHECKING:
    from sidepane.runtime.session import AppSession

log = logging.getLogger("sidepane.runner")

# How often a script that swallowed an interrupt (a bare `except:` in a loop) is interrupted again.
REINTERRUPT_SECONDS = 0.2
# How long a run may ignore a rerun or stop request before its thread is abandoned.
ABANDON_SECONDS = 1.0
ABANDONED_REINTERRUPT_SECONDS = 0.5
# A script thread with nothing to do for this long ends; the next request starts another.
IDLE_EXIT_SECONDS = 5.0
_current_thread = threading.current_thread


@dataclass(frozen=True)
class RunResult:
    """How one run ended, for the session's listeners (status bar, diagnostics, AppTest)."""

    run: int
    status: str  # "ok" | "error" | "stopped" | "interrupted"
    ms: float
    error: BaseException | None = None
    fragment: str | None = None  # a fragment's run: the fragment (runtime/fragments.py)


def _is_script_thread() -> bool:
    return get_run_context() is not None


class ScriptRunner:
    """Owns one session's script thread (a new one if a stuck thread had to be abandoned)."""

    def __init__(self, session: AppSession) -> None:
        self._session = session
        self._thread: threading.Thread | None = None
        # Guards the moments a thread enters or leaves user code, so an interrupt is only ever
        # injected while the script's own code runs, and a run is abandoned at most once.
        self._user_lock = threading.Lock()
        self._ctx: RunContext | None = None
        self._run = 0
        # Guards starting the thread and an idle thread's decision to exit.
        self._thread_lock = threading.Lock()
        self._left_behind = left_behind.LeftBehind()
        self._said_stuck = 0  # the last run the session was told waits for a stuck call
        debugger.track(self)

    def ensure_thread(self) -> None:
        """Start the script thread if there is none (first request, or it exited when idle).

        Call after putting a request: an idle thread decides to exit only when none is pending.
        """
        with self._thread_lock:
            if self._thread is None:
                streamlit_alias.install(_is_script_thread)
                debugger.install_breakpoint_hook()
                script_threads.install()
                self._start_thread()

    def _start_thread(self) -> None:
        thread = threading.Thread(
            target=self._loop, name=f"sidepane-script-{self._session.id[:8]}", daemon=True
        )
        thread.start()
        # Published only once started: `join` from another thread must never see it unstarted.
        self._thread = thread

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # ---- interruption (any thread) ----

    def on_request(self, request: Request) -> None:
        ctx = self._ctx
        if ctx is None or (request is Request.RERUN and not ctx.fast_reruns):
            return
        since = time.monotonic()
        interrupt.watchdog.call_later(interrupt.GRACE_SECONDS, lambda: self._interrupt(ctx, since))

    def _interrupt(self, ctx: RunContext, since: float) -> None:
        pending = self._session.requests.pending()
        if pending is Request.NONE:
            return
        exc: type[BaseException] = StopRequested if pending is Request.STOP else RerunRequested
        with self._user_lock:
            if not ctx.in_user_code or ctx is not self._ctx or ctx.abandoned:
                return
            if debugger.in_debugger(ctx.thread_id):
                # Held at a breakpoint: an exception raised now would land in the debugger's
                # own code. A rerun waits for the person to continue (the run then stops at
                # its next st. call); Stop lets the thread go so the run can end.
                if pending is Request.STOP and debugger.paused_thread(ctx.thread_id):
                    debugger.resume_thread(ctx.thread_id)
                now = time.monotonic()
                interrupt.watchdog.call_later(
                    interrupt.GRACE_SECONDS, lambda: self._interrupt(ctx, now)
                )
                return
            if ctx.in_callbacks and pending is not Request.STOP:
                # A rerun waits for the widget callbacks to end (see _run_callbacks).
                now = time.monotonic()
                interrupt.watchdog.call_later(
                    REINTERRUPT_SECONDS, lambda: self._interrupt(ctx, now)
                )
                return
            if time.monotonic() - since >= ABANDON_SECONDS:
                if self._left_behind.take():
                    self._abandon(ctx, pending)
                    return
                # Too many left behind: keep this run, and leave it behind once one of them
                # ends (the checks go on); its requests wait meanwhile.
                self._say_stuck(ctx)
            ctx.interrupt_sent = True
            interrupt.raise_in_thread(ctx.thread_id, exc)
        interrupt.watchdog.call_later(REINTERRUPT_SECONDS, lambda: self._interrupt(ctx, since))

    def _abandon(self, ctx: RunContext, pending: Request) -> None:
        """Give up on a run whose thread does not obey (blocked in C, or swallowing interrupts).

        Called with `_user_lock` held while the thread is in user code, so it touches nothing of
        the session's: its later `st.` calls raise StopRequested, its frames go nowhere, and
        when it returns it ends without reporting. A fresh thread serves the session.
        """
        log.warning(
            "session %s: run %d did not stop within %.1f s (blocked in a call?); leaving its "
            "thread behind (%d of this session's %d, %d of %d in all)",
            self._session.id[:8],
            ctx.run,
            ABANDON_SECONDS,
            self._left_behind.count,
            left_behind.MAX_PER_SESSION,
            left_behind.in_all(),
            left_behind.MAX_IN_ALL,
        )
        self._session.writer.toast(
            f"Run {ctx.run} did not stop: it is blocked in a call Python cannot interrupt "
            "(such as a long `time.sleep`). Sidepane left it behind and runs the script again; "
            "the old run ends when that call returns.",
            "⚠️",
            10,
        )
        ctx.abandoned = True
        ctx.writer = FrameWriter(self._session.id, lambda _data: None)
        session = self._session
        status = "stopped" if pending is Request.STOP else "interrupted"
        ms = (time.perf_counter() - ctx.started) * 1000
        session.writer.run_end(status, None, ms)
        session.requests.end_run()
        self._ctx = None
        session.run_finished(RunResult(ctx.run, status, ms))
        with self._thread_lock:
            self._start_thread()
        interrupt.watchdog.call_later(ABANDONED_REINTERRUPT_SECONDS, lambda: self._reap(ctx))

    def _say_stuck(self, ctx: RunContext) -> None:
        """Tell the log and the viewer, once per run, that the session waits for a stuck call."""
        if self._said_stuck == ctx.run:
            return
        self._said_stuck = ctx.run
        log.warning(
            "session %s: run %d is blocked in a call, and %d threads left behind earlier still "
            "are (%d in all; at most %d per session, %d in all): its rerun waits until one "
            "of them returns",
            self._session.id[:8],
            ctx.run,
            self._left_behind.count,
            left_behind.in_all(),
            left_behind.MAX_PER_SESSION,
            left_behind.MAX_IN_ALL,
        )
        self._session.writer.toast(
            "The script is blocked in a call Python cannot interrupt (such as a long "
            f"`time.sleep`), and so are {left_behind.in_all()} runs Sidepane left behind "
            "earlier, the most it keeps. The script runs again as soon as one of those "
            "calls returns.",
            "⚠️",
            0,
        )

    def _reap(self, ctx: RunContext) -> None:
        """Keep stopping an abandoned thread while it runs user code: once its blocking call
        returns it must not spin on (a `while True` after a sleep would eat a core forever)."""
        with self._user_lock:
            if not ctx.in_user_code:
                return  # it left user code: it ends by itself now
            ctx.interrupt_sent = True
            interrupt.raise_in_thread(ctx.thread_id, StopRequested)
        interrupt.watchdog.call_later(ABANDONED_REINTERRUPT_SECONDS, lambda: self._reap(ctx))

    # ---- a debugger's pauses (its monitor thread) ----

    def paused_at(self) -> tuple[str, int] | None:
        """Where the run in progress is held by a debugger, or None."""
        ctx = self._ctx
        if ctx is None or ctx.abandoned or not debugger.paused_thread(ctx.thread_id):
            return None
        return debugger.where_paused(ctx.thread_id) or (self._session.app.script_path, 0)

    def report_paused(self, at: tuple[str, int] | None) -> None:
        self._session.writer.debug_state(at)

    @contextmanager
    def _user_code(self, ctx: RunContext) -> Iterator[None]:
        with self._user_lock:
            ctx.in_user_code = True
        try:
            yield
        finally:
            with self._user_lock:
                ctx.in_user_code = False
                if ctx.interrupt_sent:
                    interrupt.absorb_pending((RerunRequested, StopRequested))

    # ---- the script thread ----

    def _loop(self) -> None:
        api_loader.load()
        requests = self._session.requests
        pid = os.getpid()
        while True:
            request, fragment = requests.wait_for_run(timeout=IDLE_EXIT_SECONDS)
            if request is Request.NONE:
                # Idle: end the thread so an unused session (and all it holds) can be freed;
                # the next request starts a new one.
                with self._thread_lock:
                    if not requests.waiting() and self._thread is _current_thread():
                        self._thread = None
                        break
                continue
            if request is Request.SHUTDOWN:
                break
            if fragment is not None and self._session.fragments.get(fragment) is None:
                # A full run that did not call it again came first (or a tick came late).
                log.debug("no fragment %s to rerun any more", fragment)
                requests.end_run()
                self._session.settle_idle()
                continue
            ctx = self._new_context(fragment)
            try:
                result = self._run_once(ctx)
            except (RerunRequested, StopRequested):
                # An interrupt that landed after the run's own handlers; the run is over anyway.
                result = RunResult(ctx.run, "interrupted", 0.0)
            except Exception:  # pragma: no cover - a bug of ours must not kill the session
                log.exception("the runtime failed while running the script")
                result = RunResult(ctx.run, "error", 0.0)
            if os.getpid() != pid:
                _end_forked_child(result)
            with self._user_lock:
                abandoned = ctx.abandoned
                if not abandoned:
                    self._ctx = None
            if abandoned:
                self._left_behind.ended()
                break  # another thread serves the session now
            requests.end_run()
            self._session.run_finished(result)
        set_run_context(None)

    def _new_context(self, fragment: str | None) -> RunContext:
        with self._user_lock:
            self._run += 1
            ctx = RunContext(self._session, self._run, fragment)
            ctx.thread_id = threading.get_ident()
            self._ctx = ctx
        set_run_context(ctx)
        return ctx

    def _run_once(self, ctx: RunContext) -> RunResult:
        session = self._session
        app = session.app
        session.begin_run(ctx.run, ctx.fragment_run)
        ctx.started = time.perf_counter()
        status = "ok"
        error: BaseException | None = None
        try:
            with self._user_code(ctx):
                self._run_callbacks(ctx)
                if ctx.fragment_run is None:
                    app.reloader.reload_changed()
                    self._exec_script(ctx)
                else:
                    self._exec_fragment(ctx, ctx.fragment_run)
                if app.config.get("runner.enforceSerializableSessionState"):
                    session.session_state.check_serializable()
        except fragments.FragmentHandledException as exc:
            status = "error"  # already drawn inside the fragment
            error = exc.__cause__ or exc
        except RerunRequested:
            status = "interrupted"
        except StopRequested:
            status = "stopped"
        except SystemExit:
            pass
        except KeyboardInterrupt:
            status = "stopped"
        except BaseException as exc:  # the user's error: show it, keep the session alive
            status = "error"
            error = exc
            if not ctx.abandoned:
                try:
                    session.show_exception(ctx, exc)
                except (RerunRequested, StopRequested):
                    status = "interrupted"
        finally:
            streamlit_alias.purge_aliases()
        ms = (time.perf_counter() - ctx.started) * 1000
        if ctx.abandoned:
            return RunResult(ctx.run, status, ms, error, ctx.fragment_run)
        if status == "interrupted":
            session.writer.run_end(status, None, ms)
        else:
            ctx.flush_deferred()
            session.writer.run_end(status, ctx.produced, ms)
            user_stopped = status == "stopped" and session.requests.pending() is Request.NONE
            session.widgets.end_run(ctx.widget_ids if not user_stopped else None, ctx.fragment_run)
            if not user_stopped:
                gone = session.fragments.end_run(ctx.fragments_seen, ctx.fragment_run)
                session.ticker.drop(gone)
        return RunResult(ctx.run, status, ms, error, ctx.fragment_run)

    def _run_callbacks(self, ctx: RunContext) -> None:
        """Run the callbacks of the widgets that changed, every one, as in Streamlit: a rerun
        asked for meanwhile (`st.rerun()` in one of them, a newer value) ends only the callback
        that called `st.rerun()`, and the run once they all ran."""
        ctx.in_callbacks = True
        # In a fragment's run, what a callback draws goes into the fragment (which its run then
        # draws again), never over the rest of the app that this run does not redraw.
        record = self._session.fragments.get(ctx.fragment_run) if ctx.fragment_run else None
        if record is not None:
            fragments.enter_block(ctx, record)
        try:
            for spec in self._session.widgets.begin_run():
                assert spec.on_change is not None
                try:
                    spec.on_change(*spec.args, **spec.kwargs)
                except RerunRequested:
                    pass
        finally:
            ctx.in_callbacks = False
            ctx.fragment, ctx.dg_stack = None, []
        ctx.yield_point()

    def _exec_fragment(self, ctx: RunContext, fragment_id: str) -> None:
        record = self._session.fragments.get(fragment_id)
        if record is not None:
            fragments.execute(ctx, record)

    def _exec_script(self, ctx: RunContext) -> None:
        app = self._session.app
        path = self._session.begin_page()
        code = app.code_cache.get_code(path)
        module = types.ModuleType("__main__")
        namespace: dict[str, Any] = module.__dict__
        namespace["__file__"] = path
        namespace["__builtins__"] = builtins
        namespace[MAGIC_NAME] = _magic_write
        namespace.update(app.script_globals)
        if app.script_dir not in sys.path[:1]:
            if app.script_dir in sys.path:
                sys.path.remove(app.script_dir)
            sys.path.insert(0, app.script_dir)
        sys.argv = [app.script_path, *app.script_args]
        previous_main = sys.modules.get("__main__")
        sys.modules["__main__"] = module
        try:
            exec(code, namespace)
        finally:
            if sys.modules.get("__main__") is module and previous_main is not None:
                sys.modules["__main__"] = previous_main
        self._session.end_page()


def _end_forked_child(result: RunResult) -> NoReturn:
    """A child the script forked with `os.fork()` came back from the script: it ends here, as a
    forked program ends at its end, instead of serving the session in a copy of the server."""
    if result.error is not None:
        traceback.print_exception(result.error)
    for stream in (sys.stdout, sys.stderr):
        with suppress(Exception):
            stream.flush()
    os._exit(1 if result.status == "error" else 0)


def _magic_write(*values: object) -> object:
    """What a bare expression statement in the script calls (see magic.py): draw it, return it."""
    from sidepane.elements.delta_generator import main_dg

    main_dg.write(*values)
    return values[0] if len(values) == 1 else values
