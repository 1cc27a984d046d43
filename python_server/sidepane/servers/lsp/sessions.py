"""The language server's panels: one AppSession per webview panel, keyed by the extension's
session id, and one App and file watcher per script, shared by the panels previewing it.

Everything here runs on the event loop's thread except where a docstring says "script
thread"; those hand their results to the loop. Closing a session (joining its script thread)
and stopping a watcher block, so they run in the loop's executor.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from typing import Protocol

from lsprotocol import types

from sidepane.protocol.schema.lsp import RunState
from sidepane.protocol.writer import FrameWriter, Sink
from sidepane.runtime.app import App
from sidepane.runtime.runner import RunResult
from sidepane.runtime.session import AppSession
from sidepane.servers.lsp.diagnostics import diagnostics_for
from sidepane.servers.viewer_link import RunOnSave, ViewerLink, batch_messages
from sidepane.servers.watcher import SourceWatcher

log = logging.getLogger("sidepane.lsp")

CLOSE_TIMEOUT = 2.0
# When the server is going away anyway: script threads are daemons, so do not wait long.
EXIT_CLOSE_TIMEOUT = 0.5


class Client(Protocol):
    """What sessions send to the extension; called on the event loop's thread only."""

    def send_frames(self, session: str, data: bytes) -> None: ...

    def send_status(
        self,
        session: str,
        script: str,
        state: RunState,
        run: int,
        ms: float | None,
        *,
        file: str | None = None,
        line: int | None = None,
    ) -> None: ...

    def send_run_on_save_changed(self, session: str, enabled: bool) -> None: ...

    def send_diagnostics(self, path: str, diagnostics: list[types.Diagnostic]) -> None: ...


DebugListener = Callable[[int, tuple[str, int] | None], None]


class PanelWriter(FrameWriter):
    """A FrameWriter that also reports a debugger holding or releasing the run (the `debug`
    frame's news, for `sidepane/status`). Called on the debugger's monitor thread."""

    def __init__(self, session_id: str, sink: Sink, on_debug: DebugListener) -> None:
        super().__init__(session_id, sink)
        self._on_debug = on_debug

    def debug_state(self, at: tuple[str, int] | None) -> None:
        super().debug_state(at)
        self._on_debug(self.run, at)


class PanelSession(AppSession):
    """An AppSession that also reports each run's start and a debugger's pauses (for
    `sidepane/status`)."""

    def __init__(
        self,
        app: App,
        sink: Sink,
        *,
        session_id: str,
        on_run_start: Callable[[int], None],
        on_debug: DebugListener,
    ) -> None:
        super().__init__(app, sink, session_id=session_id, query_string="")
        # Swapped in before anything holds the base's writer (nothing has run yet).
        self.writer = PanelWriter(self.id, sink, on_debug)
        self._on_run_start = on_run_start

    def begin_run(self, run: int, fragment: str | None = None) -> None:
        super().begin_run(run, fragment)
        self._on_run_start(run)


class Script:
    """One script file: the App its panels share, the watcher of its files, and the files its
    last failed run put diagnostics on."""

    def __init__(self, key: str, app: App) -> None:
        self.key = key
        self.app = app
        self.watcher: SourceWatcher | None = None
        self.panels: dict[str, Panel] = {}
        self.published: set[str] = set()


