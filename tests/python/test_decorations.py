"""Decorations as the viewer receives them: balloons and snow replay once per run that calls
them, a skeleton block's delayed skeleton, badges as Markdown, and bare-mode calls.

Their AppTest behaviour, checked on both Sidepane and Streamlit 1.67, is in
conformance/test_decorations.py.
"""

from __future__ import annotations

from typing import Any

import sidepane as st
from sidepane.testing import AppTest


def upserts(at: AppTest, type_: str) -> list[tuple[list[Any], dict[str, Any]]]:
    return [(f["path"], f["props"]) for f in at.frames if f["t"] == "upsert" and f["type"] == type_]


def test_balloons_and_snow_are_resent_in_every_run_that_calls_them() -> None:
    at = AppTest.from_string(
        """
import streamlit as st
if st.button("Celebrate") or not st.session_state.get("seen"):
    st.balloons()
    st.snow()
st.session_state.seen = True
"""
    ).run()
    assert upserts(at, "balloons") == [(["main", 1], {"run": 1})]
    assert upserts(at, "snow") == [(["main", 2], {"run": 1})]
    at.button[0].click().run()
    # A new run number is new props: the viewer plays the animation again.
    assert at.get("balloons")[0].proto == {"run": 2}
    assert upserts(at, "balloons")[-1] == (["main", 1], {"run": 2})
    at.run()
    assert not at.get("balloons") and not at.get("snow")


def test_a_skeleton_block_shows_a_delayed_skeleton_then_empties_its_slot() -> None:
    at = AppTest.from_string(
        """
import streamlit as st
with st.skeleton(height=80, width=300):
    st.write("work")
"""
    ).run()
    assert upserts(at, "skeleton") == [
        (["main", 0], {"height": 80, "width": 300}),
        (["main", 0], {"height": 80, "width": 300, "delayed": True}),
    ]
    assert upserts(at, "empty") == [(["main", 0], {})]
    assert at.markdown[0].value == "work"


def test_a_skeleton_block_ended_by_a_rerun_still_clears() -> None:
    at = AppTest.from_string(
        """
import streamlit as st
if st.session_state.get("again"):
    st.write("second run")
else:
    with st.skeleton():
        st.session_state.again = True
        st.rerun()
"""
    ).run()
    assert upserts(at, "empty") == [(["main", 0], {})]
    assert at.markdown[0].value == "second run"


def test_skeleton_heights_and_the_placeholder_handle() -> None:
    at = AppTest.from_string(
        """
import streamlit as st
with st.container(height=300):
    st.skeleton(height="stretch")
handle = st.skeleton().text("replaced")
st.write(type(handle).__name__)
"""
    ).run()
    assert not at.exception
    assert at.get("skeleton")[0].proto == {"height": "stretch"}
    assert at.text[0].value == "replaced"
    # What an element call on the placeholder returns is a plain element handle.
    assert at.markdown[0].value == "DeltaGenerator"


def test_decorations_draw_nothing_outside_a_run() -> None:
    assert st.balloons() is not None
    st.snow()
    st.space("large")
    st.badge("x")
    with st.skeleton():
        pass
