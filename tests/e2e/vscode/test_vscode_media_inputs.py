"""The camera and microphone widgets in the VS Code panel: a webview is never given those
devices, so each widget says so, and "Open in browser" serves the app (`sidepane run --headless`
in a terminal) and opens it in a browser tab, where the widgets work."""

from __future__ import annotations

import pytest
from vscode_harness import PREVIEW, OpenWorkbench

pytestmark = pytest.mark.timeout(180, func_only=True)

APP = """
import streamlit as st
st.write("media widgets ready")
photo = st.camera_input("Take a picture")
voice = st.audio_input("Record a voice message")
"""


def test_the_panel_says_it_cannot_and_opens_the_app_in_the_browser(
    open_workbench: OpenWorkbench,
) -> None:
    bench = open_workbench({"app.py": APP})
    bench.command(PREVIEW)
    frame = bench.wait_panel_text("media widgets ready", 30)
    bench.wait_panel_text("VS Code's panel cannot use your camera.", 15)
    bench.wait_panel_text("VS Code's panel cannot use your microphone.", 15)
    assert frame.get_by_role("button", name="Record").count() == 0
    bench.screenshot("media_inputs_panel")

    pages: list[str] = []
    bench.context.on("page", lambda p: pages.append(p.url))
    frame.get_by_role("button", name="Open in browser").first.click()
    # VS Code may ask before opening a site it does not trust yet: open it.
    dialog_open = bench.page.get_by_role("button", name="Open", exact=True)
    bench.wait(
        "VS Code to open the app or ask first",
        lambda: (
            any("127.0.0.1" in u or "/proxy/" in u for u in pages)
            or dialog_open.is_visible()
            or None
        ),
        45,
    )
    if dialog_open.is_visible():
        dialog_open.click()
    bench.wait("a browser tab on the app", lambda: bool(bench.context.pages[1:]) or None, 20)
    tab = bench.context.pages[-1]
    tab.get_by_text("media widgets ready").wait_for(timeout=30_000)
    # In a browser tab the widgets ask for the devices (none here: they say so, no panel note).
    tab.get_by_text("Take a picture").wait_for()
    assert tab.get_by_text("VS Code's panel cannot use").count() == 0
    assert bench.panel_errors() == []
