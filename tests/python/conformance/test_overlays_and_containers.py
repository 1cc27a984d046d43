"""st.popover, st.bottom and the state of st.expander and st.tabs through the AppTest API: the
same scripts and asserts pass on Streamlit 1.67 (`make conformance-streamlit`) and on Sidepane."""

from __future__ import annotations

from typing import Any


def run(AppTest: Any, source: str) -> Any:
    return AppTest.from_string(source, default_timeout=10).run()


STATEFUL = """
import streamlit as st
e = st.expander("Exp", key="ex", on_change="rerun")
with e:
    st.write("inside")
st.write(f"open={e.open}")
t1, t2 = st.tabs(["A", "B"], key="tb", on_change="rerun")
st.write(f"tabs={t1.open},{t2.open}")
p = st.popover("Pop", key="pp", on_change="rerun", help="h", icon="🎈")
with p:
    st.write("in pop")
st.write(f"pop={p.open}")
plain = st.expander("Plain")
st.write(f"plain={plain.open}")
"""


def test_stateful_containers_read_and_set_through_session_state(AppTest: Any) -> None:
    at = run(AppTest, STATEFUL)
    assert not at.exception
    assert at.markdown.values == [
        "inside",
        "open=False",
        "tabs=True,False",
        "in pop",
        "pop=False",
        "plain=None",
    ]
    at.session_state["ex"] = True
    at.session_state["tb"] = "B"
    at.session_state["pp"] = True
    at.run()
    assert at.markdown.values == [
        "inside",
        "open=True",
        "tabs=False,True",
        "in pop",
        "pop=True",
        "plain=None",
    ]


def test_blocks_are_found_as_in_streamlit(AppTest: Any) -> None:
    at = run(AppTest, STATEFUL)
    pop = at.get("popover")[0]
    assert (pop.type, pop.key) == ("popover", "pp")
    assert pop.markdown[0].value == "in pop"
    assert [e.label for e in at.expander] == ["Exp", "Plain"]
    assert at.expander[0].key == "ex"
    assert [t.label for t in at.tabs] == ["A", "B"]


def test_a_tab_label_that_is_no_tab_goes_back_to_the_default(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        if "tb" not in st.session_state:
            st.session_state.tb = "Nope"
        a, b = st.tabs(["A", "B"], key="tb", on_change="rerun")
        st.write(f"{a.open} {st.session_state.tb}")
        """,
    )
    assert at.markdown.values == ["True A"]


def test_bottom_holds_its_elements_and_the_body_chat_input(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.write("hi")
        st.bottom.write("pinned")
        with st.bottom:
            st.button("b")
        st.chat_input("say")
        with st.sidebar:
            try:
                st.bottom.write("x")
            except Exception as e:
                st.write(str(e))
        """,
    )
    assert not at.exception
    assert [at.main[i].value for i in range(len(at.main))] == ["hi"]
    assert at.chat_input[0].placeholder == "say"
    assert at.button[0].label == "b"
    assert at.sidebar[0].value == (
        "`st.bottom` cannot be used inside `st.sidebar`. "
        "The bottom container is only available in the main app area."
    )


def test_container_and_popover_arguments_are_checked(AppTest: Any) -> None:
    cases = {
        'st.popover("P", type="big")': "Invalid `type` value",
        'st.popover("P", on_change=None)': "Invalid `on_change` value",
        'st.expander("E", bind="query-params")': "The `key` parameter is required.",
        "st.container(wrap=False)": "`wrap=False` and `horizontal=False`",
        'st.container(gap="huge")': "Invalid `gap` value",
    }
    for call, message in cases.items():
        at = run(AppTest, f"import streamlit as st\n{call}")
        assert message in at.exception[0].message, (call, at.exception[0].message)
