"""st.map and st.pydeck_chart in Chromium: deck.gl (its own chunk, loaded only for a map) draws
the points on a canvas; with no network the chart says its base map is offline; a click on a
point of a selectable chart reaches the script."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from conftest import ARTIFACTS, Server

pytest.importorskip("pydeck")

MAP = """
import pandas as pd
import streamlit as st

cities = pd.DataFrame({"lat": [48.85, 51.51, 52.52], "lon": [2.35, -0.13, 13.40]})
st.map(cities, size=60000, color="#ff0000", height=400)
"""

SELECT = """
import pandas as pd
import pydeck as pdk
import streamlit as st

df = pd.DataFrame({"name": ["centre"], "lat": [0.0], "lon": [0.0]})
layer = pdk.Layer("ScatterplotLayer", data=df, id="pts", get_position="[lon, lat]",
                  get_radius=40, radius_units="pixels", get_fill_color=[0, 0, 255])
deck = pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=0, longitude=0, zoom=3),
                tooltip={"text": "{name}"})
event = st.pydeck_chart(deck, on_select="rerun", key="sel", height=300)
st.write(f"indices {dict(event.selection.indices)}")
"""

PLAIN = """
import streamlit as st
st.write("no maps here")
"""


def _scripts(page: Page) -> list[str]:
    urls: list[str] = page.evaluate(
        "performance.getEntriesByType('resource').map((e) => e.name)"
        ".filter((n) => n.includes('/static/') && n.endsWith('.js'))"
    )
    return urls


def _red_pixels(page: Page) -> int:
    """How many of the chart's canvas pixels are (mostly) red."""
    count: int = page.evaluate(
        """() => {
          const canvas = document.querySelector('.sp-deck canvas');
          const copy = document.createElement('canvas');
          copy.width = canvas.width; copy.height = canvas.height;
          const ctx = copy.getContext('2d');
          ctx.drawImage(canvas, 0, 0);
          const px = ctx.getImageData(0, 0, copy.width, copy.height).data;
          let n = 0;
          for (let i = 0; i < px.length; i += 4)
            if (px[i] > 150 && px[i + 1] < 80 && px[i + 2] < 80 && px[i + 3] > 0) n++;
          return n;
        }"""
    )
    return count


def test_st_map_draws_its_points_and_says_the_base_map_is_offline(page: Page, serve: Any) -> None:
    server: Server = serve(MAP)
    page.goto(server.url)
    chart = page.locator(".sp-deck")
    expect(chart.locator("canvas").first).to_be_attached(timeout=30_000)
    expect(chart.get_by_role("note")).to_have_text(
        "Base map offline: layers are drawn without it.", timeout=15_000
    )
    page.wait_for_function(
        "() => { const c = document.querySelector('.sp-deck canvas'); return c && c.width > 0; }"
    )
    page.wait_for_timeout(500)
    assert _red_pixels(page) > 50
    assert any("deckRender" in url for url in _scripts(page))
    # Offline, maplibre (the base map's chunk) is never fetched.
    assert not any("deckBasemap" in url for url in _scripts(page))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "st_map.png"))


def test_a_click_on_a_point_reaches_the_script(page: Page, serve: Any) -> None:
    server: Server = serve(SELECT)
    page.goto(server.url)
    expect(page.get_by_text("indices {}")).to_be_visible(timeout=30_000)
    canvas = page.locator(".sp-deck canvas").first
    expect(canvas).to_be_attached()
    page.wait_for_timeout(1000)
    box = page.locator(".sp-deck").bounding_box()
    assert box is not None
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(*centre)
    page.mouse.click(*centre)
    expect(page.get_by_text("indices {'pts': [0]}")).to_be_visible(timeout=10_000)


def test_an_app_without_a_map_never_loads_deck_gl(page: Page, serve: Any) -> None:
    server: Server = serve(PLAIN)
    page.goto(server.url)
    expect(page.get_by_text("no maps here")).to_be_visible()
    assert not any("deck" in url.rsplit("/", 1)[-1].lower() for url in _scripts(page))


ONLINE = """
import pydeck as pdk
import streamlit as st

base = (st.context.url or "").split("?")[0].rstrip("/")
layer = pdk.Layer("ScatterplotLayer", data=[{"lon": 0, "lat": 0}], get_position="[lon, lat]",
                  get_radius=30, radius_units="pixels", get_fill_color=[255, 0, 0])
st.pydeck_chart(pdk.Deck(layers=[layer], map_style=f"{base}/app/static/style.json",
                         initial_view_state=pdk.ViewState(latitude=0, longitude=0, zoom=2)),
                height=300)
"""
# A base map that needs no network: one background layer, served by the app itself.
GREEN_STYLE = {
    "version": 8,
    "sources": {},
    "layers": [{"id": "bg", "type": "background", "paint": {"background-color": "#00ff00"}}],
}


def test_a_reachable_style_is_drawn_under_the_layers_by_maplibre(
    page: Page, serve: Any, tmp_path: Path
) -> None:
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "style.json").write_text(json.dumps(GREEN_STYLE))
    server: Server = serve(ONLINE, "--server.enableStaticServing=true")
    page.goto(server.url)
    chart = page.locator(".sp-deck")
    expect(chart).to_have_attribute("data-basemap", "online", timeout=30_000)
    expect(chart.get_by_role("note")).to_have_count(0)
    expect(chart.locator(".sp-deck-basemap canvas")).to_be_attached()
    shot = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    colours = {shot.getpixel((x, y)) for x in range(5, shot.width, 40) for y in range(5, 60, 20)}
    assert any(g > 200 and r < 60 and b < 60 for r, g, b in colours), colours
    # maplibre's worker and the style load under the page's CSP.
    errors: list[str] = page.console_errors  # type: ignore[attr-defined]
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_the_map_follows_the_dark_theme_and_resizes_with_the_page(page: Page, serve: Any) -> None:
    page.emulate_media(color_scheme="dark")
    server: Server = serve(MAP)
    page.goto(server.url)
    chart = page.locator(".sp-deck")
    expect(chart).to_have_attribute("data-basemap", "offline", timeout=30_000)
    host = chart.locator(".sp-deck-host")
    assert host.evaluate("(e) => getComputedStyle(e).backgroundColor") == "rgb(45, 43, 39)"
    canvas = chart.locator("canvas").first
    wide = canvas.evaluate("(c) => c.clientWidth")
    page.set_viewport_size({"width": 700, "height": 900})
    page.wait_for_function(f"() => document.querySelector('.sp-deck canvas').clientWidth < {wide}")
    narrow = canvas.evaluate("(c) => c.clientWidth")
    box = chart.bounding_box()
    assert box is not None and abs(narrow - box["width"]) <= 1
    page.emulate_media(color_scheme="light")
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.sp-deck-host')).backgroundColor"
        " === 'rgb(248, 248, 247)'"
    )
