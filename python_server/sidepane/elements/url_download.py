"""Files the runtime downloads for the viewer: a PDF (`st.pdf`) or a chart's data (Vega-Lite's
`data.url`, a pydeck layer's `data`) given as an http(s) URL.

The app page may fetch only from its own server (its Content-Security-Policy, in the browser
and in VS Code's panel alike), so the runtime fetches the file and sends its content instead.
Downloads are bounded in size and time, and kept for a minute so that reruns do not fetch the
same file again; a failure is a message for the viewer, never an exception in the script.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeGuard

from sidepane.servers.web.fetch_script import FetchError, download

TIMEOUT_SECONDS = 20.0
CACHE_SECONDS = 60.0
# A failure is retried sooner: the network or the file may be back on the next rerun.
FAILURE_CACHE_SECONDS = 5.0
_CACHE_BYTES = 128 * 1024 * 1024

_HTTP_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)

# `download(url, max_bytes)` -> the body, or FetchError. Injectable for tests.
Download = Callable[[str, int], bytes]


@dataclass(frozen=True)
class Fetched:
    """A download's outcome: the file's bytes, or why there are none."""

    data: bytes | None = None
    error: str | None = None


_Key = tuple[str, str, int]
_cache: OrderedDict[_Key, tuple[float, Fetched]] = OrderedDict()
_lock = threading.Lock()


def is_http_url(value: object) -> TypeGuard[str]:
    """Whether `value` is an absolute http(s) URL (what the runtime downloads for the viewer)."""
    return isinstance(value, str) and _HTTP_URL.match(value.strip()) is not None


def _remember(key: _Key, fetched: Fetched, now: float) -> None:
    _cache[key] = (now, fetched)
    _cache.move_to_end(key)
    total = sum(len(f.data or b"") for _, f in _cache.values())
    while total > _CACHE_BYTES and len(_cache) > 1:
        _, (_, dropped) = _cache.popitem(last=False)
        total -= len(dropped.data or b"")


def fetch_url(url: str, *, max_bytes: int, what: str, get: Download | None = None) -> Fetched:
    """The body at `url` (downloaded at most once a minute), or the reason it could not be had.

    `what` names the file in the messages ("The PDF at … is over the limit")."""
    key = (url, what, max_bytes)
    now = time.monotonic()
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            kept, fetched = hit
            ttl = CACHE_SECONDS if fetched.data is not None else FAILURE_CACHE_SECONDS
            if now - kept < ttl:
                return fetched
    try:
        if get is not None:
            fetched = Fetched(data=get(url, max_bytes))
        else:
            fetched = Fetched(data=download(url, max_bytes, timeout=TIMEOUT_SECONDS, what=what))
    except FetchError as exc:
        fetched = Fetched(error=str(exc))
    with _lock:
        _remember(key, fetched, time.monotonic())
    return fetched


def forget_all() -> None:
    """Drop every kept download (tests)."""
    with _lock:
        _cache.clear()
