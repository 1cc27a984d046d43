"""Diagrams and documents in Chromium: each library (Graphviz's WebAssembly…) is its own chunk,
loaded only when the app draws one, and draws under the page's CSP."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page, expect

from conftest import ARTIFACTS, Server

GRAPHVIZ = """
import streamlit as st
st.graphviz_chart('''
digraph {
    run -> intr
    intr -> runbl
    runbl -> run
    run -> kernel
}
''', alt="Process states")
st.graphviz_chart("graph { a -- b -- c }", width="stretch")
"""


def _wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll `condition` (page.wait_for_function evaluates text, which the page's CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _scripts(page: Page) -> list[str]:
    urls: list[str] = page.evaluate(
        "performance.getEntriesByType('resource').map((e) => e.name)"
        ".filter((n) => n.includes('/static/') && n.endsWith('.js'))"
    )
    return urls


def test_a_graphviz_chart_draws_its_nodes_as_svg(page: Page, serve: Any) -> None:
    server: Server = serve(GRAPHVIZ)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server.url)
    first = page.locator(".sp-graphviz").first
    expect(first.locator("svg g.node")).to_have_count(4, timeout=30_000)
    titles = first.locator("svg g.node title").all_text_contents()
    assert sorted(titles) == ["intr", "kernel", "run", "runbl"]
    expect(first.locator("svg g.edge")).to_have_count(4)
    expect(first).to_have_attribute("aria-label", "Process states")
    # Uncoloured lines take the text colour; the white page becomes transparent.
    stroke = first.locator("svg g.node ellipse").first.get_attribute("stroke")
    assert stroke == "currentColor"
    # The stretched one fills the column.
    second = page.locator(".sp-graphviz").nth(1)
    expect(second.locator("svg g.node")).to_have_count(3)
    column = page.locator(".sp-graphviz").nth(1).evaluate("(e) => e.parentElement.clientWidth")
    svg_width = second.locator("svg").evaluate("(e) => e.getBoundingClientRect().width")
    assert svg_width > column * 0.9
    assert any("graphvizSvg" in url for url in _scripts(page))
    assert not [e for e in errors if "Content Security Policy" in e], errors
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "graphviz_chart.png"))


MERMAID = """
import streamlit as st
st.mermaid_chart('''
flowchart LR
    A[Script] --> B{Rerun?}
    B -->|yes| A
    B -->|no| C[Done]
''', alt="A script reruns")
st.mermaid_chart("flowchart LR\\n  A --> --> ")
"""


def test_a_mermaid_diagram_draws_in_the_theme_and_a_bad_one_says_why(
    page: Page, serve: Any
) -> None:
    server: Server = serve(MERMAID)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server.url)
    diagram = page.locator(".sp-mermaid").first
    expect(diagram.locator("svg")).to_be_visible(timeout=30_000)
    expect(diagram.locator("svg .node")).to_have_count(3)
    labels = diagram.locator("svg .nodeLabel").all_text_contents()
    assert sorted(labels) == ["Done", "Rerun?", "Script"]
    expect(diagram).to_have_attribute("aria-label", "A script reruns")
    expect(page.locator(".sp-mermaid").nth(1).locator(".sp-chart-error")).to_contain_text(
        "Mermaid error"
    )
    assert any("mermaid" in url.lower() for url in _scripts(page))
    assert not [e for e in errors if "Content Security Policy" in e], errors
    # The dark theme redraws it with light text.
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    label = diagram.locator("svg .nodeLabel").first
    expect(label).to_have_css("color", "rgb(237, 235, 232)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "mermaid_chart.png"))


ECHARTS = """
import streamlit as st
st.echarts_chart({"xAxis": {"type": "category", "data": ["a", "b", "c"]}, "yAxis": {},
                  "series": [{"type": "line", "data": [3, 1, 2]}]}, alt="A line")
event = st.echarts_chart(
    {"xAxis": {"type": "category", "data": ["a", "b", "c"]}, "yAxis": {},
     "series": [{"type": "bar", "name": "Sales", "data": [1, 3, 2], "selectedMode": "single"}]},
    renderer="svg", height=300, on_select="rerun", key="sel")
st.write(f"picked {[g['data_indices'] for g in event.selection.selected]}")
"""


def test_an_echarts_chart_draws_and_a_click_selects_a_bar(page: Page, serve: Any) -> None:
    server: Server = serve(ECHARTS)
    page.goto(server.url)
    line = page.locator(".sp-echarts").first
    expect(line.locator("canvas")).to_be_visible(timeout=30_000)
    expect(line).to_have_attribute("aria-label", "A line")
    box = line.locator("canvas").bounding_box()
    assert box is not None and box["height"] == 350 and box["width"] > 300
    bars = page.locator(".sp-echarts").nth(1)
    expect(bars.locator("svg")).to_be_visible()
    expect(page.get_by_text("picked []")).to_be_visible()
    assert any("echarts" in url.lower() for url in _scripts(page))
    # The tallest bar (index 1): a click selects it and reruns.
    # Bars in the app's palette (the streamlit theme's first colour).
    # Measured once the bars stand still: ECharts grows them in (an animation), and a click at a
    # growing bar's middle can miss the drawn bar.
    where = (
        "(ps) => { const r = ps.map((p) => p.getBoundingClientRect());"
        " r.sort((a, b) => b.height - a.height); const b = r[0];"
        " return [b.x + b.width / 2, b.y + b.height / 2, b.height]; }"
    )
    paths = bars.locator('svg path[fill="#0068c9"]')
    tallest = paths.evaluate_all(where)
    for _ in range(50):
        page.wait_for_timeout(100)
        now = paths.evaluate_all(where)
        if now == tallest:
            break
        tallest = now
    page.mouse.click(tallest[0], tallest[1])
    expect(page.get_by_text("picked [[1]]")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "echarts_chart.png"))


PDF = """
import io
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.backends.backend_pdf import PdfPages
import streamlit as st

