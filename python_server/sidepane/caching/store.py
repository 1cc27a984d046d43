"""Where cached values live: one store per cached function, shared by every session of the app.

A store is found by the function's identity (its file and qualified name), not by the decorator
object, so it survives reruns and edits of the script. It keeps entries in LRU order with an
optional time to live and size bound, and makes concurrent callers of one key wait for a single
computation.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sidepane.caching.replay import Recording

log = logging.getLogger("sidepane.cache")


@dataclass
class Entry:
    """One cached result: the value (or its pickle), what the call drew, and bookkeeping."""

    value: Any
    recording: Recording
    stored_at: float = field(default_factory=time.time)
    # Legacy `st.cache`: the digest of the value when stored (to detect a caller's mutation)
    # and its pickle (to restore it).
    output_digest: bytes | None = None
    pristine: bytes | None = None
    # Legacy `st.cache(experimental_allow_widgets=True)`: the values of the widgets the call drew;
    # the entry only serves a caller whose widgets have these values.
    widget_values: dict[str, Any] | None = None


class FunctionStore:
    """The entries of one cached function. Thread-safe."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._inflight: dict[str, threading.Event] = {}
        self.max_entries: int | None = None
        self.ttl: float | None = None
        self.on_release: Callable[[Any], None] | None = None
        self.disk: DiskStore | None = None

    def configure(
        self,
        *,
        max_entries: int | None,
        ttl: float | None,
        disk: DiskStore | None,
        on_release: Callable[[Any], None] | None = None,
    ) -> None:
        self.max_entries = max_entries
        self.ttl = ttl
        self.disk = disk
        self.on_release = on_release

    def get(self, key: str) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                if self._expired(entry):
                    del self._entries[key]
                    self._release(entry)
                    entry = None
                else:
                    self._entries.move_to_end(key)
                    return entry
        if self.disk is not None:
            entry = self.disk.load(key)
            if entry is not None and not self._expired(entry):
                self.put(key, entry, to_disk=False)
                return entry
        return None

    def put(self, key: str, entry: Entry, *, to_disk: bool = True) -> None:
        evicted: list[Entry] = []
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None and old is not entry:
                evicted.append(old)
            self._entries[key] = entry
            while self.max_entries is not None and len(self._entries) > self.max_entries:
                evicted.append(self._entries.popitem(last=False)[1])
        for e in evicted:
            self._release(e)
        if to_disk and self.disk is not None:
            self.disk.save(key, entry)

    def remove(self, key: str) -> None:
        with self._lock:
            entry = self._entries.pop(key, None)
        if entry is not None:
            self._release(entry)
        if self.disk is not None:
            self.disk.remove(key)

    def clear(self) -> None:
        with self._lock:
            entries = list(self._entries.values())
            self._entries.clear()
        for entry in entries:
            self._release(entry)
        if self.disk is not None:
            self.disk.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def _expired(self, entry: Entry) -> bool:
        return self.ttl is not None and time.time() - entry.stored_at > self.ttl

    def _release(self, entry: Entry) -> None:
        if self.on_release is not None:
            try:
                self.on_release(entry.value)
            except Exception:
                log.exception("on_release of %s failed", self.name)

    def begin(self, key: str) -> threading.Event | None:
        """Single flight. None: the caller computes `key` and must call `end(key)` after.
        An event: another caller is computing it (or just did); wait, then look again."""
        with self._lock:
            event = self._inflight.get(key)
            if event is not None:
                return event
            if key in self._entries:
                return _DONE
            self._inflight[key] = threading.Event()
            return None

    def end(self, key: str) -> None:
        with self._lock:
            event = self._inflight.pop(key, None)
        if event is not None:
            event.set()


_DONE = threading.Event()
_DONE.set()


class DiskStore:
    """Entries of one function pickled under a folder; a write never leaves a half file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def load(self, key: str) -> Entry | None:
        path = self._path(key)
        try:
            with open(path, "rb") as f:
                entry = pickle.load(f)
        except FileNotFoundError:
            return None
        except Exception as exc:  # a corrupt or incompatible file is a miss, not a crash
            log.warning("ignored unreadable cache file %s: %s", path, exc)
            return None
        return entry if isinstance(entry, Entry) else None

    def save(self, key: str, entry: Entry) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # e.g. a widget's callbacks: kept in memory only
            log.warning("%s: not persisted, the entry cannot be pickled: %s", self.folder, exc)
            return
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, self._path(key))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def remove(self, key: str) -> None:
        with contextlib.suppress(OSError):
            self._path(key).unlink()

    def clear(self) -> None:
        if self.folder.is_dir():
            for path in self.folder.glob("*.pickle"):
                with contextlib.suppress(OSError):
                    path.unlink()


def cache_root() -> Path:
    """The folder persisted caches live under (`SIDEPANE_CACHE_DIR`, else the user cache dir)."""
    configured = os.environ.get("SIDEPANE_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sidepane" / "persist"


class Registry:
    """Every store of one kind of cache (legacy, data, resource) in this process."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._lock = threading.Lock()
        self._stores: dict[tuple[str, str], FunctionStore] = {}

    def store_for(self, filename: str, qualname: str) -> FunctionStore:
        ident = (filename, qualname)
        store = self._stores.get(ident)
        if store is None:
            with self._lock:
                store = self._stores.setdefault(ident, FunctionStore(qualname))
        return store

    def clear_all(self) -> None:
        with self._lock:
            stores = list(self._stores.values())
        for store in stores:
            store.clear()
