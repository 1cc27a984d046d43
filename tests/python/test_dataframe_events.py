"""`st.dataframe` events: ButtonColumn clicks (a trigger widget per keyed button column)."""

from __future__ import annotations

import copy
import json
import pickle
import textwrap

import pytest

from sidepane.column_config.state import ButtonColumnClickState, click_from_wire, click_to_wire
from sidepane.errors import InvalidWidgetValue
from sidepane.testing import AppTest
from sidepane.typing import ButtonColumnClickState as PublicClickState


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source)).run()


def texts(at: AppTest) -> list[str]:
    return [str(m.value) for m in at.markdown]


CLICK_APP = """
import streamlit as st, pandas as pd
df = pd.DataFrame({"name": ["Ann", "Bob", "Cy"], "act": ["Open", "Open", ["Edit", "Delete"]]},
                  index=[10, 20, 30])
def clicked(tag):
    st.write("callback", tag, st.session_state.k.row, st.session_state.k["label"])
st.dataframe(df, column_config={
    "act": st.column_config.ButtonColumn("Act", key="k", on_click=clicked, args=("x",)),
    "name": st.column_config.ButtonColumn("Plain"),
})
st.write("state", repr(st.session_state.k))
"""


def test_a_click_reruns_once_with_the_state_then_none() -> None:
    at = run(CLICK_APP)
    assert not at.exception
    props = at.dataframe[0].proto
    assert list(props["buttons"]) == ["act"]  # a button column without a key is display-only
    assert texts(at) == ["state None"]
    at.dataframe[0].click_button("act", 1).run()
    assert texts(at) == ["callback x `1` Open", "state {'row': 1, 'label': 'Open'}"]
    at.run()
    assert texts(at) == ["state None"]


def test_a_list_cell_reports_the_clicked_label() -> None:
    at = run(CLICK_APP)
    assert json.loads(at.dataframe[0].value["act"].iloc[2]) == ["Edit", "Delete"]
    at.dataframe[0].click_button("act", 2, "Delete").run()
    assert texts(at)[-1] == "state {'row': 2, 'label': 'Delete'}"
    at.dataframe[0].click_button("act", 2).run()
    assert texts(at)[-1] == "state {'row': 2, 'label': 'Edit'}"


def test_a_positional_button_column() -> None:
    at = run(
        """
        import streamlit as st
        st.dataframe({"a": ["Go", "Stop"]}, column_config={
            1: st.column_config.ButtonColumn(key="k")})
        st.write(repr(st.session_state.k))
        """
    )
    assert list(at.dataframe[0].proto["buttons"]) == ["_pos:1"]
    at.dataframe[0].click_button(1, 1).run()
    assert texts(at) == ["{'row': 1, 'label': 'Stop'}"]


def test_click_without_a_key_is_an_error_in_the_test() -> None:
    at = run(CLICK_APP)
    with pytest.raises(ValueError, match="no clickable buttons"):
        at.dataframe[0].click_button("name", 0)


@pytest.mark.parametrize(
    "wire",
    [
        {"row": "1", "label": "Go"},
        {"row": True, "label": "Go"},
        {"row": 1},
        {"row": 1, "label": 2},
        [1, "Go"],
        "[1]",
        {"row": -1, "label": "Go"},
        "not json",
    ],
)
def test_bad_clicks_are_ignored(wire: object) -> None:
    at = run(CLICK_APP)
    widget_id = at.dataframe[0].proto["buttons"]["act"]
    at._set_widget_wire(widget_id, wire)
    at.run()
    assert texts(at) == ["state None"]
    assert not at.exception


def test_deserializer_messages_are_streamlits() -> None:
    with pytest.raises(InvalidWidgetValue, match=r"expected \{row: int, label: str\}"):
        click_from_wire({"row": 1.0, "label": "a"})
    with pytest.raises(InvalidWidgetValue, match="Invalid button click row index: -2"):
        click_from_wire({"row": -2, "label": "a"})
    assert click_from_wire(None) is None and click_from_wire("") is None
    state = click_from_wire('{"row": 3, "label": "Go"}')
    assert state == {"row": 3, "label": "Go"} and click_to_wire(state) == {"row": 3, "label": "Go"}
    assert click_to_wire(None) is None


