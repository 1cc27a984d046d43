"""@st.fragment and @st.dialog through the AppTest API: the same scripts and asserts pass on
Streamlit 1.67 (`make conformance-streamlit`) and on Sidepane. AppTest reruns the whole script for
a widget inside a fragment (a browser reruns only the fragment: tests/python/test_fragments.py)."""

from __future__ import annotations

from typing import Any

COUNTER = """
import streamlit as st
st.session_state.setdefault("app_runs", 0)
st.session_state.setdefault("fragment_runs", 0)
st.session_state.app_runs += 1
st.write("outside", st.session_state.app_runs)

@st.fragment
def counter(label):
    st.session_state.fragment_runs += 1
    x = st.slider("inner", 0, 10, 2)
    st.write(label, x, st.session_state.fragment_runs)
    return x * 10

result = counter("inside")
st.write("after", st.session_state.app_runs, result)
"""


def run(AppTest: Any, source: str) -> Any:
    return AppTest.from_string(source, default_timeout=10).run()


def messages(at: Any) -> list[str]:
    return [e.message for e in at.exception]


def test_a_fragment_runs_in_the_full_run_and_returns_its_value(AppTest: Any) -> None:
    at = run(AppTest, COUNTER)
    assert not at.exception
    assert [m.value for m in at.markdown] == ["outside `1`", "inside `2` `1`", "after `1` `20`"]
    at.slider[0].set_value(7).run()
    assert at.session_state["app_runs"] == 2
    assert [m.value for m in at.markdown] == ["outside `2`", "inside `7` `2`", "after `2` `70`"]


def test_fragment_errors(AppTest: Any) -> None:
    scoped = run(
        AppTest,
        """
        import streamlit as st
        @st.fragment
        def part():
            if st.button("go"):
                st.rerun(scope="fragment")
        part()
        """,
    )
    assert not scoped.exception
    scoped.button[0].click().run()
    assert messages(scoped) == [
        'scope="fragment" can only be specified from `@st.fragment`-decorated functions '
        "during fragment reruns."
    ]
    bad_time = run(
        AppTest,
        """
        import streamlit as st
        @st.fragment(run_every="soon")
        def part():
            st.write("x")
        part()
        """,
    )
    assert messages(bad_time) == [
        "Time string doesn't look right. It should be formatted as `'1d2h34m'` or `2 days`, "
        "for example. Got: soon"
    ]
    reserved = run(
        AppTest,
        """
        import streamlit as st
        @st.fragment(key="app")
        def part():
            pass
        part()
        """,
    )
    assert messages(reserved) == [
        "`app` is a reserved name and cannot be used as a fragment key, because "
        "`st.rerun(scope=...)` reads it as a rerun level. Choose a different key for "
        "`@st.fragment(key=...)`."
    ]
    failing = run(
        AppTest,
        """
        import streamlit as st
        @st.fragment
        def part():
            st.write("in")
            1 / 0
        part()
        st.write("never")
        """,
    )
    assert [m.value for m in failing.markdown] == ["in"]
    assert messages(failing) == ["division by zero"]


def test_a_callback_reruns_a_fragment_by_its_key(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.session_state.setdefault("app", 0)
        st.session_state.app += 1
        @st.fragment(key="charts")
        def charts():
            st.write("filter", st.session_state.get("filter", "all"))
        charts()
        rerun_charts = lambda: st.rerun("charts")
        st.selectbox("Filter", ["all", "recent"], key="filter", on_change=rerun_charts)
        """,
    )
    assert [m.value for m in at.markdown] == ["filter all"]
    at.selectbox[0].select("recent").run()
    assert not at.exception
    assert "filter recent" in [m.value for m in at.markdown]
    assert at.session_state["app"] == 1  # only the fragment reran


def test_parallel_fragments(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        @st.fragment(parallel=True)
        def inside():
            st.write("inside")
            return 3
        st.write("returned", inside())
        @st.fragment(parallel=True)
        def outside():
            st.sidebar.write("no")
        outside()
        """,
    )
    assert [m.value for m in at.markdown] == ["inside", "returned `None`"]
    assert messages(at) == [
        "Writing to a container created outside a parallel fragment, including `st.sidebar` "
        "and `st.bottom`, is not supported on a full app run or a later fragment rerun.\n\n"
        "To fix this, move the element inside the fragment body."
    ]


VOTE = """
import streamlit as st
@st.dialog("Vote", width="large")
def vote(item):
    st.write(f"Why {item}?")
    reason = st.text_input("Because")
    if st.button("Submit"):
        st.session_state.vote = {"item": item, "reason": reason}
        st.rerun()
if "vote" not in st.session_state:
    if st.button("A"):
        vote("A")
else:
    st.write(f"You voted for {st.session_state.vote['item']}")
"""


def test_a_dialogs_content_is_found_like_the_apps(AppTest: Any) -> None:
    at = run(AppTest, VOTE)
    assert [b.label for b in at.button] == ["A"]
    at.button[0].click().run()
    assert [m.value for m in at.markdown] == ["Why A?"]
    assert [b.label for b in at.button] == ["A", "Submit"]
    assert [t.label for t in at.text_input] == ["Because"]
    at.text_input[0].input("cool").run()  # the whole script reruns: the dialog is not called
    assert [b.label for b in at.button] == ["A"]
    assert not at.exception


def test_a_dialog_opened_from_a_callback(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        @st.dialog("From a callback")
        def d():
            st.write("in the dialog")
            if st.button("close"):
                st.rerun()
        st.button("open", on_click=d)
        st.write("body")
        """,
    )
    at.button[0].click().run()
    assert [m.value for m in at.markdown] == ["body", "in the dialog"]
    assert [b.label for b in at.button] == ["open", "close"]
    at.button[1].click().run()
    assert [m.value for m in at.markdown] == ["body"]
    assert not at.exception


def test_dialog_errors(AppTest: Any) -> None:
    two = run(
        AppTest,
        """
        import streamlit as st
        @st.dialog("A")
        def a():
            st.write("in a")
        @st.dialog("B")
        def b():
            st.write("in b")
        a()
        b()
        """,
    )
    assert [m.value for m in two.markdown] == ["in a"]
    assert messages(two) == [
        "Only one dialog is allowed to be opened at the same time. Please make sure to not call "
        "a dialog-decorated function more than once in a script run."
    ]
    nested = run(
        AppTest,
        """
        import streamlit as st
        @st.dialog("Inner")
        def inner():
            st.write("inner")
        @st.dialog("Outer")
        def outer():
            inner()
        outer()
        """,
    )
    assert messages(nested) == ["Dialogs may not be nested inside other dialogs."]
    untitled = run(AppTest, 'import streamlit as st\n@st.dialog("")\ndef f():\n    pass\nf()\n')
    assert messages(untitled) == [
        'The `title` parameter is required. For example: `@st.dialog("Example Title")`.'
    ]
    wide = run(
        AppTest, 'import streamlit as st\n@st.dialog("t", width="huge")\ndef f():\n    pass\nf()\n'
    )
    assert messages(wide) == [
        "Invalid `width` value. Supported values: 'small', 'medium', 'large', a positive "
        "integer. Got 'huge'."
    ]
