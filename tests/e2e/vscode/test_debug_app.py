"""Sidepane: Debug App in real VS Code (code-server): a breakpoint set in the editor's gutter
stops the app's runs, VS Code's debugger shows the run's variables, and the app goes on after.

Uses the harness of test_vscode.py (conftest.py, vscode_harness.py). The stopped state is kept
as tests/e2e/screenshots/vscode_debug_paused.png.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

import pytest
from vscode_harness import OpenWorkbench, Workbench

pytestmark = pytest.mark.timeout(300)

DEBUG_APP = "Sidepane: Debug App"


def line_middle(bench: Workbench, line: int) -> float:
    """The vertical middle of a line, from its number in the active editor's gutter."""
    gutter = bench.page.locator(".editor-group-container.active .margin-view-overlays")
    number = gutter.locator(".line-numbers").filter(has_text=re.compile(rf"^\s*{line}\s*$")).first
    number.wait_for()
    box = number.bounding_box()
    assert box is not None
    return box["y"] + box["height"] / 2


def glyph_line(bench: Workbench, selector: str) -> int | None:
    """The line (from the gutter's line numbers) of the first glyph matching `selector` in the
    active editor's glyph margin, or None when there is none."""
    found: int | None = bench.page.evaluate(
        """(selector) => {
          const editor = document.querySelector('.editor-group-container.active .monaco-editor');
          if (!editor) return null;
          const glyph = editor.querySelector(selector);
          if (!glyph) return null;
          const top = glyph.getBoundingClientRect().top;
          for (const n of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
            const r = n.getBoundingClientRect();
            if (Math.abs(r.top - top) < r.height / 2) return Number(n.textContent);
          }
          return null;
        }""",
        selector,
    )
    return found


def set_breakpoint_in_gutter(bench: Workbench, line: int) -> None:
    """Click the glyph margin left of `line`, as a person does; the red dot appears there."""
    # The code lens ("▶ Preview | Debug") pushes the lines down when it appears: wait for it, so
    # the click lands where the line stays.
    lens = bench.page.locator(".monaco-editor .codelens-decoration a", has_text="Debug")
    lens.first.wait_for(timeout=30_000)
    margin = bench.page.locator(".editor-group-container.active .monaco-editor .glyph-margin")

    def placed() -> bool:
        return glyph_line(bench, ".codicon-debug-breakpoint") == line

    # Just after the window opens, VS Code may not know yet that Python files take breakpoints
    # (the extensions' contributions are still being read): a click then does nothing.
    deadline = time.monotonic() + 30
    while not placed():
        assert time.monotonic() < deadline, f"no breakpoint on line {line} after clicks"
        margin_box = margin.first.bounding_box()
        assert margin_box is not None
        x = margin_box["x"] + margin_box["width"] / 2
        y = line_middle(bench, line)
        bench.page.mouse.move(x, y)
        bench.page.mouse.click(x, y)
        try:
            bench.wait(f"a breakpoint on line {line}", placed, 2)
        except TimeoutError:
            continue
    breakpoints = bench.page.locator(
        ".editor-group-container.active .monaco-editor .codicon-debug-breakpoint"
    )
    assert breakpoints.count() == 1, "one breakpoint, on that line only"


def debug_toolbar(bench: Workbench) -> Any:
    return bench.page.locator(".debug-toolbar")


def stopped_line(bench: Workbench) -> int | None:
    """The line VS Code shows the debugger stopped on (the stack frame glyph), if any."""
    return glyph_line(bench, ".codicon-debug-stackframe")


def variable(bench: Workbench, name: str) -> str | None:
    """The value the Variables view shows for `name`, if it lists it."""
    value: str | None = bench.page.evaluate(
        r"""(name) => {
          for (const row of document.querySelectorAll('.debug-variables .monaco-list-row')) {
            const m = /^\s*([^=]+?)\s*=\s*(.*?)\s*$/.exec(row.innerText.replace(/\n/g, ' '));
            if (m && m[1] === name) return m[2];
          }
          return null;
        }""",
        name,
    )
    return value


def locals_shown(bench: Workbench) -> bool:
    """Expand the Variables view's Locals scope if it is collapsed (VS Code expands it itself
    when the view exists at the stop; the first session's view opens just after it)."""
    scope = bench.page.locator('.debug-variables .monaco-list-row[aria-label="Scope Locals"]')
    if scope.count() == 0:
        return False
    if scope.first.get_attribute("aria-expanded") == "false":
        scope.first.click()
    return True


def wait_stopped(bench: Workbench, line: int, x: str, timeout: float = 30) -> None:
    """The debugger holds the run at `line`: toolbar, stack frame glyph, `x` in Variables."""
    debug_toolbar(bench).first.wait_for(state="visible", timeout=timeout * 1000)
    bench.wait(f"the editor to show the stop at line {line}", lambda: stopped_line(bench) == line)
    bench.wait(
        f"x = {x} in the Variables view",
        lambda: variable(bench, "x") == x or (locals_shown(bench) and variable(bench, "x") == x),
    )
    bench.wait_panel_text(f"Paused at app.py:{line}", timeout)


