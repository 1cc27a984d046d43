"""`python -m sidepane lsp` answers a faulty client as JSON-RPC 2.0 and LSP say, and goes on.

Each test writes raw bytes to a real server process's stdin (lsp_helpers.RawServer).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsp_helpers import SEED, RawServer, framed, rpc

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(60)]

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
SERVER_NOT_INITIALIZED = -32002

PROBE = rpc(id="probe", method="sidepane/startDebug-no-such", params={})


def error(message: dict[str, Any]) -> tuple[Any, int]:
    assert "error" in message, message
    return message["id"], message["error"]["code"]


async def answered_after(server: RawServer) -> None:
    """A request after the fault is read as it should be: its answer comes."""
    server.write(framed(PROBE))
    assert error(await server.response("probe")) == ("probe", METHOD_NOT_FOUND)


@pytest_asyncio.fixture
async def server() -> AsyncIterator[RawServer]:
    raw = await RawServer.start()
    try:
        yield raw
    finally:
        await raw.close()


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        pytest.param(framed(b'{"jsonrpc": "2.0", "id": 1, '), (None, PARSE_ERROR), id="not-json"),
        pytest.param(framed(b"\xff\xfe{}"), (None, PARSE_ERROR), id="not-utf8"),
        pytest.param(framed(b"42"), (None, INVALID_REQUEST), id="not-an-object"),
        pytest.param(framed(b'"hello"'), (None, INVALID_REQUEST), id="a-string"),
        pytest.param(
            framed(b'{"id": 4, "method": "shutdown"}'), (4, INVALID_REQUEST), id="no-jsonrpc"
        ),
        pytest.param(
            framed(rpc(id=5, method="shutdown", jsonrpc="1.0")), (5, INVALID_REQUEST), id="v1"
        ),
        pytest.param(framed(rpc(id=6, method=7)), (6, INVALID_REQUEST), id="method-not-str"),
        pytest.param(
            framed(rpc(id=[1], method="shutdown")), (None, INVALID_REQUEST), id="id-not-valid"
        ),
        pytest.param(
            framed(rpc(id=8, method="shutdown", params=3)), (8, INVALID_REQUEST), id="params-3"
        ),
        pytest.param(framed(b"[]"), (None, INVALID_REQUEST), id="empty-batch"),
        pytest.param(framed(b'{"jsonrpc": "2.0"}'), (None, INVALID_REQUEST), id="no-method"),
    ],
)
async def test_a_bad_body_is_answered(
    server: RawServer, fault: bytes, expected: tuple[Any, int]
) -> None:
    await server.initialize()
    server.write(fault)
    assert error(await server.response()) == expected
    await answered_after(server)


async def test_a_batch_gets_invalid_request_for_each_element(server: RawServer) -> None:
    await server.initialize()
    batch = b"[%s, %s, 3]" % (rpc(id=1, method="shutdown"), rpc(method="exit"))
    server.write(framed(batch))
    answers = [error(await server.response()) for _ in range(3)]
    assert answers == [(1, INVALID_REQUEST), (None, INVALID_REQUEST), (None, INVALID_REQUEST)]
    await answered_after(server)  # neither shutdown nor exit was acted on


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(b"Content-Type: application/vscode-jsonrpc\r\n\r\n", id="missing"),
        pytest.param(b"Content-Length: twelve\r\n\r\n", id="non-numeric"),
        pytest.param(b"Content-Length: -12\r\n\r\n", id="negative"),
        pytest.param(b"Content-Length: 99999999999999\r\n\r\n", id="huge"),
        pytest.param(b"Content-Length: 1e3\r\n\r\n", id="float"),
    ],
)
async def test_a_bad_content_length_is_answered_and_the_next_message_read(
    server: RawServer, header: bytes
) -> None:
    await server.initialize()
    server.write(header + rpc(id=1, method="shutdown"))
    assert error(await server.response()) == (None, PARSE_ERROR)
    await answered_after(server)


async def test_a_huge_content_length_is_not_buffered(server: RawServer) -> None:
    """Its bytes are skipped as they come, not held until a count that never arrives."""
    await server.initialize()
    server.write(b"Content-Length: 999999999999\r\n\r\n")
    assert error(await server.response()) == (None, PARSE_ERROR)
    for _ in range(8):  # 8 MB of a body with no header inside
        server.write(b'"' + b"x" * (1 << 20))
    await answered_after(server)


async def test_a_header_block_past_the_limit_is_answered(server: RawServer) -> None:
    await server.initialize()
    server.write(b"Content-Length: 10\r\nX-Pad: " + b"p" * 100_000 + b"\r\n\r\n")
    assert error(await server.response()) == (None, PARSE_ERROR)
    await answered_after(server)


async def test_a_content_length_too_short_is_answered_and_the_next_message_read(
    server: RawServer,
) -> None:
    await server.initialize()
    body = rpc(id=1, method="sidepane/startDebug-no-such", params={})
    server.write(framed(body, len(body) - 10))
    assert error(await server.response()) == (None, PARSE_ERROR)
    await answered_after(server)


async def test_a_content_length_too_long_ends_the_message_at_the_next_header(
    server: RawServer,
) -> None:
    await server.initialize()
    body = rpc(id=1, method="sidepane/startDebug-no-such", params={})
    server.write(framed(body, len(body) + 30) + framed(PROBE))  # runs 30 bytes into the probe
    assert error(await server.response()) == (1, INVALID_REQUEST)
    await answered_after(server)


async def test_a_content_length_too_long_with_nothing_after_is_answered(
    server: RawServer,
) -> None:
    """The client waits for the answer, so no next header comes: the whole JSON is the end."""
    await server.initialize()
    body = rpc(id=1, method="sidepane/startDebug-no-such", params={})
    started = time.monotonic()
    server.write(framed(body, len(body) + 500))
    assert error(await server.response()) == (1, INVALID_REQUEST)
    assert time.monotonic() - started < 5
    await answered_after(server)


async def test_a_body_written_slowly_is_not_cut(server: RawServer) -> None:
    """A pause mid-body is a slow writer, not a wrong count, while the JSON is incomplete."""
    await server.initialize()
    server.write(framed(PROBE)[:-5])
    await asyncio.sleep(0.6)
    server.write(framed(PROBE)[-5:])
    assert error(await server.response("probe")) == ("probe", METHOD_NOT_FOUND)


async def test_garbage_between_messages_is_skipped(server: RawServer) -> None:
    await server.initialize()
    server.write(b"hello there\n" + framed(PROBE))
    assert error(await server.response("probe")) == ("probe", METHOD_NOT_FOUND)


async def test_requests_before_initialize_are_refused_and_notifications_dropped(
    server: RawServer,
) -> None:
    server.send(id=1, method="sidepane/startDebug", params={})
    assert error(await server.response()) == (1, SERVER_NOT_INITIALIZED)
    server.send(method="sidepane/closeSession", params={"session": "nobody"})
    server.send(id=2, method="shutdown")
    assert error(await server.response()) == (2, SERVER_NOT_INITIALIZED)
    await server.initialize()
    server.send(id=3, method="shutdown")
    assert (await server.response(3))["result"] is None
    server.send(method="exit")
    status, stderr = await server.close()
    assert status == 0
    assert "Dropped the notification sidepane/closeSession" in stderr
    assert "unknown session" not in stderr


async def test_a_second_initialize_is_refused(server: RawServer) -> None:
    await server.initialize()
    server.send(id=2, method="initialize", params={"capabilities": {}})
    assert error(await server.response()) == (2, INVALID_REQUEST)


async def test_requests_after_shutdown_are_invalid_and_exit_ends_with_0(
    server: RawServer,
) -> None:
    await server.initialize()
    # Back to back, as a hurried client sends them: the first shutdown is still in flight.
    server.send(id=1, method="shutdown")
    server.send(id=2, method="shutdown")
    server.send(id=3, method="sidepane/startDebug", params={})
    answers = {m["id"]: m for m in [await server.response() for _ in range(3)]}
    assert answers[1]["result"] is None
    assert error(answers[2]) == (2, INVALID_REQUEST)
    assert error(answers[3]) == (3, INVALID_REQUEST)
    server.send(method="exit")
    assert (await server.close())[0] == 0


async def test_shutdown_then_exit_at_once_ends_with_0(server: RawServer) -> None:
    await server.initialize()
    server.send(id=1, method="shutdown")
    server.send(method="exit")
    assert (await server.close())[0] == 0


async def test_exit_without_shutdown_ends_with_1(server: RawServer) -> None:
    await server.initialize()
    server.send(method="exit")
    assert (await server.close())[0] == 1


async def test_unknown_methods_and_bad_params_are_answered(server: RawServer) -> None:
    server.send(id=1, method="initialize", params={"capabilities": 3, "processId": "x"})
    answer = await server.response(1)
    assert error(answer) == (1, INVALID_PARAMS)
    assert "$.params.capabilities" in answer["error"]["message"]
    await server.initialize()
    server.send(id=2, method="sidepane/noSuchMethod", params={})
    assert error(await server.response(2)) == (2, METHOD_NOT_FOUND)
    server.send(id=3, method="sidepane/openSession", params={"session": "s", "script": 3})
    assert error(await server.response(3)) == (3, INVALID_PARAMS)
    server.send(id=4, method="textDocument/hover", params={"textDocument": 1})
    assert error(await server.response(4))[0] == 4


async def test_after_every_fault_a_session_still_opens(server: RawServer, tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(SEED, encoding="utf-8")
    server.send(id=0, method="sidepane/openSession", params={"session": "s", "script": "x"})
    body = rpc(id=1, method="sidepane/noSuchMethod", params={})
    faults = [
        framed(b"{not json"),
        framed(b"[]"),
        framed(b"[1, 2]"),
        framed(b"null"),
        framed(b'{"id": 2, "method": "shutdown"}'),
        framed(body, len(body) - 7),
        b"Content-Length: nine\r\n\r\n{}",
        b"\x00\x01 noise \r\n",
    ]
    for fault in faults:
        server.write(fault)
    server.write(framed(body, len(body) + 40))
    await server.initialize()
    server.send(id=9, method="sidepane/openSession", params={"session": "s", "script": str(script)})
    result = (await server.response(9))["result"]
    assert result["session"] == "s" and result["script"] == str(script)
