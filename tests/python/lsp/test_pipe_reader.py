"""The JSON-RPC input: read on the loop for pipes, through threads for regular files, and cut
into messages by `framing.Framer`, which finds the next message after a peer's mistake."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from lsp_helpers import framed, rpc

from sidepane.servers.lsp.framing import HEADER_LIMIT, Fault, Framer, Message
from sidepane.servers.lsp.pipe_reader import PipeSource, ThreadSource, open_reader

pytestmark = pytest.mark.asyncio


class Pipe:
    """A pipe the test writes and a Framer reads."""

    def __init__(self, write_fd: int, framer: Framer) -> None:
        self.write_fd = write_fd
        self.framer = framer

    def write(self, data: bytes) -> None:
        os.write(self.write_fd, data)

    def close(self) -> None:
        if self.write_fd >= 0:
            os.close(self.write_fd)
            self.write_fd = -1


@pytest_asyncio.fixture
async def pipe() -> AsyncIterator[Pipe]:
    read_fd, write_fd = os.pipe()
    with os.fdopen(read_fd, "rb", buffering=0) as source:
        reader = await open_reader(source, None)
        assert isinstance(reader, PipeSource)
        pipe = Pipe(write_fd, Framer(reader, stall_seconds=0.05))
        yield pipe
        pipe.close()
        await asyncio.sleep(0.02)  # the transport sees the end and lets go of the fd


async def test_reads_a_message_that_arrives_in_pieces(pipe: Pipe) -> None:
    body = rpc(method="x")
    pipe.write(b"Content-Length: %d\r\n" % len(body))
    pending = asyncio.ensure_future(pipe.framer.read())
    pipe.write(b"\r\n" + body[:10])
    await asyncio.sleep(0.2)  # a pause mid-body, longer than a stall: the JSON is not whole yet
    assert not pending.done()
    pipe.write(body[10:])
    assert await pending == Message({"jsonrpc": "2.0", "method": "x"})
    # The writer goes away mid-message: the end of input.
    pipe.write(b"Content-Length: 50\r\n\r\n{")
    pipe.close()
    assert await pipe.framer.read() is None


async def test_a_regular_file_is_read_through_threads(tmp_path: Path) -> None:
    path = tmp_path / "input"
    path.write_bytes(framed(b"{}") + framed(b"[]"))
    with path.open("rb") as source:
        reader = await open_reader(source, None)
        assert isinstance(reader, ThreadSource)
        framer = Framer(reader)
        assert await framer.read() == Message({})
        assert await framer.read() == Message([])
        assert await framer.read() is None


async def test_a_header_block_past_the_limit_is_a_fault_and_the_next_message_is_read(
    pipe: Pipe,
) -> None:
    def write() -> None:  # past the pipe's buffer: written while the framer reads
        pipe.write(b"Content-Length: 5\r\nX: " + b"X" * (HEADER_LIMIT + 10) + b"\r\n\r\n")
        pipe.write(framed(b"{}"))

    writer = threading.Thread(target=write)
    writer.start()
    fault = await pipe.framer.read()
    assert isinstance(fault, Fault) and "header block over" in fault.reason
    assert await pipe.framer.read() == Message({})
    writer.join(5)


async def test_other_headers_are_read_and_garbage_is_logged(
    pipe: Pipe, caplog: pytest.LogCaptureFixture
) -> None:
    pipe.write(b"\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + framed(b"{}"))
    pipe.write(b"content-length: 2\r\ncontent-type: x\r\n\r\n[]")
    assert await pipe.framer.read() == Message({})
    assert await pipe.framer.read() == Message([])
    assert "Skipped" not in caplog.text
    pipe.write(b"junk" + framed(b"1"))
    assert await pipe.framer.read() == Message(1)
    assert "Skipped 4 bytes" in caplog.text


async def test_a_count_too_long_stops_at_the_next_header_or_a_stall(pipe: Pipe) -> None:
    body = rpc(id=3, method="x")
    pipe.write(framed(body, len(body) + 8) + framed(b"[]"))
    fault = await pipe.framer.read()
    assert isinstance(fault, Fault) and fault.whole and fault.value["id"] == 3
    assert await pipe.framer.read() == Message([])
    # Not whole JSON, and the count runs into the next header: the message ends before it.
    pipe.write(framed(b'{"id": 4', 40) + framed(b"[2]"))
    fault = await pipe.framer.read()
    assert isinstance(fault, Fault) and not fault.whole and "next message began" in fault.reason
    assert await pipe.framer.read() == Message([2])

    # Nothing follows: once the bytes stop, whole JSON is the message's end.
    pipe.write(framed(body, len(body) + 500))
    fault = await pipe.framer.read()
    assert isinstance(fault, Fault) and fault.whole and "ended after" in fault.reason
    # Header and part of the next message came, not all the count asks for.
    pipe.write(framed(body, len(body) + 500) + framed(b"[1]")[:-2])
    fault = await pipe.framer.read()
    assert isinstance(fault, Fault) and fault.whole and "ended after" in fault.reason
    pipe.write(b"1]")  # the next message's last bytes
    assert await pipe.framer.read() == Message([1])


async def test_a_count_too_short_is_a_fault_and_the_rest_is_skipped(pipe: Pipe) -> None:
    body = rpc(id=3, method="x")
    pipe.write(framed(body, len(body) - 3) + framed(b"{}"))
    fault = await pipe.framer.read()
    assert isinstance(fault, Fault) and not fault.whole and "not JSON" in fault.reason
    assert await pipe.framer.read() == Message({})


async def test_a_json_string_that_looks_like_a_header_is_no_header(pipe: Pipe) -> None:
    body = b'{"text": "Content-Length: 5\\r\\n\\r\\nhello",\r\n "n": 1}'
    pipe.write(framed(body))
    assert await pipe.framer.read() == Message({"text": "Content-Length: 5\r\n\r\nhello", "n": 1})
