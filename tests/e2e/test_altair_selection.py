"""Selections on a real Altair chart in Chromium, side by side with Streamlit 1.67's server: a
click on a bar and an interval dragged across the bars reach the script as 1.67 returns them."""

from __future__ import annotations

import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import FloatRect, Locator, Page, expect
from streamlit_167 import streamlit_server

pytest.importorskip("altair")


APP = """
import json
import altair as alt
import pandas as pd
import streamlit as st

df = pd.DataFrame({"c": ["x", "y", "z"], "v": [3, 5, 4]})
bars = alt.Chart(df).mark_bar().encode(x="c:N", y="v:Q").properties(width=600, height=300)
pick = st.altair_chart(
    bars.add_params(alt.selection_point("pick")), on_select="rerun", key="pick", width="content",
    alt="Bars to pick",
)
st.write("PICK " + json.dumps(pick, sort_keys=True))
brush = st.altair_chart(
    bars.add_params(alt.selection_interval("brush", encodings=["x"])),
    on_select="rerun", key="brush", width="content",
)
st.write("BRUSH " + json.dumps(brush, sort_keys=True))
"""


@pytest.fixture
def streamlit_167(tmp_path: Path) -> Iterator[str]:
    """Streamlit 1.67's server running APP; its URL."""
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(APP))
    with streamlit_server(script) as url:
        yield url


def _line(page: Page, prefix: str) -> str:
    text = page.get_by_text(prefix, exact=False).first
    expect(text).to_be_visible(timeout=30_000)
    return str(text.text_content()).strip()


def _changed(page: Page, prefix: str, before: str) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        now = _line(page, prefix)
        if now != before:
            return now
        time.sleep(0.1)
    raise AssertionError(f"{prefix} stayed {before}")


def _bar(chart: Locator, n: int) -> FloatRect:
    box = chart.locator("g.mark-rect.role-mark.marks path").nth(n).bounding_box()
    assert box is not None
    return box


def _select(page: Page, charts: Locator) -> dict[str, str]:
    """On the first chart click the middle bar, shift-click the last, click beside the bars; on
    the second drag from the first bar to the last. The lines the script wrote after each."""
    out = {"pick0": _line(page, "PICK "), "brush0": _line(page, "BRUSH ")}
    expect(charts.nth(1).locator("g.mark-rect.role-mark.marks path")).to_have_count(
        3, timeout=30_000
    )
    page.wait_for_timeout(500)  # the view's listeners are attached once it is drawn
    middle = _bar(charts.nth(0), 1)
    page.mouse.click(middle["x"] + middle["width"] / 2, middle["y"] + middle["height"] - 10)
    out["pick1"] = _changed(page, "PICK ", out["pick0"])
    # Shift adds the last bar to the selection; a click beside the bars (above the first, shorter
    # one) clears it.
    last = _bar(charts.nth(0), 2)
    page.keyboard.down("Shift")
    page.mouse.click(last["x"] + last["width"] / 2, last["y"] + last["height"] - 10)
    page.keyboard.up("Shift")
    out["pick2"] = _changed(page, "PICK ", out["pick1"])
    first = _bar(charts.nth(0), 0)
    page.mouse.click(first["x"] + first["width"] / 2, first["y"] - 20)
    out["pick3"] = _changed(page, "PICK ", out["pick2"])
    charts.nth(1).scroll_into_view_if_needed()
    first, last = _bar(charts.nth(1), 0), _bar(charts.nth(1), 2)
    y = last["y"] + last["height"] - 10
    page.mouse.move(first["x"] + first["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(first["x"] + first["width"], y, steps=8)
    page.mouse.move(last["x"] + last["width"] / 2, y, steps=8)
    page.mouse.up()
    out["brush1"] = _changed(page, "BRUSH ", out["brush0"])
    return out


def test_a_click_and_a_drag_reach_the_script_as_in_streamlit_167(
    page: Page, serve: Any, streamlit_167: str
) -> None:
    server = serve(APP)
    page.goto(server.url)
    ours = _select(page, page.locator(".sp-vega-host"))
    # `alt` is the chart's accessible name, as 1.67 gives it (the spec's description).
    host = page.locator(".sp-vega-host").first
    expect(host).to_have_attribute("aria-label", "Bars to pick")
    expect(host).to_have_attribute("role", "graphics-document")
    assert ours["pick0"] == 'PICK {"selection": {"pick": {}}}'
    assert ours["pick1"] == 'PICK {"selection": {"pick": [{"c": "y", "v": 5}]}}'
    assert ours["pick2"] == (
        'PICK {"selection": {"pick": [{"c": "y", "v": 5}, {"c": "z", "v": 4}]}}'
    )
    assert ours["pick3"] == 'PICK {"selection": {"pick": {}}}'
    assert ours["brush1"] == 'BRUSH {"selection": {"brush": {"c": ["x", "y", "z"]}}}'

    page.goto(streamlit_167)
    theirs = _select(page, page.locator('[data-testid="stVegaLiteChart"]'))
    assert ours == theirs
