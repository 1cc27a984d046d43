"""A Plotly chart in the VS Code panel: plotly.js (static/plotly-cartesian.min.js for a scatter,
static/plotly.min.js for other traces: classic scripts loaded by address) is copied into the
extension's webview folder and allowed by the panel's CSP."""

from __future__ import annotations

import pytest
from vscode_harness import PREVIEW, OpenWorkbench

pytestmark = pytest.mark.timeout(150, func_only=True)

APP = """
import plotly.graph_objects as go
import streamlit as st
st.write("plotly ready")
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2], mode="markers")))
"""


def test_the_chart_is_painted_in_the_panel(open_workbench: OpenWorkbench) -> None:
    pytest.importorskip("plotly")
    bench = open_workbench({"app.py": APP})
    bench.command(PREVIEW)
    frame = bench.wait_panel_text("plotly ready", 30)
    points = frame.locator(".sp-plotly .scatterlayer .point")
    bench.wait("plotly.js to paint the chart", lambda: points.count() == 3 or None, 30)
    loaded = frame.evaluate("performance.getEntriesByType('resource').map((e) => e.name)")
    assert any(name.endswith("/plotly-basic.min.js") for name in loaded)
    bench.screenshot("plotly_panel")
    assert bench.panel_errors() == []
