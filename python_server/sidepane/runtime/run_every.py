"""`run_every`: a fragment's interval, parsed as Streamlit parses it, and the ticks that rerun it.

Ticks are requests like a widget's (runtime/fragments.py): queued once, so a fragment slower than
its interval runs back to back rather than piling up runs.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from sidepane.errors import StreamlitAPIException, StreamlitBadTimeStringError
from sidepane.runtime import interrupt

if TYPE_CHECKING:
    from sidepane.runtime.session import AppSession


def interval_seconds(run_every: float | int | timedelta | str | None) -> float | None:
    """`run_every` in seconds, parsed as Streamlit parses it (a string as pandas' Timedelta)."""
    if run_every is None:
        return None
    if isinstance(run_every, bool):
        raise StreamlitAPIException(f"Invalid run_every value: {run_every!r}.")
    if isinstance(run_every, timedelta):
        seconds = run_every.total_seconds()
    elif isinstance(run_every, int | float):
        seconds = float(run_every)
    elif isinstance(run_every, str):
        seconds = _duration_string(run_every)
    else:
        raise StreamlitAPIException(
            f"`run_every` must be an int, a float, a timedelta or a string, not "
            f"{type(run_every).__name__}."
        )
    # Streamlit's frontend ticks only for a positive interval; it draws nothing else.
    return seconds if seconds > 0 and math.isfinite(seconds) else None


def _duration_string(text: str) -> float:
    try:
        import pandas as pd
    except ImportError:  # pandas is optional (the `data` extra): the usual forms without it
        return _plain_duration(text)
    try:
        seconds = float(pd.Timedelta(text).total_seconds())
    except ValueError as exc:
        raise bad_time_string(text) from exc
    if math.isnan(seconds):
        raise bad_time_string(text)
    return seconds


_UNITS = {
    "d": 86400.0, "day": 86400.0, "days": 86400.0,
    "h": 3600.0, "hr": 3600.0, "hour": 3600.0, "hours": 3600.0,
    "m": 60.0, "min": 60.0, "minute": 60.0, "minutes": 60.0,
    "s": 1.0, "sec": 1.0, "second": 1.0, "seconds": 1.0,
    "ms": 0.001, "millisecond": 0.001, "milliseconds": 0.001,
}  # fmt: skip
_PART = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]+)\s*")


def _plain_duration(text: str) -> float:
    """Reads "2s", "1m30s", "1.5 hours", "1 day 2h": the forms pandas' Timedelta reads most."""
    rest, seconds = text.strip().lower(), 0.0
    if not rest:
        raise bad_time_string(text)
    while rest:
        match = _PART.match(rest)
        if match is None or match.group(2) not in _UNITS:
            raise bad_time_string(text)
        seconds += float(match.group(1)) * _UNITS[match.group(2)]
        rest = rest[match.end() :]
    return seconds


def bad_time_string(text: str) -> StreamlitAPIException:
    return StreamlitBadTimeStringError(text)


class Ticker:
    """Asks for the runs of a session's `run_every` fragments, each on its own interval.

    Ticks stop when the session closes, and pause while the viewer is hidden (a hidden VS Code
    panel); a tick missed meanwhile comes on its return.
    """

    def __init__(self, session: AppSession) -> None:
        self._session = session
        self._lock = threading.Lock()
        self._intervals: dict[str, float] = {}
        self._generation: dict[str, int] = {}
        self._missed: set[str] = set()
        self._visible = True
        self._closed = False

    def set(self, fragment_id: str, interval: float | None) -> None:
        """Tick `fragment_id` every `interval` seconds from now (None: never); a fragment
        called again with the same interval keeps its rhythm."""
        with self._lock:
            if self._closed or self._intervals.get(fragment_id) == interval:
                return
            generation = self._generation.get(fragment_id, 0) + 1
            self._generation[fragment_id] = generation
            if interval is None:
                self._intervals.pop(fragment_id, None)
                return
            self._intervals[fragment_id] = interval
        self._schedule(fragment_id, interval, generation)

    def drop(self, fragment_ids: Iterable[str]) -> None:
        for fragment_id in fragment_ids:
            self.set(fragment_id, None)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._intervals.clear()

    def set_visible(self, visible: bool) -> None:
        with self._lock:
            self._visible = visible
            missed, self._missed = (self._missed, set()) if visible else (set(), self._missed)
        for fragment_id in missed:
            self._session.request_fragment(fragment_id)

    def intervals(self) -> dict[str, float]:
        with self._lock:
            return dict(self._intervals)

    def _schedule(self, fragment_id: str, interval: float, generation: int) -> None:
        interrupt.watchdog.call_later(interval, lambda: self._tick(fragment_id, generation))

    def _tick(self, fragment_id: str, generation: int) -> None:
        with self._lock:
            if self._closed or self._generation.get(fragment_id) != generation:
                return
            interval = self._intervals[fragment_id]
            due = self._visible
            if not due:
                self._missed.add(fragment_id)
        if due:
            self._session.request_fragment(fragment_id)
        self._schedule(fragment_id, interval, generation)
