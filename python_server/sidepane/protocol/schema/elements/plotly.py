"""`st.plotly_chart`'s props: a Plotly figure as plotly.py's JSON, drawn by plotly.js."""

from typing import Annotated, Any, Literal

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.registry import element

PlotlySelectionMode = Literal["box", "lasso", "points"]


class PlotlyArea(TypedDict):
    """A box or lasso drawn on the chart, in its axes' units."""

    xref: Annotated[str, "The x axis (`x`, `x2`…)."]
    yref: str
    x: Annotated[list[Any], "A box: its two x bounds; a lasso: every vertex's x."]
    y: list[Any]


class PlotlySelection(TypedDict):
    points: Annotated[
        list[dict[str, Any]],
        "plotly.js's selected points, keys in snake_case (`curve_number`, `point_index`, `x`…).",
    ]
    point_indices: Annotated[list[int], "Every selected point's index, once."]
    box: list[PlotlyArea]
    lasso: list[PlotlyArea]


class PlotlyEvent(TypedDict):
    """A selectable Plotly chart's wire value (also sent back in `widget_value`)."""

    selection: PlotlySelection


@element("plotly_chart")
class PlotlyChartProps(TypedDict):
    """`st.plotly_chart`. With `selection_mode` the chart is a widget: it then carries the widget
    keys (`id`, `label`, `value`, …)."""

    spec: Annotated[
        str,
        "The figure as plotly.py's JSON text (`data`, `layout`, `frames`); colours of the "
        "`streamlit` template are placeholders `#0000NN` the viewer replaces.",
    ]
    config: NotRequired[Annotated[dict[str, Any], "plotly.js's config; absent: `{}`."]]
    theme: NotRequired[Annotated[Literal[False], "`theme=None`: plotly's own look."]]
    width: NotRequired[Annotated[int, "Pixels (at most the container's); absent: stretch."]]
    height: Annotated[int | Literal["stretch"], "Pixels (the figure's or 450), or stretch."]
    alt: NotRequired[Annotated[str, "The chart's accessible name."]]
    selection_mode: NotRequired[list[PlotlySelectionMode]]
    id: NotRequired[str]
    label: NotRequired[Literal[""]]
    value: NotRequired[PlotlyEvent]
    key: NotRequired[str]
    form: NotRequired[str]
