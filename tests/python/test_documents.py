"""Diagrams and documents: `st.graphviz_chart` (DOT text and engine as Streamlit 1.67 sends them,
sizes, alt, 1.67's errors)."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest

from sidepane.testing import AppTest

STREAMLIT_167 = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/python"
needs_167 = pytest.mark.skipif(
    not STREAMLIT_167.exists(), reason="the Streamlit 1.67 bench venv is absent"
)


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source)).run()


def run_167(probe: str) -> Any:
    """Run `probe` under Streamlit 1.67; it prints one JSON line last."""
    result = subprocess.run(
        [str(STREAMLIT_167), "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


GRAPHS = """
import streamlit as st
import graphviz
g = graphviz.Digraph()
g.edge("run", "intr")
g.edge("intr", "runbl")
st.graphviz_chart(g)
st.graphviz_chart(graphviz.Graph(engine="neato", body=["a -- b"]), width="stretch", height=300)
st.graphviz_chart("digraph { a -> b }", alt="  Two nodes  ", width=400, height="stretch")
st.graphviz_chart(graphviz.Source("graph { x -- y }", engine="fdp"), alt="   ")
"""


def test_graphviz_chart_sends_the_dot_source_engine_and_sizes() -> None:
    pytest.importorskip("graphviz")
    charts = [el.node.props for el in run(GRAPHS).get("graphviz_chart")]
    assert [c["engine"] for c in charts] == ["dot", "neato", "dot", "fdp"]
    assert "run -> intr" in charts[0]["spec"] and charts[2]["spec"] == "digraph { a -> b }"
    assert "width" not in charts[0] and "height" not in charts[0]
    assert (charts[1]["width"], charts[1]["height"]) == ("stretch", 300)
    assert (charts[2]["width"], charts[2]["height"]) == (400, "stretch")
    assert charts[2]["alt"] == "Two nodes" and "alt" not in charts[3]


@needs_167
def test_graphviz_chart_spec_engine_and_alt_are_streamlits() -> None:
    probe = f"""
import json
from streamlit.testing.v1 import AppTest
at = AppTest.from_string({GRAPHS!r}).run()
print(json.dumps([[e.proto.spec, e.proto.engine, e.proto.alt] for e in at.get("graphviz_chart")]))
"""
    theirs = run_167(probe)
    ours = [
        [p["spec"], p["engine"], p.get("alt", "")]
        for p in (el.node.props for el in run(GRAPHS).get("graphviz_chart"))
    ]
    assert ours == theirs


GRAPHVIZ_ERRORS = [
    "st.graphviz_chart(42)",
    "st.graphviz_chart('digraph {}', width='wide')",
    "st.graphviz_chart('digraph {}', height=0)",
    "st.graphviz_chart('digraph {}', width=-3)",
]


def test_graphviz_chart_errors_are_streamlits() -> None:
    ours = [run("import streamlit as st\n" + line).exception[0].message for line in GRAPHVIZ_ERRORS]
    assert ours[0] == (
        "Invalid `figure_or_dot` type. Expected one of: graphviz.Graph, graphviz.Digraph, "
        "graphviz.Source, str. Provided type: int."
    )
    if not STREAMLIT_167.exists():
        return
    probe = f"""
import json
from streamlit.testing.v1 import AppTest
out = []
for line in {GRAPHVIZ_ERRORS!r}:
    at = AppTest.from_string("import streamlit as st\\n" + line).run()
    out.append(at.exception[0].message)
print(json.dumps(out))
"""
    assert ours == run_167(probe)


def test_graphviz_chart_use_container_width_is_width() -> None:
    at = run(
        """
        import streamlit as st
        st.graphviz_chart("digraph { a }", use_container_width=True)
        st.graphviz_chart("digraph { a }", use_container_width=False, width=300)
        """
    )
    first, second = (el.node.props for el in at.get("graphviz_chart"))
    assert first["width"] == "stretch"
    # As 1.67: use_container_width decides, whatever width says.
    assert "width" not in second


MERMAID = """
import streamlit as st
st.mermaid_chart("flowchart LR\\n  A --> B")
st.mermaid_chart("---\\ntitle: T\\n---\\nflowchart TD\\n  A-->B", alt="  Two   steps ", width=300)
st.mermaid_chart("%% stAlt: old\\nsequenceDiagram\\n  A->>B: ```x````", alt="new", width="content")
st.mermaid_chart("pie\\n  accTitle: Pie\\n  \\"a\\": 1", alt=" ")
st.mermaid_chart('''
    flowchart LR
        a --> b
    ''')