def test_click_state_is_a_read_only_attribute_dict() -> None:
    assert PublicClickState is ButtonColumnClickState
    state = ButtonColumnClickState({"row": 1, "label": "Go"})
    assert state.row == 1 and state["label"] == "Go" and dict(state) == {"row": 1, "label": "Go"}
    for change in (
        lambda: state.__setitem__("row", 2),
        lambda: setattr(state, "row", 2),
        lambda: state.update(row=2),
        lambda: state.pop("row"),
        lambda: state.clear(),
    ):
        with pytest.raises(TypeError, match="read-only"):
            change()
    with pytest.raises(AttributeError):
        _ = state.missing
    assert type(copy.deepcopy(state)) is ButtonColumnClickState
    assert pickle.loads(pickle.dumps(state)) == state


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "st.session_state.k = 1\n"
            "st.dataframe({'a': ['Go']}, column_config={'a': cc.ButtonColumn(key='k')})",
            "`st.session_state['k']` is read-only",
        ),
        (
            "with st.form('f'):\n"
            "    st.dataframe({'a': ['Go']}, column_config={'a': cc.ButtonColumn(key='k', "
            "on_click=print)})\n"
            "    st.form_submit_button()",
            "Within a form, callbacks can only be defined on `st.form_submit_button`",
        ),
        (
            "st.dataframe({'a': ['Go']}, column_config={'a': cc.ButtonColumn(key='k')})\n"
            "st.button('x', key='k')",
            "There are multiple elements with the same `key='k'`",
        ),
    ],
)
def test_errors_match_streamlit(source: str, message: str) -> None:
    at = AppTest.from_string("import streamlit as st\ncc = st.column_config\n" + source).run()
    assert at.exception and message in at.exception[0].value


def test_the_widget_is_forgotten_when_the_dataframe_goes() -> None:
    at = run(
        """
        import streamlit as st
        if not st.session_state.get("hide"):
            st.dataframe({"a": ["Go"]}, column_config={"a": st.column_config.ButtonColumn(key="k")})
        st.checkbox("hide", key="hide")
        """
    )
    assert at.session_state["k"] is None
    at.checkbox[0].check().run()
    assert "k" not in at.session_state


# ---- selections ----

SELECT_APP = """
import streamlit as st, pandas as pd
df = pd.DataFrame({"a": [3, 1, 2], "b": ["x", "y", "z"]})
def changed():
    st.write("callback", repr(st.session_state.d.selection.rows))
event = st.dataframe(df, key="d", on_select=changed,
                     selection_mode=["multi-row", "multi-column", "single-cell"])
st.write(type(event).__name__, repr(event))
"""

EMPTY = {"selection": {"rows": [], "columns": [], "cells": []}}


def test_a_selectable_dataframe_returns_its_state() -> None:
    at = run(SELECT_APP)
    assert not at.exception
    assert texts(at) == ["DataframeState " + repr(EMPTY)]
    props = at.dataframe[0].proto
    assert props["selection_mode"] == ["multi-column", "multi-row", "single-cell"]
    assert props["value"] == EMPTY and props["key"] == "d"
    assert props["hide_index"] is True  # a RangeIndex is hidden when rows can be selected


def test_a_viewer_selection_runs_the_callback_and_reads_by_attribute() -> None:
    at = run(SELECT_APP)
    widget_id = at.dataframe[0].proto["id"]
    at._set_widget_wire(
        widget_id, {"selection": {"rows": [2, 0], "columns": ["b"], "cells": [[1, "a"]]}}
    )
    at.run()
    expected = {"selection": {"rows": [2, 0], "columns": ["b"], "cells": [(1, "a")]}}
    assert texts(at) == ["callback [2, 0]", "DataframeState " + repr(expected)]
    assert at.session_state["d"].selection.cells == [(1, "a")]
    at.run()  # a selection stays (it is not a trigger); no callback without a change
    assert texts(at) == ["DataframeState " + repr(expected)]
    assert at.dataframe[0].proto["value"] == {
        "selection": {"rows": [2, 0], "columns": ["b"], "cells": [[1, "a"]]}
    }


@pytest.mark.parametrize(
    "wire",
    [
        {"selection": {"rows": [3]}},
        {"selection": {"rows": [True]}},
        {"selection": {"columns": ["zz"]}},
        {"selection": {"cells": [[0, "zz"]]}},
        {"selection": {"cells": [[0]]}},
        {"selection": {"rows": "0"}},
        {"rows": [0]},
        [0],
    ],
)
def test_bad_viewer_selections_are_ignored(wire: object) -> None:
    at = run(SELECT_APP)
    at._set_widget_wire(at.dataframe[0].proto["id"], wire)
    at.run()
    assert texts(at) == ["DataframeState " + repr(EMPTY)]


def test_modes_limit_what_a_viewer_selects() -> None:
    at = run(
        """
        import streamlit as st
        e = st.dataframe({"a": [1, 2], "b": [3, 4]}, on_select="rerun",
                         selection_mode="single-row")
        st.write(repr(e.selection))
        """
    )
    at._set_widget_wire(
        at.dataframe[0].proto["id"],
        {"selection": {"rows": [1, 0], "columns": ["a"], "cells": [[0, "a"]]}},
    )
    at.run()
    assert texts(at) == ["{'rows': [1], 'columns': [], 'cells': []}"]


