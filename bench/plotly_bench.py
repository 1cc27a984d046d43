"""Plotly benchmark: an app with one Plotly chart, Sidepane and Streamlit side by side.

    .venv/bin/python bench/plotly_bench.py [-v]

Measured as browser_bench.py measures launch: from Popen of each side's `run` command (browser
already open) to the first animation frame in which the chart's data is drawn — plotly.js's
`svg.main-svg` holding a data trace's markers — the same signal on both sides (both draw with
plotly.js into the page). Sides alternate launch by launch (median of 5). Sidepane loads plotly.js
only for a chart like this one (its own chunk), so the row also shows what that chunk costs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from browser_bench import Bench, Row, _reason, run_benchmark  # noqa: E402
from browser_probes import _NOW, wait_for  # noqa: E402
from browser_servers import Server, Side  # noqa: E402
from results import BenchError, Result  # noqa: E402

CHART = """
import plotly.graph_objects as go
xs = list(range(300))
fig = go.Figure(go.Scatter(x=xs, y=[(x * 37) % 101 for x in xs], mode="markers"))
st.plotly_chart(fig)
"""

LAUNCHES = 5

# Init script: `window.__chartHit` = the first animation frame in which a data trace's markers
# are in plotly's SVG (checked before that frame's paint).
CHART_PROBE = f"""(() => {{
  {_NOW}
  window.__chartHit = null;
  const tick = () => {{
    if (document.querySelector('svg.main-svg .scatterlayer .trace .point')) {{
      window.__chartHit = now();
      return;
    }}
    requestAnimationFrame(tick);
  }};
  requestAnimationFrame(tick);
}})();"""


class PlotlyBench(Bench):
    def chart_once(self, side: Side) -> float:
        script = self.script(side, "plotly", CHART)
        with self.page() as page:
            page.add_init_script(CHART_PROBE)
            start = time.time()
            with Server(side, script, self.logs) as server:
                server.wait_port(60)
                page.goto(server.url, wait_until="commit", timeout=60_000)
                hit: float | None = page.evaluate(wait_for("() => window.__chartHit"), 60_000)
                if hit is None:
                    raise BenchError(f"the chart was not drawn within 60 s: {server.tail()}")
        return hit - start * 1000

    def chart(self, sides: list[Side]) -> dict[str, Result]:
        results = {side.name: Result([]) for side in sides}
        for _ in range(LAUNCHES):
            for side in sides:
                result = results[side.name]
                if result.error:
                    continue
                try:
                    result.samples.append(self.chart_once(side))
                except Exception as exc:  # any failure is that side's n/a, not the bench's
                    result.error = _reason(exc)
        for side in sides:
            self.log(side, "plotly chart", results[side.name].samples)
        return results


def _rows(bench: PlotlyBench, sides: list[Side]) -> list[Row]:
    return [
        Row(
            "one plotly chart: Popen → chart painted",
            bench.chart(sides),
            "≥ 3x faster than streamlit",
            lambda sp, st: st is not None and st >= 3 * sp,
        )
    ]


def main() -> int:
    return run_benchmark("plotly", __doc__ or "", PlotlyBench, _rows)


if __name__ == "__main__":
    sys.exit(main())