"""


def test_mermaid_chart_is_markdown_with_a_mermaid_fence_as_in_167() -> None:
    ours = [(m.value, m.node.props.get("width")) for m in run(MERMAID).markdown]
    assert ours[0] == ("````mermaid\nflowchart LR\n  A --> B\n````", "stretch")
    assert ours[1][0].splitlines()[4] == "%% stAlt: Two steps"
    assert ours[1][1] == 300
    assert ours[2][0].startswith("`````mermaid\n%% stAlt: new\nsequenceDiagram")
    assert "old" not in ours[2][0]
    if not STREAMLIT_167.exists():
        return
    probe = f"""
import json
from streamlit.testing.v1 import AppTest
at = AppTest.from_string({MERMAID!r}).run()
print(json.dumps([m.value for m in at.markdown]))
"""
    assert [body for body, _ in ours] == run_167(probe)


ECHARTS = """
import json
import streamlit as st
bar = {"xAxis": {"type": "category", "data": ["a", "b"]}, "yAxis": {"type": "value"},
       "series": [{"type": "bar", "data": [1, 2]}]}
st.echarts_chart(bar)
st.echarts_chart(json.dumps(bar), width="content", height=200, theme=None, renderer="svg",
                 alt=" Bars ", key="k")
st.echarts_chart({"series": [{"type": "pie", "data": [{"value": 1, "name": "x"}]}]},
                 width=300, height="stretch")
"""


def test_echarts_chart_sends_the_option_as_streamlit_167_does() -> None:
    charts = [el.node.props for el in run(ECHARTS).get("echarts_chart")]
    assert [(c["width"], c["height"]) for c in charts] == [
        ("stretch", 350),
        (700, 200),
        (300, "stretch"),
    ]
    assert charts[1]["theme"] is False and charts[1]["renderer"] == "svg"
    assert charts[1]["alt"] == "Bars" and charts[1]["key"] == "k"
    assert "theme" not in charts[0] and "renderer" not in charts[0]
    if not STREAMLIT_167.exists():
        return
    probe = f"""
import json
from streamlit.testing.v1 import AppTest
at = AppTest.from_string({ECHARTS!r}).run()
print(json.dumps([[e.proto.spec, e.proto.theme, e.proto.alt] for e in at.get("echarts_chart")]))
"""
    ours = [
        [c["spec"], "" if c.get("theme") is False else "streamlit", c.get("alt", "")]
        for c in charts
    ]
    assert ours == run_167(probe)


def test_echarts_chart_turns_a_dataframe_source_into_rows() -> None:
    at = run(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"day": ["Mon", "Tue"], "sales": [3, None]})
        st.echarts_chart({"dataset": {"source": df}, "xAxis": {"type": "category"},
                          "yAxis": {}, "series": [{"type": "bar"}]})
        """
    )
    spec = json.loads(at.get("echarts_chart")[0].node.props["spec"])
    assert spec["dataset"]["source"] == [["day", "sales"], ["Mon", 3.0], ["Tue", None]]


ECHARTS_ERRORS = [
    "st.echarts_chart(42)",
    "st.echarts_chart('[1, 2]')",
    "st.echarts_chart('{\"a\": function (x) { return x; }}')",
    "st.echarts_chart('{not json')",
    "st.echarts_chart({'series': [{'type': 'scatter3D'}]})",
    "st.echarts_chart({'series': [{'type': 'custom'}]})",
    "st.echarts_chart({'series': [{'type': 'wordCloud'}]})",
    "st.echarts_chart({'geo': {}})",
    "st.echarts_chart({'grid3D': {}})",
    "st.echarts_chart({'series': [{'type': 'bar', 'data': [float('nan')]}]})",
    "st.echarts_chart({'series': [{'type': 'bar', 'data': [object()]}]})",
    "st.echarts_chart({'media': 3})",
    "st.echarts_chart({}, theme='dark')",
    "st.echarts_chart({}, renderer='webgl')",
    "st.echarts_chart({}, width='wide')",
    "st.echarts_chart({}, on_select='x')",
]


