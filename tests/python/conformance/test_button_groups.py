"""`st.pills`, `st.segmented_control` and `st.feedback` as Streamlit 1.67 has them, read only
through the AppTest API (`make conformance-streamlit` runs these against Streamlit itself)."""

from __future__ import annotations

from typing import Any

import pytest


def run(AppTest: Any, source: str) -> Any:
    return AppTest.from_string(source, default_timeout=10).run()


def texts(at: Any) -> list[str]:
    return [m.value for m in at.markdown]


def errors(at: Any) -> list[str]:
    return [e.value for e in at.exception]


def test_defaults_and_return_values(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        a = st.pills("P", ["a", "b", "c"])
        b = st.pills("PM", ["a", "b", "c"], selection_mode="multi")
        c = st.segmented_control("S", ["x", "y"], default="y")
        d = st.segmented_control("SM", ["x", "y"], selection_mode="multi", default=["x", "y"])
        e = st.feedback()
        f = st.feedback("stars", default=3)
        g = st.pills("T", ["a", "b"], default=("a",))
        h = st.pills("U", ["a", "b"], selection_mode="multi", default="b")
        st.write(repr((a, b, c, d, e, f, g, h)))
        """,
    )
    assert errors(at) == []
    assert texts(at) == ["(None, [], 'y', ['x', 'y'], None, 3, 'a', ['b'])"]
    assert len(at.button_group) == 6
    assert [w.label for w in at.pills] == ["P", "PM", "T", "U"]
    assert [w.label for w in at.segmented_control] == ["S", "SM"]
    assert at.button_group[0].type == "button_group"
    assert at.pills[0].options == ["a", "b", "c"]
    assert at.pills[0].value is None
    assert at.pills[1].value == []
    assert at.segmented_control[1].indices == [0, 1]
    assert at.segmented_control[0].indices == [1]
    assert [w.value for w in at.feedback] == [None, 3]
    assert at.feedback[0].type == "feedback"


def test_pills_single_select_and_clear(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        v = st.pills("Size", ["S", "M", "L"], key="size")
        st.write(repr(v))
        """,
    )
    at.pills[0].set_value("M").run()
    assert texts(at) == ["'M'"]
    assert at.session_state["size"] == "M"
    assert at.pills(key="size").indices == [1]
    at.pills[0].select("L").run()
    assert texts(at) == ["'L'"]
    at.pills[0].unselect("M").run()  # not selected: nothing changes
    assert texts(at) == ["'L'"]
    at.pills[0].unselect("L").run()
    assert texts(at) == ["None"]
    assert at.pills[0].value is None


def test_multi_select_adds_and_removes(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        v = st.segmented_control("Days", ["Mon", "Tue", "Wed"], selection_mode="multi")
        st.write(repr(v))
        """,
    )
    sc = at.segmented_control[0]
    sc.select("Wed").run()
    at.segmented_control[0].select("Mon").run()
    assert texts(at) == ["['Wed', 'Mon']"]
    assert at.segmented_control[0].indices == [2, 0]
    at.segmented_control[0].unselect("Wed").run()
    assert texts(at) == ["['Mon']"]
    at.segmented_control[0].set_value([]).run()
    assert texts(at) == ["[]"]


def test_format_func_keeps_the_options_as_values(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        icons = {0: ":material/add: Add", 1: "🍕 Pizza", 2: "plain"}
        v = st.pills("Tool", [0, 1, 2], format_func=lambda o: icons[o], default=1)
        st.write(repr(v))
        """,
    )
    assert texts(at) == ["1"]
    assert at.pills[0].options == ["Add", "Pizza", "plain"]
    at.pills[0].set_value(2).run()
    assert texts(at) == ["2"]


def test_on_change_runs_first_with_args_and_kwargs(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        def changed(tag, extra=None):
            st.session_state.log.append((tag, extra, st.session_state.choice, st.session_state.fb))
        st.pills("P", ["a", "b"], key="choice", on_change=changed, args=("p",), kwargs={"extra": 1})
        st.feedback("faces", key="fb", on_change=changed, args=("f",))
        st.write(repr(st.session_state.log))
        """,
    )
    assert texts(at) == ["[]"]
    at.pills[0].set_value("b").run()
    assert texts(at) == ["[('p', 1, 'b', None)]"]
    at.feedback[0].set_value(4).run()
    assert texts(at) == ["[('p', 1, 'b', None), ('f', None, 'b', 4)]"]
    at.run()  # no change, no callback
    assert texts(at) == ["[('p', 1, 'b', None), ('f', None, 'b', 4)]"]


def test_session_state_sets_the_value(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        if "p" not in st.session_state:
            st.session_state.p = "b"
            st.session_state.m = ["c", "a"]
            st.session_state.f = 1
        p = st.pills("P", ["a", "b", "c"], key="p", default="a")
        m = st.pills("M", ["a", "b", "c"], key="m", selection_mode="multi")
        f = st.feedback("stars", key="f")
        st.write(repr((p, m, f)))
        """,
    )
    assert texts(at) == ["('b', ['c', 'a'], 1)"]
    assert at.pills[0].value == "b"
    at.session_state["f"] = 4
    at.session_state["m"] = ["b"]
    at.run()
    assert texts(at) == ["('b', ['b'], 4)"]
    assert at.feedback[0].value == 4


