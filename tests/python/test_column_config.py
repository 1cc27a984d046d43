"""`st.column_config` and how `st.dataframe` sends it.

The API cases run against Streamlit 1.67 too (the side venv, when present): each call's return
value, or its error's message, must be the same.
"""

from __future__ import annotations

import datetime
import json
import math
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import sidepane.column_config as cc
from sidepane.column_config.wire import wire_column_config
from sidepane.errors import StreamlitAPIException
from sidepane.protocol.schema.elements.data import ColumnSettings
from sidepane.protocol.schema.validate import validate
from sidepane.testing import AppTest

ST_PYTHON = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/python"

# Calls evaluated with `cc` bound to each side's `column_config` (plus datetime as `dt`).
CALLS = [
    "cc.Column()",
    "cc.Column('Label', width='medium', help='**Tip**', disabled=True, required=True, "
    "pinned=True, alignment='center')",
    "cc.Column(width=120)",
    "cc.NumberColumn('Price', format='$%d', min_value=0, max_value=1000, step=1, default=5)",
    "cc.NumberColumn(format='dollar', alignment='left')",
    "cc.TextColumn('T', max_chars=50, validate=r'^st\\.[a-z_]+$', default='st.')",
    "cc.LinkColumn('L', display_text=r'https://(.*?)\\.streamlit\\.app', max_chars=100)",
    "cc.LinkColumn(display_text=':material/open_in_new:')",
    "cc.LinkColumn(display_text='Open')",
    "cc.CheckboxColumn('C', default=False, alignment='right')",
    "cc.SelectboxColumn('S', options=['a', 'b'], default='a', required=True)",
    "cc.SelectboxColumn(options=[1, 2.5, True], format_func=lambda o: f'<{o}>')",
    "cc.SelectboxColumn(options=[])",
    "cc.SelectboxColumn()",
    "cc.BarChartColumn('B', y_min=0, y_max=100)",
    "cc.LineChartColumn(width='medium', color='auto')",
    "cc.AreaChartColumn(color='#483d8b', pinned=True)",
    "cc.LineChartColumn(color='rgb(1, 2, 3)')",
    "cc.ImageColumn('I', help='h', alignment='center')",
    "cc.AudioColumn('A')",
    "cc.VideoColumn(pinned=False)",
    "cc.ListColumn('L', default=('x', 'y'))",
    "cc.ListColumn()",
    "cc.MultiselectColumn('M', options=['a', 'b', 'c'], color=['red', 'blue'], "
    "format_func=str.upper, default=['a'], accept_new_options=True)",
    "cc.MultiselectColumn(options=['a'], color='primary')",
    "cc.MultiselectColumn()",
    "cc.DatetimeColumn('D', format='D MMM YYYY, h:mm a', step=60, "
    "min_value=dt.datetime(2023, 6, 1), max_value=dt.datetime(2025, 1, 1), "
    "default=dt.datetime(2024, 1, 1, 12), timezone='Europe/Paris')",
    "cc.DatetimeColumn(step=dt.timedelta(minutes=5))",
    "cc.TimeColumn('T', format='hh:mm a', min_value=dt.time(8), max_value=dt.time(19), "
    "step=dt.timedelta(seconds=90), default=dt.time(9, 30))",
    "cc.DateColumn('D', format='DD.MM.YYYY', min_value=dt.date(1900, 1, 1), step=2, "
    "default=dt.date(2000, 1, 1))",
    "cc.ProgressColumn('P', format='%f', min_value=0, max_value=1000, step=0.5, color='auto')",
    "cc.ProgressColumn()",
    "cc.JsonColumn('J', width='large')",
    "cc.MarkdownColumn('M', default='# hi', alignment='left')",
    "cc.ButtonColumn('B', type='tertiary')",
    "cc.ButtonColumn('B', key='k', on_click=None, args=(1,), kwargs={'a': 2})",
    # Errors
    "cc.BarChartColumn(color='nope')",
    "cc.ProgressColumn(color='#12')",
    "cc.LineChartColumn(color='')",
    "cc.LinkColumn(display_text=':material/Bad-Name:')",
    "cc.ButtonColumn('B', on_click=print)",
    "cc.ButtonColumn('B', args=(1,))",
]

