"""The HTTP side of Sidepane's servers: what a handler reads of a request and the responses it
sends, over websockets' HTTP/1.1 layer.

Every route Sidepane serves answers a GET (or HEAD) at once, beside one WebSocket: websockets
parses each request, hands it to the server's router (`process_request`) and sends the answer,
one per connection. aiohttp did this before at ~90 ms more per launch (its import alone), all
of it before a browser could have the page.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from websockets.datastructures import Headers
from websockets.http11 import Request as RawRequest
from websockets.http11 import Response

__all__ = [
    "Request",
    "Response",
    "bad_request",
    "file_response",
    "file_under",
    "guessed_type",
    "not_found",
    "own_file_type",
    "redirect",
    "refuse_method",
    "respond",
    "server_log",
    "set_cookie",
    "text",
]

# Files up to this size are kept in memory between requests (the viewer's chunks, components'
# files: at most _CACHED_FILES of them); larger ones are read for each request, off the loop.
_CACHED_FILE_BYTES = 512 * 1024
_CACHED_FILES = 256
# The most one answer to an open-ended byte range (`bytes=0-`) carries.
_OPEN_RANGE_BYTES = 8 * 1024 * 1024

# What the servers serve most, without consulting the system's MIME table (mimetypes reads it
# from disk on first use).
_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".json": "application/json",
    ".map": "application/json",
    ".wasm": "application/wasm",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


def server_log(name: str) -> logging.Logger:
    """The logger to give websockets' `serve`: its warnings and errors, not the INFO line it
    writes for each request and connection, nor (before websockets 17) a traceback for each
    request it cannot parse (a HEAD, a port scanner's bytes), whose client got its answer."""
    log = logging.getLogger(name)
    log.setLevel(logging.WARNING)
    if _parsed not in log.filters:
        log.addFilter(_parsed)
    return log


def _parsed(record: logging.LogRecord) -> bool:
    return record.getMessage() != "opening handshake failed"


@dataclass(frozen=True)
class Request:
    """One HTTP request (a WebSocket handshake is one too)."""

    method: str
    path: str  # percent-decoded, without the query
    query: Mapping[str, str]  # each name's first value
    headers: Headers
    remote: str | None  # the peer's IP address
    cookies: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, raw: RawRequest, peer: object) -> Request:
        parts = urlsplit(raw.path)
        query: dict[str, str] = {}
        for name, value in parse_qsl(parts.query, keep_blank_values=True):
            query.setdefault(name, value)
        return cls(
            # websockets before 17 (Python 3.10) parses nothing but GET, and has no `method`.
            method=getattr(raw, "method", "GET"),
            path=unquote(parts.path),
            query=query,
            headers=raw.headers,
            remote=str(peer[0]) if isinstance(peer, tuple) and peer else None,
            cookies=_cookies(raw.headers.get_all("Cookie")),
        )


def _cookies(lines: Iterable[str]) -> dict[str, str]:
    # Leniently, as browsers send them: `a=1; b="x y"`; a malformed pair is skipped, not fatal.
    found: dict[str, str] = {}
    for line in lines:
        for pair in line.split(";"):
            name, sep, value = pair.strip().partition("=")
            if not sep or not name:
                continue
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            found.setdefault(name.strip(), value)
    return found


def respond(
    status: int,
    body: bytes = b"",
    headers: Mapping[str, str] | Iterable[tuple[str, str]] = (),
    *,
    content_type: str | None = None,
    length: int | None = None,
) -> Response:
    """A response with `body`; `length` is its Content-Length when the body is left out (HEAD)."""
    all_headers = Headers(headers)
    if content_type is not None and "Content-Type" not in all_headers:
        all_headers["Content-Type"] = content_type
    all_headers["Content-Length"] = str(len(body) if length is None else length)
    # websockets closes the connection after one response: a client must not wait to reuse it.
    all_headers["Connection"] = "close"
    return Response(status, HTTPStatus(status).phrase, all_headers, body)


def text(
    body: str,
    status: int = 200,
    headers: Mapping[str, str] | Iterable[tuple[str, str]] = (),
    content_type: str = "text/plain; charset=utf-8",
) -> Response:
    return respond(status, body.encode(), headers, content_type=content_type)


def refuse_method(request: Request) -> Response | None:
    """None for a GET or HEAD, all that Sidepane's servers answer; else a 405 naming them."""
    if request.method in ("GET", "HEAD"):
        return None
    return respond(405, b"", {"Allow": "GET, HEAD"})


def not_found() -> Response:
    return text("404: Not Found", 404)


def bad_request() -> Response:
    return text("400: Bad Request", 400)


def redirect(location: str, headers: Mapping[str, str] | None = None) -> Response:
    return respond(302, b"", {"Location": location, **(headers or {})})


