from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from sidepane.protocol import frames as frames_module
from sidepane.protocol.frames import PROTOCOL_VERSION, decode_message, frame
from sidepane.protocol.schema.registry import VIEWER_FRAMES
from sidepane.protocol.schema.validate import validate_frame
from sidepane.runtime.app import App
from sidepane.runtime.session import AppSession


class Viewer:
    """A minimal viewer: records every frame a session sends it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.messages: list[bytes] = []

    def __call__(self, data: bytes) -> None:
        with self._lock:
            self.messages.append(data)

    def take(self) -> list[dict[str, Any]]:
        with self._lock:
            messages, self.messages = self.messages, []
        return [f for m in messages for f in decode_message(m)]

    def wait_for_upsert(self, timeout: float = 3.0) -> list[dict[str, Any]]:
        """Frames received until the first upsert (inclusive); fails after `timeout`."""
        seen: list[dict[str, Any]] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            seen.extend(self.take())
            if any(f["t"] == "upsert" for f in seen):
                return seen
            time.sleep(0.002)
        raise AssertionError(f"no upsert within {timeout} s: {seen}")

    def take_bytes(self) -> int:
        with self._lock:
            messages, self.messages = self.messages, []
        return sum(len(m) for m in messages)


class Harness:
    def __init__(self, tmp_path: Path) -> None:
        self.dir = tmp_path
        self.sessions: list[AppSession] = []

    def write(self, name: str, source: str) -> Path:
        import textwrap

        path = self.dir / name
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        return path

    def session(self, source: str, *, args: tuple[str, ...] = ()) -> tuple[AppSession, Viewer]:
        path = self.write("app.py", source)
        viewer = Viewer()
        session = App(path, args).new_session(viewer)
        self.sessions.append(session)
        return session, viewer

    @staticmethod
    def hello(session: AppSession, **fields: Any) -> None:
        session.handle_message(frame("hello", v=PROTOCOL_VERSION, **fields))

    @staticmethod
    def wait_for(cond: Callable[[], bool], timeout: float = 3.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if cond():
                return True
            time.sleep(0.002)
        return cond()


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[Harness]:
    h = Harness(tmp_path)
    yield h
    for session in h.sessions:
        session.close(timeout=1.0)


def run_ends(frames: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in frames if f["t"] == "run_end"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "invalid_frames: the test sends frames that break the schema on purpose (bad input)",
    )


@pytest.fixture(autouse=True)
def frames_match_schema(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Every frame the runtime emits, and every frame a session decodes, is checked against
    the schema (sidepane.protocol.schema); the test that produced an invalid one fails at
    teardown with the problems. Viewer frames a test encodes are checked when they arrive, so
    a test of bad input marks itself `invalid_frames`."""
    problems: list[str] = []

    def observe(f: Mapping[str, Any], decoded: bool) -> None:
        kind = f.get("t")
        if not decoded and kind in VIEWER_FRAMES:
            return
        try:
            found = validate_frame(f)
        except Exception as exc:  # a validator bug must show, not break the runtime's thread
            found = [f"the validator failed: {exc!r}"]
        if found and len(problems) < 50:
            problems.append(f"{kind!r} frame: " + "; ".join(found))

    frames_module.observe(observe)
    yield problems
    frames_module.observe(None)
    if problems and request.node.get_closest_marker("invalid_frames") is None:
        pytest.fail("frames that break the schema:\n" + "\n".join(problems), pytrace=False)
