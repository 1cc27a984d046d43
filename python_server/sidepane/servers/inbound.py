"""A viewer's messages read defensively: frames decoded incrementally up to a cap, and warnings
about bad input summed rather than logged one line each (docs/protocol.md, "Encoding and
transport"). A message of millions of tiny frames thus costs what 100 frames cost."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import msgpack

from sidepane.protocol import frames

# The most frames of one viewer -> runtime message the runtime obeys; the viewer sends one or two.
MAX_FRAMES_PER_MESSAGE = 100
# Bytes handed to the decoder at a time: it stops reading at the cap, not at the message's end.
_FEED_BYTES = 64 * 1024
# A warning repeated within this many seconds is counted and reported with the next one.
_REPEAT_WINDOW_S = 1.0


class CappedFrames:
    """The frames of one message, decoded as they are taken, at most `cap` of them.

    Iterating yields each frame that is a map with a string `t`; the problems met on the way
    (non-map frames, malformed msgpack, frames past the cap) are counted in `problems`.
    """

    def __init__(self, raw: bytes, cap: int = MAX_FRAMES_PER_MESSAGE) -> None:
        self._raw = memoryview(raw)
        self._cap = cap
        self.problems: Counter[str] = Counter()
        self.count = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        unpacker = msgpack.Unpacker(raw=False, strict_map_key=False, max_buffer_size=0)
        raw, at, end = self._raw, 0, len(self._raw)
        while True:
            try:
                for obj in unpacker:
                    if self.count == self._cap:
                        self.problems[f"the rest of a message of over {self._cap} frames"] += 1
                        return
                    self.count += 1
                    if isinstance(obj, dict) and isinstance(obj.get("t"), str):
                        if frames.observer is not None:  # the tests' schema check
                            frames.observer(obj, True)
                        yield obj
                    else:
                        self.problems["frames that are not a map with a string 't'"] += 1
            except (ValueError, msgpack.UnpackException) as exc:
                self.problems[f"malformed msgpack ({type(exc).__name__})"] += 1
                return
            if at >= end:
                if self.count == 0:
                    self.problems["an empty message"] += 1
                return
            unpacker.feed(raw[at : at + _FEED_BYTES])
            at += _FEED_BYTES


class WarningSummary:
    """Logs a warning the first time, then counts repeats of it within a second and reports
    them with the next one logged: a flood of bad frames costs a few lines, not one each."""

    def __init__(self, log: logging.Logger, prefix: str) -> None:
        self._log = log
        self._prefix = prefix
        self._last: dict[str, float] = {}
        self._held: Counter[str] = Counter()

    def warn(self, what: str, count: int = 1) -> None:
        now = time.monotonic()
        last = self._last.get(what)
        if last is not None and now - last < _REPEAT_WINDOW_S:
            self._held[what] += count
            return
        self._last[what] = now
        count += self._held.pop(what, 0)
        times = f" ({count:,} times)" if count > 1 else ""
        self._log.warning("%s: dropped %s%s", self._prefix, what, times)

    def flush(self) -> None:
        """Report what is still counted (the connection ended)."""
        for what, count in list(self._held.items()):
            self._log.warning("%s: dropped %s (%s times)", self._prefix, what, f"{count:,}")
        self._held.clear()
