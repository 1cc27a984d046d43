"""Uploads over the VS Code transport: chunks in `sidepane/message` notifications, answered by
`upload_status` frames in `sidepane/frames` (docs/protocol.md, `upload`)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_lsp
from lsp_helpers import SERVER, Frame, Recorder
from lsprotocol import types
from pytest_lsp import LanguageClient

from sidepane.protocol.frames import PROTOCOL_VERSION

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(30)]

APP = """
import hashlib
import sidepane as st
f = st.file_uploader("file", max_upload_size=1)
if f is not None:
    st.write(f"got {f.name} {f.size} {hashlib.sha256(f.getvalue()).hexdigest()}")
"""


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities())
    )
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def rec(client: LanguageClient) -> Recorder:
    return Recorder(client)


def statuses(rec: Recorder, digest: str) -> list[Frame]:
    return [
        f for f in rec.frames.get("s1", []) if f["t"] == "upload_status" and f["hash"] == digest
    ]


def answered(rec: Recorder, digest: str, n: int) -> Callable[[], bool]:
    return lambda: len(statuses(rec, digest)) == n


async def test_a_file_arrives_in_chunks_and_a_refusal_says_why(
    rec: Recorder, tmp_path: Path
) -> None:
    script = tmp_path / "app.py"
    script.write_text(APP, encoding="utf-8")
    await rec.open("s1", script)
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    await rec.until(lambda: rec.run_end("s1", 1))
    uploader = rec.frame("s1", lambda f: f["t"] == "upsert" and f["type"] == "file_uploader")
    assert uploader is not None
    wid = uploader["props"]["id"]

    data = os.urandom(700_000)
    digest = hashlib.sha256(data).hexdigest()
    chunk = 256 * 1024
    for n, offset in enumerate(range(0, len(data), chunk), start=1):
        rec.send("s1", t="upload", id=wid, hash=digest, name="a.bin", type="x", size=len(data),
                 offset=offset, data=data[offset : offset + chunk])  # fmt: skip
        await rec.until(answered(rec, digest, n))
    assert [s["received"] for s in statuses(rec, digest)] == [262144, 524288, 700000]
    ref = {"hash": digest, "name": "a.bin", "type": "x", "size": len(data)}
    rec.send("s1", t="widget_value", id=wid, value=[ref], run=1)
    await rec.text("s1", f"got a.bin 700000 {digest}")

    big = "b" * 64
    rec.send("s1", t="upload", id=wid, hash=big, name="b.bin", type="x", size=2 * 1024 * 1024,
             offset=0, data=b"x")  # fmt: skip
    (refused,) = await rec.until(lambda: statuses(rec, big))
    assert refused["error"] == "File must be 1.0MB or smaller."