def press_continue(bench: Workbench) -> None:
    """F5 with the keyboard focus in the workbench (not in the panel's frame)."""
    bench.focus_editor()
    bench.page.keyboard.press("F5")
    bench.wait("the debugger to let the run go on", lambda: stopped_line(bench) is None, 10)


def slider_right(bench: Workbench) -> None:
    frame = bench.wait_panel_text("squared is")
    frame.get_by_role("slider").first.focus()
    bench.page.keyboard.press("ArrowRight")


def end_session(bench: Workbench) -> None:
    """Shift+F5 (Stop or Disconnect), then the debug toolbar goes away."""
    bench.focus_editor()
    bench.page.keyboard.press("Shift+F5")
    bench.wait(
        "the debug session to end",
        lambda: not debug_toolbar(bench).first.is_visible(),
        20,
    )


def test_debug_app_stops_at_a_gutter_breakpoint_and_detaches(workbench: Workbench) -> None:
    started = time.monotonic()
    set_breakpoint_in_gutter(workbench, 3)

    workbench.command(DEBUG_APP)
    wait_stopped(workbench, 3, "0", timeout=60)
    groups = workbench.page.locator(".editor-group-container")
    assert groups.count() == 2, "the preview opens beside the editor"
    workbench.wait(
        "the status bar to say where the run is paused",
        lambda: workbench.status_item(r"paused at app\.py:3"),
        10,
    )
    frame = workbench.wait_panel_text("Paused at app.py:3")
    assert "squared is" not in workbench.panel_text(frame), "the run stopped before line 3 ran"
    workbench.screenshot("debug_paused")

    press_continue(workbench)
    workbench.wait_panel_text("0 squared is 0")
    workbench.wait_panel_text_gone(workbench.wait_panel_text("0 squared is 0"), "Paused at")

    # A widget change reruns the script, which stops again with that run's variables.
    slider_right(workbench)
    wait_stopped(workbench, 3, "1")
    press_continue(workbench)
    workbench.wait_panel_text("1 squared is 1")

    # Run-on-save keeps working while debugging: a save reruns, which stops at the breakpoint.
    workbench.go_to_end()
    workbench.type("st.write('saved while debugging')")
    workbench.save()
    wait_stopped(workbench, 3, "1")
    press_continue(workbench)
    workbench.wait_panel_text("saved while debugging")

    # Ending the session detaches: the app keeps running, past the breakpoint.
    end_session(workbench)
    slider_right(workbench)
    workbench.wait_panel_text("2 squared is 4")
    workbench.sleep(0.5)
    assert not debug_toolbar(workbench).first.is_visible()
    assert workbench.frame_with("Paused at") is None

    # And Debug App attaches again: the open preview reruns and stops at the breakpoint.
    workbench.focus_editor()
    workbench.command(DEBUG_APP)
    wait_stopped(workbench, 3, "2")
    press_continue(workbench)
    workbench.wait_panel_text("2 squared is 4")
    end_session(workbench)
    slider_right(workbench)
    workbench.wait_panel_text("3 squared is 9")
    assert workbench.panel_errors() == []
    print(f"\nDebug App end to end: {time.monotonic() - started:.1f} s")


def test_f5_without_launch_json_debugs_the_app_and_a_server_restart_ends_it(
    workbench: Workbench,
) -> None:
    set_breakpoint_in_gutter(workbench, 3)
    workbench.focus_editor()
    workbench.page.keyboard.press("F5")  # no launch.json: the active Python file, as Debug App
    wait_stopped(workbench, 3, "0", timeout=60)

    workbench.command("Sidepane: Restart Server")
    workbench.wait(
        "the debug session to end",
        lambda: not debug_toolbar(workbench).first.is_visible(),
        30,
    )
    note = workbench.page.locator(".notifications-toasts .notification-toast", has_text="ended")
    note.first.wait_for(timeout=15_000)
    assert "Sidepane: Debug App" in note.first.inner_text()
    # The preview comes back on the new server, and runs without stopping.
    workbench.wait_panel_text("0 squared is 0", 30)
    slider_right(workbench)
    workbench.wait_panel_text("1 squared is 1")
    assert not debug_toolbar(workbench).first.is_visible()


def test_a_launch_configurations_args_are_the_scripts_while_it_lasts(
    open_workbench: OpenWorkbench,
) -> None:
    launch = {
        "version": "0.2.0",
        "configurations": [
            {
                "type": "sidepane",
                "request": "launch",
                "name": "App with data",
                "program": "${workspaceFolder}/app.py",
                "args": ["--data", "big.csv"],
            }
        ],
    }
    app = "import sys\nimport sidepane as st\nst.write('argv', ' '.join(sys.argv[1:]) or 'none')\n"
    bench = open_workbench({"app.py": app, ".vscode/launch.json": json.dumps(launch)})
    bench.command("Sidepane: Preview App")
    bench.wait_panel_text("argv none", 60)
    bench.focus_editor()
    bench.page.keyboard.press("F5")  # the launch.json's configuration
    bench.wait_panel_text("argv --data big.csv", 30)
    end_session(bench)
    bench.wait_panel_text("argv none", 30)  # sidepane.scriptArgs again, rerun
