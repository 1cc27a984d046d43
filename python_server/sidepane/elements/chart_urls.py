"""Chart data given as an http(s) URL, downloaded by the runtime and put into the chart.

In Streamlit the browser fetches it; Sidepane's page may fetch only from its own server (its
Content-Security-Policy, in the browser and in VS Code's panel alike), so the runtime downloads
it (url_download.py: bounded, kept a minute) and the chart gets the file's text inline:
- Vega-Lite: every `data` with an http(s) `url` (top level, layers, concatenations, facets,
  lookups' `from`) becomes `values` holding the text, with the `format` Vega-Lite would have
  used for the URL (its type guessed from the extension as Vega-Lite guesses it), so vega
  parses it as it would have parsed the download; CSV/TSV/DSV is read into the rows vega's
  reader would make (strings; `format.parse` kept), since that reader needs eval.
- pydeck: a layer whose `data` is such a URL gets the parsed JSON, or for a .csv/.tsv/.dsv file
  the text, parsed in the viewer by the same loader that would have read the URL
  (`{"@@function": "csvText", "text": ...}`, webview/src/data/deckCatalog.ts).
Relative URLs (the app's own static files) are left to the browser. What cannot be downloaded
becomes no data plus a message the chart shows (`data_errors`); the script runs on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any, Final

from sidepane.elements.url_download import fetch_url, is_http_url

MAX_CHART_DATA_BYTES: Final = 20 * 1024 * 1024
_VEGA_FORMATS: Final = ("json", "csv", "tsv", "dsv", "topojson")
_DELIMITERS: Final = {"csv": ",", "tsv": "\t"}
_CSV_URL: Final = re.compile(r"\.(csv|tsv|dsv)(?:[?#]|$)", re.IGNORECASE)
# Layers whose `data` is not a file but a tile set, a URL template or an API: deck.gl fetches
# what it needs itself (Carto's API is allowed by the CSP; the others stay as in the browser).
_TILED_LAYERS: Final = frozenset(
    {
        "MVTLayer",
        "TileLayer",
        "Tile3DLayer",
        "TerrainLayer",
        "WMSLayer",
        "_WMSLayer",
        "ClusterTileLayer",
        "H3TileLayer",
        "HeatmapTileLayer",
        "QuadbinTileLayer",
        "RasterTileLayer",
        "VectorTileLayer",
        "PointLabelLayer",
    }
)


def _text(url: str, errors: list[str]) -> str | None:
    fetched = fetch_url(url, max_bytes=MAX_CHART_DATA_BYTES, what="chart data")
    if fetched.data is None:
        errors.append(fetched.error or f"Could not download {url}")
        return None
    return fetched.data.decode("utf-8-sig", errors="replace")


def _vega_format_type(url: str) -> str:
    """The format type Vega-Lite gives a URL without one: its extension if known, else json."""
    match = re.search(r"(?:\.([^.]+))?$", url)
    extension = match.group(1) if match else None
    return extension if extension in _VEGA_FORMATS else "json"


def _inline_vega_data(data: dict[str, Any], errors: list[str]) -> dict[str, Any]:
    url = data["url"]
    rest = {key: value for key, value in data.items() if key != "url"}
    text = _text(url.strip(), errors)
    if text is None:
        rest["values"] = []
        return rest
    fmt = dict(rest["format"]) if isinstance(rest.get("format"), dict) else {}
    fmt.setdefault("type", _vega_format_type(url))
    if fmt["type"] in _DELIMITERS or fmt["type"] == "dsv":
        delimiter = _DELIMITERS.get(fmt.pop("type")) or fmt.pop("delimiter", ",")
        fmt.pop("delimiter", None)
        rest["values"] = _dsv_rows(text, str(delimiter))
        if fmt:
            rest["format"] = {**fmt, "type": "json"}
        else:
            rest.pop("format", None)
        return rest
    rest["values"] = text
    rest["format"] = fmt
    return rest


def _dsv_rows(text: str, delimiter: str) -> list[dict[str, str]]:
    """The rows vega's CSV reader (d3-dsv's) makes of `text`: the first line names the fields,
    every value a string, a missing one empty. Done here because d3-dsv compiles its row reader
    with `new Function`, which the page's CSP (no eval) refuses."""
    lines = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter[:1] or ",")
    header = next(lines, [])
    return [
        {name: row[i] if i < len(row) else "" for i, name in enumerate(header)} for row in lines
    ]


def inline_vega_urls(node: Any, errors: list[str]) -> Any:
    """`node` (a Vega-Lite spec or part of one) with every http(s) `data.url` inlined; what
    could not be downloaded is appended to `errors`."""
    if isinstance(node, list):
        return [inline_vega_urls(item, errors) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "data" and isinstance(value, dict) and is_http_url(value.get("url")):
            out[key] = _inline_vega_data(value, errors)
        else:
            out[key] = inline_vega_urls(value, errors)
    return out


def _deck_layer_data(layer: dict[str, Any], errors: list[str]) -> None:
    url = layer["data"].strip()
    text = _text(url, errors)
    if text is None:
        layer["data"] = []
        return
    if _CSV_URL.search(url):
        layer["data"] = {"@@function": "csvText", "text": text}
        return
    try:
        layer["data"] = json.loads(text)
    except ValueError:
        errors.append(
            f"The data at {url} is neither JSON nor a .csv/.tsv/.dsv file, which is what a "
            "pydeck layer's data URL can be here."
        )
        layer["data"] = []


def inline_deck_urls(spec: str) -> tuple[str, list[str]]:
    """pydeck's JSON with each layer's http(s) `data` URL replaced by the file's content, and
    what could not be downloaded."""
    if "http" not in spec:
        return spec, []
    try:
        deck = json.loads(spec)
    except ValueError:
        return spec, []
    layers = deck.get("layers") if isinstance(deck, dict) else None
    errors: list[str] = []
    changed = False
    for layer in layers if isinstance(layers, list) else []:
        if not isinstance(layer, dict) or layer.get("@@type") in _TILED_LAYERS:
            continue
        data = layer.get("data")
        if is_http_url(data) and "{" not in data:
            _deck_layer_data(layer, errors)
            changed = True
    return (json.dumps(deck) if changed else spec), errors
