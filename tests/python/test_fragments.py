"""Fragments at the session level (the frames a viewer gets): `@st.fragment` runs (only the
fragment reruns), `run_every`, `st.rerun(scope=)`, outside writes and `@st.dialog`. The AppTest
side, checked against Streamlit 1.67 too, is in conformance/test_fragments.py."""

from __future__ import annotations

import sys
import time
from typing import Any

import pytest

from sidepane.protocol.frames import frame
from sidepane.runtime.session import AppSession

from conftest import Harness, Viewer, run_ends

COUNTER_APP = """
import sidepane as st
st.session_state.setdefault("app_runs", 0)
st.session_state.setdefault("fragment_runs", 0)
st.session_state.app_runs += 1
st.write("outside", st.session_state.app_runs)
outer = st.slider("outer", 0, 10, 1)

@st.fragment
def counter(label):
    st.session_state.fragment_runs += 1
    x = st.slider("inner", 0, 10, 2)
    st.write(label, x, st.session_state.fragment_runs)

counter("inside")
st.write("after", st.session_state.app_runs)
"""


def _run(harness: Harness, session: AppSession, viewer: Viewer) -> list[dict[str, Any]]:
    assert session.wait_idle(3)
    return viewer.take()


def _widget_id(frames: list[dict[str, Any]], label: str) -> str:
    for f in frames:
        if f["t"] == "upsert" and f["props"].get("label") == label:
            return str(f["props"]["id"])
    raise AssertionError(f"no widget {label!r}")


def _set(session: AppSession, wid: str, value: Any) -> None:
    session.handle_message(frame("widget_value", id=wid, value=value, run=1))


def _bodies(frames: list[dict[str, Any]]) -> list[str]:
    return [f["props"]["body"] for f in frames if f["t"] == "upsert" and "body" in f["props"]]


def test_a_widget_in_a_fragment_reruns_only_the_fragment(harness: Harness) -> None:
    session, viewer = harness.session(COUNTER_APP)
    harness.hello(session)
    first = _run(harness, session, viewer)
    assert _bodies(first) == ["outside `1`", "inside `2` `1`", "after `1`"]
    fragment_block = next(
        f["path"] for f in first if f["t"] == "upsert" and f["type"] == "container"
    )

    _set(session, _widget_id(first, "inner"), 5)
    frames = _run(harness, session, viewer)
    start, end = frames[0], frames[-1]
    assert start["t"] == "run_start" and "fragment" in start
    assert start["scope"] == [fragment_block]
    assert end["t"] == "run_end" and end["fragment"] == start["fragment"]
    assert end["status"] == "ok" and end["remove"] == []
    # Only what changed inside the fragment is sent; nothing outside it is.
    upserts = [f for f in frames if f["t"] == "upsert"]
    assert all(f["path"][: len(fragment_block)] == fragment_block for f in upserts)
    assert _bodies(frames) == ["inside `5` `2`"]
    assert session.session_state.user["app_runs"] == 1

    # A widget outside reruns everything (and the fragment with the value it holds).
    _set(session, _widget_id(first, "outer"), 3)
    frames = _run(harness, session, viewer)
    assert "fragment" not in frames[0]
    assert _bodies(frames) == ["outside `2`", "inside `5` `3`", "after `2`"]


def test_a_fragment_run_removes_only_stale_paths_inside_it_and_keeps_outside_widgets(
    harness: Harness,
) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        st.checkbox("keep me")
        @st.fragment
        def part():
            many = st.toggle("many")
            for i in range(3 if many else 1):
                st.write(f"line {i}")
        part()
        """
    )
    harness.hello(session)
    first = _run(harness, session, viewer)
    keep = _widget_id(first, "keep me")
    toggle = _widget_id(first, "many")
    _set(session, keep, True)
    _run(harness, session, viewer)
    _set(session, toggle, True)
    frames = _run(harness, session, viewer)
    assert _bodies(frames) == ["line 1", "line 2"]
    _set(session, toggle, False)
    frames = _run(harness, session, viewer)
    end = run_ends(frames)[-1]
    assert [list(p) for p in end["remove"]] == [["main", 1, 2], ["main", 1, 3]]
    # The checkbox outside the fragment was not forgotten by the fragment's run.
    assert session.widgets.values[keep] is True
    assert keep in session.widgets.specs


def test_callbacks_run_first_and_session_state_is_shared(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        st.session_state.setdefault("log", [])
        st.write("runs", len(st.session_state.log))
        @st.fragment
        def part():
            st.button("go", on_click=lambda: st.session_state.log.append("clicked"))
            st.write("log", ",".join(st.session_state.log))
        part()
        """
    )
    harness.hello(session)
    first = _run(harness, session, viewer)
    _set(session, _widget_id(first, "go"), True)
    frames = _run(harness, session, viewer)
    assert "fragment" in frames[0]
    assert _bodies(frames) == ["log clicked"]


