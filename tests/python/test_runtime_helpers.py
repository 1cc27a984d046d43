"""Streamlit's internal module paths under Sidepane: threads given the run context (and those
not), the clear errors for what Sidepane does not serve, and `streamlit.runtime.exists()` when a
script runs bare. What behaves as in Streamlit 1.67 is in conformance/test_runtime_helpers.py."""

from __future__ import annotations

import logging
import subprocess
import sys
import time

import pytest

import sidepane
from sidepane.testing import AppTest

MISSING_CONTEXT = (
    "Thread 'worker': missing ScriptRunContext! This warning can be ignored when running in "
    "bare mode."
)


def test_a_thread_without_the_context_gets_streamlits_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="sidepane.threads")
    at = AppTest.from_string(
        """
import threading
import streamlit as st
def work():
    st.write("lost")
    st.button("lost too")
thread = threading.Thread(target=work, name="worker")
thread.start()
thread.join()
st.write("drawn")
"""
    ).run()
    assert not at.exception
    assert at.markdown.values == ["drawn"] and not at.button
    warnings = [r.getMessage() for r in caplog.records if r.name == "sidepane.threads"]
    assert warnings == [MISSING_CONTEXT, MISSING_CONTEXT]


def test_a_thread_draws_nothing_once_its_run_is_over() -> None:
    at = AppTest.from_string(
        """
import threading, time
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx
st.session_state.runs = st.session_state.get("runs", 0) + 1
def late():
    time.sleep(0.3)
    st.write("late")
    st.session_state.late_done = True
if st.session_state.runs == 1:
    add_script_run_ctx(threading.Thread(target=late)).start()
st.write("run", st.session_state.runs)
"""
    ).run()
    assert at.markdown.values == ["run `1`"]
    time.sleep(0.6)
    at.run()
    assert at.markdown.values == ["run `2`"]
    assert not any(f["t"] == "upsert" and f["props"].get("body") == "late" for f in at.frames)


def test_paths_and_names_sidepane_does_not_serve_fail_clearly() -> None:
    at = AppTest.from_string(
        """
import streamlit as st
from streamlit import runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx
errors = []
for statement in [
    "from streamlit.runtime import get_instance",
    "from streamlit.runtime.scriptrunner import ScriptRunner",
    "import streamlit.web.server.websocket_headers",
    "import streamlit.proto.Delta_pb2",
    "from streamlit.elements.lib.layout_utils import LayoutConfig",
]:
    try:
        exec(statement)
    except ImportError as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
for get in [
    lambda: runtime.get_instance,
    lambda: get_script_run_ctx().page_script_hash,
    lambda: st.runtime.scriptrunner.ScriptRunner,
]:
    try:
        get()
    except AttributeError as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
st.session_state.errors = errors
st.session_state.has = hasattr(runtime, "get_instance")
"""
    ).run()
    assert not at.exception
    errors = at.session_state.errors
    assert [e.split(": ", 2)[:2] for e in errors] == [
        ["ImportError", "Sidepane has no `streamlit.runtime.get_instance`"],
        ["ImportError", "Sidepane has no `streamlit.runtime.scriptrunner.ScriptRunner`"],
        ["ModuleNotFoundError", "Sidepane has no `streamlit.web.server`"],
        ["ModuleNotFoundError", "Sidepane has no `streamlit.proto`"],
        ["ModuleNotFoundError", "Sidepane has no `streamlit.elements`"],
        ["AttributeError", "Sidepane has no `streamlit.runtime.get_instance`"],
        ["AttributeError", "Sidepane's ScriptRunContext has no `page_script_hash`"],
        ["AttributeError", "Sidepane has no `streamlit.runtime.scriptrunner.ScriptRunner`"],
    ]
    assert at.session_state.has is False


def test_importing_runtime_submodules_leaves_sidepanes_runtime_alone() -> None:
    at = AppTest.from_string(
        "import streamlit.runtime.scriptrunner\nimport streamlit.runtime.state\n"
    ).run()
    assert not at.exception
    assert sidepane.runtime.__name__ == "sidepane.runtime"
    assert sidepane.runtime.context.get_run_context() is None


def test_a_rerun_exception_built_outside_a_run_does_nothing() -> None:
    from sidepane.compat.runtime.scriptrunner import RerunData, RerunException

    exc = RerunException(RerunData(query_string="a=1"))
    assert exc.rerun_data.query_string == "a=1"


def test_the_runtime_does_not_exist_for_a_script_run_bare() -> None:
    probe = (
        "import sidepane as st, sidepane.runtime as runtime\n"
        "from sidepane.compat.runtime.scriptrunner import get_script_run_ctx\n"
        "st.write('bare: draws nothing, quietly')\n"
        "print(runtime.exists(), get_script_run_ctx())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False None"
    assert "ScriptRunContext" not in out.stderr


def test_from_import_of_an_st_name_sidepane_lacks_says_so() -> None:
    at = AppTest.from_string(
        """
import streamlit as st
errors = []
for statement in ["from streamlit import App", "from streamlit import beta_columns"]:
    try:
        exec(statement)
    except ImportError as exc:
        errors.append(str(exc))
st.session_state.errors = errors
st.session_state.has = hasattr(st, "App")
from streamlit import write, session_state, runtime
"""
    ).run()
    assert not at.exception
    assert [e.split(":")[0] for e in at.session_state.errors] == [
        "Sidepane has no `st.App`",
        "`st.beta_columns` was removed from Streamlit",
    ]
    assert at.session_state.has is False