def test_echarts_chart_errors_are_streamlits() -> None:
    ours = [run("import streamlit as st\n" + line).exception[0].message for line in ECHARTS_ERRORS]
    if not STREAMLIT_167.exists():
        return
    probe = f"""
import json
from streamlit.testing.v1 import AppTest
out = []
for line in {ECHARTS_ERRORS!r}:
    at = AppTest.from_string("import streamlit as st\\n" + line).run()
    out.append(at.exception[0].message)
print(json.dumps(out))
"""
    theirs = run_167(probe)
    for line, mine, their in zip(ECHARTS_ERRORS, ours, theirs, strict=True):
        assert mine == their, line


def test_echarts_chart_selection_is_a_widget_value() -> None:
    at = run(
        """
        import streamlit as st
        event = st.echarts_chart(
            {"xAxis": {"type": "category", "data": ["a", "b"]}, "yAxis": {},
             "series": [{"type": "bar", "data": [1, 2], "selectedMode": "single"}]},
            on_select="rerun", key="sel")
        st.write(event.selection.selected)
        """
    )
    chart = at.get("echarts_chart")[0]
    assert chart.node.props["value"] == {"selection": {"selected": [], "areas": []}}
    group = {
        "series_index": 0,
        "series_id": None,
        "series_name": None,
        "data_type": "main",
        "data_indices": [1],
    }
    assert at.session_state["sel"].selection.selected == []
    at._set_widget_wire(chart.node.props["id"], {"selection": {"selected": [group], "areas": []}})
    at.run()
    assert at.session_state["sel"].selection.selected == [group]
    assert at.session_state["sel"]["selection"]["areas"] == []


def test_pdf_sends_bytes_as_a_payload_and_why_a_url_could_not_be_had(tmp_path: Path) -> None:
    document = tmp_path / "doc.pdf"
    document.write_bytes(b"%PDF-1.4 fake")
    at = run(
        f"""
        import io
        from pathlib import Path
        import streamlit as st
        st.pdf({str(document)!r})
        st.pdf(Path({str(document)!r}), height="stretch", alt=" Report ", key="r")
        st.pdf(io.BytesIO(b"%PDF-1.4 fake"), height=300)
        st.pdf("http://127.0.0.1:9/a.pdf")
        """
    )
    docs = [el.node.props for el in at.get("pdf")]
    assert docs[0]["hash"] == docs[1]["hash"] == docs[2]["hash"]
    assert (docs[0]["height"], docs[1]["height"], docs[2]["height"]) == (500, "stretch", 300)
    assert docs[1]["alt"] == "Report" and docs[1]["key"] == "r"
    # Nothing listens on the discard port: the runtime says why, the viewer shows it with a link
    # (test_pdf_url.py fetches real documents).
    assert docs[3]["url"] == "http://127.0.0.1:9/a.pdf" and "hash" not in docs[3]
    assert docs[3]["error"].startswith("Could not download http://127.0.0.1:9/a.pdf: ")


PDF_ERRORS = [
    "st.pdf(None)",
    "st.pdf(42)",
    "st.pdf('/no/such/file.pdf')",
    "st.pdf(b'%PDF', height='content')",
    "st.pdf(b'%PDF', height=0)",
]


def test_pdf_errors_are_streamlits() -> None:
    ours = [run("import streamlit as st\n" + line).exception[0].message for line in PDF_ERRORS]
    assert ours[0] == (
        "The `data` parameter is required. Please provide a valid PDF file path, URL, bytes "
        "data, or file-like object."
    )
    assert ours[1] == (
        "Invalid `data` type. Expected one of: str, Path, bytes, file-like object. Provided "
        "type: int. A str can be a file path or a URL."
    )
    assert ours[2] == (
        "Unable to read file '/no/such/file.pdf': [Errno 2] No such file or directory: "
        "'/no/such/file.pdf'"
    )
    assert ours[3] == (
        "Invalid height value: 'content'. Height must be either a positive integer (pixels) "
        "or 'stretch'."
    )
    if STREAMLIT_167.exists():
        # Without its streamlit-pdf component 1.67 checks only that data is given.
        probe = f"""
import json
from streamlit.testing.v1 import AppTest
at = AppTest.from_string("import streamlit as st\\n" + {PDF_ERRORS[0]!r}).run()
print(json.dumps(at.exception[0].message))
"""
        assert run_167(probe) == ours[0]


