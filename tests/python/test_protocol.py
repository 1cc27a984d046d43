"""Frames in and out: version check, bad messages, the no-resend record."""

from __future__ import annotations

import msgpack
import pytest

from sidepane.protocol.frames import MAX_MESSAGE_BYTES, frame
from sidepane.protocol.viewer_model import ViewerModel

from conftest import Harness, run_ends


def test_version_mismatch_gets_a_clear_error_frame(harness: Harness) -> None:
    session, viewer = harness.session("import sidepane as st\nst.write('x')\n")
    session.handle_message(frame("hello", v=999))
    frames = viewer.take()
    assert [f["t"] for f in frames] == ["error"]
    assert frames[0]["code"] == "version"
    assert "999" in frames[0]["message"]


@pytest.mark.invalid_frames
def test_bad_messages_are_dropped_and_the_session_keeps_working(harness: Harness) -> None:
    session, viewer = harness.session("import sidepane as st\nst.write('x')\n")
    for bad in (
        b"\xc1",  # never used in msgpack
        b"",
        msgpack.packb([1, 2, 3]),
        msgpack.packb({"no": "type"}),
        frame("no_such_frame"),
        frame("widget_value", id=5, value=1, run=1),
        frame("widget_value", id="$$ID-unknown-None", value=1, run=1),
        frame("upload", hash=3, data="x"),
        b"\xdb" + (MAX_MESSAGE_BYTES + 1).to_bytes(4, "big"),
    ):
        session.handle_message(bad)
    session.handle_message(b"\x00" * (MAX_MESSAGE_BYTES + 1))
    assert viewer.take() == []
    harness.hello(session)
    assert session.wait_idle(3)
    frames = viewer.take()
    assert run_ends(frames)[0]["status"] == "ok"


def test_hello_resets_what_the_viewer_holds(harness: Harness) -> None:
    session, viewer = harness.session("import sidepane as st\nst.write('x')\n")
    harness.hello(session)
    assert session.wait_idle(3)
    assert len(viewer.take()) == 3
    harness.hello(session)  # a reconnect: the new viewer holds nothing
    assert session.wait_idle(3)
    assert [f["t"] for f in viewer.take()] == ["run_start", "upsert", "run_end"]


def test_query_string_from_hello_seeds_query_params(harness: Harness) -> None:
    session, viewer = harness.session(
        "import sidepane as st\nst.write(str(st.query_params.get_all('a')), st.query_params['b'])\n"
    )
    harness.hello(session, query="a=1&a=2&b=x")
    assert session.wait_idle(3)
    upserts = [f for f in viewer.take() if f["t"] == "upsert"]
    assert upserts[0]["props"]["body"] == "['1', '2'] x"


def test_viewer_model_removals_are_minimal_and_type_changes_drop_children() -> None:
    model = ViewerModel()
    for path in [("main", 0), ("main", 1), ("main", 1, 0), ("main", 1, 0, 0), ("main", 2)]:
        model.record(path, "block", 1)
    assert model.removals([("main", 0)]) == [("main", 1), ("main", 2)]
    model.record(("main", 0), "block", 1)
    model.record(("main", 0, 0), "markdown", 2)
    model.record(("main", 0), "markdown", 3)
    assert ("main", 0, 0) not in model.nodes


def test_a_placeholder_filled_with_the_same_content_costs_nothing(harness: Harness) -> None:
    session, viewer = harness.session(
        "import sidepane as st\nslot = st.empty()\nst.write('below')\nslot.write('filled')\n"
        "never = st.empty()\n"
    )
    harness.hello(session)
    assert session.wait_idle(3)
    first = [(f["path"], f["type"]) for f in viewer.take() if f["t"] == "upsert"]
    assert first == [(["main", 1], "markdown"), (["main", 0], "markdown"), (["main", 2], "empty")]
    session.request_rerun()
    assert session.wait_idle(3)
    assert [f["t"] for f in viewer.take()] == ["run_start", "run_end"]
