"""Selections on `st.altair_chart` / `st.vega_lite_chart` (`on_select`), compared with Streamlit
1.67: the same scripts through both AppTests give the same return values, session state and
errors."""

from __future__ import annotations

import json
import re
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest

from sidepane.elements.vega_selection import event_from_wire, selection_parameters
from sidepane.errors import InvalidWidgetValue
from sidepane.testing import AppTest

pytest.importorskip("altair")

STREAMLIT_167 = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/python"

ALTAIR_APP = """
import altair as alt
import pandas as pd
import streamlit as st
df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6], "c": ["x", "y", "z"]})
point = alt.selection_point("point_selection")
interval = alt.selection_interval("interval_selection")
chart = alt.Chart(df).mark_circle().encode(x="a", y="b", color="c").add_params(point, interval)
def changed():
    st.write("callback", repr(st.session_state.chart))
event = st.altair_chart(chart, key="chart", on_select=ON_SELECT, selection_mode=MODE)
st.write(repr(event))
st.write(repr(st.session_state.chart))
st.write(repr(event.selection))
"""

VEGA_APP = """
import pandas as pd
import streamlit as st
df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]})
spec = {
    "mark": "point",
    "params": [{"name": "brush", "select": "interval"}, {"name": "pick", "select": "point"}],
    "encoding": {"x": {"field": "a", "type": "quantitative"},
                 "y": {"field": "b", "type": "quantitative"}},
}
event = st.vega_lite_chart(df, spec, on_select="rerun")
st.write(repr(event))
"""

POINT = {"selection": {"point_selection": [{"a": 2, "b": 5, "c": "y"}]}}
INTERVAL = {"selection": {"interval_selection": {"a": [1.5, 2.5], "b": [4.2, 5.9]}}}
BOTH = {"selection": {**POINT["selection"], **INTERVAL["selection"]}}


def altair_app(on_select: str = '"rerun"', mode: str = "None") -> str:
    return ALTAIR_APP.replace("ON_SELECT", on_select).replace("MODE", mode)


# Run in 1.67's venv: each script, then (if given) the chart's wire value as its widget state.
PROBE = """
import json, sys
from streamlit.testing.v1 import AppTest
from streamlit.proto.WidgetStates_pb2 import WidgetStates
def walk(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from walk(child)
def report(at):
    charts = [e.proto for e in walk(at._tree) if getattr(e, "type", "") == "vega_lite_chart"]
    return {"texts": [m.value for m in at.markdown], "errors": [e.message for e in at.exception],
            "modes": [list(c.selection_mode) for c in charts], "ids": [c.id for c in charts]}
results = []
for src, wire in json.loads(sys.stdin.read()):
    at = AppTest.from_string(src, default_timeout=60).run()
    out = [report(at)]
    if wire is not None:
        states = WidgetStates()
        widget = states.widgets.add()
        widget.id = out[0]["ids"][0]
        widget.string_value = json.dumps(wire)
        at._run(states)
        out.append(report(at))
    results.append(out)
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def theirs() -> dict[str, list[dict[str, Any]]]:
    """Every case through Streamlit 1.67, in one process (its import costs seconds)."""
    if not STREAMLIT_167.exists():
        return {}
    cases = CASES + [(src, None) for src in ERRORS]
    result = subprocess.run(
        [str(STREAMLIT_167), "-c", PROBE],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    runs = json.loads(result.stdout.strip().splitlines()[-1])
    return {json.dumps(case): run for case, run in zip(cases, runs, strict=True)}


def report(at: AppTest) -> dict[str, Any]:
    charts = [c.node.props for c in at.get("vega_lite")]
    return {
        "texts": [str(m.value) for m in at.markdown],
        "errors": [str(e.value) for e in at.exception],
        "modes": [c.get("selection_mode", []) for c in charts],
        "ids": [c.get("id", "") for c in charts],
    }


def sidepane(src: str, wire: object = None) -> list[dict[str, Any]]:
    at = AppTest.from_string(textwrap.dedent(src), default_timeout=30).run()
    out = [report(at)]
    if wire is not None:
        at._set_widget_wire(out[0]["ids"][0], wire)
        at.run()
        out.append(report(at))
    return out


def same(ours: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> None:
    assert len(ours) == len(theirs)
    for mine, their in zip(ours, theirs, strict=True):
        assert mine["texts"] == their["texts"]
        assert mine["modes"] == their["modes"]
        assert len(mine["errors"]) == len(their["errors"])
        for m, t in zip(mine["errors"], their["errors"], strict=True):
            assert unordered(m) == unordered(t)


def unordered(message: str) -> str:
    """The message with a set's items sorted (a set prints in its hash order)."""
    return re.sub(
        r"\{('[^']*'(?:, '[^']*')*)\}",
        lambda m: "{" + ", ".join(sorted(m.group(1).split(", "))) + "}",
        message.strip(),
    )


