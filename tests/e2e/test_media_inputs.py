"""st.camera_input and st.audio_input in Chromium with its fake camera and microphone: a photo
reaches the script as a JPEG of the asked size, a recording as a mono 16-bit WAV at the asked
rate; clearing either gives None again."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from chromium import launch_chromium
from playwright.sync_api import Browser, Page, Playwright, expect

# Chromium's fake devices (a moving test pattern, a beeping tone), granted without asking.
FAKE_MEDIA = ("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")

CAMERA_APP = """
import io
import streamlit as st
from PIL import Image
pic = st.camera_input("Smile", resolution="720p")
if pic is None:
    st.write("no photo")
else:
    img = Image.open(io.BytesIO(pic.getvalue()))
    st.write(f"photo {img.format} {img.size[0]}x{img.size[1]} {pic.type} {pic.name[:13]}")
"""

AUDIO_APP = """
import wave
import streamlit as st
rec = st.audio_input("Speak", sample_rate=22050)
if rec is None:
    st.write("no recording")
else:
    with wave.open(rec) as w:
        seconds = w.getnframes() / w.getframerate()
        st.write(
            f"wav {w.getframerate()} Hz {w.getnchannels()} ch {8 * w.getsampwidth()} bit "
            f"{rec.name} {rec.type} long={seconds > 0.5}"
        )
"""


@pytest.fixture(scope="module")
def media_browser(playwright: Playwright) -> Iterator[Browser]:
    b = launch_chromium(playwright, FAKE_MEDIA)
    yield b
    b.close()


@pytest.fixture
def media_page(media_browser: Browser) -> Iterator[Page]:
    context = media_browser.new_context(viewport={"width": 1000, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.console_errors = errors  # type: ignore[attr-defined]
    yield pg
    context.close()


def test_a_photo_reaches_the_script_as_a_jpeg_of_the_asked_height(
    media_page: Page, serve: Any
) -> None:
    page = media_page
    page.goto(serve(CAMERA_APP).url)
    expect(page.get_by_text("no photo")).to_be_visible()
    take = page.get_by_role("button", name="Take Photo")
    expect(take).to_be_enabled(timeout=10_000)  # the camera is live
    take.click()
    expect(page.get_by_text("photo JPEG 1280x720 image/jpeg camera-input-")).to_be_visible(
        timeout=15_000
    )
    expect(page.get_by_role("img", name="Snapshot")).to_be_visible()
    page.get_by_role("button", name="Clear photo").click()
    expect(page.get_by_text("no photo")).to_be_visible()
    expect(page.get_by_role("button", name="Take Photo")).to_be_enabled(timeout=10_000)
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_recording_reaches_the_script_as_a_wav_at_the_sample_rate(
    media_page: Page, serve: Any
) -> None:
    page = media_page
    page.goto(serve(AUDIO_APP).url)
    expect(page.get_by_text("no recording")).to_be_visible()
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_role("status", name="Recording")).to_be_visible()
    page.wait_for_timeout(1200)
    page.get_by_role("button", name="Stop recording").click()
    expect(
        page.get_by_text("wav 22050 Hz 1 ch 16 bit audio.wav audio/wav long=True")
    ).to_be_visible(timeout=15_000)
    expect(page.get_by_role("button", name="Play")).to_be_visible()
    page.get_by_role("button", name="Reset").click()
    expect(page.get_by_text("no recording")).to_be_visible()
    assert page.console_errors == []  # type: ignore[attr-defined]
