"""`st.data_editor`: return types, edit state, validation, errors (as Streamlit 1.67)."""

from __future__ import annotations

import json
import textwrap

import pytest

from sidepane.column_config.edits import StateReader, check_cell, empty_state, state_to_wire
from sidepane.column_config.wire import WireConfig
from sidepane.errors import InvalidWidgetValue
from sidepane.testing import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source)).run()


def texts(at: AppTest) -> list[str]:
    return [str(m.value) for m in at.markdown]


APP = """
import streamlit as st, pandas as pd
df = pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"], "c": [True, False, True]})
def changed():
    st.write("callback", st.session_state.ed["edited_rows"])
out = st.data_editor(df, key="ed", num_rows="dynamic", on_change=changed)
st.write(repr(out.to_dict("list")), repr(out.index.tolist()))
"""


def test_returns_input_types_unchanged_without_edits() -> None:
    at = run(
        """
        import streamlit as st, numpy as np, pandas as pd
        st.write(repr(st.data_editor([1, 2, 3])))
        st.write(repr(st.data_editor({"a": [1, 2], "b": ["x", "y"]})))
        st.write(repr(st.data_editor([{"a": 1, "b": "x"}])))
        st.write(repr(st.data_editor(np.array([[1, 2], [3, 4]]))))
        st.write(repr(st.data_editor(pd.Series([1.5, 2.5], name="s"))))
        st.write(repr(st.data_editor({"x": 1, "y": 2})))
        st.write(repr(st.data_editor((1, 2))))
        """
    )
    assert not at.exception
    assert texts(at) == [
        "[1, 2, 3]",
        "{'a': [1, 2], 'b': ['x', 'y']}",
        "[{'a': 1, 'b': 'x'}]",
        "array([[1, 2],\n       [3, 4]])",
        "0    1.5\n1    2.5\nName: s, dtype: float64",
        "{'x': 1, 'y': 2}",
        "(1, 2)",
    ]
    assert [d.editing_mode for d in at.data_editor] == ["fixed"] * 7
    assert len(at.dataframe) == 7  # editors are dataframes too, as in Streamlit's AppTest


