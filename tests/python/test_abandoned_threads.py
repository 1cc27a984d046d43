"""Runs blocked in a call Python cannot interrupt are left behind, but only so many.

Each thread left behind is counted until its call returns: past `MAX_PER_SESSION` for a session
(or `MAX_IN_ALL` in the process), a stuck run is kept instead, the log and the viewer say so,
and the session runs the script again once one of the threads left behind ends.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from sidepane.runtime import left_behind, runner
from sidepane.runtime.session import AppSession

from conftest import Harness, Viewer, run_ends

pytestmark = pytest.mark.timeout(60)

# Each run waits on the gate in C (a lock's acquire): an interrupt cannot reach it.
SCRIPT = """
import streamlit as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.write(f"waiting {st.session_state.runs}")
gate.wait()
st.write("through")
"""


@pytest.fixture(autouse=True)
def before() -> Iterator[int]:
    """Threads left behind by earlier tests, still running; a test's own all end."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(runner, "ABANDON_SECONDS", 0.3)
        base = left_behind.in_all()
        yield base
    assert left_behind.in_all() <= base, "a thread left behind was never counted as ended"


def _stuck_session(harness: Harness, gate: threading.Event) -> tuple[AppSession, Viewer]:
    session, viewer = harness.session(SCRIPT)
    session.app.script_globals["gate"] = gate
    harness.hello(session)
    return session, viewer


def _toasts(frames: list[dict[str, Any]]) -> list[str]:
    return [f["body"] for f in frames if f["t"] == "toast"]


def _runs_started(frames: list[dict[str, Any]]) -> list[int]:
    return [f["run"] for f in frames if f["t"] == "run_start"]


def _waiting(frames: list[dict[str, Any]], run: int) -> bool:
    """Whether the script's `run`-th execution reached the gate."""
    return any(f["t"] == "upsert" and f["props"].get("body") == f"waiting {run}" for f in frames)


def test_past_the_bound_a_stuck_run_waits_instead_of_leaving_one_more_thread(
    harness: Harness, caplog: pytest.LogCaptureFixture, before: int
) -> None:
    gate = threading.Event()
    session, viewer = _stuck_session(harness, gate)
    frames: list[dict[str, Any]] = []

    def collect() -> list[dict[str, Any]]:
        frames.extend(viewer.take())
        return frames

    try:
        with caplog.at_level(logging.WARNING, logger="sidepane.runner"):
            # Runs 1 and 2 are left behind, one per new request.
            for run in (2, 3):
                assert harness.wait_for(lambda run=run: _waiting(collect(), run - 1), timeout=10)
                session.request_rerun()
                assert harness.wait_for(lambda run=run: _waiting(collect(), run), timeout=10)
            assert left_behind.in_all() - before == left_behind.MAX_PER_SESSION == 2
            assert sum("did not stop" in t for t in _toasts(frames)) == 2

            # Run 3 is stuck too, and may not be left behind: no run 4 while it waits.
            session.request_rerun()
            assert harness.wait_for(
                lambda: any("most it keeps" in t for t in _toasts(collect())), timeout=10
            )
            threading.Event().wait(runner.ABANDON_SECONDS * 2)
            assert 4 not in _runs_started(collect())
            assert left_behind.in_all() - before == 2
            assert any("its rerun waits" in r.getMessage() for r in caplog.records)
            assert sum("leaving its thread behind" in r.getMessage() for r in caplog.records) == 2
    finally:
        gate.set()
    # The calls return: the threads left behind end, and the waiting rerun runs to the end.
    assert harness.wait_for(lambda: left_behind.in_all() == before, timeout=10)
    assert session.wait_idle(5)
    ends = {f["run"]: f["status"] for f in run_ends(collect())}
    assert ends == {1: "interrupted", 2: "interrupted", 3: "interrupted", 4: "ok"}


def test_the_bound_counts_the_threads_of_every_session(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, before: int
) -> None:
    monkeypatch.setattr(left_behind, "MAX_IN_ALL", before + 1)
    gate = threading.Event()
    first, first_viewer = _stuck_session(harness, gate)
    second, second_viewer = _stuck_session(harness, gate)
    try:
        assert harness.wait_for(lambda: _waiting(first_viewer.take(), 1), timeout=10)
        assert harness.wait_for(lambda: _waiting(second_viewer.take(), 1), timeout=10)
        first.request_rerun()
        assert harness.wait_for(lambda: left_behind.in_all() == before + 1, timeout=10)
        second.request_rerun()
        assert harness.wait_for(
            lambda: any("most it keeps" in t for t in _toasts(second_viewer.take())), timeout=10
        )
        assert left_behind.in_all() == before + 1
    finally:
        gate.set()
    assert first.wait_idle(5) and second.wait_idle(5)
    assert harness.wait_for(lambda: left_behind.in_all() == before, timeout=10)
