"""The script runner: runs, reruns, interruption, errors, and what a run leaves on screen."""

from __future__ import annotations

import os
import sys
import time

import pytest

import sidepane
from sidepane.testing import AppTest

from conftest import Harness, run_ends


def test_runs_top_to_bottom_with_magic_and_main_namespace(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        '''A module docstring is not drawn.'''
        import sys
        import sidepane as st
        st.write(__name__, __file__.endswith("app.py"), str(sys.argv[1:]))
        x = 3
        x, "squared is", x * x
        def f():
            "a docstring"
            "drawn from inside a function"
        f()
        """,
        args=("--flag", "value"),
    )
    harness.hello(session)
    assert session.wait_idle(3)
    frames = viewer.take()
    bodies = [f["props"]["body"] for f in frames if f["t"] == "upsert"]
    assert bodies == [
        "__main__ `True` ['--flag', 'value']",
        "`3` squared is `9`",
        "drawn from inside a function",
    ]
    assert frames[0]["t"] == "run_start" and frames[-1]["status"] == "ok"


def test_exception_keeps_what_was_drawn_and_shows_user_frames() -> None:
    at = AppTest.from_string(
        """
        import sidepane as st
        st.write("before")
        def inner():
            return 1 / 0
        inner()
        st.write("after")
        """
    ).run()
    assert at.markdown.values == ["before"]
    exc = at.exception[0]
    assert exc.type_name == "ZeroDivisionError"
    assert exc.message == "division by zero"
    frames = exc.proto["frames"]
    assert [f["line"] for f in frames] == [6, 5]
    assert all(f["user"] and f["file"].endswith("app.py") for f in frames)
    package_dir = os.path.dirname(sidepane.__file__)
    assert not any(f["file"].startswith(package_dir) for f in frames)


def test_syntax_error_is_shown_with_its_line() -> None:
    at = AppTest.from_string("import sidepane as st\nst.write('x'\n").run()
    exc = at.exception[0]
    assert exc.type_name == "SyntaxError"
    assert exc.proto["frames"][-1]["line"] in (2, 3)


def test_system_exit_and_keyboard_interrupt_end_the_run_cleanly(harness: Harness) -> None:
    session, viewer = harness.session(
        "import sys, sidepane as st\nst.write('a')\nsys.exit(3)\nst.write('b')\n"
    )
    harness.hello(session)
    assert session.wait_idle(3)
    frames = viewer.take()
    assert run_ends(frames)[0]["status"] == "ok"
    assert [f["props"]["body"] for f in frames if f["t"] == "upsert"] == ["a"]
    assert session.script_thread_alive


def test_unchanged_rerun_sends_only_run_start_and_run_end(harness: Harness) -> None:
    body = "import sidepane as st\n" + "".join(f"st.write('line {i}')\n" for i in range(1000))
    session, viewer = harness.session(body)
    harness.hello(session)
    assert session.wait_idle(5)
    assert len(viewer.take()) == 1002
    session.request_rerun()
    assert session.wait_idle(5)
    frames = viewer.take()
    assert [f["t"] for f in frames] == ["run_start", "run_end"]


def test_run_end_removes_what_the_new_run_did_not_produce(harness: Harness) -> None:
    session, viewer = harness.session(
        "import sidepane as st\nfor i in range(5):\n    st.write(f'n{i}')\n"
    )
    harness.hello(session)
    assert session.wait_idle(3)
    viewer.take()
    harness.write("app.py", "import sidepane as st\nst.write('n0')\nst.write('changed')\n")
    session.request_rerun()
    assert session.wait_idle(3)
    frames = viewer.take()
    assert [f["path"] for f in frames if f["t"] == "upsert"] == [["main", 1]]
    assert run_ends(frames)[0]["remove"] == [["main", 2], ["main", 3], ["main", 4]]


def test_rerun_interrupts_a_pure_python_infinite_loop_within_200ms(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        st.write("start")
        if "n" not in st.session_state:
            st.session_state.n = 0
        st.session_state.n += 1
        if st.session_state.n == 1:
            while True:
                pass
        st.write("second run", st.session_state.n)
        """
    )
    harness.hello(session)
    viewer.wait_for_upsert()
    time.sleep(0.05)
    started = time.perf_counter()
    session.request_rerun()
    assert session.wait_idle(3)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.2, elapsed
    frames = viewer.take()
    statuses = [f["status"] for f in run_ends(frames)]
    assert statuses == ["interrupted", "ok"]
    assert run_ends(frames)[0]["remove"] == []
    assert any(f["t"] == "upsert" and f["props"]["body"] == "second run `2`" for f in frames)


def test_stop_ends_an_infinite_loop_that_makes_st_calls(harness: Harness) -> None:
    session, viewer = harness.session(
        "import sidepane as st\nh = st.text('0')\ni = 0\nwhile True:\n    i += 1\n    h.text(i)\n"
    )
    harness.hello(session)
    assert harness.wait_for(lambda: bool(viewer.messages))
    session.request_stop()
    assert session.wait_idle(1)
    assert run_ends(viewer.take())[-1]["status"] == "stopped"
    session.request_rerun()  # the session still works
    assert harness.wait_for(lambda: bool(viewer.messages))
    session.request_stop()
    assert session.wait_idle(1)


