"""The built-in light and dark themes side by side with Streamlit 1.67's: the same app, the
browser's colour scheme, the same page background pixel and the same text colour."""

from __future__ import annotations

import io
import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Page, expect

from conftest import free_port

STREAMLIT_167 = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/streamlit"

APP = """
import streamlit as st

st.write("Palette check")
"""

Scheme = Literal["light", "dark"]
# What 1.67 shows (its Light and Dark themes); tests/webview/palette.test.ts says where from.
EXPECTED: dict[Scheme, tuple[tuple[int, int, int], str]] = {
    "light": ((255, 255, 255), "rgb(47, 45, 43)"),
    "dark": ((23, 22, 20), "rgb(237, 235, 232)"),
}


@pytest.fixture
def streamlit_167(tmp_path: Path) -> Iterator[str]:
    """Streamlit 1.67's server running APP; its URL."""
    if not STREAMLIT_167.exists():
        pytest.skip("needs the bench's Streamlit 1.67")
    home = tmp_path / "st167"
    home.mkdir()
    script = home / "st_app.py"
    script.write_text(APP)
    port = free_port()
    proc = subprocess.Popen(
        [str(STREAMLIT_167), "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=home,
        env={**os.environ, "STREAMLIT_HOME": str(home)},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _background_pixel(page: Page) -> tuple[int, int, int]:
    """The page's colour at an empty spot (bottom left, clear of text and toolbars)."""
    from PIL import Image

    size = page.viewport_size
    assert size is not None
    png = page.screenshot(clip={"x": 4, "y": size["height"] - 40, "width": 1, "height": 1})
    with Image.open(io.BytesIO(png)) as image:
        r, g, b = image.convert("RGB").getpixel((0, 0))
    return (r, g, b)


def _text_color(page: Page) -> str:
    text = page.get_by_text("Palette check")
    expect(text).to_be_visible(timeout=60_000)
    page.wait_for_timeout(300)  # the theme's transition
    return str(text.evaluate("(e) => getComputedStyle(e).color"))


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_page_and_text_colours_are_streamlit_1_67s(
    page: Page, serve: Any, streamlit_167: str, scheme: Scheme
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(streamlit_167)
    theirs = (_background_pixel(page), _text_color(page))
    page.goto(serve(APP).url)
    ours = (_background_pixel(page), _text_color(page))
    assert ours == theirs == EXPECTED[scheme]
