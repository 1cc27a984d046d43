"""A multipage app in real VS Code (code-server): Preview App on a page file opens the app's
entry script at that page, the menu moves between pages, the panel's title follows the page, and
Preview App on another page of the same app moves the open panel there."""

from __future__ import annotations

from vscode_harness import PREVIEW, OpenWorkbench, Workbench

ENTRY = """import streamlit as st

st.sidebar.caption("shared frame")
pg = st.navigation(
    {
        "Reports": [
            st.Page("sales.py", title="Sales report"),
            st.Page("costs.py", title="Costs"),
        ]
    }
)
pg.run()
"""

FILES = {
    "streamlit_app.py": ENTRY,
    "sales.py": "import streamlit as st\nst.title('Sales page')\n",
    "costs.py": "import streamlit as st\nst.title('Costs page')\n",
}


def _panel_title(bench: Workbench) -> str:
    tab = bench.page.locator(".tab", has_text="Sidepane")
    return (tab.first.get_attribute("aria-label") or "") if tab.count() else ""


def test_preview_app_on_a_page_file_opens_the_app_at_that_page(
    open_workbench: OpenWorkbench,
) -> None:
    bench = open_workbench(FILES, open_file="costs.py")
    bench.command(PREVIEW)
    frame = bench.wait_panel_text("Costs page", 30)
    # The panel is narrow: its sidebar starts collapsed.
    frame.get_by_role("button", name="Expand sidebar").click()
    bench.wait_panel_text("shared frame")  # the entry script runs around the page
    bench.wait("the panel titled after the page", lambda: "Costs" in _panel_title(bench))
    # Its menu lists the app's pages; a click moves to another, and the title follows.
    frame.get_by_role("link", name="Sales report").click()
    bench.wait_panel_text("Sales page")
    bench.wait("the title following the page", lambda: "Sales report" in _panel_title(bench))
    # Preview App on the other page file moves the same panel back there.
    bench.open_file("costs.py")
    bench.command(PREVIEW)
    bench.wait_panel_text("Costs page")
    tabs = bench.page.locator(".tab", has_text="Sidepane")
    assert tabs.count() == 1, "one panel for the app"
    bench.screenshot("pages_panel")
    assert bench.panel_errors() == []
