"""Date and time pickers in a real browser: calendar and time list driven by the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from conftest import ARTIFACTS, Server

DASH = " \N{EN DASH} "  # between a range's dates

PICKERS = """
import datetime as dt
import sidepane as st

day = st.date_input("Day", dt.date(2024, 3, 5), format="DD/MM/YYYY")
st.write(f"day is {day.isoformat()}")
at = st.time_input("At", dt.time(9, 30))
st.write(f"time is {at}")
trip = st.date_input("Trip", (dt.date(2024, 3, 5), dt.date(2024, 3, 8)), format="YYYY.MM.DD")
st.write("trip is " + " to ".join(d.isoformat() for d in trip))
"""


def shot(page: Page, name: str, *around: Locator) -> None:
    """A screenshot of the boxes of `around` (a field and its popup), with a margin."""
    ARTIFACTS.mkdir(exist_ok=True)
    boxes = [b for b in (loc.bounding_box() for loc in around) if b]
    x0 = max(0, min(b["x"] for b in boxes) - 16)
    y0 = max(0, min(b["y"] for b in boxes) - 40)
    x1 = max(b["x"] + b["width"] for b in boxes) + 16
    y1 = max(b["y"] + b["height"] for b in boxes) + 16
    clip = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), clip=clip)  # type: ignore[arg-type]


def visible_on_top(page: Page, target: Locator) -> bool:
    """Is the middle of `target` the topmost thing there (not clipped or covered)?"""
    return bool(
        target.evaluate(
            "el => { const r = el.getBoundingClientRect();"
            " const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
            " return r.width > 0 && (hit === el || el.contains(hit)); }"
        )
    )


@pytest.fixture
def dark_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    pg = context.new_page()
    yield pg
    context.close()


def test_picker_date_with_the_keyboard_in_a_day_first_format(page: Page, serve: Any) -> None:
    server: Server = serve(PICKERS)
    page.goto(server.url)
    expect(page.get_by_text("day is 2024-03-05")).to_be_visible()
    field = page.get_by_role("combobox", name="Day")
    expect(field).to_have_value("05/03/2024")
    field.focus()
    page.keyboard.press("Alt+ArrowDown")
    calendar = page.get_by_role("dialog", name="Choose date")
    expect(calendar).to_be_visible()
    expect(calendar.get_by_role("grid")).to_be_visible()
    expect(calendar.get_by_role("gridcell", name="Tuesday, March 5, 2024")).to_be_focused()
    shot(page, "date_input_calendar_light", field, calendar)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("PageDown")
    page.keyboard.press("Enter")
    expect(page.get_by_text("day is 2024-04-13")).to_be_visible()
    expect(calendar).to_be_hidden()
    expect(field).to_be_focused()
    expect(field).to_have_value("13/04/2024")
    # Typed in the script's format; a wrong date shows an error and changes nothing.
    field.fill("31/02/2024")
    field.press("Enter")
    expect(page.get_by_role("alert")).to_have_text("Enter a date as DD/MM/YYYY.")
    expect(page.get_by_text("day is 2024-04-13")).to_be_visible()
    field.fill("01/06/2024")
    field.press("Enter")
    expect(page.get_by_text("day is 2024-06-01")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_picker_time_typed_and_chosen_from_the_list(page: Page, serve: Any) -> None:
    server: Server = serve(PICKERS)
    page.goto(server.url)
    expect(page.get_by_text("time is 09:30:00")).to_be_visible()
    field = page.get_by_role("combobox", name="At")
    field.click()
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    active = page.locator(f"#{field.get_attribute('aria-activedescendant')}")
    expect(active).to_have_text("09:30")
    assert visible_on_top(page, active)
    shot(page, "time_input_list_light", field, listbox)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.get_by_text("time is 09:45:00")).to_be_visible()
    expect(listbox).to_be_hidden()
    field.fill("14:20")
    expect(page.get_by_role("option", name="14:20")).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.get_by_text("time is 14:20:00")).to_be_visible()
    expect(field).to_have_value("14:20")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_picker_date_range_start_then_end(page: Page, serve: Any) -> None:
    server: Server = serve(PICKERS)
    page.goto(server.url)
    expect(page.get_by_text("trip is 2024-03-05 to 2024-03-08")).to_be_visible()
    field = page.get_by_role("combobox", name="Trip")
    expect(field).to_have_value(f"2024.03.05{DASH}2024.03.08")
    field.focus()
    page.keyboard.press("Enter")
    calendar = page.get_by_role("dialog", name="Choose dates")
    expect(calendar.get_by_role("gridcell", name="Friday, March 8, 2024")).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")  # a new start: the app sees a one-date range
    expect(page.get_by_text("trip is 2024-03-09", exact=True)).to_be_visible()
    expect(calendar).to_be_visible()
    expect(field).to_have_value(f"2024.03.09{DASH}")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.get_by_text("trip is 2024-03-09 to 2024-03-16")).to_be_visible()
    expect(calendar).to_be_hidden()
    expect(field).to_have_value(f"2024.03.09{DASH}2024.03.16")
    # A mouse pick of an end before the start makes it the start.
    field.click()
    calendar.get_by_role("gridcell", name="Monday, March 11, 2024").click()
    expect(page.get_by_text("trip is 2024-03-11", exact=True)).to_be_visible()
    calendar.get_by_role("gridcell", name="Sunday, March 3, 2024").click()
    expect(page.get_by_text("trip is 2024-03-03 to 2024-03-11")).to_be_visible()
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_picker_popups_are_not_clipped_and_close_outside(page: Page, serve: Any) -> None:
    server: Server = serve(
        """
        import datetime as dt
        import sidepane as st
        with st.sidebar:
            side = st.date_input("Side", dt.date(2024, 3, 5))
        with st.expander("More", expanded=True):
            c1, c2 = st.columns(2)
            t = c2.time_input("Inside", dt.time(12, 0))
        st.write(f"side {side} inside {t}")
        """
    )
    page.goto(server.url)
    expect(page.get_by_text("side 2024-03-05 inside 12:00:00")).to_be_visible()
    page.get_by_role("combobox", name="Side", exact=True).click()
    calendar = page.get_by_role("dialog")
    expect(calendar).to_be_visible()
    # The calendar is wider than the sidebar's field: its far days must still be on top.
    last = calendar.get_by_role("gridcell", name="Saturday, March 30, 2024")
    assert visible_on_top(page, last)
    last.click()
    expect(page.get_by_text("side 2024-03-30 inside 12:00:00")).to_be_visible()
    page.get_by_role("combobox", name="Inside").click()
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    option = page.get_by_role("option", name="13:00")
    option.scroll_into_view_if_needed()
    assert visible_on_top(page, option)
    option.click()
    expect(page.get_by_text("side 2024-03-30 inside 13:00:00")).to_be_visible()
    page.get_by_role("combobox", name="Side", exact=True).click()
    expect(calendar).to_be_visible()
    page.mouse.click(900, 850)
    expect(calendar).to_be_hidden()


def test_picker_in_a_form_waits_for_submit(page: Page, serve: Any) -> None:
    server: Server = serve(
        """
        import datetime as dt
        import sidepane as st
        with st.form("f"):
            d = st.date_input("Due", dt.date(2024, 3, 5))
            t = st.time_input("Hour", dt.time(8, 0), step=3600)
            st.form_submit_button("Save")
        st.write(f"saved {d} {t}")
        """
    )
    page.goto(server.url)
    expect(page.get_by_text("saved 2024-03-05 08:00:00")).to_be_visible()
    page.get_by_role("combobox", name="Due").focus()
    page.keyboard.press("Alt+ArrowDown")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Enter")
    page.get_by_role("combobox", name="Hour").fill("10")
    page.keyboard.press("Enter")
    expect(page.get_by_role("combobox", name="Due")).to_have_value("2024/03/04")
    page.wait_for_timeout(300)
    expect(page.get_by_text("saved 2024-03-05 08:00:00")).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("saved 2024-03-04 10:00:00")).to_be_visible()


def test_picker_screenshots_dark(dark_page: Page, serve: Any) -> None:
    page = dark_page
    server: Server = serve(PICKERS)
    page.goto(server.url)
    expect(page.get_by_text("day is 2024-03-05")).to_be_visible()
    field = page.get_by_role("combobox", name="Day")
    field.focus()
    page.keyboard.press("Alt+ArrowDown")
    calendar = page.get_by_role("dialog")
    expect(calendar).to_be_visible()
    shot(page, "date_input_calendar_dark", field, calendar)
    page.keyboard.press("Escape")
    expect(calendar).to_be_hidden()
    trip = page.get_by_role("combobox", name="Trip")
    trip.click()
    expect(calendar).to_be_visible()
    calendar.get_by_role("gridcell", name="Monday, March 11, 2024").hover()
    shot(page, "date_range_calendar_dark", trip, calendar)
    page.keyboard.press("Escape")
    time_field = page.get_by_role("combobox", name="At")
    time_field.click()
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    shot(page, "time_input_list_dark", time_field, listbox)