RUNNER = textwrap.dedent(
    """
    import datetime as dt, json, sys
    from {module} import column_config as cc

    def plain(value):
        if type(value).__name__ == "ButtonColumnResult":
            names = ("config", "on_click", "args", "kwargs", "key")
            return {{"result": {{n: plain(getattr(value, n)) for n in names}}}}
        if isinstance(value, dict):
            return {{str(k): plain(v) for k, v in value.items()}}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value

    out = []
    for call in json.loads(sys.stdin.read()):
        try:
            out.append({{"ok": plain(eval(call))}})
        except Exception as exc:
            out.append({{"error": str(exc)}})
    print(json.dumps(out))
    """
)


def outcomes(python: str, module: str) -> list[dict[str, Any]]:
    result = subprocess.run(
        [python, "-c", RUNNER.format(module=module)],
        input=json.dumps(CALLS),
        capture_output=True,
        text=True,
        check=True,
    )
    outcome: list[dict[str, Any]] = json.loads(result.stdout.strip().splitlines()[-1])
    return outcome


@pytest.fixture(scope="module")
def streamlit_outcomes() -> list[dict[str, Any]]:
    if not ST_PYTHON.exists():
        pytest.skip("the Streamlit reference venv is not installed")
    return outcomes(str(ST_PYTHON), "streamlit")


def test_every_call_matches_streamlit(streamlit_outcomes: list[dict[str, Any]]) -> None:
    ours = outcomes(sys.executable, "sidepane")
    for call, mine, theirs in zip(CALLS, ours, streamlit_outcomes, strict=True):
        if call.startswith("cc.LinkColumn(display_text=':material/Bad"):
            # Both refuse it; Streamlit names the icon list, we check the shape only.
            assert "not a valid Material icon" in mine["error"], call
            assert "not a valid Material icon" in theirs["error"], call
            continue
        assert mine == theirs, call


