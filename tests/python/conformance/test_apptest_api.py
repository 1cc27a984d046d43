"""AppTest's own API (constructors, element accessors, interactions) as Streamlit 1.67 has it.

Runs against Sidepane and, with `make conformance-streamlit`, against Streamlit itself.
"""

from __future__ import annotations

import datetime
from typing import Any


def test_from_function_without_args_runs_the_body(AppTest: Any) -> None:
    def script() -> None:
        import streamlit as st  # type: ignore[import-not-found]

        st.markdown("hello")

    at = AppTest.from_function(script, default_timeout=10).run()
    assert not at.exception
    assert at.markdown.values == ["hello"]


def test_from_function_passes_args_and_kwargs(AppTest: Any) -> None:
    def script(a: int, *, b: str = "default") -> None:
        import streamlit as st

        st.markdown(f"{a} {b}")

    at = AppTest.from_function(script, args=(1,), kwargs={"b": "given"}).run(timeout=10)
    assert at.markdown.values == ["1 given"]
    at = AppTest.from_function(script, args=(2,)).run(timeout=10)
    assert at.markdown.values == ["2 default"]


def test_heading_accessors(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.title("T")
        st.title("Ta", anchor="a b", icon="🔥")
        st.title("Th", anchor=False, help="tip")
        st.header("H", divider=True, icon=":material/home:")
        st.subheader("S", divider="blue")
        """
    ).run(timeout=10)
    plain, anchored, hidden = at.title
    assert (plain.type, plain.tag, plain.anchor, plain.hide_anchor) == ("title", "h1", "", False)
    assert (plain.help, plain.icon, plain.divider, plain.key) == ("", "", "", None)
    assert (anchored.value, anchored.anchor, anchored.icon) == ("Ta", "a b", "🔥")
    assert hidden.hide_anchor and hidden.anchor == "" and hidden.help == "tip"
    header, subheader = at.header[0], at.subheader[0]
    assert (header.tag, header.divider, header.icon) == ("h2", "auto", ":material/home:")
    assert (subheader.type, subheader.tag, subheader.divider) == ("subheader", "h3", "blue")


def test_markdown_family_accessors(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.markdown("M")
        st.markdown("<b>M</b>", unsafe_allow_html=True)
        st.caption("C", help="tip")
        st.latex("a^2")
        st.divider()
        st.text("t")
        st.code("x = 1")
        st.code("y", language=None, line_numbers=True, wrap_lines=True)
        """
    ).run(timeout=10)
    assert [(m.is_caption, m.allow_html, m.help) for m in at.markdown] == [
        (False, False, ""),
        (False, True, ""),
    ]
    caption = at.caption[0]
    assert (caption.type, caption.value, caption.is_caption, caption.help) == (
        "caption",
        "C",
        True,
        "tip",
    )
    assert (at.latex[0].type, at.latex[0].is_caption) == ("latex", False)
    assert (at.divider[0].type, at.divider[0].value, at.divider[0].is_caption) == (
        "divider",
        "---",
        False,
    )
    assert at.text[0].help == ""
    python, plain = at.code
    assert [(c.language, c.show_line_numbers, c.wrap_lines) for c in (python, plain)] == [
        ("python", False, False),
        ("plaintext", True, True),
    ]


def test_markdown_formatted_exception(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit.errors import MarkdownFormattedException, StreamlitAPIException
        st.exception(st.errors.MarkdownFormattedException("# Oh no"))
        st.exception(StreamlitAPIException("Use `key`"))
        st.exception(ValueError("plain"))
        st.exception(st.errors.StreamlitAPIWarning("careful"))
        assert issubclass(StreamlitAPIException, MarkdownFormattedException)
        assert issubclass(MarkdownFormattedException, st.errors.Error)
        """
    ).run(timeout=10)
    assert [(e.value, e.is_markdown, e.is_warning) for e in at.exception] == [
        ("# Oh no", True, False),
        ("Use `key`", True, False),
        ("plain", False, False),
        ("careful", True, True),
    ]


def test_button_value_is_true_for_the_run_its_click_started(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.button("a")
        st.button("b")
        with st.form("f"):
            st.form_submit_button("go")
        """
    ).run(timeout=10)
    assert [b.value for b in at.button] == [False, False, False]
    at.button[0].click().run(timeout=10)
    assert [b.value for b in at.button] == [True, False, False]
    at.run(timeout=10)
    assert [b.value for b in at.button] == [False, False, False]
    at.button[2].click().run(timeout=10)
    assert [b.value for b in at.button] == [False, False, True]
    at.run(timeout=10)
    assert at.button[2].value is False


