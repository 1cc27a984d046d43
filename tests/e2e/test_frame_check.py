"""The development build and the test servers check frames against the schema: a frame that
breaks it shows as an error on the page and in both logs, instead of a silently wrong element."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from sidepane.protocol.frame_check import BROKEN

from conftest import VIOLATION

# The public API cannot build a wrong frame; the element plumbing underneath can.
BAD_APP = """
import streamlit as st
st.write("before")
st.container()._enqueue("markdown", {"body": "x", "style": "huge"})
st.write("after")
"""


@pytest.mark.invalid_frames
def test_a_frame_that_breaks_the_schema_is_shown_and_logged(page: Page, serve: Any) -> None:
    server = serve(BAD_APP)
    page.goto(server.url)
    expect(page.get_by_text("after")).to_be_visible()
    alert = page.locator(".sp-protocol-errors")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("$.props(markdown).style")
    assert any(e.startswith(VIOLATION) for e in page.console_errors)  # type: ignore[attr-defined]
    assert BROKEN in server.output()


def test_frames_of_a_real_app_pass(page: Page, serve: Any) -> None:
    server = serve(
        """
        import streamlit as st
        x = st.slider("x", 0, 10, 3)
        st.write(x, "squared is", x * x)
        st.dataframe({"a": [1, 2]})
        """
    )
    page.goto(server.url)
    expect(page.get_by_text("squared is")).to_be_visible()
    expect(page.locator(".sp-protocol-errors")).to_have_count(0)
