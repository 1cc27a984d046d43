"""Issue 18's charts and documents in the VS Code panel, under a dark VS Code theme: one app
draws st.map (its base map offline: the note), st.pydeck_chart (its base map online: maplibre
and its worker), st.graphviz_chart (WebAssembly), st.mermaid_chart, st.echarts_chart, st.pdf
(pdf.js and its worker), st.iframe and st.html with its scripts allowed. Each must be drawn
(pixels on its canvas, nodes in its SVG, text in its frame), dark where the theme is dark, with
no error in the panel (a worker or fetch the panel's CSP refused would show there)."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Locator, Position, Route
from vscode_harness import PREVIEW, OpenWorkbench

pytestmark = pytest.mark.timeout(240, func_only=True)

# A base map the test serves (through the browser's routing): a green background under a yellow
# GeoJSON square, which maplibre can only draw once its worker has cut the GeoJSON into tiles.
ONLINE_STYLE_URL = "https://basemaps.cartocdn.com/gl/sidepane-e2e/style.json"
ONLINE_STYLE = {
    "version": 8,
    "sources": {
        "square": {
            "type": "geojson",
            "data": {
                "type": "Polygon",
                "coordinates": [[[-60, -30], [60, -30], [60, 30], [-60, 30], [-60, -30]]],
            },
        }
    },
    "layers": [
        {"id": "bg", "type": "background", "paint": {"background-color": "#00ff00"}},
        {"id": "square", "type": "fill", "source": "square", "paint": {"fill-color": "#ffff00"}},
    ],
}

APP = f"""
import io

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pydeck as pdk
import streamlit as st

st.write("charts ready")
cities = pd.DataFrame({{"lat": [48.85, 51.51, 52.52], "lon": [2.35, -0.13, 13.40]}})
st.map(cities, size=60000, color="#ff0000", height=300)
layer = pdk.Layer("ScatterplotLayer", data=[{{"lon": 0, "lat": 0}}], get_position="[lon, lat]",
                  get_radius=600000, get_fill_color=[0, 0, 255], id="pts")
point = st.pydeck_chart(pdk.Deck(layers=[layer], map_style="{ONLINE_STYLE_URL}",
                                 initial_view_state=pdk.ViewState(latitude=0, longitude=0, zoom=1)),
                        height=250, on_select="rerun", key="point")
st.write(f"point {{dict(point.selection.indices)}}")
st.graphviz_chart("digraph {{ run -> intr; intr -> runbl; runbl -> run; run -> kernel }}")
st.mermaid_chart("flowchart LR\\n  A[Script] --> B{{Rerun?}}\\n  B -->|yes| A\\n"
                 "  B -->|no| C[Done]")
bars = [{{"type": "bar", "data": [3, 1, 2], "selectedMode": "single"}}]
bar = st.echarts_chart({{"xAxis": {{"type": "category", "data": ["a", "b", "c"]}}, "yAxis": {{}},
                        "series": bars}}, height=250, on_select="rerun", key="bar")
st.write(f"bar {{[g['data_indices'] for g in bar.selection.selected]}}")
buffer = io.BytesIO()
fig = plt.figure(figsize=(4, 3))
fig.text(0.5, 0.5, "Page 1", ha="center", fontsize=40)
fig.savefig(buffer, format="pdf")
st.pdf(buffer.getvalue(), height=300)
st.iframe("<h2>Hello from an iframe</h2>", height=120)
st.html("<p id='x'>not yet</p><script>document.getElementById('x').textContent = 'script ran'"
        "</script>", unsafe_allow_javascript=True)
