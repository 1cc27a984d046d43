"""The JSON-RPC input reader: on the loop for pipes, pygls's thread reader for regular files."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

import pytest
from pygls.io_ import StdinAsyncReader

from sidepane.servers.lsp.pipe_reader import HEADER_LIMIT, PipeReader, open_reader


@pytest.mark.asyncio
async def test_reads_a_message_that_arrives_in_pieces() -> None:
    read_fd, write_fd = os.pipe()
    with os.fdopen(read_fd, "rb", buffering=0) as source:
        reader = await open_reader(source, None)
        assert isinstance(reader, PipeReader)
        body = b'{"jsonrpc": "2.0", "method": "x"}'
        os.write(write_fd, b"Content-Length: %d\r\n" % len(body))
        assert await reader.readline() == b"Content-Length: %d\r\n" % len(body)
        os.write(write_fd, b"\r\n" + body[:10])
        assert await reader.readline() == b"\r\n"
        pending = asyncio.ensure_future(reader.readexactly(len(body)))
        await asyncio.sleep(0.01)
        assert not pending.done()
        os.write(write_fd, body[10:])
        assert await pending == body
        # The writer goes away mid-message: the end of input, as pygls expects it (b"").
        os.write(write_fd, b"Content-Length: 50\r\n\r\n{")
        os.close(write_fd)
        assert await reader.readline() == b"Content-Length: 50\r\n"
        assert await reader.readline() == b"\r\n"
        assert await reader.readexactly(50) == b""
        assert await reader.readline() == b""


@pytest.mark.asyncio
async def test_a_regular_file_is_read_through_threads(tmp_path: Path) -> None:
    path = tmp_path / "input"
    path.write_bytes(b"Content-Length: 2\r\n\r\n{}")
    with path.open("rb") as source:
        reader = await open_reader(source, None)
        assert isinstance(reader, StdinAsyncReader)
        assert await reader.readline() == b"Content-Length: 2\r\n"


@pytest.mark.asyncio
async def test_a_header_line_past_the_limit_ends_the_input(
    caplog: pytest.LogCaptureFixture,
) -> None:
    read_fd, write_fd = os.pipe()
    with os.fdopen(read_fd, "rb", buffering=0) as source:
        reader = await open_reader(source, None)

        def write() -> None:  # past the pipe's buffer: written while the reader reads
            with os.fdopen(write_fd, "wb") as sink:
                sink.write(b"X" * (HEADER_LIMIT + 10) + b"\r\n")

        writer = threading.Thread(target=write)
        writer.start()
        assert await reader.readline() == b""
        source.close()
        writer.join(5)
    assert "not JSON-RPC" in caplog.text
