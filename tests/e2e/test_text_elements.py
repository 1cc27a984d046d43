"""Text elements in a real browser (docs/adding-an-element.md's worked example: `st.code`)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from conftest import Server

APP = """
import streamlit as st
st.code("total = 1 + 2", line_numbers=True)
st.code("plain <text>", language=None, wrap_lines=True)
st.caption("A *caption*")
"""


def test_code_blocks_and_a_caption(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    python, plain = page.locator(".sp-code").nth(0), page.locator(".sp-code").nth(1)
    # highlight.js loads on the first code block, then colours it.
    expect(python.locator("code.language-python .hljs-number").first).to_have_text("1")
    expect(python.locator(".sp-code-lines span")).to_have_count(1)
    expect(plain.locator("code")).to_have_text("plain <text>")
    expect(plain).to_have_class("sp-code sp-code-wrap")
    expect(page.locator(".sp-caption em")).to_have_text("caption")
    assert page.console_errors == []  # type: ignore[attr-defined]
