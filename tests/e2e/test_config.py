"""`.streamlit/config.toml` in Chromium: the theme's primary colour on a button (and a command-line
flag over it), client.showErrorDetails withholding an exception, and the port from the file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from conftest import free_port

BUTTON = """
import sidepane as st

st.button("Go", type="primary")
with st.sidebar:
    st.write("In the sidebar")
"""


def write_config(folder: Path, text: str) -> None:
    path = folder / ".streamlit" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def background(page: Page, selector: str) -> str:
    return str(page.locator(selector).first.evaluate("e => getComputedStyle(e).backgroundColor"))


def test_the_theme_colours_a_primary_button_and_the_sidebar(
    page: Page, serve: Any, tmp_path: Path
) -> None:
    write_config(
        tmp_path,
        """
        [theme]
        primaryColor = "#ff00aa"
        [theme.sidebar]
        backgroundColor = "#123456"
        """,
    )
    server = serve(BUTTON)
    page.goto(server.url)
    button = page.get_by_role("button", name="Go")
    expect(button).to_be_visible()
    expect(button).to_have_css("background-color", "rgb(255, 0, 170)")
    expect(page.locator(".sp-sidebar")).to_have_css("background-color", "rgb(18, 52, 86)")


def test_a_flag_wins_over_the_file(page: Page, serve: Any, tmp_path: Path) -> None:
    write_config(tmp_path, '[theme]\nprimaryColor = "#ff00aa"\n')
    server = serve(BUTTON, "--theme.primaryColor", "#00aa00")
    page.goto(server.url)
    expect(page.get_by_role("button", name="Go")).to_have_css("background-color", "rgb(0, 170, 0)")


def test_without_a_theme_the_default_primary_colour(page: Page, serve: Any) -> None:
    server = serve(BUTTON)
    page.goto(server.url)
    expect(page.get_by_role("button", name="Go")).to_have_css(
        "background-color", "rgb(197, 57, 72)"
    )


FAILING = """
import sidepane as st

st.write("before")
raise ValueError("the secret " + str(6 * 7))
"""


def test_show_error_details_none_withholds_the_exception(
    page: Page, serve: Any, tmp_path: Path
) -> None:
    write_config(tmp_path, '[client]\nshowErrorDetails = "none"\n')
    server = serve(FAILING)
    page.goto(server.url)
    alert = page.locator(".sp-exception")
    expect(alert).to_contain_text("This app has encountered an error.")
    expect(alert).not_to_contain_text("the secret 42")
    expect(alert).not_to_contain_text("ValueError")
    expect(alert.locator(".sp-frames")).to_have_count(0)


def test_show_error_details_false_keeps_the_traceback_not_the_message(
    page: Page, serve: Any, tmp_path: Path
) -> None:
    # As in Streamlit 1.67: false is the older spelling of "stacktrace".
    write_config(tmp_path, "[client]\nshowErrorDetails = false\n")
    server = serve(FAILING)
    page.goto(server.url)
    alert = page.locator(".sp-exception")
    expect(alert).to_contain_text("ValueError")
    expect(alert).to_contain_text("This app has encountered an error.")
    expect(alert).not_to_contain_text("the secret 42")
    expect(alert.locator(".sp-frames")).to_have_count(1)


def test_the_port_from_config(page: Page, tmp_path: Path) -> None:
    port = free_port()
    write_config(tmp_path, f"[server]\nport = {port}\nheadless = true\n")
    script = tmp_path / "app.py"
    script.write_text("import sidepane as st\nst.title('Configured port')\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "sidepane", "run", str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ),
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.05)
        page.goto(url)
        expect(page.get_by_role("heading", name="Configured port")).to_be_visible()
    finally:
        proc.terminate()
        try:
            out, _ = proc.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    assert f"URL: http://127.0.0.1:{port}" in out


def test_base_url_path_with_pages(page: Page, serve: Any, tmp_path: Path) -> None:
    write_config(tmp_path, '[server]\nbaseUrlPath = "myapp"\n')
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "report.py").write_text(
        "import sidepane as st\nst.title('Report page')\n", encoding="utf-8"
    )
    server = serve("import sidepane as st\nst.title('Home page')\n")
    page.goto(server.url + "/myapp/")
    expect(page.get_by_role("heading", name="Home page")).to_be_visible()
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="report").click()
    expect(page.get_by_role("heading", name="Report page")).to_be_visible()
    assert page.url == server.url + "/myapp/report"
    page.reload()
    expect(page.get_by_role("heading", name="Report page")).to_be_visible()


def test_logo_in_the_sidebar_and_atop_the_app(page: Page, serve: Any) -> None:
    server = serve(
        """
        import sidepane as st
        st.logo(":material/home:", link="https://example.com", icon_image="🎈", size="large")
        st.sidebar.write("Sidebar text")
        st.write("Body")
        """
    )
    page.goto(server.url)
    sidebar_logo = page.locator(".sp-sidebar [data-testid='stLogo']")
    expect(sidebar_logo).to_have_text("home")
    expect(sidebar_logo.locator("a")).to_have_attribute("href", "https://example.com")
    expect(page.locator(".sp-logo-app")).to_be_hidden()  # the sidebar is open
    page.get_by_role("button", name="Collapse sidebar").click()
    expect(page.locator(".sp-logo-app")).to_have_text("🎈")
