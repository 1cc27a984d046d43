"""The `streamlit` Plotly template: Streamlit's chart colours as placeholders.

The runtime cannot know the viewer's colours (light, dark, VS Code's, `[theme]`), so the template
holds placeholder colours `#0000NN` — the same ones Streamlit 1.67 uses — that the viewer replaces
(webview/src/data/plotlyTheme.ts): with the app's palette for `theme="streamlit"`, with plotly's
own colours for `theme=None`. As in Streamlit it is plotly's default template, made so as soon as
a script imports plotly (Streamlit does it when it is imported itself, which would cost every app
plotly's import): Plotly Express reads the default template's colours when it builds a figure,
so it must be in place before the first figure. A figure made with plotly's stock default anyway
(plotly imported before Sidepane) gets it when drawn.
"""

from __future__ import annotations

import copy
import importlib.abc
import logging
import sys
import threading
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any, Final

log = logging.getLogger(__name__)


def _placeholder(n: int) -> str:
    return f"#{n:06d}"


CATEGORICAL: Final = [_placeholder(n) for n in range(1, 11)]
SEQUENTIAL: Final = [_placeholder(n) for n in range(11, 21)]
DIVERGING: Final = [_placeholder(n) for n in range(21, 31)]
INCREASING, DECREASING, TOTAL = _placeholder(32), _placeholder(33), _placeholder(34)
GRAY_70, GRAY_90, BG_COLOR = _placeholder(36), _placeholder(37), _placeholder(38)
FADED_TEXT_05, BG_MIX = _placeholder(39), _placeholder(40)


def _scale(colors: list[str]) -> list[list[Any]]:
    return [[i / (len(colors) - 1), c] for i, c in enumerate(colors)]


def template_dict() -> dict[str, Any]:
    """The template as plotly JSON (`data` defaults per trace type, `layout` defaults)."""
    sequential = _scale(SEQUENTIAL)
    scaled = [{"colorscale": sequential}]
    return {
        "data": {
            "candlestick": [
                {
                    "decreasing": {"line": {"color": DECREASING}},
                    "increasing": {"line": {"color": INCREASING}},
                }
            ],
            "contour": scaled,
            "contourcarpet": scaled,
            "heatmap": scaled,
            "histogram2d": scaled,
            "icicle": [{"textfont": {"color": "white"}}],
            "sankey": [{"textfont": {"color": GRAY_70}}],
            "scatter": [{"marker": {"line": {"width": 0}}}],
            "table": [
                {
                    "cells": {
                        "fill": {"color": BG_COLOR},
                        "font": {"color": GRAY_90},
                        "line": {"color": FADED_TEXT_05},
                    },
                    "header": {
                        "font": {"color": GRAY_70},
                        "line": {"color": FADED_TEXT_05},
                        "fill": {"color": BG_MIX},
                    },
                }
            ],
            "waterfall": [
                {
                    "increasing": {"marker": {"color": INCREASING}},
                    "decreasing": {"marker": {"color": DECREASING}},
                    "totals": {"marker": {"color": TOTAL}},
                    "connector": {"line": {"color": GRAY_70, "width": 2}},
                }
            ],
        },
        "layout": {
            "colorway": CATEGORICAL,
            "colorscale": {
                "sequential": sequential,
                "sequentialminus": sequential,
                "diverging": _scale(DIVERGING),
            },
            "coloraxis": {"colorscale": sequential},
        },
    }


_lock = threading.Lock()
# The templates as JSON, once installed: ours, and plotly's stock one (read only when a figure
# has a template other than ours: loading it costs a script's first import of plotly ~25 ms).
_ours: dict[str, Any] | None = None
_stock: dict[str, Any] | None = None


def install() -> dict[str, Any]:
    """Register the template as `pio.templates["streamlit"]` and make it the default when the
    default is still plotly's stock one; return the template as JSON."""
    global _ours
    with _lock:
        if _ours is None:
            import plotly.graph_objects as go
            import plotly.io as pio

            template = go.layout.Template(template_dict())
            pio.templates["streamlit"] = template
            if pio.templates.default == "plotly":
                pio.templates.default = "streamlit"
            _ours = template.to_plotly_json()
        return _ours


def _stock_template() -> dict[str, Any]:
    global _stock
    with _lock:
        if _stock is None:
            import plotly.io as pio

            _stock = pio.templates["plotly"].to_plotly_json()
        return _stock


def with_streamlit_template(figure: dict[str, Any]) -> dict[str, Any]:
    """`figure` (plotly JSON) with the `streamlit` template in place of plotly's stock one
    (a figure made before the first `st.plotly_chart`); any other template is kept."""
    ours = install()
    layout = figure.get("layout")
    if not isinstance(layout, dict):
        return figure
    template = layout.get("template")
    if template is None or template == ours or template != _stock_template():
        return figure
    return {**figure, "layout": {**layout, "template": copy.deepcopy(ours)}}


class _InstallAfter(importlib.abc.Loader):
    """plotly's own loader, then `install()`, once the package has run."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        # plotly reads its package data through its loader: give it back its own.
        if module.__spec__ is not None:
            module.__spec__.loader = self.loader
        module.__loader__ = self.loader
        self.loader.exec_module(module)
        try:
            install()
        except Exception:  # the script's import of plotly must not fail because of the theme
            log.warning("could not install the streamlit Plotly template", exc_info=True)


class _PlotlyImportHook(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != "plotly":
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec: ModuleSpec | None = finder.find_spec(fullname, path, target)
            if spec is None:
                continue
            if isinstance(spec.loader, importlib.abc.Loader) and hasattr(
                spec.loader, "exec_module"
            ):
                spec.loader = _InstallAfter(spec.loader)
            return spec
        return None


def watch_imports() -> None:
    """Install the template when plotly is imported (now, if it already is)."""
    with _lock:
        if _ours is not None or any(isinstance(f, _PlotlyImportHook) for f in sys.meta_path):
            return
        if "plotly" not in sys.modules:
            sys.meta_path.insert(0, _PlotlyImportHook())
            return
    install()
