"""Diagrams and embedded documents: `st.graphviz_chart`, `st.iframe` (and
`components.v1.html` / `iframe`), drawn by libraries the viewer loads on first use."""

from typing import Annotated, Literal

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