def set_cookie(response: Response, name: str, value: str, *, max_age: int, path: str = "/") -> None:
    """Add a cookie: HttpOnly (the page's scripts never read it) and SameSite=Lax (sent on a
    provider's top-level redirect back here, never on another site's requests). `max_age` 0
    deletes it."""
    expiry = "; Expires=Thu, 01 Jan 1970 00:00:00 GMT" if max_age == 0 else ""
    response.headers["Set-Cookie"] = (
        f"{name}={value}{expiry}; HttpOnly; Max-Age={max_age}; Path={path}; SameSite=Lax"
    )


def file_under(root: Path, name: str) -> tuple[bool, Path | None]:
    """Whether `name` stays under the folder `root`, and the file it names there (None: none).
    Whatever the name (too long, `..`, NUL, undecodable), an answer: the filesystem raises for
    some of these, which must not be a 500."""
    try:
        target = (root / name).resolve()
        inside = target.is_relative_to(root)
        return inside, target if inside and target.is_file() else None
    except (OSError, ValueError):
        return False, None


def guessed_type(path: str) -> str:
    """A file's type as Streamlit guesses it (compressed files as such, unknown as bytes)."""
    import mimetypes  # reads the system's MIME tables: only when a file needs it

    mime, encoding = mimetypes.guess_type(path)
    if encoding == "gzip":
        return "application/gzip"
    if encoding is not None or mime is None:
        return "application/octet-stream"
    return mime


def own_file_type(path: str) -> str:
    """The type of the servers' own files (bundle, components): scripts as JavaScript whatever
    the system's MIME table says (module scripts demand it), the rest as guessed."""
    return _TYPES.get(os.path.splitext(path)[1].lower()) or guessed_type(path)


async def file_response(
    request: Request, path: Path, headers: Mapping[str, str], content_type: str
) -> Response:
    """`path`'s bytes, as a browser expects a file: an ETag it can revalidate with (304), one
    byte range when asked (206, for media that seeks), no body for HEAD."""
    try:
        stat = path.stat()
    except OSError:  # gone since the caller looked
        return not_found()
    tag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    base = {**headers, "Content-Type": content_type, "ETag": tag, "Accept-Ranges": "bytes"}
    if tag in (t.strip() for t in request.headers.get("If-None-Match", "").split(",")):
        return respond(304, b"", {k: v for k, v in base.items() if k != "Content-Type"}, length=0)
    size = stat.st_size
    first, last = 0, size - 1
    status = 200
    wanted = request.headers.get("Range", "")
    # A range of another unit, or asked for a version of the file it no longer is: all of it.
    if wanted.startswith("bytes=") and (request.headers.get("If-Range") or tag) == tag:
        span = _byte_range(wanted[len("bytes=") :], size)
        if span is None:
            return respond(416, b"", {**headers, "Content-Range": f"bytes */{size}"})
        first, last = span
        if wanted.rstrip().endswith("-"):
            # Open-ended (a media element's first ask): a part is a valid answer and the
            # browser asks on from there, where all of a large file would be held in memory.
            last = min(last, first + _OPEN_RANGE_BYTES - 1)
        status = 206
        base["Content-Range"] = f"bytes {first}-{last}/{size}"
    length = last - first + 1 if size else 0
    if request.method == "HEAD":
        return respond(status, b"", base, length=length)
    try:
        if status == 200 and size <= _CACHED_FILE_BYTES:
            body = _cached_read(path, stat.st_mtime_ns, size)
        else:
            body = await asyncio.to_thread(_read_part, path, first, length)
    except OSError:
        return not_found()
    return respond(status, body, base)


def _byte_range(spec: str, size: int) -> tuple[int, int] | None:
    """`a-b`, `a-` or `-n` within a file of `size` bytes; None if it cannot be satisfied.
    Several ranges are answered with the first (browsers ask for one)."""
    start, dash, end = spec.split(",")[0].strip().partition("-")
    try:
        if not dash:
            return None
        if not start:
            count = int(end)
            return (max(size - count, 0), size - 1) if count > 0 and size else None
        first = int(start)
        last = min(int(end), size - 1) if end else size - 1
    except ValueError:
        return None
    return (first, last) if 0 <= first <= last and first < size else None


def _read_part(path: Path, first: int, length: int) -> bytes:
    with path.open("rb") as file:
        file.seek(first)
        return file.read(length)


@functools.lru_cache(maxsize=_CACHED_FILES)
def _cached_read(path: Path, _mtime_ns: int, _size: int) -> bytes:
    # Keyed by the file's time and size: a rebuilt bundle is read again. A few MB come from
    # the page cache in a millisecond or two, once.
    return path.read_bytes()
