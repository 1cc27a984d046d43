"""st.plotly_chart in Chromium: plotly.js (its own chunk, loaded only for a Plotly chart) paints
the figure in the app's theme, and a box drawn with the mouse reaches the script."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from sidepane.servers.web.plotly_hint import FULL_ONLY_TRACES

from conftest import ARTIFACTS, Server

pytest.importorskip("plotly")

ROOT = Path(__file__).resolve().parents[2]

APP = """
import plotly.graph_objects as go
import streamlit as st

fig = go.Figure(go.Scatter(x=[1, 2, 3, 4], y=[1, 3, 2, 4], mode="markers", name="pts"))
fig.update_layout(title={"text": "Points"})
event = st.plotly_chart(fig, key="sel", on_select="rerun", selection_mode="box",
                        config={"displayModeBar": False})
st.write(f"selected {event.selection.point_indices}")
st.write(f"boxes {len(event.selection.box)}")
"""

PLAIN = """
import streamlit as st
st.write("no charts here")
"""


def _scripts(page: Page) -> list[str]:
    """The bundle's files the page loaded (its chunks, and plotly.js beside them)."""
    urls: list[str] = page.evaluate(
        "performance.getEntriesByType('resource').map((e) => e.name)"
        ".filter((n) => n.includes('/static/') && n.endsWith('.js'))"
    )
    return urls


def test_a_chart_is_painted_and_a_box_selection_reaches_the_script(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    chart = page.locator(".sp-plotly")
    expect(chart.locator(".main-svg").first).to_be_visible(timeout=30_000)
    expect(chart.locator(".scatterlayer .trace .point")).to_have_count(4)
    expect(page.get_by_text("selected []")).to_be_visible()
    loaded = _scripts(page)
    assert any("plotlyRender" in url for url in loaded)
    # A scatter: plotly.js's basic bundle draws it, not a larger one, fetched with the page (the
    # script imports plotly) and run once the viewer said hello.
    assert any(url.endswith("/static/plotly-basic.min.js") for url in loaded)
    assert not any(url.endswith(("/plotly.min.js", "/plotly-cartesian.min.js")) for url in loaded)
    assert page.locator('link[rel="preload"][as="script"]').get_attribute("href") == (
        "/static/plotly-basic.min.js"
    )
    # The streamlit theme: the title is bold and in the app's font, the markers in its palette.
    assert chart.locator(".gtitle").text_content() == "Points"
    fill = chart.locator(".scatterlayer .point").first.evaluate("(e) => getComputedStyle(e).fill")
    assert fill == "rgb(0, 104, 201)"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "plotly_chart.png"))

    # Drag a box over the whole plot area (dragmode "select": the chart's only mode).
    area = chart.locator(".nsewdrag").first.bounding_box()
    assert area is not None
    page.mouse.move(area["x"] + 2, area["y"] + 2)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2, steps=5)
    page.mouse.move(area["x"] + area["width"] - 2, area["y"] + area["height"] - 2, steps=5)
    page.mouse.up()
    expect(page.get_by_text("selected [0, 1, 2, 3]")).to_be_visible()
    expect(page.get_by_text("boxes 1")).to_be_visible()
    # The rerun keeps the box drawn on the chart.
    expect(chart.locator(".selectionlayer path").first).to_be_attached()
    # A double-click clears the selection.
    page.mouse.dblclick(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2)
    expect(page.get_by_text("selected []")).to_be_visible()


def test_an_app_without_plotly_never_loads_it(page: Page, serve: Any) -> None:
    server: Server = serve(PLAIN)
    page.goto(server.url)
    expect(page.get_by_text("no charts here")).to_be_visible()
    loaded = _scripts(page)
    assert loaded and not any("plotly" in url for url in loaded)