def test_rerun_scopes(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        st.session_state.setdefault("n", 0)
        st.session_state.setdefault("app", 0)
        st.session_state.app += 1
        @st.fragment
        def part():
            st.session_state.n += 1
            if st.button("fragment") and st.session_state.n < 5:
                st.rerun(scope="fragment")
            if st.button("app"):
                st.rerun()
            st.write("n", st.session_state.n)
        part()
        """
    )
    harness.hello(session)
    first = _run(harness, session, viewer)
    _set(session, _widget_id(first, "fragment"), True)
    frames = _run(harness, session, viewer)
    starts = [f for f in frames if f["t"] == "run_start"]
    assert len(starts) == 2 and all("fragment" in f for f in starts)
    assert [e["status"] for e in run_ends(frames)] == ["interrupted", "ok"]
    assert session.session_state.user["app"] == 1
    _set(session, _widget_id(first, "app"), True)
    frames = _run(harness, session, viewer)
    starts = [f for f in frames if f["t"] == "run_start"]
    assert "fragment" in starts[0] and "fragment" not in starts[-1]
    assert session.session_state.user["app"] == 2


def test_nested_fragments_in_columns_and_sidebar(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        left, right = st.columns(2)
        @st.fragment
        def inner(tag):
            st.write(tag, st.checkbox(f"{tag} box"))
        @st.fragment
        def outer():
            st.write("outer", st.toggle("outer toggle"))
            inner("nested")
        with left:
            outer()
        with st.sidebar:
            inner("side")
        st.write("main end")
        """
    )
    harness.hello(session)
    first = _run(harness, session, viewer)
    _set(session, _widget_id(first, "nested box"), True)
    frames = _run(harness, session, viewer)
    assert _bodies(frames) == ["nested `True`"]
    _set(session, _widget_id(first, "outer toggle"), True)
    frames = _run(harness, session, viewer)
    assert _bodies(frames) == ["outer `True`"]  # the nested one kept its value: not resent
    _set(session, _widget_id(first, "side box"), True)
    frames = _run(harness, session, viewer)
    assert _bodies(frames) == ["side `True`"]
    assert all(f["path"][0] == "sidebar" for f in frames if f["t"] == "upsert")


def test_outside_writes_are_refilled_in_place(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        box = st.container()
        st.write("between")
        @st.fragment
        def part():
            n = st.number_input("n", 0, 10, 1)
            box.write(f"box {n}")
            st.sidebar.write(f"side {n}")
        part()
        box.write("main wrote later")
        """
    )
    harness.hello(session)
    first = _run(harness, session, viewer)
    paths = {
        f["props"]["body"]: f["path"] for f in first if f["t"] == "upsert" and "body" in f["props"]
    }
    _set(session, _widget_id(first, "n"), 4)
    frames = _run(harness, session, viewer)
    again = {
        f["props"]["body"]: f["path"] for f in frames if f["t"] == "upsert" and "body" in f["props"]
    }
    assert again == {"box 4": paths["box 1"], "side 4": paths["side 1"]}
    assert paths["main wrote later"] not in again.values()
    assert run_ends(frames)[-1]["remove"] == []


def test_writing_outside_without_a_reserved_place_is_streamlits_error(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        box = st.container()
        @st.fragment
        def part():
            if st.checkbox("write"):
                box.write("late")
        part()
        """
    )
    harness.hello(session)
    first = _run(harness, session, viewer)
    _set(session, _widget_id(first, "write"), True)
    frames = _run(harness, session, viewer)
    errors = [f for f in frames if f["t"] == "upsert" and f["type"] == "exception"]
    assert errors and errors[0]["props"]["type"] == "StreamlitInvalidLayoutContextError"
    assert errors[0]["props"]["message"].startswith(
        "A fragment tried to write to a container created outside it"
    )
    assert run_ends(frames)[-1]["status"] == "error"


