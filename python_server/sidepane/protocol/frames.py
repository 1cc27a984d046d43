"""Encoding and decoding of frames, the unit of docs/protocol.md."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import msgpack

from sidepane.errors import ProtocolError

PROTOCOL_VERSION = 2
MAX_MESSAGE_BYTES = 64 * 1024 * 1024

Path = tuple[str | int, ...]

_pack = msgpack.Packer(use_bin_type=True).pack

FrameObserver = Callable[[Mapping[str, Any], bool], None]
observer: FrameObserver | None = None
"""`observer(frame, decoded)` sees every frame encoded by `frame` or sent by
`FrameWriter.upsert` (`decoded` False), and every frame `decode_message` decodes (True), before
it goes on: the tests validate them against the schema. None outside the tests, where it costs
one global lookup per frame."""


def observe(new: FrameObserver | None) -> None:
    """Set (or with None, remove) the frame observer."""
    global observer
    observer = new


def pack(obj: object) -> bytes:
    """msgpack-encode one value (the encoding every frame and props map uses)."""
    return _pack(obj)


def frame(frame_type: str, /, **fields: Any) -> bytes:
    """Encode a frame `{t: frame_type, **fields}`."""
    f = {"t": frame_type, **fields}
    if observer is not None:
        observer(f, False)
    return _pack(f)


_RUN_START_HEAD = _pack("t") + _pack("run_start")


def is_run_start(data: bytes) -> bool:
    """Whether an encoded frame is a `run_start` (its map header, then `t` first, as `frame`
    writes it)."""
    return data.startswith(_RUN_START_HEAD, 1)


# An upsert is built from pre-encoded pieces: its props are already packed for hashing, and
# packing them twice would double the hot path's cost.
_UPSERT_HEAD = b"\x85" + _pack("t") + _pack("upsert") + _pack("run")
_K_PATH = _pack("path")
_K_TYPE = _pack("type")
_K_PROPS = _pack("props")


def upsert_frame(run: int, path: Path, type_: str, packed_props: bytes) -> bytes:
    """Encode an `upsert` frame whose props map is already msgpack-encoded."""
    return b"".join(
        (
            _UPSERT_HEAD,
            _pack(run),
            _K_PATH,
            _pack(path),
            _K_TYPE,
            _pack(type_),
            _K_PROPS,
            packed_props,
        )
    )


def payload_data(data: Any) -> Any:
    """A payload's data; a callable is a deferred payload, produced only when it is sent."""
    return data() if callable(data) else data


def decode_message(raw: bytes) -> list[dict[str, Any]]:
    """Decode a transport message into its frames; raise ProtocolError if it is not valid.

    Size, msgpack validity, and each frame being a map with a string `t` are checked here;
    each frame type's fields are checked by its handler.
    """
    if len(raw) > MAX_MESSAGE_BYTES:
        raise ProtocolError(f"message of {len(raw)} bytes is over the {MAX_MESSAGE_BYTES} limit")
    unpacker = msgpack.Unpacker(raw=False, strict_map_key=False, max_buffer_size=MAX_MESSAGE_BYTES)
    unpacker.feed(raw)
    frames: list[dict[str, Any]] = []
    try:
        for obj in unpacker:
            if not isinstance(obj, dict) or not isinstance(obj.get("t"), str):
                raise ProtocolError("a frame must be a map with a string 't'")
            if observer is not None:
                observer(obj, True)
            frames.append(obj)
    except (ValueError, msgpack.UnpackException) as exc:
        raise ProtocolError(f"malformed msgpack: {exc}") from exc
    if not frames:
        raise ProtocolError("empty message")
    return frames


def iter_frames(chunks: Sequence[bytes]) -> Iterator[dict[str, Any]]:
    """Decode frames from several transport messages (for tests and tools)."""
    for chunk in chunks:
        yield from decode_message(chunk)
