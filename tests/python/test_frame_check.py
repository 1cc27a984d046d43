"""The schema as data (shapes.py, what the viewer's development build checks against) and the
`SIDEPANE_CHECK_FRAMES` check of servers run as subprocesses."""

from __future__ import annotations

import json
import logging

import pytest

from sidepane.protocol import frames
from sidepane.protocol.frame_check import BROKEN, ENV, install_from_env
from sidepane.protocol.schema import registry
from sidepane.protocol.schema.shapes import schema_table


def test_the_table_holds_every_declared_frame_and_element_as_json() -> None:
    table = json.loads(json.dumps(schema_table()))
    assert set(table["runtimeFrames"]) == set(registry.RUNTIME_FRAMES)
    assert set(table["viewerFrames"]) == set(registry.VIEWER_FRAMES)
    assert set(table["elements"]) == set(registry.ELEMENTS)
    slider = table["defs"][table["elements"]["slider"]]
    assert slider["keys"]["value"] == {"union": ["float", {"list": "float"}]}
    assert "help" in slider["keys"] and "help" not in slider["required"]  # NotRequired
    assert "id" in slider["required"]
    # Every reference names a def.
    refs = [m for m in json.dumps(table).split('{"ref": "')[1:]]
    assert {r.split('"')[0] for r in refs} <= set(table["defs"])


@pytest.mark.invalid_frames
def test_servers_log_each_frame_that_breaks_the_schema(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(ENV, "1")
    install_from_env()
    with caplog.at_level(logging.ERROR, logger="sidepane.protocol"):
        frames.frame("stop")
        assert BROKEN not in caplog.text
        frames.frame("stop", why=1)
    assert f"{BROKEN} ('stop'): $.why: unknown key (not in StopFrame)" in caplog.text


def test_without_the_variable_nothing_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    before = frames.observer
    install_from_env()
    assert frames.observer is before
