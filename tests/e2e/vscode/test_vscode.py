"""The extension in real VS Code (code-server 4.139 / VS Code 1.139), driven like a person would:
the command palette, the editor, the panel beside it, the Problems view, the status bar.

Each test opens its own window on a fresh workspace folder holding the seed app; one
code-server and one Chromium serve the whole module (see conftest.py). A screenshot of each test's
end state is kept in tests/e2e/screenshots/vscode_*.png.
"""

from __future__ import annotations

import os
import re
import signal

import pytest
from vscode_harness import PREVIEW, SEED, LspProcess, OpenWorkbench, Workbench, lsp_processes

# The test itself; the session's setup (code-server installed by `make code-server`, or here on
# a first run, ~3 min) has its own limits.
pytestmark = pytest.mark.timeout(150, func_only=True)


def preview(bench: Workbench, timeout: float = 30) -> None:
    """Sidepane: Preview App from the palette, then the seed app's first paint in the panel."""
    bench.command(PREVIEW)
    bench.wait_panel_text("0 squared is 0", timeout)


def focus_slider(bench: Workbench) -> None:
    frame = bench.wait_panel_text("squared is")
    frame.get_by_role("slider").first.focus()


def press_right(bench: Workbench, times: int) -> None:
    for _ in range(times):
        bench.page.keyboard.press("ArrowRight")


def servers_of(bench: Workbench) -> list[LspProcess]:
    """The language servers started for this window: those in its workspace folder."""
    proc = bench.server.proc
    assert proc is not None
    everything = lsp_processes(proc.pid, bench.server.root)
    return [p for p in everything if p.cwd == str(bench.folder)]


def test_preview_beside_the_editor_and_the_slider_reruns(workbench: Workbench) -> None:
    preview(workbench)
    groups = workbench.page.locator(".editor-group-container")
    assert groups.count() == 2, "the panel opens in a second editor group, beside the editor"
    assert groups.nth(0).locator('.tab[aria-label^="app.py"]').count() == 1
    assert groups.nth(1).locator(".tab", has_text="Sidepane").count() == 1
    focused_editor = "() => !!document.activeElement?.closest('.monaco-editor')"
    assert workbench.page.evaluate(focused_editor), "Preview App keeps the focus in the editor"

    focus_slider(workbench)
    press_right(workbench, 3)
    workbench.wait_panel_text("3 squared is 9")
    workbench.screenshot("preview_slider")
    assert workbench.panel_errors() == []


def test_save_in_the_editor_reruns_the_panel(workbench: Workbench) -> None:
    preview(workbench)
    workbench.go_to_end()
    workbench.type("st.write('hello from the editor')")
    # Unsaved edits do not rerun.
    workbench.sleep(0.5)
    assert workbench.frame_with("hello from the editor") is None
    workbench.save()
    workbench.wait_panel_text("hello from the editor", 10)
    workbench.wait_panel_text("0 squared is 0")
    assert "hello from the editor" in (workbench.folder / "app.py").read_text()
    workbench.screenshot("save_reruns")
    assert workbench.panel_errors() == []


def test_script_error_is_a_problem_on_its_line_and_clears_when_fixed(
    workbench: Workbench,
) -> None:
    preview(workbench)
    workbench.go_to_end()
    workbench.type("1/0")
    workbench.save()
    # The panel shows the exception where the script was.
    workbench.wait_panel_text("ZeroDivisionError", 10)

    def zero_division() -> list[str] | None:
        rows = [r for r in workbench.problems() if "ZeroDivisionError" in r]
        return rows or None

    rows = workbench.wait("ZeroDivisionError in the Problems view", zero_division, 15)
    assert len(rows) == 1, rows
    assert re.search(r"\b(line|Ln) 4\b", rows[0]), f"not on line 4: {rows[0]!r}"
    assert "division by zero" in rows[0]
    workbench.screenshot("problems_error")

    # The traceback's frame is a link to the line in the editor.
    workbench.focus_editor()
    workbench.page.keyboard.press("Control+Home")
    workbench.wait("the cursor on line 1", lambda: workbench.status_item(r"Ln 1, Col 1"), 5)
    frame = workbench.wait_panel_text("ZeroDivisionError")
    frame.get_by_text("app.py:4").first.click()
    workbench.wait("the cursor on line 4", lambda: workbench.status_item(r"Ln 4, Col \d+"), 10)

    # Fix line 4 (select it, type over it) and save: the diagnostic goes away.
    workbench.focus_editor()
    workbench.page.keyboard.press("Control+End")
    workbench.page.keyboard.press("Shift+Home")
    workbench.type("st.write('fixed')")
    workbench.save()
    workbench.wait_panel_text("fixed", 10)
    workbench.wait(
        "the Problems view to be empty of ZeroDivisionError",
        lambda: zero_division() is None,
        15,
    )
    assert workbench.frame_with("ZeroDivisionError") is None
    workbench.screenshot("problems_cleared")


