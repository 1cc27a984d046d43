"""Which plotly.js bundle an app's script will want, read from its text before it runs, so the
page can name it and the viewer evaluate it while the script runs (issue 18: a chart's first
paint). The viewer still picks the bundle from each figure's trace types
(webview/src/data/plotlyLoader.ts): a wrong guess costs time, never a chart."""

from __future__ import annotations

import re
from typing import Final

BASIC_SCRIPT: Final = "plotly-basic.min.js"
CARTESIAN_SCRIPT: Final = "plotly-cartesian.min.js"
FULL_SCRIPT: Final = "plotly.min.js"

# Graph objects and Plotly Express functions that draw only traces the basic bundle draws
# (scatter, bar, pie). tests/python/test_web_library_hints.py checks each against the figure
# plotly builds.
BASIC_CALLS: Final = frozenset(
    {"Scatter", "Bar", "Pie", "scatter", "line", "area", "bar", "pie", "timeline", "ecdf"}
)
# Graph objects that draw nothing themselves.
NOT_TRACES: Final = frozenset({"Figure", "FigureWidget", "Layout", "Frame"})

# The trace types only the full bundle draws: its `Plotly.PlotSchema.get().traces` less the
# cartesian bundle's (tests/e2e/test_plotly.py checks this against both bundles).
FULL_ONLY_TRACES: Final = frozenset(
    {
        "barpolar",
        "candlestick",
        "carpet",
        "choropleth",
        "choroplethmap",
        "cone",
        "contourcarpet",
        "densitymap",
        "funnel",
        "funnelarea",
        "icicle",
        "indicator",
        "isosurface",
        "mesh3d",
        "ohlc",
        "parcats",
        "parcoords",
        "quiver",
        "sankey",
        "scatter3d",
        "scattercarpet",
        "scattergeo",
        "scattergl",
        "scattermap",
        "scatterpolar",
        "scatterpolargl",
        "scattersmith",
        "splom",
        "streamtube",
        "sunburst",
        "surface",
        "table",
        "treemap",
        "volume",
        "waterfall",
    }
)
# Plotly Express functions drawing one of those under another name (`px.scatter_3d` is
# `scatter3d` without its underscore; these are not). tests/python/test_web_library_hints.py
# checks each against the figure Plotly Express builds.
PX_FULL_ONLY: Final = frozenset(
    {
        "line_3d",
        "line_geo",
        "line_map",
        "line_polar",
        "parallel_categories",
        "parallel_coordinates",
        "scatter_matrix",
    }
)

_IMPORTS_PLOTLY = re.compile(rb"^[ \t]*(?:import|from)[ \t]+plotly\b", re.MULTILINE)
# `go.Sankey(`, `px.scatter_geo(`, `plotly.graph_objects.Table(` …
_CALL = re.compile(rb"\b(?:go|px|graph_objects|express)\.(\w+)\s*\(")
# Plotly Express draws with WebGL (scattergl) when asked to.
_WEBGL = re.compile(rb"""render_mode\s*=\s*["']webgl""")
# …and adds a histogram, box, violin or rug beside a scatter when asked to.
_MARGINAL = re.compile(rb"\bmarginal(?:_x|_y)?\s*=")


def plotly_script(source: bytes) -> str | None:
    """The plotly.js script (under static/) a script with this text will want: none unless it
    imports plotly; the full bundle when it calls a graph object or Plotly Express function
    drawing a trace only that one draws; the basic one when every such call draws what it draws;
    else (other traces, or figures made some other way) the cartesian one."""
    if not _IMPORTS_PLOTLY.search(source):
        return None
    traces = set()
    for match in _CALL.finditer(source):
        name = match.group(1).decode("ascii", "replace")
        if name in PX_FULL_ONLY or name.lower().replace("_", "") in FULL_ONLY_TRACES:
            return FULL_SCRIPT
        if name not in NOT_TRACES:
            traces.add(name)
    if _WEBGL.search(source):
        return FULL_SCRIPT
    if traces and traces <= BASIC_CALLS and not _MARGINAL.search(source):
        return BASIC_SCRIPT
    return CARTESIAN_SCRIPT
