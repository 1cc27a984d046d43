"""Browser benchmarks: Sidepane and Streamlit served side by side, driven by one Chromium.

    make bench        # or: .venv/bin/python bench/browser_bench.py [-v]

Each side runs its own `run` command on a free loopback port with the same script (only the
import differs: `import sidepane as st` / `import streamlit as st`), and the page is measured from
inside (probes in browser_probes.py):

1. launch: Popen → "0 squared is 0" in the page of the seed app (median of 5, sides alternated;
   each in a new tab the browser has settled, see `Bench.settled_page`);
2. slider ArrowRight keydown → "<n> squared is" in the DOM (median of 40);
3. script file written → its new text in the DOM, with run-on-save (median of 20);
4. a 1,000,000 x 5 float DataFrame built in the script: page navigation → first rows painted
   (median of 7, after one unmeasured load that warms the server's imports; settled tabs too);
5. (Sidepane only) 2. again with a debugger attached over DAP (`--debug PORT`, no breakpoints):
   it must stay within 2x of 2.

One table: both medians, the ratio Streamlit / Sidepane, the target and whether it is met.
A side that fails shows "n/a" with the reason below the table.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from playwright.sync_api import Browser, Page, sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from browser_probes import GRID_PROBE, KEY_PROBE, SAVE_PROBE, text_appears, wait_for  # noqa: E402
from browser_servers import Server, Side, free_port  # noqa: E402
from results import BenchError, Result  # noqa: E402
from streamlit_env import streamlit_python  # noqa: E402

sys.path.insert(0, str(HERE.parent / "tests" / "e2e"))
from chromium import chromium_missing, launch_chromium  # noqa: E402
from dap_client import DapClient  # noqa: E402

# Loopback only: any host name fails to resolve (the servers are reached by IP).
LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
VIEWPORT = {"width": 1280, "height": 900}

SEED = "x = st.slider('x')\nst.write(x, 'squared is', x * x)\n"
DATAFRAME = (
    "import numpy as np\nimport pandas as pd\n"
    "st.dataframe(pd.DataFrame(np.random.default_rng(0).random((1_000_000, 5))))\n"
)

LAUNCHES = 5
TAB_SETTLE_S = 1.0
KEYPRESSES = 40
WRITES = 20
WRITE_GAP_S = 0.3
DATAFRAME_LOADS = 7


Results = dict[str, Result]


@dataclass(frozen=True)
class Launch:
    """An app to launch: its script body, an init script that stamps `hit` when it is painted."""

    name: str
    body: str
    probe: str
    hit: str
    what: str
    timeout_s: int = 30


SEED_LAUNCH = Launch(
    "launch", SEED, text_appears("0 squared is 0"), "() => window.__textHit", "seed text"
)


class Bench:
    def __init__(self, browser: Browser, root: Path, verbose: bool) -> None:
        self.browser = browser
        self.root = root
        self.logs = root / "logs"
        self.logs.mkdir()
        self.verbose = verbose
        self.tab_settle_s = TAB_SETTLE_S

    def script(self, side: Side, name: str, body: str) -> Path:
        folder = self.root / f"{name}-{side.name}"
        folder.mkdir(exist_ok=True)
        path = folder / "app.py"
        path.write_text(side.script(body))
        return path

    @contextmanager
    def page(self) -> Iterator[Page]:
        context = self.browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
        try:
            yield context.new_page()
        finally:
            context.close()

    @contextmanager
    def settled_page(self) -> Iterator[Page]:
        """A new tab, once the browser is idle again: a new tab sets Chromium starting renderers
        of its own (its top-chrome WebUI took ~400 ms of a core here), which would otherwise run
        during what is measured next (a launch, a page load), as they do not when a user types
        the command or opens the page in front of an open browser."""
        with self.page() as page:
            time.sleep(self.tab_settle_s)
            yield page

    def log(self, side: Side, what: str, samples: list[float]) -> None:
        if self.verbose:
            shown = " ".join(f"{s:.1f}" for s in samples)
            print(f"  {side.name:9} {what}: {shown}", file=sys.stderr)

    # 1. Launch -------------------------------------------------------------------------------

    def launch_once(self, side: Side, app: Launch) -> float:
        script = self.script(side, app.name, app.body)
        with self.settled_page() as page:
            page.add_init_script(app.probe)
            start = time.time()
            with Server(side, script, self.logs) as server:
                server.wait_port(app.timeout_s)
                page.goto(server.url, wait_until="commit", timeout=app.timeout_s * 1000)
                hit: float | None = page.evaluate(wait_for(app.hit), app.timeout_s * 1000)
                if hit is None:
                    raise BenchError(
                        f"{app.what} never appeared within {app.timeout_s} s: {server.tail()}"
                    )
        return hit - start * 1000

    def launch(self, sides: list[Side], app: Launch | None = None) -> dict[str, Result]:
        """Popen → `app` painted (the seed app by default). Sides alternate launch by launch,
        so machine noise falls on both alike."""
        app = app or SEED_LAUNCH
        results = {side.name: Result([]) for side in sides}
        for _ in range(LAUNCHES):
            for side in sides:
                result = results[side.name]
                if result.error:
                    continue
                try:
                    result.samples.append(self.launch_once(side, app))
                except Exception as exc:  # any failure is that side's n/a, not the bench's
                    result.error = _reason(exc)
        for side in sides:
            self.log(side, app.name, results[side.name].samples)
        return results

    # 2. Slider keypress ----------------------------------------------------------------------

    def keypress(self, side: Side, *, debugger: bool = False) -> list[float]:
        script = self.script(side, "keypress-debug" if debugger else "keypress", SEED)
        dap_port = free_port()
        extra = ["--debug", str(dap_port)] if debugger else []
        with (
            Server(side, script, self.logs, watch=False, extra=extra) as server,
            self.page() as page,
        ):
            server.wait_port(30)
            if debugger:
                client = DapClient(dap_port, timeout=30)
                client.attach(justMyCode=True)
                client.request("configurationDone")
            page.goto(server.url, timeout=30_000)
            page.get_by_text("0 squared is 0").wait_for(timeout=30_000)
            slider = page.get_by_role("slider").first
            slider.focus()
            page.evaluate(KEY_PROBE, 0)
            for i in range(1, KEYPRESSES + 1):
                page.keyboard.press("ArrowRight")
                got = f"() => (window.__keys.hit.length >= {i} ? true : null)"
                if page.evaluate(wait_for(got), 10_000) is None:
                    raise BenchError(f"'{i} squared is' not shown 10 s after the keypress")
                # Let the rerun finish (and its run-end frame land) before the next press.
                page.wait_for_timeout(120)
            down: list[float] = page.evaluate("window.__keys.down")
            hit: list[float] = page.evaluate("window.__keys.hit")
            if debugger:
                client.request("disconnect")
                client.close()
        if len(down) != KEYPRESSES:
            raise BenchError(f"{len(down)} keydowns seen for {KEYPRESSES} presses")
        return [h - d for d, h in zip(down, hit, strict=True)]

    # 3. Run on save --------------------------------------------------------------------------

    def save(self, side: Side) -> list[float]:
        script = self.script(side, "save", "st.write('edit 000 done')\n")
        samples = []
        with Server(side, script, self.logs, run_on_save=True) as server, self.page() as page:
            server.wait_port(30)
            page.goto(server.url, timeout=30_000)
            page.get_by_text("edit 000 done").wait_for(timeout=30_000)
            page.evaluate(SAVE_PROBE)
            for i in range(1, WRITES + 1):
                text = f"edit {i:03d} done"
                page.evaluate("(w) => { window.__save.want = w; window.__save.hit = null; }", text)
                # Apart enough that no two saves fall in one watcher burst or one rerun.
                time.sleep(WRITE_GAP_S)
                start = time.time()
                script.write_text(side.script(f"st.write({text!r})\n"))
                hit = page.evaluate(wait_for("() => window.__save.hit"), 10_000)
                if hit is None:
                    raise BenchError(f"'{text}' not shown 10 s after the write: {server.tail()}")
                samples.append(hit - start * 1000)
        return samples

    # 4. A million-row DataFrame --------------------------------------------------------------

    def dataframe(self, side: Side) -> list[float]:
        script = self.script(side, "dataframe", DATAFRAME)
        samples = []
        with Server(side, script, self.logs, watch=False) as server:
            server.wait_port(30)
            for load in range(DATAFRAME_LOADS + 1):
                with self.settled_page() as page:
                    page.add_init_script(GRID_PROBE)
                    start = time.time()
                    page.goto(server.url, wait_until="commit", timeout=30_000)
                    hit = page.evaluate(wait_for("() => window.__gridHit"), 60_000)
                    if hit is None:
                        raise BenchError(f"no rows drawn within 60 s: {server.tail()}")
                if load == 0:
                    continue  # the first run also pays numpy/pandas imports in the server
                samples.append(hit - start * 1000)
        return samples

    def each(self, sides: list[Side], what: str, run: Callable[[Side], list[float]]) -> Results:
        results = {}
        for side in sides:
            try:
                samples = run(side)
                self.log(side, what, samples)
                results[side.name] = Result(samples)
            except Exception as exc:  # any failure is that side's n/a, not the bench's
                results[side.name] = Result([], _reason(exc))
        return results


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    if not isinstance(exc, BenchError):
        text = f"{type(exc).__name__}: {text}"
    return text[:300]


@dataclass
class Row:
    label: str
    results: Results
    target: str
    met: Callable[[float, float | None], bool]


def print_table(rows: list[Row]) -> None:
    notes: list[str] = []

    def cell(result: Result | None, side: str) -> str:
        if result is None:
            return "n/a"
        if result.median is None:
            notes.append(f"{side}: {result.error}")
            return f"n/a [{len(notes)}]"
        return f"{result.median:.1f}"

    print(
        f"{'measure (median, ms)':52} {'sidepane':>10} {'streamlit':>11} {'ratio':>7}  "
        f"{'target':24} met"
    )
    for row in rows:
        ours, theirs = row.results.get("sidepane"), row.results.get("streamlit")
        ours_s, theirs_s = cell(ours, "sidepane"), cell(theirs, "streamlit")
        sp = ours.median if ours else None
        st = theirs.median if theirs else None
        ratio = f"{st / sp:6.1f}x" if sp and st else f"{'-':>7}"
        met = "-" if sp is None else ("yes" if row.met(sp, st) else "NO")
        print(f"{row.label:52} {ours_s:>10} {theirs_s:>11} {ratio}  {row.target:24} {met}")
    for i, note in enumerate(notes, 1):
        print(f"  [{i}] {note}")


def _with_debugger(bench: Bench) -> Callable[[Side], list[float]]:
    return lambda side: bench.keypress(side, debugger=True)


def _within(value: float, baseline: Results, factor: float) -> bool:
    base = baseline.get("sidepane")
    return base is not None and base.median is not None and value <= factor * base.median


B = TypeVar("B", bound=Bench)


def run_benchmark(
    name: str, doc: str, bench_class: type[B], rows: Callable[[B, list[Side]], list[Row]]
) -> int:
    """A benchmark's command line: `-v`, the two sides (Streamlit n/a if it cannot be
    installed), one Chromium on loopback, then `rows` measured and printed as one table."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every sample")
    verbose = parser.parse_args().verbose
    sides = [Side("sidepane", sys.executable, "sidepane")]
    st_python = streamlit_python()
    if st_python is None:
        print("streamlit could not be installed: its column is n/a", file=sys.stderr)
    else:
        sides.append(Side("streamlit", str(st_python), "streamlit"))
    missing = chromium_missing()
    if missing:
        print(f"{missing}; skipping the {name} benchmark", file=sys.stderr)
        return 0
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"{name}-bench-") as folder, sync_playwright() as p:
        browser = launch_chromium(p, [LOOPBACK_ONLY])
        version = browser.version
        try:
            measured = rows(bench_class(browser, Path(folder), verbose), sides)
        finally:
            browser.close()
    print(f"\n{name} benchmark, Chromium {version}, {time.monotonic() - began:.0f} s")
    print_table(measured)
    return 0


