"""The state of the run in progress, reachable from any `st.` call on the script thread.

Each session's script thread has at most one RunContext at a time; code on other threads (and a
script run with plain `python app.py`) sees none, and `st.` calls then draw nothing.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from sidepane.errors import DuplicateWidgetID, DuplicateWidgetKey
from sidepane.protocol.frames import Path, payload_data
from sidepane.runtime.control import RerunRequested, StopRequested
from sidepane.runtime.requests import Request

if TYPE_CHECKING:
    from sidepane.caching.replay import Recorder
    from sidepane.elements.dg_core import DeltaGeneratorCore
    from sidepane.runtime.fragments import Fragment
    from sidepane.runtime.session import AppSession
    from sidepane.runtime.widgets import WidgetSpec

_local = threading.local()
# A thread the script gave its run context (`add_script_run_ctx`) holds a ThreadRunContext
# (thread_context.py) under this attribute.
ATTACHED_ATTR = "_sidepane_run_context"
_runtime_started = False


def get_run_context() -> RunContext | None:
    """The run context of the calling thread, or None outside a script run."""
    ctx: RunContext | None = getattr(_local, "ctx", None)
    if ctx is None:
        # A thread given the context draws into the run that started it, while that run lasts.
        attached = getattr(threading.current_thread(), ATTACHED_ATTR, None)
        if attached is not None and attached.live():
            return attached  # type: ignore[no-any-return]
    return ctx


def runtime_started() -> bool:
    """Whether Sidepane's runtime has run a script in this process (a server, the language
    server or AppTest), as opposed to a script run bare with `python app.py`."""
    return _runtime_started


def set_run_context(ctx: RunContext | None) -> None:
    _local.ctx = ctx


class RunContext:
    """One run of one session's script: the element cursor, the widgets seen, the `with` stack."""

    __slots__ = (
        "_requests",
        "abandoned",
        "cursors",
        "deferred_empty",
        "dg_stack",
        "dialog_opened",
        "fast_reruns",
        "fragment",
        "fragment_run",
        "fragments_seen",
        "in_callbacks",
        "in_user_code",
        "interrupt_sent",
        "produced",
        "recorders",
        "run",
        "session",
        "started",
        "thread_id",
        "widget_ids",
        "widget_keys",
        "writer",
    )

    def __init__(self, session: AppSession, run: int, fragment_run: str | None = None) -> None:
        global _runtime_started
        _runtime_started = True
        self.session = session
        self.run = run
        # The fragment this run reruns (None: the whole script), the innermost fragment
        # running now, and the fragments the run called (runtime/fragments.py).
        self.fragment_run = fragment_run
        self.fragment: Fragment | None = None
        self.fragments_seen: set[str] = set()
        self.dialog_opened = False  # Streamlit opens one dialog per run
        self.writer = session.writer
        self._requests = session.requests
        # runner.fastReruns: false lets a run finish before the rerun a widget asked for.
        self.fast_reruns = bool(session.app.config.get("runner.fastReruns"))
        self.cursors: dict[Path, int] = {}
        self.produced: set[Path] = set()
        self.dg_stack: list[DeltaGeneratorCore] = []
        # Placeholders created by this run and not filled yet: sent only at the run's end, so
        # a slot that the run fills again with the same content costs no frame at all.
        self.deferred_empty: set[Path] = set()
        # Cached functions being computed in this run record what they draw (caching/replay.py).
        self.recorders: list[Recorder] = []
        self.widget_ids: set[str] = set()
        self.widget_keys: set[str] = set()
        # Set by the runner: whether the thread is running user code now (the only place an
        # interrupt may be injected), and whether the runner gave up on this run's thread.
        self.in_user_code = False
        # Whether the changed widgets' callbacks run now: a rerun then waits for all of them.
        self.in_callbacks = False
        # Whether an async exception was ever injected into this run's thread: only then may
        # one still be pending when user code ends (interrupt.absorb_pending takes it).
        self.interrupt_sent = False
        self.abandoned = False
        self.thread_id = 0
        self.started = 0.0

    def yield_point(self) -> None:
        """Obey a pending rerun or stop; every `st.` call passes here."""
        pending = self._requests.pending()
        if pending is Request.NONE and not self.abandoned:
            return
        if self.abandoned or pending is Request.STOP:
            raise StopRequested
        if self.in_callbacks or not self.fast_reruns:
            return
        raise RerunRequested

    def next_path(self, container: Path) -> Path:
        index = self.cursors.get(container, 0)
        self.cursors[container] = index + 1
        return (*container, index)

    def emit(
        self, path: Path, type_: str, props: dict[str, Any], widget: WidgetSpec | None = None
    ) -> None:
        """Upsert a node produced by this run (`widget`: the spec, when it is a widget)."""
        if path in self.produced:
            # Replacing a node drawn earlier in this run (st.empty, progress updates): what was
            # under it is no longer produced, and new children count from 0 again.
            self._unproduce_below(path)
            self.deferred_empty.discard(path)
        elif type_ == "empty" and not props:
            self.produced.add(path)
            self.deferred_empty.add(path)
            self._record(path, type_, props)
            return
        self.produced.add(path)
        self.writer.upsert(path, type_, props)
        self._record(path, type_, props, widget=widget)

    def restate(self, path: Path, type_: str, props: dict[str, Any]) -> None:
        """Change the props of a node this run drew, keeping its children (a form's flags)."""
        self.writer.upsert(path, type_, props)
        self._record(path, type_, props, restate=True)

    def payload(self, digest: str, kind: str, data: Any) -> None:
        """Send a payload referenced by an element (skipped if the viewer has it)."""
        if self.recorders:
            data = payload_data(data)  # a recording keeps the bytes, not a view of user data
            for recorder in self.recorders:
                recorder.payload(digest, kind, data)
        self.writer.payload(digest, kind, data)

    def _record(
        self,
        path: Path,
        type_: str,
        props: dict[str, Any],
        *,
        restate: bool = False,
        widget: WidgetSpec | None = None,
    ) -> None:
        for recorder in self.recorders:
            recorder.element(path, type_, props, restate, widget)

    def flush_deferred(self) -> None:
        """Send the placeholders this run created and never filled (before its run_end)."""
        for path in sorted(self.deferred_empty, key=len):
            self.writer.upsert(path, "empty", {})
        self.deferred_empty.clear()

    def _unproduce_below(self, path: Path) -> None:
        n = len(path)
        for p in [p for p in self.produced if len(p) > n and p[:n] == path]:
            self.produced.discard(p)
        for p in [p for p in self.cursors if len(p) >= n and p[:n] == path]:
            del self.cursors[p]

    def register_widget_id(self, widget_id: str, kind: str, key: str | None) -> None:
        if key is not None:
            if key in self.widget_keys:
                raise DuplicateWidgetKey(
                    f"There are multiple elements with the same `key='{key}'`. To fix this, "
                    "please make sure that the `key` argument is unique for each element you "
                    "create."
                )
            self.widget_keys.add(key)
        if widget_id in self.widget_ids:
            raise DuplicateWidgetID(
                f"There are multiple `{kind}` elements with the same auto-generated ID. When this "
                "element is created, it is assigned an internal ID based on the element type and "
                "provided parameters. Multiple elements with the same type and parameters will "
                "cause this error.\n\nTo fix this error, please pass a unique `key` argument to "
                f"the `{kind}` element."
            )
        self.widget_ids.add(widget_id)