def test_edit_add_delete_apply_and_state_matches_streamlit() -> None:
    at = run(APP)
    editor = at.data_editor[0]
    assert editor.editing_mode == "dynamic"
    assert editor.value["a"].tolist() == [1, 2, 3]
    editor.edit(0, "a", 10).run()
    assert texts(at)[0] == "callback"
    assert at.session_state["ed"] == {
        "edited_rows": {0: {"a": 10}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.data_editor[0].add_row({"a": 5, "b": "new"}).delete_rows([1]).run()
    assert texts(at)[-1] == (
        "{'a': [10, 3, 5], 'b': ['x', 'z', 'new'], 'c': [True, True, None]} [0, 2, 3]"
    )
    assert at.session_state["ed"]["deleted_rows"] == [1]
    assert at.session_state["ed"].added_rows == [{"a": 5, "b": "new"}]
    # The editor still sends the original data: the viewer draws the edits over it.
    assert at.data_editor[0].value["a"].tolist() == [1, 2, 3]
    assert json.loads(at.data_editor[0].node.props["value"])["edited_rows"] == {"0": {"a": 10}}


def test_list_and_dict_inputs_come_back_edited() -> None:
    at = run(
        """
        import streamlit as st
        st.write(repr(st.data_editor([{"a": 1, "b": "x"}, {"a": 2, "b": "y"}], key="r")))
        st.write(repr(st.data_editor({"a": [1, 2]}, key="d", num_rows="dynamic")))
        """
    )
    at.data_editor(key="r").edit(1, "b", "z").run()
    at.data_editor(key="d").add_row({"a": 3}).run()
    assert texts(at) == ["[{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'z'}]", "{'a': [1, 2, 3]}"]


def test_coercion_by_column_kind() -> None:
    at = run(
        """
        import streamlit as st, pandas as pd, datetime as dt
        df = pd.DataFrame({"f": [1.5], "i": [1], "d": [dt.date(2024, 1, 1)], "s": ["a"]})
        out = st.data_editor(df, key="e")
        cells = [out.iat[0, 0], out.iat[0, 1], out.iat[0, 2], out.iat[0, 3]]
        st.write(repr([(type(c).__name__, str(c)) for c in cells]))
        """
    )
    editor = at.data_editor[0]
    editor.edit(0, "f", 2).edit(0, "i", 7).edit(0, "d", "2025-02-03").edit(0, "s", "b").run()
    kinds = "[('float64', '2.0'), ('int64', '7'), ('date', '2025-02-03'), ('str', 'b')]"
    assert texts(at) == [kinds]


def test_disabled_and_read_only_columns_refuse_edits() -> None:
    at = run(
        """
        import streamlit as st, pandas as pd
        df = pd.DataFrame({"a": [1], "b": [2], "p": [0.5]})
        out = st.data_editor(df, key="e", disabled=["b"],
                             column_config={"p": st.column_config.ProgressColumn()})
        st.write(str(out.iat[0, 1]))
        """
    )
    at.data_editor[0].edit(0, "b", 9).run()
    assert texts(at) == ["2"]
    at.data_editor[0].edit(0, "p", 1.0).run()
    assert at.session_state["e"]["edited_rows"] == {}


def test_fixed_rows_refuse_added_rows() -> None:
    reader = StateReader(2, ["a"], {}, num_rows="fixed", index_editable=False)
    with pytest.raises(InvalidWidgetValue):
        reader(json.dumps({"added_rows": [{"a": 1}]}))
    with pytest.raises(InvalidWidgetValue):
        reader({"deleted_rows": [0]})
    with pytest.raises(InvalidWidgetValue):
        reader({"edited_rows": {"5": {"a": 1}}})
    assert reader(None) == empty_state()
    assert reader('{"edited_rows": {"1": {"a": 3}}}')["edited_rows"] == {1: {"a": 3}}


def test_column_limits_are_checked() -> None:
    number = {"type": "number", "min_value": 0, "max_value": 10}
    check_cell(number, 5)
    for bad in (-1, 11, "3", True):
        with pytest.raises(InvalidWidgetValue):
            check_cell(number, bad)
    with pytest.raises(InvalidWidgetValue):
        check_cell({"type": "text", "max_chars": 2}, "abc")
    with pytest.raises(InvalidWidgetValue):
        check_cell({"type": "text", "validate": "^[a-z]+$"}, "A1")
    with pytest.raises(InvalidWidgetValue):
        check_cell({"type": "selectbox", "options": ["x", "y"]}, "z")
    with pytest.raises(InvalidWidgetValue):
        check_cell({"type": "checkbox"}, 1)
    with pytest.raises(InvalidWidgetValue):
        check_cell({"type": "number", "required": True}, None)


def test_edits_are_checked_against_the_settings_the_viewer_merges() -> None:
    # The label by name and the limit by position are one column's settings, as in the viewer.
    config: WireConfig = {"a": {"label": "A"}, "_pos:1": {"type": "number", "max_value": 5}}
    reader = StateReader(1, ["a"], config, num_rows="fixed", index_editable=False)
    with pytest.raises(InvalidWidgetValue):
        reader({"edited_rows": {"0": {"a": 9}}})
    assert reader({"edited_rows": {"0": {"a": 4}}})["edited_rows"] == {0: {"a": 4}}
    index: WireConfig = {"_index": {"required": True}, "_pos:0": {"type": "number"}}
    reader = StateReader(1, ["a"], index, num_rows="dynamic", index_editable=True)
    with pytest.raises(InvalidWidgetValue):
        reader({"added_rows": [{"_index": None, "a": 1}]})


def test_object_columns_are_read_only() -> None:
    # Streamlit's ObjectColumn cannot be edited; the viewer offers no editor for it.
    reader = StateReader(
        1, ["a"], {"a": {"type": "object"}}, num_rows="fixed", index_editable=False
    )
    with pytest.raises(InvalidWidgetValue):
        reader({"edited_rows": {"0": {"a": "x"}}})


def test_state_wire_is_streamlit_json() -> None:
    wire = state_to_wire({"edited_rows": {0: {"a": 1}}, "added_rows": [], "deleted_rows": [2]})
    assert json.loads(wire) == {
        "edited_rows": {"0": {"a": 1}},
        "added_rows": [],
        "deleted_rows": [2],
    }


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "st.data_editor(object())",
            "The data type (object) or format is not supported by the data editor. Please "
            "convert your data into a Pandas Dataframe or another supported data format.",
        ),
        (
            "st.data_editor(pd.DataFrame([[1, 2]], columns=['a', 'a']))",
            "All column names are required to be unique for usage with data editor. The "
            "following column names are duplicated: ['a']. Please rename the duplicated "
            "columns in the provided data.",
        ),
        (
            "st.data_editor(pd.DataFrame({'a': [1]}), "
            "column_config={'a': st.column_config.TextColumn()})",
            "The configured column type `text` for column `a` is not compatible for editing "
            "the underlying data type `integer`.\n\nYou have following options to fix this: 1) "
            "choose a compatible type 2) disable the column 3) convert the column into a "
            "compatible data type.",
        ),
        (
            "st.data_editor(pd.DataFrame({'a': [1]}, index=pd.period_range('2020', periods=1)))",
            "The type of the dataframe index - PeriodIndex - is not yet supported by the data "
            "editor.",
        ),
    ],
)
def test_errors_match_streamlit(source: str, message: str) -> None:
    at = run(f"import streamlit as st, pandas as pd\n{source}\n")
    assert at.exception[0].value == message


