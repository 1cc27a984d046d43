"""Every built-in chart takes every input Streamlit 1.67 takes, and draws it as Streamlit does.

The expected fields, types and row counts were read from Streamlit 1.67's own charts
(`built_in_chart_utils.generate_chart`) for the same inputs.
"""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd
import pytest

from sidepane.testing import AppTest

I = "index -- streamlit-generated"  # noqa: E741 - the index as x
V = "value -- streamlit-generated"  # melted y values
C = "color -- streamlit-generated"  # melted y column names
M = "DOES_NOT_EXIST -- streamlit-generated"  # the field of an empty chart
Q, N, T = "quantitative", "nominal", "temporal"

LONG = (
    "pd.DataFrame({'x': [1, 2, 3, 1, 2, 3], 'y': [4, 5, 6, 7, 8, 9], "
    "'g': list('aaabbb'), 's': [1, 2, 3, 4, 5, 6]})"
)

# name: (data expression, chart kwargs, (x field, x type, y field, y type, colour field, rows),
#        melted colour values or None)
CASES: dict[str, tuple[str, str, tuple[Any, ...], list[str] | None]] = {
    "numpy_2d": ("np.arange(12.0).reshape(4, 3)", "", (I, Q, V, Q, C, 12), ["0", "1", "2"]),
    "numpy_1d": ("np.arange(5.0)", "", (I, Q, "value", Q, None, 5), None),
    "numpy_1d_int": ("np.arange(4)", "", (I, Q, "value", Q, None, 4), None),
    "random_2d": ("np.random.randn(20, 3)", "", (I, Q, V, Q, C, 60), ["0", "1", "2"]),
    "list_flat": ("[1, 5, 2, 6]", "", (I, Q, "value", Q, None, 4), None),
    "list_nested": ("[[1, 2], [3, 4], [5, 6]]", "", (I, Q, V, Q, C, 6), ["0", "1"]),
    "dict_of_lists": ("{'a': [1, 2, 3], 'b': [4, 5, 6]}", "", (I, Q, V, Q, C, 6), ["a", "b"]),
    "dict_of_scalars": ("{'a': 1, 'b': 2, 'c': 3}", "", (I, N, "value", Q, None, 3), None),
    "series_named": ("pd.Series([1, 3, 2], name='s')", "", (I, Q, "s", Q, None, 3), None),
    "series_unnamed": ("pd.Series([1, 3, 2])", "", (I, Q, "0", Q, None, 3), None),
    "int_columns": (
        "pd.DataFrame([[1, 2], [3, 4]], columns=[10, 20])",
        "",
        (I, Q, V, Q, C, 4),
        ["10", "20"],
    ),
    "tuple_columns": (
        "pd.DataFrame([[1, 2], [3, 4]], columns=[('p', 1), ('q', 2)])",
        "",
        (I, Q, V, Q, C, 4),
        ["('p', 1)", "('q', 2)"],
    ),
    # Streamlit 1.67 fails here (KeyError); Sidepane draws the column tuples, as above.
    "multiindex_columns": (
        "pd.DataFrame([[1, 2, 3], [4, 5, 6]], "
        "columns=pd.MultiIndex.from_tuples([('x', 'a'), ('x', 'b'), ('y', 'c')]))",
        "",
        (I, Q, V, Q, C, 6),
        ["('x', 'a')", "('x', 'b')", "('y', 'c')"],
    ),
    "duplicate_columns": (
        "pd.DataFrame([[1, 2, 3], [4, 5, 6]], columns=['a', 'a', 'b'])",
        "",
        (I, Q, V, Q, C, 6),
        None,
    ),
    "mixed_label_types": (
        "pd.DataFrame([[1, 2, 3], [3, 4, 5]], columns=['a', 1, 2.5])",
        "",
        (I, Q, V, Q, C, 6),
        ["a", "1", "2.5"],
    ),
    "vega_special_names": (
        "pd.DataFrame({'a.b': [1, 2], 'c[0]': [3, 4]})",
        "",
        (I, Q, V, Q, C, 4),
        ["a.b", "c[0]"],
    ),
    "datetime_index": (
        "pd.DataFrame({'a': [1.0, 2, 3], 'b': [4.0, 5, 6]}, "
        "index=pd.date_range('2024-01-01', periods=3))",
        "",
        (I, T, V, Q, C, 6),
        ["a", "b"],
    ),
    "named_index": (
        "pd.DataFrame({'v': [1, 2, 3]}, index=pd.Index([5, 6, 7], name='when'))",
        "",
        ("when", Q, "v", Q, None, 3),
        None,
    ),
    "long_form": (LONG, "x='x', y='y', color='g'", ("x", Q, "y", Q, "g", 6), None),
    "wide_y_list": (LONG, "x='x', y=['y', 's']", ("x", Q, V, Q, C, 12), ["y", "s"]),
    "y_only": (LONG, "y='y'", (I, Q, "y", Q, None, 6), None),
    "x_only": (LONG, "x='x'", ("x", Q, V, N, C, 18), ["y", "g", "s"]),
    # Streamlit 1.67 compares the text of `y` with the raw labels and finds nothing.
    "int_labels_as_y": (
        "pd.DataFrame([[1, 2], [3, 4]], columns=[10, 20])",
        "y=[10, 20]",
        (I, Q, V, Q, C, 4),
        ["10", "20"],
    ),
    "colour_value": (LONG, "x='x', y='y', color='#ff0000'", ("x", Q, "y", Q, None, 6), None),
    "colour_list": (
        LONG,
        "x='x', y=['y', 's'], color=['#f00', (0, 0, 255)]",
        ("x", Q, V, Q, C, 12),
        ["y", "s"],
    ),
    "tuple": ("(1, 2, 3)", "", (I, Q, "value", Q, None, 3), None),
    "range": ("range(4)", "", (I, Q, "value", Q, None, 4), None),
    "set": ("{1, 2}", "", (I, Q, "value", Q, None, 2), None),
    "generator": ("(i for i in range(3))", "", (I, Q, "value", Q, None, 3), None),
    "namedtuple": (
        "collections.namedtuple('P', 'a b')(1, 2)",
        "",
        (I, N, "value", Q, None, 2),
        None,
    ),
    "dataclass": (
        "dataclasses.make_dataclass('D', [('a', int, dataclasses.field(default=1))])()",
        "",
        (I, N, "value", Q, None, 1),
        None,
    ),
    "list_of_dicts": ("[{'a': 1, 'b': 2}, {'a': 3, 'b': 4}]", "", (I, Q, V, Q, C, 4), ["a", "b"]),
    "dict_of_dicts": ("{'r1': {'a': 1}, 'r2': {'a': 2}}", "", (I, N, V, Q, C, 2), ["r1", "r2"]),
    "series_datetime_index": (
        "pd.Series([1.0, 2.0], index=pd.date_range('2024', periods=2), name='v')",
        "",
        (I, T, "v", Q, None, 2),
        None,
    ),
    "pandas_array": ("pd.array([1, 2, None])", "", (I, Q, "0", Q, None, 3), None),
    "styler": ("pd.DataFrame({'a': [1, 2]}).style", "", (I, Q, "a", Q, None, 2), None),
    "numpy_strings": ("np.array(['a', 'b'])", "", (I, Q, "value", N, None, 2), None),
    "numpy_0d": ("np.array(5)", "", (M, Q, M, Q, None, 0), None),
    "mixed_types_melted": (
        "pd.DataFrame({'a': [1, 2], 'b': ['x', 'y']})",
        "",
        (I, Q, V, N, C, 4),
        ["a", "b"],
    ),
    "y_tuple": (LONG, "x='x', y=('y', 's')", ("x", Q, V, Q, C, 12), ["y", "s"]),
    "date_x": (
        "pd.DataFrame({'d': pd.date_range('2024', periods=2).date, 'y': [1, 2]})",
        "x='d', y='y'",
        ("d", T, "y", Q, None, 2),
        None,
    ),
    # Streamlit 1.67 fails on these two (KeyError, ValueError); Sidepane draws them.
    "row_multiindex": (
        "pd.DataFrame({'v': [1, 2, 3]}, "
        "index=pd.MultiIndex.from_tuples([('a', 1), ('a', 2), ('b', 1)], names=['g', 'n']))",
        "",
        (I, N, "v", Q, None, 3),
        None,
    ),
    "index_named_like_a_column": (
        "pd.DataFrame({'a': [1, 2]}, index=pd.Index([0, 1], name='a'))",
        "",
        (I, Q, "a", Q, None, 2),
        None,
    ),
    "none": ("None", "", (M, Q, M, Q, None, 0), None),
    "empty_dataframe": ("pd.DataFrame()", "", (M, Q, M, Q, None, 0), None),
    "empty_list": ("[]", "", (M, Q, M, Q, None, 0), None),
}