def test_a_value_that_is_no_option_goes_back_to_the_default(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.session_state.p = "zz"
        st.session_state.m = ["a", "zz"]
        st.session_state.f = 9
        p = st.pills("P", ["a", "b"], key="p", default="b")
        m = st.segmented_control("M", ["a", "b"], key="m", selection_mode="multi")
        f = st.feedback("faces", key="f", default=2)
        state = st.session_state
        st.write(repr((p, m, f)), repr((state.p, state.m, state.f)))
        """,
    )
    assert errors(at) == []
    assert texts(at) == ["('b', ['a'], 2) ('b', ['a'], 2)"]


def test_keyed_widget_keeps_its_value_when_the_options_change(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        more = st.checkbox("More")
        options = ["a", "b", "c", "d"] if more else ["a", "b", "c"]
        v = st.pills("P", options, key="p")
        st.write(repr(v))
        """,
    )
    at.pills[0].set_value("c").run()
    at.checkbox[0].check().run()
    assert texts(at) == ["'c'"]


def test_required_single_select(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        v = st.pills("P", ["a", "b"], required=True)
        w = st.segmented_control("S", ["a", "b"], required=True, default="b")
        st.write(repr((v, w)))
        """,
    )
    assert texts(at) == ["(None, 'b')"]
    at.pills[0].set_value("a").run()
    assert texts(at) == ["('a', 'b')"]


def test_forms_send_the_value_on_submit(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        with st.form("f"):
            p = st.pills("P", ["a", "b"], selection_mode="multi")
            r = st.feedback("thumbs")
            st.form_submit_button("Send")
        st.write(repr((p, r)))
        """,
    )
    assert at.pills[0].form_id == "f"
    at.pills[0].set_value(["b"])
    at.feedback[0].set_value(1)
    at.button[0].click().run()
    assert texts(at) == ["(['b'], 1)"]


def test_feedback_takes_numpy_integers(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import numpy as np
        import streamlit as st
        st.session_state.setdefault("f", np.int64(3))
        v = st.feedback("stars", key="f", default=np.int64(1))
        st.write(repr(int(v)))
        """,
    )
    assert errors(at) == []
    assert texts(at) == ["3"]


def test_feedback_set_and_clear(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        v = st.feedback("thumbs", default=0, key="t")
        st.write(repr(v))
        """,
    )
    assert texts(at) == ["0"]
    at.feedback(key="t").set_value(1).run()
    assert texts(at) == ["1"]
    at.feedback[0].set_value(None).run()
    assert texts(at) == ["None"]
    assert at.session_state["t"] is None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'st.pills("P", ["a"], selection_mode="many")',
            "Invalid `selection_mode` value. Supported values: 'single', 'multi'.",
        ),
        (
            'st.pills("P", ["a"], default="z")',
            "The default value 'z' is not part of the options. Please make sure that every "
            "default value also exists in the options.",
        ),
        (
            'st.segmented_control("P", ["a", "b"], default=["a", "b"])',
            "The default argument to `st.segmented_control` must be a single value when "
            "`selection_mode='single'`.",
        ),
        (
            'st.pills("P", ["a"], selection_mode="multi", required=True)',
            "`required=True` and `selection_mode='multi'` cannot be used together. `required` "
            "is only supported for single-select mode.",
        ),
        (
            'st.pills("P", ["a"], width="wide")',
            "Invalid width value: 'wide'. Width must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
        ),
        (
            'st.segmented_control("P", ["a"], label_visibility="nope")',
            "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'.",
        ),
        (  # the check every widget shares (`_widget`), here through another widget
            'st.radio("R", ["a"], label_visibility="nope")',
            "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'.",
        ),
        (
            'st.pills("P", ["a"], on_change="foo")',
            "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
        (
            'st.pills("P", ["a"], bind="url")',
            "Invalid `bind` value. Supported values: 'query-params', None.",
        ),
        (
            'st.segmented_control("P", ["a"], persist_state="forever", key="k")',
            "Invalid `persist_state` value. Supported values: 'page', 'session', None.",
        ),
        (
            'st.feedback(persist_state="page")',
            "The `key` parameter is required. When using persist_state, the widget must have a "
            "unique 'key' parameter specified so its value can be preserved across reruns and "
            "page switches.",
        ),
        (
            'st.feedback("hearts")',
            "Invalid `options` value. Supported values: 'thumbs', 'faces', 'stars'.",
        ),
        (
            'st.feedback("thumbs", default=2)',
            "The `default` parameter, set to 2, is outside the required range [0, 1].",
        ),
        (
            "st.feedback(width=0)",
            "Invalid width value: 0. Width must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
        ),
        (
            'with st.form("f"):\n    st.pills("P", ["a"], on_change=print)',
            "Within a form, callbacks can only be defined on `st.form_submit_button`. Defining "
            "callbacks on other widgets inside a form is not allowed.",
        ),
        (
            'with st.form("f"):\n    st.feedback(on_change=print)',
            "Within a form, callbacks can only be defined on `st.form_submit_button`. Defining "
            "callbacks on other widgets inside a form is not allowed.",
        ),
    ],
)
def test_bad_input_gets_streamlits_error(AppTest: Any, call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}\n", default_timeout=10).run()
    assert errors(at) == [message]
