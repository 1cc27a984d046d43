"""Why a cached call missed: which argument, variable, function body or package changed.

Each miss is compared with the inputs of the same function's previous miss. The reasons go to
the `sidepane.cache` debug log, and to `sidepane snapshot --explain-cache`, which also keeps the
inputs on disk between its runs so that an edit made between two snapshots is explained.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from sidepane.caching.dependencies import Part

log = logging.getLogger("sidepane.cache")

_RULES = {
    "argument": "argument `{}` changed",
    "variable": "variable `{}` changed",
    "body": "body of `{}` changed",
    "package": "package `{}` changed version",
}


@dataclass(frozen=True)
class Miss:
    """One cache miss and its reasons."""

    function: str
    reasons: tuple[str, ...]


class _Book:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.previous: dict[str, dict[str, str]] = {}
        self.recording: list[Miss] | None = None
        self.hits: list[str] = []
        self.file: Path | None = None
        # Functions whose previous inputs were read from the state file: their previous miss
        # happened in another process, whose in-memory cache died with it.
        self.from_file: set[str] = set()


_book = _Book()


def _ident(kind: str, filename: str, qualname: str) -> str:
    return f"{kind}:{filename}:{qualname}"


def note_hit(qualname: str) -> None:
    """Record a hit, for `snapshot --explain-cache` (which says what each call did)."""
    if _book.recording is not None:
        with _book.lock:
            _book.hits.append(qualname)


def note_miss(
    kind: str, filename: str, qualname: str, parts: list[Part], *, persisted: bool
) -> None:
    """Record a miss; compute its reasons only when someone listens. `persisted`: the function's
    entries are also kept on disk, so they outlive the process."""
    if _book.recording is None and not log.isEnabledFor(logging.DEBUG):
        return
    current = {f"{p.rule}\0{p.name}": p.digest.hex() for p in parts}
    ident = _ident(kind, filename, qualname)
    with _book.lock:
        previous = _book.previous.get(ident)
        _book.previous[ident] = current
        other_process = ident in _book.from_file
        _book.from_file.discard(ident)
    reasons = explain(previous, current)
    if not reasons:
        reasons = [_same_inputs(other_process=other_process, persisted=persisted)]
    log.debug("cache miss for %s: %s", qualname, "; ".join(reasons))
    if _book.recording is not None:
        _book.recording.append(Miss(qualname, tuple(reasons)))


def explain(previous: dict[str, str] | None, current: dict[str, str]) -> list[str]:
    """The human reasons for a miss, given the previous miss's inputs (None: never called)."""
    if previous is None:
        return ["first call (nothing stored for this function yet)"]
    reasons = []
    for key, digest in current.items():
        rule, name = key.split("\0", 1)
        old = previous.get(key)
        if old is None:
            reasons.append(f"{rule} `{name}` is new")
        elif old != digest:
            reasons.append(_RULES.get(rule, rule + " `{}` changed").format(name))
    for key in previous:
        if key not in current:
            rule, name = key.split("\0", 1)
            reasons.append(f"{rule} `{name}` is no longer used")
    return reasons


def _same_inputs(*, other_process: bool, persisted: bool) -> str:
    """Why a call whose inputs did not change still missed."""
    if other_process and not persisted:
        return (
            "same inputs as in the previous snapshot, but that was another process: cached values"
            " live in memory (a running app keeps them across reruns; `persist` keeps them on disk)"
        )
    if other_process:
        return "same inputs as in the previous snapshot; its entry is no longer on disk (cleared)"
    return "same inputs as its previous miss: the entry expired (ttl) or was evicted (max_entries)"


def state_file_for(script: str) -> Path:
    """Where `snapshot --explain-cache` keeps a script's last inputs between its runs."""
    import os

    import xxhash

    from sidepane.caching.store import cache_root

    ident = xxhash.xxh3_64_hexdigest(os.path.abspath(script).encode())
    return cache_root().parent / "explain" / f"{ident}.json"


def start_recording(state_file: Path | None = None) -> list[Miss]:
    """Collect misses from now on (for `snapshot --explain-cache`); load earlier inputs."""
    _book.recording = []
    _book.hits = []
    _book.file = state_file
    if state_file is not None and state_file.is_file():
        try:
            earlier = json.loads(state_file.read_text())
        except (OSError, ValueError):
            earlier = {}
        _book.previous.update(earlier)
        _book.from_file.update(earlier)
    return _book.recording


def recorded_hits() -> list[str]:
    """The functions whose calls hit since `start_recording`, in call order."""
    with _book.lock:
        return list(_book.hits)


def save_recording() -> None:
    """Keep the inputs seen so far for the next `snapshot --explain-cache`."""
    if _book.file is None:
        return
    _book.file.parent.mkdir(parents=True, exist_ok=True)
    with _book.lock:
        data = json.dumps(_book.previous)
    _book.file.write_text(data)