def _rows(bench: Bench, sides: list[Side]) -> list[Row]:
    keypress = bench.each(sides, "keypress", bench.keypress)
    return [
        Row(
            'launch: Popen → "0 squared is 0" in the page',
            bench.launch(sides),
            "≤ 300 ms, ≥ 4x streamlit",
            lambda sp, st: st is not None and sp <= 300 and st >= 4 * sp,
        ),
        Row(
            "slider ArrowRight → new text in the DOM",
            keypress,
            "sidepane < 10 ms",
            lambda sp, _st: sp < 10,
        ),
        Row(
            "script written → new text in the DOM (run on save)",
            bench.each(sides, "save", bench.save),
            "sidepane < 20 ms",
            lambda sp, _st: sp < 20,
        ),
        Row(
            "slider ArrowRight → new text, debugger attached",
            bench.each(sides[:1], "keypress", _with_debugger(bench)),
            "< 2x without debugger",
            lambda sp, _st: _within(sp, keypress, 2.0),
        ),
        Row(
            "1,000,000 x 5 DataFrame: navigation → rows painted",
            bench.each(sides, "dataframe", bench.dataframe),
            "≥ 5x faster than streamlit",
            lambda sp, st: st is not None and st >= 5 * sp,
        ),
    ]


def main() -> int:
    return run_benchmark("browser", __doc__ or "", Bench, _rows)


if __name__ == "__main__":
    sys.exit(main())
