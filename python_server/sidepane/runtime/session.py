"""One viewer of one script: its state, its script thread, and the messages it exchanges."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sidepane.errors import ProtocolError
from sidepane.protocol.frames import PROTOCOL_VERSION, decode_message
from sidepane.protocol.writer import FrameWriter, Sink
from sidepane.runtime.config.viewer import viewer_options
from sidepane.runtime.fragments import Fragments, enter_block
from sidepane.runtime.pages import Navigation, PagesUpdate
from sidepane.runtime.query_params import QueryParamsData
from sidepane.runtime.requests import ScriptRequests
from sidepane.runtime.run_every import Ticker
from sidepane.runtime.runner import RunResult, ScriptRunner
from sidepane.runtime.session_state import SessionStateData
from sidepane.runtime.uploads import SessionUploads, UploadTarget, upload_target_of
from sidepane.runtime.viewer_facts import ClientFacts, ViewerFacts
from sidepane.runtime.widgets import WidgetManager

if TYPE_CHECKING:
    from sidepane.runtime.app import App
    from sidepane.runtime.context import RunContext

log = logging.getLogger("sidepane.session")

RunListener = Callable[[RunResult], None]


class AppSession:
    """A browser tab, a VS Code panel or an AppTest: own session_state, widgets and script thread.

    `handle_message` may be called from any thread; frames go to `sink` from the script thread.
    """

    def __init__(
        self,
        app: App,
        sink: Sink,
        *,
        session_id: str | None,
        query_string: str,
        partial_reruns: bool = True,
    ) -> None:
        self.app = app
        self.id = session_id or uuid.uuid4().hex
        self.writer = FrameWriter(self.id, sink)
        self.widgets = WidgetManager()
        self.session_state = SessionStateData(self.widgets)
        self.query_params = QueryParamsData(query_string)
        # `st.user`: the claims of the person signed in (servers/web/auth_routes.py), or {}.
        self.user_info: dict[str, Any] = {}
        self.navigation = Navigation(app.script_path, app.shared_pages)
        # Fragment runs (runtime/fragments.py). Without `partial_reruns` (AppTest, as
        # Streamlit's), a widget in a fragment reruns the whole script and nothing ticks.
        self.partial_reruns = partial_reruns
        self.fragments = Fragments()
        self.ticker = Ticker(self)
        if not partial_reruns:
            self.ticker.close()
        self._runner = ScriptRunner(self)
        self.requests = ScriptRequests(on_request=self._runner.on_request)
        self._listeners: list[RunListener] = []
        self._reset_viewer = False
        self._idle = threading.Event()
        self._idle.set()
        self._closed = False
        self.last_result: RunResult | None = None
        self.page_config: dict[str, Any] = {}
        # What the viewer said of itself in `hello` (st.context's locale, timezone, theme…),
        # and the request it connected with (a browser tab's: set by the web server).
        self.viewer = ViewerFacts()
        self.client = ClientFacts()
        # Files sent by `upload` frames, for the widgets that take them (file_uploader).
        self.uploads = SessionUploads(self.writer.sink, self.upload_target)
        self._idle_lock = threading.Lock()

    # ---- control (any thread) ----

    def add_run_listener(self, listener: RunListener) -> None:
        """`listener(result)` is called on the script thread after each run's `run_end` frame."""
        self._listeners.append(listener)

    def request_rerun(self) -> None:
        """Run the script (again), interrupting a run in progress."""
        if self._closed:
            return
        with self._idle_lock:
            self._idle.clear()
            self.requests.request_rerun()
        self._runner.ensure_thread()

    def request_fragment(self, fragment_id: str, *, preempt: bool = False) -> None:
        """Run one fragment again (after the run in progress, unless `preempt`)."""
        if self._closed:
            return
        with self._idle_lock:
            self._idle.clear()
            self.requests.request_fragment(fragment_id, preempt=preempt)
        self._runner.ensure_thread()

    def request_stop(self) -> None:
        self.requests.request_stop()

    def close(self, timeout: float = 2.0) -> None:
        """End the session: its run is interrupted and its thread ends."""
        self._closed = True
        self.ticker.close()
        self.requests.request_shutdown()
        self._runner.join(timeout)
        self._free_uploads()

    def _free_uploads(self) -> None:
        # A closed session lingers in reference cycles until a full collection: its files are
        # freed now, and so are the uploaders' values holding them once no run can read them.
        self.uploads.clear()
        if self._runner.alive:
            return
        for wid, spec in list(self.widgets.specs.items()):
            if upload_target_of(spec.deserialize) is not None:
                self.widgets.values.pop(wid, None)

    def upload_target(self, widget_id: str) -> UploadTarget | None:
        """The widget `widget_id` if the latest run drew it as one that takes files (enabled)."""
        spec = self.widgets.specs.get(widget_id)
        if spec is None or spec.disabled:
            return None
        return upload_target_of(spec.deserialize)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no run is in progress or requested; False on timeout."""
        return self._idle.wait(timeout)

    @property
    def script_thread_alive(self) -> bool:
        return self._runner.alive

    # ---- messages from the viewer (any thread) ----

    def handle_message(self, raw: bytes) -> None:
        """Decode and obey a viewer's message; bad input is logged and dropped, never raised."""
        try:
            frames = decode_message(raw)
        except ProtocolError as exc:
            log.warning("session %s: dropped a message: %s", self.id[:8], exc)
            return
        for frame in frames:
            try:
                self.handle_frame(frame)
            except ProtocolError as exc:
                log.warning("session %s: dropped a %r frame: %s", self.id[:8], frame.get("t"), exc)

    def handle_frame(self, frame: dict[str, Any]) -> None:
        kind = frame["t"]
        if kind == "hello":
            self._hello(frame)
        elif kind == "widget_value":
            self._widget_value(frame)
        elif kind == "rerun":
            self._rerun(frame)
        elif kind == "stop":
            self.request_stop()
        elif kind == "upload":
            self._upload(frame)
        elif kind == "visibility":
            visible = frame.get("visible")
            if not isinstance(visible, bool):
                raise ProtocolError("visibility needs a boolean 'visible'")
            self.ticker.set_visible(visible)
        else:
            raise ProtocolError(f"unknown frame type {kind[:40]!r}")

    def _hello(self, frame: dict[str, Any]) -> None:
        version = frame.get("v")
        if version != PROTOCOL_VERSION:
            self.writer.error(
                "version",
                f"This viewer speaks Sidepane protocol {version!r}, the runtime speaks "
                f"{PROTOCOL_VERSION}. Reload the page, or update the extension and the "
                "sidepane package to the same release.",
            )
            return
        query = frame.get("query")
        if isinstance(query, str):
            self.query_params.load(query)
        page, page_file = frame.get("page"), frame.get("page_file")
        if isinstance(page_file, str):
            self.navigation.request_file(page_file)
        elif isinstance(page, str):
            self.navigation.request(page)
        widgets = frame.get("widgets")
        if isinstance(widgets, dict):
            self.widgets.accept(widgets, provisional=True)
        self.viewer = ViewerFacts.from_hello(frame)
        self._reset_viewer = True
        self.request_rerun()

    def _rerun(self, frame: dict[str, Any]) -> None:
        page, query, page_file = frame.get("page"), frame.get("query"), frame.get("page_file")
        if page is not None and not isinstance(page, str):
            raise ProtocolError("rerun 'page' must be a string")
        if page_file is not None and not isinstance(page_file, str):
            raise ProtocolError("rerun 'page_file' must be a string")
        if page_file is not None:
            self.navigation.request_file(page_file)
            self.query_params.load(query if isinstance(query, str) else "")
        elif page is not None:
            self.navigation.request(page)
            # Another page starts with the query string the viewer shows (none after a click in
            # the page list), as Streamlit clears query parameters on a page change.
            self.query_params.load(query if isinstance(query, str) else "")
        self.request_rerun()

    def _widget_value(self, frame: dict[str, Any]) -> None:
        wid = frame.get("id")
        if not isinstance(wid, str) or "value" not in frame:
            raise ProtocolError("widget_value needs a string 'id' and a 'value'")
        updates: dict[str, Any] = {}
        others = frame.get("values")
        if others is not None:
            if not isinstance(others, dict):
                raise ProtocolError("widget_value 'values' must be a map")
            updates.update(others)
        updates[wid] = frame["value"]
        kept = self._without_unsubmitted_form_fields(wid, updates)
        for other, value in kept.items():
            if self.upload_target(other) is not None:
                self.uploads.keep(other, value)  # a file replaced or removed is freed
        if self.widgets.accept(kept):
            fragment = self._fragment_of(kept)
            if fragment is not None:
                self.request_fragment(fragment)
            else:
                self.request_rerun()

    def _fragment_of(self, updates: dict[str, Any]) -> str | None:
        """The fragment that alone drew every widget changed, which then reruns alone."""
        if not self.partial_reruns:
            return None
        innermost = {
            spec.fragments[-1] if spec is not None and spec.fragments else None
            for spec in map(self.widgets.specs.get, updates)
        }
        if len(innermost) != 1:
            return None
        (fragment,) = innermost
        return fragment

    def _without_unsubmitted_form_fields(self, wid: str, updates: dict[str, Any]) -> dict[str, Any]:
        """A form's fields count only with a click of that form's submit button in the same
        message (docs/protocol.md); others are dropped, as Streamlit drops unsubmitted edits."""
        specs = self.widgets.specs
        primary = specs.get(wid)
        submitted = primary.form_id if primary is not None and primary.trigger else None
        kept: dict[str, Any] = {}
        for other, value in updates.items():
            spec = specs.get(other)
            if spec is not None and spec.form_id is not None and spec.form_id != submitted:
                log.warning(
                    "ignored a value for %s %r: its form was not submitted", spec.kind, other
                )
                continue
            kept[other] = value
        return kept

    def _upload(self, frame: dict[str, Any]) -> None:
        if self._closed:
            return
        self.uploads.receive(frame)

    # ---- the script thread ----

    def begin_run(self, run: int, fragment: str | None = None) -> None:
        if self._reset_viewer:
            self._reset_viewer = False
            self.writer.reset_viewer()
        self.app.refresh_config()
        self.writer.app_config(viewer_options(self.app.config))
        scope = self.fragments.scope(fragment) if fragment is not None else None
        self.writer.run_start(run, self.app.script_path, fragment, scope)

    def begin_page(self) -> str:
        """The script this run runs (the main script or a page); tells the viewer the pages."""
        script, update = self.navigation.begin_run()
        if self.navigation.drop_widgets:
            self.widgets.end_run((), None)
        if update is not None:
            self.show_pages(update)
        return script

    def end_page(self) -> None:
        """After the script: a page asked for that neither the pages folder nor the script's
        st.navigation has is reported now."""
        update = self.navigation.end_run()
        if update is not None:
            self.show_pages(update)

    def show_pages(self, update: PagesUpdate, *, keep_body: bool = False) -> None:
        wire = [p.wire() for p in update.pages]
        self.writer.pages(wire, update.current, update.not_found, update.extra, keep_body=keep_body)

    def show_exception(self, ctx: RunContext, exc: BaseException) -> None:
        from sidepane.elements.delta_generator import main_dg

        ctx.dg_stack.clear()
        record = self.fragments.get(ctx.fragment_run) if ctx.fragment_run else None
        if record is not None:
            enter_block(ctx, record)  # a fragment's run draws nothing outside it
        main_dg._uncaught_exception(exc)

    def run_finished(self, result: RunResult) -> None:
        self.last_result = result
        for listener in list(self._listeners):
            try:
                listener(result)
            except Exception:
                log.exception("a run listener failed")
        self.settle_idle()

    def settle_idle(self) -> None:
        """Between runs: idle unless another run is asked for."""
        with self._idle_lock:
            if not self.requests.waiting():
                self._idle.set()
