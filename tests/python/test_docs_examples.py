"""Streamlit 1.67's documented examples of issue 18's APIs run on Sidepane as they do on 1.67.

Each example (extracted from 1.67's docstrings by docs_examples.py, recorded with what
`streamlit.testing.v1.AppTest` showed for it in data/docs_examples_1_67.json) runs through
`sidepane.testing.AppTest`: it raises where 1.67 raises (the same message) and nowhere else, and
shows the same elements in the same places with the same props, where both sides name a prop.
With the bench's Streamlit 1.67 venv installed, a test also checks the recording is current.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docs_examples import DATA, summarize

from sidepane.testing import AppTest

STREAMLIT_167 = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/python"
EXAMPLES: list[dict[str, Any]] = json.loads(DATA.read_text())

# Element kinds that Sidepane's tree names otherwise (1.67's proto field → Sidepane's node type).
KINDS = {
    "grid_container": "grid",
    "vega_lite_chart": "vega_lite",
}

# 1.67's prop → Sidepane's, per kind, where only the name differs.
RENAMED = {
    "deck_gl_json_chart": {"json": "spec"},
    "metric": {"body": "value", "show_border": "border"},
    "grid": {"min_column_width_px": "min_column_width"},
    "bidi_component": {
        "component_name": "name",
        "js_content": "js",
        "css_content": "css",
        "html_content": "html",
        "json": "data",
    },
}

# 1.67's props Sidepane's tree does not hold as such, and why (the viewer gets the same thing).
NOT_COMPARED = {
    # Absent means the default in Sidepane's schema.
    "theme": "absent: the streamlit theme",
    "scrolling": "st.iframe scrolls by default",
    "wrap": "markdown and grids wrap unless told",
    "element_type": "markdown's kind",
    "isolate_styles": "v2 components isolate styles unless told",
    "allow_empty": "a grid cell is kept even when empty",
    "row_gap_config": "the default gap",
    "column_gap_config": "the default gap",
    "flex_container": "a grid cell's own layout (vertical, default gap)",
    "label_visibility": "absent: visible",
    "js_source_path": "no file",
    "css_source_path": "no file",
    "selection_activated": "Sidepane's widget value says selections are on",
    # Sent another way.
    "srcdoc": "the HTML page is served by id (html_id)",
    "datasets": "Sidepane sends a dataframe inside the spec or as its own tables",
    "arrow_data": "Sidepane's own table encoding",
    "grid_cell": "column_span on Sidepane's grid_cell",
}
# Props both name but encode differently.
NOT_COMPARED_IN = {
    ("echarts_chart", "spec"): "a dataframe dataset goes as a 2-D array, not a named Arrow table",
    ("vega_lite", "spec"): "dataset names differ (Sidepane's digest of its own encoding)",
    ("dataframe", "columns"): "Sidepane's column list vs 1.67's column config",
}

# Where the bench's 1.67 cannot run an example as its docs mean it.
REFERENCE_LACKS = {
    "pdf_1": "1.67 needs the optional streamlit-pdf package (`streamlit[pdf]`), not in the bench's "
    "venv; Sidepane draws st.pdf itself, so only the docs' missing report.pdf fails",
}
# Examples that fail inside a third-party library on both sides, with that library's message,
# which changes between its versions (the lowest-bounds run has older ones than the recording).
RAISED_BY_THEIR_LIBRARY = {
    "plotly_chart_1": "plotly.figure_factory.create_distplot needs scipy, not installed here",
}


def _kind(element: dict[str, Any]) -> str:
    kind = str(element["kind"])
    if kind == "flex_container" and "grid_cell" in element["props"]:
        return "grid_cell"
    return KINDS.get(kind, kind)


# pydeck names each layer with a fresh uuid4 unless the script gives an id.
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _same(reference: Any, ours: Any) -> bool:
    """Equal, reading 1.67's JSON text (its protos send some values as JSON) and its enum names
    (UP) as Sidepane's (up)."""
    if isinstance(reference, str) and isinstance(ours, str):
        reference, ours = _UUID.sub("<uuid>", reference), _UUID.sub("<uuid>", ours)
        if reference == ours or (re.fullmatch(r"[A-Z_]+", reference) and reference.lower() == ours):
            return True
    if isinstance(reference, str):
        try:
            reference = json.loads(reference)
        except ValueError:
            return False
    return bool(reference == ours)


