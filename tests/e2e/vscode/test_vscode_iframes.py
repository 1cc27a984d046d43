"""Web pages in the VS Code panel (code-server), framed as Streamlit frames them: `st.iframe` and
`components.iframe` of a page served by a local HTTP server this test starts (offline), a data:
URL and a local file (a blob: URL). Each is drawn in its sandboxed frame with its script run, a
page elsewhere keeping its own origin, none of them able to reach the panel; no error in the
panel. The one notice offering the browser is a `url=` component on loopback (a dev server):
code-server's extension host counts as remote (`vscode.env.remoteName`), so the dev server beside
the script need not be the webview's loopback."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect
from vscode_harness import PREVIEW, OpenWorkbench

pytestmark = pytest.mark.timeout(180, func_only=True)

# The page's script says it ran and whether it can reach the panel that frames it.
PAGE = b"""<!doctype html><html><body>
<h1 id="served">Served by the test</h1><p id="facts">script did not run</p>
<script>
var parentDoc;
try { parentDoc = typeof parent.document; } catch (e) { parentDoc = "blocked"; }
document.getElementById("facts").textContent =
  "script ran, origin=" + location.origin + " parent=" + parentDoc;
</script></body></html>"""

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60">
<text x="10" y="40" font-size="24">A local file</text></svg>"""

APP = """
from pathlib import Path
import streamlit as st
import streamlit.components.v1 as components

url = Path(__file__).with_name("url.txt").read_text().strip()
st.write("iframes ready")
st.iframe(url + "/st", height=160)
components.iframe(url + "/components", height=160)
st.iframe("data:text/html,<p%20id=data>From%20a%20data%20URL</p>", height=80)
st.iframe(Path(__file__).with_name("note.svg"), height=80)
dev = components.declare_component("dev", url=url)
dev(key="dev")
"""


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def page_server() -> Iterator[str]:
    """http://127.0.0.1:<port>: the page above at any path."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_web_pages_are_framed_in_the_panel(open_workbench: OpenWorkbench, page_server: str) -> None:
    bench = open_workbench({"app.py": APP, "url.txt": page_server, "note.svg": SVG})
    bench.command(PREVIEW)
    panel = bench.wait_panel_text("iframes ready", 40)

    frames = panel.locator("iframe[data-testid=stIFrame]")
    expect(frames).to_have_count(4, timeout=20_000)
    sources = [str(frames.nth(i).get_attribute("src")) for i in range(4)]
    assert sources[:2] == [f"{page_server}/st", f"{page_server}/components"], sources
    assert sources[2].startswith("data:text/html,"), sources
    assert sources[3].startswith("blob:"), sources

    # The test's page, drawn by st.iframe and by components.iframe: its script ran, on its own
    # origin (kept, as in Streamlit), and the panel is out of its reach.
    for i in range(2):
        page = panel.frame_locator("iframe[data-testid=stIFrame]").nth(i)
        expect(page.locator("#served")).to_have_text("Served by the test", timeout=30_000)
        expect(page.locator("#facts")).to_have_text(
            f"script ran, origin={page_server} parent=blocked"
        )
        assert "allow-same-origin" in (frames.nth(i).get_attribute("sandbox") or "")
        box = frames.nth(i).bounding_box()
        assert box is not None and box["height"] > 100, box

    # A data: URL and a local file's blob: URL.
    data = panel.frame_locator("iframe[data-testid=stIFrame]").nth(2)
    expect(data.locator("#data")).to_have_text("From a data URL", timeout=20_000)
    svg = panel.frame_locator("iframe[data-testid=stIFrame]").nth(3)
    expect(svg.locator("text")).to_have_text("A local file", timeout=20_000)
    assert "allow-same-origin" not in (frames.nth(3).get_attribute("sandbox") or "")

    text = bench.panel_text(panel)
    assert text.count("cannot show") == 1, text
    assert re.search(r"VS Code's panel cannot show the \S*dev component\.", text), text
    bench.screenshot("iframes_panel")
    assert bench.panel_errors() == []
