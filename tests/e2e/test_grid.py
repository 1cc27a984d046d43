"""st.grid in a real browser: the column count follows the grid's width as in Streamlit 1.67
(st.grid(4) shows three columns on the centered layout, two when narrow), a cell spans its
columns, an st.empty keeps its cell, and a grid without wrap keeps its columns and scrolls."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from conftest import Server

APP = """
import streamlit as st

metrics = st.grid(4, key="metrics")
for label in ["Revenue", "Pipeline", "Conversion", "Retention"]:
    metrics.metric(label, 1, border=True)

cells = st.grid("auto", min_column_width=220, border=True)
with cells.cell(column_span="all"):
    st.markdown("Featured")
placeholder = cells.empty()
cells.markdown("Card 2")
cells.cell(column_span=2).markdown("Two wide")
placeholder.markdown("Placeholder filled")

fixed = st.grid(3, wrap=False, gap=("small", "large"), row_height=80)
for i in range(6):
    fixed.write(f"cell {i}")
"""


def _columns(page: Page, index: int) -> int:
    return int(page.locator(".sp-grid").nth(index).get_attribute("data-columns") or 0)


def _box(page: Page, text: str) -> dict[str, float]:
    box = page.locator(".sp-grid-cell", has_text=text).last.bounding_box()
    assert box is not None
    return box


def test_grid_columns_spans_and_placeholder(page: Page, serve: Any) -> None:
    server: Server = serve(APP)
    page.set_viewport_size({"width": 1000, "height": 900})
    page.goto(server.url)
    expect(page.get_by_text("Placeholder filled")).to_be_visible()
    expect(page.locator(".st-key-metrics .sp-grid-cell")).to_have_count(4)

    # Four declared, three fit at ~200px each (Streamlit shows the same).
    assert [_columns(page, i) for i in range(3)] == [3, 3, 3]
    grid = page.locator(".sp-grid").nth(1).bounding_box()
    assert grid is not None
    featured, filled, card2, wide = (
        _box(page, t) for t in ("Featured", "Placeholder filled", "Card 2", "Two wide")
    )
    assert abs(featured["width"] - grid["width"]) < 1  # column_span="all"
    # The placeholder kept the cell it was made in: first on the row after the featured one.
    assert abs(filled["x"] - grid["x"]) < 1 and filled["y"] > featured["y"]
    assert abs(card2["y"] - filled["y"]) < 1 and card2["x"] > filled["x"]
    assert wide["width"] > 1.9 * filled["width"]
    cell = _box(page, "cell 0")
    assert abs(cell["height"] - 80) < 1  # row_height

    # Narrower: the wrapping grids drop to two columns; the one without wrap keeps three and
    # scrolls sideways.
    page.set_viewport_size({"width": 520, "height": 900})
    expect(page.locator(".sp-grid").first).to_have_attribute("data-columns", "2")
    assert _columns(page, 2) == 3
    scroll = page.locator(".sp-grid-port").nth(2)
    assert scroll.evaluate("e => e.scrollWidth > e.clientWidth")
    assert not page.console_errors  # type: ignore[attr-defined]