def test_selecting_a_value_that_is_not_an_option_fails_at_run(AppTest: Any) -> None:
    import pytest

    at = AppTest.from_string(
        """
        import streamlit as st
        st.selectbox("s", ["a", "b"], format_func=str.upper)
        st.radio("r", ["a", "b"])
        """
    ).run(timeout=10)
    at.selectbox[0].select("zz")
    with pytest.raises(ValueError):
        at.run(timeout=10)
    at.selectbox[0].select("b").run(timeout=10)
    assert at.selectbox[0].value == "b"
    with pytest.raises(ValueError):
        at.radio[0].set_value("zz").run(timeout=10)
    with pytest.raises(IndexError):
        at.selectbox[0].select_index(42).run(timeout=10)


def _frames() -> dict[str, Any]:
    import numpy as np
    import pandas as pd

    return {
        "multi": pd.DataFrame(
            index=[[0, 1], ["i1", "i2"]],
            columns=[[2, 3, 4], ["c1", "c2", "c3"]],
            data=np.arange(6).reshape(2, 3),
        ),
        "number labels": pd.DataFrame({1: [1.5, None], 2.5: [True, False]}),
        "kinds": pd.DataFrame(
            {
                "s": ["x", None],
                "d": pd.to_datetime(pd.Series(["2020-01-01", None])),
                "c": pd.Categorical(["p", "q"]),
            }
        ),
        "named index": pd.DataFrame({"v": [1, 2]}, index=pd.Index(["r1", "r2"], name="row")),
        "python objects": pd.DataFrame(
            {
                "date": [datetime.date(2020, 1, 2), None],
                "time": [datetime.time(8, 30), datetime.time(9, 15, 5)],
                "moment": [datetime.datetime(2020, 1, 2, 3, 4, 5), None],
                "text": ["a", None],
            }
        ),
    }


def test_dataframe_and_table_values_equal_the_frames_given(AppTest: Any) -> None:
    def script(frames: "list[Any]") -> None:  # noqa: UP037 - the script has no `Any`
        import streamlit as st

        for df in frames:
            st.dataframe(df)
            st.table(df)

    frames = _frames()
    at = AppTest.from_function(script, args=(list(frames.values()),)).run(timeout=10)
    assert not at.exception
    # st.table is not listed by at.dataframe.
    assert len(at.dataframe) == len(at.table) == len(frames)
    for i, (name, df) in enumerate(frames.items()):
        assert at.dataframe[i].value.equals(df), name
        assert at.table[i].value.equals(df), name


def test_widget_help_form_id_and_form_submit_buttons(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.checkbox("plain")
        st.button("tip", help="a tip")
        with st.form("f1"):
            st.text_input("inside")
            st.form_submit_button("Go")
        """
    ).run(timeout=10)
    assert (at.checkbox[0].help, at.checkbox[0].form_id) == ("", "")
    assert at.button[0].help == "a tip"
    assert at.text_input[0].form_id == "f1"
    assert [b.label for b in at.button] == ["tip", "Go"]
    submit = at.form_submit_button[0]
    assert (submit.label, submit.type, submit.form_id) == ("Go", "button", "f1")
    assert len(at.form_submit_button) == 1
    assert [b.label for b in at.form[0].form_submit_button] == ["Go"]
    submit.click().run(timeout=10)
    assert at.form_submit_button[0].value is True


def test_json_expanded_and_depth(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.json({"a": 1})
        st.json({"a": 1}, expanded=False)
        st.json({"a": {"b": 1}}, expanded=2)
        """
    ).run(timeout=10)
    assert [(j.expanded, j.max_expand_depth) for j in at.json] == [(True, 0), (False, 0), (True, 2)]


