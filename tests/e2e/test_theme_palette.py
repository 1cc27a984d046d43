"""The built-in light and dark themes side by side with Streamlit 1.67's: the same app, the
browser's colour scheme, the same page background pixel, text, link, code, alert and Markdown
colours."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Page, expect
from streamlit_167 import streamlit_server

APP = """
import streamlit as st

st.write("Palette check")
st.sidebar.text_input("In the sidebar")
st.button("Plain")
st.markdown("Some `inline` code and a [link](https://example.com)")
st.code("x = 1")
st.success("Saved")
st.markdown(":red[redtext] :red-background[redbg] :primary-background[primarybg]")
"""

Scheme = Literal["light", "dark"]
# What 1.67 shows (its Light and Dark themes); tests/webview/palette.test.ts says where from.
EXPECTED: dict[Scheme, tuple[tuple[int, int, int], tuple[int, int, int]]] = {
    "light": ((255, 255, 255), (47, 45, 43)),
    "dark": ((23, 22, 20), (237, 235, 232)),
}


@pytest.fixture
def streamlit_167(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Starts Streamlit 1.67's server running APP with the given flags; returns its URL."""
    home = tmp_path / "st167"
    home.mkdir()
    script = home / "st_app.py"
    script.write_text(APP)
    with ExitStack() as servers:
        yield lambda *flags: servers.enter_context(streamlit_server(script, *flags))


def _background_pixel(page: Page) -> tuple[int, int, int]:
    """The page's colour at an empty spot (bottom right, clear of text, sidebar and toolbars)."""
    from PIL import Image

    size = page.viewport_size
    assert size is not None
    spot = {"x": size["width"] - 24, "y": size["height"] - 40, "width": 1, "height": 1}
    png = page.screenshot(clip=spot)
    with Image.open(io.BytesIO(png)) as image:
        r, g, b = image.convert("RGB").getpixel((0, 0))
    return (r, g, b)


def _rgba(css: str) -> tuple[int, int, int, float]:
    """`rgb()`, `rgba()` or `color(srgb r g b / a)` (what color-mix() computes to) as numbers."""
    inner = css[css.index("(") + 1 : -1]
    if css.startswith("color(srgb"):
        values = [float(x) for x in inner.removeprefix("srgb").replace("/", " ").split()]
        rgb = [round(v * 255) for v in values[:3]]
    else:
        values = [float(x) for x in inner.split(",")]
        rgb = [round(v) for v in values[:3]]
    alpha = values[3] if len(values) > 3 else 1.0
    return (rgb[0], rgb[1], rgb[2], round(alpha, 2))


def _element_colors(
    page: Page, alert: str, sidebar: str
) -> dict[str, list[tuple[int, int, int, float]]]:
    """Each element's computed [color, background-color]."""
    text = page.get_by_text("Palette check")
    expect(text).to_be_visible(timeout=60_000)
    expect(page.get_by_text("primarybg")).to_be_visible()
    page.wait_for_timeout(300)  # the theme's transition
    read = "(e) => { const s = getComputedStyle(e); return [s.color, s.backgroundColor]; }"
    found = {
        "text": text,
        "inline code": page.locator("code", has_text="inline"),
        "link": page.locator("a", has_text="link"),
        "code block": page.locator("pre").first,
        "alert": page.locator(alert),
        "red text": page.get_by_text("redtext", exact=True),
        "red background": page.get_by_text("redbg", exact=True),
        "primary background": page.get_by_text("primarybg", exact=True),
        "button": page.get_by_role("button", name="Plain", exact=True),
        "sidebar": page.locator(sidebar),
        # The sidebar input's box (the <input> itself is transparent in both).
        "sidebar input": page.get_by_label("In the sidebar").locator("xpath=.."),
    }
    return {name: [_rgba(c) for c in where.evaluate(read)] for name, where in found.items()}


@pytest.mark.parametrize("scheme", ["dark", "light"])
@pytest.mark.parametrize("via", ["browser", "config"])
def test_the_page_and_text_colours_are_streamlit_1_67s(
    page: Page, serve: Any, streamlit_167: Callable[..., str], scheme: Scheme, via: str
) -> None:
    # "config": `theme.base` picks the scheme against the browser's.
    flags: tuple[str, ...] = ()
    browser: Scheme = scheme
    if via == "config":
        flags = ("--theme.base", scheme)
        browser = "light" if scheme == "dark" else "dark"
    page.emulate_media(color_scheme=browser)
    page.goto(streamlit_167(*flags))
    their_colors = _element_colors(
        page, "[data-testid=stAlertContainer]", "[data-testid=stSidebar]"
    )
    theirs = (_background_pixel(page), their_colors["text"][0][:3])
    page.goto(serve(APP, *flags).url)
    our_colors = _element_colors(page, ".sp-alert", ".sp-sidebar")
    ours = (_background_pixel(page), our_colors["text"][0][:3])
    assert ours == theirs == EXPECTED[scheme]
    assert our_colors == their_colors
