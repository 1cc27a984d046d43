"""Behaviour that must match Streamlit 1.67 exactly, written only against the AppTest API.

Run against Streamlit: `make conformance-streamlit`. Every case here passed there first.
"""

from __future__ import annotations

import datetime
from typing import Any


def run(AppTest: Any, source: str) -> Any:
    return AppTest.from_string(source, default_timeout=10).run()


def test_seed_app(AppTest: Any) -> None:
    at = run(
        AppTest, "import streamlit as st\nx = st.slider('x')\nst.write(x, 'squared is', x * x)\n"
    )
    assert at.markdown[0].value == "`0` squared is `0`"
    at.slider[0].set_value(3).run()
    assert at.markdown[0].value == "`3` squared is `9`"
    assert at.slider[0].value == 3


def test_write_dispatch(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.write("plain *markdown*")
        st.write(1.5)
        st.write("a", 2, "b")
        st.write({"k": [1, 2]})
        st.write([1, 2, 3])
        st.write(ValueError("bad"))
        st.write(None)
        """,
    )
    assert at.markdown.values == ["plain *markdown*", "`1.5`", "a `2` b", "`None`"]
    assert len(at.json) == 2
    assert at.exception[0].value == "bad"


def test_magic(AppTest: Any) -> None:
    at = run(
        AppTest,
        '''
        """Module docstring: not drawn."""
        import streamlit as st
        x = 5
        x
        "a string"
        x, "and", x + 1
        len("abc")
        def f():
            """Function docstring: not drawn."""
            "inside f"
        f()
        ''',
    )
    assert at.markdown.values == ["`5`", "a string", "`5` and `6`", "inside f"]


def test_headings_and_text_elements(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.title("T")
        st.header("H")
        st.subheader("S")
        st.caption("C")
        st.text("fixed")
        st.code("x = 1")
        st.latex("a^2")
        st.divider()
        st.markdown("**m**")
        """,
    )
    assert at.title[0].value == "T"
    assert at.header[0].value == "H"
    assert at.subheader[0].value == "S"
    assert at.caption[0].value == "C"
    assert at.text[0].value == "fixed"
    assert at.code[0].value == "x = 1"
    assert at.code[0].language == "python"
    assert at.latex[0].value == "$$\na^2\n$$"
    assert len(at.divider) == 1
    assert at.markdown[0].value == "**m**"


def test_session_state_counter_and_attribute_access(AppTest: Any) -> None:
    src = """
    import streamlit as st
    if "n" not in st.session_state:
        st.session_state.n = 0
    st.session_state["n"] += 1
    st.write(st.session_state.n)
    """
    at = run(AppTest, src)
    at.run()
    at.run()
    assert at.markdown[0].value == "`3`"
    assert at.session_state.n == 3


def test_missing_session_state_key_is_a_clear_error(AppTest: Any) -> None:
    at = run(AppTest, "import streamlit as st\nst.write(st.session_state.nope)\n")
    assert "nope" in at.exception[0].value


def test_seeded_session_state_before_first_run(AppTest: Any) -> None:
    at = AppTest.from_string(
        "import streamlit as st\nst.write(st.session_state.get('seed', 'none'))\n"
    )
    at.session_state["seed"] = "planted"
    at.run()
    assert at.markdown[0].value == "planted"


def test_widget_key_is_in_session_state(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.checkbox("agree", key="ok")
        st.write("state", st.session_state.ok)
        """,
    )
    assert at.markdown[0].value == "state `False`"
    at.checkbox(key="ok").check().run()
    assert at.markdown[0].value == "state `True`"
    assert at.session_state.ok is True


def test_session_state_set_before_widget_sets_its_value(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        if "name" not in st.session_state:
            st.session_state.name = "Ada"
        st.text_input("Name", key="name")
        st.write(st.session_state.name)
        """,
    )
    assert at.text_input[0].value == "Ada"
    at.text_input[0].input("Grace").run()
    assert at.markdown[0].value == "Grace"


