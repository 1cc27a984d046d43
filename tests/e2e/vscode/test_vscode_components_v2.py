"""`st.components.v2` in the VS Code panel (code-server), under a dark VS Code theme: each
instance's frame page (the frame runtime, inlined by the language server's components server)
comes through code-server's proxy like a v1 component's. One app holds an inline component
(HTML, CSS and JavaScript) sending a state value and a trigger back to the script and growing
its frame with its content, one reporting the theme's `--st-*` variables (VS Code's colours), one
whose data holds a table (the frame's page then carries the Arrow reader, so it gets an Arrow
`Table`) and the real package streamlit-echarts 0.7 (its JavaScript from the package's asset
folder): drawn, and a click's value back in the script."""

from __future__ import annotations

import importlib.util
import io

import pytest
from PIL import Image
from playwright.sync_api import Frame, FrameLocator, Locator, expect
from vscode_harness import PREVIEW, OpenWorkbench, Workbench

pytestmark = pytest.mark.timeout(180, func_only=True)

APP = '''
import pandas as pd
import streamlit as st
from streamlit_echarts import st_echarts

st.write("v2 ready")

COUNTER_HTML = """<p class="greet"></p><button id="inc">more</button>
<button id="ping">ping</button><div class="tall" style="height: 40px"></div>"""
COUNTER_JS = """
export default function ({ data, parentElement, setStateValue, setTriggerValue }) {
  parentElement.querySelector(".greet").textContent = `${data.greeting}: parent=${(() => {
    try { return typeof parent.document; } catch (e) { return "blocked"; } })()}`;
  parentElement.querySelector("#inc").onclick = () => setStateValue("count", data.count + 1);
  parentElement.querySelector("#ping").onclick = () => {
    setTriggerValue("pinged", "pong");
    parentElement.querySelector(".tall").style.height = "300px";
  };
}
"""
counter = st.components.v2.component("counter", html=COUNTER_HTML, js=COUNTER_JS)
current = st.session_state.get("k", {}).get("count", 5)
result = counter(data={"greeting": "Hello", "count": current}, key="k", default={"count": 5},
                 on_count_change=lambda: None, on_pinged_change=lambda: None)
st.write(f"count={result.count} pinged={result.pinged}")

THEME_JS = """
export default function ({ parentElement }) {
  const root = getComputedStyle(document.documentElement);
  const p = parentElement.querySelector("p");
  const read = (name) => root.getPropertyValue(name).trim();
  p.dataset.text = read("--st-text-color");
  p.dataset.background = read("--st-background-color");
  p.dataset.primary = read("--st-primary-color");
  p.dataset.base = read("--st-base");
  p.dataset.colour = getComputedStyle(p).color;
  p.textContent = "themed";
}
"""
st.components.v2.component("themed", html="<p>...</p><div style='height: 60px'></div>",
                           js=THEME_JS)()

TABLE_JS = """
export default function ({ data, parentElement }) {
  const { table, label } = data;
  const names = table.getChild("name").toArray().join(",");
  parentElement.querySelector("p").textContent = `${label}: ${table.numRows} rows (${names})`;
}
"""
df = pd.DataFrame({"name": ["ada", "bob"], "n": [1, 2]})
st.components.v2.component("tables", html="<p></p>", js=TABLE_JS)(
    data={"table": df, "label": "arrow"}
)

options = {
    "animation": False,
    "xAxis": {"type": "category", "data": ["Mon", "Tue", "Wed"]},
    "yAxis": {"type": "value"},
    "series": [{"data": [120, 200, 150], "type": "bar", "barWidth": "90%"}],
}
chart = st_echarts(options=options, height="300px", key="chart", on_select="rerun",
                   selection_mode="points",
                   events={"click": "function (params) { return params.name; }"})
st.write(f"points={[p['value'] for p in chart.selection['points']]} event={chart.chart_event}")
st.write("v2 end")
'''

FILES = {
    "app.py": APP,
    ".vscode/settings.json": '{"workbench.colorTheme": "Default Dark Modern"}',
}

# VS Code's colours as the panel's page resolves them (rgb()), to compare with the component's.
_VSCODE_COLOURS = """
() => {
  const probe = document.createElement('span');
  document.body.appendChild(probe);
  const read = (name) => {
    probe.style.color = `var(${name})`;
    return getComputedStyle(probe).color;
  };
  const out = {
    text: read('--vscode-editor-foreground'),
    background: read('--vscode-editor-background'),
    primary: read('--vscode-button-background'),
  };
  probe.remove();
  return out;
}
"""


def bidi(panel: Frame, name: str) -> tuple[Locator, FrameLocator]:
    """The iframe element of the component `name`, and its content."""
    selector = f"[data-testid=stBidiComponent][data-component='{name}'] iframe"
    return panel.locator(selector), panel.frame_locator(selector)


def wait_text(bench: Workbench, panel: Frame, text: str, timeout: float = 30) -> None:
    bench.wait(f"{text!r} in the panel", lambda: text in bench.panel_text(panel), timeout)


