"""`st.pydeck_chart` and `st.map`: the deck's JSON (the same Streamlit 1.67 sends for the same
pydeck objects and st.map inputs), sizes, tooltip and alt, 1.67's errors, and pydeck selections
as a widget value."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest

from sidepane.elements.deck_state import PydeckState, event_from_wire, event_to_wire
from sidepane.errors import InvalidWidgetValue
from sidepane.testing import AppTest

pytest.importorskip("pydeck")

STREAMLIT_167 = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/python"
needs_167 = pytest.mark.skipif(
    not STREAMLIT_167.exists(), reason="the Streamlit 1.67 bench venv is absent"
)

CHARTS = """
import pandas as pd
import pydeck as pdk
import streamlit as st

df = pd.DataFrame({"lat": [37.76, 37.77, 37.8], "lon": [-122.4, -122.41, -122.45],
                   "name": ["a", "b", "c"], "size": [10, 20, 30],
                   "col": ["#ff0000", "#00ff0080", "#00f"]})
layer = pdk.Layer("ScatterplotLayer", data=df, id="pts", get_position="[lon, lat]",
                  get_radius=200, pickable=True)
hexes = pdk.Layer("HexagonLayer", data=df, id="hex", get_position="[lon, lat]", radius=200,
                  extruded=True)
view = pdk.ViewState(latitude=37.76, longitude=-122.4, zoom=11, pitch=50)
st.pydeck_chart(pdk.Deck(layers=[layer, hexes], initial_view_state=view, map_style=None,
                         tooltip={"html": "<b>{name}</b>"}), alt="  SF points ")
st.pydeck_chart()
st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=view), width=300, height="stretch")
st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=view), on_select="rerun",
                selection_mode="multi-object", key="sel")
st.map(df)
st.map(df, latitude="lat", longitude="lon", size="size", color="col", zoom=5, height=320)
st.map(df, size=50, color=(0.1, 0.5, 1.0, 0.5), width=400)
st.map(pd.DataFrame({"LATITUDE": [1.0, 50.0], "LON": [2.0, 100.0]}), color="#abc")
st.map()
"""


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source)).run()


def charts(at: AppTest) -> list[dict[str, Any]]:
    return [dict(chart.node.props) for chart in at.get("deck_gl_json_chart")]


def test_props() -> None:
    at = run(CHARTS)
    assert not at.exception
    deck, empty, sized, selectable, plain, columns, const, other, nothing = charts(at)
    assert deck["height"] == 500 and "width" not in deck
    assert json.loads(deck["tooltip"]) == {"html": "<b>{name}</b>"}
    assert deck["alt"] == "SF points"
    assert json.loads(empty["spec"]) == {
        "initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}
    }
    assert (sized["width"], sized["height"]) == (300, "stretch")
    assert selectable["selection_mode"] == "multi-object"
    assert selectable["value"] == {"selection": {"indices": {}, "objects": {}}}
    assert "selection_mode" not in deck and "id" not in deck
    layer = json.loads(plain["spec"])["layers"][0]
    assert layer["getFillColor"] == "primary" and layer["getRadius"] == 100
    assert columns["height"] == 320
    assert json.loads(columns["spec"])["layers"][0]["data"][1]["col"] == [0, 255, 0, 128]
    assert json.loads(const["spec"])["layers"][0]["getFillColor"] == [25, 127, 255, 127]
    assert const["width"] == 400
    other_layer = json.loads(other["spec"])["layers"][0]
    assert other_layer["getPosition"] == "@@=[LON, LATITUDE]"
    assert other_layer["getFillColor"] == [170, 187, 204, 255]
    assert json.loads(other["spec"])["initialViewState"]["zoom"] == 1
    assert json.loads(nothing["spec"]) == json.loads(empty["spec"])


@needs_167
def test_the_specs_are_streamlits() -> None:
    probe = f"""
import json
from streamlit.testing.v1 import AppTest
at = AppTest.from_string({CHARTS!r}).run()
assert not at.exception, at.exception
out = []
for el in at.get("deck_gl_json_chart"):
    p = el.proto
    out.append({{"spec": p.json, "tooltip": p.tooltip, "alt": p.alt,
                 "modes": list(p.selection_mode)}})