def _prop_differences(kind: str, reference: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    renamed = RENAMED.get(kind, {})
    differences = []
    for key, value in reference.items():
        if key in NOT_COMPARED:
            continue
        name = renamed.get(key, key)
        if (kind, name) in NOT_COMPARED_IN:
            continue
        if name not in ours and value in ("", None):
            continue  # a proto's empty field: absent
        if name not in ours:
            differences.append(f"{kind}.{name}: 1.67 has {value!r:.80}, Sidepane none")
        elif not _same(value, ours[name]):
            differences.append(f"{kind}.{name}: 1.67 {value!r:.80} vs {ours[name]!r:.80}")
    return differences


def differences(reference: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    """What a test sees differently on Sidepane than on 1.67 (empty: nothing)."""
    found = []
    if ours["error"] != reference["error"]:
        found.append(f"AppTest: 1.67 {reference['error']!r}, Sidepane {ours['error']!r}")
    if ours["exceptions"] != reference["exceptions"]:
        found.append(f"exceptions: 1.67 {reference['exceptions']}, Sidepane {ours['exceptions']}")
    shape = [(_kind(e), e["depth"]) for e in reference["elements"]]
    our_shape = [(str(e["kind"]), e["depth"]) for e in ours["elements"]]
    # components.v1's html/iframe are 1.67's iframe element; Sidepane's tree calls them frames.
    our_shape = [("iframe" if k == "component_frame" else k, d) for k, d in our_shape]
    if shape != our_shape:
        found.append(f"elements: 1.67 {shape}, Sidepane {our_shape}")
        return found
    for element, our_element in zip(reference["elements"], ours["elements"], strict=True):
        found += _prop_differences(_kind(element), element["props"], our_element["props"])
    return found


@pytest.fixture(autouse=True)
def _quiet_deprecations(recwarn: pytest.WarningsRecorder) -> None:
    """components.v1.html/iframe warn that they are deprecated, as 1.67 does."""


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["id"] for e in EXAMPLES])
def test_example_runs_as_on_streamlit_1_67(example: dict[str, Any]) -> None:
    ours = summarize(AppTest, example["code"])
    if example["id"] in REFERENCE_LACKS:
        assert ours["error"] is None
        assert [m.split(":")[0] for m in ours["exceptions"]] == ["Unable to read file 'report.pdf'"]
        assert [e["kind"] for e in ours["elements"]] == ["pdf", "pdf"]
        return
    reference = example["streamlit_1_67"]
    if example["id"] in RAISED_BY_THEIR_LIBRARY:
        assert reference["exceptions"] and ours["exceptions"] and ours["error"] is None
        return
    assert not differences(reference, ours), (
        f"{example['id']} ({example['source']}):\n{example['code']}\n"
        + "\n".join(differences(reference, ours))
    )


def test_every_api_of_issue_18_has_its_examples_recorded() -> None:
    apis = {e["api"] for e in EXAMPLES}
    # declare_component's docstring has no Examples section in 1.67.
    assert apis >= {
        "plotly_chart",
        "pydeck_chart",
        "map",
        "graphviz_chart",
        "mermaid_chart",
        "echarts_chart",
        "pdf",
        "iframe",
        "html",
        "camera_input",
        "audio_input",
        "grid",
        "components.v1.html",
        "components.v1.iframe",
        "components.v2.component",
    }
    assert all(e["source"].startswith("streamlit/") for e in EXAMPLES)


def test_the_recording_is_streamlit_1_67s() -> None:
    if not STREAMLIT_167.exists():
        pytest.skip("the bench's Streamlit 1.67 venv is not installed")
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import docs_examples; "
        "print(json.dumps([[e['id'], e['source'], e['code']] for e in docs_examples.extract()]))"
    )
    done = subprocess.run(
        [str(STREAMLIT_167), "-c", code, str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(done.stdout) == [[e["id"], e["source"], e["code"]] for e in EXAMPLES], (
        "regenerate data/docs_examples_1_67.json (see docs_examples.py)"
    )
