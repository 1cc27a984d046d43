"""Issue 16's flow APIs in the VS Code panel: the chat input pinned to the panel's bottom, a
dialog over the panel, and a fragment rerunning alone."""

from __future__ import annotations

import pytest
from vscode_harness import PREVIEW, OpenWorkbench

pytestmark = pytest.mark.timeout(150, func_only=True)

APP = """
import streamlit as st
st.session_state.full_runs = st.session_state.get("full_runs", 0) + 1
st.write(f"full runs {st.session_state.full_runs}")
for i in range(30):
    st.write(f"line {i}")

@st.fragment
def part():
    n = st.number_input("in the fragment", value=1)
    st.write(f"fragment shows {n}")

part()

@st.dialog("A dialog")
def ask():
    st.write("inside the dialog")

if st.button("Open dialog"):
    ask()

if prompt := st.chat_input("Say something"):
    st.write(f"you said {prompt}")
"""


def test_chat_dialog_and_fragment_in_the_panel(open_workbench: OpenWorkbench) -> None:
    bench = open_workbench({"app.py": APP})
    bench.command(PREVIEW)
    frame = bench.wait_panel_text("full runs 1", 30)

    # The chat input stays at the bottom of the panel's viewport, over the scrolled content.
    box = frame.get_by_role("textbox", name="Say something")
    viewport = frame.evaluate("() => window.innerHeight")
    rect = box.bounding_box()
    assert rect is not None
    bottom_in_frame = frame.evaluate(
        "() => document.querySelector('.sp-chat-textarea').getBoundingClientRect().bottom"
    )
    assert viewport - 120 < bottom_in_frame <= viewport, (bottom_in_frame, viewport)
    box.fill("hello")
    box.press("Enter")
    bench.wait_panel_text("you said hello", 15)

    # A widget in a fragment reruns only the fragment.
    frame.get_by_role("spinbutton", name="in the fragment").fill("5")
    frame.get_by_role("spinbutton", name="in the fragment").press("Enter")
    bench.wait_panel_text("fragment shows 5", 15)
    assert "full runs 2" in frame.evaluate("() => document.body.innerText")

    # A dialog opens over the panel and closes with Escape.
    frame.get_by_role("button", name="Open dialog").click()
    dialog = frame.get_by_role("dialog", name="A dialog")
    # The dialog's block may paint a moment before what the run draws into it.
    dialog.get_by_text("inside the dialog").wait_for(timeout=15_000)
    bench.screenshot("vscode_dialog")
    frame.locator("body").press("Escape")
    dialog.wait_for(state="hidden", timeout=15_000)