MIXED_APP = """
import plotly.graph_objects as go
import streamlit as st

fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2], mode="markers", marker={"size": 14}))
event = st.plotly_chart(fig, key="scatter", on_select="rerun", selection_mode="points")
st.write(f"picked {event.selection.point_indices}")
if st.button("sankey"):
    # A figure as a dict: the server's guess from the script's text (the basic bundle) is
    # wrong, and the viewer loads the full bundle when it sees the trace.
    flows = {"type": "sankey", "node": {"label": ["a", "b"]},
             "link": {"source": [0], "target": [1], "value": [1]}}
    st.plotly_chart({"data": [flows]}, key="sankey")
"""

# Whether the chart's traces were drawn by the plotly.js now in window.Plotly (the last bundle
# loaded): its scatter module is the one that instance draws a scatter with.
DRAWN_BY_LATEST = """async (gd) => {
  const probe = document.createElement("div");
  document.body.append(probe);
  await window.Plotly.newPlot(probe, [{x: [1], y: [1]}], {});
  const same = probe._fullData[0]._module === gd._fullData[0]._module;
  window.Plotly.purge(probe);
  probe.remove();
  return same;
}"""


def test_a_trace_the_basic_bundle_lacks_loads_the_full_one_for_every_chart(
    page: Page, serve: Any
) -> None:
    server: Server = serve(MIXED_APP)
    page.goto(server.url)
    charts = page.locator(".sp-plotly")
    markers = charts.nth(0).locator(".scatterlayer .point")
    expect(markers).to_have_count(3, timeout=30_000)
    assert not any(url.endswith("/static/plotly.min.js") for url in _scripts(page))
    page.get_by_role("button", name="sankey").click()
    expect(charts.nth(1).locator(".sankey .sankey-node")).to_have_count(2, timeout=30_000)
    assert any(url.endswith("/static/plotly.min.js") for url in _scripts(page))
    scatter = charts.nth(0).locator(".js-plotly-plot")
    assert scatter.evaluate(DRAWN_BY_LATEST) is False  # still the basic bundle's
    # Its next redraw (a narrower window) is the full bundle's, and it still selects.
    page.set_viewport_size({"width": 640, "height": 900})
    deadline = time.monotonic() + 10
    while not scatter.evaluate(DRAWN_BY_LATEST):  # (wait_for_function would not await it)
        assert time.monotonic() < deadline, "the scatter was not redrawn by the full bundle"
        time.sleep(0.1)
    expect(markers).to_have_count(3)
    box = markers.nth(1).bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_text("picked [1]")).to_be_visible()
    assert page.console_errors == []  # type: ignore[attr-defined]


SANKEY_APP = """
import plotly.graph_objects as go
import streamlit as st

flows = go.Sankey(node={"label": ["a", "b"]}, link={"source": [0], "target": [1], "value": [1]})
st.plotly_chart(go.Figure(flows))
"""


def test_a_script_calling_a_full_only_trace_gets_the_full_bundle_alone(
    page: Page, serve: Any
) -> None:
    server: Server = serve(SANKEY_APP)
    page.goto(server.url)
    expect(page.locator(".sp-plotly .sankey .sankey-node")).to_have_count(2, timeout=30_000)
    hint = page.locator('link[rel="preload"][as="script"]').get_attribute("href")
    assert hint == "/static/plotly.min.js"
    loaded = _scripts(page)
    assert any(url.endswith("/static/plotly.min.js") for url in loaded)
    assert not any(
        url.endswith(("/plotly-basic.min.js", "/plotly-cartesian.min.js")) for url in loaded
    )


def test_the_bundles_draw_the_trace_types_the_viewer_and_server_count_on(
    page: Page, serve: Any
) -> None:
    # webview/src/data/plotlyLoader.ts lists them (from the bundle's README): the bundle itself
    # must register exactly those.
    source = (ROOT / "webview" / "src" / "data" / "plotlyLoader.ts").read_text()

    def listed(name: str) -> list[str]:
        found = re.search(name + r"[^=]*= new Set\(\[(.*?)\]\)", source, re.DOTALL)
        assert found is not None
        return sorted(re.findall(r'"(\w+)"', found.group(1)))

    server: Server = serve(PLAIN)
    page.goto(server.url)
    expect(page.get_by_text("no charts here")).to_be_visible()
    traces = "() => Object.keys(window.Plotly.PlotSchema.get().traces).sort()"
    page.add_script_tag(url="/static/plotly-basic.min.js")
    assert page.evaluate(traces) == listed("BASIC_TRACES")
    page.add_script_tag(url="/static/plotly-cartesian.min.js")
    cartesian = page.evaluate(traces)
    assert cartesian == listed("CARTESIAN_TRACES")
    # The server's guess from a script's text (servers/web/plotly_hint.py) knows the others.
    page.add_script_tag(url="/static/plotly.min.js")
    assert set(page.evaluate(traces)) - set(cartesian) == FULL_ONLY_TRACES


