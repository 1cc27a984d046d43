"""Files a viewer uploads, received in chunks (docs/protocol.md, `upload`), held for the widget
they were chosen in, bounded per file, per session and per server, and freed when not shown.

`UploadTarget` is the deserializer of a widget that takes files (`st.file_uploader`; any widget
may reuse it): its limits say which files the session accepts for it. `SessionUploads` is the one
place that receives and stores a session's files.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sidepane.errors import InvalidWidgetValue, ProtocolError
from sidepane.protocol.frames import frame

log = logging.getLogger("sidepane.uploads")

MB = 1024 * 1024
DEFAULT_SESSION_MB = 1024
DEFAULT_SERVER_MB = 2048
SESSION_ENV = "SIDEPANE_MAX_SESSION_UPLOAD_MB"
SERVER_ENV = "SIDEPANE_MAX_SERVER_UPLOAD_MB"

NOT_AN_UPLOADER = "This upload is not for a file uploader of this app."
OUT_OF_ORDER = "The upload arrived out of order."


def _env_mb(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    try:
        value = int(raw)
    except ValueError:
        if raw:
            log.warning("%s=%r is not a whole number of MB; using %d", name, raw, default)
        return default
    return value if value > 0 else default


def size_text(size: int) -> str:
    """A size as Streamlit's uploader words its limit: `200.0MB`, `512.0KB`."""
    for unit, scale in (("GB", 1024**3), ("MB", MB), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}{unit}"
    return f"{size}B"


