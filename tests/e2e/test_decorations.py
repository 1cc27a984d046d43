"""Decorations in a real browser: balloons and snow over the page (still, for reduced motion),
badges, st.space in a column and in a row, and skeletons (a `with` block's only after 0.5 s)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, Page, expect

from conftest import Server

APP = """
import time
import streamlit as st
if st.button("Celebrate"):
    st.balloons()
st.snow()
st.badge("Done", icon=":material/check:", color="green")
st.markdown("Inline :violet-badge[New] badge")
st.space("medium")
with st.container(horizontal=True, key="row"):
    st.button("Left")
    st.space("stretch")
    st.button("Right")
st.skeleton(height=120, width=300)
if st.button("Load"):
    with st.skeleton(height=60):
        time.sleep(1.5)
    st.write("Loaded")
"""


def test_balloons_replay_in_each_run_that_calls_them(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    flakes = page.locator(".sp-snow .sp-particle")
    expect(flakes).to_have_count(100)
    assert flakes.first.evaluate("e => getComputedStyle(e).position") == "fixed"
    assert flakes.first.evaluate("e => getComputedStyle(e).animationName") == "sp-flake-fall"
    expect(page.locator(".sp-balloons")).to_have_count(0)
    page.get_by_role("button", name="Celebrate").click()
    balloons = page.locator(".sp-balloons .sp-particle")
    expect(balloons).to_have_count(30)
    assert balloons.first.evaluate("e => getComputedStyle(e).animationName") == "sp-balloon-rise"
    # The snow, called again by this run, was replaced so that it falls again.
    run = page.locator(".sp-snow").get_attribute("data-run")
    page.get_by_role("button", name="Left").click()
    expect(page.locator(".sp-snow")).not_to_have_attribute("data-run", run or "")
    expect(page.locator(".sp-balloons")).to_have_count(0)
    # The element takes no room where it was called.
    assert page.locator(".sp-snow-node").evaluate("e => e.getBoundingClientRect().height") == 0
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_reduced_motion_shows_still_particles_that_fade(browser: Browser, serve: Any) -> None:
    server: Server = serve(APP)
    context = browser.new_context(reduced_motion="reduce", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(server.url)
        flake = page.locator(".sp-snow .sp-particle").first
        expect(flake).to_be_attached()
        style = flake.evaluate(
            "e => { const s = getComputedStyle(e); return [s.animationName, s.transform] }"
        )
        assert style == ["sp-particle-fade", "none"]
    finally:
        context.close()


def test_badges_space_and_skeletons(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    badge = page.locator(".sp-badge").first
    expect(badge).to_contain_text("Done")
    expect(badge.locator(".sp-material-icon")).to_have_text("check")
    colors = badge.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]")
    assert colors[0] not in ("rgba(0, 0, 0, 0)", "transparent") and colors[0] != colors[1]
    expect(page.locator(".sp-markdown .sp-badge.sp-bg-violet")).to_have_text("New")

    # "medium" is 2.5rem in a column of elements.
    space = page.locator(".sp-space-node > .sp-space").first
    assert space.evaluate("e => e.getBoundingClientRect().height") == 40
    # "stretch" in a row pushes the next button to the row's end.
    row = page.locator(".sp-horizontal").first
    right = row.get_by_role("button", name="Right")
    expect(right).to_be_visible()
    row_box, right_box = row.bounding_box(), right.bounding_box()
    assert row_box is not None and right_box is not None
    assert abs(row_box["x"] + row_box["width"] - (right_box["x"] + right_box["width"])) < 2

    skeleton = page.locator(".sp-skeleton").first
    box = skeleton.bounding_box()
    assert box is not None and (box["width"], box["height"]) == (300, 120)


def test_a_skeleton_block_shows_after_half_a_second_then_clears(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    page.get_by_role("button", name="Load").click()
    delayed = page.locator(".sp-skeleton-delayed")
    expect(delayed).to_be_attached()
    assert delayed.evaluate("e => getComputedStyle(e).opacity") == "0"
    expect(delayed).to_have_css("opacity", "1", timeout=1500)
    expect(page.get_by_text("Loaded")).to_be_visible(timeout=5000)
    expect(delayed).to_have_count(0)


def test_balloons_from_the_sidebar_fly_over_the_whole_page(page: Page, serve: Any) -> None:
    server: Server = serve("import streamlit as st\nst.sidebar.balloons()\nst.write('main')\n")
    page.goto(server.url)
    balloons = page.locator(".sp-balloons .sp-particle")
    expect(balloons).to_have_count(30)
    # Drawn in a layer of the page, not inside the sidebar that called them.
    expect(page.locator(".sp-sidebar .sp-particle")).to_have_count(0)
    lefts = balloons.evaluate_all("els => els.map(e => e.getBoundingClientRect().left)")
    assert max(lefts) > 1280 / 2
    assert page.console_errors == []  # type: ignore[attr-defined]
