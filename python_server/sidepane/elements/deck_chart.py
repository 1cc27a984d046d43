"""`st.pydeck_chart`: a pydeck `Deck` drawn by deck.gl in the viewer, optionally a widget whose
value is the objects clicked on it (docs/protocol.md, "deck.gl charts")."""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, Literal, overload

from sidepane.elements.chart_selection import ChartSelectionMixin, on_select_callback
from sidepane.elements.chart_urls import inline_deck_urls
from sidepane.elements.deck_state import (
    PydeckState,
    empty_event,
    event_from_wire,
    event_to_wire,
)
from sidepane.elements.deck_state import (
    selection_mode as check_selection_mode,
)
from sidepane.elements.deprecation import warn_use_container_width
from sidepane.elements.dg_core import to_key
from sidepane.elements.layout import _check_size
from sidepane.protocol.schema.elements.deck import DeckGlJsonChartProps
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    from typing_extensions import Self

# The deck drawn when there is nothing to show (as Streamlit's).
EMPTY_MAP: Final[dict[str, Any]] = {
    "initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1},
}
DEFAULT_HEIGHT: Final = 500
# Streamlit 1.67's hint for this command: a pydeck chart has no content width.
_WIDTH_HINT: Final = (
    "For `use_container_width=True`, use `width='stretch'`. "
    "For `use_container_width=False`, specify an integer width."
)


def deck_layout(
    width: object, height: object, use_container_width: bool | None
) -> tuple[int | None, int | Literal["stretch"]]:
    """The chart's (pixel width or None for stretch, height), checked as 1.67 checks them."""
    if use_container_width is not None:
        warn_use_container_width(_WIDTH_HINT)
        if use_container_width:
            width = "stretch"
    _check_size("width", width, allow_content=False)
    _check_size("height", height, allow_content=False)
    return (
        width if isinstance(width, int) else None,
        height if isinstance(height, int) else "stretch",
    )


def chart_props(
    spec: str, width: int | None, height: int | Literal["stretch"], alt: str | None
) -> DeckGlJsonChartProps:
    props: DeckGlJsonChartProps = {"spec": spec, "height": height}
    if width is not None:
        props["width"] = width
    if alt is not None and alt.strip():
        props["alt"] = alt.strip()
    return props


def _rows_for_json(deck: Any) -> None:
    """pandas DataFrames in the deck's layers as lists of rows, in place (as 1.67 does: pydeck's
    serializer reads `vars()` of its data, which a pandas 3 DataFrame does not have)."""
    for layer in getattr(deck, "layers", None) or []:
        data = getattr(layer, "data", None)
        if isinstance(data, weakref.ref):
            data = data()
        if data is not None and type(data).__name__ == "DataFrame" and hasattr(data, "to_dict"):
            layer.data = data.to_dict(orient="records")


def _tooltip(deck: Any) -> dict[str, Any] | None:
    """pydeck's `tooltip=` (a dict of `html`/`text`/`style`), where its versions keep it."""
    widget = getattr(deck, "deck_widget", None)
    if widget is not None and isinstance(getattr(widget, "tooltip", None), dict):
        tooltip: dict[str, Any] = widget.tooltip
        return tooltip
    own = getattr(deck, "_tooltip", None)
    return own if isinstance(own, dict) else None