# Each case checked against Streamlit 1.67's AppTest (same script, same output).
@pytest.mark.parametrize(
    ("source", "output"),
    [
        (
            "e = st.dataframe(df, on_select='rerun', selection_mode='single-row-required')",
            "{'selection': {'rows': [0], 'columns': [], 'cells': []}}",
        ),
        (
            "e = st.dataframe(df, on_select='rerun', selection_mode=['multi-row', "
            "'multi-column', 'single-cell'], selection_default={'selection': {'rows': [2, 0, 9], "
            "'columns': ['b', 'zz'], 'cells': [[1, 'a'], (0, 'b')]}})",
            "{'selection': {'rows': [2, 0], 'columns': ['b'], 'cells': [(1, 'a')]}}",
        ),
        (
            "st.session_state.d = {'selection': {'rows': [1, 2], 'columns': ['a', 'b']}}\n"
            "e = st.dataframe(df, on_select='rerun', key='d', "
            "selection_mode=['single-row', 'multi-column'])",
            "{'selection': {'rows': [1], 'columns': ['a', 'b'], 'cells': []}}",
        ),
    ],
)
def test_defaults_and_script_set_selections_match_streamlit(source: str, output: str) -> None:
    at = run(
        "import streamlit as st, pandas as pd\n"
        "df = pd.DataFrame({'a': [1, 2, 3], 'b': [4, 5, 6]})\n" + source + "\nst.write(repr(e))"
    )
    assert not at.exception
    assert texts(at) == [output]


def test_a_script_set_selection_reaches_the_viewer() -> None:
    at = run(
        """
        import streamlit as st
        if st.button("first"):
            st.session_state.d = {"selection": {"rows": [0]}}
        e = st.dataframe({"a": [1, 2]}, key="d", on_select="rerun")
        st.write(repr(e.selection.rows))
        """
    )
    at.button[0].click().run()
    assert texts(at) == ["[0]"]
    assert at.dataframe[0].proto["value"]["selection"]["rows"] == [0]
    assert at.session_state["d"] == {"selection": {"rows": [0]}}  # as the script set it


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "st.dataframe(df, on_select='bogus')",
            "Invalid `on_select` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
        (
            "st.dataframe(df, on_select='rerun', selection_mode='bogus')",
            "Invalid `selection_mode` value. Supported values: 'multi-cell', 'multi-column', "
            "'multi-row', 'single-cell', 'single-column', 'single-row', 'single-row-required'.",
        ),
        (
            "st.dataframe(df, on_select='rerun', selection_mode=['single-row', 'multi-row'])",
            "`selection_mode='multi-row'` and `selection_mode='single-row'` cannot be used "
            "together. Only one row selection mode can be specified.",
        ),
        (
            "st.dataframe(df, on_select='rerun', selection_mode=['single-column', 'multi-column'])",
            "`selection_mode='single-column'` and `selection_mode='multi-column'` cannot be used "
            "together.",
        ),
        (
            "st.dataframe(df, selection_default={'selection': {}})",
            "`selection_default` and `on_select='ignore'` cannot be used together. Set "
            "`on_select` to `'rerun'` or a callback to use `selection_default`.",
        ),
        (
            "st.dataframe(df, on_select='rerun', selection_default={'rows': [1]})",
            "Selection state must be a dictionary with a 'selection' key containing 'rows', "
            "'columns', and 'cells' arrays.",
        ),
        (
            "st.session_state.d = 5\nst.dataframe(df, on_select='rerun', key='d')",
            "Selection state must be a dictionary with a 'selection' key containing 'rows', "
            "'columns', and 'cells' arrays.",
        ),
        (
            "with st.form('f'):\n    st.dataframe(df, on_select=print)\n"
            "    st.form_submit_button()",
            "Within a form, callbacks can only be defined on `st.form_submit_button`.",
        ),
    ],
)
def test_selection_errors_match_streamlit(source: str, message: str) -> None:
    at = AppTest.from_string(
        "import streamlit as st, pandas as pd\n"
        "df = pd.DataFrame({'a': [1, 2, 3], 'b': [4, 5, 6]})\n" + source
    ).run()
    assert at.exception and message in at.exception[0].value


def test_selection_state_types() -> None:
    from sidepane.column_config.state import DataframeState
    from sidepane.typing import DataframeState as PublicState

    assert PublicState is DataframeState
    at = run(SELECT_APP)
    state = at.session_state["d"]
    assert isinstance(state, DataframeState)
    assert state.selection is state["selection"]
    with pytest.raises(TypeError, match="read-only"):
        state.selection["rows"] = [1]
