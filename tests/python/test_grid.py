"""st.grid and grid.cell(): the props sent, Streamlit 1.67's errors, AppTest's `at.grid`, and
(with the bench's Streamlit 1.67) the same script compared through both AppTests."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

import pytest

from sidepane.testing import AppTest

STREAMLIT_167 = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/python"
needs_167 = pytest.mark.skipif(
    not STREAMLIT_167.exists(), reason="the Streamlit 1.67 bench venv is absent"
)


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source)).run()


APP = """
import streamlit as st
g = st.grid(4, gap=("medium", 10), border=True, row_height=120, vertical_alignment="center",
            key="g", dense=True, width=600, height=400, min_column_width=150)
g.metric("a", 1)
ph = g.empty()
with g.cell(column_span="all"):
    st.markdown("**Featured**")
    st.caption("x")
c = g.cell(column_span=2, row_span=2)
c.write("two")
ph.text("filled")
with g:
    st.button("b")
g2 = st.grid()
g2.write("auto")
st.write("after")
"""

# What both AppTests are asked about APP's grids.
REPORT = """
import json
at = AppTest.from_string(APP).run()
grids = [
    [g.type, g.column_count, g.wrap, g.border, g.row_height, g.min_column_width, g.gap,
     g.vertical_alignment, g.dense, g.width, g.height, g.key, len(g),
     [[i, c.type] for i, c in g.children.items()]]
    for g in at.grid
]
cell = at.grid[0].children[2]
print(json.dumps({
    "grids": grids,
    "cell_markdown": [m.value for m in cell.markdown],
    "containers": len(at.container),
    "main": [e.type for e in at.main],
    "text": [t.value for t in at.text],
    "get": len(at.get("grid")),
    "exception": [e.value for e in at.exception],
}))
"""


def test_grid_props_are_sent_only_when_not_the_default() -> None:
    at = run(APP)
    assert not at.exception
    first, second = (g.node.props for g in at.grid)
    assert first == {
        "columns": 4,
        "min_column_width": 150,
        "row_gap": "medium",
        "column_gap": 10,
        "vertical_alignment": "center",
        "border": True,
        "row_height": 120,
        "width": 600,
        "height": 400,
        "dense": True,
        "key": "g",
    }
    assert second == {}
    cells = [c.node.props for c in at.grid[0].children.values() if c.node.type == "grid_cell"]
    assert cells == [{"column_span": "all"}, {"column_span": 2, "row_span": 2}]


def test_an_empty_reserves_its_cell_and_later_writes_fill_it() -> None:
    at = run(APP)
    children = at.grid[0].children
    assert [c.type for c in children.values()] == [
        "metric",
        "text",
        "flex_container",
        "flex_container",
        "button",
    ]
    assert children[1].value == "filled"


def test_grid_attributes_in_apptest() -> None:
    grid = run(APP).grid[0]
    assert (grid.column_count, grid.gap, grid.row_height, grid.key) == (4, ("medium", 10), 120, "g")
    auto = run("import streamlit as st\nst.grid(gap=None)").grid[0]
    assert (auto.column_count, auto.min_column_width, auto.gap, auto.wrap) == (
        "auto",
        "auto",
        None,
        True,
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "st.grid(25)",
            "The `columns` parameter, set to 25, is outside the required range [1, 24].",
        ),
        (
            "st.grid(wrap=False)",
            '`columns="auto"` and `wrap=False` cannot be used together. `wrap=False` requires an '
            "explicit column count. Pass an integer, such as `st.grid(3, wrap=False)`.",
        ),
        (
            "st.grid(gap=('small', 'huge'))",
            "Invalid `gap` value. Supported values: 'xxsmall', 'xsmall', 'small', 'medium', "
            "'large', 'xlarge', 'xxlarge', None, a non-negative integer (pixels). Got 'huge' for "
            "the column gap in `gap`.",
        ),
        (
            "st.grid(3).cell(column_span=4)",
            "The `column_span` parameter, set to 4, is outside the required range [1, 3].",
        ),
        (
            "st.grid().cell(row_span='2')",
            "Invalid `row_span` type. Expected one of: int. Provided type: str.",
        ),
        (
            "st.grid(key='k'); st.button('b', key='k')",
            "There are multiple elements with the same `key='k'`. To fix this, please make sure "
            "that the `key` argument is unique for each element you create.",
        ),
    ],
)
def test_bad_arguments_raise_streamlits_errors(call: str, message: str) -> None:
    at = run(f"import streamlit as st\n{call}")
    assert [e.value for e in at.exception] == [message]


ERROR_CALLS = [
    "st.grid('x')", "st.grid(2.5)", "st.grid(0)", "st.grid(True)", "st.grid(3, wrap='no')",
    "st.grid(border=1)", "st.grid(dense='x')", "st.grid(min_column_width='x')",
    "st.grid(min_column_width=0)", "st.grid(min_column_width=1.5)", "st.grid(gap='huge')",
    "st.grid(gap=(1, 2, 3))", "st.grid(gap=-1)", "st.grid(vertical_alignment='middle')",
    "st.grid(row_height='x')", "st.grid(row_height=0)", "st.grid(row_height=2.5)",
    "st.grid(width='content')", "st.grid(height=0)", "st.grid().cell(column_span=30)",
    "st.grid().cell(column_span='x')", "st.grid().cell(column_span=0)",
    "st.grid().cell(column_span=1.5)", "st.grid().cell(row_span=0)",
    "st.grid(key='k'); st.grid(key='k')",
]  # fmt: skip

ERRORS = """
import json
print(json.dumps([
    [e.value for e in AppTest.from_string("import streamlit as st\\n" + call).run().exception]
    for call in CALLS
]))
"""


def _report(python: str, module: str, code: str, **values: object) -> object:
    head = f"from {module} import AppTest\n" + "".join(
        f"{name} = {value!r}\n" for name, value in values.items()
    )
    done = subprocess.run(
        [python, "-c", head + code], capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@needs_167
def test_the_same_script_reads_the_same_through_streamlit_167s_apptest() -> None:
    import sys

    ours = _report(sys.executable, "sidepane.testing", REPORT, APP=APP)
    theirs = _report(str(STREAMLIT_167), "streamlit.testing.v1", REPORT, APP=APP)
    assert ours == theirs


@needs_167
def test_every_argument_error_is_streamlit_167s() -> None:
    import sys

    ours = _report(sys.executable, "sidepane.testing", ERRORS, CALLS=ERROR_CALLS)
    theirs = _report(str(STREAMLIT_167), "streamlit.testing.v1", ERRORS, CALLS=ERROR_CALLS)
    assert ours == theirs
