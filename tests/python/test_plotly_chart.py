"""`st.plotly_chart`: the figure as plotly's JSON (the same text Streamlit 1.67 sends), the sizes,
theme and config props, 1.67's errors and deprecation, and selections as a widget value."""

from __future__ import annotations

import importlib.metadata
import json
import logging
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest

from sidepane.elements.plotly_state import (
    PlotlySelectionState,
    PlotlyState,
    event_from_wire,
    event_to_wire,
)
from sidepane.errors import InvalidWidgetValue
from sidepane.testing import AppTest

pytest.importorskip("plotly")

STREAMLIT_167 = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/python"
needs_167 = pytest.mark.skipif(
    not STREAMLIT_167.exists(), reason="the Streamlit 1.67 bench venv is absent"
)

FIGURES = """
import streamlit as st
import plotly.express as px
import plotly.graph_objects as go
df = px.data.iris()
st.plotly_chart(px.scatter(df, x="sepal_width", y="sepal_length", color="species"))
st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"width": 500, "height": 300}),
                width="content", height="content", theme=None)
st.plotly_chart({"data": [{"type": "heatmap", "z": [[1, 2], [3, 4]]}]},
                config={"scrollZoom": False})
st.plotly_chart([go.Scatter(x=[1, 2], y=[3, 4])], width=320, height=200, key="a")
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[4, 5, 6])), on_select="rerun",
                selection_mode=["lasso", "box"], key="sel")
"""


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source)).run()


def charts(at: AppTest) -> list[dict[str, Any]]:
    return [dict(chart.node.props) for chart in at.get("plotly_chart")]


def test_props() -> None:
    at = run(FIGURES)
    assert not at.exception
    scatter, bar, heatmap, traces, selectable = charts(at)
    assert set(scatter) == {"spec", "height"}  # stretch, the figure's height (none: 450)
    assert scatter["height"] == 450
    assert json.loads(scatter["spec"])["layout"]["template"]["layout"]["colorway"][0] == "#000001"
    # "content" is the figure's own layout size.
    assert (bar["width"], bar["height"], bar["theme"]) == (500, 300, False)
    assert heatmap["config"] == {"scrollZoom": False}
    assert (traces["width"], traces["height"]) == (320, 200)
    assert "id" not in traces  # a key alone does not make it a widget
    assert selectable["selection_mode"] == ["box", "lasso"]
    assert selectable["label"] == "" and selectable["key"] == "sel"
    assert selectable["value"] == {
        "selection": {"points": [], "point_indices": [], "box": [], "lasso": []}
    }
    state = at.session_state["sel"]
    assert isinstance(state, PlotlyState)
    assert state.selection.points == [] and state["selection"]["box"] == []


def test_a_figure_made_before_the_first_chart_gets_the_streamlit_template() -> None:
    import plotly.graph_objects as go
    import plotly.io as pio

    from sidepane.elements.plotly_theme import install

    install()
    default = pio.templates.default
    pio.templates.default = "plotly"
    try:
        early = go.Figure(go.Bar(x=[1], y=[2]))
        dark = go.Figure(go.Bar(x=[1], y=[2]), layout={"template": "plotly_dark"})
    finally:
        pio.templates.default = default
    spec = json.loads(_spec_of(early))
    assert spec["layout"]["template"]["layout"]["colorway"][0] == "#000001"
    kept = json.loads(_spec_of(dark))
    assert kept["layout"]["template"]["layout"]["paper_bgcolor"] == "rgb(17,17,17)"


def _spec_of(figure: Any) -> str:
    from sidepane.elements.plotly_chart import _figure_json
    from sidepane.elements.plotly_theme import with_streamlit_template

    return json.dumps(with_streamlit_template(_figure_json(figure)))