def test_impossible_interactions_raise_apptesterror(AppTest: Any) -> None:
    import pytest

    errors = __import__(AppTest.__module__.rsplit(".", 1)[0] + ".errors", fromlist=["x"])
    at = AppTest.from_string(
        """
        import streamlit as st
        st.markdown("text")
        st.checkbox("off", disabled=True, key="off")
        st.button("gone", disabled=True)
        st.selectbox("s", ["a", "b"], disabled=True)
        st.checkbox("on")
        """
    ).run(timeout=10)
    with pytest.raises(errors.AppTestError, match="disabled"):
        at.checkbox(key="off").check()
    with pytest.raises(errors.AppTestError):
        at.button[0].click()
    with pytest.raises(errors.AppTestError):
        at.selectbox[0].select_index(1)
    with pytest.raises(errors.AppTestError):
        at.markdown[0].set_value("x")
    with pytest.raises(errors.AppTestError):
        at.checkbox[1].click()
    assert at.checkbox[1].check().run(timeout=10).checkbox[1].value is True


def test_get_by_key_and_drawn_parameters(AppTest: Any) -> None:
    import pytest

    at = AppTest.from_string(
        """
        import streamlit as st
        st.text_input("name", key="name")
        with st.container(key="box"):
            st.number_input("n", key="n")
        st.checkbox("twice", key="dup")
        st.toggle("twice", key="dup2")
        st.button("hot", icon="🔥")
        """
    ).run(timeout=10)
    assert at.get_by_key("name").label == "name"
    assert at.get_by_key("n").type == "number_input"
    assert at.get_by_key("box").number_input[0].key == "n"
    with pytest.raises(KeyError):
        at.get_by_key("nope")
    assert at.button[0].icon == "🔥"


def test_from_function_args_can_change_between_runs(AppTest: Any) -> None:
    def script(word: str) -> None:
        import streamlit as st

        st.markdown(word)

    at = AppTest.from_function(script, args=("one",)).run(timeout=10)
    assert at.args == ("one",) and at.kwargs is None
    at.args = ("two",)
    assert at.run(timeout=10).markdown.values == ["two"]


def test_a_keyed_widget_that_goes_away_starts_over_when_it_comes_back(AppTest: Any) -> None:
    import pytest

    at = AppTest.from_string(
        """
        import streamlit as st
        if st.checkbox("more", key="more"):
            st.radio("pick", ["a", "b", "c"], key="pick")
        """
    ).run(timeout=10)
    with pytest.raises(KeyError):
        at.radio(key="pick")
    at.checkbox(key="more").check().run(timeout=10)
    at.radio(key="pick").set_value("c").run(timeout=10)
    assert at.radio(key="pick").value == "c"
    at.checkbox(key="more").uncheck().run(timeout=10)
    assert len(at.radio) == 0
    at.checkbox(key="more").check().run(timeout=10)
    assert at.radio(key="pick").value == "a"


def test_block_accessors_see_only_their_block(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.text("1")
        with st.expander("open"):
            st.text("2")
            st.text("3")
        st.container()
        st.text("4")
        """
    ).run(timeout=10)
    assert at.text.len == 4
    assert at.expander[0].text.values == ["2", "3"]
    assert at.container[0].text.len == 0
    assert repr(at.container[0]) and repr(at)


def test_a_callback_writes_into_a_container_before_the_script_fills_it(AppTest: Any) -> None:
    def script() -> None:
        import streamlit as st

        container = st.container()
        with container:
            st.markdown("BarFoo")

            def clicked(cont: "Any") -> None:  # noqa: UP037 - the script has no `Any`
                cont.info("Hi!")
                cont.markdown("FooBar")

            st.button("one", on_click=clicked, args=[container])

    at = AppTest.from_function(script).run(timeout=10)
    at.button[0].click().run(timeout=10)
    assert at.info[0].value == "Hi!"
    assert at.markdown.values == ["FooBar", "BarFoo"]


def test_a_raised_exception_and_its_stack_trace(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        def f():
            raise ValueError("bad thing")
        st.write("a")
        f()
        """
    ).run(timeout=10)
    error = at.exception[0]
    assert (error.value, error.message, error.is_markdown) == ("bad thing", "bad thing", False)
    assert [line.split(", ", 1)[1] for line in error.stack_trace] == [
        "line 6, in <module>\n    f()",
        'line 4, in f\n    raise ValueError("bad thing")',
    ]
    assert at.markdown.values == ["a"]


