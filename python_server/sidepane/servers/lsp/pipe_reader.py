"""JSON-RPC input read on the event loop itself.

pygls reads stdin through its thread pool: a header line, the blank line and the body are three
hand-offs between threads per message, about a millisecond under load on every widget change.
Reading the pipe with the loop's own transport costs none.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor
from typing import BinaryIO, Protocol

from pygls.io_ import StdinAsyncReader

log = logging.getLogger("sidepane.lsp")

# The longest header line accepted; bodies (read with readexactly) have no such limit.
HEADER_LIMIT = 64 * 1024


class AsyncReader(Protocol):
    """What pygls's `run_async` reads from."""

    def readline(self) -> Awaitable[bytes]: ...

    def readexactly(self, n: int) -> Awaitable[bytes]: ...


class PipeReader:
    """pygls's reader interface over a pipe or socket, read by the running loop."""

    def __init__(self, stream: asyncio.StreamReader) -> None:
        self._stream = stream

    async def readline(self) -> bytes:
        try:
            return await self._stream.readline()
        except ValueError:  # a header line past HEADER_LIMIT: no JSON-RPC peer sends one
            log.error(
                "The client sent a header line over %d bytes: not JSON-RPC; stopping.", HEADER_LIMIT
            )
            return b""

    async def readexactly(self, n: int) -> bytes:
        try:
            return await self._stream.readexactly(n)
        except asyncio.IncompleteReadError:  # the pipe closed mid-message: end of input
            return b""


async def open_reader(source: BinaryIO, executor: ThreadPoolExecutor | None) -> AsyncReader:
    """A reader for `source`: on the loop when it is a pipe, socket or terminal; through
    pygls's thread pool otherwise (a regular file, which the loop cannot watch)."""
    loop = asyncio.get_running_loop()
    stream = asyncio.StreamReader(limit=HEADER_LIMIT, loop=loop)
    try:
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stream), source)
    except ValueError:
        return StdinAsyncReader(source, executor)
    return PipeReader(stream)
