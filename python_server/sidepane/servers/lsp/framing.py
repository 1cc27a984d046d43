"""Cutting the JSON-RPC input into messages, and finding the next one after a peer's mistake.

LSP frames each JSON body with a header block: `Content-Length: N`, maybe other headers, a blank
line. pygls trusts the count: one wrong count loses every message after it, and a huge one is
buffered whole. Here a bad message is reported as a `Fault` (the caller answers it) and reading
goes on at the next header:

- no `Content-Length`, a non-numeric or negative one, or one over `MAX_CONTENT_LENGTH`: the header
  block is a fault; what follows it is skipped up to the next header.
- a body that is not JSON (a count too short cuts it): a fault; the rest is skipped likewise.
- a count too long: the body runs into the next message's header, or stops arriving while what
  came is already whole JSON. Either way the message ends there.

What makes the last one safe: valid JSON never holds `content-length:` followed by a raw line
break with no quote in between. A JSON string cannot hold a raw CR or LF, and outside strings
letters are not JSON; so such a match inside a body is the next message's header.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from dataclasses import dataclass
from typing import Any, Literal

from sidepane.protocol.frames import MAX_MESSAGE_BYTES
from sidepane.servers.lsp.pipe_reader import CHUNK, ByteSource

log = logging.getLogger("sidepane.lsp")

# The longest header block accepted (JSON-RPC peers send one or two short lines).
HEADER_LIMIT = 64 * 1024
# A `sidepane/message` carries one transport message as base64 (4/3 of its bytes); past twice
# the frames' limit none is acceptable, so it is refused before it is buffered.
MAX_CONTENT_LENGTH = 2 * MAX_MESSAGE_BYTES
# After this long without new bytes mid-body, a body that is already whole JSON had a count too
# long. A body still incomplete keeps waiting, however slow its writer.
STALL_SECONDS = 0.2

_NAME = b"content-length:"
_HEADER_START = re.compile(re.escape(_NAME), re.IGNORECASE)
# The next message's header line inside a body: cannot occur in valid JSON (see above).
_HEADER_INSIDE = re.compile(re.escape(_NAME) + rb'[^\r\n"]*(?:\r\n|\r?$)', re.IGNORECASE)
# A header field line (RFC 7230: a token, a colon, a value), such as `Content-Type: …`.
_FIELD = re.compile(rb"[!-9;-~]+:[^\r\n]*")
_DECODER = json.JSONDecoder()


@dataclass(frozen=True)
class Message:
    """One message's JSON, parsed."""

    value: Any


@dataclass(frozen=True)
class Fault:
    """A message that could not be read as framed. `value` is its JSON when that was whole
    (only its framing was wrong), so the answer can carry its id."""

    reason: str
    value: Any = None
    whole: bool = False


