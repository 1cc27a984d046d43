"""A multipage app (a `pages/` folder) in Chromium: the page list, URL, reload, st.switch_page."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from conftest import ARTIFACTS, Server

MAIN = """
import sidepane as st

st.title("Home")
st.slider("Level", 0, 10, 3, key="level")
st.session_state.setdefault("visits", 0)
st.session_state.visits += 1
"""

PAGE_ONE = """
import sidepane as st

st.title("Report")
st.write(f"visits so far: {st.session_state.get('visits', 0)}")
if st.button("Back home"):
    st.switch_page("app.py")
"""


def _pages(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "1_📈_Report.py").write_text(textwrap.dedent(PAGE_ONE), encoding="utf-8")
    (folder / "2_settings.py").write_text(
        "import sidepane as st\nst.title('Settings')\n", encoding="utf-8"
    )


def test_pages_in_the_sidebar_the_url_reload_and_switch_page(
    page: Page, serve: Any, tmp_path: Path
) -> None:
    _pages(tmp_path)
    server: Server = serve(MAIN)
    page.goto(server.url)
    expect(page.get_by_role("heading", name="Home")).to_be_visible()
    nav = page.get_by_role("navigation", name="Pages")
    links = nav.get_by_role("link")
    expect(links).to_have_text(["app", "📈Report", "settings"])
    expect(nav.locator(".sp-current")).to_have_text("app")
    slider = page.get_by_role("slider")
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(slider).to_have_value("4")

    # A click in the page list: its content shows, the URL follows, the list highlights it.
    nav.get_by_role("link", name="Report").click()
    expect(page.get_by_role("heading", name="Report")).to_be_visible()
    expect(page.get_by_text("visits so far: 2")).to_be_visible()
    expect(page.get_by_role("heading", name="Home")).to_have_count(0)
    expect(page).to_have_url(f"{server.url}/Report")
    expect(nav.locator(".sp-current")).to_have_text("📈Report")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "pages_sidebar.png"))

    # A reload (or a shared link) opens that page again.
    page.reload()
    expect(page.get_by_role("heading", name="Report")).to_be_visible()
    expect(page.get_by_role("navigation", name="Pages").locator(".sp-current")).to_have_text(
        "📈Report"
    )

    # st.switch_page from a button: home again, at the root URL.
    page.get_by_role("button", name="Back home").click()
    expect(page.get_by_role("heading", name="Home")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/")
    # The widgets of the page left behind were dropped: the slider starts from its default.
    expect(page.get_by_role("slider")).to_have_value("3")

    # The browser's Back button returns to the page before.
    page.go_back()
    expect(page.get_by_role("heading", name="Report")).to_be_visible()
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_link_to_a_page_that_does_not_exist(page: Page, serve: Any, tmp_path: Path) -> None:
    _pages(tmp_path)
    server: Server = serve(MAIN)
    page.goto(f"{server.url}/nowhere")
    expect(page.get_by_role("heading", name="Home")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("You have requested page /nowhere")
    expect(page).to_have_url(f"{server.url}/")
