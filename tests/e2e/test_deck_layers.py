"""pydeck charts with the rest of Streamlit 1.67's catalogue, in Chromium and offline: a
ScenegraphLayer draws a glTF model the app serves itself; a layer's data from a CSV file the app
serves (the CSV loader, a bundle of its own); Carto's colour functions on a plain layer; a
SimpleMeshLayer deck.gl cannot read and a Carto layer that cannot reach Carto's API say so in
the chart instead of leaving it blank; an app with only a ScatterplotLayer loads none of these
chunks."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from conftest import Server

pytest.importorskip("pydeck")

HEAD = """
import pydeck as pdk
import streamlit as st

base = (st.context.url or "").split("?")[0].rstrip("/")
rows = [{"lon": 0.0, "lat": 0.0, "v": 5}, {"lon": 0.004, "lat": 0.0, "v": 50}]
view = pdk.ViewState(latitude=0, longitude=0.002, zoom=15)
"""


def _app(layer: str) -> str:
    return (
        HEAD
        + layer
        + """
st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=view, map_provider=None), height=300)
st.write("drawn")
"""
    )


SCENEGRAPH = _app(
    """
layer = pdk.Layer("ScenegraphLayer", data=rows, id="scene", get_position="[lon, lat]",
                  scenegraph=f"{base}/app/static/cube.glb", size_scale=40, get_color=[255, 0, 0])
"""
)
MESH = _app(
    """
layer = pdk.Layer("SimpleMeshLayer", data=rows, id="mesh", mesh=f"{base}/app/static/cube.glb",
                  get_position="[lon, lat]", size_scale=40, get_color=[255, 0, 0])
"""
)
CSV = _app(
    """
layer = pdk.Layer("ScatterplotLayer", data=f"{base}/app/static/points.csv", id="csv",
                  get_position="[lon, lat]", get_radius=60, get_fill_color=[255, 0, 0])
"""
)
COLOR_BINS = _app(
    """
bins = {"@@function": "colorBins", "attr": "@@=v", "domain": [10],
        "colors": [[255, 0, 0], [0, 0, 255]]}
layer = pdk.Layer("ScatterplotLayer", data=rows, id="bins", get_position="[lon, lat]",
                  get_radius=60, get_fill_color=bins)
"""
)
# A Carto layer's data as pydeck can give it: the TileJSON Carto's API answers (deck.gl's Carto
# sources cannot be called from JSON), its tiles on Carto's API. A URL as `data` fails in deck.gl
# itself (1.67 too): the layer starts before its data and reads `data.accessToken`.
TILEJSON = {
    "tilejson": "2.2.0",
    "tiles": [
        "https://gcp-us-east1.api.carto.com/v3/maps/carto_dw/table/{z}/{x}/{y}"
        "?name=carto-demo-data.demo_tables.populated_places&formatTiles=binary"
    ],
    "accessToken": "token",
    "scheme": "xyz",
}
CARTO = _app(
    f"""
layer = pdk.Layer("VectorTileLayer", id="carto", data={TILEJSON!r}, get_fill_color=[200, 0, 80])
"""
)
CARTO_URL = _app(
    """
layer = pdk.Layer("VectorTileLayer", id="carto", get_fill_color=[200, 0, 80],
                  data="https://gcp-us-east1.api.carto.com/v3/maps/carto_dw/table?name=t")
"""
)
PLAIN = _app(
    """
layer = pdk.Layer("ScatterplotLayer", data=rows, id="pts", get_position="[lon, lat]",
                  get_radius=60, get_fill_color=[255, 0, 0])