st.write("charts end")
"""

FILES = {
    "app.py": APP,
    # VS Code's dark theme: the panel, and its charts, follow it.
    ".vscode/settings.json": '{"workbench.colorTheme": "Default Dark Modern"}',
}

# How many of a canvas's pixels are (near) `colour` (a 2D copy: WebGL canvases included).
_COLOURED_PIXELS = """
([canvas, colour]) => {
  const copy = document.createElement('canvas');
  copy.width = canvas.width; copy.height = canvas.height;
  const ctx = copy.getContext('2d');
  ctx.drawImage(canvas, 0, 0);
  const px = ctx.getImageData(0, 0, copy.width, copy.height).data;
  const [r, g, b] = colour;
  let n = 0;
  for (let i = 0; i < px.length; i += 4)
    if (px[i + 3] > 0 && Math.abs(px[i] - r) < 60 && Math.abs(px[i + 1] - g) < 60
        && Math.abs(px[i + 2] - b) < 60) n++;
  return n;
}
"""


def _coloured(canvas: Locator, rgb: tuple[int, int, int]) -> int:
    return int(canvas.evaluate(f"(c) => ({_COLOURED_PIXELS})([c, {list(rgb)}])"))


def _pixels(shot: Image.Image) -> list[tuple[int, int, int]]:
    """An RGB image's pixels, row by row."""
    data = shot.tobytes()
    return [(data[i], data[i + 1], data[i + 2]) for i in range(0, len(data), 3)]


def _shown(element: Locator, rgb: tuple[int, int, int]) -> int:
    """How many pixels of the element's screenshot are (near) `rgb`: what is on screen, whatever
    draws it (maplibre's WebGL canvas keeps no buffer to read back). Nothing while the element is
    being replaced (echarts draws a new canvas when the theme changes)."""
    try:
        shot = Image.open(io.BytesIO(element.screenshot())).convert("RGB")
    except PlaywrightError:
        return 0
    return sum(
        1
        for r, g, b in _pixels(shot)
        if abs(r - rgb[0]) < 60 and abs(g - rgb[1]) < 60 and abs(b - rgb[2]) < 60
    )


