"""st.dataframe interaction in a real browser: ButtonColumn clicks and markdown cell popups."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from conftest import ARTIFACTS, Server

APP = """
import streamlit as st, pandas as pd

df = pd.DataFrame({
    "name": ["Ann", "Bob", "Cy"],
    "act": ["Open", "Open", ["Edit", "Delete"]],
    "notes": ["**bold** note", "plain", "`code`"],
})

def clicked():
    click = st.session_state.k
    st.toast(f"toast {click.label} {click.row}")
    st.write(f"callback saw row {click.row} label {click.label}")

st.dataframe(df, column_config={
    "act": st.column_config.ButtonColumn("Action", key="k", on_click=clicked),
    "notes": st.column_config.MarkdownColumn("Notes"),
})
st.write(f"state is {st.session_state.k!r}")
"""


def test_a_button_cell_click_runs_the_callback_once(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    expect(page.get_by_text("state is None")).to_be_visible()
    page.get_by_role("button", name="Delete").click()
    expect(page.get_by_text("callback saw row 2 label Delete")).to_be_visible()
    expect(page.get_by_text("state is {'row': 2, 'label': 'Delete'}")).to_be_visible()
    expect(page.get_by_text("toast Delete 2")).to_be_visible()
    # Keyboard: focus the second "Open" button and press Enter.
    page.get_by_role("button", name="Open").nth(1).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("callback saw row 1 label Open")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dataframe_buttons.png"), full_page=True)
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_markdown_cell_opens_its_rendered_text(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    cell = page.get_by_role("button", name="**bold** note")
    expect(cell).to_be_visible()
    cell.click()
    popup = page.get_by_role("dialog", name="Cell content")
    expect(popup.locator("strong")).to_have_text("bold")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dataframe_markdown.png"), full_page=True)
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)
    assert page.console_errors == []  # type: ignore[attr-defined]


SELECT_APP = """
import streamlit as st, pandas as pd

df = pd.DataFrame({"a": [3, 1, 2], "b": ["x", "y", "z"]})
event = st.dataframe(df, key="d", on_select="rerun",
                     selection_mode=["multi-row", "multi-column", "single-cell"])
st.write(f"rows={event.selection.rows} columns={event.selection.columns} "
         f"cells={event.selection.cells}")
"""


def test_selecting_rows_columns_and_cells_reruns_with_the_selection(page: Page, serve: Any) -> None:
    server: Server = serve(SELECT_APP)
    page.goto(server.url)
    expect(page.get_by_text("rows=[] columns=[] cells=[]")).to_be_visible()
    # Sort by "a" (3, 1, 2): the first row shown is data row 1.
    page.get_by_role("button", name="Sort by a").click()
    first = page.get_by_role("checkbox", name="Select row 1")
    first.click()
    expect(page.get_by_text("rows=[1] columns=[] cells=[]")).to_be_visible()
    expect(first).to_be_checked()
    # Shift+click on the third row shown adds the range (data rows 1, 2, 0).
    page.get_by_role("checkbox", name="Select row 0").click(modifiers=["Shift"])
    expect(page.get_by_text("rows=[1, 2, 0] columns=[] cells=[]")).to_be_visible()
    # Keyboard: a header takes focus and Enter selects its column.
    page.locator(".sp-df-head[tabindex]", has_text="b").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("rows=[1, 2, 0] columns=['b'] cells=[]")).to_be_visible()
    page.locator(".sp-df-rows [role=gridcell][tabindex]", has_text="y").click()
    expect(page.get_by_text("rows=[1, 2, 0] columns=['b'] cells=[(1, 'b')]")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dataframe_selection.png"), full_page=True)
    page.get_by_role("button", name="Clear selection").click()
    expect(page.get_by_text("rows=[] columns=[] cells=[]")).to_be_visible()
    assert page.console_errors == []  # type: ignore[attr-defined]