def test_killed_server_comes_back_and_the_panel_reconnects(
    open_workbench: OpenWorkbench,
) -> None:
    bench = open_workbench()
    preview(bench)
    focus_slider(bench)
    press_right(bench, 2)
    bench.wait_panel_text("2 squared is 4")

    ours = servers_of(bench)
    assert len(ours) == 1, f"one language server for the window, found {ours}"
    killed = ours[0].pid
    os.kill(killed, signal.SIGKILL)

    def new_server() -> LspProcess | None:
        fresh = [p for p in servers_of(bench) if p.pid != killed]
        return fresh[0] if fresh else None

    restarted = bench.wait("a new language server", new_server, 30)
    # The status bar has come back from "restarting" to a finished run.
    bench.wait(
        "the status bar to show a run again",
        lambda: bench.status_item(r"Sidepane \d+(\.\d)? ms"),
        30,
    )
    bench.wait_panel_text("2 squared is 4")
    focus_slider(bench)
    press_right(bench, 1)
    bench.wait_panel_text("3 squared is 9", 15)
    assert servers_of(bench) == [restarted], "the slider's rerun ran in the new server"
    bench.screenshot("server_restarted")


def test_code_lens_previews_and_the_status_bar_shows_the_run_time(
    workbench: Workbench,
) -> None:
    lens = workbench.page.locator(".monaco-editor .codelens-decoration a", has_text="Preview")
    lens.first.wait_for(timeout=20_000)
    assert "▶ Preview" in lens.first.inner_text()
    lens.first.click()
    workbench.wait_panel_text("0 squared is 0", 30)
    item = workbench.wait(
        "the run time in the status bar",
        lambda: workbench.status_item(r"Sidepane \d+(\.\d)? ms"),
        15,
    )
    assert re.fullmatch(r".*Sidepane \d+(\.\d)? ms", item.strip()), item
    workbench.screenshot("code_lens_status")


def test_a_streamlit_script_previews_unchanged(open_workbench: OpenWorkbench) -> None:
    app = SEED.replace("import sidepane as st", "import streamlit as st")
    bench = open_workbench({"app.py": app})
    preview(bench)
    focus_slider(bench)
    press_right(bench, 1)
    bench.wait_panel_text("1 squared is 1")


def test_the_panel_survives_being_hidden_and_a_window_reload(workbench: Workbench) -> None:
    preview(workbench)
    focus_slider(workbench)
    press_right(workbench, 2)
    workbench.wait_panel_text("2 squared is 4")

    # Hide the panel behind app.py opened in its group, then show it again.
    page = workbench.page
    page.keyboard.press("Control+2")
    workbench.open_file("app.py")
    beside = page.locator(".editor-group-container").nth(1)
    beside.locator('.tab.active[aria-label^="app.py"]').wait_for(timeout=10_000)
    beside.locator(".tab", has_text="Sidepane").first.click()
    beside.locator(".tab.active", has_text="Sidepane").wait_for(timeout=10_000)
    workbench.wait_panel_text("2 squared is 4", 10)
    focus_slider(workbench)
    press_right(workbench, 1)
    workbench.wait_panel_text("3 squared is 9")
    # The panel keeps its widget values in its webview state, saved 250 ms after a change.
    workbench.sleep(1)

    # Reload the window (as a person does, so VS Code saves its layout first): the panel is
    # restored and serves the app again.
    with page.expect_navigation(timeout=30_000):
        workbench.command("Developer: Reload Window")
    page.wait_for_selector(".monaco-workbench", timeout=60_000)
    # The restored panel keeps the slider's value, and the slider still reruns the app.
    workbench.wait_panel_text("3 squared is 9", 60)
    focus_slider(workbench)
    press_right(workbench, 1)
    workbench.wait_panel_text("4 squared is 16", 15)
    workbench.screenshot("panel_restored")


TICKING = """\
import sidepane as st
st.session_state.setdefault("ticks", 0)

@st.fragment(run_every=0.2)
def clock():
    st.session_state.ticks += 1
    st.write(f"tick {st.session_state.ticks}")

clock()

@st.dialog("Hello from a dialog")
def hello():
    st.write("inside the dialog")

if st.button("Open"):
    hello()
"""


def test_run_every_pauses_while_the_panel_is_hidden_and_a_dialog_opens_over_it(
    open_workbench: OpenWorkbench,
) -> None:
    bench = open_workbench({"app.py": TICKING})
    bench.command(PREVIEW)
    frame = bench.wait_panel_text("tick 5", 30)

    def ticks() -> int:
        found = re.search(r"tick (\d+)", frame.evaluate("() => document.body.innerText"))
        assert found is not None
        return int(found.group(1))

    # Hide the panel behind app.py opened in its group for 3 s (15 ticks), then show it again.
    page = bench.page
    page.keyboard.press("Control+2")
    before = ticks()
    bench.open_file("app.py")
    beside = page.locator(".editor-group-container").nth(1)
    beside.locator('.tab.active[aria-label^="app.py"]').wait_for(timeout=10_000)
    bench.sleep(3)
    beside.locator(".tab", has_text="Sidepane").first.click()
    beside.locator(".tab.active", has_text="Sidepane").wait_for(timeout=10_000)
    frame = bench.wait_panel_text("tick", 10)
    after = ticks()
    assert after - before <= 5, f"{after - before} ticks while hidden"
    bench.wait_panel_text(f"tick {after + 3}", 10)  # it ticks again

    frame.get_by_role("button", name="Open").click()
    dialog = frame.get_by_role("dialog", name="Hello from a dialog")
    # The dialog's block may paint a moment before what the run draws into it.
    dialog.get_by_text("inside the dialog").wait_for(timeout=10_000)
    assert bench.panel_errors() == []