print(json.dumps(out))
"""
    result = subprocess.run(
        [str(STREAMLIT_167), "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    theirs = json.loads(result.stdout.strip().splitlines()[-1])
    ours = charts(run(CHARTS))
    assert len(ours) == len(theirs)
    for mine, their in zip(ours, theirs, strict=True):
        assert json.loads(mine["spec"]) == json.loads(their["spec"])
        assert mine.get("tooltip", "") == their["tooltip"]
        assert mine.get("alt", "") == their["alt"]
        # 1.67's proto enum: SINGLE_OBJECT = 0, MULTI_OBJECT = 1.
        modes = {0: "single-object", 1: "multi-object"}
        ours_modes = [mine["selection_mode"]] if "selection_mode" in mine else []
        assert ours_modes == [modes[m] for m in their["modes"]]


PREAMBLE = "import streamlit as st\nimport pandas as pd\n"
ERRORS = [
    (
        "st.map(pd.DataFrame({'x': [1.0], 'lon': [2.0]}))",
        "Map data must contain a latitude column named: 'LAT', 'LATITUDE', 'lat', 'latitude'. "
        "Existing columns: 'x', 'lon'",
    ),
    (
        "st.map(pd.DataFrame({'lat': [1.0, None], 'lon': [2.0, 3.0]}))",
        "Column lat is not allowed to contain null values, such as NaN, NaT, or None.",
    ),
    (
        "st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0], 'c': ['nope']}), color='c')",
        'Column "c" does not appear to contain valid colors.',
    ),
    (
        "st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0]}), color='blue')",
        "This does not look like a valid color: 'blue'.",
    ),
    ("st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0]}), width='content')", "width"),
    ("st.pydeck_chart(height=0)", "height"),
    (
        "st.pydeck_chart(on_select='rerun', selection_mode=['single-object'])",
        "Invalid `selection_mode` type. Expected one of: str. Provided type: list. "
        "Selection mode must be a single value.",
    ),
    (
        "st.pydeck_chart(on_select='rerun', selection_mode='box')",
        "Invalid `selection_mode` value. Supported values: 'multi-object', 'single-object'.",
    ),
    (
        "st.pydeck_chart(on_select=None)",
        "Invalid `on_select` value. Supported values: 'rerun', 'ignore', a callback function.",
    ),
]


@pytest.mark.parametrize(("call", "message"), ERRORS)
def test_errors(call: str, message: str) -> None:
    at = run(PREAMBLE + call)
    assert at.exception, call
    assert message in at.exception[0].message


@needs_167
def test_the_errors_are_streamlits() -> None:
    calls = [call for call, _ in ERRORS]
    probe = f"""
import json
from streamlit.testing.v1 import AppTest
out = []
for call in {calls!r}:
    at = AppTest.from_string({PREAMBLE!r} + call).run()
    out.append(at.exception[0].message if at.exception else None)
print(json.dumps(out))
"""
    result = subprocess.run(
        [str(STREAMLIT_167), "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    theirs = json.loads(result.stdout.strip().splitlines()[-1])
    for (call, message), their in zip(ERRORS, theirs, strict=True):
        assert their is not None, call
        assert message in their, (call, their)


SELECT_APP = """
import pydeck as pdk
import streamlit as st
layer = pdk.Layer("ScatterplotLayer", data=[{"x": 1, "y": 2}, {"x": 3, "y": 4}], id="pts",
                  get_position="[x, y]")
def changed():
    st.write(f"callback {dict(st.session_state.sel.selection.indices)}")
event = st.pydeck_chart(pdk.Deck(layers=[layer]), key="sel", on_select=changed)
st.write(f"event {dict(event.selection.indices)} {len(event['selection']['objects'])}")
"""
SELECTED = {"selection": {"indices": {"pts": [1]}, "objects": {"pts": [{"x": 3, "y": 4}]}}}


def test_a_selection_reruns_with_the_event_and_calls_back() -> None:
    at = run(SELECT_APP)
    assert [str(m.value) for m in at.markdown] == ["event {} 0"]
    at._set_widget_wire(charts(at)[0]["id"], SELECTED)
    at.run()
    assert [str(m.value) for m in at.markdown] == ["callback {'pts': [1]}", "event {'pts': [1]} 1"]
    state = at.session_state["sel"]
    assert isinstance(state, PydeckState)
    assert state == SELECTED
    assert state.selection.objects["pts"][0] == {"x": 3, "y": 4}
    with pytest.raises(TypeError):
        state["selection"] = {}


@pytest.mark.parametrize(
    "wire",
    [
        {"selection": {"indices": {"pts": ["1"]}, "objects": {}}},
        {"selection": {"indices": [], "objects": {}}},
        {"selection": {"indices": {}, "objects": {"pts": 1}}},
        {"indices": {}},
        "not an event",
    ],
)
def test_bad_selections_are_ignored(wire: object) -> None:
    at = run(SELECT_APP)
    at._set_widget_wire(charts(at)[0]["id"], wire)
    at.run()
    assert not at.exception
    assert at.session_state["sel"]["selection"]["indices"] == {}


def test_state_round_trip() -> None:
    state = event_from_wire(SELECTED)
    assert event_to_wire(state) == SELECTED
    with pytest.raises(InvalidWidgetValue):
        event_from_wire({"selection": {"indices": {"a": [True]}}})


def test_a_keyed_selectable_chart_keeps_its_id_when_its_data_changes() -> None:
    source = SELECT_APP.replace('"y": 4}]', '"y": N}]')
    first = charts(run(source.replace("N", "4")))[0]["id"]
    second = charts(run(source.replace("N", "5")))[0]["id"]
    assert first == second


def test_st_write_of_a_deck_draws_a_pydeck_chart() -> None:
    at = run("import pydeck as pdk\nimport streamlit as st\nst.write(pdk.Deck())")
    assert not at.exception
    assert len(charts(at)) == 1


def test_pydeck_state_is_in_streamlit_typing() -> None:
    from sidepane.typing import PydeckState as Exported

    assert Exported is PydeckState
