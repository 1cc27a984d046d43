"""`st.graphviz_chart`: DOT source (or a `graphviz` object's) sent as text; the viewer lays it
out with Graphviz compiled to WebAssembly, so no `dot` program is needed on the server."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from sidepane.elements.arguments import normalize_alt, type_error
from sidepane.elements.deprecation import WIDTH_HINT, warn_use_container_width
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.layout import _check_size
from sidepane.protocol.schema.elements.documents import GraphvizChartProps
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    from typing_extensions import Self

_GRAPHVIZ_TYPES = (
    "graphviz.graphs.Graph",
    "graphviz.graphs.Digraph",
    "graphviz.sources.Source",
    # graphviz < 0.18
    "graphviz.dot.Graph",
    "graphviz.dot.Digraph",
)


def _is_graphviz_object(obj: object) -> bool:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}" in _GRAPHVIZ_TYPES


class GraphvizMixin(DeltaGeneratorCore):
    def graphviz_chart(
        self,
        figure_or_dot: Any,
        use_container_width: bool | None = None,
        *,
        width: int | Literal["stretch", "content"] = "content",
        height: int | Literal["stretch", "content"] = "content",
        alt: str | None = None,
    ) -> Self:
        """Display a graph drawn by Graphviz (compiled to WebAssembly, in the viewer).

        Parameters
        ----------
        figure_or_dot : graphviz.Graph, graphviz.Digraph, graphviz.Source or str
            The graph: a `graphviz` object (its layout engine is kept) or DOT source.
        use_container_width : bool or None
            Deprecated: use `width="stretch"` (True) or `width="content"` (False).
        width : "content", "stretch" or int
            "content" (default): the graph's own width, at most the container's; "stretch":
            the container's width; an int: pixels.
        height : "content", "stretch" or int
            "content" (default): the graph's own height; "stretch": the parent's height; an
            int: pixels (scrolling when the graph is taller).
        alt : str or None
            A description of the chart for screen readers.

        Graphviz charts keep the colours the graph sets, so set node, edge and font colours
        for a dark theme.

        Example
        -------
        >>> import graphviz
        >>> import streamlit as st
        >>> graph = graphviz.Digraph()
        >>> graph.edge("run", "intr")
        >>> graph.edge("intr", "runbl")
        >>> st.graphviz_chart(graph, alt="Process states")
        >>> st.graphviz_chart("digraph { run -> kernel; kernel -> zombie }")
        """
        if use_container_width is not None:
            warn_use_container_width(WIDTH_HINT)
            width = "stretch" if use_container_width else "content"
        if _is_graphviz_object(figure_or_dot):
            spec, engine = str(figure_or_dot.source), str(figure_or_dot.engine)
        elif isinstance(figure_or_dot, str):
            spec, engine = figure_or_dot, "dot"
        else:
            raise type_error(
                "figure_or_dot",
                type(figure_or_dot).__name__,
                ["graphviz.Graph", "graphviz.Digraph", "graphviz.Source", "str"],
            )
        _check_size("width", width, allow_content=True)
        _check_size("height", height, allow_content=True)
        props: GraphvizChartProps = {"spec": spec, "engine": engine}
        if width != "content":
            props["width"] = width
        if height != "content":
            props["height"] = height
        text = normalize_alt(alt)
        if text is not None:
            props["alt"] = text
        return self._enqueue("graphviz_chart", as_props(props))
