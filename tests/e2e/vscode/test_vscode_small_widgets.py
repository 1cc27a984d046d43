"""The small widgets in the VS Code panel: a link button opens its URL through VS Code (a webview
cannot open tabs itself), and a menu button's menu opens inside the panel."""

from __future__ import annotations

import pytest
from vscode_harness import PREVIEW, OpenWorkbench

pytestmark = pytest.mark.timeout(150, func_only=True)

APP = """
import streamlit as st
st.write("small widgets ready")
clicked = st.link_button("Example site", "https://example.com/", on_click="rerun")
st.write(f"link clicked {clicked}")
choice = st.menu_button("Export", ["CSV", "JSON"])
st.write(f"menu chose {choice}")
"""


def test_link_button_opens_through_vscode_and_reruns(open_workbench: OpenWorkbench) -> None:
    bench = open_workbench({"app.py": APP})
    bench.command(PREVIEW)
    frame = bench.wait_panel_text("small widgets ready", 30)
    page = bench.page
    opened: list[str] = []
    bench.context.on("page", lambda p: opened.append(p.url))
    bench.context.on("request", lambda r: opened.append(r.url) if "example.com" in r.url else None)
    frame.get_by_role("link", name="Example site").click()
    # VS Code asks before opening a web site that is not trusted yet: open it.
    dialog_open = page.get_by_role("button", name="Open", exact=True)
    bench.wait(
        "VS Code to open the link or ask first",
        lambda: any("example.com" in u for u in opened) or dialog_open.is_visible() or None,
        15,
    )
    if dialog_open.is_visible():
        bench.screenshot("link_button_dialog")
        dialog_open.click()
    bench.wait(
        "a new tab on https://example.com/",
        lambda: any("example.com" in u for u in opened) or None,
        15,
    )
    bench.wait_panel_text("link clicked True", 15)

    frame = bench.wait_panel_text("menu chose None")
    frame.get_by_role("button", name="Export").click()
    frame.get_by_role("menuitem", name="JSON").click()
    bench.wait_panel_text("menu chose JSON", 15)
    bench.screenshot("small_widgets")
