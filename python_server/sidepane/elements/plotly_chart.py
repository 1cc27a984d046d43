"""`st.plotly_chart`: a Plotly figure drawn by plotly.js in the viewer, optionally a widget
whose value is the selection made on it (docs/protocol.md, "Plotly charts")."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal, overload

from sidepane.elements.arguments import value_error
from sidepane.elements.chart_selection import ChartSelectionMixin, on_select_callback
from sidepane.elements.deprecation import CHART_WIDTH_HINT, warn_use_container_width
from sidepane.elements.dg_core import compute_widget_id, to_key
from sidepane.elements.layout import _check_size
from sidepane.elements.plotly_state import (
    PlotlyState,
    empty_event,
    event_from_wire,
    event_to_wire,
    selection_modes,
)
from sidepane.elements.plotly_theme import watch_imports, with_streamlit_template
from sidepane.protocol.schema.elements.plotly import PlotlyChartProps
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import get_run_context

if TYPE_CHECKING:
    from typing_extensions import Self

watch_imports()

# plotly.js's own size for a figure that sets none (as Streamlit resolves "content").
_DEFAULT_WIDTH = 700
_DEFAULT_HEIGHT = 450


def _figure_json(figure_or_data: Any) -> dict[str, Any]:
    """The figure as plotly JSON (a dict), validated by plotly as Streamlit validates it."""
    import plotly.tools

    if type(figure_or_data).__module__.startswith("matplotlib.") and hasattr(
        figure_or_data, "savefig"
    ):
        figure_or_data = plotly.tools.mpl_to_plotly(figure_or_data)
    figure: dict[str, Any] = plotly.tools.return_figure_from_figure_or_data(
        figure_or_data, validate_figure=True
    )
    return figure


def _layout_size(figure: dict[str, Any], name: str) -> int | None:
    layout = figure.get("layout")
    size = layout.get(name) if isinstance(layout, dict) else None
    if isinstance(size, (int, float)) and not isinstance(size, bool) and size > 0:
        return int(size)
    return None


class PlotlyMixin(ChartSelectionMixin):
    @overload
    def plotly_chart(
        self,
        figure_or_data: Any,
        use_container_width: bool | None = None,
        *,
        width: int | Literal["stretch", "content"] = "stretch",
        height: int | Literal["stretch", "content"] = "content",
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Literal["ignore"] = "ignore",
        selection_mode: str | Iterable[str] = ("points", "box", "lasso"),
        config: dict[str, Any] | None = None,
        alt: str | None = None,
    ) -> Self: ...

    @overload
    def plotly_chart(
        self,
        figure_or_data: Any,
        use_container_width: bool | None = None,
        *,
        width: int | Literal["stretch", "content"] = "stretch",
        height: int | Literal["stretch", "content"] = "content",
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Literal["rerun"] | Callable[..., Any],
        selection_mode: str | Iterable[str] = ("points", "box", "lasso"),
        config: dict[str, Any] | None = None,
        alt: str | None = None,
    ) -> PlotlyState: ...

    def plotly_chart(
        self,
        figure_or_data: Any,
        use_container_width: bool | None = None,
        *,
        width: int | Literal["stretch", "content"] = "stretch",
        height: int | Literal["stretch", "content"] = "content",
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Literal["rerun", "ignore"] | Callable[..., Any] = "ignore",
        selection_mode: str | Iterable[str] = ("points", "box", "lasso"),
        config: dict[str, Any] | None = None,
        alt: str | None = None,
    ) -> Self | PlotlyState:
        """Display an interactive Plotly chart.

        Pass a Plotly `Figure` (from `plotly.graph_objects` or `plotly.express`), a figure as a
        dict (`{"data": [...], "layout": {...}}`), a list of traces, or a Matplotlib figure
        (converted by Plotly). Requires `plotly` to be installed.

        Parameters
        ----------
        figure_or_data : plotly Figure, dict, list of traces or matplotlib Figure
            The chart to draw.
        use_container_width : bool or None
            Deprecated: use `width="stretch"` (True) or `width="content"` (False).
        width : "stretch", "content" or int
            "stretch" (default): the container's width; "content": the figure's
            `layout.width` (or 700 pixels), at most the container's; an int: pixels.
        height : "content", "stretch" or int
            "content" (default): the figure's `layout.height` (or 450 pixels); "stretch":
            fill the parent's height; an int: pixels.
        theme : "streamlit" or None
            "streamlit" (default): the app's fonts and colours (light, dark, VS Code's or
            `[theme]`'s `chartCategoricalColors` …); None: Plotly's own look.
        key : str, int or None
            With selections on, the key under which `st.session_state` holds the selection.
        on_select : "ignore", "rerun" or callable
            "ignore" (default): the chart is not a widget. "rerun" or a callback: selecting
            points (click), a box or a lasso reruns the app (calling the callback first), and
            `st.plotly_chart` returns a `PlotlyState`.
        selection_mode : "points", "box", "lasso" or an iterable of these
            How people may select; all three by default.
        config : dict or None
            plotly.js configuration options (`displayModeBar`, `scrollZoom` …).
        alt : str or None
            A description of the chart for screen readers.

        Returns
        -------
        element or PlotlyState
            The chart's placeholder, or with `on_select` the selection:
            `event.selection.points`, `.point_indices`, `.box` and `.lasso`.

        Example
        -------
        >>> import plotly.express as px
        >>> import streamlit as st
        >>> df = px.data.iris()
        >>> event = st.plotly_chart(
        ...     px.scatter(df, x="sepal_width", y="sepal_length"), on_select="rerun"
        ... )
        >>> st.write(event.selection.point_indices)
        """
        if use_container_width is not None:
            warn_use_container_width(CHART_WIDTH_HINT)
            if use_container_width:
                width = "stretch"
            elif not isinstance(width, int):
                width = "content"
        _check_size("width", width, allow_content=True)
        _check_size("height", height, allow_content=True)
        if theme not in ("streamlit", None):
            raise value_error("theme", ["'streamlit'", "None"])
        callback, selecting = on_select_callback(on_select)

        figure = with_streamlit_template(_figure_json(figure_or_data))
        import plotly.io

        spec = plotly.io.to_json(figure, validate=False)
        props: PlotlyChartProps = {
            "spec": spec,
            "height": (
                (_layout_size(figure, "height") or _DEFAULT_HEIGHT)
                if height == "content"
                else height
            ),
        }
        if width == "content":
            props["width"] = _layout_size(figure, "width") or _DEFAULT_WIDTH
        elif isinstance(width, int):
            props["width"] = width
        if config:
            # Through JSON, as Streamlit sends it: numpy values and the like become plain.
            props["config"] = json.loads(json.dumps(config, default=str))
        if theme is None:
            props["theme"] = False
        if alt is not None and alt.strip():
            props["alt"] = alt.strip()
        modes = selection_modes(selection_mode) if selecting else []
        identity = {
            "plotly_spec": spec,
            "plotly_config": json.dumps(config or {}),
            "selection_mode": tuple(modes),
            "is_selection_activated": selecting,
            "theme": theme,
            "width": width,
            "height": height,
            "alt": props.get("alt"),
        }
        if not selecting:
            self._claim_id(identity, key)
            if to_key(key) is not None:
                props["key"] = str(to_key(key))
            return self._enqueue("plotly_chart", as_props(props))

        props["selection_mode"] = modes
        state: PlotlyState = self._chart_selection(
            "plotly_chart",
            key=key,
            # As Streamlit: with a key, the chart's parameters still make its id.
            identity=identity,
            key_identity=frozenset(identity),
            props=as_props(props),
            default=event_from_wire(empty_event(), modes),
            deserialize=lambda wire: event_from_wire(wire, modes),
            serialize=event_to_wire,
            on_select=callback,
        )
        return state

    def _claim_id(self, identity: dict[str, object], key: str | int | None) -> None:
        """As Streamlit 1.67, every Plotly chart has an id made of its parameters (and key):
        two identical charts, or two with one key, are an error even when not selecting."""
        ctx = get_run_context()
        if ctx is None:
            return
        user_key = to_key(key)
        chart_id = compute_widget_id(
            "plotly_chart",
            user_key=user_key,
            identity=identity,
            key_identity=frozenset(identity),
            form_id=self._current_form_id(),
            root=str(self._path[0]),
        )
        ctx.register_widget_id(chart_id, "plotly_chart", user_key)
