"""`st.components.v2` in Chromium: an inline component (HTML, CSS and JavaScript) in its
sandboxed frame, which reads its data and the theme's CSS variables, sends state and trigger
values back to the script (with their callbacks) and fits its frame to its content; tables in
the data arrive as Arrow tables; and the real package streamlit-echarts 0.7 (its JavaScript from
the package's `asset_dir`), drawn, with a point selection and a click handler's value sent
back."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from conftest import Server

INLINE = '''
import streamlit as st

HTML = """<p class="greet"></p><button id="inc">more</button><button id="ping">ping</button>
<div class="tall" style="height: 40px"></div>"""
CSS = ".greet { color: var(--st-primary-color); font-family: var(--st-font); }"
JS = """
export default function ({ data, key, name, parentElement, setStateValue, setTriggerValue }) {
  const p = parentElement.querySelector(".greet");
  p.textContent = `${data.greeting} from ${name}; shadow=${parentElement instanceof ShadowRoot}`
    + ` key=${key.startsWith("st-")} parent=${(() => { try { return typeof parent.document; }
    catch (e) { return "blocked"; } })()}`;
  p.dataset.primary = getComputedStyle(p).color;
  parentElement.querySelector("#inc").onclick = () => setStateValue("count", data.count + 1);
  parentElement.querySelector("#ping").onclick = () => {
    setTriggerValue("pinged", "pong");
    parentElement.querySelector(".tall").style.height = "300px";
  };
  return () => console.log("cleanup");
}
"""

counter = st.components.v2.component("counter", html=HTML, css=CSS, js=JS)
st.session_state.setdefault("calls", [])
current = st.session_state.get("k", {}).get("count", 5)
result = counter(
    data={"greeting": "Hello", "count": current},
    key="k",
    default={"count": 5},
    on_count_change=lambda: st.session_state.calls.append("count"),
    on_pinged_change=lambda: st.session_state.calls.append("pinged"),
)
st.write(f"count={result.count} pinged={result.pinged}")
st.write(f"calls={st.session_state.calls}")
'''


def test_inline_component_sends_state_and_triggers(page: Page, serve: Any) -> None:
    server: Server = serve(INLINE)
    page.goto(server.url)
    frame_el = page.locator("[data-testid=stBidiComponent] iframe")
    frame = page.frame_locator("[data-testid=stBidiComponent] iframe")
    greet = frame.locator(".greet")
    expect(greet).to_have_text(
        "Hello from counter; shadow=true key=true parent=blocked", timeout=20_000
    )
    # The theme's primary colour reached the component's CSS.
    expect(greet).to_have_attribute("data-primary", "rgb(197, 57, 72)")
    expect(page.get_by_text("count=5 pinged=None")).to_be_visible()
    small = frame_el.bounding_box()
    assert small is not None and 60 < small["height"] < 200

    frame.locator("#inc").click()
    expect(page.get_by_text("count=6 pinged=None")).to_be_visible()
    expect(page.get_by_text("calls=['count']")).to_be_visible()

    frame.locator("#ping").click()
    expect(page.get_by_text("count=6 pinged=pong")).to_be_visible()
    expect(page.get_by_text("calls=['count', 'pinged']")).to_be_visible()
    # The frame grew with its content.
    expect(frame_el).to_have_css("height", f"{int(small['height']) + 260}px")

    # A trigger lasts one run: another state change shows it None again.
    frame.locator("#inc").click()
    expect(page.get_by_text("count=7 pinged=None")).to_be_visible()
    expect(page.get_by_text("calls=['count', 'pinged', 'count']")).to_be_visible()


DARK = """
import streamlit as st
st.components.v2.component("plain", html="<p id='t'>text</p><div style='height: 60px'></div>")()
st.components.v2.component("narrow", html="<div style='width: 123px; height: 20px'></div>")(
    width="content"
)
st.components.v2.component("fixed", html="<div style='height: 500px'></div>")(width=200, height=90)
"""


def test_dark_theme_and_sizes(page: Page, serve: Any) -> None:
    # A frame whose colour scheme differs from its element's gets an opaque backdrop.
    page.emulate_media(color_scheme="dark")
    server: Server = serve(DARK)
    page.goto(server.url)
    frame_el = page.locator("[data-testid=stBidiComponent] iframe")
    frame = page.frame_locator("[data-testid=stBidiComponent] iframe >> nth=0")
    expect(frame.locator("#t")).to_have_css("color", "rgb(237, 235, 232)", timeout=20_000)
    box = frame_el.first.bounding_box()
    assert box is not None and box["height"] > 60
    png = page.screenshot(
        clip={"x": box["x"] + 2, "y": box["y"] + box["height"] - 10, "width": 1, "height": 1}
    )
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert _pixel(png) == _rgb(background)
    # width="content": as wide as the content; pixels: as given (the content scrolls inside).
    narrow, fixed = frame_el.nth(1), frame_el.nth(2)
    expect(narrow).to_have_css("width", "123px")
    expect(fixed).to_have_css("width", "200px")
    expect(fixed).to_have_css("height", "90px")


def _rgb(css: str) -> tuple[int, int, int]:
    r, g, b = (int(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    return r, g, b


def _pixel(png: bytes) -> tuple[int, int, int]:
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        r, g, b = image.convert("RGB").getpixel((0, 0))
    return r, g, b


TABLES = '''
import pandas as pd
import streamlit as st

JS = """
export default function ({ data, parentElement }) {
  const { table, label } = data;
  const names = table.getChild("name").toArray().join(",");
  parentElement.querySelector("p").textContent =
    `${label}: ${table.numRows} rows (${names}); whole=${data.whole === undefined}`;
}
"""
WHOLE = """
export default function ({ data, parentElement }) {
  parentElement.querySelector("p").textContent = `whole: ${data.numRows} rows`;
}
"""
df = pd.DataFrame({"name": ["ada", "bob"], "n": [1, 2]})
st.components.v2.component("tables", html="<p></p>", js=JS)(data={"table": df, "label": "mixed"})
st.components.v2.component("whole", html="<p></p>", js=WHOLE)(data=df)
'''


def test_tables_arrive_as_arrow_tables(page: Page, serve: Any) -> None:
    pytest.importorskip("pyarrow")
    server: Server = serve(TABLES)
    page.goto(server.url)
    frames = page.locator("[data-testid=stBidiComponent] iframe")
    expect(frames).to_have_count(2, timeout=20_000)
    mixed = page.frame_locator("[data-testid=stBidiComponent] iframe >> nth=0")
    whole = page.frame_locator("[data-testid=stBidiComponent] iframe >> nth=1")
    expect(mixed.locator("p")).to_have_text("mixed: 2 rows (ada,bob); whole=true", timeout=20_000)
    expect(whole.locator("p")).to_have_text("whole: 2 rows")


ECHARTS = """
import streamlit as st
from streamlit_echarts import st_echarts