def test_session_state_cannot_be_written() -> None:
    at = run(
        """
        import streamlit as st
        st.session_state.e = {"edited_rows": {}}
        st.data_editor([1], key="e")
        """
    )
    assert "read-only" in at.exception[0].value


def test_big_frame_opens_without_per_row_work() -> None:
    import time

    at = AppTest.from_string(
        """
import streamlit as st, numpy as np, pandas as pd
df = pd.DataFrame({"a": np.arange(1_000_000), "b": np.random.rand(1_000_000)})
out = st.data_editor(df, key="big")
st.write(str(out["a"].sum()))
"""
    )
    start = time.perf_counter()
    at.run(timeout=30)
    assert not at.exception
    assert time.perf_counter() - start < 5
    at.data_editor[0].edit(999_999, "a", 0).run(timeout=30)
    assert texts(at) == [str(sum(range(1_000_000)) - 999_999)]


def test_a_non_range_index_takes_values_for_new_rows() -> None:
    at = run(
        """
        import streamlit as st, pandas as pd
        df = pd.DataFrame({"v": [1, 2]}, index=["a", "b"])
        out = st.data_editor(df, key="e", num_rows="dynamic")
        st.write(repr(out.to_dict()))
        """
    )
    assert at.data_editor[0].node.props["column_config"] == {"_index": {"required": True}}
    at.data_editor[0].add_row({"_index": "c", "v": 3}).edit(0, "_index", "z").run()
    assert texts(at) == ["{'v': {'z': 1, 'b': 2, 'c': 3}}"]


def test_on_change_gets_args_and_ignore_is_sent() -> None:
    at = run(
        """
        import streamlit as st
        def changed(tag, *, n):
            st.write("changed", tag, n)
        st.data_editor([1, 2], key="a", on_change=changed, args=("x",), kwargs={"n": 1})
        st.data_editor([3], key="b", on_change="ignore")
        """
    )
    assert at.data_editor(key="b").node.props["ignore_rerun"] is True
    at.data_editor(key="a").edit(1, "value", 5).run()
    assert texts(at) == ["changed x `1`"]