def test_run_every_ticks_coalesces_and_stops_when_the_session_closes(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import time
        import sidepane as st
        st.session_state.setdefault("ticks", 0)
        st.write("top")
        @st.fragment(run_every=0.05)
        def clock():
            st.session_state.ticks += 1
            time.sleep(0.15)  # slower than its interval
            st.write("tick", st.session_state.ticks)
        clock()
        """
    )
    harness.hello(session)
    assert harness.wait_for(lambda: session.session_state.user.get("ticks", 0) >= 4, 5)
    # Ticks never pile up: at most one waits while the fragment runs.
    assert len(session.requests.queued_fragments()) <= 1
    frames = viewer.take()
    starts = [f for f in frames if f["t"] == "run_start"]
    assert starts[0].get("fragment") is None and all("fragment" in f for f in starts[1:])
    assert "top" not in _bodies(frames[1:]) or _bodies(frames).count("top") == 1
    session.close()
    ticks = session.session_state.user["ticks"]
    time.sleep(0.3)
    assert session.session_state.user["ticks"] == ticks


@pytest.mark.parametrize("run_every", ["0.05s", "50ms"])
def test_run_every_strings_and_hidden_viewer(harness: Harness, run_every: str) -> None:
    session, _viewer = harness.session(
        f"""
        import sidepane as st
        st.session_state.setdefault("ticks", 0)
        @st.fragment(run_every={run_every!r})
        def clock():
            st.session_state.ticks += 1
        clock()
        """
    )
    harness.hello(session)
    assert harness.wait_for(lambda: session.session_state.user.get("ticks", 0) >= 2)
    session.handle_message(frame("visibility", visible=False))
    time.sleep(0.15)
    ticks = session.session_state.user["ticks"]
    time.sleep(0.2)
    assert session.session_state.user["ticks"] == ticks  # paused while hidden
    session.handle_message(frame("visibility", visible=True))
    assert harness.wait_for(lambda: session.session_state.user["ticks"] > ticks)


def test_a_full_rerun_while_a_tick_is_due(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        st.session_state.setdefault("full", 0)
        st.session_state.setdefault("ticks", 0)
        st.session_state.full += 1
        @st.fragment(run_every=0.02)
        def clock():
            st.session_state.ticks += 1
            st.write("clock")
        clock()
        st.write("end")
        """
    )
    harness.hello(session)
    assert harness.wait_for(lambda: session.session_state.user.get("ticks", 0) >= 3)
    session.request_rerun()
    assert harness.wait_for(lambda: session.session_state.user["full"] == 2)
    ticks = session.session_state.user["ticks"]
    assert harness.wait_for(lambda: session.session_state.user["ticks"] > ticks + 2)
    session.close()
    frames = viewer.take()
    assert all(e["status"] in ("ok", "interrupted") for e in run_ends(frames))
    assert not any(e["remove"] for e in run_ends(frames))  # nothing ever left the screen


