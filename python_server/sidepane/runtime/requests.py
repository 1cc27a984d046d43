"""What the outside world asks of a session's script thread: rerun, stop, shut down.

One lock-protected slot, read by the script thread at each `st.` call (a yield point) and between
runs. Requests coalesce: ten reruns asked for during one run give one rerun.
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
        self._running = False
        # Called (outside the lock) when a request arrives during a run, so the interrupter can
        # arm itself for scripts stuck in pure Python.
        self._on_request = on_request

    # Called from any thread.
    def request_rerun(self) -> None:
        self._put(Request.RERUN)

    def request_stop(self) -> None:
        self._put(Request.STOP)

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
            running = self._running
            self._cond.notify_all()
        if running and self._on_request is not None:
            self._on_request(request)

    # Called from the script thread only.
    def pending(self) -> Request:
        """The request the running script must obey at its next yield point (no lock: a read of
        one attribute is atomic, and a request missed now is seen at the next yield)."""
        return self._pending

    def wait_for_run(self, timeout: float | None = None) -> Request:
        """Block until a rerun or shutdown is asked for; mark the run as started.

        Returns RERUN (consumed) or SHUTDOWN, or NONE on timeout.
        """
        with self._cond:
            ok = self._cond.wait_for(
                lambda: self._pending in (Request.RERUN, Request.SHUTDOWN), timeout
            )
            if not ok:
                return Request.NONE
            if self._pending is Request.SHUTDOWN:
                return Request.SHUTDOWN
            self._pending = Request.NONE
            self._running = True
            return Request.RERUN

    def end_run(self) -> Request:
        """Mark the run as over; returns what is pending (a Stop that came too late is dropped)."""
        with self._cond:
            self._running = False
            if self._pending is Request.STOP:
                self._pending = Request.NONE
            self._cond.notify_all()
            return self._pending