def test_user_code_cannot_swallow_an_interrupt_with_except_exception(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        while True:
            try:
                while True:
                    pass
            except Exception:
                st.write("swallowed")
        """
    )
    harness.hello(session)
    assert harness.wait_for(lambda: bool(viewer.messages))
    time.sleep(0.02)
    session.request_stop()
    assert session.wait_idle(1)
    frames = viewer.take()
    assert run_ends(frames)[-1]["status"] == "stopped"
    assert not any(f["t"] == "upsert" for f in frames)


def test_many_rerun_requests_coalesce(harness: Harness) -> None:
    session, viewer = harness.session(
        "import time, sidepane as st\nst.write('x')\ntime.sleep(0.05)\nst.write('y')\n"
    )
    harness.hello(session)
    time.sleep(0.01)
    for _ in range(20):
        session.request_rerun()
    assert session.wait_idle(3)
    assert len(run_ends(viewer.take())) <= 3


def test_sessions_of_one_app_have_their_own_state() -> None:
    src = """
    import sidepane as st
    st.session_state.setdefault("count", 0)
    st.session_state.count += 1
    st.write(st.session_state.count)
    """
    a = AppTest.from_string(src)
    a.run()
    a.run()
    b = AppTest.from_string(src).run()
    assert a.markdown[0].value == "`2`"
    assert b.markdown[0].value == "`1`"


def test_streamlit_import_gets_sidepane_only_inside_scripts() -> None:
    at = AppTest.from_string(
        "import streamlit as st\nimport sidepane\nst.write(st is sidepane)\n"
    ).run()
    assert at.markdown[0].value == "`True`"
    assert "streamlit" not in sys.modules or sys.modules["streamlit"].__name__ != "sidepane"


def test_local_module_edits_show_on_the_next_rerun(harness: Harness) -> None:
    harness.write("helper.py", "VALUE = 1\n")
    harness.write("user.py", "from helper import VALUE\ndef doubled():\n    return VALUE * 2\n")
    session, viewer = harness.session(
        "import sidepane as st\nimport helper, user\nst.write(helper.VALUE, user.doubled())\n"
    )
    harness.hello(session)
    assert session.wait_idle(3)
    assert viewer.take()[1]["props"]["body"] == "`1` `2`"
    time.sleep(0.01)
    harness.write("helper.py", "VALUE = 21\n")
    session.request_rerun()
    assert session.wait_idle(3)
    assert viewer.take()[1]["props"]["body"] == "`21` `42`"
    for name in ("helper", "user"):
        sys.modules.pop(name, None)


def test_script_is_compiled_once_per_version(harness: Harness) -> None:
    from sidepane.runtime.script_cache import ScriptCache

    path = harness.write("app.py", "x = 1\n")
    cache = ScriptCache()
    first = cache.get_code(str(path))
    assert cache.get_code(str(path)) is first
    time.sleep(0.01)
    harness.write("app.py", "x = 22\n")
    assert cache.get_code(str(path)) is not first


def test_a_run_blocked_in_a_long_sleep_is_left_behind_and_the_session_goes_on(
    harness: Harness,
) -> None:
    session, viewer = harness.session(
        """
        import time
        import sidepane as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        st.write("run", st.session_state.runs)
        if st.session_state.runs == 1:
            time.sleep(30)
            st.write("never drawn")
        """
    )
    harness.hello(session)
    viewer.wait_for_upsert()
    time.sleep(0.05)
    started = time.perf_counter()
    session.request_stop()
    assert harness.wait_for(lambda: any(f["t"] == "run_end" for f in viewer.take()), 3)
    assert 0.9 < time.perf_counter() - started < 2.0
    session.request_rerun()
    assert session.wait_idle(3)
    frames = viewer.take()
    assert run_ends(frames)[-1]["status"] == "ok"
    assert any(f["t"] == "upsert" and f["props"]["body"] == "run `2`" for f in frames)


def test_a_script_that_swallows_every_interrupt_is_abandoned(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import sidepane as st
        st.write("start")
        swallowed = 0
        while swallowed < 8:  # bounded, so the abandoned thread ends within the test run
            try:
                while True:
                    pass
            except BaseException:
                swallowed += 1
        """
    )
    harness.hello(session)
    viewer.wait_for_upsert()
    started = time.perf_counter()
    session.request_stop()
    assert harness.wait_for(lambda: any(f["t"] == "run_end" for f in viewer.take()), 3)
    assert 0.9 < time.perf_counter() - started < 2.0


def test_an_idle_script_thread_ends_and_the_next_request_starts_another(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sidepane.runtime import runner

    monkeypatch.setattr(runner, "IDLE_EXIT_SECONDS", 0.05)
    session, viewer = harness.session("import sidepane as st\nst.write('hi')\n")
    harness.hello(session)
    assert session.wait_idle(3)
    assert harness.wait_for(lambda: not session.script_thread_alive)
    for _ in range(20):  # requests racing the idle exit are never lost
        session.request_rerun()
        assert session.wait_idle(3)
        time.sleep(0.05)
    assert len(run_ends(viewer.take())) == 21
