"""st.data_editor in a real browser: edit a number cell, toggle a checkbox, add and delete rows."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from conftest import ARTIFACTS, Server

APP = """
import streamlit as st, pandas as pd

df = pd.DataFrame({"name": ["Ann", "Bob", "Cy"], "score": [1, 2, 3], "ok": [True, False, True]})
out = st.data_editor(
    df,
    key="ed",
    num_rows="dynamic",
    column_config={"score": st.column_config.NumberColumn(min_value=0, max_value=100,
                                                          default=7)},
)
st.write(f"frame={out.to_dict('list')}")
"""


def test_edit_toggle_add_and_delete(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    expect(
        page.get_by_text("frame={'name': ['Ann', 'Bob', 'Cy'], 'score': [1, 2, 3]", exact=False)
    ).to_be_visible()
    grid = page.get_by_role("grid")

    # A number cell: double-click, type, Enter → one rerun with the edited frame.
    grid.locator('[data-row="1"][data-col="1"]').dblclick()
    editor = page.get_by_role("spinbutton", name="Edit score, row 2")
    editor.fill("500")
    editor.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("The maximum is 100")
    editor.fill("42")
    editor.press("Enter")
    expect(page.get_by_text("'score': [1, 42, 3]", exact=False)).to_be_visible()

    # A checkbox cell toggles on click.
    grid.locator('[data-row="0"][data-col="2"]').click()
    expect(page.get_by_text("'ok': [False, False, True]", exact=False)).to_be_visible()

    # Add a row: it gets the column default.
    page.get_by_role("button", name="+ Add row").click()
    expect(page.get_by_text("'score': [1, 42, 3, 7]", exact=False)).to_be_visible()

    # Delete a row: its checkbox, then the delete button.
    page.get_by_role("checkbox", name="Select row 1 for deletion").check()
    page.get_by_role("button", name="Delete 1 row").click()
    expect(page.get_by_text("'name': ['Bob', 'Cy', nan]", exact=False)).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "data_editor.png"), full_page=True)
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_keyboard_typing_starts_editing_and_escape_cancels(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    cell = page.get_by_role("grid").locator('[data-row="2"][data-col="0"]')
    expect(cell).to_have_text("Cy")
    cell.focus()
    page.keyboard.type("Z")
    editor = page.get_by_role("textbox", name="Edit name, row 3")
    expect(editor).to_have_value("Z")
    page.keyboard.press("Escape")
    expect(editor).to_have_count(0)
    cell.focus()
    page.keyboard.press("Enter")
    editor = page.get_by_role("textbox", name="Edit name, row 3")
    expect(editor).to_have_value("Cy")
    editor.fill("Dee")
    page.keyboard.press("Tab")
    expect(page.get_by_text("'name': ['Ann', 'Bob', 'Dee']", exact=False)).to_be_visible()
    assert page.console_errors == []  # type: ignore[attr-defined]
