"""Where a launch's time goes: the seed app's launch (as browser_bench.py measures it) cut into
stages, Sidepane and Streamlit side by side.

    .venv/bin/python bench/launch_breakdown.py [-n 7] [--sidepane-only] [--baseline PYTHON]
        [--fresh-tab]

`--baseline PYTHON` adds a column "baseline": Sidepane run by another interpreter, e.g. a script
that execs .venv/bin/python with PYTHONPATH at an older checkout's python_server (its `static`
linked to this one's), to compare a change before and after in one run.

Part 1, the interpreter alone (wall time of a `python -c ...`, median): start-up, the command
line's imports, the web server's, and the whole `st.` API a script imports.

Part 2, one launch cut into stages, each the median over the launches of its time since Popen:
the port accepts a connection; the page's HTML, the bundle's files (JS/CSS) and the last of them
arrive (Resource Timing); the viewer opens its WebSocket and sends its first message (an init
script wraps `WebSocket`); the first message from the server arrives; "0 squared is 0" is in the
page. The launch row is browser_bench.py's measure: each launch in a new tab the browser has
settled (`--fresh-tab`: at once, as before 2026-12-05, when Chromium's own start of the tab ran
during the launch and took ~90 ms from it on 2 cores).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from browser_bench import LOOPBACK_ONLY, SEED, Bench  # noqa: E402
from browser_probes import _NOW, text_appears, wait_for  # noqa: E402
from browser_servers import Server, Side, run_env  # noqa: E402
from results import BenchError  # noqa: E402
from streamlit_env import streamlit_python  # noqa: E402

sys.path.insert(0, str(HERE.parent / "tests" / "e2e"))
from chromium import chromium_missing, launch_chromium  # noqa: E402

# Init script: the first WebSocket's creation, open, first send and first message, as wall-clock
# times (see browser_probes.py).
WS_PROBE = f"""(() => {{
  {_NOW}
  const t = (window.__ws = {{ created: null, open: null, sent: null, received: null }});
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {{
    constructor(...args) {{
      super(...args);
      if (t.created !== null) return;
      t.created = now();
      this.addEventListener('open', () => {{ t.open ??= now(); }});
      this.addEventListener('message', () => {{ t.received ??= now(); }});
    }}
    send(data) {{
      t.sent ??= now();
      return super.send(data);
    }}
  }};
}})();"""

# Evaluated once the text is in: the page's resource timings as wall-clock times.
RESOURCES = """() => {
  const origin = performance.timeOrigin;
  const nav = performance.getEntriesByType('navigation')[0];
  const files = performance.getEntriesByType('resource')
    .filter((e) => /\\.(js|css)(\\?|$)/.test(e.name))
    .map((e) => ({ name: e.name, end: origin + e.responseEnd }));
  return { html: origin + nav.responseEnd, files };
}"""

# (what, Sidepane's code, Streamlit's code): each a `python -c` of its own.
IMPORTS = [
    ("interpreter start (python -c pass)", "pass", "pass"),
    ("import the command line", "import sidepane.cli", "import streamlit.web.cli"),
    (
        "import the web server",
        "import sidepane.servers.web.server",
        "import streamlit.web.server",
    ),
    (
        "import the whole st. API (import x; x.write)",
        "import sidepane; sidepane.write",
        "import streamlit; streamlit.write",
    ),
]

STAGES = [
    ("port accepts a connection", "port"),
    ("page's HTML received", "html"),
    ("first JS/CSS file received", "first_file"),
    ("WebSocket created by the viewer", "created"),
    ("WebSocket open", "open"),
    ("viewer's first message sent", "sent"),
    ("last JS/CSS file received", "last_file"),
    ("server's first message received", "received"),
    ('launch: "0 squared is 0" in the page', "hit"),
]


def wall_ms(python: str, code: str, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([python, "-c", code], check=True, capture_output=True, env=run_env())
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def launch_stages(bench: Bench, page: Page, side: Side) -> dict[str, float]:
    """One launch of the seed app: each stage's time since Popen, in ms."""
    script = bench.script(side, "launch", SEED)
    page.add_init_script(text_appears("0 squared is 0"))
    page.add_init_script(WS_PROBE)
    start = time.time()
    with Server(side, script, bench.logs) as server:
        server.wait_port(30)
        port = time.time()
        page.goto(server.url, wait_until="commit", timeout=30_000)
        hit: float | None = page.evaluate(wait_for("() => window.__textHit"), 30_000)
        if hit is None:
            raise BenchError(f"seed text never appeared within 30 s: {server.tail()}")
        ws: dict[str, float | None] = page.evaluate("window.__ws")
        resources = page.evaluate(RESOURCES)
    ends = sorted(f["end"] for f in resources["files"] if f["end"] <= hit)
    times: dict[str, float | None] = {
        "port": port * 1000,
        "html": resources["html"],
        "first_file": ends[0] if ends else None,
        "last_file": ends[-1] if ends else None,
        **ws,
        "hit": hit,
    }
    return {k: v - start * 1000 for k, v in times.items() if v is not None}