class UploadBudget:
    """Bytes held by uploads in all sessions of this process (the server-wide bound)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self._lock = threading.Lock()

    def reserve(self, size: int) -> bool:
        with self._lock:
            if self.used + size > self.limit:
                return False
            self.used += size
            return True

    def release(self, size: int) -> None:
        with self._lock:
            self.used = max(0, self.used - size)


SERVER_BUDGET = UploadBudget(_env_mb(SERVER_ENV, DEFAULT_SERVER_MB) * MB)


class UploadTarget:
    """A widget that takes files: the deserializer of its wire value `[{hash, name, type, size}]`
    and the limits its files must meet. `make(data, digest, name, mime)` builds the value the
    script gets for one file."""

    def __init__(
        self,
        uploads: SessionUploads | None,
        *,
        max_bytes: int,
        allowed: Sequence[str] | None,
        make: Callable[[bytes, str, str, str], Any],
    ) -> None:
        self.uploads = uploads
        self.max_bytes = max_bytes
        self.allowed = list(allowed) if allowed else None
        self.make = make

    def refusal(self, name: str, size: int) -> str | None:
        """Why a file of this name and size is refused, in words for the person; None if not."""
        if size > self.max_bytes:
            return f"File must be {size_text(self.max_bytes)} or smaller."
        try:
            check_name(name, self.allowed)
        except InvalidWidgetValue as exc:
            return str(exc)
        return None

    def files(self, wire: Any) -> list[Any]:
        """The files a wire value names, each as `make` builds it; InvalidWidgetValue if one is
        not held or does not match what was received."""
        if wire is None:
            wire = []
        if not isinstance(wire, list | tuple):
            raise InvalidWidgetValue("a list of files is expected")
        return [self._file(item) for item in wire]

    def _file(self, item: Any) -> Any:
        if not isinstance(item, dict):
            raise InvalidWidgetValue("a file is {hash, name, type, size}")
        digest, name, mime = item.get("hash"), item.get("name"), item.get("type")
        if not isinstance(digest, str) or not isinstance(name, str) or not isinstance(mime, str):
            raise InvalidWidgetValue("a file needs string 'hash', 'name' and 'type'")
        data = self.uploads.data(digest) if self.uploads is not None else None
        if data is None:
            raise InvalidWidgetValue(f"no upload with hash {digest!r}")
        size = item.get("size", len(data))
        if isinstance(size, bool) or size != len(data):
            raise InvalidWidgetValue(f"size {size!r} does not match the upload's {len(data)}")
        if len(data) > self.max_bytes:
            raise InvalidWidgetValue(f"{name!r} is larger than {self.max_bytes} bytes")
        check_name(name, self.allowed)
        return self.make(data, digest, name, mime or DEFAULT_MIME)


DEFAULT_MIME = "application/octet-stream"


def upload_target_of(deserialize: Callable[[Any], Any]) -> UploadTarget | None:
    """The UploadTarget behind a widget's deserializer: the deserializer itself, or, for a
    bound method, its object's `upload_target` or `files` (a widget whose value holds files
    beside other things, such as a chat input)."""
    if isinstance(deserialize, UploadTarget):
        return deserialize
    owner = getattr(deserialize, "__self__", None)
    for name in ("upload_target", "files"):
        found = getattr(owner, name, None)
        if isinstance(found, UploadTarget):
            return found
    return None


def check_name(name: str, allowed: Sequence[str] | None) -> None:
    """InvalidWidgetValue if `name` cannot be a file of the widget's `type` (extensions only:
    with MIME types in the list only the viewer can tell, as in Streamlit)."""
    if "\0" in name:
        raise InvalidWidgetValue("Filename cannot contain null bytes.")
    if not allowed or any("/" in t for t in allowed):
        return
    extensions = [t.lower() for t in allowed if t.startswith(".")]
    if extensions and not any(name.lower().endswith(ext) for ext in extensions):
        ext = os.path.splitext(name)[1]
        raise InvalidWidgetValue(f"Invalid file extension: `{ext}`. Allowed: {extensions}")


@dataclass
class _File:
    size: int
    buffer: bytearray | None  # while chunks arrive
    data: bytes | None = None  # once complete
    received: int = 0


class SessionUploads:
    """A session's files by hash, for the widget each was uploaded to.

    `receive` (the transport's thread) takes `upload` chunks and answers each with an
    `upload_status` frame through `send`; `target_for(widget_id)` says which widgets take files.
    """

    def __init__(
        self,
        send: Callable[[bytes], None],
        target_for: Callable[[str], UploadTarget | None],
        *,
        session_limit: int | None = None,
        budget: UploadBudget = SERVER_BUDGET,
    ) -> None:
        self._send = send
        self._target_for = target_for
        self.session_limit = (
            session_limit
            if session_limit is not None
            else _env_mb(SESSION_ENV, DEFAULT_SESSION_MB) * MB
        )
        self._budget = budget
        # By (widget id, hash): the same file chosen in two uploaders is held for each.
        self._files: dict[tuple[str, str], _File] = {}
        self._lock = threading.Lock()
        self.held = 0  # bytes counted against the bounds

    # ---- in: chunks from the viewer ----

    def receive(self, chunk: Mapping[str, Any]) -> None:
        """Take one `upload` chunk; ProtocolError if its fields are not those of one."""
        wid, digest, data = chunk.get("id"), chunk.get("hash"), chunk.get("data")
        name, offset = chunk.get("name", ""), chunk.get("offset", 0)
        if not isinstance(wid, str) or not isinstance(digest, str) or not isinstance(data, bytes):
            raise ProtocolError("upload needs a string 'id' and 'hash' and binary 'data'")
        size = chunk.get("size", offset + len(data) if isinstance(offset, int) else None)
        if not _count(offset) or not _count(size) or not isinstance(name, str):
            raise ProtocolError("upload 'offset' and 'size' must be whole numbers, 'name' a str")
        if offset == 0:
            error = self._start(wid, digest, name, size)
            if error is not None:
                self._status(wid, digest, error=error)
                return
        with self._lock:
            held = self._files.get((wid, digest))
            if held is None or held.buffer is None:
                ok = False
            else:
                ok = offset == held.received and offset + len(data) <= held.size
                if ok and len(data) == held.size:
                    held.data, held.buffer, held.received = data, None, len(data)  # one chunk
                elif ok:
                    held.buffer += data
                    held.received += len(data)
                    if held.received == held.size:
                        held.data, held.buffer = bytes(held.buffer), None
        if not ok:
            self._forget(wid, digest)
            self._status(wid, digest, error=OUT_OF_ORDER)
            return
        self._status(wid, digest, received=held.received if held else 0)

    def _start(self, wid: str, digest: str, name: str, size: int) -> str | None:
        target = self._target_for(wid)
        if target is None:
            return NOT_AN_UPLOADER
        refusal = target.refusal(name, size)
        if refusal is not None:
            return refusal
        self._forget(wid, digest)
        self._drop_orphans()
        limit_text = (
            f"{self.session_limit // MB} MB per session / {self._budget.limit // MB} MB in all"
        )
        refused = (
            "The server cannot take this file: its upload limit "
            f"({limit_text}) is reached. Remove a file or try a smaller one."
        )
        with self._lock:
            if self.held + size > self.session_limit:
                return refused
            if not self._budget.reserve(size):
                return refused
            self.held += size
            self._files[(wid, digest)] = _File(size, bytearray())
        return None

    def _status(self, wid: str, digest: str, **result: Any) -> None:
        self._send(frame("upload_status", id=wid, hash=digest, **result))

    # ---- lookups and freeing ----

    def data(self, digest: str) -> bytes | None:
        """A complete file's bytes, or None."""
        with self._lock:
            for (_wid, held_digest), held in self._files.items():
                if held_digest == digest and held.data is not None:
                    return held.data
        return None

    def keep(self, wid: str, wire: Any) -> None:
        """A value for widget `wid` arrived: free its files it does not list (replaced or
        removed), keeping any still arriving. The files are the wire value, or its `files` and
        `audio` when it is a map; a value that is not a list of files keeps all."""
        if isinstance(wire, dict):  # a chat_input's {text, files, audio}
            audio = wire.get("audio")
            wire = [*(wire.get("files") or []), *([audio] if isinstance(audio, dict) else [])]
        if not isinstance(wire, list | tuple) or not all(isinstance(f, dict) for f in wire):
            return
        listed = {f.get("hash") for f in wire}
        with self._lock:
            stale = [
                d
                for (w, d), f in self._files.items()
                if w == wid and f.data is not None and d not in listed
            ]
        for digest in stale:
            self._forget(wid, digest)

    def _drop_orphans(self) -> None:
        """Free the files of widgets the latest run did not draw."""
        with self._lock:
            held = list(self._files)
        for wid, digest in held:
            if self._target_for(wid) is None:
                self._forget(wid, digest)

    def _forget(self, wid: str, digest: str) -> None:
        with self._lock:
            held = self._files.pop((wid, digest), None)
            if held is None:
                return
            self.held -= held.size
        self._budget.release(held.size)

    def clear(self) -> None:
        """Free every file (the session ended)."""
        with self._lock:
            files, self._files = self._files, {}
            self.held = 0
        self._budget.release(sum(f.size for f in files.values()))

    def __len__(self) -> int:
        return len(self._files)


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
