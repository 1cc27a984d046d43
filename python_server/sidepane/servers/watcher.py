"""Watch the script and the local modules it imported; report each save once, at once.

Which files: the script, the pages of a multipage app (`pages/*.py` beside the script: a page
added, saved or removed reruns; the page files `st.navigation` named), the secrets.toml files
`st.secrets` reads, plus every module in `sys.modules` whose source lies under the script's
folder (not installed packages, not a virtualenv kept there, not Sidepane itself). The set is
refreshed after each run, so a newly imported helper is watched from then on.

When: a save is reported as soon as the file is complete (the writer closed it, or an editor
renamed its temporary file over it), so save-to-pixel latency is the rerun's own. A bare
modification with no close (mmap, some network filesystems) is reported after QUIET_SECONDS of
quiet. Further events within BURST_SECONDS of a report are folded into at most one more report,
made only if a watched file's size or mtime changed since the first: several saves in a burst
give one rerun, or two if the last one landed after the first rerun had started.
"""

from __future__ import annotations

import asyncio
import os
import site
import sys
from collections.abc import Callable
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

from sidepane.runtime.config.sources import config_files
from sidepane.runtime.pages import PAGES_DIR
from sidepane.runtime.secrets import secrets_paths

QUIET_SECONDS = 0.05
BURST_SECONDS = 0.05

# Opens and reads (every rerun reads the script) and attribute changes are not edits.
_EVENTS: list[type[FileSystemEvent]] = [
    FileModifiedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    # The pages folder appearing or going (its files come and go with it).
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
_COMPLETE = frozenset({"closed", "moved"})
# Sidepane's own package folder (this file is sidepane/servers/watcher.py).
_OWN_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))

Stamp = tuple[int, int] | None
_UNSEEN: Stamp = (-1, -1)  # the stamp of a file not watched when a burst began


