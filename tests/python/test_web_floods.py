"""`sidepane run` under hostile input: a flood of frames on one connection stalls no other, the
log stays small, and odd static paths are 404s, not tracebacks (docs/protocol.md)."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from urllib.parse import quote

import aiohttp
import pytest
from web_helpers import Frame, async_test, is_body, open_tab, serving
from yarl import URL

from sidepane.protocol.frames import PROTOCOL_VERSION
from sidepane.servers.inbound import MAX_FRAMES_PER_MESSAGE, CappedFrames

pytestmark = pytest.mark.timeout(60)

SLIDER = """
import sidepane as st
x = st.slider('x')
st.write(f'x is {x}')
runs = st.session_state.setdefault('runs', [])
runs.append(1)
st.write(f'runs {len(runs)}')
"""

# msgpack `{"t": "x"}` and `{"t": "rerun"}`: five and eight bytes a frame.
TINY_UNKNOWN = b"\x81\xa1t\xa1x"
TINY_RERUN = b"\x81\xa1t\xa5rerun"


def slider_id(frames: list[Frame]) -> str:
    return str(
        next(f["props"]["id"] for f in frames if f["t"] == "upsert" and f["type"] == "slider")
    )


@pytest.mark.invalid_frames
@async_test
async def test_a_flood_of_frames_on_one_tab_does_not_stall_another(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    flood = TINY_UNKNOWN * (10 * 1024 * 1024 // len(TINY_UNKNOWN))  # 2 million frames
    async with serving(tmp_path, SLIDER) as server, open_tab(server) as a, open_tab(server) as b:
        await a.hello()
        await b.send("hello", v=PROTOCOL_VERSION)
        first = await b.quiet(1.0)
        wid = slider_id(first)
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            await a.ws.send_bytes(flood)
            await a.ws.send_bytes(flood)
            await asyncio.sleep(0.05)  # the flood reaches the server first
            started = time.monotonic()
            await b.send("widget_value", id=wid, value=7, run=1)
            await b.until(is_body("x is 7"), timeout=10)
            stall = time.monotonic() - started
            # The flooding tab itself still works.
            await a.send("rerun")
            await a.until(lambda f: f["t"] == "run_end")
    assert stall < 1.0, f"the other tab waited {stall:.2f} s"
    lines = [r.getMessage() for r in caplog.records]
    assert 1 <= len(lines) <= 4, lines
    assert sum(len(line) for line in lines) < 2000
    assert any("100 frames" in line for line in lines), lines


@async_test
async def test_repeated_reruns_in_one_message_are_one_rerun(tmp_path: Path) -> None:
    async with serving(tmp_path, SLIDER) as server, open_tab(server) as tab:
        await tab.hello()
        started = time.monotonic()
        await tab.ws.send_bytes(TINY_RERUN * 1_300_000)  # 10 MB of `rerun`
        await tab.until(lambda f: f["t"] == "run_end")
        took = time.monotonic() - started
        after = await tab.quiet(0.5)
        await tab.send("rerun")
        await tab.until(is_body("runs 3"))
    assert took < 1.0
    assert not [f for f in after if f["t"] == "run_start"]  # no second run queued


@pytest.mark.invalid_frames
def test_frames_are_decoded_only_up_to_the_cap() -> None:
    frames = CappedFrames(TINY_UNKNOWN * 10_000_000)
    started = time.monotonic()
    assert len(list(frames)) == MAX_FRAMES_PER_MESSAGE
    assert time.monotonic() - started < 0.05
    assert list(frames.problems) == ["the rest of a message of over 100 frames"]
    bad = CappedFrames(b"\x81\xa1t\xa1x\x92\x01\x02\x81\xa1t\xa1y\xc1")
    assert [f["t"] for f in bad] == ["x", "y"]
    assert set(bad.problems) == {
        "frames that are not a map with a string 't'",
        "malformed msgpack (FormatError)",
    }


@async_test
async def test_odd_static_paths_are_not_found(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    long_name = "a" * 256
    paths = [
        long_name,
        f"{long_name}/{long_name}",
        "x/" * 2000,
        "%00",
        "a%00b.js",
        "%2e%2e/app.py",
        "..%2fapp.py",
        "%ff%fe.js",
        "%c0%ae%c0%ae/app.py",
        "sidepane.js%00.png",
        "\u00e9" * 200,
    ]
    async with serving(tmp_path, SLIDER) as server, aiohttp.ClientSession() as http:
        with caplog.at_level(logging.ERROR):
            for path in paths:
                # As sent: the client must not normalise `..` or re-encode bytes away.
                url = URL(f"{server.url}/static/{quote(path, safe='/%')}", encoded=True)
                async with http.get(url) as r:
                    assert r.status == 404, (path, r.status)
            async with http.get(f"{server.url}/static/sidepane.js") as r:
                assert r.status == 200
    assert not caplog.records, [r.getMessage() for r in caplog.records]
