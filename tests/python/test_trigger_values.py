"""A trigger's value (a button's click, a form's submit) lasts exactly one run, however that run
ends: normally, by `st.rerun()`, `st.stop()`, an exception, or a newer widget value.

A click whose run was cut short used to stay pressed, so `if st.button(...): st.rerun()` reran
forever. The run counts are Streamlit 1.67's (its AppTest, same scripts).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from web_helpers import Tab, async_test, open_tab, serving

from sidepane.protocol.frames import PROTOCOL_VERSION
from sidepane.testing import AppTest

from conftest import Harness, run_ends

pytestmark = pytest.mark.timeout(60)

COUNT = """
import streamlit as st
st.session_state.setdefault("runs", 0)
st.session_state.setdefault("clicked", 0)
st.session_state.runs += 1
if st.session_state.runs > 20:
    st.stop()  # a guard, so that the bug fails the test instead of hanging it
"""


def _counts(at: AppTest) -> tuple[int, int]:
    return at.session_state["runs"], at.session_state["clicked"]


def test_a_button_that_reruns_is_pressed_for_one_run() -> None:
    at = AppTest.from_string(
        COUNT + 'if st.button("go", key="go"):\n    st.session_state.clicked += 1\n    st.rerun()\n'
    ).run()
    at.button(key="go").click().run()
    assert _counts(at) == (3, 1)  # the click's run, then the rerun it asked for
    assert at.button(key="go").value is False
    at.run()
    assert _counts(at) == (4, 1)


def test_an_on_click_that_reruns_replaces_the_clicks_run() -> None:
    at = AppTest.from_string(
        COUNT
        + 'if st.button("go", key="go", on_click=st.rerun):\n'
        + "    st.session_state.clicked += 1\n"
    ).run()
    at.button(key="go").click().run()
    at.run()
    # As in Streamlit: the callback's rerun starts before the script, without the click.
    assert _counts(at) == (3, 0)


@pytest.mark.parametrize(
    "ending",
    ["st.stop()", "raise ValueError('boom')", "pass"],
)
def test_a_click_lasts_one_run_however_it_ends(ending: str) -> None:
    at = AppTest.from_string(
        COUNT + f'if st.button("go", key="go"):\n    st.session_state.clicked += 1\n    {ending}\n'
    ).run()
    at.button(key="go").click().run()
    at.run()
    assert _counts(at) == (3, 1)


def test_a_form_submit_that_reruns_is_submitted_for_one_run() -> None:
    at = AppTest.from_string(
        COUNT
        + 'with st.form("f"):\n'
        + '    name = st.text_input("name", key="name")\n'
        + '    sent = st.form_submit_button("send")\n'
        + "if sent:\n"
        + "    st.session_state.clicked += 1\n"
        + "    st.rerun()\n"
        + 'st.write(f"name={name}")\n'
    ).run()
    at.text_input(key="name").set_value("Ada")
    at.button[0].click().run()
    assert _counts(at) == (3, 1)
    assert at.markdown[-1].value == "name=Ada"


def test_a_click_whose_run_a_newer_value_interrupts_is_not_replayed(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import time
        import streamlit as st
        st.session_state.setdefault("clicks", 0)
        x = st.slider("x", key="x")
        if st.button("go", key="go"):
            st.session_state.clicks += 1
            for _ in range(200):  # a slow action, at st. calls
                time.sleep(0.01)
                st.empty()
        st.write(f"x={x} clicks={st.session_state.clicks}")
        """
    )
    harness.hello(session)
    assert session.wait_idle(5)
    ids = session.widgets.key_to_id
    session.widgets.accept({ids["go"]: True})
    session.request_rerun()
    assert harness.wait_for(lambda: session.session_state["clicks"] == 1)
    time.sleep(0.05)
    session.widgets.accept({ids["x"]: 7})
    session.request_rerun()  # cuts the click's run short
    assert session.wait_idle(5)
    assert session.session_state["clicks"] == 1
    assert session.widgets.values[ids["go"]] is False
    assert [f["status"] for f in run_ends(viewer.take())][-2:] == ["interrupted", "ok"]


