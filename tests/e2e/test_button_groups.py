"""st.pills, st.segmented_control and st.feedback in a real browser: a click (or a key) reaches the
script, which draws what it got."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

GROUPS = """
import streamlit as st

size = st.pills("Size", ["S", "M", "L"], default="S")
st.write(f"size is {size!r}")
days = st.segmented_control(
    "Days", ["Mon", "Tue", "Wed"], selection_mode="multi", format_func=lambda d: f"🗓 {d}"
)
st.write(f"days are {days!r}")
tool = st.segmented_control(
    "Tool", ["add", "remove"], format_func=lambda o: f":material/{o}: {o.title()}",
    required=True, key="tool",
)
st.write(f"tool is {tool!r}")
rating = st.feedback("stars")
st.write(f"rating is {rating!r}")
thumbs = st.feedback("thumbs")
st.write(f"thumbs is {thumbs!r}")
"""


def test_clicks_reach_the_script(page: Page, serve: Any) -> None:
    server = serve(GROUPS)
    page.goto(server.url)
    expect(page.get_by_text("size is 'S'")).to_be_visible()
    size = page.get_by_role("group", name="Size")
    expect(size.get_by_role("button", name="S", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    size.get_by_role("button", name="M").click()
    expect(page.get_by_text("size is 'M'")).to_be_visible()
    expect(size.get_by_role("button", name="M")).to_have_attribute("aria-pressed", "true")
    expect(size.get_by_role("button", name="S", exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )
    size.get_by_role("button", name="M").click()  # a second click clears it
    expect(page.get_by_text("size is None")).to_be_visible()

    days = page.get_by_role("group", name="Days")
    days.get_by_role("button", name="Wed").click()
    expect(page.get_by_text("days are ['Wed']")).to_be_visible()
    days.get_by_role("button", name="Mon").click()
    expect(page.get_by_text("days are ['Wed', 'Mon']")).to_be_visible()
    # The emoji is drawn as the option's icon, beside its label.
    expect(days.locator(".sp-emoji").first).to_have_text("🗓")

    tool = page.get_by_role("group", name="Tool")
    tool.get_by_role("button", name="Remove").click()
    expect(page.get_by_text("tool is 'remove'")).to_be_visible()
    tool.get_by_role("button", name="Remove").click()  # required: stays selected
    expect(tool.get_by_role("button", name="Remove")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_text("tool is 'remove'")).to_be_visible()

    page.get_by_role("button", name="4 stars").click()
    expect(page.get_by_text("rating is 3")).to_be_visible()
    page.get_by_role("button", name="Thumbs down").click()
    expect(page.get_by_text("thumbs is 0")).to_be_visible()
    page.get_by_role("button", name="Thumbs down").click()
    expect(page.get_by_text("thumbs is None")).to_be_visible()


def test_keyboard_and_star_hover(page: Page, serve: Any) -> None:
    page.goto(serve(GROUPS).url)
    expect(page.get_by_text("size is 'S'")).to_be_visible()
    size = page.get_by_role("group", name="Size")
    size.get_by_role("button", name="S", exact=True).focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(size.get_by_role("button", name="L")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("size is 'L'")).to_be_visible()
    page.keyboard.press("Home")
    page.keyboard.press("Space")
    expect(page.get_by_text("size is 'S'")).to_be_visible()

    stars = page.locator(".sp-feedback-stars button")
    stars.nth(2).hover()
    lit = page.locator(".sp-feedback-stars button.sp-lit")
    expect(lit).to_have_count(3)
    page.mouse.move(0, 0)
    expect(lit).to_have_count(0)


ROWS = """
import streamlit as st

many = [f"Option {i}" for i in range(8)]
left, right = st.columns(2)
with left:
    st.pills("In a column", many, key="col")
with right:
    with st.container():
        st.pills("Nested, wrapping", many, key="nested")
st.pills("Wrapping", many, key="body", width=300)
"""


def _rows(page: Page, label: str) -> int:
    """How many rows the group's buttons take."""
    tops = (
        page.get_by_role("group", name=label, exact=True)
        .locator("button")
        .evaluate_all("buttons => buttons.map(b => Math.round(b.getBoundingClientRect().top))")
    )
    return len(set(tops))


def test_a_group_directly_in_a_column_keeps_one_row(page: Page, serve: Any) -> None:
    page.set_viewport_size({"width": 900, "height": 700})
    page.goto(serve(ROWS).url)
    expect(page.get_by_role("group", name="Wrapping", exact=True)).to_be_visible()
    assert _rows(page, "In a column") == 1  # it scrolls sideways, as Streamlit's
    assert _rows(page, "Nested, wrapping") > 1
    assert _rows(page, "Wrapping") > 1