class SourceWatcher:
    """Calls `on_change(path)` on the event loop when a watched file is saved."""

    def __init__(
        self,
        script_path: str,
        on_change: Callable[[str], None],
        loop: asyncio.AbstractEventLoop,
        *,
        observer: BaseObserver | None = None,
        page_files: Callable[[], frozenset[str]] = frozenset,
    ) -> None:
        self._script = os.path.realpath(script_path)
        # The page files st.navigation named so far (they grow as runs declare pages).
        self._page_files = page_files
        self._page_files_seen: frozenset[str] = frozenset()
        self._root = os.path.dirname(self._script)
        self._pages_dir = os.path.join(self._root, PAGES_DIR)
        self._secrets = frozenset(os.path.realpath(p) for p in secrets_paths(self._root))
        # The app's config.toml files: a save reruns (the run reads them again).
        self._configs = frozenset(
            os.path.realpath(p)
            for p in config_files(self._root, os.getcwd(), os.path.expanduser("~"))
        )
        self._on_change = on_change
        self._loop = loop
        self._observer = observer or Observer()
        # Named, so a debugger attached to the server can tell them from the script's threads.
        self._observer.name = "sidepane-watcher"
        self._handler = _Handler(self)
        # A folder holding the app (a venv's prefix with the app inside it) excludes nothing.
        self._excluded = [d for d in _excluded_dirs() if os.path.commonpath((d, self._root)) != d]
        self.files: frozenset[str] = frozenset(self._own_files())
        self._watches: dict[str, ObservedWatch] = {}
        # Module name -> (its __file__, its real path if it is a local module, else None).
        self._judged: dict[str, tuple[str, str | None]] = {}
        self._modules_seen = -1
        self._refresh_scheduled = False
        self._timer: asyncio.TimerHandle | None = None
        self._burst: asyncio.TimerHandle | None = None
        self._burst_dirty = False
        self._burst_stamps: dict[str, Stamp] = {}
        # Each file's size and mtime when a change of it was last reported: one save heard
        # twice (the editor's word, then the file system's, late under load) reruns once.
        self._reported: dict[str, Stamp] = {}

    def start(self) -> None:
        self._sync_watches()
        self._observer.start()

    def stop(self) -> None:
        """Stop watching (blocks while the observer thread ends)."""
        for handle in (self._timer, self._burst):
            if handle is not None:
                handle.cancel()
        self._observer.stop()
        if self._observer.is_alive():
            self._observer.join(2.0)

    # ---- the watched set ----

    def refresh_soon(self) -> None:
        """Rescan `sys.modules` on the loop, after what is queued there (any thread; cheap)."""
        if self._refresh_scheduled:
            return
        self._refresh_scheduled = True
        try:
            self._loop.call_soon_threadsafe(self._refresh_later)
        except RuntimeError:  # the loop has closed
            pass

    def _refresh_later(self) -> None:
        # Queued behind the frames a run just sent, so they go out first.
        self._loop.call_soon(self.refresh)

    def refresh(self) -> None:
        """Rescan `sys.modules` for local modules and watch their folders (loop thread)."""
        self._refresh_scheduled = False
        modules = dict(sys.modules)
        if len(modules) == self._modules_seen and self._page_files() == self._page_files_seen:
            return
        self._modules_seen = len(modules)
        files = self._own_files()
        for name, module in modules.items():
            path = self._local_path(name, module)
            if path is not None:
                files.add(path)
        self._judged = {n: j for n, j in self._judged.items() if n in modules}
        if files != self.files:
            self.files = frozenset(files)
            self._sync_watches()

    def _own_files(self) -> set[str]:
        """The files watched whatever the script imports: itself, its pages, the secrets, the
        config files."""
        self._page_files_seen = self._page_files()
        files = {
            self._script,
            *self._secrets,
            *self._configs,
            *(os.path.realpath(p) for p in self._page_files_seen),
        }
        try:
            names = os.listdir(self._pages_dir)
        except OSError:
            return files
        files.update(
            os.path.realpath(os.path.join(self._pages_dir, n))
            for n in names
            if n.endswith(".py") and not n.startswith(".")
        )
        return files

    def is_page_event(self, path: str) -> bool:
        """Whether `path` is the pages folder or a page file in it (existing or not yet)."""
        return path == self._pages_dir or (
            os.path.dirname(path) == self._pages_dir and path.endswith(".py")
        )

    def page_event(self, kind: str, path: str) -> None:
        """A page file (or the pages folder) appeared, went or changed: rescan, then report."""
        self._modules_seen = -1
        self.refresh()
        self._sync_watches()  # the pages folder may have just appeared
        if path == self._pages_dir or not os.path.isfile(path):
            # The folder came or went, or a page was removed: the page list changed, which
            # is reported as a change of the script (the file itself is gone).
            path = self._script
            self._reported.pop(path, None)
            kind = "closed"
        else:
            path = os.path.realpath(path)
            self._reported.pop(path, None)
        self.on_event(kind, path)

    def _local_path(self, name: str, module: Any) -> str | None:
        try:
            file = getattr(module, "__file__", None)
        except Exception:  # a lazy module proxy may fail on any attribute
            return None
        if not isinstance(file, str):
            return None
        judged = self._judged.get(name)
        if judged is None or judged[0] != file:
            judged = (file, self._judge(file))
            self._judged[name] = judged
        return judged[1]

    def _judge(self, file: str) -> str | None:
        if not file.endswith((".py", ".pyw")):
            return None
        path = os.path.realpath(file)
        if os.path.commonpath((path, self._root)) != self._root:
            return None
        if any(os.path.commonpath((path, d)) == d for d in self._excluded):
            return None
        parts = os.path.relpath(path, self._root).split(os.sep)
        if "site-packages" in parts or "dist-packages" in parts:
            return None
        return path

    def _sync_watches(self) -> None:
        folders = {os.path.dirname(f) for f in self.files}
        # The app's folder (the pages folder may appear there) and the pages folder (pages may).
        folders.update((self._root, self._pages_dir))
        gone = {f for f in self._watches if not os.path.isdir(f)}  # a removed pages folder
        for folder in (self._watches.keys() - folders) | gone:
            try:
                self._observer.unschedule(self._watches.pop(folder))
            except (KeyError, OSError):  # its emitter already ended with the folder
                pass
        for folder in folders - self._watches.keys():
            if os.path.isdir(folder):
                self._watches[folder] = self._observer.schedule(
                    self._handler, folder, recursive=False, event_filter=_EVENTS
                )
        for emitter in self._observer.emitters:
            emitter.name = "sidepane-watcher-emitter"

    # ---- events (loop thread) ----

    def saved(self, path: str) -> None:
        """An editor reports it saved `path` (the file is complete on disk): report it now if
        it is watched. The file system's own events for that save then fold into this report."""
        self.on_event("closed", os.path.realpath(path))

    def on_event(self, kind: str, path: str) -> None:
        if path not in self.files:
            return
        if self._burst is not None:
            self._burst_dirty = True
            return
        if kind in _COMPLETE:
            self._report(path)
        else:
            # The file may be half written: wait for its close, or for quiet.
            if self._timer is not None:
                self._timer.cancel()
            self._timer = self._loop.call_later(QUIET_SECONDS, self._report, path)

    def _report(self, path: str) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        stamp = _stamp(path)
        if path in self._reported and self._reported[path] == stamp:
            return  # this version of the file was reported already
        self._reported[path] = stamp
        self._burst_stamps = {f: _stamp(f) for f in self.files}
        self._burst_dirty = False
        self._burst = self._loop.call_later(BURST_SECONDS, self._end_burst, path)
        self._on_change(path)

    def _end_burst(self, path: str) -> None:
        self._burst = None
        if not self._burst_dirty:
            return
        stamps = self._burst_stamps
        # A file that came (a page added) or went during the burst counts as changed too.
        changed = [f for f in self.files | stamps.keys() if _stamp(f) != stamps.get(f, _UNSEEN)]
        if changed:
            report = path if path in changed else changed[0]
            if not os.path.exists(report):
                report = self._script  # a page was removed: the page list changed
                self._reported.pop(report, None)
            self._report(report)


class _Handler(FileSystemEventHandler):
    """Runs on watchdog's thread: hands each file event to the loop."""

    def __init__(self, watcher: SourceWatcher) -> None:
        self._watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        kind = event.event_type
        raw = event.dest_path if kind == "moved" else event.src_path
        path = os.fsdecode(raw)
        watcher = self._watcher
        if kind in ("created", "deleted", "moved") and (
            watcher.is_page_event(path) or watcher.is_page_event(os.fsdecode(event.src_path))
        ):
            try:
                watcher._loop.call_soon_threadsafe(watcher.page_event, kind, path)
            except RuntimeError:  # the loop has closed
                pass
            return
        if event.is_directory:
            return
        if path not in self._watcher.files:  # most events in the folder are other files
            return
        try:
            self._watcher._loop.call_soon_threadsafe(self._watcher.on_event, kind, path)
        except RuntimeError:  # the loop has closed
            pass


def _stamp(path: str) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def _excluded_dirs() -> list[str]:
    """Folders whose modules are never the app's own, even when they sit under its folder."""
    dirs = {sys.prefix, sys.base_prefix, sys.exec_prefix, _OWN_PACKAGE_DIR}
    try:
        dirs.update(site.getsitepackages())
        dirs.add(site.getusersitepackages())
    except AttributeError:  # pragma: no cover - some embedded interpreters lack these
        pass
    return [os.path.realpath(d) for d in dirs if d]