def test_iframe_tells_urls_html_and_files_apart_as_167_does(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>from a file</p>", encoding="utf-8")
    picture = tmp_path / "dot.png"
    picture.write_bytes(b"\x89PNG fake")
    at = run(
        f"""
        from pathlib import Path
        import streamlit as st
        st.iframe("https://example.com", tab_index=-1, alt=" Example ")
        st.iframe("<b>hi</b>")
        st.iframe("<b>hi</b>", width="content", height=120)
        st.iframe(Path({str(page)!r}), height="stretch")
        st.iframe(Path({str(picture)!r}), width=300)
        st.iframe("/app/static/x.html", width="content")
        st.iframe("data:text/html,hello")
        """
    )
    frames = [el.node.props for el in at.get("iframe")]
    assert frames[0] == {
        "src": "https://example.com",
        "height": 400,
        "tab_index": -1,
        "alt": "Example",
    }
    assert "html_id" in frames[1] and frames[1]["height"] == "content"
    assert frames[2]["width"] == "content" and frames[2]["height"] == 120
    # A page at its content's height carries the height reporter; a fixed height does not.
    assert frames[1]["html_id"] != frames[2]["html_id"]
    assert frames[3]["height"] == "stretch" and "html_id" in frames[3]
    assert frames[4]["mimetype"] == "image/png" and frames[4]["width"] == 300
    assert frames[4]["height"] == 400 and "hash" in frames[4]
    assert frames[5] == {"src": "/app/static/x.html", "height": 400}
    assert frames[6] == {"src": "data:text/html,hello", "height": 400}


IFRAME_ERRORS = [
    "st.iframe('x', tab_index=-2)",
    "st.iframe('x', tab_index=1.5)",
    "st.iframe('x', width='wide')",
    "st.iframe('x', height=0)",
    "from pathlib import Path\nst.iframe(Path('/no/such.html'))",
]


def test_iframe_errors_are_streamlits() -> None:
    ours = [run("import streamlit as st\n" + line).exception[0].message for line in IFRAME_ERRORS]
    if not STREAMLIT_167.exists():
        return
    probe = f"""
import json
from streamlit.testing.v1 import AppTest
out = []
for line in {IFRAME_ERRORS!r}:
    at = AppTest.from_string("import streamlit as st\\n" + line).run()
    out.append(at.exception[0].message)
print(json.dumps(out))
"""
    theirs = run_167(probe)
    for line, mine, their in zip(IFRAME_ERRORS, ours, theirs, strict=True):
        assert mine == their, line


def test_html_takes_167s_width_and_runs_javascript_in_a_frame_of_its_own() -> None:
    at = run(
        """
        import streamlit as st
        st.html("<b>a</b>")
        st.html("<b>b</b>", width=300)
        st.html("<b>c</b>", width="content")
        st.html("<p id='x'></p><script>document.getElementById('x').textContent = 'ran'</script>",
                unsafe_allow_javascript=True)
        st.html("<style>p { color: red }</style>", unsafe_allow_javascript=True)
        """
    )
    bodies = [el.node.props for el in at.get("html")]
    assert "width" not in bodies[0] and bodies[1]["width"] == 300
    assert bodies[2]["width"] == "content"
    assert "javascript" in bodies[3] and "javascript" not in bodies[4]
    error = run("import streamlit as st\nst.html('<b>x</b>', width='wide')").exception[0].message
    assert error == (
        "Invalid width value: 'wide'. Width must be either a positive integer (pixels), "
        "'stretch', or 'content'."
    )


def test_two_echarts_charts_with_one_key_fail_as_in_167() -> None:
    at = run(
        """
        import streamlit as st
        st.echarts_chart({}, key="a")
        st.echarts_chart({"series": []}, key="a")
        """
    )
    assert at.exception[0].message == (
        "There are multiple elements with the same `key='a'`. To fix this, please make sure "
        "that the `key` argument is unique for each element you create."
    )
    assert not run("import streamlit as st\nst.echarts_chart({})\nst.echarts_chart({})").exception


def test_style_only_html_takes_no_place_in_the_layout_as_in_167() -> None:
    at = run(
        """
        import streamlit as st
        st.html("<style>p { color: red }</style>")
        with st.sidebar:
            st.html("<!-- c --><style>b {}</style>", unsafe_allow_javascript=True)
        st.html("<b>x</b>")
        """
    )
    assert [e.type for e in at.main] == ["main", "html"] and len(at.sidebar.children) == 0
    assert [h.node.path[0] for h in at.html] == ["main", "event", "event"]
    assert all("javascript" not in h.node.props for h in at.html)