def test_the_chart_follows_its_container_width(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.goto(server.url)
    svg = page.locator(".sp-plotly .main-svg").first
    expect(svg).to_be_visible(timeout=30_000)
    wide = svg.bounding_box()
    page.set_viewport_size({"width": 700, "height": 900})
    page.wait_for_function(
        "(w) => document.querySelector('.sp-plotly .main-svg').getBoundingClientRect().width < w",
        arg=wide["width"] if wide else 0,
    )
    narrow = svg.bounding_box()
    assert wide is not None and narrow is not None and narrow["width"] < wide["width"]


NUMPY_APP = """
import numpy as np
import plotly.express as px
import streamlit as st

rng = np.random.default_rng(0)
st.plotly_chart(px.scatter(x=rng.random(50), y=rng.random(50)), theme=None, key="np")
st.plotly_chart(px.bar(x=["a", "b", "c"], y=np.array([3, 1, 2])), key="bars")
"""


def test_numpy_arrays_and_the_dark_theme(page: Page, serve: Any) -> None:
    # plotly 6+ sends NumPy arrays as base64 typed arrays (`bdata`), which plotly.js decodes.
    page.emulate_media(color_scheme="dark")
    server: Server = serve(NUMPY_APP)
    page.goto(server.url)
    charts = page.locator(".sp-plotly")
    expect(charts.nth(0).locator(".scatterlayer .point")).to_have_count(50, timeout=30_000)
    expect(charts.nth(1).locator(".barlayer .point")).to_have_count(3)
    background = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--sp-bg')"
    )
    painted = (
        charts.nth(1)
        .locator("svg.main-svg")
        .first.evaluate("(e) => getComputedStyle(e).backgroundColor")
    )
    bar = (
        charts.nth(1)
        .locator(".barlayer .point path")
        .first.evaluate("(e) => getComputedStyle(e).fill")
    )
    # The streamlit theme in the dark: the page's background, the dark palette's first colour.
    assert background.strip() != "" and painted != "rgb(255, 255, 255)"
    assert bar == "rgb(131, 201, 255)"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "plotly_chart_dark.png"))
    # theme=None: plotly's own first colour.
    dot = (
        charts.nth(0)
        .locator(".scatterlayer .point")
        .first.evaluate("(e) => getComputedStyle(e).fill")
    )
    assert dot == "rgb(99, 110, 250)"


POINTS_APP = """
import plotly.graph_objects as go
import streamlit as st

fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2], mode="markers", marker={"size": 14}))
event = st.plotly_chart(fig, key="pts", on_select="rerun", selection_mode="points")
points = event.selection.points
st.write(f"picked {event.selection.point_indices}")
st.write(f"first {sorted(points[0]) if points else None}")
"""


def test_a_click_selects_a_point(page: Page, serve: Any) -> None:
    server: Server = serve(POINTS_APP)
    page.goto(server.url)
    markers = page.locator(".sp-plotly .scatterlayer .point")
    expect(markers).to_have_count(3, timeout=30_000)
    expect(page.get_by_text("picked []")).to_be_visible()
    # plotly.js takes clicks on its drag layer, over the markers: click where the marker is.
    box = markers.nth(1).bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_text("picked [1]")).to_be_visible()
    shown = page.get_by_text("first [").inner_text()
    for key in ("'curve_number'", "'point_index'", "'point_number'", "'x'", "'y'"):
        assert key in shown
    assert "'data'" not in shown and "'full_data'" not in shown
