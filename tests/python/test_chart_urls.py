"""Chart data given as an http(s) URL (Vega-Lite's `data.url`, a pydeck layer's `data`): the
runtime downloads it (the page may fetch only from its own server) and puts the file's content
into the chart; what it cannot download is a message in the chart, never an exception in the
script. A real HTTP server on localhost serves the files."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest
from file_server import FileServer, serving_files

from sidepane.elements import url_download
from sidepane.testing import AppTest

CARS = b'[{"Horsepower": 130, "Miles_per_Gallon": 18}, {"Horsepower": 165, "Miles_per_Gallon": 15}]'
CSV = b"lat,lon,n\n37.76,-122.4,1\n37.77,-122.41,2\n"
WORLD = b'{"type": "Topology", "objects": {"countries": {"type": "GeometryCollection"}}}'


@pytest.fixture
def file_server() -> Iterator[FileServer]:
    url_download.forget_all()
    with serving_files(
        {
            "/cars.json": CARS,
            "/points.csv": CSV,
            "/world.topojson": WORLD,
            "/page": b"<html>not data</html>",
        }
    ) as served:
        yield served
    url_download.forget_all()


@pytest.fixture
def files(file_server: FileServer) -> str:
    return file_server.url


def _run(script: str) -> AppTest:
    at = AppTest.from_string(textwrap.dedent(script)).run()
    assert not at.exception
    return at


def _vega(at: AppTest) -> dict[str, Any]:
    return dict(at.get("vega_lite")[0].node.props)


def test_an_altair_chart_of_a_url_gets_the_file_inline(files: str) -> None:
    at = _run(
        f"""
        import altair as alt
        import streamlit as st
        url = {files + "/cars.json"!r}
        chart = alt.Chart(url).mark_point().encode(x="Horsepower:Q", y="Miles_per_Gallon:Q")
        st.altair_chart(chart)
        st.write("after")
        """
    )
    spec = _vega(at)["spec"]
    assert spec["data"] == {"values": CARS.decode(), "format": {"type": "json"}}
    assert "data_errors" not in _vega(at)
    assert at.markdown[0].value == "after"


def test_every_data_url_in_a_spec_is_inlined_with_its_format(files: str) -> None:
    csv, cars, world = files + "/points.csv", files + "/cars.json", files + "/world.topojson"
    spec = {
        "vconcat": [
            {
                "data": {"url": csv, "format": {"parse": {"n": "number"}}},
                "mark": "point",
                "transform": [
                    {
                        "lookup": "n",
                        "from": {"data": {"url": cars}, "key": "Horsepower"},
                    }
                ],
            },
            {
                "layer": [
                    {
                        "data": {"url": world, "format": {"feature": "countries"}},
                        "mark": "geoshape",
                    },
                    {"data": {"url": "static/local.json"}, "mark": "point"},
                ]
            },
        ]
    }
    at = _run(f"import streamlit as st\nst.vega_lite_chart({spec!r})")
    drawn = _vega(at)["spec"]
    first, layers = drawn["vconcat"][0], drawn["vconcat"][1]["layer"]
    # CSV as the rows vega's reader makes (strings), since that reader needs eval.
    assert first["data"] == {
        "format": {"parse": {"n": "number"}, "type": "json"},
        "values": [
            {"lat": "37.76", "lon": "-122.4", "n": "1"},
            {"lat": "37.77", "lon": "-122.41", "n": "2"},
        ],
    }
    lookup = first["transform"][0]["from"]
    assert lookup["data"] == {"values": CARS.decode(), "format": {"type": "json"}}
    assert layers[0]["data"]["format"] == {"feature": "countries", "type": "topojson"}
    assert layers[0]["data"]["values"] == WORLD.decode()
    # The app's own files stay URLs: the browser may fetch them.
    assert layers[1]["data"] == {"url": "static/local.json"}


def test_reruns_use_the_download_of_the_last_minute(files: str, file_server: FileServer) -> None:
    spec = {"data": {"url": files + "/cars.json"}, "mark": "point"}
    at = AppTest.from_string(f"import streamlit as st\nst.vega_lite_chart({spec!r})").run()
    at.run()
    assert file_server.hits == ["/cars.json"]


def test_a_failed_download_is_a_message_in_the_chart(files: str) -> None:
    url = files + "/missing.json"
    at = _run(
        f"""
        import streamlit as st
        st.vega_lite_chart({{"data": {{"url": {url!r}}}, "mark": "point"}})
        st.write("after")
        """
    )
    props = _vega(at)
    assert props["spec"]["data"] == {"values": []}
    assert props["data_errors"] == [f"Could not download {url}: HTTP 404 Not Found"]
    assert at.markdown[0].value == "after"


def _deck(at: AppTest) -> tuple[dict[str, Any], dict[str, Any]]:
    props = dict(at.get("deck_gl_json_chart")[0].node.props)
    return props, json.loads(props["spec"])


def _deck_script(data: str, layer: str = "ScatterplotLayer") -> str:
    return f"""
        import pydeck as pdk
        import streamlit as st
        layer = pdk.Layer({layer!r}, data={data!r}, id="points", get_position="[lon, lat]")
        st.pydeck_chart(pdk.Deck(layers=[layer], map_style=None))
        st.write("after")
        """


def test_a_pydeck_layer_of_a_json_url_gets_the_parsed_file(files: str) -> None:
    props, spec = _deck(_run(_deck_script(files + "/cars.json")))
    assert spec["layers"][0]["data"] == json.loads(CARS)
    assert "data_errors" not in props


def test_a_pydeck_layer_of_a_csv_url_gets_the_text_for_the_viewers_csv_loader(files: str) -> None:
    _, spec = _deck(_run(_deck_script(files + "/points.csv")))
    assert spec["layers"][0]["data"] == {"@@function": "csvText", "text": CSV.decode()}


def test_tile_layers_and_url_templates_keep_their_urls(files: str, file_server: FileServer) -> None:
    template = files + "/tiles/{z}/{x}/{y}.pbf"
    _, spec = _deck(_run(_deck_script(template, "MVTLayer")))
    assert spec["layers"][0]["data"] == template
    _, spec = _deck(_run(_deck_script(files + "/cars.json", "TileLayer")))
    assert spec["layers"][0]["data"] == files + "/cars.json"
    assert file_server.hits == []


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("/missing.json", "Could not download {url}: HTTP 404 Not Found"),
        (
            "/page",
            "The data at {url} is neither JSON nor a .csv/.tsv/.dsv file, which is what a "
            "pydeck layer's data URL can be here.",
        ),
    ],
)
def test_a_pydeck_layer_that_cannot_be_downloaded_is_a_message_in_the_chart(
    files: str, path: str, error: str
) -> None:
    url = files + path
    at = _run(_deck_script(url))
    props, spec = _deck(at)
    assert spec["layers"][0]["data"] == []
    assert props["data_errors"] == [error.format(url=url)]
    assert at.markdown[0].value == "after"


def test_tsv_and_dsv_become_the_rows_vegas_reader_makes() -> None:
    from sidepane.elements.chart_urls import _dsv_rows

    assert _dsv_rows('a\tb\n1\t"x\ty"\n2\n', "\t") == [
        {"a": "1", "b": "x\ty"},
        {"a": "2", "b": ""},
    ]
    assert _dsv_rows("a|b\r\n1|2|3\r\n", "|") == [{"a": "1", "b": "2"}]


def test_a_dsv_url_keeps_its_delimiter_and_drops_the_format_it_no_longer_needs(
    files: str,
) -> None:
    spec = {
        "layer": [
            {"data": {"url": files + "/points.csv", "format": {"type": "dsv", "delimiter": ";"}}},
            {"data": {"url": files + "/points.csv"}},
        ]
    }
    at = _run(f"import streamlit as st\nst.vega_lite_chart({spec!r})")
    semicolons, commas = (layer["data"] for layer in _vega(at)["spec"]["layer"])
    assert semicolons == {
        "values": [{"lat,lon,n": v} for v in ("37.76,-122.4,1", "37.77,-122.41,2")]
    }
    assert commas["values"][0] == {"lat": "37.76", "lon": "-122.4", "n": "1"}
    assert "format" not in commas
