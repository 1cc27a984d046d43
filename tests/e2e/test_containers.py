"""Popovers, st.bottom and the 1.67 container options in a real browser: a popover opens over the
page and closes on Escape or a press outside while its widgets keep working; stateful expanders
and tabs rerun; st.bottom is pinned with the chat input under it; a horizontal container lays
its elements out in a row."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from conftest import ARTIFACTS, Server

APP = """
import streamlit as st

for i in range(40):
    st.caption(f"line {i}")

with st.popover("Settings", icon=":material/tune:", key="pop", on_change="rerun") as pop:
    name = st.text_input("Name", "Ada")
    st.selectbox("Color", ["red", "green"])
st.write(f"Hello {name}; open={pop.open}")

exp = st.expander("Details", key="exp", on_change="rerun")
if exp.open:
    exp.write("expensive details")
st.write(f"expander open={exp.open}")

cat, dog = st.tabs(["Cat", "Dog"], key="tabs", on_change="rerun")
cat.write("meow")
dog.write("woof")
st.write(f"tab={st.session_state.tabs}")

with st.container(horizontal=True, horizontal_alignment="right", gap="large", key="row"):
    st.button("One")
    st.button("Two")

with st.container(horizontal=True):
    with st.container(border=True, key="tall"):
        st.write("one")
        st.write("two")
        st.write("three")
    with st.container(border=True, height="stretch", key="short"):
        st.write("stretched to the row")

with st.container(horizontal=True, vertical_alignment="bottom"):
    st.text_input("Query")
    st.button("Search")
left, right = st.columns([3, 1])
right.popover("A long popover label that cannot fit in this narrow column").write("x")

st.bottom.caption("Pinned note")
st.chat_input("Say something")
"""


def test_popover_bottom_and_stateful_blocks(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    button = page.locator(".sp-popover-button", has_text="Settings")
    panel = page.locator(".sp-popover-panel", has_text="Name")
    expect(button).to_contain_text("Settings")
    expect(panel).to_be_hidden()
    expect(page.get_by_text("Hello Ada; open=False")).to_be_attached()

    # Opening reruns (on_change="rerun"); the panel floats over the page, under its button.
    button.click()
    expect(panel).to_be_visible()
    expect(panel.get_by_role("textbox", name="Name")).to_be_focused()
    expect(page.get_by_text("Hello Ada; open=True")).to_be_attached()
    box = panel.bounding_box()
    anchor = button.bounding_box()
    assert box is not None and anchor is not None
    assert box["y"] >= anchor["y"] + anchor["height"] - 1
    field = panel.get_by_role("textbox", name="Name")
    field.fill("Grace")
    field.press("Enter")
    expect(page.get_by_text("Hello Grace; open=True")).to_be_attached()
    expect(panel).to_be_visible()  # a rerun keeps it open
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "popover.png"))
    # Escape closes an open list inside first, then the panel.
    color = panel.get_by_role("combobox")
    color.click()
    expect(color).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(color).to_have_attribute("aria-expanded", "false")
    expect(panel).to_be_visible()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(page.get_by_text("Hello Grace; open=False")).to_be_attached()
    button.click()
    expect(panel).to_be_visible()
    page.mouse.click(5, 5)  # a press outside closes it
    expect(panel).to_be_hidden()

    # A stateful expander: its content is drawn once it is open.
    head = page.locator(".sp-expander-head", has_text="Details")
    head.click()
    expect(page.get_by_text("expensive details")).to_be_visible()
    expect(page.get_by_text("expander open=True")).to_be_attached()

    # Stateful tabs: choosing one reruns with its label in session_state.
    page.get_by_role("tab", name="Dog").click()
    expect(page.get_by_text("tab=Dog")).to_be_attached()
    expect(page.get_by_text("woof")).to_be_visible()
    expect(page.get_by_text("meow")).to_be_hidden()

    # A horizontal container: its buttons side by side, pushed to the right.
    one = page.get_by_role("button", name="One").bounding_box()
    two = page.get_by_role("button", name="Two").bounding_box()
    main = page.locator(".sp-main").bounding_box()
    assert one is not None and two is not None and main is not None
    assert abs(one["y"] - two["y"]) < 2 and two["x"] > one["x"] + one["width"]
    assert two["x"] + two["width"] > main["x"] + main["width"] * 0.7

    # height="stretch" in a row: as tall as the row's tallest container.
    tall = page.locator(".st-key-tall").bounding_box()
    short = page.locator(".st-key-short").bounding_box()
    assert tall is not None and short is not None
    assert abs(tall["height"] - short["height"]) < 2 and tall["height"] > 100

    # In a row an input stretches and a button keeps its size, as in Streamlit.
    query = page.get_by_label("Query").bounding_box()
    search = page.get_by_role("button", name="Search").bounding_box()
    assert query is not None and search is not None
    assert search["width"] < 120 and query["width"] > main["width"] * 0.6
    # Right in a narrow column, a long popover label is cut to the column's width.
    column = page.locator(".sp-column").nth(1).bounding_box()
    label = page.locator(".sp-popover-button", has_text="A long popover").bounding_box()
    assert column is not None and label is not None
    assert label["x"] + label["width"] <= column["x"] + column["width"] + 1

    # st.bottom: pinned at the bottom of the window, its note above the chat input.
    note = page.locator(".sp-bottom").get_by_text("Pinned note")
    expect(note).to_be_in_viewport()
    chat = page.locator(".sp-bottom textarea")
    expect(chat).to_be_in_viewport()
    note_box, chat_box = note.bounding_box(), chat.bounding_box()
    assert note_box is not None and chat_box is not None
    assert note_box["y"] < chat_box["y"]
    assert chat_box["y"] + chat_box["height"] > 900 - 80
    page.screenshot(path=str(ARTIFACTS / "containers.png"))
    assert not page.console_errors  # type: ignore[attr-defined]