# Unnamed parameters (Altair numbers them; the names are made stable) and a concatenation.
UNNAMED_APP = """
import altair as alt
import pandas as pd
import streamlit as st
df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]})
base = alt.Chart(df).mark_line().encode(x="a", y="b")
both = base.add_params(alt.selection_point(fields=["a"]), alt.selection_interval())
st.write(repr(st.altair_chart(both | base, on_select="rerun")))
"""

CASES = [
    (UNNAMED_APP, None),
    (UNNAMED_APP, {"selection": {"param_1": [{"a": 2}]}}),
    (altair_app(), None),
    (altair_app(), POINT),
    (altair_app(), INTERVAL),
    (altair_app(), BOTH),
    (altair_app("changed"), POINT),
    (altair_app(mode='"point_selection"'), None),
    (altair_app(mode='["interval_selection"]'), INTERVAL),
    (VEGA_APP, {"selection": {"brush": {"a": [1, 2]}}}),
    (VEGA_APP, {"selection": {"pick": [{"a": 3, "b": 6}]}}),
]


@pytest.mark.parametrize(("src", "wire"), CASES)
def test_return_values_and_session_state(
    src: str, wire: object, theirs: dict[str, list[dict[str, Any]]]
) -> None:
    ours = sidepane(src, wire)
    assert not any(run["errors"] for run in ours)
    if theirs:
        same(ours, theirs[json.dumps([src, wire])])


def test_a_selection_reruns_with_the_event_and_calls_back() -> None:
    first, second = sidepane(altair_app("changed"), POINT)
    assert first["texts"][0] == "{'selection': {'interval_selection': {}, 'point_selection': {}}}"
    selected = "{'selection': {'point_selection': [{'a': 2, 'b': 5, 'c': 'y'}]}}"
    assert second["texts"][:2] == [f"callback {selected}", selected]


def test_the_state_reads_by_attribute_and_is_read_only() -> None:
    at = AppTest.from_string(altair_app()).run()
    at._set_widget_wire(at.get("vega_lite")[0].node.props["id"], BOTH)
    at.run()
    state = at.session_state["chart"]
    assert state.selection.interval_selection == {"a": [1.5, 2.5], "b": [4.2, 5.9]}
    assert state["selection"]["point_selection"][0]["c"] == "y"
    with pytest.raises(TypeError):
        state["selection"] = {}
    with pytest.raises(TypeError):
        state.selection["point_selection"] = []


ERRORS = [
    # No selection parameters in the spec.
    'import streamlit as st\nst.vega_lite_chart({"mark": "bar"}, on_select="rerun")',
    altair_app(mode='"nope"'),
    altair_app(on_select="None"),
    altair_app(on_select='"sometimes"'),
    # Two charts with the same parameters and no key share an id.
    VEGA_APP + "st.vega_lite_chart(df, spec, on_select='rerun')\n",
    # A selection is read-only: the script may not set it (the same for every chart).
    altair_app().replace("chart = alt", "st.session_state.chart = {}\nchart = alt"),
    "import streamlit as st\nst.session_state.p = {}\n"
    'st.plotly_chart({"data": [{"y": [1]}]}, on_select="rerun", key="p")',
    # A callback inside a form.
    "import streamlit as st\nwith st.form('f'):\n"
    + textwrap.indent(altair_app("changed").replace('key="chart", ', ""), "    ")
    + "    st.form_submit_button()\n",
]


