"""Plotly benchmark: an app with one Plotly chart, Sidepane and Streamlit side by side.

    .venv/bin/python bench/plotly_bench.py [-v]

Measured as browser_bench.py measures launch: from Popen of each side's `run` command (browser
already open) to the first animation frame in which the chart's data is drawn — plotly.js's
`svg.main-svg` holding a data trace's markers — the same signal on both sides (both draw with
plotly.js into the page). Sides alternate launch by launch (median of 5). Sidepane loads plotly.js
only for a chart like this one (the basic bundle, named by the page since the script imports
plotly), so the row also shows what that costs. bench/plotly_breakdown.py cuts Sidepane's time
into stages.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from browser_bench import Bench, Launch, Row, run_benchmark  # noqa: E402
from browser_probes import _NOW  # noqa: E402
from browser_servers import Side  # noqa: E402

CHART = """
import plotly.graph_objects as go
xs = list(range(300))
fig = go.Figure(go.Scatter(x=xs, y=[(x * 37) % 101 for x in xs], mode="markers"))
st.plotly_chart(fig)
"""


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


CHART_LAUNCH = Launch(
    "plotly", CHART, CHART_PROBE, "() => window.__chartHit", "the chart", timeout_s=60
)


def _rows(bench: Bench, sides: list[Side]) -> list[Row]:
    return [
        Row(
            "one plotly chart: Popen → chart painted",
            bench.launch(sides, CHART_LAUNCH),
            "≥ 3x faster than streamlit",
            lambda sp, st: st is not None and st >= 3 * sp,
        )
    ]


def main() -> int:
    return run_benchmark("plotly", __doc__ or "", Bench, _rows)


if __name__ == "__main__":
    sys.exit(main())
