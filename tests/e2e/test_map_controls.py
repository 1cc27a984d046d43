"""The zoom buttons over st.map and st.pydeck_chart, as Streamlit 1.67 draws them ("+" and "-", no
compass, over the chart's top right): a press on + moves deck.gl's camera one level in (the
drawn points twice as far apart), "-" one level out. Offline, with the base map out of reach,
they work all the same; they are buttons a keyboard reaches; the dark theme colours them."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect
from streamlit_167 import streamlit_server

pytest.importorskip("pydeck")


# Two red points either side of the camera's centre, 0.02° of longitude apart: about 58 pixels
# at zoom 12, 116 at 13.
TWO_POINTS = """
import pydeck as pdk
import streamlit as st

points = [{"lon": -0.01, "lat": 0.0}, {"lon": 0.01, "lat": 0.0}]
layer = pdk.Layer("ScatterplotLayer", data=points, get_position="[lon, lat]", get_radius=150,
                  radius_min_pixels=3, get_fill_color=[255, 0, 0])
st.pydeck_chart(pdk.Deck(layers=[layer],
                         initial_view_state=pdk.ViewState(latitude=0, longitude=0, zoom=12)),
                height=400)
"""

NO_BASE_MAP = """
import pydeck as pdk
import streamlit as st

layer = pdk.Layer("ScatterplotLayer", data=[{"lon": 0, "lat": 0}], get_position="[lon, lat]",
                  get_radius=150, get_fill_color=[255, 0, 0])
st.pydeck_chart(pdk.Deck(layers=[layer], map_provider=None,
                         initial_view_state=pdk.ViewState(latitude=0, longitude=0, zoom=12)),
                height=300)
"""


def _spread(chart: Locator) -> float:
    """The distance in pixels between the centres of the red points left and right of the middle."""
    shot = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    middle = shot.width / 2
    left: list[int] = []
    right: list[int] = []
    for y in range(0, shot.height, 2):
        for x in range(0, shot.width, 2):
            r, g, b = shot.getpixel((x, y))
            if r > 200 and g < 80 and b < 80:
                (left if x < middle else right).append(x)
    assert left and right, "both points drawn"
    return sum(right) / len(right) - sum(left) / len(left)


def _settled_spread(page: Page, chart: Locator) -> float:
    page.wait_for_timeout(700)
    return _spread(chart)


def _press(page: Page, chart: Locator, button: Locator, expected: float) -> float:
    before = _settled_spread(page, chart)
    button.click()
    spread = _settled_spread(page, chart)
    assert spread == pytest.approx(before * expected, rel=0.15), (before, spread)
    return spread


def test_plus_zooms_in_and_minus_out_offline(page: Page, serve: Any) -> None:
    page.goto(serve(TWO_POINTS).url)
    chart = page.locator(".sp-deck")
    expect(chart).to_have_attribute("data-basemap", "offline", timeout=30_000)
    host = chart.locator(".sp-deck-host")
    expect(host).to_have_attribute("data-zoom", "12")
    zoom_in = chart.get_by_role("button", name="Zoom In")
    zoom_out = chart.get_by_role("button", name="Zoom Out")
    _press(page, chart, zoom_in, 2.0)
    expect(host).to_have_attribute("data-zoom", "13")
    _press(page, chart, zoom_out, 0.5)
    _press(page, chart, zoom_out, 0.5)
    expect(host).to_have_attribute("data-zoom", "11")
    # The offline note (bottom left) stays uncovered.
    note = chart.get_by_role("note").bounding_box()
    group = chart.locator(".sp-deck-zoom").bounding_box()
    assert note is not None and group is not None
    assert group["y"] + group["height"] < note["y"]


def test_the_keyboard_reaches_and_presses_them(page: Page, serve: Any) -> None:
    page.goto(serve(TWO_POINTS).url)
    chart = page.locator(".sp-deck")
    host = chart.locator(".sp-deck-host")
    expect(host).to_have_attribute("data-zoom", "12", timeout=30_000)
    zoom_in = chart.get_by_role("button", name="Zoom In")
    zoom_in.focus()
    page.keyboard.press("Enter")
    expect(host).to_have_attribute("data-zoom", "13")
    page.keyboard.press("Tab")
    expect(chart.get_by_role("button", name="Zoom Out")).to_be_focused()
    page.keyboard.press("Space")
    expect(host).to_have_attribute("data-zoom", "12")


def test_the_dark_theme_colours_them(page: Page, serve: Any) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(serve(TWO_POINTS).url)
    button = page.get_by_role("button", name="Zoom In")
    expect(button).to_be_visible(timeout=30_000)
    # As Streamlit 1.67's: the page's background, its symbols in the page's text colour.
    page_colours = page.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('.sp-deck'));"
        " const probe = (v) => { const e = document.createElement('span');"
        " e.style.color = `var(${v})`; document.body.append(e);"
        " const c = getComputedStyle(e).color; e.remove(); return c; };"
        " return [probe('--sp-bg'), s.color]; }"
    )
    background = button.evaluate("(e) => getComputedStyle(e).backgroundColor")
    colour = button.evaluate("(e) => getComputedStyle(e).color")
    assert [background, colour] == page_colours

    def brightness(css: str) -> float:
        r, g, b = (float(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
        return (r + g + b) / 3

    assert brightness(background) < 60 < 180 < brightness(colour), (background, colour)


def test_a_chart_without_a_base_map_has_none(page: Page, serve: Any) -> None:
    page.goto(serve(NO_BASE_MAP).url)
    chart = page.locator(".sp-deck")
    expect(chart).to_have_attribute("data-basemap", "none", timeout=30_000)
    expect(chart.locator("canvas").first).to_be_attached()
    expect(chart.get_by_role("button", name="Zoom In")).to_have_count(0)


SELECTABLE = """
import pydeck as pdk
import streamlit as st