class Framer:
    """Reads `Content-Length`-framed JSON messages from a byte source."""

    def __init__(
        self,
        source: ByteSource,
        *,
        stall_seconds: float = STALL_SECONDS,
        max_content_length: int = MAX_CONTENT_LENGTH,
    ) -> None:
        self._source = source
        self._stall = stall_seconds
        self._max = max_content_length
        self._buffer = bytearray()
        self._reading: asyncio.Future[bytes] | None = None
        self._ended = False
        self._inside_block = False  # skipping the rest of an oversized header block

    async def read(self) -> Message | Fault | None:
        """The next message or fault; None at the end of input."""
        while True:
            found = await self._skip_to_header()
            if found is False:
                return None
            if isinstance(found, Fault):
                return found
            end = self._buffer.find(b"\r\n\r\n", 0, HEADER_LIMIT + 4)
            if end < 0:
                if len(self._buffer) > HEADER_LIMIT:
                    del self._buffer[:HEADER_LIMIT]  # holds no blank line: all of this block
                    self._inside_block = True  # the rest of it is skipped
                    return Fault(f"A header block over {HEADER_LIMIT} bytes.")
                if await self._more() == "end":
                    self._ended_inside("a header")
                    return None
                continue
            line_end = self._buffer.find(b"\r\n")
            value = bytes(self._buffer[len(_NAME) : line_end]).strip()
            if not value.isdigit() or len(value) > 18 or int(value) > self._max:
                del self._buffer[: end + 4]
                shown = value[:40].decode("utf-8", "replace")
                return Fault(
                    f"Content-Length must be a byte count up to {self._max}, not {shown!r}."
                )
            return await self._body(end + 4, int(value))

    async def _skip_to_header(self) -> bool | Fault:
        """Drop what comes before the next `Content-Length:` (logged unless it is blank lines or
        other header fields); a header block without one is a fault. False at the end of input."""
        skipped = 0
        while True:
            match = _HEADER_START.search(self._buffer)
            limit = match.start() if match is not None else len(self._buffer)
            blank = self._buffer.find(b"\r\n\r\n", 0, limit)
            if self._inside_block and (blank >= 0 or match is not None):
                self._inside_block = False
                if blank >= 0:
                    skipped += blank + 4
                    del self._buffer[: blank + 4]
                    continue
            if blank >= 0:
                fields = bytes(self._buffer[: blank + 2])
                if fields.strip() and _only_fields(fields):
                    del self._buffer[: blank + 4]
                    _log_skipped(skipped)
                    return Fault("A header block without Content-Length.")
            if match is not None:
                break
            if len(self._buffer) > HEADER_LIMIT:  # keep a name that may be cut in two
                skipped += len(self._buffer) - len(_NAME)
                del self._buffer[: -len(_NAME)]
            if await self._more() == "end":
                skipped += len(self._buffer.strip())
                self._buffer.clear()
                _log_skipped(skipped)
                return False
        before = bytes(self._buffer[: match.start()])
        if skipped or not _only_fields(before):
            _log_skipped(skipped + len(before))
        del self._buffer[: match.start()]
        return True

    async def _body(self, start: int, length: int) -> Message | Fault | None:
        end = start + length
        checked = start  # the buffer's length when a stall was last looked at
        while len(self._buffer) < end:
            fresh = len(self._buffer) > checked
            got = await self._more(self._stall if fresh else None)
            if got == "end":
                self._ended_inside("a body")
                return None
            if got == "stalled":
                checked = len(self._buffer)
                fault = self._overrun(start, bytes(self._buffer[start:]), length)
                if fault is not None:
                    return fault
        body = bytes(self._buffer[start:end])
        try:
            value = _parse(body)
        except ValueError as exc:
            fault = self._overrun(start, body, length)
            if fault is None:
                del self._buffer[:end]
                fault = Fault(f"The body is not JSON ({exc}).")
            return fault
        del self._buffer[:end]
        return Message(value)

    def _overrun(self, start: int, data: bytes, length: int) -> Fault | None:
        """`data`, the body's bytes so far, holds the start of the next message (the count was
        too long): the message ends where its JSON does, or else before the next header. None
        when neither is in `data`."""
        whole = _whole_json(data)
        if whole is not None:
            value, used = whole
            del self._buffer[: start + used]
            reason = f"Content-Length {length}, but the message ended after {used} bytes."
            return Fault(reason, value, whole=True)
        cut = _HEADER_INSIDE.search(data)
        if cut is not None:
            del self._buffer[: start + cut.start()]
            reason = (
                f"Content-Length {length}, but the next message began after {cut.start()} bytes."
            )
            return Fault(reason)
        return None

    async def _more(self, timeout: float | None = None) -> Literal["data", "stalled", "end"]:
        """Append the next bytes that arrive; "stalled" after `timeout` seconds without any (the
        read goes on, for the next call)."""
        if self._ended:
            return "end"
        if self._reading is None and timeout is None:
            chunk = await self._source.read(CHUNK)
        else:
            if self._reading is None:
                self._reading = asyncio.ensure_future(self._source.read(CHUNK))
            done, _ = await asyncio.wait({self._reading}, timeout=timeout)
            if not done:
                return "stalled"
            chunk = self._reading.result()
            self._reading = None
        if not chunk:
            self._ended = True
            return "end"
        self._buffer += chunk
        return "data"

    def _ended_inside(self, what: str) -> None:
        log.warning("The input ended inside %s; %d bytes dropped.", what, len(self._buffer))
        self._buffer.clear()


def _parse(body: bytes) -> Any:
    """A body's JSON: UTF-8 as LSP says (a decoding error is a ValueError, like bad JSON)."""
    return json.loads(body.decode("utf-8"))


def _whole_json(data: bytes) -> tuple[Any, int] | None:
    """The JSON value `data` begins with and its length in bytes, when it is whole."""
    text = data.decode("utf-8", "surrogateescape")  # positions stay mappable to bytes
    begin = len(text) - len(text.lstrip(" \t\r\n"))
    try:
        value, end = _DECODER.raw_decode(text, begin)
        return value, len(text[:end].encode("utf-8"))  # strict: the JSON itself is UTF-8
    except ValueError:  # UnicodeEncodeError included
        return None


def _only_fields(text: bytes) -> bool:
    """Blank lines and header fields, each ended by CRLF: what may precede `Content-Length`."""
    *lines, last = text.split(b"\r\n")
    return not last.strip() and all(not ln.strip() or _FIELD.fullmatch(ln) for ln in lines)


def _log_skipped(count: int) -> None:
    if count:
        log.warning("Skipped %d bytes of input that were not a JSON-RPC message.", count)
