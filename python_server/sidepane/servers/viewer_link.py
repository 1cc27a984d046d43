"""One viewer's session, whatever carries its bytes: a WebSocket (`sidepane run`) or LSP
notifications (VS Code). The transport feeds `receive` and sends what `take_frames` returns."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from sidepane.errors import ProtocolError
from sidepane.protocol.frames import MAX_MESSAGE_BYTES, frame, is_run_start
from sidepane.protocol.writer import Sink
from sidepane.runtime.app import App
from sidepane.servers.inbound import CappedFrames, WarningSummary

if TYPE_CHECKING:
    from sidepane.runtime.session import AppSession

log = logging.getLogger("sidepane.viewer")

RunOnSave = Literal["always", "ask", "never"]
MAX_MESSAGE_ENV = "SIDEPANE_MAX_MESSAGE_BYTES"
RUN_ON_SAVE_MODES: tuple[RunOnSave, ...] = ("always", "ask", "never")

# Frames queued together go out as one message up to about this size; past it a new message
# starts, so a big table's first column batches reach the viewer (and paint) before the rest.
MESSAGE_BYTES = 1 << 20

# A run's `run_start` waits this long for the frames that follow it: a quick rerun then reaches
# the viewer as one message (one hop through VS Code's webview plumbing, one render) rather than
# its start alone and the rest a moment later. A run that shows nothing for longer is still
# reported as running this soon.
HOLD_RUN_START_S = 0.02

# Frames that start a run of their own: a source change reported before them is handled.
_RUNS = frozenset({"hello", "rerun", "widget_value"})
# Requests that mean the same however often a message repeats them: obeyed once per message.
_ONCE = frozenset({"rerun", "stop"})


class ViewerLink:
    """A viewer's AppSession plus what every transport adds: its run-on-save mode, the saves it
    was told about, and a queue of outgoing frames.

    The session's script thread hands frames to `sink`; the first frame queued since the last
    `take_frames` wakes the event loop once (`on_ready`, via `call_soon_threadsafe`), and the
    transport then sends everything queued as few messages. A burst of frames thus costs one
    loop wake-up, and no task or timer is created per frame. A `run_start` alone does not wake
    it: it waits up to HOLD_RUN_START_S for the run's next frame. `receive`, `source_changed` and
    `take_frames` run on the loop thread.
    """

    def __init__(
        self,
        app: App,
        *,
        loop: asyncio.AbstractEventLoop,
        on_ready: Callable[[], None],
        run_on_save: RunOnSave,
        max_message_bytes: int | None = None,
        new_session: Callable[[Sink], AppSession] | None = None,
        on_run_on_save: Callable[[bool], None] | None = None,
    ) -> None:
        self.run_on_save: RunOnSave = run_on_save
        self._loop = loop
        self._on_ready = on_ready
        self._on_run_on_save = on_run_on_save
        self._max_message_bytes = max_message_bytes or max_message_bytes_setting()
        self._lock = threading.Lock()
        self._queued: list[bytes] = []
        self._wake_scheduled = False
        self._hold_scheduled = False
        self._closed = False
        self._started = False  # a valid-looking hello arrived: the viewer expects frames
        self._change_pending = False  # source_changed sent and not yet acted on
        self.session = new_session(self.sink) if new_session else app.new_session(self.sink)
        self._warnings = WarningSummary(log, f"session {self.session.id[:8]}")

    # ---- out: runtime -> viewer ----

    def sink(self, data: bytes) -> None:
        """Queue a frame for the viewer; called on the script thread (or the loop's)."""
        with self._lock:
            if self._closed:
                return
            self._queued.append(data)
            if self._wake_scheduled:
                return
            hold = is_run_start(data)
            if hold:
                if self._hold_scheduled:
                    return
                self._hold_scheduled = True
            else:
                self._wake_scheduled = True
        try:
            if hold:
                self._loop.call_soon_threadsafe(
                    self._loop.call_later, HOLD_RUN_START_S, self._release_held
                )
            else:
                self._loop.call_soon_threadsafe(self._on_ready)
        except RuntimeError:  # the loop closed under a script thread that outlived the server
            pass

    def _release_held(self) -> None:
        """The hold is over (loop thread): send a `run_start` still waiting alone."""
        with self._lock:
            self._hold_scheduled = False
            if self._wake_scheduled or not self._queued or self._closed:
                return
            self._wake_scheduled = True
        self._on_ready()

    def take_frames(self) -> list[bytes]:
        """The frames queued since the last call (loop thread); the next frame wakes it again."""
        with self._lock:
            queued, self._queued = self._queued, []
            self._wake_scheduled = False
        return queued

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Stop queueing frames (the transport then closes the session, off the loop)."""
        with self._lock:
            self._closed = True
            self._queued.clear()
        self._warnings.flush()

    def source_changed(self, path: str) -> None:
        """A watched file was saved: rerun, let the viewer offer to, or neither, by mode."""
        if not self._started or self.run_on_save == "never":
            return
        if not self.session.navigation.affected_by(path):
            return  # another page's file: this viewer shows a page that does not run it
        if self.run_on_save == "always":
            self.session.request_rerun()
        else:
            self._change_pending = True
            self.sink(frame("source_changed", path=path))

    # ---- in: viewer -> runtime ----

    def receive(self, raw: bytes) -> None:
        """Decode one message and obey its frames (at most MAX_FRAMES_PER_MESSAGE of them, a
        repeated `rerun` or `stop` once); bad input is logged, summed, and dropped."""
        if len(raw) > self._max_message_bytes:
            self._warnings.warn(f"a message over the limit of {self._max_message_bytes:,} bytes")
            return
        frames = CappedFrames(raw)
        problems: Counter[str] = frames.problems
        seen: set[str] = set()
        for f in frames:
            kind = f["t"]
            if kind in _ONCE:
                if kind in seen:
                    continue
                seen.add(kind)
            problem = self._obey(f)
            if problem is not None:
                problems[problem] += 1
        for what, count in problems.items():
            self._warnings.warn(what, count)

    def warn(self, what: str) -> None:
        """Log that the transport dropped `what` (repeats within a second are summed)."""
        self._warnings.warn(what)

    def _obey(self, f: dict[str, Any]) -> str | None:
        """Obey one frame; what was wrong with it, if it was dropped."""
        kind = f["t"]
        if kind == "run_on_save":
            return self._run_on_save(f)
        if kind in _RUNS:
            self._change_pending = False
            if kind == "hello":
                self._started = True
        try:
            self.session.handle_frame(f)
        except ProtocolError as exc:
            return f"{_short(kind)} frames: {exc}"
        except Exception:
            # A bug of ours must cost one frame, never the connection.
            log.exception("session %s: failed to handle a %r frame", self.session.id[:8], kind)
        return None

    def _run_on_save(self, f: dict[str, Any]) -> str | None:
        enabled = f.get("enabled")
        if not isinstance(enabled, bool):
            return "run_on_save frames without a bool 'enabled'"
        self.run_on_save = "always" if enabled else "ask"
        if self._on_run_on_save is not None:
            self._on_run_on_save(enabled)
        # "Always rerun" on the source-changed bar also applies the change it was shown for.
        if enabled and self._change_pending:
            self._change_pending = False
            self.session.request_rerun()
        return None


def _short(text: str, limit: int = 40) -> str:
    """A viewer's string quoted for a log line, cut short: it may be megabytes long."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def max_message_bytes_setting() -> int:
    """The largest viewer message taken: 64 MiB, or SIDEPANE_MAX_MESSAGE_BYTES (for tests)."""
    raw = os.environ.get(MAX_MESSAGE_ENV, "")
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    if raw:
        log.warning("%s=%r is not a whole number above 0", MAX_MESSAGE_ENV, raw)
    return MAX_MESSAGE_BYTES


def batch_messages(frames: list[bytes], limit: int = MESSAGE_BYTES) -> list[bytes]:
    """Concatenate queued frames into messages of about `limit` bytes (one frame may exceed it)."""
    if len(frames) == 1:
        return frames
    messages: list[bytes] = []
    batch: list[bytes] = []
    size = 0
    for data in frames:
        if batch and size + len(data) > limit:
            messages.append(b"".join(batch))
            batch, size = [], 0
        batch.append(data)
        size += len(data)
    if batch:
        messages.append(b"".join(batch))
    return messages