CHARTS = ["line_chart", "area_chart", "bar_chart", "scatter_chart"]


def _base_encoding(spec: dict[str, Any]) -> dict[str, Any]:
    # A line chart is a layer: the line, then two hover-point layers.
    encoding: dict[str, Any] = spec["layer"][0]["encoding"] if "layer" in spec else spec["encoding"]
    return encoding


def _draw_source(calls: str) -> AppTest:
    imports = "import collections, dataclasses\nimport streamlit as st, numpy as np, pandas as pd"
    src = f"{imports}\n{calls}\n"
    at = AppTest.from_string(src).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _draw(chart: str, data: str, kwargs: str) -> AppTest:
    return _draw_source(f"st.{chart}({data}, {kwargs})")


@functools.cache
def _all_charts(case: str) -> AppTest:
    """One run drawing the case with each chart, in CHARTS order (one run per case is faster)."""
    data, kwargs, _, _ = CASES[case]
    calls = "\n".join(f"st.{chart}({data}, {kwargs})" for chart in CHARTS)
    return _draw_source(calls)


@pytest.mark.parametrize("chart", CHARTS)
@pytest.mark.parametrize("case", list(CASES))
def test_builtin_chart_takes_streamlit_inputs(chart: str, case: str) -> None:
    _, _, expected, colors = CASES[case]
    at = _all_charts(case)
    assert len(at.vega_lite_chart) == len(CHARTS)
    element = at.vega_lite_chart[CHARTS.index(chart)]
    encoding = _base_encoding(element.spec)
    x_field, x_type, y_field, y_type, color_field, rows = expected
    if chart == "bar_chart" and x_type != T and x_field != M:
        x_type = "ordinal"  # vertical bars put a discrete axis under every non-date x
    got = (
        encoding["x"]["field"],
        encoding["x"]["type"],
        encoding["y"]["field"],
        encoding["y"]["type"],
        encoding.get("color", {}).get("field"),
    )
    assert got == (x_field, x_type, y_field, y_type, color_field)
    (table,) = element.datasets.values()
    assert len(table) == rows
    for field in {x_field, y_field, color_field} - {None, M}:
        assert field in table.columns
    if colors is not None:
        assert list(pd.unique(table[C])) == colors


