"""Custom components in the VS Code panel (code-server): the language server serves their files
and components.html pages on a loopback port, which the panel frames through code-server's
proxy (asExternalUri), sandboxed without allow-same-origin. A real package from PyPI
(streamlit-option-menu: a click's value reaches the script), a component of ours that reports
what it can reach (tests/e2e/components/echo), and a components.html page whose script runs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from playwright.sync_api import Frame, FrameLocator, expect
from vscode_harness import PREVIEW, OpenWorkbench, Workbench

pytestmark = pytest.mark.timeout(180, func_only=True)

ECHO = Path(__file__).resolve().parents[1] / "components" / "echo"

APP = f"""
import streamlit as st
import streamlit.components.v1 as components
from streamlit_option_menu import option_menu

st.write("components ready")
choice = option_menu("Main menu", ["Home", "Upload", "Settings"],
                     icons=["house", "cloud-upload", "gear"], key="menu")
st.write(f"chosen: {{choice}}")
echo = components.declare_component("echo", path={str(ECHO)!r})
value = echo(greeting="Hello there", blob=b"abc", default={{"clicks": 0}}, key="echo")
st.write(f"value: {{value}}")
components.html(
    "<p id='inside'>in a frame</p><script>document.getElementById('inside').textContent ="
    " 'script ran, parent ' + (function () {{ try {{ return typeof parent.document; }}"
    " catch (e) {{ return 'blocked'; }} }})();</script>",
    height=80,
)
"""


def component(panel: Frame, nth: int) -> FrameLocator:
    return panel.frame_locator("iframe[data-testid=stCustomComponentV1]").nth(nth)


def wait_text(bench: Workbench, panel: Frame, text: str, timeout: float = 30) -> None:
    bench.wait(f"{text!r} in the panel", lambda: text in bench.panel_text(panel), timeout)


def test_components_are_drawn_in_the_panel_and_send_values_back(
    open_workbench: OpenWorkbench,
) -> None:
    if importlib.util.find_spec("streamlit_option_menu") is None:
        pytest.skip("streamlit-option-menu is not installed (requirements/components.lock)")
    bench = open_workbench({"app.py": APP})
    bench.command(PREVIEW)
    panel = bench.wait_panel_text("components ready", 40)
    wait_text(bench, panel, "chosen: Home")

    # Served by the language server, through code-server's proxy (on code-server's own origin,
    # as the webview is: the sandbox alone keeps the page from it).
    frames = panel.locator("iframe[data-testid=stCustomComponentV1]")
    expect(frames).to_have_count(2, timeout=20_000)
    src = str(frames.first.evaluate("(e) => e.src"))
    assert src.startswith(f"{bench.server.url}/proxy/"), src
    assert "/component/" in src
    for i in range(2):
        assert "allow-same-origin" not in (frames.nth(i).get_attribute("sandbox") or "")

    # streamlit-option-menu: drawn at its own height; a click reaches the script.
    menu = component(panel, 0)
    expect(menu.get_by_text("Main menu")).to_be_visible(timeout=30_000)
    menu.get_by_text("Settings").click()
    wait_text(bench, panel, "chosen: Settings")
    height = frames.first.evaluate("(e) => e.getBoundingClientRect().height")
    assert height > 100

    # Ours: the render message carries its args and VS Code's theme; it runs as an origin of
    # its own, with no way into the panel; its height and values come back.
    echo = component(panel, 1)
    expect(echo.locator("#greeting")).to_have_text("Hello there (3 bytes)", timeout=20_000)
    facts = echo.locator("#facts")
    base = panel.evaluate(
        "() => document.body.classList.contains('vscode-light') ? 'light' : 'dark'"
    )
    expect(facts).to_contain_text(f'base={base} disabled=false default={{"clicks":0}}')
    expect(facts).to_contain_text("origin=null parent=blocked")
    expect(frames.nth(1)).to_have_css("height", "120px")
    echo.locator("#send").click()
    wait_text(bench, panel, "value: {'clicks': 1, 'greeting': 'Hello there'}")

    # components.html: its page is served too, and its script runs in a frame of its own.
    html = panel.frame_locator("iframe.sp-component-frame[title='st.components.v1.html']")
    expect(html.locator("#inside")).to_have_text("script ran, parent blocked", timeout=20_000)
    assert "cannot show" not in bench.panel_text(panel)
    bench.screenshot("components_panel")
    assert bench.panel_errors() == []
