"""VS Code benchmark: the extension from dist/sidepane.vsix in real VS Code (code-server 4.139,
VS Code 1.139), in Debian's Chromium, on the seed app.

    make bench        # or: .venv/bin/python bench/vscode_bench.py [-v]

Needs `make vsix` and code-server (tests/e2e/vscode/install_code_server.sh, run by `make bench`).
Streamlit has no VS Code panel: the table has our numbers and the targets only.

1. editor Ctrl+S → the new text in the panel's DOM (median of 20 saves, run on save "always"):
   the last line of app.py is retyped in the editor (`st.write('edit 007 done')`), then Ctrl+S.
2. slider ArrowRight → "<n> squared is" in the panel's DOM (median of 30 presses).
3. "Sidepane: Preview App" → first paint of "0 squared is 0", server running (the panel closed
   and opened again; median of 10).
4. the same with a cold server: "Sidepane: Restart Server" and "Sidepane: Preview App" run
   back to back, timed from the restart (median of 5).
5. the same, the first preview of a new window: app.py just opened (which starts the server
   early), the window's first webview (median of 3).

How times are taken. VS Code's panel is a webview: an iframe inside an iframe, same origin as
the workbench here, so both clocks are read in the browser, never in Python:
- Keys pressed in the workbench (Ctrl+S in the editor; the commands' keybindings, bound in the
  benchmark's keybindings.json so the time starts at the keydown that runs the command) are
  stamped by a capturing keydown listener on the workbench's window, the first to see them.
- The panel stamps the mutation that first shows the expected text with a MutationObserver
  (1, 2), or polls for it every few ms from the moment its frame exists until the text is there
  and the frame is visible (3-5: the frame does not exist yet when the command runs; a Playwright
  init script starts the poll in each new webview frame; VS Code writes the page into that frame,
  and its window and timers survive).
- One clock: the panel reads the workbench's `performance` (`window.top`, same origin), so both
  ends of each interval are `top.performance.timeOrigin + top.performance.now()`. Should `top` be
  out of reach the panel uses its own `performance.timeOrigin + now()` (Chromium derives every
  frame's time origin from one monotonic clock; they agree to well under a millisecond).
- The slider's keydown happens in the panel itself, so (2) is measured within the panel only,
  as bench/browser_probes.py's KEY_PROBE does in a browser tab.
- For (1) and (2) the panel also stamps each `frames` message the extension posts to it; the
  last one before the text shows is the one that carried it. With -v the bench splits each
  median into "the message reached the panel" and "the viewer drew it", and splits (2) hop by
  hop: bench/vscode_hops.py (the stamps' own cost, a few file appends per press, is in the
  -v numbers).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Frame, sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "e2e" / "vscode"))
sys.path.insert(0, str(HERE.parent / "tests" / "e2e"))

from browser_probes import wait_for  # noqa: E402
from chromium import launch_chromium  # noqa: E402
from results import BenchError, Result  # noqa: E402
from vscode_harness import (  # noqa: E402
    SEED,
    VSIX,
    CodeServer,
    Workbench,
    code_server_launcher,
    sigterm_unwinds,
)
from vscode_hops import WEBSOCKET_PROBE, Press, read_hops, report  # noqa: E402

SAVES = 20
SAVE_GAP_S = 0.3
KEYPRESSES = 30
WARM_OPENS = 10
COLD_OPENS = 5
FIRST_OPENS = 3

PREVIEW_KEY = "Control+Alt+F9"
RESTART_KEY = "Control+Alt+F10"
KEYBINDINGS = [
    {"key": "ctrl+alt+f9", "command": "sidepane.preview"},
    {"key": "ctrl+alt+f10", "command": "sidepane.restartServer"},
]
FIRST_TEXT = "0 squared is 0"
SAVE_APP = SEED + "st.write('edit 000 done')"  # no final newline: Ctrl+End lands on this line

# The workbench's clock, from the workbench or from a panel inside it.
_TOP_CLOCK = """const clock = (() => {
    try {
      const p = window.top.performance;
      p.now();
      return () => p.timeOrigin + p.now();
    } catch (e) {
      return () => performance.timeOrigin + performance.now();
    }
  })();"""

# Init script: in webview content frames (grandchildren of the workbench), `window.__paint` =
# the first time FIRST_TEXT is in the document while the frame is visible.
PAINT_PROBE = f"""(() => {{
  if (window.top === window || window.parent === window.top) return;
  {_TOP_CLOCK}
  const want = {FIRST_TEXT!r};
  const end = performance.now() + 60000;
  window.__paint = null;
  const visible = () => {{
    const el = window.frameElement;
    return !el || el.style.visibility !== 'hidden';
  }};
  const timer = setInterval(() => {{
    if (document.body && document.body.textContent.includes(want) && visible()) {{
      window.__paint = clock();
      clearInterval(timer);
    }} else if (performance.now() > end) {{
      clearInterval(timer);
    }}
  }}, 1);
}})();"""

# Evaluated in the workbench: stamp the next keydown matching (key, ctrl, alt) in `__keyAt`.
ARM_KEY = f"""([key, ctrl, alt]) => {{
  {_TOP_CLOCK}
  window.__keyAt = null;
  const on = (e) => {{
    const same = e.key.toLowerCase() === key.toLowerCase();
    if (same && e.ctrlKey === ctrl && e.altKey === alt && window.__keyAt === null) {{
      window.__keyAt = clock();
      window.removeEventListener('keydown', on, true);
    }}
  }};
  window.addEventListener('keydown', on, true);
}}"""

# In the panel: `window.__msgs` = when each `frames` message from the extension arrived. The
# viewer's own listener may run first (and draw), so the time is the event's creation
# (`timeStamp`), not the time this listener runs; the bench later pairs each text with the last
# message that arrived before it.
_MESSAGES = """window.__msgs = [];
  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'frames') {
      window.__msgs.push(clock() - (performance.now() - e.timeStamp));
    }
  }, true);"""

# Evaluated once in the panel: after `__save.want` is set, `__save.hit` = when it is shown.
SAVE_PROBE = f"""() => {{
  {_TOP_CLOCK}
  {_MESSAGES}
  const b = (window.__save = {{ want: null, hit: null }});
  new MutationObserver(() => {{
    if (b.want !== null && b.hit === null && document.body.textContent.includes(b.want)) {{
      b.hit = clock();
    }}
  }}).observe(document.body, {{subtree: true, childList: true, characterData: true}});
}}"""

# Evaluated on the panel showing "<start> squared is ...", as browser_probes.KEY_PROBE (see
# there why the slider's own label cannot match), plus the message stamps.
KEY_PROBE = f"""(start) => {{
  const clock = () => performance.now();
  {_MESSAGES}
  const b = (window.__keys = {{ n: start, down: [], hit: [], origin: performance.timeOrigin }});
  let want = null;
  window.addEventListener('keydown', (e) => {{
    if (e.key !== 'ArrowRight') return;
    b.down.push(clock());
    b.n += 1;
    want = b.n + ' squared is';
  }}, true);
  new MutationObserver(() => {{
    if (want !== null && document.body.textContent.includes(want)) {{
      b.hit.push(clock());
      want = null;
    }}
  }}).observe(document.body, {{subtree: true, childList: true, characterData: true}});
}}"""


def _arrivals(presses: list[tuple[float, float]], messages: list[float]) -> list[float]:
    """For each (input, text shown): ms from the input to the last `frames` message that
    arrived before the text was shown (the one that carried it)."""
    out = []
    for down, hit in presses:
        before = [m for m in messages if down <= m <= hit]
        if before:
            out.append(max(before) - down)
    return out


class Bench:
    def __init__(
        self, browser: Browser, server: CodeServer, verbose: bool, hops: Path | None = None
    ) -> None:
        self.browser = browser
        self.server = server
        self.verbose = verbose
        # The extension's and server's hop stamps (SIDEPANE_TRACE_HOPS), with -v.
        self.hops = hops
        self.windows = 0
        # measure → ms from the input to the arrival of the message that carried the new text
        self.arrivals: dict[str, list[float]] = {}
        self.hop_report: list[str] = []

    def window(self) -> Workbench:
        """A new window on a fresh copy of the app, app.py open, the paint probe installed."""
        self.windows += 1
        folder = self.server.workspace(f"bench-{self.windows}", {"app.py": SAVE_APP})
        probes = PAINT_PROBE + ("\n" + WEBSOCKET_PROBE if self.hops else "")
        bench = Workbench.open(self.browser, self.server, folder, init_script=probes)
        bench.open_file("app.py")
        return bench

    def key_then_paint(
        self,
        bench: Workbench,
        *keys: str,
        timeout: float = 30,
        between: Callable[[], None] | None = None,
    ) -> float:
        """Press `keys` in the editor (a command's keybinding each, `between()` after each but
        the last); ms from the first keydown to the first paint of the seed app in a new panel
        frame."""
        bench.focus_editor()
        first = keys[0].split("+")
        bench.page.evaluate(ARM_KEY, [first[-1], "Control" in first, "Alt" in first])
        for i, key in enumerate(keys):
            if i and between:
                between()
            bench.page.keyboard.press(key)
        frame = bench.wait_panel_text(FIRST_TEXT, timeout)
        hit = bench.wait("the paint stamp", lambda: frame.evaluate("window.__paint"), 10)
        down = bench.page.evaluate("window.__keyAt")
        if down is None:
            raise BenchError(f"the keydown of {keys[0]} was not seen by the workbench")
        return float(hit) - float(down)

    def close_panel(self, bench: Workbench) -> None:
        tab = bench.page.locator(".editor-group-container .tab", has_text="Sidepane").first
        tab.click(button="middle")
        bench.wait("the panel to close", lambda: bench.frame_with("squared is") is None, timeout=10)

    # 1. Save --------------------------------------------------------------------------------

    def save(self, bench: Workbench, panel: Frame) -> list[float]:
        panel.evaluate(SAVE_PROBE)
        samples = []
        presses: list[tuple[float, float]] = []
        for i in range(1, SAVES + 1):
            text = f"edit {i:03d} done"
            bench.focus_editor()
            bench.page.keyboard.press("Control+End")
            bench.page.keyboard.press("Shift+Home")
            bench.type(f"st.write({text!r})")
            panel.evaluate("(w) => { window.__save.want = w; window.__save.hit = null; }", text)
            # Apart enough that no two saves fall in one rerun.
            bench.sleep(SAVE_GAP_S)
            bench.page.evaluate(ARM_KEY, ["s", True, False])
            bench.save()
            hit = panel.evaluate(wait_for("() => window.__save.hit"), 10_000)
            if hit is None:
                raise BenchError(f"{text!r} not shown 10 s after Ctrl+S")
            down = bench.page.evaluate("window.__keyAt")
            if down is None:
                raise BenchError("the Ctrl+S keydown was not seen by the workbench")
            samples.append(float(hit) - float(down))
            presses.append((float(down), float(hit)))
        self.arrivals["save"] = _arrivals(presses, panel.evaluate("window.__msgs"))
        return samples

    # 2. Slider ------------------------------------------------------------------------------

    def keypress(self, bench: Workbench, panel: Frame) -> list[float]:
        panel.get_by_role("slider").first.focus()
        panel.evaluate(KEY_PROBE, 0)
        if self.hops:
            self.hops.write_text("", encoding="ascii")
        for i in range(1, KEYPRESSES + 1):
            bench.page.keyboard.press("ArrowRight")
            got = f"() => (window.__keys.hit.length >= {i} ? true : null)"
            if panel.evaluate(wait_for(got), 10_000) is None:
                raise BenchError(f"'{i} squared is' not shown 10 s after the keypress")
            # Let the rerun finish (and its run-end frame land) before the next press.
            bench.sleep(0.12)
        down: list[float] = panel.evaluate("window.__keys.down")
        hit: list[float] = panel.evaluate("window.__keys.hit")
        if len(down) != KEYPRESSES:
            raise BenchError(f"{len(down)} keydowns seen for {KEYPRESSES} presses")
        presses = list(zip(down, hit, strict=True))
        messages: list[float] = panel.evaluate("window.__msgs")
        self.arrivals["keypress"] = _arrivals(presses, messages)
        if self.hops:
            origin = float(panel.evaluate("window.__keys.origin"))
            absolute = [origin + m for m in messages]
            stamped = [Press(origin + d, origin + h, absolute) for d, h in presses]
            ws = bench.page.evaluate("window.__ws || []")
            self.hop_report = report(stamped, ws, read_hops(self.hops))
        return [h - d for d, h in zip(down, hit, strict=True)]

    # 3, 4. Preview with the server running, and cold -----------------------------------------

    def warm(self, bench: Workbench) -> list[float]:
        samples = []
        for _ in range(WARM_OPENS):
            self.close_panel(bench)
            bench.sleep(0.3)
            samples.append(self.key_then_paint(bench, PREVIEW_KEY))
        return samples

    def cold(self, bench: Workbench) -> list[float]:
        samples = []
        for _ in range(COLD_OPENS):
            self.close_panel(bench)
            bench.sleep(0.5)

            # Preview once the restart has taken the old server away (the status bar no longer
            # shows its last run), so that the panel cannot be served by the old server.
            def restarted() -> None:
                bench.wait(
                    "the restart to begin",
                    lambda: bench.status_item(r"Sidepane \d+(\.\d)? ms") is None,
                    timeout=10,
                )

            samples.append(self.key_then_paint(bench, RESTART_KEY, PREVIEW_KEY, between=restarted))
        return samples

    # 5. The first preview of a window --------------------------------------------------------

    def first(self) -> list[float]:
        samples = []
        for _ in range(FIRST_OPENS):
            bench = self.window()
            try:
                samples.append(self.key_then_paint(bench, PREVIEW_KEY, timeout=60))
            finally:
                bench.close()
        return samples

    def log(self, what: str, samples: list[float]) -> None:
        if not self.verbose:
            return
        shown = " ".join(f"{s:.1f}" for s in samples)
        print(f"  {what}: {shown}", file=sys.stderr)
        arrivals = self.arrivals.get(what)
        if arrivals:
            reached = statistics.median(arrivals)
            drawn = statistics.median(samples) - reached
            print(
                f"  {what}: median {reached:.1f} ms until the message reached the panel, "
                f"~{drawn:.1f} ms more until the text was in its DOM",
                file=sys.stderr,
            )
        if what == "keypress" and self.hop_report:
            print("\n".join(self.hop_report), file=sys.stderr)

    def measure(self, what: str, run: Callable[[], list[float]]) -> Result:
        try:
            samples = run()
        except Exception as exc:  # a failed measure is n/a in the table, not a crash
            text = " ".join(str(exc).split())
            if not isinstance(exc, BenchError):
                text = f"{type(exc).__name__}: {text}"
            return Result([], text[:300])
        self.log(what, samples)
        return Result(samples)


@dataclass
class Row:
    label: str
    result: Result
    # None: no target of the issue's; shown for what it tells (code-server's own start-up).
    target_ms: float | None


def print_table(rows: list[Row]) -> None:
    notes: list[str] = []
    print(f"{'measure (median, ms)':66} {'sidepane':>10}  {'target':10} met")
    for row in rows:
        median = row.result.median
        if median is None:
            notes.append(row.result.error)
            cell, met = f"n/a [{len(notes)}]", "-"
        elif row.target_ms is None:
            cell, met = f"{median:.1f}", "-"
        else:
            cell, met = f"{median:.1f}", "yes" if median < row.target_ms else "NO"
        target = "-" if row.target_ms is None else f"< {row.target_ms:g} ms"
        print(f"{row.label:66} {cell:>10}  {target:10} {met}")
    for i, note in enumerate(notes, 1):
        print(f"  [{i}] {note}")


def run(browser: Browser, server: CodeServer, verbose: bool, hops: Path | None) -> list[Row]:
    bench = Bench(browser, server, verbose, hops)
    rows: list[Row] = []
    window = bench.window()
    try:
        # The first preview of this window warms VS Code's webview machinery (service worker,
        # the viewer's scripts in the cache) for the measures that follow.
        window.command("Sidepane: Preview App")
        panel = window.wait_panel_text(FIRST_TEXT, 60)
        rows.append(
            Row(
                "editor Ctrl+S → new text in the panel (run on save)",
                bench.measure("save", lambda: bench.save(window, panel)),
                30,
            )
        )
        panel = window.wait_panel_text("squared is")
        rows.append(
            Row(
                "slider ArrowRight → new text in the panel",
                bench.measure("keypress", lambda: bench.keypress(window, panel)),
                15,
            )
        )
        rows.append(
            Row(
                "Preview App → first paint, server running (panel reopened)",
                bench.measure("warm", lambda: bench.warm(window)),
                300,
            )
        )
        rows.append(
            Row(
                "Restart Server + Preview App → first paint (cold server)",
                bench.measure("cold", lambda: bench.cold(window)),
                1000,
            )
        )
    finally:
        window.close()
    rows.append(
        Row(
            "Preview App → first paint, a new window's first panel",
            bench.measure("first", bench.first),
            None,
        )
    )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every sample")
    verbose = parser.parse_args().verbose
    if not VSIX.exists():
        print(f"no {VSIX}: `make vsix` first; skipping the VS Code benchmark", file=sys.stderr)
        return 1
    began = time.monotonic()
    hops = None
    if verbose:
        # Read by the extension host and the language server that code-server starts.
        hops = Path(tempfile.mkdtemp(prefix="sidepane-hops-")) / "hops.txt"
        os.environ["SIDEPANE_TRACE_HOPS"] = str(hops)
    with sigterm_unwinds():
        server = CodeServer(code_server_launcher(), keybindings=KEYBINDINGS)
        try:
            server.start()
            with sync_playwright() as p:
                browser = launch_chromium(p)
                try:
                    version = browser.version
                    rows = run(browser, server, verbose, hops)
                finally:
                    browser.close()
        finally:
            server.cleanup()
    print(
        f"\nVS Code benchmark, code-server 4.139.1 (VS Code 1.139), Chromium {version}, "
        f"{time.monotonic() - began:.0f} s"
    )
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
