"""`st.echarts_chart`: an Apache ECharts option drawn by echarts in the viewer (its own chunk,
loaded on the first chart), optionally a widget whose value is the selection made on it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal, cast, overload

from sidepane.column_config.state import ReadOnlyAttributeDict
from sidepane.elements import echarts_spec
from sidepane.elements.arguments import normalize_alt, resolve_callback, value_error
from sidepane.elements.dg_core import DeltaGeneratorCore, compute_widget_id, to_key
from sidepane.elements.layout import _check_size
from sidepane.errors import InvalidWidgetValue
from sidepane.protocol.schema.elements.documents import (
    EChartsArea,
    EChartsChartProps,
    EChartsEvent,
    EChartsSelectedGroup,
)
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import get_run_context

if TYPE_CHECKING:
    from typing_extensions import Self

log = logging.getLogger(__name__)


class EChartsSelectionState(ReadOnlyAttributeDict):
    """What is selected in a `st.echarts_chart`: `.selected`, one group per series and data
    type (`series_index`, `series_id`, `series_name`, `data_type`, sorted `data_indices`),
    and `.areas`, the brush regions (`brush_index`, `brush_type`, `coord_range`)."""

    selected: list[dict[str, Any]]
    areas: list[dict[str, Any]]


class EChartsState(ReadOnlyAttributeDict):
    """What `st.echarts_chart(..., on_select=...)` returns (and `st.session_state[key]` holds):
    `.selection`, an `EChartsSelectionState`."""

    selection: EChartsSelectionState

    def __getitem__(self, key: Any) -> Any:
        item = dict.__getitem__(self, key)
        if key == "selection" and isinstance(item, dict):
            return EChartsSelectionState(item)
        return super().__getitem__(key)


def _empty() -> EChartsEvent:
    return {"selection": {"selected": [], "areas": []}}


def _from_wire(value: object) -> EChartsState:
    selection = value.get("selection") if isinstance(value, Mapping) else None
    if not isinstance(selection, Mapping):
        raise InvalidWidgetValue("echarts selection: expected {selection: {...}}")
    selected = selection.get("selected", [])
    areas = selection.get("areas", [])
    if not (isinstance(selected, list) and all(isinstance(g, Mapping) for g in selected)):
        raise InvalidWidgetValue("echarts selection: `selected` must be a list of objects")
    if not (isinstance(areas, list) and all(isinstance(a, Mapping) for a in areas)):
        raise InvalidWidgetValue("echarts selection: `areas` must be a list of objects")
    return EChartsState(
        {
            "selection": EChartsSelectionState(
                {"selected": [dict(g) for g in selected], "areas": [dict(a) for a in areas]}
            )
        }
    )


def _to_wire(state: Mapping[str, Any]) -> EChartsEvent:
    selection = state["selection"]
    return {
        "selection": {
            "selected": cast(
                "list[EChartsSelectedGroup]", [dict(g) for g in selection["selected"]]
            ),
            "areas": cast("list[EChartsArea]", [dict(a) for a in selection["areas"]]),
        }
    }


class EChartsMixin(DeltaGeneratorCore):
    @overload
    def echarts_chart(
        self,
        spec: Any,
        *,
        width: int | Literal["stretch", "content"] = "stretch",
        height: int | Literal["stretch", "content"] = "content",
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Literal["ignore"] = "ignore",
        renderer: Literal["canvas", "svg"] = "canvas",
        alt: str | None = None,
    ) -> Self: ...

    @overload
    def echarts_chart(
        self,
        spec: Any,
        *,
        width: int | Literal["stretch", "content"] = "stretch",
        height: int | Literal["stretch", "content"] = "content",
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Literal["rerun"] | Callable[..., Any],
        renderer: Literal["canvas", "svg"] = "canvas",
        alt: str | None = None,
    ) -> EChartsState: ...

    def echarts_chart(
        self,
        spec: Any,
        *,
        width: int | Literal["stretch", "content"] = "stretch",
        height: int | Literal["stretch", "content"] = "content",
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Literal["rerun", "ignore"] | Callable[..., Any] = "ignore",
        renderer: Literal["canvas", "svg"] = "canvas",
        alt: str | None = None,
    ) -> Self | EChartsState:
        """Display an interactive Apache ECharts chart.

        Pass an ECharts option object as a dict (what JavaScript passes to `setOption`), as
        JSON text, or a pyecharts chart. Only JSON-compatible options work: no JavaScript
        callbacks (use ECharts' string templates), GL, custom or map series. A dataframe is
        welcome as `dataset.source`.

        Parameters
        ----------
        spec : dict, str or pyecharts chart
            The ECharts option.
        width : "stretch", "content" or int
            "stretch" (default): the container's width; "content": a pyecharts chart's own
            width, else 700 pixels; an int: pixels.
        height : "content", "stretch" or int
            "content" (default): a pyecharts chart's own height, else 350 pixels; "stretch":
            the parent's height; an int: pixels.
        theme : "streamlit" or None
            "streamlit" (default): the app's fonts and colours; None: ECharts' own look.
        key : str, int or None
            Identifies the chart (and, with selections on, its value in `st.session_state`).
        on_select : "ignore", "rerun" or callable
            "ignore" (default): not a widget. "rerun" or a callback: selecting data (a
            series' `selectedMode`) or brushing (a `brush` component) reruns the app and
            `st.echarts_chart` returns an `EChartsState`.
        renderer : "canvas" or "svg"
            ECharts' renderer.
        alt : str or None
            A description of the chart for screen readers.

        Example
        -------
        >>> import streamlit as st
        >>> st.echarts_chart({
        ...     "xAxis": {"type": "category", "data": ["Mon", "Tue", "Wed"]},
        ...     "yAxis": {"type": "value"},
        ...     "series": [{"type": "bar", "data": [120, 200, 150]}],
        ... })
        """
        _check_size("width", width, allow_content=True)
        _check_size("height", height, allow_content=True)
        if theme not in ("streamlit", None):
            raise value_error("theme", ["'streamlit'", "None"])
        if renderer not in ("canvas", "svg"):
            raise value_error("renderer", ["'canvas'", "'svg'"])
        if on_select is None:
            raise value_error("on_select", ["'rerun'", "'ignore'", "a callback function"])
        callback, ignore = resolve_callback(on_select, param="on_select")
        selecting = not ignore

        option = echarts_spec.normalize(spec)
        text = normalize_alt(alt)
        if selecting and not echarts_spec.enables_selection(option):
            log.warning(
                "`st.echarts_chart` has selections activated through `on_select`, but the "
                "provided spec doesn't enable any: no series sets `selectedMode`, there is no "
                "`brush` component, and no `toolbox.feature.brush`. The chart will render, but "
                "it will never return a selection."
            )
        props: EChartsChartProps = {
            "spec": echarts_spec.serialize(option),
            "width": echarts_spec.content_size(width, spec, "width"),
            "height": echarts_spec.content_size(height, spec, "height"),
        }
        if theme is None:
            props["theme"] = False
        if renderer == "svg":
            props["renderer"] = "svg"
        if text is not None:
            props["alt"] = text
        user_key = to_key(key)
        if not selecting:
            if user_key is not None:
                # As 1.67: a keyed chart claims an id made of its key alone, so two charts
                # with one key fail with Streamlit's duplicate-key error.
                ctx = get_run_context()
                if ctx is not None:
                    chart_id = compute_widget_id(
                        "echarts_chart",
                        user_key=user_key,
                        identity={},
                        key_identity=frozenset(),
                        form_id=None,
                        root=str(self._path[0]),
                    )
                    ctx.register_widget_id(chart_id, "echarts_chart", user_key)
                props["key"] = str(user_key)
            return self._enqueue("echarts_chart", as_props(props))
        identity = {
            "spec": props["spec"],
            "theme": theme,
            "renderer": renderer,
            "width": width,
            "height": height,
            "is_selection_activated": True,
            "alt": text,
        }
        state: EChartsState = self._widget(
            "echarts_chart",
            label="",
            key=key,
            identity=identity,
            key_identity=frozenset({"is_selection_activated"}),
            props=as_props(props),
            default=_from_wire(_empty()),
            deserialize=_from_wire,
            serialize=_to_wire,
            on_change=callback,
            args=None,
            kwargs=None,
            disabled=False,
            label_visibility="visible",
            help=None,
        )
        return state
