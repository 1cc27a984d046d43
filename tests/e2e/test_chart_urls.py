"""Chart data from a URL on another host, as Streamlit's docs and deck.gl's examples give it
(an Altair chart of `vega_datasets`-style JSON, a Vega-Lite spec of a CSV, pydeck layers of a
JSON and a CSV file): the runtime downloads it and the charts draw it, while the page, whose CSP
allows only its own server, never contacts that host. A file that cannot be downloaded is said
in the chart. In Streamlit 1.67 the browser fetches these URLs itself: the same drawing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from streamlit_167 import streamlit_server

pytest.importorskip("altair")
pytest.importorskip("pydeck")


CARS = b"""[{"Name": "a", "Horsepower": 130, "Miles_per_Gallon": 18},
{"Name": "b", "Horsepower": 165, "Miles_per_Gallon": 15},
{"Name": "c", "Horsepower": 150, "Miles_per_Gallon": 16}]"""
SALES = b"month,sales\nJan,3\nFeb,5\nMar,2\nApr,8\n"
POINTS_JSON = b'[{"lon": 0.0, "lat": 0.0}, {"lon": 0.004, "lat": 0.0}]'
POINTS_CSV = b"lon,lat\n0,0.002\n0.004,0.002\n"


class _Files(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:
        _Files.hits.append(self.path)
        bodies = {
            "/cars.json": CARS,
            "/sales.csv": SALES,
            "/points.json": POINTS_JSON,
            "/points.csv": POINTS_CSV,
        }
        body = bodies.get(self.path)
        if body is None:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")  # as a CDN would: CORS is no excuse
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def data_host() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Files.hits = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _app(host: str, svg: bool = False) -> str:
    # Streamlit 1.67 draws vega on a canvas unless the spec's usermeta asks for SVG: asked for the
    # side-by-side test, so that both pages' marks can be counted.
    theme = '.properties(usermeta={"embedOptions": {"renderer": "svg"}})' if svg else ""
    usermeta = ', "usermeta": {"embedOptions": {"renderer": "svg"}}' if svg else ""
    return f"""
import altair as alt
import pydeck as pdk
import streamlit as st

host = {host!r}
st.altair_chart(
    alt.Chart(host + "/cars.json").mark_circle(size=200).encode(
        x="Horsepower:Q", y="Miles_per_Gallon:Q"
    ){theme}
)
st.vega_lite_chart(
    {{"data": {{"url": host + "/sales.csv"}}, "mark": "bar",
     "encoding": {{"x": {{"field": "month", "type": "nominal", "sort": None}},
                  "y": {{"field": "sales", "type": "quantitative"}}}}{usermeta}}}
)
view = pdk.ViewState(latitude=0.001, longitude=0.002, zoom=15)
layers = [
    pdk.Layer("ScatterplotLayer", data=host + "/points.json", id="json",
              get_position="[lon, lat]", get_radius=60, get_fill_color=[255, 0, 0]),
    pdk.Layer("ScatterplotLayer", data=host + "/points.csv", id="csv",
              get_position="[lon, lat]", get_radius=60, get_fill_color=[0, 0, 255]),
]
st.pydeck_chart(pdk.Deck(layers=layers, initial_view_state=view, map_provider=None), height=300)
st.vega_lite_chart({{"data": {{"url": host + "/gone.json"}}, "mark": "point"}})
st.write("drawn")
"""


COUNT_COLOURS = """() => {
  const canvas = document.querySelector('.sp-deck-host canvas');
  if (!canvas || canvas.width === 0) return { red: 0, blue: 0 };
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const ctx = copy.getContext('2d');
  ctx.drawImage(canvas, 0, 0);
  const px = ctx.getImageData(0, 0, copy.width, copy.height).data;
  let red = 0, blue = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (px[i + 3] === 0) continue;
    if (px[i] > 120 && px[i + 1] < 60 && px[i + 2] < 60) red++;
    if (px[i + 2] > 150 && px[i] < 60 && px[i + 1] < 60) blue++;
  }
  return { red, blue };
}"""


def test_charts_of_urls_elsewhere_draw_without_the_page_contacting_that_host(
    page: Page, serve: Any, data_host: str
) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    server = serve(_app(data_host))
    page.goto(server.url)
    expect(page.get_by_text("drawn")).to_be_visible(timeout=30_000)

    charts = page.locator(".sp-vega")
    # Altair's three cars, Vega-Lite's four months (parsed from CSV as the URL would have been).
    expect(charts.nth(0).locator("g.mark-symbol path")).to_have_count(3, timeout=20_000)
    expect(charts.nth(1).locator("g.mark-rect path")).to_have_count(4, timeout=20_000)
    expect(charts.nth(1)).to_contain_text("Apr")
    # The file that is not there: said in its chart, the script ran on.
    gone = f"Could not download {data_host}/gone.json: HTTP 404 Not Found"
    expect(charts.nth(2).get_by_role("alert")).to_have_text(gone)

    # Both layers drawn: the JSON's points red, the CSV's (the CSV loader's bundle) blue.
    page.wait_for_function(
        f"() => {{ const c = ({COUNT_COLOURS})(); return c.red > 100 && c.blue > 100; }}",
        timeout=20_000,
    )
    expect(page.locator(".sp-deck").get_by_role("alert")).to_have_count(0)

    assert not [url for url in asked if url.startswith(data_host)], asked
    assert not refused, refused
    # The runtime downloaded each file once.
    assert sorted(_Files.hits) == [
        "/cars.json", "/gone.json", "/points.csv", "/points.json", "/sales.csv",
    ]  # fmt: skip


@pytest.fixture
def streamlit_167(tmp_path: Path, data_host: str) -> Iterator[str]:
    """Streamlit 1.67's server running the same app; its URL."""
    script = tmp_path / "st_app.py"
    script.write_text(_app(data_host, svg=True))
    with streamlit_server(script) as url:
        yield url


def _marks(page: Page, url: str, charts: str) -> list[int]:
    page.goto(url)
    expect(page.get_by_text("drawn")).to_be_visible(timeout=60_000)
    found = page.locator(charts)
    expect(found.nth(0).locator("g.mark-symbol path")).not_to_have_count(0, timeout=30_000)
    expect(found.nth(1).locator("g.mark-rect path")).not_to_have_count(0, timeout=30_000)
    page.wait_for_timeout(500)
    return [
        found.nth(0).locator("g.mark-symbol path").count(),
        found.nth(1).locator("g.mark-rect path").count(),
    ]


def test_the_same_marks_as_streamlit_1_67_which_fetches_in_the_browser(
    page: Page, serve: Any, data_host: str, streamlit_167: str
) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    theirs = _marks(page, streamlit_167, "[data-testid=stVegaLiteChart]")
    # 1.67's page fetched the files itself.
    assert [u for u in asked if u.startswith(data_host)], asked
    asked.clear()
    ours = _marks(page, serve(_app(data_host, svg=True)).url, ".sp-vega")
    assert ours == theirs == [3, 4]
    assert not [u for u in asked if u.startswith(data_host)], asked
