"""Stops a script that is busy in pure Python and reaches no `st.` call, e.g. `while True: pass`.

A request is first left for the script's next `st.` call (the clean path). If the script has not
obeyed within a grace period, we raise the control exception inside its thread with
PyThreadState_SetAsyncExc (through ctypes; CPython delivers it at the next bytecode boundary).
Blocking C calls such as a long `time.sleep` are only interrupted when they return.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import threading
import time
from collections.abc import Callable

GRACE_SECONDS = 0.05


def raise_in_thread(thread_id: int, exc_type: type[BaseException]) -> bool:
    """Schedule `exc_type` to be raised in the thread; True if the thread exists."""
    return bool(_raise_async()(thread_id, exc_type))


@functools.cache
def _raise_async() -> Callable[[int, type[BaseException]], int]:
    # ctypes loads only for a script that ignores a stop: it is ~2 ms of a launch's imports.
    import ctypes

    function: Callable[[int, type[BaseException]], int] = ctypes.PYFUNCTYPE(
        ctypes.c_int, ctypes.c_ulong, ctypes.py_object
    )(("PyThreadState_SetAsyncExc", ctypes.pythonapi))
    return function


def absorb_pending(exc_types: tuple[type[BaseException], ...]) -> None:
    """Take delivery, here and now, of an interrupt scheduled for this thread that has not been
    raised yet (the thread left user code first), so it cannot surface later in the runtime.

    Clearing it with PyThreadState_SetAsyncExc(id, NULL) instead would leave CPython's (3.11)
    eval breaker signalled for every thread (slowing all of them) and was seen to deadlock the
    process under debugpy's tracer. A scheduled exception is delivered at the next eval-breaker
    check, which the loop's backward jumps give.
    """
    try:
        for _ in range(2):
            pass
    except exc_types:
        pass


class _Watchdog:
    """One daemon thread for the whole process that fires deferred interrupt checks."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._counter = itertools.count()
        self._thread: threading.Thread | None = None

    def call_later(self, delay: float, fn: Callable[[], None]) -> None:
        with self._cond:
            heapq.heappush(self._heap, (time.monotonic() + delay, next(self._counter), fn))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, name="sidepane-interrupter", daemon=True
                )
                self._thread.start()
            self._cond.notify()

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._heap:
                    self._cond.wait()
                when, _, fn = self._heap[0]
                delay = when - time.monotonic()
                if delay > 0:
                    self._cond.wait(delay)
                    continue
                heapq.heappop(self._heap)
            try:
                fn()
            except Exception:  # pragma: no cover - a check must never kill the watchdog
                pass


watchdog = _Watchdog()
