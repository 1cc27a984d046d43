"""`st.write` picks the element Streamlit 1.67 picks for each kind of object."""

from __future__ import annotations

import json

import pytest

from sidepane.testing import AppTest


def _drawn(body: str) -> list[tuple[str, object]]:
    at = AppTest.from_string("import streamlit as st\n" + body).run()
    assert not at.exception, [e.value for e in at.exception]
    out: list[tuple[str, object]] = []
    for element in at.main:
        kind = element.type
        if kind == "main":  # the block itself
            continue
        value = element.value if kind in ("markdown", "json") else None
        out.append((kind, json.loads(str(value)) if kind == "json" else value))
    return out


def test_session_state_is_json() -> None:
    drawn = _drawn("st.session_state['a'] = 1\nst.write(st.session_state)")
    assert drawn == [("json", {"a": 1})]
    assert _drawn("st.write(st.session_state)") == [("json", {})]


def test_query_params_is_json() -> None:
    assert _drawn("st.query_params['q'] = 'x'\nst.write(st.query_params)") == [("json", {"q": "x"})]


def test_st_json_of_session_state_shows_its_contents() -> None:
    assert _drawn("st.session_state.n = 2\nst.json(st.session_state)") == [("json", {"n": 2})]


@pytest.mark.parametrize(
    "body",
    [
        "import pandas as pd\nst.write(pd.Series([1, 2]))",
        "import pandas as pd\nst.write(pd.Index([1, 2]))",
        "import pandas as pd\nst.write(pd.array([1, 2]))",
        "import pandas as pd\nst.write({'a': pd.Series([1, 2])})",
        "import sqlite3\nst.write(sqlite3.connect(':memory:').execute('select 1 as a'))",
    ],
    ids=["series", "index", "extension_array", "dict_of_series", "dbapi_cursor"],
)
def test_tables_are_dataframes(body: str) -> None:
    assert [kind for kind, _ in _drawn(body)] == ["dataframe"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Only Exception subclasses are drawn as errors; other BaseExceptions as text.
        ("st.write(KeyboardInterrupt())", [("markdown", "``")]),
        ("st.write({1, 2})", [("markdown", "`{1, 2}`")]),
        ("st.write((1, 2))", [("markdown", "`(1, 2)`")]),
        (
            "import collections\nP = collections.namedtuple('P', 'x y')\nst.write(P(1, 2))",
            [("json", {"x": 1, "y": 2})],
        ),
        ("import math\nst.write(math)", [("help", None)]),
        ("import dataclasses\n@dataclasses.dataclass\nclass D:\n    x: int = 1\nst.write(D())",
         [("help", None)]),
        ("st.write({'a': 1}.items())", [("json", [["a", 1]])]),
    ],
    ids=["base_exception", "set", "tuple", "namedtuple", "module", "dataclass",
         "items_view"],
)  # fmt: skip
def test_other_objects(body: str, expected: list[tuple[str, object]]) -> None:
    assert _drawn(body) == expected


def test_exception_is_an_error_box() -> None:
    at = AppTest.from_string(
        "import streamlit as st\nst.write(ValueError('boom'))\nst.write('after')"
    )
    at.run()
    assert at.exception[0].value == "boom"
    assert at.markdown[0].value == "after"


def test_async_generator_is_streamed() -> None:
    body = """
async def words():
    for w in ["a", "b", "c"]:
        yield w
st.write(words())
st.write(words)
"""
    assert _drawn(body) == [("markdown", "abc"), ("markdown", "abc")]


def test_write_of_write_stream_output_draws_its_parts_again() -> None:
    body = """
import pandas as pd
def parts():
    yield "text"
    yield pd.DataFrame({"a": [1]})
out = st.write_stream(parts)
st.write(out)
"""
    kinds = [kind for kind, _ in _drawn(body)]
    assert kinds == ["markdown", "dataframe", "markdown", "dataframe"]


def test_dbapi_cursor_rows_keep_their_column_names() -> None:
    at = AppTest.from_string(
        "import streamlit as st, sqlite3\n"
        "st.write(sqlite3.connect(':memory:').execute('select 1 as a, 2 as b'))"
    ).run()
    assert list(at.dataframe[0].value.columns) == ["a", "b"]
    assert at.dataframe[0].value.values.tolist() == [[1, 2]]


@pytest.mark.parametrize(
    ("stream", "message"),
    [
        (
            "'abc'",
            "Invalid `stream` type. Expected one of: generator, stream-like object. "
            "Provided type: str. Please use `st.write` instead for this data type.",
        ),
        (
            "lambda: iter(['a'])",
            "The provided input (type: <class 'function'>) cannot be iterated. "
            "Please make sure that it is a generator, generator function or iterable.",
        ),
    ],
)
def test_write_stream_rejects_what_streamlit_rejects(stream: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\nst.write_stream({stream})").run()
    assert at.exception[0].value == message


def test_write_stream_cursor_callables_and_return_values() -> None:
    body = """
def parts():
    yield "a"
    yield ""
    yield "b"
    yield lambda: st.caption("called")
    yield 1
r1 = st.write_stream(parts, cursor="|")
r2 = st.write_stream(iter([]))
r3 = st.write_stream(["x", "y"])
st.text(repr((r1, r2, r3)))
"""
    at = AppTest.from_string("import streamlit as st\n" + body).run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["ab", "`1`", "xy"]
    assert at.caption[0].value == "called"
    assert at.text[0].value == "(['ab', 1], '', 'xy')"


def test_pydantic_models_are_json_other_model_dumps_are_text() -> None:
    # A stand-in for pydantic (not installed here): recognised by its class, as in Streamlit.
    body = """
Base = type("BaseModel", (), {"__module__": "pydantic.main", "model_dump": lambda s: {"a": 1}})
class Model(Base):
    pass
class NotAModel:
    def model_dump(self):
        return {"b": 2}
    def __str__(self):
        return "plain"
st.write(Model())
st.write([Model(), Model()])
st.write(NotAModel())
"""
    assert _drawn(body) == [
        ("json", {"a": 1}),
        ("json", [{"a": 1}, {"a": 1}]),
        ("markdown", "`plain`"),
    ]
