"""Uploads over a real WebSocket: files in chunks larger than one message, refused with a reason,
bounded per session and server, and freed when replaced or when the tab closes
(docs/protocol.md, `upload` and `upload_status`)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest
from web_helpers import Frame, Tab, async_test, eventually, is_body, open_tab, serving

from sidepane.protocol.frames import PROTOCOL_VERSION
from sidepane.runtime import uploads
from sidepane.runtime.uploads import NOT_AN_UPLOADER, OUT_OF_ORDER
from sidepane.servers.web.server import WebServer

pytestmark = pytest.mark.timeout(60)

APP = """
import hashlib
import sidepane as st
f = st.file_uploader("file", max_upload_size=1)
if f is not None:
    st.write(f"got {f.name} {f.size} {hashlib.sha256(f.getvalue()).hexdigest()}")
csv = st.file_uploader("csv", type="csv")
"""


async def start(tab: Tab) -> dict[str, str]:
    """hello; the uploaders' ids by label."""
    await tab.send("hello", v=PROTOCOL_VERSION)
    frames = await tab.quiet(1.0)
    return {
        f["props"]["label"]: f["props"]["id"]
        for f in frames
        if f["t"] == "upsert" and f["type"] == "file_uploader"
    }


async def send_file(
    tab: Tab, wid: str, data: bytes, *, name: str = "a.bin", chunk: int = 64 * 1024
) -> tuple[dict[str, Any], Frame]:
    """Send `data` in chunks, each after the last was acknowledged; the file's wire ref and the
    last status."""
    digest = hashlib.sha256(data).hexdigest()
    status: Frame = {}
    for offset in range(0, max(len(data), 1), chunk):
        part = data[offset : offset + chunk]
        await tab.send(
            "upload", id=wid, hash=digest, name=name, type="application/octet-stream",
            size=len(data), offset=offset, data=part,
        )  # fmt: skip
        status = await tab.until(lambda f: f["t"] == "upload_status" and f["hash"] == digest)
        if "error" in status:
            break
        assert status["received"] == offset + len(part)
    ref = {"hash": digest, "name": name, "type": "application/octet-stream", "size": len(data)}
    return ref, status


def all_freed(used: int) -> Any:
    """A check that the server-wide bytes held are back to `used` (tabs close asynchronously)."""

    async def check() -> bool:
        return uploads.SERVER_BUDGET.used == used

    return check


def session_of(server: WebServer) -> Any:
    (connection,) = server.connections
    return connection.session


@async_test
async def test_a_file_larger_than_a_message_arrives_in_chunks(tmp_path: Path) -> None:
    data = os.urandom(700_000)
    async with (
        serving(tmp_path, APP, max_message_bytes=100_000) as server,
        open_tab(server) as tab,
    ):
        ids = await start(tab)
        ref, status = await send_file(tab, ids["file"], data)
        assert status["received"] == len(data)
        await tab.send("widget_value", id=ids["file"], value=[ref], run=1)
        expected = f"got a.bin {len(data)} {hashlib.sha256(data).hexdigest()}"
        await tab.until(is_body(expected))


@async_test
async def test_refused_files_say_why(tmp_path: Path) -> None:
    async with serving(tmp_path, APP) as server, open_tab(server) as tab:
        ids = await start(tab)
        _, status = await send_file(tab, "$$ID-not-a-widget", b"x")
        assert status["error"] == NOT_AN_UPLOADER
        _, status = await send_file(tab, ids["file"], b"x" * (1024 * 1024 + 1))
        assert status["error"] == "File must be 1.0MB or smaller."
        _, status = await send_file(tab, ids["csv"], b"x", name="a.txt")
        assert status["error"] == "Invalid file extension: `.txt`. Allowed: ['.csv']"
        # A chunk that does not follow the last one received refuses the file.
        await tab.send("upload", id=ids["csv"], hash="h", name="a.csv", type="text/csv",
                       size=10, offset=0, data=b"12345")  # fmt: skip
        await tab.until(lambda f: f["t"] == "upload_status" and f.get("received") == 5)
        await tab.send("upload", id=ids["csv"], hash="h", name="a.csv", type="text/csv",
                       size=10, offset=6, data=b"6789")  # fmt: skip
        status = await tab.until(lambda f: f["t"] == "upload_status")
        assert status["error"] == OUT_OF_ORDER
        assert len(session_of(server).uploads) == 0


@async_test
async def test_session_and_server_bounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(uploads.SESSION_ENV, "1")
    before = uploads.SERVER_BUDGET.used
    file = b"x" * 600_000
    async with serving(tmp_path, APP.replace("max_upload_size=1", "max_upload_size=5")) as server:
        async with open_tab(server) as tab:
            ids = await start(tab)
            _, status = await send_file(tab, ids["file"], file)
            assert status["received"] == len(file)
            _, status = await send_file(tab, ids["csv"], b"y" * 600_000, name="b.csv")
            assert "upload limit (1 MB per session" in status["error"]
        monkeypatch.delenv(uploads.SESSION_ENV)
        await eventually(all_freed(before))
        monkeypatch.setattr(uploads.SERVER_BUDGET, "limit", uploads.SERVER_BUDGET.used + 1_000_000)
        async with open_tab(server) as one, open_tab(server) as two:
            ids = await start(one)
            await start(two)
            _, status = await send_file(one, ids["file"], file)
            assert status["received"] == len(file)
            _, status = await send_file(two, ids["file"], file)
            assert "is reached" in status["error"]


@async_test
async def test_replaced_and_closed_tabs_files_are_freed(tmp_path: Path) -> None:
    before = uploads.SERVER_BUDGET.used
    async with serving(tmp_path, APP) as server:
        async with open_tab(server) as tab:
            ids = await start(tab)
            first, _ = await send_file(tab, ids["file"], b"a" * 1000, name="a.bin")
            await tab.send("widget_value", id=ids["file"], value=[first], run=1)
            await tab.until(lambda f: f["t"] == "run_end")
            second, _ = await send_file(tab, ids["file"], b"b" * 2000, name="b.bin")
            await tab.send("widget_value", id=ids["file"], value=[second], run=2)
            await tab.until(lambda f: f["t"] == "run_end")
            session = session_of(server)
            assert session.uploads.held == 2000 and len(session.uploads) == 1
            assert uploads.SERVER_BUDGET.used == before + 2000
            await tab.send("widget_value", id=ids["file"], value=[], run=3)
            await tab.until(lambda f: f["t"] == "run_end")
            assert session.uploads.held == 0
            third, _ = await send_file(tab, ids["file"], b"c" * 3000, name="c.bin")
            await tab.send("widget_value", id=ids["file"], value=[third], run=4)
            await tab.until(lambda f: f["t"] == "run_end")
            assert uploads.SERVER_BUDGET.used == before + 3000

        await eventually(all_freed(before))
        assert session.uploads.held == 0 and len(session.uploads) == 0
        assert all(v is None for v in session.widgets.values.values())
