"""Diagrams and embedded documents: `st.graphviz_chart`, `st.echarts_chart`, `st.iframe` (and
`components.v1.html` / `iframe`), drawn by libraries the viewer loads on first use."""

from typing import Annotated, Any, Literal

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.registry import element

StretchOrPixels = Annotated[int | Literal["stretch"], "Pixels, or as large as the container."]


@element("graphviz_chart")
class GraphvizChartProps(TypedDict):
    """`st.graphviz_chart`: DOT source laid out and drawn as SVG in the viewer (Graphviz WASM)."""

    spec: Annotated[str, "The graph in the DOT language."]
    engine: Annotated[str, "The Graphviz layout engine (`dot`, `neato`, `fdp`…)."]
    width: NotRequired[Annotated[StretchOrPixels, "Absent: the graph's own width (content)."]]
    height: NotRequired[Annotated[StretchOrPixels, "Absent: the graph's own height (content)."]]
    alt: NotRequired[Annotated[str, "The chart's accessible name."]]


class EChartsSelectedGroup(TypedDict):
    series_index: int
    series_id: str | None
    series_name: str | None
    data_type: Annotated[str, "`main`, `node` or `edge`."]
    data_indices: Annotated[list[int], "Sorted, series-local."]


class EChartsArea(TypedDict):
    brush_index: int
    brush_type: Annotated[str, "`rect`, `lineX`, `lineY` or `polygon`."]
    coord_range: Annotated[list[Any], "In the axes' units (category axes: ordinal positions)."]


class EChartsSelection(TypedDict):
    selected: list[EChartsSelectedGroup]
    areas: list[EChartsArea]


class EChartsEvent(TypedDict):
    """A selectable ECharts chart's wire value (also sent back in `widget_value`)."""

    selection: EChartsSelection


@element("echarts_chart")
class EChartsChartProps(TypedDict):
    """`st.echarts_chart`. With `on_select` the chart is a widget: it then carries the widget
    keys (`id`, `label`, `value`, …)."""

    spec: Annotated[str, "The ECharts option as JSON; a dataframe `dataset.source` as a 2-D array."]
    width: Annotated[StretchOrPixels, "Pixels (content: 700 or pyecharts' width), or stretch."]
    height: Annotated[StretchOrPixels, "Pixels (content: 350 or pyecharts' height), or stretch."]
    theme: NotRequired[Annotated[Literal[False], "`theme=None`: ECharts' own look."]]
    renderer: NotRequired[Annotated[Literal["svg"], "Absent: canvas."]]
    alt: NotRequired[Annotated[str, "The chart's accessible name (aria.label.description)."]]
    id: NotRequired[str]
    label: NotRequired[Literal[""]]
    value: NotRequired[EChartsEvent]
    key: NotRequired[str]
    form: NotRequired[str]


@element("pdf")
class PdfProps(TypedDict):
    """`st.pdf`: a PDF drawn page by page with pdf.js (its own chunk, with its worker)."""

    hash: NotRequired[Annotated[str, "The PDF's `media` payload (xxh3-128 hex digest)."]]
    url: NotRequired[
        Annotated[
            str,
            "The http(s) URL the script gave; the runtime downloaded it into `hash` (the page "
            "fetches nothing from other hosts), or says in `error` why it could not.",
        ]
    ]
    error: NotRequired[
        Annotated[
            str,
            "Why the runtime could not download `url` (no `hash` then): shown with a link that "
            "opens the URL in a tab of its own.",
        ]
    ]
    height: Annotated[StretchOrPixels, "The viewer's height (it scrolls); default 500."]
    alt: NotRequired[Annotated[str, "The document's accessible name."]]
    key: NotRequired[str]


@element("iframe")
class IframeProps(TypedDict):
    """`st.iframe`: a URL, an HTML page (served by the app's server, sandboxed) or a local
    file's bytes, in a frame."""

    src: NotRequired[Annotated[str, "An http(s) or data: URL, or a path on the app's server."]]
    html_id: NotRequired[
        Annotated[str, "An HTML page's id: the server serves it at `component/_html/<id>`."]
    ]
    hash: NotRequired[Annotated[str, "A local file's `media` payload (xxh3-128 hex digest)."]]
    mimetype: NotRequired[Annotated[str, "The local file's type (with `hash`)."]]
    width: NotRequired[Annotated[int | Literal["content"], "Absent: stretch."]]
    height: Annotated[
        int | Literal["stretch", "content"],
        "Pixels, the parent's height, or (an HTML page only) its content's height.",
    ]
    tab_index: NotRequired[Annotated[int, "The frame's tabindex (-1 or more)."]]
    alt: NotRequired[Annotated[str, "The frame's accessible name (its title)."]]
