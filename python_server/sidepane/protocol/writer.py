"""Turns a run's events into frames for one viewer, skipping what the viewer already holds."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import xxhash

from sidepane.protocol import frames
from sidepane.protocol.frames import Path, frame, pack, payload_data, upsert_frame
from sidepane.protocol.viewer_model import ViewerModel

Sink = Callable[[bytes], None]

# What a viewer holds before any `app_config` frame (docs/protocol.md).
APP_CONFIG_DEFAULT: dict[str, Any] = {"theme": {}, "show_sidebar_navigation": True}


class FrameWriter:
    """Encodes frames for one session and hands them to the transport's sink.

    Called from the session's script thread only. The frame is sent before the viewer model
    records it: if the run is interrupted in between, the worst case is one frame resent later.
    """

    def __init__(self, session_id: str, sink: Sink) -> None:
        self.session_id = session_id
        self.sink = sink
        self.model = ViewerModel()
        self.run = 0
        self.bytes_sent = 0
        self._page_config: dict[str, Any] | None = None
        self._app_config: dict[str, Any] | None = None
        # st.logo: the frame the viewer holds ({}: none), and whether this run sent one.
        self._logo: dict[str, Any] = {}
        self._logo_this_run = False
        self._pages: tuple[list[dict[str, Any]], str, dict[str, Any]] | None = None
        # A fragment's run (docs/protocol.md): its id and the paths it may redraw.
        self._fragment: str | None = None
        self._scope: list[Path] | None = None

    def _send(self, data: bytes) -> None:
        self.bytes_sent += len(data)
        self.sink(data)

    def reset_viewer(self) -> None:
        """A new connection holds nothing yet."""
        self.model.reset()
        self._page_config = None
        self._app_config = None
        self._logo = {}
        self._pages = None

    def run_start(
        self,
        run: int,
        script: str,
        fragment: str | None = None,
        scope: list[Path] | None = None,
    ) -> None:
        """A run begins; a fragment's run names the fragment and the paths it may redraw."""
        self.run = run
        self._fragment, self._scope = fragment, scope
        if fragment is None:
            self._logo_this_run = False
        fields: dict[str, Any] = {"session": self.session_id, "run": run, "script": script}
        if fragment is not None:
            fields["fragment"] = fragment
            fields["scope"] = scope or []
        self._send(frame("run_start", **fields))

    def upsert(self, path: Path, type_: str, props: dict[str, Any]) -> None:
        packed = pack(props)
        digest = xxhash.xxh3_64_intdigest(packed)
        if self.model.holds(path, type_, digest):
            return
        if frames.observer is not None:
            fields = {"t": "upsert", "run": self.run, "path": path, "type": type_, "props": props}
            frames.observer(fields, False)
        self._send(upsert_frame(self.run, path, type_, packed))
        self.model.record(path, type_, digest)

    def payload(self, digest: str, kind: str, data: Any) -> None:
        """Send a payload the viewer lacks; `data` may be deferred (a callable, see
        `payload_data`), so a payload the viewer already holds is never even produced."""
        if digest in self.model.payloads:
            return
        self._send(frame("payload", hash=digest, kind=kind, data=payload_data(data)))
        self.model.payloads.add(digest)

    def has_payload(self, digest: str) -> bool:
        return digest in self.model.payloads

    def run_end(self, status: str, produced: Iterable[Path] | None, ms: float) -> None:
        """The run ends: the viewer removes what it holds that the run did not produce (in a
        fragment's run, only within its scope: the rest is not the run's to remove)."""
        if self._fragment is None and status != "interrupted" and not self._logo_this_run:
            self.logo({}, this_run=False)  # a whole run without st.logo shows none
        remove = [] if produced is None else self.model.removals(produced, self._scope)
        fields: dict[str, Any] = {"run": self.run, "status": status, "remove": remove}
        if self._fragment is not None:
            fields["fragment"] = self._fragment
        self._send(frame("run_end", **fields, ms=round(ms, 3)))

    def app_config(self, config: dict[str, Any]) -> None:
        """The config.toml options the viewer applies, when the viewer does not hold them (a
        viewer sent none holds the defaults: no theme, the page list shown)."""
        if config == (self._app_config or APP_CONFIG_DEFAULT):
            return
        self._send(frame("app_config", **config))
        self._app_config = dict(config)

    def logo(self, fields: dict[str, Any], *, this_run: bool = True) -> None:
        """`st.logo`'s frame (`{}`: no logo), when the viewer does not hold it."""
        self._logo_this_run = self._logo_this_run or this_run
        if fields == self._logo:
            return
        self._send(frame("logo", **fields))
        self._logo = dict(fields)

    def page_config(self, config: dict[str, Any]) -> None:
        if config == self._page_config:
            return
        self._send(frame("page_config", **config))
        self._page_config = dict(config)

    def pages(
        self,
        pages: list[dict[str, Any]],
        current: str,
        not_found: str | None,
        extra: dict[str, Any] | None = None,
        *,
        keep_body: bool = False,
    ) -> None:
        """The app's pages and the one this run shows, when the viewer does not hold them.

        A viewer sent none holds a single page, the main one: a single-page app sends none.
        `extra`: the menu's look (`position`, `expanded`). `keep_body`: the page changed after
        this run drew into the body, which the viewer then keeps (the run's end prunes it)."""
        extra = extra or {}
        held = self._pages or ([pages[0]] if pages else [], "", {})
        if (pages, current, extra) == held and not_found is None:
            return
        fields: dict[str, Any] = {"pages": pages, "current": current, **extra}
        if not_found is not None:
            fields["not_found"] = not_found
        changed = self._pages is not None and self._pages[1] != current
        if changed and keep_body:
            fields["keep_body"] = True
        self._send(frame("pages", **fields))
        if changed and not keep_body:
            # Another page: the viewer clears the app body on this frame (docs/protocol.md).
            self.model.forget_root("main")
        self._pages = (pages, current, extra)

    def toast(self, body: str, icon: str | None, duration: int = 4) -> None:
        self._send(frame("toast", run=self.run, body=body, icon=icon, duration=duration))

    def auth_redirect(self, url: str, app_url: str | None) -> None:
        """st.login / st.logout: the browser goes to `url`, a sign-in route of the server."""
        fields: dict[str, Any] = {"url": url}
        if app_url is not None:
            fields["app_url"] = app_url
        self._send(frame("auth_redirect", **fields))

    def query_params(self, params: list[list[str]]) -> None:
        self._send(frame("query_params", params=params))

    def debug_state(self, at: tuple[str, int] | None) -> None:
        """Tell the viewer the run is paused in a debugger at file:line, or no longer is.

        Sent from the debugger's monitor thread while the script thread is suspended; it
        touches no viewer-model state, so it cannot race with the run's own frames."""
        if at is None:
            self.sink(frame("debug", run=self.run, paused=False))
        else:
            self.sink(frame("debug", run=self.run, paused=True, file=at[0], line=at[1]))

    def error(self, code: str, message: str) -> None:
        self._send(frame("error", code=code, message=message))
