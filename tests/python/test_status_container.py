"""`st.status`: its state through a `with` block and `update()`, and what the viewer receives.

Each behaviour was checked against Streamlit 1.67's AppTest with the same script.
"""

from __future__ import annotations

from typing import Any

import pytest

import sidepane as st
from sidepane.testing import AppTest


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


def status_upserts(at: AppTest) -> list[tuple[list[Any], dict[str, Any]]]:
    return [
        (f["path"], f["props"]) for f in at.frames if f["t"] == "upsert" and f["type"] == "status"
    ]


def test_with_block_completes_or_errors_and_update_changes_it_in_place() -> None:
    at = run(
        """
import sidepane as st
with st.status("a") as s:
    st.write("inside")
with st.status("b", expanded=True) as s2:
    s2.update(label="B", state="error")
try:
    with st.status("c"):
        raise ValueError("boom")
except ValueError:
    pass
s3 = st.status("d", state="complete")
s3.update(expanded=True)
s3.text("later")
"""
    )
    assert not at.exception
    got = [(s.label, s.state, s.expanded, s.icon) for s in at.status]
    assert got == [
        ("a", "complete", False, ":material/check:"),
        ("B", "error", True, ":material/error:"),
        ("c", "error", False, ":material/error:"),
        ("d", "complete", True, ":material/check:"),
    ]
    assert at.status[0].markdown[0].value == "inside"
    assert at.status[3].text[0].value == "later"
    assert at.main[1].type == "status" and len(at.main) == 4


def test_update_keeps_children_and_sends_only_the_props() -> None:
    at = run(
        """
import sidepane as st
with st.status("Working", expanded=True) as s:
    st.write("step 1")
    s.update(label="Halfway")
    st.write("step 2")
"""
    )
    assert [s.markdown.values for s in at.status] == [["step 1", "step 2"]]
    sent = status_upserts(at)
    assert [p["label"] for _, p in sent] == ["Working", "Halfway", "Halfway"]
    assert [p["state"] for _, p in sent] == ["running", "running", "complete"]
    assert all(path == ["main", 0] for path, _ in sent)
    at.run()  # a rerun resends the flip from running to complete, nothing else
    assert len(status_upserts(at)) == 3 + 3


def test_uncaught_error_marks_the_status_and_a_stop_leaves_it_running() -> None:
    at = run(
        """
import sidepane as st
with st.status("fails"):
    1 / 0
"""
    )
    assert at.status[0].state == "error" and "division by zero" in at.exception[0].value
    at = run(
        """
import sidepane as st
with st.status("stopped"):
    st.stop()
"""
    )
    assert at.status[0].state == "running"


def test_nested_blocks_inside_a_status_are_plain_containers() -> None:
    at = run(
        """
import sidepane as st
with st.status("outer") as s:
    with st.expander("details"):
        st.write("deep")
    c = s.container()
c.write("late")
"""
    )
    assert at.status[0].state == "complete"
    assert at.status[0].expander[0].markdown[0].value == "deep"
    assert at.status[0].markdown.values == ["deep", "late"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.status("x", state="bad")', "Invalid `state` value. Supported values: 'running'"),
        ('st.status("x").update(state="done")', "Invalid `state` value"),
        ('st.status("x", type="big")', "Invalid `type` value"),
        (
            'st.status("x", width="content")',
            "Invalid width value: 'content'. Width must be either a positive integer (pixels) "
            "or 'stretch'.",
        ),
    ],
)
def test_bad_arguments_are_refused(call: str, message: str) -> None:
    at = run(f"import sidepane as st\n{call}\n")
    assert message in at.exception[0].value


def test_status_width_and_type_reach_the_viewer() -> None:
    at = run('import sidepane as st\nst.status("a", width=320, type="compact")\nst.status("b")\n')
    assert at.status[0].proto["width"] == 320 and at.status[0].proto["type"] == "compact"
    assert "width" not in at.status[1].proto and "type" not in at.status[1].proto


def test_status_draws_nothing_outside_a_run() -> None:
    with st.status("bare") as s:
        s.update(label="still bare", state="error")