def test_modifying_a_widget_key_after_it_exists_is_an_error(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.slider("s", key="s")
        st.session_state.s = 5
        """,
    )
    assert at.exception[0].value.startswith(
        "`st.session_state['s']` cannot be modified after the widget with that key is instantiated."
    )


def test_duplicate_widget_is_an_error_and_keys_fix_it(AppTest: Any) -> None:
    at = run(AppTest, "import streamlit as st\nst.checkbox('a')\nst.checkbox('a')\n")
    assert "multiple `checkbox` elements with the same auto-generated ID" in at.exception[0].value
    at = run(
        AppTest,
        "import streamlit as st\nst.checkbox('a', key='1')\nst.checkbox('a', key='2')\n",
    )
    assert len(at.exception) == 0
    assert len(at.checkbox) == 2


def test_button_is_true_for_exactly_one_run(AppTest: Any) -> None:
    at = run(AppTest, "import streamlit as st\nst.write(st.button('go'))\n")
    assert at.markdown[0].value == "`False`"
    at.button[0].click().run()
    assert at.markdown[0].value == "`True`"
    at.run()
    assert at.markdown[0].value == "`False`"


def test_on_change_callback_runs_before_the_script_with_args(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        def changed(tag, *, twice):
            st.session_state.log.append((tag, twice, st.session_state.t))
        st.toggle("t", key="t", on_change=changed, args=("x",), kwargs={"twice": 2})
        st.write(str(st.session_state.log))
        """,
    )
    assert at.markdown[0].value == "[]"
    at.toggle[0].set_value(True).run()
    assert at.markdown[0].value == "[('x', 2, True)]"


def test_selectbox_radio_multiselect(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        a = st.selectbox("pick", ["x", "y", "z"], index=1)
        b = st.radio("one", [10, 20], format_func=lambda v: f"#{v}")
        c = st.multiselect("many", ["p", "q", "r"], default=["q"])
        d = st.selectbox("none yet", ["u", "v"], index=None)
        st.write(str((a, b, c, d)))
        """,
    )
    assert at.markdown[0].value == "('y', 10, ['q'], None)"
    assert at.radio[0].options == ["#10", "#20"]
    at.selectbox[0].select("z")
    at.radio[0].set_value(20)
    at.multiselect[0].select("r").unselect("q")
    at.selectbox[1].select_index(0)
    at.run()
    assert at.markdown[0].value == "('z', 20, ['r'], 'u')"


def test_number_and_text_inputs(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        n = st.number_input("n", min_value=0, max_value=10, value=5)
        f = st.number_input("f", value=1.5, step=0.5)
        t = st.text_area("t", "hello")
        st.write(str((n, f, t)))
        """,
    )
    assert at.markdown[0].value == "(5, 1.5, 'hello')"
    at.number_input[0].increment()
    at.number_input[1].decrement()
    at.text_area[0].input("bye")
    at.run()
    assert at.markdown[0].value == "(6, 1.0, 'bye')"


def test_range_slider_and_dates(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import datetime
        import streamlit as st
        lo, hi = st.slider("r", 0, 100, (20, 80))
        d = st.date_input("d", datetime.date(2024, 1, 31))
        st.write(str((lo, hi, d)))
        """,
    )
    assert at.markdown[0].value == "(20, 80, datetime.date(2024, 1, 31))"
    at.slider[0].set_range(10, 30)
    at.date_input[0].set_value(datetime.date(2025, 2, 1))
    at.run()
    assert at.markdown[0].value == "(10, 30, datetime.date(2025, 2, 1))"


def test_layout_blocks(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        left, right = st.columns([2, 1])
        left.write("in left")
        with right:
            st.write("in right")
        t1, t2 = st.tabs(["One", "Two"])
        t2.write("tab two")
        with st.expander("More"):
            st.write("hidden")
        st.sidebar.write("side")
        with st.container():
            st.write("boxed")
        """,
    )
    assert len(at.columns) == 2
    assert at.columns[0].markdown[0].value == "in left"
    assert at.columns[1].markdown[0].value == "in right"
    assert [t.label for t in at.tabs] == ["One", "Two"]
    assert at.tabs[1].markdown[0].value == "tab two"
    assert at.expander[0].label == "More"
    assert at.expander[0].markdown[0].value == "hidden"
    assert at.sidebar.markdown[0].value == "side"
    assert at.main.markdown.values == ["in left", "in right", "tab two", "hidden", "boxed"]


