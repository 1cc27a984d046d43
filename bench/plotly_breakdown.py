"""Where the plotly benchmark's time goes on Sidepane's side: plotly_bench.py's launch (Popen →
chart painted) cut into stages, each the median over the launches of its time since Popen.

    .venv/bin/python bench/plotly_breakdown.py [-n 5]

Stages, from inside the page (init scripts; wall-clock times, see browser_probes.py): the port
accepts a connection; the page's HTML arrives; the WebSocket opens; the plotly.js script is put
in the page and has run (`window.Plotly` set); the chart's frame reaches the viewer's code (the
first message over 1 KB); `Plotly.react` starts and ends; the chart is painted. plotly.js runs
on the page's one thread: a frame that arrives while it evaluates waits for it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from browser_bench import LOOPBACK_ONLY, Bench  # noqa: E402
from browser_probes import _NOW, wait_for  # noqa: E402
from browser_servers import Server, Side  # noqa: E402
from plotly_bench import CHART, CHART_PROBE  # noqa: E402

sys.path.insert(0, str(HERE.parent / "tests" / "e2e"))
from chromium import chromium_missing, launch_chromium  # noqa: E402

# Init script: `window.__stages`, each stage's first time.
STAGE_PROBE = f"""(() => {{
  {_NOW}
  const t = (window.__stages = {{}});
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {{
    constructor(...args) {{
      super(...args);
      this.addEventListener('open', () => {{ t.open ??= now(); }});
      this.addEventListener('message', (e) => {{
        if ((e.data.size ?? e.data.byteLength ?? 0) > 1024) t.frame ??= now();
      }});
    }}
  }};
  new MutationObserver(() => {{
    if (document.querySelector('script[src*="plotly"]')) t.inserted ??= now();
  }}).observe(document, {{ subtree: true, childList: true }});
  let plotly;
  Object.defineProperty(window, 'Plotly', {{
    configurable: true,
    get: () => plotly,
    set: (value) => {{
      plotly = value;
      t.evaluated ??= now();
      const react = value.react;
      value.react = function (...args) {{
        t.reactStart ??= now();
        const drawn = react.apply(this, args);
        Promise.resolve(drawn).then(() => {{ t.reactEnd ??= now(); }});
        return drawn;
      }};
    }},
  }});
}})();"""

HTML = "() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].responseEnd"

STAGES = [
    ("port accepts a connection", "port"),
    ("page's HTML received", "html"),
    ("WebSocket open (hello sent)", "open"),
    ("plotly.js script put in the page", "inserted"),
    ("plotly.js evaluated (window.Plotly set)", "evaluated"),
    ("chart's frame handled by the viewer", "frame"),
    ("Plotly.react starts", "reactStart"),
    ("Plotly.react ends", "reactEnd"),
    ("chart painted (plotly_bench's measure)", "hit"),
]


def launch_stages(bench: Bench, side: Side) -> dict[str, float]:
    """One launch of plotly_bench's chart: each stage's time since Popen, in ms."""
    script = bench.script(side, "plotly", CHART)
    with bench.settled_page() as page:
        page.add_init_script(CHART_PROBE)
        page.add_init_script(STAGE_PROBE)
        start = time.time() * 1000
        with Server(side, script, bench.logs) as server:
            server.wait_port(60)
            times = {"port": time.time() * 1000}
            page.goto(server.url, wait_until="commit", timeout=60_000)
            times["hit"] = page.evaluate(wait_for("() => window.__chartHit"), 60_000)
            times["html"] = page.evaluate(HTML)
            times.update(page.evaluate("() => window.__stages"))
    return {name: value - start for name, value in times.items() if value is not None}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("-n", type=int, default=5, help="launches (default 5)")
    launches = parser.parse_args().n
    missing = chromium_missing()
    if missing:
        print(f"{missing}; skipping", file=sys.stderr)
        return 0
    side = Side("sidepane", sys.executable, "sidepane")
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="plotly-breakdown-") as folder, sync_playwright() as p:
        browser = launch_chromium(p, [LOOPBACK_ONLY])
        try:
            bench = Bench(browser, Path(folder), verbose=False)
            runs = [launch_stages(bench, side) for _ in range(launches)]
        finally:
            browser.close()
    print(f"plotly chart launch, Sidepane, median of {launches} (ms since Popen)")
    for label, key in STAGES:
        samples = [run[key] for run in runs if key in run]
        shown = f"{statistics.median(samples):8.0f}" if samples else "     n/a"
        print(f"  {label:44} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