options = {
    "animation": False,
    "xAxis": {"type": "category", "data": ["Mon", "Tue", "Wed"]},
    "yAxis": {"type": "value"},
    "series": [{"data": [120, 200, 150], "type": "bar", "barWidth": "90%"}],
}
result = st_echarts(options=options, height="300px", key="chart", on_select="rerun",
                    selection_mode="points",
                    events={"click": "function (params) { return params.name; }"})
st.write(f"points={[p['value'] for p in result.selection['points']]}")
st.write(f"event={result.chart_event}")
"""


def test_streamlit_echarts_draws_and_sends_a_selection(page: Page, serve: Any) -> None:
    if importlib.util.find_spec("streamlit_echarts") is None:
        pytest.skip("streamlit-echarts is not installed (requirements/components.lock)")
    server: Server = serve(ECHARTS)
    page.goto(server.url)
    frame_el = page.locator("[data-testid=stBidiComponent] iframe")
    frame = page.frame_locator("[data-testid=stBidiComponent] iframe")
    canvas = frame.locator(".echarts-container canvas").first
    expect(canvas).to_be_visible(timeout=30_000)
    expect(frame_el).to_have_css("height", "300px")
    expect(page.get_by_text("points=[]")).to_be_visible()
    box = canvas.bounding_box()
    assert box is not None and box["height"] > 250
    # The middle bar (Tue, 200): its top half is surely inside the bar.
    canvas.click(position={"x": box["width"] / 2, "y": box["height"] * 0.6})
    # The selection (its state) and the click handler's value (a trigger) in one rerun.
    expect(page.get_by_text("points=[200]")).to_be_visible(timeout=10_000)
    expect(page.get_by_text("event=Tue")).to_be_visible()
