"""st.chat_message, st.chat_input, st.status and st.echo through the AppTest API: the same
script and asserts pass on Streamlit 1.67 (`make conformance-streamlit`) and on Sidepane."""

from __future__ import annotations

from typing import Any


def run(AppTest: Any, source: str) -> Any:
    return AppTest.from_string(source, default_timeout=10).run()


def test_chat_messages_names_avatars_and_children(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        for name in ["user", "assistant", "ai", "human", "Bob", "🦖"]:
            with st.chat_message(name):
                st.write(f"from {name}")
        st.chat_message("x", avatar="🦜").write("emoji")
        st.chat_message("x", avatar=":material/home:").text("icon")
        """,
    )
    got = [(m.name, m.avatar) for m in at.chat_message]
    assert got == [
        ("user", "user"),
        ("assistant", "assistant"),
        ("ai", "assistant"),
        ("human", "user"),
        ("Bob", ""),
        ("🦖", "🦖"),
        ("x", "🦜"),
        ("x", ":material/home:"),
    ]
    assert at.chat_message[4].markdown[0].value == "from Bob"
    assert at.chat_message[7].text[0].value == "icon"


def test_chat_input_is_a_trigger_cut_to_max_chars(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        def sent():
            st.session_state.calls = st.session_state.get("calls", 0) + 1
        prompt = st.chat_input("Say", key="box", max_chars=5, on_submit=sent)
        st.write(repr(prompt), repr(st.session_state.box), st.session_state.get("calls", 0))
        """,
    )
    assert at.chat_input[0].value is None
    assert at.markdown[0].value == "None None `0`"
    at.chat_input[0].set_value("hello world").run()
    assert at.chat_input[0].value == "hello"
    assert at.markdown[0].value == "'hello' 'hello' `1`"
    at.run()
    assert at.chat_input[0].value is None
    assert at.markdown[0].value == "None None `1`"


def test_chat_input_errors(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        for call in (
            lambda: st.chat_input(accept_file="x"),
            lambda: st.chat_input(submit_mode="later"),
            lambda: st.chat_message("x", avatar="not an image"),
            lambda: st.status("x", state="bad"),
        ):
            try:
                call()
            except Exception as exc:
                st.text(str(exc))
        with st.form("f"):
            try:
                st.chat_input()
            except Exception as exc:
                st.text(str(exc))
            st.form_submit_button()
        """,
    )
    assert [t.value for t in at.text] == [
        "Invalid `accept_file` value. Supported values: True, False, 'multiple', 'directory'. "
        "Got 'x'.",
        "Invalid `submit_mode` value. Supported values: 'submit', 'disable', 'stop'.",
        "Failed to load the provided avatar value as an image.",
        "Invalid `state` value. Supported values: 'running', 'complete', 'error'.",
        "`st.chat_input()` can't be used in a `st.form()`.",
    ]


def test_status_states_labels_and_children(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        running = st.status("running", state="running")
        running.text("waiting")
        with st.status("done") as done:
            st.text("inside")
        with st.status("named", expanded=True) as named:
            named.update(label="renamed", state="error")
        try:
            with st.status("raises"):
                raise ValueError("boom")
        except ValueError:
            pass
        """,
    )
    got = [(s.label, s.state, s.icon) for s in at.status]
    assert got == [
        ("running", "running", "spinner"),
        ("done", "complete", ":material/check:"),
        ("renamed", "error", ":material/error:"),
        ("raises", "error", ":material/error:"),
    ]
    assert at.status[0].text[0].value == "waiting"
    assert at.status[1].text[0].value == "inside"


def test_echo_above_and_below(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st

        with st.echo():
            st.text("one")
            x = 1

        def show():
            with st.echo("below"):
                st.text("two")

        show()
        """,
    )
    kinds = [type(e).__name__ for e in at.main]
    assert kinds[1:] == ["Code", "Text", "Text", "Code"]
    assert at.code[0].value == 'st.text("one")\nx = 1'
    assert at.code[0].language == "python"
    assert at.code[1].value == 'st.text("two")'