class DeckMixin(ChartSelectionMixin):
    @overload
    def pydeck_chart(
        self,
        pydeck_obj: Any = None,
        *,
        width: int | Literal["stretch"] = "stretch",
        use_container_width: bool | None = None,
        height: int | Literal["stretch"] = DEFAULT_HEIGHT,
        selection_mode: Literal["single-object", "multi-object"] = "single-object",
        on_select: Literal["ignore"] = "ignore",
        key: str | int | None = None,
        alt: str | None = None,
    ) -> Self: ...

    @overload
    def pydeck_chart(
        self,
        pydeck_obj: Any = None,
        *,
        width: int | Literal["stretch"] = "stretch",
        use_container_width: bool | None = None,
        height: int | Literal["stretch"] = DEFAULT_HEIGHT,
        selection_mode: Literal["single-object", "multi-object"] = "single-object",
        on_select: Literal["rerun"] | Callable[..., Any],
        key: str | int | None = None,
        alt: str | None = None,
    ) -> PydeckState: ...

    def pydeck_chart(
        self,
        pydeck_obj: Any = None,
        *,
        width: int | Literal["stretch"] = "stretch",
        use_container_width: bool | None = None,
        height: int | Literal["stretch"] = DEFAULT_HEIGHT,
        selection_mode: Literal["single-object", "multi-object"] = "single-object",
        on_select: Literal["rerun", "ignore"] | Callable[..., Any] = "ignore",
        key: str | int | None = None,
        alt: str | None = None,
    ) -> Self | PydeckState:
        """Draw a chart with pydeck: maps with deck.gl layers, 3D point clouds and more.

        Built-in deck.gl layers (`ScatterplotLayer`, `HexagonLayer`, `GeoJsonLayer`, `ArcLayer`,
        `H3HexagonLayer`, `TripsLayer` …) are drawn from the deck's JSON. The base map is
        Carto's (light or dark with the app's theme when `map_style=None`); without an internet
        connection the layers are drawn on a plain background and the chart says the base map is
        offline.

        Parameters
        ----------
        pydeck_obj : pydeck.Deck or None
            The chart to draw; None draws an empty map.
        width : "stretch" or int
            "stretch" (default): the container's width; an int: pixels (at most the
            container's).
        use_container_width : bool or None
            Deprecated: use `width="stretch"` (True) or an integer width.
        height : "stretch" or int
            Pixels (500 by default), or "stretch" to fill the parent's height.
        selection_mode : "single-object" or "multi-object"
            With `on_select`, whether a click selects one object or adds to the selection.
        on_select : "ignore", "rerun" or callable
            "ignore" (default): the chart is not a widget. "rerun" or a callback: clicking an
            object reruns the app (calling the callback first) and `st.pydeck_chart` returns a
            `PydeckState`. Give every layer an `id` so the selection survives reruns.
        key : str, int or None
            With selections on, the key under which `st.session_state` holds the selection.
        alt : str or None
            A description of the chart for screen readers.

        Returns
        -------
        element or PydeckState
            The chart's placeholder, or with `on_select` the selection:
            `event.selection.indices` and `.objects`, by layer id.

        Example
        -------
        >>> import pandas as pd
        >>> import pydeck as pdk
        >>> import streamlit as st
        >>> df = pd.DataFrame({"lat": [37.76, 37.77], "lon": [-122.4, -122.41]})
        >>> layer = pdk.Layer(
        ...     "ScatterplotLayer", data=df, id="points",
        ...     get_position="[lon, lat]", get_radius=200, pickable=True,
        ... )
        >>> view = pdk.ViewState(latitude=37.76, longitude=-122.4, zoom=11)
        >>> event = st.pydeck_chart(
        ...     pdk.Deck(layers=[layer], initial_view_state=view, map_style=None),
        ...     on_select="rerun",
        ... )
        >>> st.write(event.selection.indices)
        """
        pixel_width, chart_height = deck_layout(width, height, use_container_width)
        if pydeck_obj is not None:
            _rows_for_json(pydeck_obj)
        spec = json.dumps(EMPTY_MAP) if pydeck_obj is None else pydeck_obj.to_json()
        spec, data_errors = inline_deck_urls(spec)
        props = chart_props(spec, pixel_width, chart_height, alt)
        if data_errors:
            props["data_errors"] = data_errors
        tooltip = _tooltip(pydeck_obj)
        if tooltip:
            props["tooltip"] = json.dumps(tooltip)
        mapbox_token = getattr(pydeck_obj, "mapbox_key", None)
        if isinstance(mapbox_token, str) and mapbox_token:
            props["mapbox_token"] = mapbox_token
        callback, selecting = on_select_callback(on_select)
        if not selecting:
            if to_key(key) is not None:
                props["key"] = str(to_key(key))
            return self._enqueue("deck_gl_json_chart", as_props(props))

        props["selection_mode"] = check_selection_mode(selection_mode)
        identity = {
            "selection_mode": selection_mode,
            "is_selection_activated": True,
            "use_container_width": use_container_width,
            "spec": spec,
            "alt": props.get("alt"),
        }
        state: PydeckState = self._chart_selection(
            "pydeck_chart",
            key=key,
            # As Streamlit: with a key, only the selection mode joins it in the id.
            identity=identity,
            key_identity=frozenset({"selection_mode"}),
            props=as_props(props),
            default=event_from_wire(empty_event()),
            deserialize=event_from_wire,
            serialize=event_to_wire,
            on_select=callback,
            element_type="deck_gl_json_chart",
        )
        return state
