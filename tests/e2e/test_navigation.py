"""st.navigation in Chromium: the sidebar menu with sections, the top bar, page URLs (reload,
Back / Forward, query parameters), session state across pages, st.switch_page with a page."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from conftest import ARTIFACTS, Server

ENTRY = """
import sidepane as st

st.sidebar.text_input("Your name", key="name")
st.session_state.setdefault("visits", 0)
st.session_state.visits += 1

def home():
    st.title("Home")
    st.slider("Level", 0, 10, 3, key="level")
    if st.button("To the report"):
        st.switch_page(report)

report = st.Page("report.py", title="Sales report", icon="📈", url_path="report")
pg = st.navigation(
    {
        "": [st.Page(home, title="Home", icon="🏠")],
        "Reports": [report, st.Page("costs.py", title="Costs")],
    },
    position=POSITION,
)
pg.run()
"""

REPORT = """
import sidepane as st

st.title("Report")
st.write(f"hello {st.session_state.get('name', '')}, visit {st.session_state.visits}")
st.write(f"query {dict(st.query_params)}")
"""


def _serve(serve: Any, tmp_path: Path, position: str) -> Server:
    (tmp_path / "report.py").write_text(textwrap.dedent(REPORT), encoding="utf-8")
    (tmp_path / "costs.py").write_text("import sidepane as st\nst.title('Costs')\n")
    server: Server = serve(ENTRY.replace("POSITION", repr(position)))
    return server


def test_the_sidebar_menu_urls_history_and_state(page: Page, serve: Any, tmp_path: Path) -> None:
    server = _serve(serve, tmp_path, "sidebar")
    page.goto(server.url)
    expect(page.get_by_role("heading", name="Home")).to_be_visible()
    nav = page.get_by_role("navigation", name="Pages")
    expect(nav.locator(".sp-page-section-header")).to_have_text(["Reports"])
    expect(nav.get_by_role("link")).to_have_text(["🏠Home", "📈Sales report", "Costs"])
    expect(nav.locator(".sp-current")).to_have_text("🏠Home")
    page.get_by_label("Your name").fill("Ada")
    page.get_by_label("Your name").press("Enter")

    # A click in the menu: the page's URL, its content, the entry script's sidebar kept.
    nav.get_by_role("link", name="Sales report").click()
    expect(page.get_by_role("heading", name="Report")).to_be_visible()
    expect(page.get_by_role("heading", name="Home")).to_have_count(0)
    expect(page.get_by_text("hello Ada")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/report")
    expect(page).to_have_title("Sales report")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "navigation_sidebar.png"))

    # A reload (or a shared link, with its query string) opens that page.
    page.goto(f"{server.url}/report?x=1")
    expect(page.get_by_text("query {'x': '1'}")).to_be_visible()
    expect(nav.locator(".sp-current")).to_have_text("📈Sales report")

    # Back / Forward between pages.
    nav.get_by_role("link", name="Costs").click()
    expect(page.get_by_role("heading", name="Costs")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/costs")
    page.go_back()
    expect(page.get_by_role("heading", name="Report")).to_be_visible()
    expect(page.get_by_text("query {'x': '1'}")).to_be_visible()
    page.go_forward()
    expect(page.get_by_role("heading", name="Costs")).to_be_visible()

    # st.switch_page(page): the page's URL; the widgets' state starts over, as in Streamlit.
    nav.get_by_role("link", name="Home").click()
    expect(page).to_have_url(f"{server.url}/")
    page.get_by_role("button", name="To the report").click()
    expect(page.get_by_role("heading", name="Report")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/report")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_the_top_bar(page: Page, serve: Any, tmp_path: Path) -> None:
    server = _serve(serve, tmp_path, "top")
    page.goto(server.url)
    expect(page.get_by_role("heading", name="Home")).to_be_visible()
    bar = page.locator(".sp-top-nav")
    expect(bar).to_be_visible()
    expect(page.locator(".sp-sidebar .sp-page-nav")).to_have_count(0)
    bar.get_by_role("button", name="Reports").click()
    bar.get_by_role("link", name="Costs").click()
    expect(page.get_by_role("heading", name="Costs")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/costs")
    expect(bar.locator(".sp-top-nav-header.sp-current")).to_have_text("Reports▾")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "navigation_top.png"))
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_hidden_menu(page: Page, serve: Any, tmp_path: Path) -> None:
    server = _serve(serve, tmp_path, "hidden")
    page.goto(f"{server.url}/report")
    expect(page.get_by_role("heading", name="Report")).to_be_visible()
    expect(page.get_by_role("navigation", name="Pages")).to_have_count(0)