def _leftmost(element: Locator, rgb: tuple[int, int, int]) -> Position:
    """A point of the element (CSS pixels) inside its leftmost area showing `rgb`."""
    shot = Image.open(io.BytesIO(element.screenshot())).convert("RGB")
    hits = [
        (i % shot.width, i // shot.width)
        for i, pixel in enumerate(_pixels(shot))
        if all(abs(c - w) < 30 for c, w in zip(pixel, rgb, strict=True))
    ]
    assert hits, f"no {rgb} in the element"
    column = min(x for x, _ in hits) + 10
    ys = [y for x, y in hits if x == column]
    box = element.bounding_box()
    assert box is not None
    scale = shot.width / box["width"]
    return {"x": column / scale, "y": (min(ys) + max(ys)) / 2 / scale}


def _luminance(css: str) -> float:
    r, g, b = (int(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _carto(route: Route) -> None:
    """The test's style; Carto's own as if offline (whether or not this machine has a network)."""
    if route.request.url == ONLINE_STYLE_URL:
        route.fulfill(json=ONLINE_STYLE, headers={"Access-Control-Allow-Origin": "*"})
    else:
        route.abort("internetdisconnected")


def test_issue_18_charts_are_drawn_in_the_panel(open_workbench: OpenWorkbench) -> None:
    for module in ("pydeck", "matplotlib", "pandas"):
        pytest.importorskip(module)
    bench = open_workbench(FILES)
    bench.context.route("https://basemaps.cartocdn.com/**", _carto)
    said: list[str] = []
    bench.page.on("console", lambda message: said.append(message.text))
    bench.command(PREVIEW)
    bench.wait_panel_text("charts end", 60)
    frame: Frame = bench.wait_panel_text("charts ready", 5)
    assert _theme(frame) == "dark"

    # deck.gl (WebGL): st.map's red points on a dark background, its base map offline and said so.
    maps = frame.locator(".sp-deck")
    bench.wait("two deck.gl charts", lambda: maps.count() == 2 or None, 30)
    points = maps.nth(0).locator("canvas").first
    bench.wait("st.map's red points", lambda: _coloured(points, (255, 0, 0)) > 50 or None, 45)
    note = maps.nth(0).get_by_role("note")
    bench.wait(
        "the offline note", lambda: "Base map offline" in (note.text_content() or "") or None
    )
    background = (
        maps.nth(0).locator(".sp-deck-host").evaluate("(e) => getComputedStyle(e).backgroundColor")
    )
    assert _luminance(background) < 80, background
    # The pydeck chart's style is reachable: maplibre draws it (its worker cut the GeoJSON square)
    # under deck.gl's blue point.
    online = maps.nth(1)
    bench.wait("the base map online", lambda: online.get_attribute("data-basemap") == "online", 30)
    bench.wait("maplibre's green background", lambda: _shown(online, (0, 255, 0)) > 2000 or None)
    bench.wait("maplibre's yellow GeoJSON", lambda: _shown(online, (255, 255, 0)) > 2000 or None)
    bench.wait("deck.gl's blue point", lambda: _shown(online, (0, 0, 255)) > 200 or None)

    # Graphviz (WebAssembly): four nodes in its SVG, in the (light) text colour.
    graph = frame.locator(".sp-graphviz").first
    bench.wait("graphviz's nodes", lambda: graph.locator("svg g.node").count() == 4 or None, 30)
    assert _luminance(_colour(graph)) > 150

    # Mermaid: three nodes, light labels.
    diagram = frame.locator(".sp-mermaid").first
    bench.wait("mermaid's nodes", lambda: diagram.locator("svg .node").count() == 3 or None, 30)
    assert _luminance(_colour(diagram.locator("svg .nodeLabel").first)) > 150

    # ECharts: bars in the theme's first colour on its canvas.
    bars = frame.locator(".sp-echarts canvas").first
    bench.wait("echarts' canvas", lambda: bars.count() == 1 or None, 30)
    bench.wait("echarts' bars", lambda: _shown(bars, (0x83, 0xC9, 0xFF)) > 1000 or None)

    # pdf.js: the page painted (dark text on the white page).
    page = frame.locator(".sp-pdf canvas").first
    bench.wait("the PDF's page", lambda: page.count() == 1 or None, 30)
    bench.wait("the PDF's text", lambda: _coloured(page, (0, 0, 0)) > 100 or None, 30)
    # ...parsed by its worker, not on the page (pdf.js's fallback where no worker starts).
    assert not [text for text in said if "fake worker" in text], said

    # st.iframe's page and st.html's script, each in its sandboxed frame.
    bench.wait("the iframe's page", lambda: bench.frame_with("Hello from an iframe"), 30)
    bench.wait("st.html's script", lambda: bench.frame_with("script ran"), 30)

    # Selections reach the script: a click on the pydeck chart's point, on echarts' tallest bar.
    online.click()
    bench.wait_panel_text("point {'pts': [0]}", 20)
    bars.click(position=_leftmost(bars, (0x83, 0xC9, 0xFF)))
    bench.wait_panel_text("bar [[0]]", 20)

    # The panel's group maximised: the charts widen with it.
    charts = (maps, bars, page)
    narrow = _widths(*charts)
    # (A double click on its tab: VS Code's doubleClickTabToToggleEditorGroupSizes.)
    bench.page.locator('.tabs-container .tab[aria-label^="Sidepane"]').first.dblclick()
    bench.wait(
        "the charts to widen",
        lambda: all(w > n * 1.25 for n, w in zip(narrow, _widths(*charts), strict=True)),
    )
    maps.first.scroll_into_view_if_needed()
    bench.screenshot("charts_panel")

    # VS Code's theme turns light: the charts follow it, without a rerun.
    (bench.folder / ".vscode" / "settings.json").write_text(
        '{"workbench.colorTheme": "Default Light Modern"}'
    )
    bench.wait("the panel's light theme", lambda: _theme(frame) == "light", 30)
    bench.wait("echarts' light bars", lambda: _shown(bars, (0x00, 0x68, 0xC9)) > 1000 or None)
    label = diagram.locator("svg .nodeLabel").first
    bench.wait("mermaid's dark labels", lambda: _luminance(_colour(label)) < 100)
    assert _luminance(_colour(graph)) < 100
    background = (
        maps.nth(0).locator(".sp-deck-host").evaluate("(e) => getComputedStyle(e).backgroundColor")
    )
    assert _luminance(background) > 200, background
    assert bench.panel_errors() == [], json.dumps(bench.panel_errors(), indent=1)


def _widths(*elements: Locator) -> list[float]:
    return [float(e.first.evaluate("(e) => e.getBoundingClientRect().width")) for e in elements]


def _theme(frame: Frame) -> str:
    return str(frame.evaluate("document.documentElement.dataset.theme"))


def _colour(element: Locator) -> str:
    return str(element.evaluate("(e) => getComputedStyle(e).color"))