def test_components_v2_in_the_panel(open_workbench: OpenWorkbench) -> None:
    pytest.importorskip("pyarrow")
    if importlib.util.find_spec("streamlit_echarts") is None:
        pytest.skip("streamlit-echarts is not installed (requirements/components.lock)")
    bench = open_workbench(FILES)
    bench.command(PREVIEW)
    bench.wait_panel_text("v2 end", 60)
    panel = bench.wait_panel_text("v2 ready", 5)

    # Every frame comes from the components server, through code-server's proxy, sandboxed.
    frames = panel.locator("[data-testid=stBidiComponent] iframe")
    expect(frames).to_have_count(4, timeout=20_000)
    for i in range(4):
        src = str(frames.nth(i).evaluate("(e) => e.src"))
        assert src.startswith(f"{bench.server.url}/proxy/"), src
        assert "/component/" in src
        assert "allow-same-origin" not in (frames.nth(i).get_attribute("sandbox") or "")

    # The inline component: drawn in its own origin, sized to its content; its state and its
    # trigger reach the script, and the frame grows with its content.
    counter_el, counter = bidi(panel, "counter")
    expect(counter.locator(".greet")).to_have_text("Hello: parent=blocked", timeout=30_000)
    wait_text(bench, panel, "count=5 pinged=None")
    small = counter_el.bounding_box()
    assert small is not None and 60 < small["height"] < 200, small
    counter.locator("#inc").click()
    wait_text(bench, panel, "count=6 pinged=None")
    counter.locator("#ping").click()
    wait_text(bench, panel, "count=6 pinged=pong")
    expect(counter_el).to_have_css("height", f"{int(small['height']) + 260}px")

    # VS Code's dark theme as the component's --st-* variables; its text takes the theme's
    # colour and its frame stays transparent (the panel's background shows through).
    vscode = panel.evaluate(_VSCODE_COLOURS)
    themed_el, themed = bidi(panel, "themed")
    text = themed.locator("p")
    expect(text).to_have_text("themed", timeout=20_000)
    expect(text).to_have_attribute("data-base", "dark")
    expect(text).to_have_attribute("data-text", vscode["text"])
    expect(text).to_have_attribute("data-colour", vscode["text"])
    expect(text).to_have_attribute("data-background", vscode["background"])
    expect(text).to_have_attribute("data-primary", vscode["primary"])
    assert_transparent(bench, panel, themed_el)

    # A table in the data: an Arrow Table in the frame (its page carries the reader).
    _, tables = bidi(panel, "tables")
    expect(tables.locator("p")).to_have_text("arrow: 2 rows (ada,bob)", timeout=20_000)

    # streamlit-echarts 0.7: its files from the package's asset folder; a click on the middle
    # bar (Tue, 200) sends the point selection and the click handler's value in one rerun.
    chart_el = panel.locator("[data-testid=stBidiComponent][data-component*=echarts] iframe")
    chart = panel.frame_locator("[data-testid=stBidiComponent][data-component*=echarts] iframe")
    canvas = chart.locator(".echarts-container canvas").first
    expect(canvas).to_be_visible(timeout=30_000)
    expect(chart_el).to_have_css("height", "300px")
    wait_text(bench, panel, "points=[] event=None")
    canvas.scroll_into_view_if_needed()
    bars = canvas.bounding_box()
    assert bars is not None and bars["height"] > 250, bars
    canvas.click(position={"x": bars["width"] / 2, "y": bars["height"] * 0.6})
    wait_text(bench, panel, "points=[200] event=Tue")
    bench.screenshot("components_v2_panel")

    # VS Code's theme turns light while the panel is open: the component gets the new colours
    # (rendered again, without a rerun) and its frame stays transparent.
    (bench.folder / ".vscode" / "settings.json").write_text(
        '{"workbench.colorTheme": "Default Light Modern"}'
    )
    expect(text).to_have_attribute("data-base", "light", timeout=30_000)
    light = panel.evaluate(_VSCODE_COLOURS)
    assert light["background"] != vscode["background"], light
    expect(text).to_have_attribute("data-text", light["text"])
    expect(text).to_have_attribute("data-colour", light["text"])
    expect(text).to_have_attribute("data-background", light["background"])
    themed_el.scroll_into_view_if_needed()
    assert_transparent(bench, panel, themed_el)
    assert "cannot show" not in bench.panel_text(panel)
    assert bench.panel_errors() == []


def assert_transparent(bench: Workbench, panel: Frame, frame_el: Locator) -> None:
    """Below the component's content, its frame shows the panel's background."""
    box = frame_el.bounding_box()
    assert box is not None and box["height"] > 60, box
    shot = bench.page.screenshot(
        clip={"x": box["x"] + 2, "y": box["y"] + box["height"] - 10, "width": 1, "height": 1}
    )
    background = panel.evaluate("getComputedStyle(document.body).backgroundColor")
    assert _pixel(shot) == _rgb(background), (_pixel(shot), background)


def _rgb(css: str) -> tuple[int, int, int]:
    r, g, b = (int(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    return r, g, b


def _pixel(png: bytes) -> tuple[int, int, int]:
    with Image.open(io.BytesIO(png)) as image:
        r, g, b = image.convert("RGB").getpixel((0, 0))
    return r, g, b
