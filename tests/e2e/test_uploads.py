"""Uploads in a real browser: a file larger than one message arrives whole (in chunks), and a
file the server refuses shows why on the file (docs/protocol.md, `upload`)."""

from __future__ import annotations

import hashlib
import os
from typing import Any

import pytest
from playwright.sync_api import FilePayload, Page, expect

from conftest import Server

APP = """
import hashlib
import sidepane as st
f = st.file_uploader("Pick a file")
if f is not None:
    st.write(f"got {f.name} {f.size} {hashlib.sha256(f.read()).hexdigest()}")
"""

MB = 1024 * 1024


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages of at most 3 MiB and 12 MB of files per session, so the test stays fast."""
    monkeypatch.setenv("SIDEPANE_MAX_MESSAGE_BYTES", str(3 * MB))
    monkeypatch.setenv("SIDEPANE_MAX_SESSION_UPLOAD_MB", "12")


def choose(page: Page, name: str, data: bytes) -> None:
    payload: FilePayload = {"name": name, "mimeType": "application/octet-stream", "buffer": data}
    page.locator("input[type=file]").set_input_files(files=[payload])


def test_a_file_larger_than_a_message_is_read_back_whole(
    page: Page, serve: Any, small_limits: None
) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    expect(page.get_by_text("Limit 200MB per file")).to_be_visible()
    data = os.urandom(7 * MB)  # four 2 MiB chunks; one message may hold 3 MiB
    choose(page, "big.bin", data)
    expect(
        page.get_by_text(f"got big.bin {len(data)} {hashlib.sha256(data).hexdigest()}")
    ).to_be_visible(timeout=20_000)
    expect(page.locator(".sp-file-name")).to_have_text("big.bin")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_file_the_server_refuses_shows_why(page: Page, serve: Any, small_limits: None) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    expect(page.get_by_text("Limit 200MB per file")).to_be_visible()
    choose(page, "huge.bin", b"\0" * (13 * MB))  # under the widget's 200 MB, over the session's 12
    error = page.locator(".sp-file-refused .sp-file-error")
    expect(error).to_have_text(
        "The server cannot take this file: its upload limit (12 MB per session / 2048 MB in all) "
        "is reached. Remove a file or try a smaller one.",
        timeout=20_000,
    )
    expect(page.locator(".sp-file-refused .sp-file-name")).to_contain_text("huge.bin")
    # The session keeps working: a small file goes through.
    choose(page, "small.bin", b"abc")
    expect(
        page.get_by_text(f"got small.bin 3 {hashlib.sha256(b'abc').hexdigest()}")
    ).to_be_visible()