async def _until_quiet(tab: Tab) -> list[dict[str, Any]]:
    """The frames up to a run that ended normally, and any more runs within a second after."""
    frames: list[dict[str, Any]] = []
    while not any(f["t"] == "run_end" and f["status"] == "ok" for f in frames):
        frames.extend(await tab.quiet(0.2))
        assert len(run_ends(frames)) < 10, "the click keeps rerunning"
    return frames + await tab.quiet(1.0)


@async_test
async def test_through_the_server_a_click_that_reruns_runs_twice(tmp_path: Path) -> None:
    source = (
        COUNT
        + 'if st.button("go", key="go"):\n    st.session_state.clicked += 1\n    st.rerun()\n'
        + 'if st.button("cb", key="cb", on_click=st.rerun):\n    st.session_state.clicked += 1\n'
        + 'st.write(f"runs={st.session_state.runs} clicked={st.session_state.clicked}")\n'
    )
    async with serving(tmp_path, source) as server, open_tab(server) as tab:
        await tab.send("hello", v=PROTOCOL_VERSION)
        buttons: dict[str, str] = {}
        while len(buttons) < 2:
            f = await tab.until(lambda f: f["t"] == "upsert" and f["type"] == "button")
            buttons[f["props"]["label"]] = f["props"]["id"]
        await tab.until(lambda f: f["t"] == "run_end")

        await tab.send("widget_value", id=buttons["go"], value=True, run=1)
        frames = await _until_quiet(tab)
        assert [f["status"] for f in run_ends(frames)] == ["interrupted", "ok"]

        await tab.send("widget_value", id=buttons["cb"], value=True, run=3)
        frames = await _until_quiet(tab)
        assert [f["status"] for f in run_ends(frames)] == ["interrupted", "ok"]
        texts = [f["props"]["body"] for f in frames if f["t"] == "upsert" and "body" in f["props"]]
        assert texts[-1] == "runs=4 clicked=1"


def test_a_chat_message_that_reruns_is_submitted_for_one_run() -> None:
    at = AppTest.from_string(
        COUNT
        + 'if prompt := st.chat_input("say", key="c"):\n'
        + "    st.session_state.clicked += 1\n"
        + "    st.rerun()\n"
    ).run()
    at.chat_input(key="c").set_value("hi").run()
    assert _counts(at) == (3, 1)
    assert at.chat_input(key="c").value is None


# ---- callbacks: a rerun asked for while they run waits for all of them, as in Streamlit ----

CALLBACKS = """
import time
import streamlit as st
st.session_state.setdefault("log", [])
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
def rerun_now():
    st.session_state.log.append("text")
    st.rerun()
def slow():
    for _ in range(30):  # st. calls: where a newer request used to cut the callback short
        time.sleep(0.01)
        st.empty()
    st.session_state.log.append("slow done")
def note():
    st.session_state.log.append("box")
st.text_input("t", key="t", on_change=rerun_now)
st.checkbox("b", key="b", on_change=note)
st.number_input("n", key="n", on_change=slow)
"""


def test_every_changed_widgets_callback_runs_when_one_calls_st_rerun() -> None:
    at = AppTest.from_string(CALLBACKS).run()
    at.text_input(key="t").set_value("x")
    at.checkbox(key="b").check()
    at.run()
    # Streamlit 1.67: ['text', 'box'] and 2 runs (the callbacks' rerun replaces the run).
    assert at.session_state["log"] == ["text", "box"]
    assert at.session_state["runs"] == 2


def test_a_newer_value_does_not_cut_a_callback_short(harness: Harness) -> None:
    session, _viewer = harness.session(CALLBACKS)
    harness.hello(session)
    assert session.wait_idle(5)
    ids = session.widgets.key_to_id
    session.widgets.accept({ids["n"]: 1.0})
    session.request_rerun()
    time.sleep(0.1)  # the slow callback runs
    session.widgets.accept({ids["b"]: True})
    session.request_rerun()
    assert session.wait_idle(5)
    assert session.session_state["log"] == ["slow done", "box"]
