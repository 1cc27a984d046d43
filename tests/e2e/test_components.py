"""Custom components in Chromium (`streamlit.components.v1`): `components.html` in its sandboxed
frame, a small component of our own that speaks the protocol by hand (tests/e2e/components/),
and real component packages from PyPI, each drawn and sending a value back to the script."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from conftest import Server

COMPONENTS = Path(__file__).parent / "components"

ECHO = f"""
import streamlit as st
import streamlit.components.v1 as components

echo = components.declare_component("echo", path={str(COMPONENTS / "echo")!r})
st.session_state.setdefault("changes", 0)

def changed():
    st.session_state.changes += 1

value = echo(greeting="Hello there", blob=b"abc", default={{"clicks": 0}}, key="echo",
             on_change=changed)
st.write(f"value: {{value}}")
st.write(f"changes: {{st.session_state.changes}}")
components.html(
    "<p id='inside'>in a frame</p><script>document.getElementById('inside').textContent ="
    " 'script ran, parent ' + (function () {{ try {{ return typeof parent.document; }}"
    " catch (e) {{ return 'blocked'; }} }})();</script>",
    height=80,
)
"""


def test_our_component_renders_its_args_and_sends_values_back(page: Page, serve: Any) -> None:
    server: Server = serve(ECHO)
    page.goto(server.url)
    frame = page.frame_locator("iframe[data-testid=stCustomComponentV1]")
    expect(frame.locator("#greeting")).to_have_text("Hello there (3 bytes)", timeout=20_000)
    facts = frame.locator("#facts")
    expect(facts).to_contain_text('base=light disabled=false default={"clicks":0}')
    # Its own origin: no reaching into the app's page.
    expect(facts).to_contain_text("origin=null parent=blocked")
    box = page.locator("iframe[data-testid=stCustomComponentV1]")
    expect(box).to_have_css("height", "120px")
    expect(page.get_by_text("value: {'clicks': 0}")).to_be_visible()

    frame.locator("#send").click()
    expect(page.get_by_text("value: {'clicks': 1, 'greeting': 'Hello there'}")).to_be_visible()
    expect(page.get_by_text("changes: 1")).to_be_visible()
    frame.locator("#send").click()
    expect(page.get_by_text("value: {'clicks': 2, 'greeting': 'Hello there'}")).to_be_visible()
    expect(page.get_by_text("changes: 2")).to_be_visible()

    # components.html: its script runs, in a frame of its own.
    html = page.frame_locator("iframe.sp-component-frame[title='st.components.v1.html']")
    expect(html.locator("#inside")).to_have_text("script ran, parent blocked")
