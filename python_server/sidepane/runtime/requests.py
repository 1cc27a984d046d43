"""What the outside world asks of a session's script thread: rerun, stop, shut down.

One lock-protected slot, read by the script thread at each `st.` call (a yield point) and between
runs. Requests coalesce: ten reruns asked for during one run give one rerun.

Beside it, a queue of fragment reruns (runtime/fragments.py): a widget inside a fragment, or a
fragment's `run_every` tick, asks for a rerun of that fragment only. Such a request never cuts a
run short (it would cut off what the run draws outside the fragment, as in Streamlit); it waits
for the run in progress, each fragment at most once in the queue, and a full rerun covers it.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable


class Request(enum.Enum):
    NONE = 0
    RERUN = 1
    STOP = 2
    SHUTDOWN = 3


class ScriptRequests:
    """Thread-safe request slot shared by a session's viewers and its script thread."""

    def __init__(self, on_request: Callable[[Request], None] | None = None) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._pending = Request.NONE
        self._fragments: list[str] = []
        self._running = False
        # Called (outside the lock) when a request arrives during a run, so the interrupter can
        # arm itself for scripts stuck in pure Python.
        self._on_request = on_request

    # Called from any thread.
    def request_rerun(self) -> None:
        self._put(Request.RERUN)

    def request_stop(self) -> None:
        self._put(Request.STOP)

    def request_fragment(self, fragment_id: str, *, preempt: bool = False) -> None:
        """Queue a rerun of one fragment (once: a fragment already queued stays where it is).

        `preempt` (`st.rerun(scope="fragment")`, from the fragment's own run) puts it first and
        ends the run in progress at its next `st.` call.
        """
        with self._cond:
            if self._pending in (Request.RERUN, Request.SHUTDOWN):
                return  # a full rerun (or the end) is coming: it covers the fragment
            if preempt:
                if fragment_id in self._fragments:
                    self._fragments.remove(fragment_id)
                self._fragments.insert(0, fragment_id)
                self._pending = Request.RERUN
            elif fragment_id not in self._fragments:
                self._fragments.append(fragment_id)
            running = self._running
            self._cond.notify_all()
        if preempt and running and self._on_request is not None:
            self._on_request(Request.RERUN)

    def request_shutdown(self) -> None:
        self._put(Request.SHUTDOWN)

    def _put(self, request: Request) -> None:
        with self._cond:
            if self._pending is Request.SHUTDOWN:
                return
            if request is Request.STOP and not self._running:
                # Nothing to stop; a stale Stop must not cancel the next rerun.
                return
            self._pending = request
            if request is not Request.STOP:
                self._fragments.clear()  # a full rerun runs every fragment anyway
            running = self._running
            self._cond.notify_all()
        if running and self._on_request is not None:
            self._on_request(request)

    # Called from the script thread only.
    def pending(self) -> Request:
        """The request the running script must obey at its next yield point (no lock: a read of
        one attribute is atomic, and a request missed now is seen at the next yield)."""
        return self._pending

    def waiting(self) -> bool:
        """Whether a run is asked for (a full one, a stop, or a fragment's)."""
        return self._pending is not Request.NONE or bool(self._fragments)

    def queued_fragments(self) -> list[str]:
        """The fragment reruns waiting for the run in progress (a snapshot)."""
        with self._cond:
            return list(self._fragments)

    def wait_for_run(self, timeout: float | None = None) -> tuple[Request, str | None]:
        """Block until a rerun or shutdown is asked for; mark the run as started.

        Returns (RERUN, None) for a full run, (RERUN, fragment id) for a fragment's run (the
        first queued), (SHUTDOWN, None), or (NONE, None) on timeout.
        """
        with self._cond:
            ok = self._cond.wait_for(
                lambda: self._pending in (Request.RERUN, Request.SHUTDOWN) or bool(self._fragments),
                timeout,
            )
            if not ok:
                return Request.NONE, None
            if self._pending is Request.SHUTDOWN:
                return Request.SHUTDOWN, None
            self._running = True
            if self._fragments and (self._pending is Request.NONE or self._preempting()):
                self._pending = Request.NONE
                return Request.RERUN, self._fragments.pop(0)
            self._pending = Request.NONE
            self._fragments.clear()
            return Request.RERUN, None

    def _preempting(self) -> bool:
        # RERUN with fragments queued can only come from request_fragment(preempt=True): a full
        # rerun clears the queue, and a fragment asked for after it is dropped.
        return self._pending is Request.RERUN

    def end_run(self) -> Request:
        """Mark the run as over; returns what is pending (a Stop that came too late is dropped)."""
        with self._cond:
            self._running = False
            if self._pending is Request.STOP:
                self._pending = Request.NONE
                self._fragments.clear()
            self._cond.notify_all()
            return self._pending
