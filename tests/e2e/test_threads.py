"""A thread given the script's run context draws into the page while it runs, in a real browser
(its frames reach the viewer from a thread that is not the script's)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from conftest import Server

APP = """
import threading, time
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx

slot = st.empty()
st.write("below the slot")

def work():
    for step in range(1, 4):
        slot.progress(step * 33, text=f"step {step} of 3")
        time.sleep(0.4)
    slot.success("done in a thread")
    st.write("written by the thread")

worker = add_script_run_ctx(threading.Thread(target=work))
worker.start()
worker.join()
"""


def test_a_threads_elements_reach_the_page_as_it_draws_them(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    # Polled every frame (expect's back-off could miss a step): each step shows as it is drawn.
    for step in (1, 2, 3):
        page.wait_for_function(
            "text => document.body.innerText.includes(text)", arg=f"step {step} of 3"
        )
    expect(page.get_by_text("done in a thread")).to_be_visible()
    expect(page.get_by_text("written by the thread")).to_be_visible()
    expect(page.locator(".sp-progress")).to_have_count(0)
    texts = page.locator(".sp-main .sp-el").all_inner_texts()
    assert [t.split()[-1] for t in texts if t.strip()] == ["thread", "slot", "thread"]
    assert page.console_errors == []  # type: ignore[attr-defined]
