"""ViewerLink's outgoing queue: one loop wake-up per burst, and a run's start sent with its run."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest

from sidepane.protocol.frames import frame, is_run_start, pack, upsert_frame
from sidepane.runtime.app import App
from sidepane.servers.viewer_link import HOLD_RUN_START_S, ViewerLink


class Link:
    """A ViewerLink on the running loop whose `on_ready` notes when it woke."""

    def __init__(self, tmp_path: Path) -> None:
        script = tmp_path / "app.py"
        script.write_text("")
        self.wakes: list[tuple[float, list[bytes]]] = []
        self.link = ViewerLink(
            App(script),
            loop=asyncio.get_running_loop(),
            on_ready=lambda: self.wakes.append((time.monotonic(), self.link.take_frames())),
            run_on_save="always",
        )

    def sink_from_thread(self, *frames: bytes) -> None:
        """As the script thread does."""
        thread = threading.Thread(target=lambda: [self.link.sink(f) for f in frames])
        thread.start()
        thread.join()


def _start(run: int = 1) -> bytes:
    return frame("run_start", session="s", run=run, script="app.py")


def _upsert(run: int = 1) -> bytes:
    return upsert_frame(run, ["main", 0], "markdown", pack({"body": "hi"}))


def test_is_run_start() -> None:
    assert is_run_start(_start())
    assert not is_run_start(_upsert())
    assert not is_run_start(frame("run_end", run=1, status="ok", remove=[], ms=0.1))


@pytest.mark.asyncio
async def test_a_run_start_goes_out_with_the_frames_that_follow_it(tmp_path: Path) -> None:
    link = Link(tmp_path)
    link.sink_from_thread(_start())
    await asyncio.sleep(HOLD_RUN_START_S / 4)
    assert link.wakes == []  # held
    link.sink_from_thread(_upsert(), frame("run_end", run=1, status="ok", remove=[], ms=0.2))
    await asyncio.sleep(0.005)
    assert len(link.wakes) == 1
    assert len(link.wakes[0][1]) == 3  # start, element and end: one message
    await asyncio.sleep(HOLD_RUN_START_S * 2)
    assert len(link.wakes) == 1  # the hold's timer found nothing left to send


@pytest.mark.asyncio
async def test_a_run_start_alone_goes_out_when_the_hold_ends(tmp_path: Path) -> None:
    link = Link(tmp_path)
    began = time.monotonic()
    link.sink_from_thread(_start())
    for _ in range(100):
        if link.wakes:
            break
        await asyncio.sleep(0.005)
    assert len(link.wakes) == 1
    woke, frames = link.wakes[0]
    assert frames == [_start()]
    assert HOLD_RUN_START_S * 0.9 <= woke - began < HOLD_RUN_START_S + 0.2


@pytest.mark.asyncio
async def test_other_frames_wake_the_loop_at_once(tmp_path: Path) -> None:
    link = Link(tmp_path)
    link.sink_from_thread(_upsert(), _upsert())
    await asyncio.sleep(0.005)
    assert [len(frames) for _, frames in link.wakes] == [2]


@pytest.mark.asyncio
async def test_a_closed_link_sends_nothing_held(tmp_path: Path) -> None:
    link = Link(tmp_path)
    link.sink_from_thread(_start())
    link.link.close()
    await asyncio.sleep(HOLD_RUN_START_S * 2)
    assert link.wakes == []
