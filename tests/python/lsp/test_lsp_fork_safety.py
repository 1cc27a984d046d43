"""A script that forks cannot take `python -m sidepane lsp` down, nor reach its JSON-RPC pipes."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsp_helpers import SERVER, Recorder
from lsprotocol import types
from pytest_lsp import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fork_helpers import (
    assert_child_got_nothing_of_the_server,
    fd_targets,
    fork_script,
    read_report,
)

from sidepane.protocol.frames import PROTOCOL_VERSION

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.timeout(60),
    pytest.mark.skipif(sys.platform != "linux", reason="fork, and /proc to see what a child holds"),
]


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities())
    )
    yield
    await lsp_client.shutdown_session()


def _rpc_pipes(server_pid: int) -> set[str]:
    """The pipes this test talks to the server over (its stderr aside: children may print)."""
    shared = {
        target
        for target in fd_targets(os.getpid()) & fd_targets(server_pid)
        if target.startswith(("pipe:", "socket:"))
    }
    shared.discard(os.readlink(f"/proc/{server_pid}/fd/2"))
    assert shared, "found no pipe between the client and the server"
    return shared


async def _shown(rec: Recorder, text: str) -> None:
    """Forking a child and a pool of two may take a while on a loaded machine."""
    await rec.until(lambda: text in rec.texts("s1"), timeout=30)


async def test_a_script_forking_and_terminating_children_leaves_the_server_answering(
    client: LanguageClient, tmp_path: Path
) -> None:
    rec = Recorder(client)
    report = tmp_path / "child.json"
    script = tmp_path / "app.py"
    script.write_text(fork_script(report), encoding="utf-8")
    await rec.open("s1", script)
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    slider = await rec.until(
        lambda: rec.frame("s1", lambda f: f["t"] == "upsert" and f["type"] == "slider")
    )
    await rec.until(lambda: rec.run_end("s1", 1))

    rec.send("s1", t="widget_value", id=slider["props"]["id"], value=1, run=1)
    await _shown(rec, "run 1: child exit -15, pool 3")
    assert client._server is not None
    assert_child_got_nothing_of_the_server(read_report(report), _rpc_pipes(client._server.pid))

    rec.send("s1", t="widget_value", id=slider["props"]["id"], value=2, run=2)
    await _shown(rec, "run 2: child exit -15, pool 3")
    assert (await rec.open("s2", script))["session"] == "s2"
    assert client._server.returncode is None
