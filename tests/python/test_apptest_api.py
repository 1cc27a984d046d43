"""Sidepane's AppTest where it goes beyond Streamlit's (clearer errors) or has no counterpart."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import tempfile

import pytest

from sidepane.testing import AppTest


def test_multiselect_and_select_slider_reject_values_that_are_not_options() -> None:
    # Streamlit's AppTest keeps such a value silently; a test asking for one is told instead.
    at = AppTest.from_string(
        """
        import streamlit as st
        st.multiselect("m", ["a", "b"])
        st.select_slider("s", ["a", "b", "c"], value=("a", "b"))
        """
    ).run(timeout=10)
    with pytest.raises(ValueError, match="not an option of multiselect 'm'"):
        at.multiselect[0].set_value(["a", "zz"]).run(timeout=10)
    at.multiselect[0].set_value(["b", "a"]).run(timeout=10)
    assert at.multiselect[0].value == ["b", "a"]
    with pytest.raises(ValueError, match="select_slider 's'"):
        at.select_slider[0].set_value(("a", "zz")).run(timeout=10)
    at.select_slider[0].set_value(("c", "b")).run(timeout=10)
    assert at.select_slider[0].value == ("b", "c")


def test_new_options_are_not_rejected_where_the_widget_accepts_them() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.selectbox("s", ["a"], accept_new_options=True)
        st.multiselect("m", ["a"], accept_new_options=True)
        """
    ).run(timeout=10)
    at.selectbox[0].select("typed").run(timeout=10)
    at.multiselect[0].set_value(["a", "typed"]).run(timeout=10)
    assert (at.selectbox[0].value, at.multiselect[0].value) == ("typed", ["a", "typed"])


_CHILD = """
import os, sys
from sidepane.testing import AppTest

def ours():
    return sorted(n for n in os.listdir(sys.argv[1]) if n.startswith("sidepane-apptest-"))

closed = AppTest.from_string("import streamlit as st\\nst.write(1)\\n").run(timeout=10)
kept = AppTest.from_string("import streamlit as st\\nst.write(2)\\n").run(timeout=10)
print(len(ours()))
closed.close()
print(len(ours()))
"""


def test_a_run_leaves_the_tests_sys_argv_alone() -> None:
    argv = list(sys.argv)
    at = AppTest.from_string("import sys\nimport streamlit as st\nst.write(sys.argv[0])\n")
    at.run(timeout=10)
    assert at.markdown[0].value.endswith("app.py")
    assert sys.argv == argv


def test_apptest_scripts_leave_nothing_in_the_temp_dir() -> None:
    with tempfile.TemporaryDirectory() as temp:
        env = {**os.environ, "TMPDIR": temp}
        child = subprocess.run(
            [sys.executable, "-c", _CHILD, temp],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert child.returncode == 0, child.stderr
        # Two scripts while both AppTests lived, one after close(), none after the process.
        assert child.stdout.split() == ["2", "1"], child.stderr
        assert os.listdir(temp) == []


def test_a_value_the_widget_refuses_fails_at_run_and_stays_pending() -> None:
    # Streamlit's AppTest resets such a widget silently; a viewer never sends such a value.
    at = AppTest.from_string(
        """
        import datetime
        import streamlit as st
        st.number_input("n", 0, 100, 5, key="n")
        st.slider("s", 0, 10, 3)
        st.date_input("d", datetime.date(2020, 1, 2), max_value=datetime.date(2020, 12, 31))
        """
    ).run(timeout=10)
    at.number_input[0].set_value(1000)
    with pytest.raises(ValueError, match=r"number_input \(key='n'\) cannot take 1000: .*100"):
        at.run(timeout=10)
    with pytest.raises(ValueError, match="number_input"):
        at.run(timeout=10)
    at.number_input[0].set_value(100).run(timeout=10)
    assert at.number_input[0].value == 100
    with pytest.raises(ValueError, match="slider"):
        at.slider[0].set_value(11).run(timeout=10)
    at.slider[0].set_value(10)
    with pytest.raises(ValueError, match="date_input"):
        at.date_input[0].set_value(datetime.date(2021, 1, 1)).run(timeout=10)
    at.date_input[0].set_value(datetime.date(2020, 6, 1)).run(timeout=10)
    assert (at.slider[0].value, at.date_input[0].value) == (10, datetime.date(2020, 6, 1))


def test_object_columns_of_one_python_type_come_back_as_that_type() -> None:
    # Streamlit's Arrow conversion turns these into floats or rescaled decimals; Sidepane keeps
    # them as the script gave them.
    import decimal

    import pandas as pd

    df = pd.DataFrame(
        {
            "money": [decimal.Decimal("1.10"), decimal.Decimal("-2"), None],
            "int": pd.Series([1, None, 3], dtype=object),
            "flag": pd.Series([True, False, None], dtype=object),
            "mixed": pd.Series([1, "a", None], dtype=object),
        }
    )

    def script(frame: "pd.DataFrame") -> None:  # noqa: UP037 - the script has no `pd`
        import streamlit as st  # type: ignore[import-not-found]

        st.dataframe(frame)

    at = AppTest.from_function(script, args=(df,)).run(timeout=10)
    value = at.dataframe[0].value
    assert value[["money", "int", "flag"]].equals(df[["money", "int", "flag"]])
    assert value["mixed"].tolist() == ["1", "a", None]  # mixed types stay their text


def test_text_layout_props_are_checked_and_sent_when_not_default() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.markdown("m", width=300, text_alignment="center", wrap=False)
        st.markdown("plain")
        st.title("t", text_alignment="right", width="content")
        st.caption("c", wrap=False)
        st.text("x")
        st.text("y", width="stretch", text_alignment="justify")
        for call in (
            lambda: st.markdown("a", text_alignment="middle"),
            lambda: st.markdown("a", width=0),
            lambda: st.text("a", width="auto"),
            lambda: st.caption("a", wrap="no"),
            lambda: st.markdown("<b>a</b>", unsafe_allow_html=True, wrap=False),
        ):
            try:
                call()
            except st.errors.StreamlitAPIException as error:
                st.code(str(error), language=None)
        """
    ).run(timeout=10)
    layout = ("width", "text_alignment", "wrap")
    markdown, plain = ({k: m.proto[k] for k in layout if k in m.proto} for m in at.markdown)
    assert markdown == {"width": 300, "text_alignment": "center", "wrap": False}
    assert plain == {}
    assert (at.title[0].width, at.title[0].text_alignment) == ("content", "right")
    assert at.caption[0].wrap is False
    assert [{k: t.proto[k] for k in layout if k in t.proto} for t in at.text] == [
        {},
        {"width": "stretch", "text_alignment": "justify"},
    ]
    assert [c.value.split(".")[0] for c in at.code] == [
        "Invalid `text_alignment` value",
        "Invalid width value: 0",
        "Invalid width value: 'auto'",
        "Invalid `wrap` value",
        "`wrap=False` and `unsafe_allow_html=True` cannot be used together",
    ]


def test_exception_types_are_named_as_a_streamlit_script_knows_them() -> None:
    at = AppTest.from_string(
        """
        import json
        import streamlit as st
        try:
            st.selectbox("x", [1, 2], index=5)
        except Exception as e:
            st.exception(e)
        try:
            st.text_input("a", key="k"); st.text_input("b", key="k")
        except Exception as e:
            st.exception(e)
        json.loads("{")
        """
    ).run(timeout=10)
    assert [e.type_name for e in at.exception] == [
        "StreamlitAPIException",
        "StreamlitDuplicateElementKey",
        "json.decoder.JSONDecodeError",
    ]