def test_stop_and_rerun(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        if st.session_state.runs < 3:
            st.rerun()
        st.write("runs", st.session_state.runs)
        st.stop()
        st.write("never")
        """,
    )
    assert at.markdown.values == ["runs `3`"]


def test_empty_placeholder_is_replaced(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        slot = st.empty()
        st.write("after")
        slot.write("filled")
        """,
    )
    assert at.markdown.values == ["filled", "after"]


def test_alerts_metric_progress(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.success("yay")
        st.info("fyi")
        st.warning("hmm")
        st.error("no")
        st.metric("Temp", "70 °F", "1.2 °F")
        bar = st.progress(0)
        bar.progress(60, text="Working")
        """,
    )
    assert at.success[0].value == "yay"
    assert at.info[0].value == "fyi"
    assert at.warning[0].value == "hmm"
    assert at.error[0].value == "no"
    assert at.metric[0].value == "70 °F"
    assert at.metric[0].delta == "1.2 °F"
    assert at.metric[0].label == "Temp"


def test_dataframe_value_round_trip(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import pandas as pd
        import streamlit as st
        st.dataframe(pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]}))
        """,
    )
    df = at.dataframe[0].value
    assert list(df.columns) == ["a", "b"]
    assert df["a"].tolist() == [1, 2, 3]
    assert df["b"].tolist() == ["x", "y", "z"]


def test_form_defers_values_until_submit(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        with st.form("f"):
            name = st.text_input("name")
            sent = st.form_submit_button("Send")
        st.write(str((name, sent)))
        """,
    )
    assert at.markdown[0].value == "('', False)"
    at.text_input[0].input("Ada")
    at.button[0].click()
    at.run()
    assert at.markdown[0].value == "('Ada', True)"


def test_query_params(AppTest: Any) -> None:
    at = AppTest.from_string(
        "import streamlit as st\nst.write(st.query_params.get('page', 'home'))\n"
    )
    at.query_params["page"] = "settings"
    at.run()
    assert at.markdown[0].value == "settings"


def test_from_function_with_args(AppTest: Any) -> None:
    def app(greeting: str) -> None:
        import streamlit as st

        st.write(greeting)

    at = AppTest.from_function(app, args=("hi there",)).run()
    assert at.markdown[0].value == "hi there"


def test_script_error_keeps_earlier_elements(AppTest: Any) -> None:
    at = run(AppTest, "import streamlit as st\nst.write('ok')\n{}['missing']\n")
    assert at.markdown[0].value == "ok"
    assert len(at.exception) == 1


def test_time_input_and_color_picker(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import datetime
        import streamlit as st
        t = st.time_input("t", datetime.time(8, 45))
        c = st.color_picker("c", "#00f900")
        st.write(str((t, c)))
        """,
    )
    assert at.markdown[0].value == "(datetime.time(8, 45), '#00f900')"
    at.time_input[0].set_value(datetime.time(9, 30))
    at.color_picker[0].pick("#123456")
    at.run()
    assert at.markdown[0].value == "(datetime.time(9, 30), '#123456')"


def test_form_edits_without_submit_are_dropped(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        with st.form("f"):
            name = st.text_input("name")
            sent = st.form_submit_button("Send")
        st.write(str((name, sent)))
        """,
    )
    at.text_input[0].input("Ada").run()
    assert at.markdown[0].value == "('', False)"
    assert at.text_input[0].value == ""
    at.button[0].click().run()
    assert at.markdown[0].value == "('', True)"


def test_widget_inside_cache_data_warns_and_is_replayed_live(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        @st.cache_data
        def f():
            v = st.slider("inside")
            return v * 2
        st.write(f())
        """,
    )
    assert "widget command in a cached function" in at.exception[0].value
    assert at.markdown[0].value == "`0`"
    at.slider[0].set_value(10).run()
    assert len(at.slider) == 1
    assert at.markdown[0].value == "`0`"
    assert "widget command in a cached function" in at.exception[0].value


def test_cache_data_skips_the_call_on_a_hit(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.session_state.setdefault("calls", 0)
        @st.cache_data
        def square(x):
            st.session_state.calls += 1
            return x * x
        st.write(square(4), square(4), st.session_state.calls)
        """,
    )
    assert at.markdown[0].value == "`16` `16` `1`"
    at.run()
    assert at.markdown[0].value == "`16` `16` `1`"
