"""The JSON-RPC input's bytes, read on the event loop itself.

pygls reads stdin through its thread pool: a header line, the blank line and the body are three
hand-offs between threads per message, about a millisecond under load on every widget change.
Reading the pipe with the loop's own transport costs none. `framing` cuts the bytes into
messages.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor
from typing import BinaryIO, Protocol

# How much one read takes at most (and the pipe's buffer before the transport pauses).
CHUNK = 256 * 1024


class ByteSource(Protocol):
    """Where the JSON-RPC bytes come from."""

    def read(self, n: int) -> Awaitable[bytes]:
        """Up to `n` bytes, as soon as there are any; b"" at the end of input."""
        ...


class PipeSource:
    """A pipe, socket or terminal, read by the running loop."""

    def __init__(self, stream: asyncio.StreamReader) -> None:
        self._stream = stream

    def read(self, n: int) -> Awaitable[bytes]:
        return self._stream.read(n)


class ThreadSource:
    """A regular file, which the loop cannot watch: read in the thread pool."""

    def __init__(self, source: BinaryIO, executor: ThreadPoolExecutor | None) -> None:
        self._source = source
        self._executor = executor

    def read(self, n: int) -> Awaitable[bytes]:
        read1 = getattr(self._source, "read1", self._source.read)
        return asyncio.get_running_loop().run_in_executor(self._executor, read1, n)


async def open_reader(source: BinaryIO, executor: ThreadPoolExecutor | None) -> ByteSource:
    """A byte source for `source`: on the loop when it is a pipe, socket or terminal; through
    the thread pool otherwise."""
    loop = asyncio.get_running_loop()
    stream = asyncio.StreamReader(limit=CHUNK, loop=loop)
    try:
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stream), source)
    except ValueError:
        return ThreadSource(source, executor)
    return PipeSource(stream)
