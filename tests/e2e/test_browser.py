"""The app in a real browser: `sidepane run` + Debian's Chromium, as a person would use it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from conftest import ARTIFACTS, Server

SEED = """
import sidepane as st
x = st.slider('x')
st.write(x, 'squared is', x * x)
"""

GALLERY = Path(__file__).resolve().parents[2] / "examples" / "gallery.py"


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_seed_app_slider_moves_and_text_updates(page: Page, serve: Any) -> None:
    server: Server = serve(SEED)
    page.goto(server.url)
    expect(page.get_by_text("0 squared is 0")).to_be_visible()
    slider = page.get_by_role("slider")
    slider.focus()
    for n in (1, 2, 3):
        page.keyboard.press("ArrowRight")
        expect(page.get_by_text(f"{n} squared is {n * n}")).to_be_visible()
    shot(page, "seed")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_gallery_draws_every_element_without_console_errors(page: Page) -> None:
    server = Server(GALLERY)
    outside: list[str] = []
    page.on(
        "requestfailed",
        lambda r: outside.append(r.url) if not r.url.startswith(server.url) else None,
    )
    try:
        page.goto(server.url)
        expect(page.get_by_text("Sidepane gallery")).to_be_visible()
        expect(page.get_by_text("A placeholder, filled later in the run.")).to_be_visible()
        page.wait_for_timeout(1500)  # charts render asynchronously
        shot(page, "gallery")
        # The one fetch from outside is the map's base-map style: offline (as here) the map
        # draws its layers without it and says so; the browser logs the failed load.
        assert all("basemaps.cartocdn.com" in url for url in outside), outside
        errors: list[str] = page.console_errors  # type: ignore[attr-defined]
        if outside:
            errors = [e for e in errors if not e.startswith("Failed to load resource: net::")]
        assert errors == []
    finally:
        server.stop()


def test_run_on_save_reruns_after_a_file_write(page: Page, serve: Any) -> None:
    server: Server = serve("import sidepane as st\nst.write('version one')\n", "--run-on-save")
    page.goto(server.url)
    expect(page.get_by_text("version one")).to_be_visible()
    server.script.write_text("import sidepane as st\nst.write('version two')\n")
    expect(page.get_by_text("version two")).to_be_visible()


def test_source_changed_bar_offers_a_rerun(page: Page, serve: Any) -> None:
    server: Server = serve("import sidepane as st\nst.write('before')\n")
    page.goto(server.url)
    expect(page.get_by_text("before")).to_be_visible()
    time.sleep(0.05)
    server.script.write_text("import sidepane as st\nst.write('after')\n")
    page.get_by_role("button", name="Rerun", exact=True).click()
    expect(page.get_by_text("after")).to_be_visible()


def test_stop_ends_an_infinite_loop(page: Page, serve: Any) -> None:
    server: Server = serve("import sidepane as st\nst.write('looping')\nwhile True:\n    pass\n")
    page.goto(server.url)
    expect(page.get_by_text("looping")).to_be_visible()
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("button", name="Stop")).to_be_hidden()


def test_reconnects_after_a_server_restart(page: Page, serve: Any) -> None:
    server: Server = serve(SEED)
    page.goto(server.url)
    expect(page.get_by_text("0 squared is 0")).to_be_visible()
    server.stop()
    expect(page.get_by_text("Connection lost", exact=False)).to_be_visible()
    restarted = Server(server.script, port=server.port)
    try:
        expect(page.get_by_text("0 squared is 0")).to_be_visible(timeout=15000)
        expect(page.get_by_text("Connection lost", exact=False)).to_be_hidden()
    finally:
        restarted.stop()


def test_a_million_row_dataframe_scrolls(page: Page, serve: Any) -> None:
    server: Server = serve(
        """
        import numpy as np
        import pandas as pd
        import sidepane as st
        df = pd.DataFrame(np.arange(5_000_000, dtype="float64").reshape(1_000_000, 5),
                          columns=list("abcde"))
        st.dataframe(df)
        """
    )
    page.goto(server.url)
    grid = page.get_by_role("grid")
    expect(grid).to_be_visible(timeout=15000)
    last_cell = grid.get_by_role("gridcell", name="4999995", exact=True)
    expect(grid.get_by_role("gridcell", name="0", exact=True)).to_be_visible(timeout=15000)
    expect(last_cell).to_have_count(0)
    grid.focus()
    page.keyboard.press("End")
    expect(last_cell).to_be_visible(timeout=10000)
    shot(page, "million_rows")
    rows_in_dom = grid.get_by_role("row").count()
    assert rows_in_dom < 200, rows_in_dom