def breakdown(sides: list[Side], bench: Bench, launches: int) -> dict[str, dict[str, float]]:
    """Each side's stages (median); sides alternate launch by launch, so noise falls on all."""
    samples: dict[str, dict[str, list[float]]] = {side.name: {} for side in sides}
    for _ in range(launches):
        for side in sides:
            with bench.settled_page() as page:
                for key, value in launch_stages(bench, page, side).items():
                    samples[side.name].setdefault(key, []).append(value)
    return {
        name: {key: statistics.median(values) for key, values in stages.items()}
        for name, stages in samples.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("-n", type=int, default=7, help="launches (and python -c runs) per side")
    parser.add_argument("--sidepane-only", action="store_true", help="leave Streamlit out")
    parser.add_argument("--baseline", metavar="PYTHON", help="another Sidepane to compare with")
    parser.add_argument(
        "--fresh-tab",
        action="store_true",
        help="launch as soon as the tab is made, while Chromium still starts its own renderers",
    )
    args = parser.parse_args()
    sides = [Side("sidepane", sys.executable, "sidepane")]
    if args.baseline:
        sides.append(Side("baseline", args.baseline, "sidepane"))
    st_python = None if args.sidepane_only else streamlit_python()
    if st_python is not None:
        sides.append(Side("streamlit", str(st_python), "streamlit"))
    missing = chromium_missing()
    if missing:
        print(missing, file=sys.stderr)
        return 1

    print(f"{'interpreter alone (median of ' + str(args.n) + ', ms)':52} ", end="")
    print(" ".join(f"{side.name:>10}" for side in sides))
    for label, ours, theirs in IMPORTS:
        cells = [
            wall_ms(side.python, theirs if side.module == "streamlit" else ours, args.n)
            for side in sides
        ]
        print(f"{label:52} " + " ".join(f"{c:10.1f}" for c in cells))

    with tempfile.TemporaryDirectory(prefix="launch-breakdown-") as folder, sync_playwright() as p:
        browser = launch_chromium(p, [LOOPBACK_ONLY])
        try:
            bench = Bench(browser, Path(folder), verbose=False)
            if args.fresh_tab:
                bench.tab_settle_s = 0.0
            results = breakdown(sides, bench, args.n)
        finally:
            browser.close()
    print(f"\n{'launch stages (ms since Popen, median of ' + str(args.n) + ')':52} ", end="")
    print(" ".join(f"{side.name:>10}" for side in sides))
    for label, key in STAGES:
        cells: list[float | None] = [results[side.name].get(key) for side in sides]
        shown = " ".join(f"{'-' if c is None else f'{c:.1f}':>10}" for c in cells)
        print(f"{label:52} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