buffer = io.BytesIO()
with PdfPages(buffer) as pdf:
    for n in (1, 2):
        fig = plt.figure(figsize=(4, 3))
        fig.text(0.5, 0.5, f"Page {n}", ha="center", fontsize=40)
        pdf.savefig(fig)
        plt.close(fig)
st.pdf(buffer.getvalue(), height=400, alt="Two pages")
"""


def test_a_two_page_pdf_shows_its_pages_and_navigates(page: Page, serve: Any) -> None:
    server: Server = serve(PDF)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server.url)
    viewer = page.locator(".sp-pdf")
    expect(viewer.locator("canvas")).to_have_count(2, timeout=30_000)
    expect(viewer).to_have_attribute("aria-label", "Two pages")
    expect(viewer.locator(".sp-pdf-page")).to_have_text("1 / 2")
    # Each page painted: its canvas has dark text pixels on white.
    painted = viewer.locator("canvas").evaluate_all(
        "(cs) => cs.map((c) => { const d = c.getContext('2d')"
        ".getImageData(0, 0, c.width, c.height).data; let dark = 0;"
        " for (let i = 0; i < d.length; i += 4) if (d[i] < 100) dark++; return dark; })"
    )
    assert all(count > 100 for count in painted), painted
    expect(viewer).to_have_css("height", "400px")
    viewer.get_by_role("button", name="Next page").click()
    expect(viewer.locator(".sp-pdf-page")).to_have_text("2 / 2")
    width = viewer.locator("canvas").first.evaluate("(c) => c.getBoundingClientRect().width")
    viewer.get_by_role("button", name="Zoom in").click()
    expect(viewer.locator(".sp-pdf-zoom")).to_have_text("125%")
    _wait_until(
        lambda: (
            viewer.locator("canvas").first.evaluate("(c) => c.getBoundingClientRect().width")
            > width * 1.2
        )
    )
    loaded = _scripts(page)
    assert any("pdfDocument" in u for u in loaded), loaded
    assert not [e for e in errors if "Content Security Policy" in e], errors
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "pdf.png"))


IFRAME = """
import streamlit as st
st.iframe("<h2 id='hello'>Hello from HTML</h2>" + "<p>line</p>" * 12, alt="A page")
st.iframe("data:text/html,<p id='url'>From a URL</p>", height=120)
"""


def test_an_iframe_shows_its_html_at_its_height_and_its_url(page: Page, serve: Any) -> None:
    server: Server = serve(IFRAME)
    page.goto(server.url)
    first = page.locator("iframe.sp-iframe").first
    expect(first).to_have_attribute("title", "A page")
    expect(page.frame_locator("iframe.sp-iframe >> nth=0").locator("#hello")).to_have_text(
        "Hello from HTML", timeout=30_000
    )
    # The page reported its height: the frame grows past the 150 px it starts at.
    _wait_until(lambda: first.evaluate("(f) => f.getBoundingClientRect().height") > 300)
    # Sandboxed without same-origin: an origin of its own.
    assert "allow-same-origin" not in (first.get_attribute("sandbox") or "")
    second = page.locator("iframe.sp-iframe").nth(1)
    expect(second).to_have_css("height", "120px")
    expect(page.frame_locator("iframe.sp-iframe >> nth=1").locator("#url")).to_have_text(
        "From a URL"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "iframe.png"))


HTML_JS = """
import streamlit as st
st.html("<p id='x'>not yet</p><script>document.getElementById('x').textContent = 'ran'</script>",
        unsafe_allow_javascript=True)
st.html("<p id='y'>plain</p><script>document.getElementById('y').textContent = 'ran'</script>",
        width=200)
st.html("<style>#y { color: rgb(255, 0, 0) }</style>")
"""


def test_html_runs_javascript_only_when_allowed_and_in_a_frame(page: Page, serve: Any) -> None:
    server: Server = serve(HTML_JS)
    page.goto(server.url)
    expect(page.frame_locator("iframe.sp-iframe").locator("#x")).to_have_text("ran", timeout=30_000)
    # Without the flag the script is dropped and the HTML sits in the page, 200 px wide.
    plain = page.locator("main .sp-html")
    expect(plain.locator("#y")).to_have_text("plain")
    expect(plain).to_have_css("width", "200px")
    # Style-only HTML sits outside the layout and still styles the page.
    expect(plain.locator("#y")).to_have_css("color", "rgb(255, 0, 0)")
    assert page.locator("main .sp-html").count() == 1


def test_a_pdf_the_page_cannot_fetch_offers_to_open_it(page: Page, serve: Any) -> None:
    server: Server = serve("import streamlit as st\nst.pdf('https://example.invalid/a.pdf')\n")
    page.goto(server.url)
    link = page.locator(".sp-pdf").get_by_role("link", name="Open the PDF in a new tab")
    expect(link).to_have_attribute("href", "https://example.invalid/a.pdf", timeout=30_000)
    expect(page.locator(".sp-pdf .sp-chart-error")).to_contain_text("PDF error")


def test_an_app_without_diagrams_loads_none_of_their_libraries(page: Page, serve: Any) -> None:
    server: Server = serve("import streamlit as st\nst.write('plain')\n")
    page.goto(server.url)
    expect(page.get_by_text("plain")).to_be_visible()
    loaded = _scripts(page)
    assert not [
        u for u in loaded if "graphvizSvg" in u or "mermaid" in u.lower() or "echarts" in u.lower()
    ], loaded