@needs_167
def test_the_spec_config_theme_and_modes_are_streamlits() -> None:
    probe = f"""
import importlib.metadata
import json
from streamlit.testing.v1 import AppTest
at = AppTest.from_string({FIGURES!r}).run()
out = []
for el in at.get("plotly_chart"):
    p = el.proto
    out.append({{"spec": p.spec, "theme": p.theme, "config": json.loads(p.config),
                 "modes": sorted(["points", "box", "lasso"][m] for m in p.selection_mode)}})
print(json.dumps(out))
"""
    result = subprocess.run(
        [str(STREAMLIT_167), "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    theirs = json.loads(result.stdout.strip().splitlines()[-1])
    ours = charts(run(FIGURES))
    assert len(ours) == len(theirs)
    for mine, their in zip(ours, theirs, strict=True):
        assert json.loads(mine["spec"]) == json.loads(their["spec"])
        assert mine.get("theme", True) is (their["theme"] == "streamlit")
        assert mine.get("config", {}) == their["config"]
        assert mine.get("selection_mode", []) == their["modes"]


# Which plotly the error cases meet (the lowest-dependency run has plotly 6).
PLOTLY_7 = int(importlib.metadata.version("plotly").split(".")[0]) >= 7

PREAMBLE = "import streamlit as st\nfig = {'data': [{'type': 'bar', 'y': [1]}]}\n"
SIZES = "a positive integer (pixels), 'stretch', or 'content'."
ON_SELECT = "Invalid `on_select` value. Supported values: 'rerun', 'ignore', a callback function."
ERRORS = [
    ("st.plotly_chart(fig, theme='dark')",
     "Invalid `theme` value. Supported values: 'streamlit', None."),
    ("st.plotly_chart(fig, width='wide')",
     "Invalid width value: 'wide'. Width must be either " + SIZES),
    ("st.plotly_chart(fig, height=0)", "Invalid height value: 0. Height must be either " + SIZES),
    ("st.plotly_chart(fig, on_select='x')", ON_SELECT),
    ("st.plotly_chart(fig, on_select=None)", ON_SELECT),
    ("st.plotly_chart(fig, on_select='rerun', selection_mode='click')",
     "Invalid `selection_mode` value. Supported values: 'box', 'lasso', 'points'."),
    # plotly 7 lacks the error it means to raise here (Streamlit shows the same AttributeError);
    # plotly 6 raises it.
    ("st.plotly_chart({'data': []})", "PlotlyEmptyDataError" if PLOTLY_7 else "Empty data list"),
    ("st.plotly_chart(42)", "The `figure_or_data` positional argument must be"),
    # Every chart has an id, selecting or not.
    ("st.plotly_chart(fig)\nst.plotly_chart(fig)",
     "There are multiple `plotly_chart` elements with the same auto-generated ID."),
    ("st.plotly_chart(fig, key='a')\nst.plotly_chart({'data': [{'y': [2]}]}, key='a')",
     "There are multiple elements with the same `key='a'`."),
]  # fmt: skip


@pytest.mark.parametrize(("call", "message"), ERRORS)
def test_errors(call: str, message: str) -> None:
    at = run(PREAMBLE + call)
    assert len(at.exception) == 1
    assert message in str(at.exception[0].value)


@needs_167
@pytest.mark.skipif(not PLOTLY_7, reason="the cases expect plotly 7, which Streamlit's venv has")
def test_error_messages_are_streamlits() -> None:
    calls = [call for call, _ in ERRORS]
    probe = f"""
import importlib.metadata
import json
from streamlit.testing.v1 import AppTest
out = []
for call in {calls!r}:
    at = AppTest.from_string({PREAMBLE!r} + call).run()
    out.append(at.exception[0].message)
print(json.dumps(out))
"""
    result = subprocess.run(
        [str(STREAMLIT_167), "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    theirs = json.loads(result.stdout.strip().splitlines()[-1])
    for (_, message), their in zip(ERRORS, theirs, strict=True):
        assert message in their


def test_use_container_width_is_deprecated_in_the_log_only(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        at = run(
            "import streamlit as st\n"
            "fig = {'data': [{'type': 'bar', 'y': [1]}]}\n"
            "st.plotly_chart(fig, use_container_width=False)\n"
            "st.plotly_chart(fig, True, width=300)\n"
        )
    narrow, wide = charts(at)
    assert narrow["width"] == 700 and "width" not in wide
    assert not at.warning
    assert "`use_container_width` will be removed after 2025-12-31" in caplog.text


SELECTED = {
    "selection": {
        "points": [{"curve_number": 0, "point_number": 1, "point_index": 1, "x": 2, "y": 5}],
        "point_indices": [1],
        "box": [{"xref": "x", "yref": "y", "x": [1.5, 2.5], "y": [4.5, 5.5]}],
        "lasso": [],
    }
}

SELECT_APP = """
import streamlit as st
fig = {"data": [{"type": "scatter", "x": [1, 2, 3], "y": [4, 5, 6]}]}
def changed():
    st.write(f"callback {st.session_state.sel.selection.point_indices}")
event = st.plotly_chart(fig, key="sel", on_select=changed, selection_mode=MODES)
st.write(f"event {event.selection.point_indices} {len(event['selection']['box'])}")
"""


def test_a_selection_reruns_with_the_event_and_calls_back() -> None:
    at = run(SELECT_APP.replace("MODES", "('box', 'points')"))
    widget_id = charts(at)[0]["id"]
    at._set_widget_wire(widget_id, SELECTED)
    at.run()
    texts = [str(m.value) for m in at.markdown]
    assert texts == ["callback [1]", "event [1] 1"]
    state = at.session_state["sel"]
    assert state == SELECTED
    assert state.selection.box[0]["x"] == [1.5, 2.5]
    with pytest.raises(TypeError):
        state["selection"] = {}


@pytest.mark.parametrize(
    "wire",
    [
        SELECTED,  # a box on a chart that only selects points
        {"selection": {"points": "x"}},
        {"selection": {"point_indices": [True]}},
        {"selection": {"box": [{"x": [1]}]}},
        {"points": []},
        "not an event",
    ],
)
def test_bad_selections_are_ignored(wire: object) -> None:
    at = run(SELECT_APP.replace("MODES", "'points'"))
    at._set_widget_wire(charts(at)[0]["id"], wire)
    at.run()
    assert not at.exception
    assert at.session_state["sel"]["selection"]["point_indices"] == []


def test_state_round_trip() -> None:
    state = event_from_wire(SELECTED, ["box", "points"])
    assert isinstance(state.selection, PlotlySelectionState)
    assert event_to_wire(state) == SELECTED
    with pytest.raises(InvalidWidgetValue):
        event_from_wire(SELECTED, ["points"])


@needs_167
def test_the_event_object_is_streamlits() -> None:
    probe = f"""
import importlib.metadata
import json
from streamlit.elements.plotly_chart import PlotlyChartSelectionSerde
state = PlotlyChartSelectionSerde().deserialize(json.dumps({SELECTED!r}))
print(json.dumps({{"state": state, "box_x": state.selection.box[0]["x"],
                  "indices": state.selection.point_indices, "type": type(state).__name__,
                  "inner": type(state.selection).__name__}}))
"""
    result = subprocess.run(
        [str(STREAMLIT_167), "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    theirs = json.loads(result.stdout.strip().splitlines()[-1])
    ours = event_from_wire(SELECTED, ["box", "points"])
    assert ours == theirs["state"]
    assert ours.selection.box[0]["x"] == theirs["box_x"]
    assert ours.selection.point_indices == theirs["indices"]
    assert (type(ours).__name__, type(ours.selection).__name__) == (theirs["type"], theirs["inner"])


def test_the_gallery_chart_reports_a_selection() -> None:
    gallery = Path(__file__).resolve().parents[2] / "examples" / "gallery.py"
    at = AppTest.from_file(str(gallery), default_timeout=30).run()
    chart = next(c for c in at.get("plotly_chart") if c.node.props.get("key") == "gallery_plotly")
    assert chart.node.props["selection_mode"] == ["box", "lasso", "points"]
    assert "#000001" in chart.node.props["spec"]  # the streamlit template's palette
    points = [
        {"curve_number": 0, "point_index": 3, "x": 3.1, "y": 4.6, "legendgroup": "setosa"},
        {"curve_number": 2, "point_index": 0, "x": 3.3, "y": 6.3, "legendgroup": "virginica"},
    ]
    wire = {"selection": {"points": points, "point_indices": [3, 0], "box": [], "lasso": []}}
    at._set_widget_wire(chart.node.props["id"], wire)
    at.run()
    assert "Selected 2 flowers of setosa, virginica" in [str(m.value) for m in at.markdown]


def test_plotly_express_colours_with_the_template_from_the_first_import() -> None:
    # Plotly Express copies the default template's colours into each trace when it builds a
    # figure, so the template must be the default from the script's `import plotly` on (a fresh
    # interpreter: here plotly is long imported).
    # A script run loads the st. API (and with it the import hook) before the script starts.
    script = (
        "import sys\n"
        "import streamlit as st\n"
        "st.write(str('plotly' in sys.modules))\n"
        "import plotly.express as px\n"
        "fig = px.scatter(x=[1, 2], y=[3, 4], color=['a', 'b'])\n"
        "st.write(fig.data[0].marker.color + ' ' + fig.data[1].marker.color)\n"
    )
    probe = (
        "from sidepane.testing import AppTest\n"
        f"at = AppTest.from_string({script!r}).run()\n"
        "print(at.markdown[0].value, at.markdown[1].value)\n"
    )
    import sys

    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.split() == ["False", "#000001", "#000002"]


def test_a_script_charting_a_figure_never_loads_plotlys_stock_template() -> None:
    # Loading it cost a script's first `import plotly` ~25 ms (issue 18: an app with one chart
    # paints fast); it is read only to recognise a figure made with it. A fresh interpreter.
    script = (
        "import streamlit as st\n"
        "import plotly.graph_objects as go\n"
        "import plotly.io as pio\n"
        "st.plotly_chart(go.Figure(go.Scatter(x=[1, 2], y=[3, 4])))\n"
        "st.write(type(pio.templates._templates['plotly']).__name__)\n"
    )
    probe = (
        "from sidepane.testing import AppTest\n"
        f"at = AppTest.from_string({script!r}).run()\n"
        "print(at.markdown[0].value, '#000001' in at.get('plotly_chart')[0].node.props['spec'])\n"
    )
    import sys

    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.split() == ["object", "True"]  # still plotly's lazy placeholder


def test_write_draws_a_figure_and_the_state_type_is_public() -> None:
    at = run(
        "import streamlit as st, plotly.graph_objects as go\n"
        "st.write(go.Figure(go.Bar(y=[1, 2])))\n"
        "from streamlit.typing import PlotlyState\n"
        "st.write(PlotlyState.__name__)\n"
    )
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1
    assert at.markdown[0].value == "PlotlyState"