def test_same_names_as_streamlit() -> None:
    if not ST_PYTHON.exists():
        pytest.skip("the Streamlit reference venv is not installed")
    names = subprocess.run(
        [str(ST_PYTHON), "-c", "import streamlit.column_config as c; print(*c.__all__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert sorted(cc.__all__) == sorted(names)
    for name in names:
        assert callable(getattr(cc, name))


def test_returned_dicts() -> None:
    assert cc.NumberColumn("Price", format="$%d") == {
        "label": "Price",
        "width": None,
        "help": None,
        "disabled": None,
        "required": None,
        "pinned": None,
        "alignment": None,
        "default": None,
        "type_config": {
            "type": "number",
            "min_value": None,
            "max_value": None,
            "format": "$%d",
            "step": None,
        },
    }
    options = cc.MultiselectColumn(options=["a", "b", "c"], color=["red", "blue"])["type_config"]
    assert options is not None
    assert [o.get("color") for o in options["options"]] == ["red", "blue", "red"]
    button = cc.ButtonColumn("B", key="k")
    assert isinstance(button, cc.ButtonColumnResult) and button.key == "k"
    assert cc.DatetimeColumn(step=datetime.timedelta(minutes=1))["type_config"] == {
        "type": "datetime",
        "format": None,
        "min_value": None,
        "max_value": None,
        "step": 60.0,
        "timezone": None,
    }


def test_errors() -> None:
    with pytest.raises(
        StreamlitAPIException, match=r"Invalid `color` value\. Supported values: auto"
    ):
        cc.AreaChartColumn(color="nope")
    with pytest.raises(StreamlitAPIException, match="The `key` parameter is required"):
        cc.ButtonColumn(on_click=print)


def test_import_stays_light() -> None:
    code = (
        "import sys, sidepane.column_config, sidepane.column_config.wire\n"
        "print(sorted(m for m in ('pandas', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---- the wire: st.dataframe's column_config prop ----


def test_wire_shape_is_flat_without_nones() -> None:
    config = wire_column_config(
        {
            "a": cc.NumberColumn("A", format="%d", help="h", width="small"),
            0: "Index",
            "_index": None,
            "b": cc.SelectboxColumn(options=[1, 2], format_func=str),
            "c": cc.ButtonColumn("Go", key="k"),
            "d": {"label": "D", "type_config": {"type": "progress", "max_value": np.int64(5)}},
        }
    )
    assert config == {
        "a": {"label": "A", "width": "small", "help": "h", "type": "number", "format": "%d"},
        "_pos:0": {"label": "Index"},
        "_index": {"hidden": True},
        "b": {
            "type": "selectbox",
            "options": [{"value": 1, "label": "1"}, {"value": 2, "label": "2"}],
        },
        "c": {"label": "Go", "disabled": True, "type": "button", "button_type": "secondary"},
        "d": {"label": "D", "type": "progress", "max_value": 5},
    }


def _flat(config: dict[str, Any]) -> dict[str, Any]:
    """A column config as the wire carries it: `type_config` lifted, None values left out."""
    out = {k: v for k, v in config.items() if k != "type_config" and v is not None}
    out.update({k: v for k, v in (config.get("type_config") or {}).items() if v is not None})
    return out


def test_every_column_function_sends_only_declared_settings() -> None:
    """What `st.column_config.*` returns travels whole: the schema declares each key with its
    type (a key left out of `ColumnSettings` would be dropped, and this test fail)."""
    sent = 0
    for call in CALLS:
        try:
            value = eval(call, {"cc": cc, "dt": datetime})
        except StreamlitAPIException:
            continue
        settings = value.config if isinstance(value, cc.ButtonColumnResult) else value
        entry = wire_column_config({"x": value})["x"]
        assert not validate(entry, ColumnSettings), call
        assert json.loads(json.dumps(entry)) == json.loads(json.dumps(_flat(settings))), call
        sent += 1
    assert sent > 25


def test_wire_keeps_only_declared_settings_of_their_declared_types() -> None:
    """A user's own dict may hold anything (Streamlit passes it on, its viewer ignores what it
    cannot use): unknown keys and ill-typed values stay behind, so the viewer reads the
    declared types without checking them."""
    config = wire_column_config(
        {
            "a": {
                "label": 5,
                "width": 150.0,
                "bogus": 1,
                "type_config": {"type": "sparkle", "format": "%d", "y_min": "x", "step": 2},
            },
            "b": {
                "width": "huge",
                "pinned": "yes",
                "help": "h",
                "type_config": {
                    "type": "selectbox",
                    "options": (1, {"value": "x", "label": "X"}),
                    "max_chars": 2.5,
                },
            },
            "c": {"type_config": {"type": "multiselect", "options": [{"label": "no value"}]}},
        }
    )
    assert config == {
        "a": {"width": 150, "format": "%d", "step": 2},
        "b": {"help": "h", "type": "selectbox", "options": [1, {"value": "x", "label": "X"}]},
        "c": {"type": "multiselect"},
    }
    assert not validate(config, dict[str, ColumnSettings])


def test_a_dataframe_with_a_users_own_dicts_sends_the_declared_shape() -> None:
    at = run(
        """
        import streamlit as st, pandas as pd
        st.dataframe(pd.DataFrame({"a": [1]}), column_config={
            "a": {"label": "A", "note": "mine", "type_config": {"type": "number", "step": "1"}},
        })
        """
    )
    assert not at.exception
    assert at.dataframe[0].proto["column_config"] == {"a": {"label": "A", "type": "number"}}


def run(source: str) -> Any:
    return AppTest.from_string(textwrap.dedent(source)).run()


def test_dataframe_sends_each_columns_config() -> None:
    at = run(
        """
        import streamlit as st, pandas as pd
        df = pd.DataFrame({"price": [1.5, 2.0], "url": ["https://a.io", "https://b.io"]})
        st.dataframe(df, column_config={
            "price": st.column_config.NumberColumn("Price", format="dollar", pinned=True),
            "url": st.column_config.LinkColumn(display_text="Open"),
            1: st.column_config.Column(help="by position"),
        })
        """
    )
    assert not at.exception
    assert at.dataframe[0].proto["column_config"] == {
        "price": {"label": "Price", "pinned": True, "type": "number", "format": "dollar"},
        "url": {"type": "link", "display_text": "Open"},
        "_pos:1": {"help": "by position"},
    }


def test_list_and_dict_columns_travel_as_json() -> None:
    at = run(
        """
        import streamlit as st, pandas as pd, numpy as np
        df = pd.DataFrame({
            "sales": [[0, 4, 26], [80, np.nan, 35]],
            "arr": [np.array([1.5, 2.0]), np.array([3, 4])],
            "info": [{"k": [1, 2], "when": pd.Timestamp("2024-01-01")}, None],
            "tags": [("a", "b"), ["c"]],
            "text": ["x", "y"],
        })
        st.dataframe(df, column_config={"arr": st.column_config.BarChartColumn(y_min=0)})
        """
    )
    assert not at.exception
    frame = at.dataframe[0]
    assert frame.proto["column_config"] == {
        "arr": {"type": "bar_chart", "y_min": 0},
        "_pos:1": {"type": "list"},
        "_pos:3": {"type": "json"},
        "_pos:4": {"type": "list"},
    }
    value = frame.value
    assert value["sales"].tolist() == ["[0,4,26]", "[80,null,35]"]
    assert value["arr"].tolist() == ["[1.5,2.0]", "[3,4]"]
    assert value["info"].tolist()[0] == '{"k":[1,2],"when":"2024-01-01T00:00:00"}'
    assert value["info"].isna().tolist() == [False, True]
    assert value["tags"].tolist() == ['["a","b"]', '["c"]']
    assert value["text"].tolist() == ["x", "y"]


def test_user_frame_is_not_modified() -> None:
    df = pd.DataFrame({"l": [[1, 2]]})
    at = AppTest.from_function(_show, args=(df,)).run()
    assert not at.exception
    assert df["l"].tolist() == [[1, 2]]


def _show(df):  # no annotations: its source runs as the app script
    import sidepane as st

    st.dataframe(df)


def test_configured_type_wins_over_guessing() -> None:
    at = run(
        """
        import streamlit as st, pandas as pd
        df = pd.DataFrame({"l": [[1, 2]]})
        st.dataframe(df, column_config={"l": st.column_config.TextColumn()})
        """
    )
    assert at.dataframe[0].proto["column_config"] == {"l": {"type": "text"}}
    assert at.dataframe[0].value["l"].tolist() == ["[1, 2]"]


def test_config_errors_match_streamlit() -> None:
    at = run(
        """
        import streamlit as st, pandas as pd
        st.dataframe(pd.DataFrame({"a": [1]}), column_config={"a": 5})
        """
    )
    assert at.exception[0].value == (
        "Invalid `column_config` type. Expected one of: None, str, dict. Provided type: int. "
        "Invalid configuration for column `a`."
    )
    at = run(
        """
        import streamlit as st, pandas as pd
        st.dataframe(pd.DataFrame({"a": [1]}), column_config={"a": {"label": float("nan")}})
        """
    )
    assert at.exception[0].value == (
        "The provided column config cannot be serialized into JSON: "
        "Out of range float values are not JSON compliant"
    )
    at = run(
        """
        import streamlit as st, pandas as pd, datetime
        st.dataframe(pd.DataFrame({"a": [1]}),
                     column_config={"a": {"label": datetime.date(2020, 1, 1)}})
        """
    )
    assert at.exception[0].value == "Object of type date is not JSON serializable"


def test_no_config_sends_no_prop() -> None:
    at = run("import streamlit as st\nst.dataframe({'a': [1, 2]})")
    assert "column_config" not in at.dataframe[0].proto


def test_config_on_a_million_rows_is_cheap() -> None:
    import time

    df = pd.DataFrame({"x": np.arange(1_000_000, dtype="float64"), "s": ["a"] * 1_000_000})
    config = {"x": cc.NumberColumn(format="%.2f"), "s": cc.TextColumn()}
    at = AppTest.from_function(_show_config, args=(df, config))
    start = time.perf_counter()
    at.run()
    assert not at.exception
    # Configs never touch numeric data; a string column is only sniffed, not copied.
    assert time.perf_counter() - start < 5
    assert math.isclose(at.dataframe[0].value["x"].iloc[-1], 999_999.0)


def _show_config(df, config):
    import sidepane as st

    st.dataframe(df, column_config=config)
