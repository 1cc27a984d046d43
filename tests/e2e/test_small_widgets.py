"""st.link_button, st.menu_button, st.pagination and st.datetime_input in a real browser."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from conftest import ARTIFACTS, Server

APP = """
import datetime as dt
import streamlit as st

st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.write(f"runs {st.session_state.runs}")
st.link_button("Health", "/healthz", icon=":material/open_in_new:")
clicked = st.link_button("Health and rerun", "/healthz", on_click="rerun", type="primary")
st.write(f"link clicked {clicked}")
choice = st.menu_button("Export", ["CSV", "JSON", "PDF"], key="export")
st.write(f"menu chose {choice}")
page = st.pagination(20, key="page")
st.write(f"page is {page}")
when = st.datetime_input("When", dt.datetime(2025, 11, 19, 16, 45), format="DD/MM/YYYY")
st.write(f"when is {when.isoformat()}")
"""


def test_link_buttons_open_a_new_tab_and_one_reruns(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    expect(page.get_by_text("runs 1", exact=True)).to_be_visible()
    link = page.get_by_role("link", name="Health", exact=True)
    expect(link).to_have_attribute("target", "_blank")
    with page.context.expect_page() as opened:
        link.click()
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url == f"{server.url}/healthz"
    tab.close()
    # A link that only links does not rerun the app.
    expect(page.get_by_text("runs 1", exact=True)).to_be_visible()
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Health and rerun").click()
    opened.value.close()
    expect(page.get_by_text("link clicked True")).to_be_visible()
    expect(page.get_by_text("runs 2", exact=True)).to_be_visible()


def test_menu_button_chooses_an_option_for_one_run(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    expect(page.get_by_text("menu chose None")).to_be_visible()
    button = page.get_by_role("button", name="Export")
    button.click()
    menu = page.get_by_role("menu", name="Export")
    expect(menu).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "menu_button_open.png"))
    expect(menu.get_by_role("menuitem", name="CSV")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.get_by_text("menu chose JSON")).to_be_visible()
    expect(menu).to_be_hidden()
    expect(button).to_be_focused()
    # The choice lasts one run: any other rerun returns None.
    page.get_by_role("button", name="Page 2", exact=True).click()
    expect(page.get_by_text("page is 2")).to_be_visible()
    expect(page.get_by_text("menu chose None")).to_be_visible()
    # Escape closes without choosing: no rerun.
    button.click()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(page.get_by_text("menu chose None")).to_be_visible()


def test_pagination_pages_and_arrows(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    nav = page.get_by_role("navigation", name="Pagination")
    expect(nav.get_by_role("button", name="Page 1", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    expect(nav.get_by_role("button", name="Previous page")).to_be_disabled()
    nav.get_by_role("button", name="Page 20").click()
    expect(page.get_by_text("page is 20")).to_be_visible()
    expect(nav.get_by_role("button", name="Next page")).to_be_disabled()
    nav.get_by_role("button", name="Previous page").click()
    expect(page.get_by_text("page is 19")).to_be_visible()
    # Around page 19 the window shows 15..20 and the first page, with a gap between.
    expect(nav.get_by_role("button", name="Page 15", exact=True)).to_be_visible()
    expect(nav.get_by_role("button", name="Page 2", exact=True)).to_have_count(0)
    ARTIFACTS.mkdir(exist_ok=True)
    nav.screenshot(path=str(ARTIFACTS / "pagination.png"))


def test_datetime_input_sets_the_date_and_the_time(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    expect(page.get_by_text("when is 2025-11-19T16:45:00")).to_be_visible()
    day = page.get_by_role("combobox", name="When", exact=True)
    expect(day).to_have_value("19/11/2025")
    day.fill("20/11/2025")
    day.press("Enter")
    expect(page.get_by_text("when is 2025-11-20T16:45:00")).to_be_visible()
    time = page.get_by_role("combobox", name="When, time")
    expect(time).to_have_value("16:45")
    time.click()
    page.get_by_role("option", name="17:00").click()
    expect(page.get_by_text("when is 2025-11-20T17:00:00")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".sp-datetime-input").screenshot(path=str(ARTIFACTS / "datetime_input.png"))


def test_pagination_numbers_fewer_pages_in_a_narrow_column(page: Page, serve: Any) -> None:
    server: Server = serve(
        """
        import streamlit as st
        left, right = st.columns(2)
        with left:
            page = st.pagination(50, default=25, key="narrow")
        right.write(f"narrow page {page}")
        st.pagination(50, default=25, key="wide")
        """
    )
    page.goto(server.url)
    expect(page.get_by_text("narrow page 25")).to_be_visible()
    narrow, wide = page.get_by_role("navigation", name="Pagination").all()
    # Seven numbered pages in the full row; fewer in half of it, on one line.
    expect(wide.locator(".sp-page:not(.sp-page-arrow)")).to_have_count(7)
    numbered = narrow.locator(".sp-page:not(.sp-page-arrow)")
    expect(numbered.first).to_have_text("1")
    expect(numbered.last).to_have_text("50")
    assert 3 <= numbered.count() < 7
    arrow = narrow.get_by_role("button", name="Next page").bounding_box()
    box = narrow.bounding_box()
    assert arrow is not None and box is not None
    assert box["height"] < 2 * arrow["height"], "the pages wrapped onto a second line"
    narrow.get_by_role("button", name="Next page").click()
    expect(page.get_by_text("narrow page 26")).to_be_visible()