"""
)


def _cube_glb() -> bytes:
    """A cube (positions, normals, indices) as binary glTF."""
    faces = [
        ((1, 0, 0), [(1, -1, -1), (1, 1, -1), (1, 1, 1), (1, -1, 1)]),
        ((-1, 0, 0), [(-1, -1, 1), (-1, 1, 1), (-1, 1, -1), (-1, -1, -1)]),
        ((0, 1, 0), [(-1, 1, -1), (-1, 1, 1), (1, 1, 1), (1, 1, -1)]),
        ((0, -1, 0), [(-1, -1, 1), (-1, -1, -1), (1, -1, -1), (1, -1, 1)]),
        ((0, 0, 1), [(-1, -1, 1), (1, -1, 1), (1, 1, 1), (-1, 1, 1)]),
        ((0, 0, -1), [(1, -1, -1), (-1, -1, -1), (-1, 1, -1), (1, 1, -1)]),
    ]
    positions: list[tuple[int, int, int]] = []
    normals: list[tuple[int, int, int]] = []
    indices: list[int] = []
    for normal, corners in faces:
        first = len(positions)
        positions += corners
        normals += [normal] * 4
        indices += [first, first + 1, first + 2, first, first + 2, first + 3]
    pos = b"".join(struct.pack("<3f", *p) for p in positions)
    nor = b"".join(struct.pack("<3f", *n) for n in normals)
    idx = b"".join(struct.pack("<H", i) for i in indices)
    idx += b"\0" * (-len(idx) % 4)
    data = pos + nor + idx
    gltf = {
        "asset": {"version": "2.0"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1}, "indices": 2}]}],
        "buffers": [{"byteLength": len(data)}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": len(pos)},
            {"buffer": 0, "byteOffset": len(pos), "byteLength": len(nor)},
            {"buffer": 0, "byteOffset": len(pos) + len(nor), "byteLength": len(indices) * 2},
        ],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": 24, "type": "VEC3",
             "min": [-1, -1, -1], "max": [1, 1, 1]},
            {"bufferView": 1, "componentType": 5126, "count": 24, "type": "VEC3"},
            {"bufferView": 2, "componentType": 5123, "count": len(indices), "type": "SCALAR"},
        ],
    }  # fmt: skip
    text = json.dumps(gltf).encode()
    text += b" " * (-len(text) % 4)
    total = 12 + 8 + len(text) + 8 + len(data)
    return (
        struct.pack("<III", 0x46546C67, 2, total)
        + struct.pack("<II", len(text), 0x4E4F534A)
        + text
        + struct.pack("<II", len(data), 0x004E4942)
        + data
    )


@pytest.fixture
def static_app(serve: Any, tmp_path: Path) -> Any:
    static = tmp_path / "static"
    static.mkdir()
    (static / "cube.glb").write_bytes(_cube_glb())
    (static / "points.csv").write_text("lon,lat\n0,0\n0.004,0\n")

    def start(source: str) -> Server:
        server: Server = serve(source, "--server.enableStaticServing=true")
        return server

    return start


# How many of the chart's canvas pixels are (mostly) red, and (mostly) blue.
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


def _pixels(page: Page) -> dict[str, int]:
    counts: dict[str, int] = page.evaluate(COUNT_COLOURS)
    return counts


def _scripts(page: Page) -> list[str]:
    urls: list[str] = page.evaluate(
        "performance.getEntriesByType('resource').map((e) => e.name.split('/').pop())"
    )
    return urls


def _open(page: Page, server: Server) -> None:
    page.goto(server.url)
    expect(page.get_by_text("drawn")).to_be_visible(timeout=30_000)
    expect(page.locator(".sp-deck canvas").first).to_be_attached(timeout=30_000)


def test_a_scenegraph_layer_draws_a_gltf_model_the_app_serves(page: Page, static_app: Any) -> None:
    _open(page, static_app(SCENEGRAPH))
    page.wait_for_function(f"() => ({COUNT_COLOURS})().red > 100", timeout=20_000)
    assert _pixels(page)["red"] > 100
    expect(page.get_by_role("alert")).to_have_count(0)


def test_a_mesh_deck_gl_cannot_read_is_said_in_the_chart(page: Page, static_app: Any) -> None:
    # As in Streamlit 1.67, SimpleMeshLayer takes no glTF file (no POSITION in what GLTFLoader
    # gives it): 1.67 leaves the chart blank; here the chart says why.
    _open(page, static_app(MESH))
    expect(page.get_by_role("alert")).to_contain_text('Layer "mesh" failed: ', timeout=20_000)
    expect(page.get_by_role("alert")).to_contain_text("POSITION")


def test_a_csv_file_as_data_loads_the_csv_loader_and_draws(page: Page, static_app: Any) -> None:
    _open(page, static_app(CSV))
    page.wait_for_function(f"() => ({COUNT_COLOURS})().red > 100", timeout=20_000)
    assert "deck-csv.js" in _scripts(page)
    expect(page.get_by_role("alert")).to_have_count(0)


def test_carto_colour_functions_colour_a_plain_layer(page: Page, static_app: Any) -> None:
    _open(page, static_app(COLOR_BINS))
    # v=5 is below the bin edge (red), v=50 above it (blue).
    page.wait_for_function(
        f"() => {{ const c = ({COUNT_COLOURS})(); return c.red > 100 && c.blue > 100; }}",
        timeout=20_000,
    )
    assert any(n.startswith("deckExtras") for n in _scripts(page))
    expect(page.get_by_role("alert")).to_have_count(0)


@pytest.mark.parametrize("source", [CARTO, CARTO_URL], ids=["tilejson", "url"])
def test_a_carto_layer_offline_says_what_it_needs(page: Page, static_app: Any, source: str) -> None:
    _open(page, static_app(source))
    expect(page.get_by_role("alert")).to_contain_text(
        'Carto\'s layer "carto" (VectorTileLayer) could not load: it needs the internet, '
        "Carto's API and its TileJSON as data.",
        timeout=20_000,
    )
    errors: list[str] = page.console_errors  # type: ignore[attr-defined]
    assert not [e for e in errors if "Uncaught" in e], errors


def test_carto_s_api_is_allowed_by_the_csp_and_a_refusal_is_said(
    page: Page, static_app: Any
) -> None:
    asked: list[str] = []

    def refuse(route: Route) -> None:
        asked.append(route.request.url)
        route.fulfill(status=401, content_type="application/json", body='{"error":"Unauthorized"}')

    # Playwright sees a request only if the page's CSP let it go out.
    page.route("https://*.api.carto.com/**", refuse)
    _open(page, static_app(CARTO))
    expect(page.get_by_role("alert")).to_contain_text('Carto\'s layer "carto"', timeout=20_000)
    assert asked and asked[0].startswith("https://gcp-us-east1.api.carto.com/v3/maps/"), asked
    errors: list[str] = page.console_errors  # type: ignore[attr-defined]
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_a_scatterplot_app_loads_neither_carto_nor_the_csv_loader(
    page: Page, static_app: Any
) -> None:
    _open(page, static_app(PLAIN))
    page.wait_for_function(f"() => ({COUNT_COLOURS})().red > 100", timeout=20_000)
    names = _scripts(page)
    assert any(n.startswith("deckRender") for n in names), names
    assert not [n for n in names if n.startswith(("deckExtras", "deck-csv"))], names
