"""The bytes of a PDF that `st.pdf` was given as an http(s) URL, downloaded by the runtime.

The app page may fetch only from its own server (its Content-Security-Policy, in the browser
and in VS Code's panel alike), so the runtime fetches the document and sends it like bytes.
Downloads are bounded in size and time, and kept for a minute so that reruns do not fetch the
same document again; a failure is a message for the viewer, never an exception in the script.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from sidepane.servers.web.fetch_script import FetchError, download

MAX_PDF_BYTES = 50 * 1024 * 1024
TIMEOUT_SECONDS = 20.0
CACHE_SECONDS = 60.0
# A failure is retried sooner: the network or the file may be back on the next rerun.
FAILURE_CACHE_SECONDS = 5.0
_CACHE_BYTES = 128 * 1024 * 1024

# `download(url, max_bytes)` -> the body, or FetchError. Injectable for tests.
Download = Callable[[str, int], bytes]


@dataclass(frozen=True)
class FetchedPdf:
    """A download's outcome: the document, or why there is none."""

    data: bytes | None = None
    error: str | None = None


_cache: OrderedDict[str, tuple[float, FetchedPdf]] = OrderedDict()
_lock = threading.Lock()


def _download(url: str, max_bytes: int) -> bytes:
    return download(url, max_bytes, timeout=TIMEOUT_SECONDS, what="PDF")


def _fetch(url: str, get: Download) -> FetchedPdf:
    try:
        data = get(url, MAX_PDF_BYTES)
    except FetchError as exc:
        return FetchedPdf(error=str(exc))
    # A login page or an error page served with 200 is the usual wrong answer: say so, rather
    # than let pdf.js report a broken file.
    if b"%PDF-" not in data[:1024]:
        return FetchedPdf(error=f"The file at {url} is not a PDF (it does not start with %PDF-).")
    return FetchedPdf(data=data)


def _remember(url: str, fetched: FetchedPdf, now: float) -> None:
    _cache[url] = (now, fetched)
    _cache.move_to_end(url)
    total = sum(len(f.data or b"") for _, f in _cache.values())
    while total > _CACHE_BYTES and len(_cache) > 1:
        _, (_, dropped) = _cache.popitem(last=False)
        total -= len(dropped.data or b"")


def fetch_pdf(url: str, *, get: Download | None = None) -> FetchedPdf:
    """The PDF at `url` (downloaded at most once a minute), or the reason it could not be had."""
    now = time.monotonic()
    with _lock:
        hit = _cache.get(url)
        if hit is not None:
            kept, fetched = hit
            ttl = CACHE_SECONDS if fetched.data is not None else FAILURE_CACHE_SECONDS
            if now - kept < ttl:
                return fetched
    fetched = _fetch(url, get or _download)
    with _lock:
        _remember(url, fetched, time.monotonic())
    return fetched


def forget_all() -> None:
    """Drop every kept download (tests)."""
    with _lock:
        _cache.clear()