class Panel:
    """One webview panel: its session, driven through a ViewerLink, and the script it shows."""

    def __init__(self, sid: str, script: Script, owner: Sessions, run_on_save: RunOnSave) -> None:
        self.id = sid
        self.script = script
        self._owner = owner
        self.link = ViewerLink(
            script.app,
            loop=owner.loop,
            on_ready=self._flush,
            run_on_save=run_on_save,
            new_session=self._new_session,
            on_run_on_save=self._run_on_save_changed,
        )
        self.session = self.link.session
        self.session.add_run_listener(self._run_finished)
        # The latest run whose end was reported (loop thread): a debugger's "resumed" for a run
        # already over must not say "running" again.
        self._ended_run = 0

    def _new_session(self, sink: Sink) -> AppSession:
        return PanelSession(
            self.script.app,
            sink,
            session_id=self.id,
            on_run_start=self._run_started,
            on_debug=self._debug_changed,
        )

    def _flush(self) -> None:
        # One wake-up: everything queued since, as few notifications of about a megabyte.
        frames = self.link.take_frames()
        if frames:
            client = self._owner.client
            for message in batch_messages(frames):
                client.send_frames(self.id, message)

    def _run_on_save_changed(self, enabled: bool) -> None:
        self._owner.client.send_run_on_save_changed(self.id, enabled)

    def _run_started(self, run: int) -> None:
        """Script thread."""
        self._owner.soon(self._report_start, run)

    def _run_finished(self, result: RunResult) -> None:
        """Script thread: the run's `run_end` is queued; work out its diagnostics here, off the
        loop, and let the watcher pick up local modules the run imported."""
        found = diagnostics_for(result, self.script.app.script_path)
        if self.script.watcher is not None:
            self.script.watcher.refresh_soon()
        self._owner.soon(self._report_end, result, found)

    def _debug_changed(self, run: int, at: tuple[str, int] | None) -> None:
        """The debugger's monitor thread: the run is held at `at`, or goes on (None)."""
        self._owner.soon(self._report_debug, run, at)

    def _report_debug(self, run: int, at: tuple[str, int] | None) -> None:
        if self.link.closed:
            return
        script = self.script.app.script_path
        if at is not None:
            self._owner.client.send_status(
                self.id, script, "paused", run, None, file=at[0], line=at[1]
            )
        elif run > self._ended_run:
            self._owner.client.send_status(self.id, script, "running", run, None)

    def _report_start(self, run: int) -> None:
        if not self.link.closed:
            self._owner.client.send_status(
                self.id, self.script.app.script_path, "running", run, None
            )

    def _report_end(
        self, result: RunResult, found: dict[str, list[types.Diagnostic]] | None
    ) -> None:
        if self.link.closed:
            return
        self._ended_run = max(self._ended_run, result.run)
        state: RunState = "error" if result.status == "error" else "idle"
        self._owner.client.send_status(
            self.id, self.script.app.script_path, state, result.run, round(result.ms, 3)
        )
        if found is not None:
            self._owner.publish(self.script, found)