@pytest.mark.parametrize(
    ("chart", "kwargs", "expected"),
    [
        ("bar_chart", "x='x', y=['y', 's'], horizontal=True", (V, Q, "x", "ordinal", C, 12)),
        ("bar_chart", "x='x', y='y', color='g', stack=False", ("x", "ordinal", "y", Q, "g", 6)),
        ("area_chart", "x='x', y='y', color='g', stack=False", ("x", Q, "y", Q, "g", 6)),
        ("area_chart", "x='x', y=['y', 's'], stack='normalize'", ("x", Q, V, Q, C, 12)),
        ("scatter_chart", "x='x', y='y', size='s'", ("x", Q, "y", Q, None, 6)),
        ("scatter_chart", "x='x', y='y', size=50", ("x", Q, "y", Q, None, 6)),
    ],
)
def test_chart_options(chart: str, kwargs: str, expected: tuple[Any, ...]) -> None:
    at = _draw(chart, LONG, kwargs)
    encoding = _base_encoding(at.vega_lite_chart[0].spec)
    got = (
        encoding["x"]["field"],
        encoding["x"]["type"],
        encoding["y"]["field"],
        encoding["y"]["type"],
        encoding.get("color", {}).get("field"),
    )
    assert got == expected[:5]
    assert len(next(iter(at.vega_lite_chart[0].datasets.values()))) == expected[5]
    if "stack=False" in kwargs:
        # Streamlit sets offset channels whenever stack=False groups by a colour column.
        assert "xOffset" in encoding and "yOffset" in encoding
    if "stack=" in kwargs:
        stacked = encoding["y"] if "horizontal" not in kwargs else encoding["x"]
        assert stacked["stack"] == (False if "False" in kwargs else "normalize")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (f"st.line_chart({LONG}, y='nope')", 'Data does not have a column named `"nope"`'),
        (f"st.bar_chart({LONG}, x=3)", "Invalid `x` type"),
        (f"st.area_chart({LONG}, stack='sideways')", "Invalid `stack` value"),
        ("st.line_chart(np.zeros((2, 2, 2)))", "3-dimensional numpy array"),
        (f"st.scatter_chart({LONG}, x='x', y='y', size=[1])", "Invalid `size` value"),
    ],
)
def test_chart_input_errors_are_clear(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st, numpy as np, pandas as pd\n{call}").run()
    assert message in at.exception[0].value