@pytest.mark.parametrize("src", ERRORS)
def test_errors(src: str, theirs: dict[str, list[dict[str, Any]]]) -> None:
    (ours,) = sidepane(src)
    assert len(ours["errors"]) == 1
    if theirs:
        same([ours], theirs[json.dumps([src, None])])


@pytest.mark.parametrize(
    "wire",
    [
        {"selection": {"other": []}},  # not a reporting parameter
        {"selection": {"point_selection": 3}},
        {"selection": []},
        "not an event",
    ],
)
def test_bad_selections_are_ignored(wire: object) -> None:
    at = AppTest.from_string(altair_app()).run()
    at._set_widget_wire(at.get("vega_lite")[0].node.props["id"], wire)
    at.run()
    assert not at.exception
    assert at.session_state["chart"] == {
        "selection": {"interval_selection": {}, "point_selection": {}}
    }


def test_no_selection_key_is_the_empty_state() -> None:
    assert event_from_wire({}, ["p"]) == {"selection": {"p": {}}}
    with pytest.raises(InvalidWidgetValue):
        event_from_wire({"selection": {"q": {}}}, ["p"])


def test_selection_parameters_at_any_depth() -> None:
    spec = {
        "params": [{"name": "top", "select": "point"}, {"name": "value", "value": 3}],
        "layer": [{"params": [{"name": "layered", "select": {"type": "interval"}}]}],
        "vconcat": [{"hconcat": [{"params": [{"name": "deep", "select": "point"}]}]}],
        "spec": {"params": [{"name": "faceted", "select": "interval"}]},
    }
    assert selection_parameters(spec) == {"top", "layered", "deep", "faceted"}


def test_built_in_and_ignoring_charts_are_not_widgets() -> None:
    at = AppTest.from_string(
        "import streamlit as st\nst.line_chart([1, 2])\n"
        + altair_app('"ignore"').split("def changed")[0]
        + 'st.altair_chart(chart, on_select="ignore", key="k")\n'
    ).run()
    assert not at.exception
    assert all("id" not in c.node.props for c in at.get("vega_lite"))


def test_alt_is_the_accessible_name_and_part_of_the_id(caplog: pytest.LogCaptureFixture) -> None:
    src = (
        "import streamlit as st\n"
        "spec = {'mark': 'bar', 'description': 'own',\n"
        "        'params': [{'name': 'p', 'select': 'point'}]}\n"
        "st.vega_lite_chart({'a': [1]}, spec, alt='  Bars  ', on_select='rerun')\n"
        "st.vega_lite_chart({'a': [1]}, spec, alt='Other', on_select='rerun')\n"
        "st.line_chart([1, 2], alt=' ')\n"
        "st.bar_chart([1, 2], alt='Two bars')\n"
    )
    with caplog.at_level("WARNING"):
        at = AppTest.from_string(src).run()
    assert not at.exception
    props = [c.node.props for c in at.get("vega_lite")]
    assert [p.get("alt") for p in props] == ["Bars", "Other", None, "Two bars"]
    assert props[0]["id"] != props[1]["id"]  # otherwise the two would share one id
    assert "already sets description='own'" in caplog.text


@pytest.mark.parametrize("key", ["'k'", "None"])
def test_new_data_keeps_a_keyed_charts_selection_only(key: str) -> None:
    src = (
        "import streamlit as st\n"
        "n = st.session_state.get('n', 2)\n"
        "spec = {'mark': 'bar', 'params': [{'name': 'p', 'select': 'point'}],\n"
        "        'encoding': {'x': {'field': 'a', 'type': 'nominal'}}}\n"
        f"event = st.vega_lite_chart({{'a': list(range(n))}}, spec, on_select='rerun', key={key})\n"
        "st.write(repr(event))\n"
    )
    at = AppTest.from_string(src).run()
    first = at.get("vega_lite")[0].node.props["id"]
    at._set_widget_wire(first, {"selection": {"p": [{"a": 1}]}})
    at.run()
    assert at.markdown[0].value == "{'selection': {'p': [{'a': 1}]}}"
    at.session_state["n"] = 3
    at.run()
    kept = key != "None"
    assert (at.get("vega_lite")[0].node.props["id"] == first) is kept
    selected = "[{'a': 1}]" if kept else "{}"
    assert at.markdown[0].value == f"{{'selection': {{'p': {selected}}}}}"