layer = pdk.Layer("ScatterplotLayer", data=[{"lon": 0, "lat": 0}], id="pts",
                  get_position="[lon, lat]", get_radius=2000, get_fill_color=[255, 0, 0])
st.pydeck_chart(pdk.Deck(layers=[layer],
                         initial_view_state=pdk.ViewState(latitude=0, longitude=0, zoom=8)),
                on_select="rerun", key="sel", height=300)
"""


def test_clear_selection_sits_beside_them(page: Page, serve: Any) -> None:
    page.goto(serve(SELECTABLE).url)
    chart = page.locator(".sp-deck")
    expect(chart.get_by_role("button", name="Zoom In")).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1000)
    box = chart.bounding_box()
    assert box is not None
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    # A hover first: deck.gl picks on the pointer's last position (as tests/e2e/test_maps.py).
    page.mouse.move(*centre)
    page.mouse.click(*centre)
    clear = chart.get_by_role("button", name="Clear selection")
    expect(clear).to_be_visible(timeout=10_000)
    group = chart.locator(".sp-deck-zoom").bounding_box()
    button = clear.bounding_box()
    assert group is not None and button is not None
    assert button["x"] + button["width"] <= group["x"], (button, group)


@pytest.fixture
def streamlit_167(tmp_path: Path) -> Iterator[str]:
    """Streamlit 1.67's server running TWO_POINTS; its URL."""
    script = tmp_path / "st_app.py"
    script.write_text(TWO_POINTS)
    with streamlit_server(script) as url:
        yield url


def test_the_same_zooms_and_place_as_streamlit_1_67(
    page: Page, serve: Any, streamlit_167: str
) -> None:
    def measure(url: str, chart_selector: str) -> tuple[list[float], dict[str, float]]:
        page.goto(url)
        chart = page.locator(chart_selector).first
        zoom_in = chart.get_by_role("button", name="Zoom In")
        expect(zoom_in).to_be_visible(timeout=60_000)
        spreads = [_settled_spread(page, chart)]
        zoom_in.click()
        spreads.append(_settled_spread(page, chart))
        chart.get_by_role("button", name="Zoom Out").click()
        spreads.append(_settled_spread(page, chart))
        box = chart.bounding_box()
        button = zoom_in.bounding_box()
        assert box is not None and button is not None
        place = {
            "right": box["x"] + box["width"] - (button["x"] + button["width"]),
            "top": button["y"] - box["y"],
            "size": button["width"],
        }
        return spreads, place

    theirs, their_place = measure(streamlit_167, "[data-testid=stDeckGlJsonChart]")
    ours, our_place = measure(serve(TWO_POINTS).url, ".sp-deck")
    for a, b in zip(ours, theirs, strict=True):
        assert a == pytest.approx(b, rel=0.1), (ours, theirs)
    for key in their_place:
        assert our_place[key] == pytest.approx(their_place[key], abs=3), (our_place, their_place)