def test_fragment_keys_rerun_from_a_callback(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        st.session_state.setdefault("app", 0)
        st.session_state.app += 1
        @st.fragment(key="charts")
        def charts():
            st.write("filter", st.session_state.get("filter", "all"))
        charts()
        rerun_charts = lambda: st.rerun("charts")
        st.selectbox("Filter", ["all", "recent"], key="filter", on_change=rerun_charts)
        """
    )
    harness.hello(session)
    first = _run(harness, session, viewer)
    _set(session, _widget_id(first, "Filter"), 1)
    frames = _run(harness, session, viewer)
    assert "fragment" in [f for f in frames if f["t"] == "run_start"][-1]
    assert _bodies(frames) == ["filter recent"]
    assert session.session_state.user["app"] == 1


VOTE_APP = """
import sidepane as st
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


def test_a_dialog_reruns_alone_and_st_rerun_closes_it(harness: Harness) -> None:
    session, viewer = harness.session(VOTE_APP.replace('width="large"', 'on_dismiss="rerun"'))
    harness.hello(session)
    first = _run(harness, session, viewer)
    _set(session, _widget_id(first, "A"), True)
    opened = _run(harness, session, viewer)
    dialog = next(f for f in opened if f["t"] == "upsert" and f["type"] == "dialog")
    assert dialog["path"] == ["event", 0]
    assert dialog["props"]["title"] == "Vote" and dialog["props"]["dismissible"] is True
    assert "dismiss" in dialog["props"]
    # A widget inside reruns only the dialog (the button that opened it is not clicked now).
    _set(session, _widget_id(opened, "Because"), "cool")
    frames = _run(harness, session, viewer)
    assert frames[0]["scope"] == [["event", 0]]
    assert run_ends(frames)[-1]["remove"] == []
    # Submit: st.rerun() reruns the app, which does not call the dialog: it is removed.
    _set(session, _widget_id(opened, "Submit"), True)
    frames = _run(harness, session, viewer)
    assert ["event", 0] in [list(p) for p in run_ends(frames)[-1]["remove"]]
    assert _bodies(frames) == ["You voted for A"]


def test_dismissing_a_dialog_with_on_dismiss_reruns_the_app_and_calls_back(
    harness: Harness,
) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        st.session_state.setdefault("dismissed", 0)
        def closed():
            st.session_state.dismissed += 1
        @st.dialog("Hi", on_dismiss=closed)
        def hi():
            st.write("hello")
        if st.button("open"):
            hi()
        st.write("dismissed", st.session_state.dismissed)
        """
    )
    harness.hello(session)
    first = _run(harness, session, viewer)
    _set(session, _widget_id(first, "open"), True)
    opened = _run(harness, session, viewer)
    dialog = next(f for f in opened if f["t"] == "upsert" and f["type"] == "dialog")
    _set(session, dialog["props"]["dismiss"], True)
    frames = _run(harness, session, viewer)
    assert "fragment" not in frames[0]
    assert _bodies(frames) == ["dismissed `1`"]
    assert ["event", 0] in [list(p) for p in run_ends(frames)[-1]["remove"]]


def test_caching_and_magic_work_inside_a_fragment_run(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        st.session_state.setdefault("computed", 0)
        @st.cache_data
        def heavy(n):
            st.session_state.computed += 1
            st.write(f"drawn by the cached function for {n}")
            return n * 2
        @st.fragment
        def part():
            n = st.number_input("n", 0, 10, 1)
            f"magic {heavy(n)}"
        st.write("top")
        part()
        """
    )
    harness.hello(session)
    first = _run(harness, session, viewer)
    assert _bodies(first) == ["top", "drawn by the cached function for 1", "magic 2"]
    n = _widget_id(first, "n")
    _set(session, n, 2)
    frames = _run(harness, session, viewer)
    assert _bodies(frames) == ["drawn by the cached function for 2", "magic 4"]
    _set(session, n, 1)  # cached: replayed in place, drawn again, not computed again
    frames = _run(harness, session, viewer)
    assert _bodies(frames) == ["drawn by the cached function for 1", "magic 2"]
    assert session.session_state.user["computed"] == 2
    assert run_ends(frames)[-1]["remove"] == []


def test_a_vs_code_panel_runs_fragments_and_keeps_diagnostics_of_full_runs(
    harness: Harness,
) -> None:
    from sidepane.runtime.app import App
    from sidepane.runtime.runner import RunResult
    from sidepane.servers.lsp.diagnostics import diagnostics_for
    from sidepane.servers.lsp.sessions import PanelSession

    path = harness.write("app.py", COUNTER_APP)
    viewer = Viewer()
    started: list[int] = []
    session = PanelSession(
        App(path, ()),
        viewer,
        session_id="panel",
        on_run_start=started.append,
        on_debug=lambda run, at: None,
    )
    harness.sessions.append(session)
    harness.hello(session)
    first = _run(harness, session, viewer)
    _set(session, _widget_id(first, "inner"), 4)
    frames = _run(harness, session, viewer)
    assert "fragment" in frames[0] and run_ends(frames)[-1]["status"] == "ok"
    assert started == [1, 2]
    assert session.last_result is not None and session.last_result.fragment is not None
    # A fragment's run that did not raise says nothing of the rest of the script.
    assert diagnostics_for(session.last_result, str(path)) is None
    assert diagnostics_for(RunResult(3, "ok", 1.0), str(path)) == {}


def test_run_every_values_with_and_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import timedelta

    from sidepane.errors import StreamlitBadTimeStringError
    from sidepane.runtime.run_every import interval_seconds

    forms = {"2s": 2.0, "1m30s": 90.0, "1.5 hours": 5400.0, "1 day 2h": 93600.0, "50ms": 0.05}
    assert interval_seconds(timedelta(minutes=1)) == 60.0
    assert interval_seconds(3) == 3.0
    assert interval_seconds(None) is None and interval_seconds(0) is None
    for without_pandas in (False, True):
        if without_pandas:
            monkeypatch.setitem(sys.modules, "pandas", None)  # pandas is an optional extra
        for text, seconds in forms.items():
            assert interval_seconds(text) == seconds
        with pytest.raises(StreamlitBadTimeStringError):
            interval_seconds("soon")