class Sessions:
    """Every panel of the server and the scripts they preview."""

    def __init__(self, client: Client, loop: asyncio.AbstractEventLoop) -> None:
        self.client = client
        self.loop = loop
        # Defaults for sessions opened without them; `configure` also applies them to all.
        self.run_on_save: RunOnSave = "always"
        self.args: list[str] = []
        self._panels: dict[str, Panel] = {}
        self._scripts: dict[str, Script] = {}
        self._closing: set[asyncio.Future[None]] = set()

    def soon(self, fn: Callable[..., object], *args: object) -> None:
        """Run `fn(*args)` on the loop (any thread)."""
        try:
            self.loop.call_soon_threadsafe(fn, *args)
        except RuntimeError:  # the loop has closed: the server is gone
            pass

    def get(self, sid: str) -> Panel | None:
        return self._panels.get(sid)

    def scripts(self) -> list[Script]:
        return list(self._scripts.values())

    # ---- methods of the protocol ----

    def open(
        self,
        sid: str,
        script_path: str,
        *,
        args: list[str] | None = None,
        run_on_save: RunOnSave | None = None,
    ) -> Panel:
        """Open session `sid` on a script, or update it if it is already open on that script
        (another script: the old session ends and a new one starts)."""
        path = os.path.abspath(script_path)
        key = os.path.realpath(path)
        panel = self._panels.get(sid)
        if panel is not None and panel.script.key != key:
            self.close(sid)
            panel = None
        script = self._scripts.get(key) or self._open_script(key, path)
        if args is not None:
            script.app.script_args = list(args)
        if panel is None:
            panel = Panel(sid, script, self, run_on_save or self.run_on_save)
            script.panels[sid] = panel
            self._panels[sid] = panel
            log.info("session %s: opened on %s", sid[:8], script.app.script_path)
        elif run_on_save is not None:
            panel.link.run_on_save = run_on_save
        return panel

    def receive(self, sid: str, raw: bytes) -> None:
        panel = self._panels.get(sid)
        if panel is None:
            log.warning("dropped a message for unknown session %r", sid)
            return
        panel.link.receive(raw)

    def configure(
        self, *, run_on_save: RunOnSave | None = None, args: list[str] | None = None
    ) -> None:
        """Apply settings to every session (args from each script's next run) and to new ones."""
        if run_on_save is not None:
            self.run_on_save = run_on_save
            for panel in self._panels.values():
                panel.link.run_on_save = run_on_save
        if args is not None:
            self.args = list(args)
            for script in self._scripts.values():
                script.app.script_args = list(args)

    def saved(self, path: str) -> None:
        """The editor saved `path`: each script that uses it reruns (or offers to) at once,
        without waiting for the file system's events (loop thread)."""
        for script in self.scripts():
            if script.watcher is not None:
                script.watcher.saved(path)

    def close(self, sid: str) -> bool:
        """End session `sid` (and its script's watcher if it was the last); False if unknown."""
        panel = self._panels.pop(sid, None)
        if panel is None:
            return False
        panel.link.close()
        script = panel.script
        script.panels.pop(sid, None)
        watcher = None
        if not script.panels and self._scripts.get(script.key) is script:
            del self._scripts[script.key]
            self._clear_diagnostics(script)
            watcher = script.watcher
        closing = self.loop.run_in_executor(None, _end, panel.session, watcher, CLOSE_TIMEOUT)
        self._closing.add(closing)
        closing.add_done_callback(self._closing.discard)
        log.info("session %s: closed", sid[:8])
        return True

    async def close_all(self) -> None:
        """End every session and watcher, and wait until their threads are done."""
        for sid in list(self._panels):
            self.close(sid)
        if self._closing:
            await asyncio.gather(*self._closing, return_exceptions=True)

    def close_now(self) -> None:
        """End whatever is left once the event loop has stopped (blocks briefly)."""
        panels, self._panels = list(self._panels.values()), {}
        scripts, self._scripts = list(self._scripts.values()), {}
        for panel in panels:
            panel.link.close()
        for panel in panels:
            _end(panel.session, None, EXIT_CLOSE_TIMEOUT)
        for script in scripts:
            if script.watcher is not None:
                script.watcher.stop()

    # ---- scripts ----

    def _open_script(self, key: str, path: str) -> Script:
        script = Script(key, App(path, self.args))
        try:
            watcher = SourceWatcher(
                path,
                lambda changed: self._source_changed(script, changed),
                self.loop,
                page_files=lambda: script.app.shared_pages.files,
            )
            watcher.start()
            script.watcher = watcher
        except Exception as exc:  # e.g. out of inotify watches: previews work, saves are missed
            log.warning("cannot watch %s for saves: %s", path, exc)
        self._scripts[key] = script
        return script

    def _source_changed(self, script: Script, path: str) -> None:
        for panel in list(script.panels.values()):
            panel.link.source_changed(path)

    def publish(self, script: Script, found: dict[str, list[types.Diagnostic]]) -> None:
        """Show a run's diagnostics, clearing those of the script's previous run."""
        if self._scripts.get(script.key) is not script:
            return  # its last panel closed meanwhile
        for path in script.published - found.keys():
            self.client.send_diagnostics(path, [])
        for path, diagnostics in found.items():
            self.client.send_diagnostics(path, diagnostics)
        script.published = set(found)

    def _clear_diagnostics(self, script: Script) -> None:
        # Nothing previews the script any more: its errors would go stale in the Problems panel.
        for path in script.published:
            self.client.send_diagnostics(path, [])
        script.published = set()


def _end(session: AppSession, watcher: SourceWatcher | None, timeout: float) -> None:
    """Blocking: stop the session's run, join its thread, stop the watcher."""
    session.close(timeout)
    if watcher is not None:
        watcher.stop()