def test_text_inputs_max_chars(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.text_input("free")
        st.text_area("short", max_chars=3)
        """
    ).run(timeout=10)
    assert (at.text_input[0].max_chars, at.text_area[0].max_chars) == (0, 3)


def test_element_lists_slice(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        for word in ["a", "b", "c"]:
            st.text(word)
            st.text_input(word, key=word)
        """
    ).run(timeout=10)
    assert at.text[1:].values == ["b", "c"]
    assert at.text[::2].len == 2
    assert at.text_input[1:](key="c").label == "c"


def test_a_float_number_input_returns_a_float_for_a_whole_number(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.number_input("a", value=1.5)
        st.number_input("b", value=None)
        st.number_input("c", min_value=0.0)
        st.number_input("d", 0, 10, 1)
        """
    ).run(timeout=10)
    for widget, value in zip(at.number_input, (2, 3, 7, 4), strict=True):
        widget.set_value(value)
    at.run(timeout=10)
    assert [(w.value, type(w.value)) for w in at.number_input] == [
        (2.0, float),
        (3.0, float),
        (7.0, float),
        (4, int),
    ]


def test_from_file_resolves_against_the_calling_file(AppTest: Any) -> None:
    import pytest

    with pytest.raises(FileNotFoundError, match="against the file that calls"):
        AppTest.from_file("no_such_app.py")


def test_the_app_holds_the_body_then_the_sidebar(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write("body")
        st.sidebar.write("side")
        """
    ).run(timeout=10)
    assert (at[0].type, at[1].type) == ("main", "sidebar")
    assert (at.main.type, at.sidebar.type) == ("main", "sidebar")
    assert at[0].markdown.values == ["body"] and at[1].markdown.values == ["side"]


def test_text_bodies_are_dedented_and_stripped(AppTest: Any) -> None:
    at = AppTest.from_string(
        '''
        import streamlit as st
        st.markdown("""
            # Indented
            text here
        """)
        st.caption("  cap  ")
        st.title("  T  ")
        st.header("\\n  H\\n")
        st.text("  t  ")
        st.latex("  x  ")
        st.code("  c  ")
        st.write("  w  ")
        '''
    ).run(timeout=10)
    assert at.markdown.values == ["# Indented\ntext here", "w"]
    assert (at.caption[0].value, at.title[0].value, at.header[0].value) == ("cap", "T", "H")
    assert (at.text[0].value, at.latex[0].value) == ("t", "$$\nx\n$$")
    assert at.code[0].value == "  c  "  # code is shown exactly as given


def test_json_text_is_kept_and_html_is_stripped(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.json('{"b": 2, "a": [1,2]}')
        st.html("  <b>h</b>  ")
        try:
            st.html("   ")
        except st.errors.StreamlitAPIException as error:
            st.text(str(error))
        """
    ).run(timeout=10)
    assert at.json[0].value == '{"b": 2, "a": [1,2]}'
    assert at.html[0].value == "<b>h</b>"
    assert at.text[0].value == "The `body` parameter is required."


def test_text_layout_arguments(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.markdown("m", width=300, text_alignment="center", wrap=False)
        st.title("t", text_alignment="right", width="content")
        st.caption("c", wrap=False, text_alignment="justify")
        st.text("y", width="stretch", text_alignment="justify", wrap=False)
        for call in (
            lambda: st.markdown("a", text_alignment="middle"),
            lambda: st.markdown("a", width=0),
            lambda: st.text("a", width="auto"),
            lambda: st.caption("a", wrap="no"),
            lambda: st.markdown("<b>a</b>", unsafe_allow_html=True, wrap=False),
        ):
            try:
                call()
                st.text("accepted")
            except st.errors.StreamlitAPIException:
                st.text("refused")
        """
    ).run(timeout=10)
    assert not at.exception
    assert at.text.values == ["y"] + ["refused"] * 5


def test_a_lone_unnamed_column_is_called_value(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import numpy as np
        import streamlit as st
        st.dataframe(np.array([1, 2, 3]))
        st.dataframe([1, 2, 3])
        st.dataframe({"a": 1, "b": 2})
        st.table(np.array([4, 5]))
        st.dataframe(np.array([[1, 2], [3, 4]]))
        """
    ).run(timeout=10)
    assert [list(d.value.columns) for d in at.dataframe] == [["value"]] * 3 + [[0, 1]]
    assert list(at.table[0].value.columns) == ["value"]
