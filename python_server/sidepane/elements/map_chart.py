"""`st.map`: a scatter of points on a map, as a deck.gl spec like the one Streamlit 1.67 builds
(one `ScatterplotLayer`, centred and zoomed on the data), drawn as a `deck_gl_json_chart`."""

from __future__ import annotations

import copy
import json
import os
from typing import TYPE_CHECKING, Any, Final, Literal

from sidepane.elements.deck_chart import DEFAULT_HEIGHT, EMPTY_MAP, chart_props, deck_layout
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    import pandas as pd
    from typing_extensions import Self

_LAT_NAMES: Final = ("lat", "latitude", "LAT", "LATITUDE")
_LON_NAMES: Final = ("lon", "longitude", "LON", "LONGITUDE")
# The viewer paints "primary" in the theme's primary colour, partly transparent.
_DEFAULT_COLOR: Final = "primary"
_DEFAULT_SIZE: Final = 100
_DEFAULT_ZOOM: Final = 12
# Degrees of longitude shown at each zoom level (openstreetmap.org's table).
_ZOOM_SPANS: Final = (
    360, 180, 90, 45, 22.5, 11.25, 5.625, 2.813, 1.406, 0.703, 0.352, 0.176, 0.088, 0.044,
    0.022, 0.011, 0.005, 0.003, 0.001, 0.0005, 0.00025,
)  # fmt: skip


def _invalid_color(color: object) -> SidepaneAPIException:
    return SidepaneAPIException(
        f"This does not look like a valid color: {color!r}.\n\n"
        "Colors must be in one of the following formats:\n\n"
        "* Hex string with 3, 4, 6, or 8 digits. Example: `'#00ff00'`\n"
        "* List or tuple with 3 or 4 components. Example: `[1.0, 0.5, 0, 0.2]`"
    )


def _is_color(value: object) -> bool:
    """Streamlit's loose test: a hex or rgb() string, or a tuple of 3 or 4 numbers."""
    if isinstance(value, str):
        hex_like = value.startswith("#") and value[1:].isalnum() and len(value) in (4, 5, 7, 9)
        return hex_like or value.startswith(("rgb(", "rgba("))
    return (
        isinstance(value, (tuple, list))
        and len(value) in (3, 4)
        and all(isinstance(c, (int, float)) for c in value)
    )


def int_color(color: Any) -> tuple[int, ...]:
    """A hex string or an RGB(A) tuple (ints 0-255 or floats 0-1) as deck.gl's int tuple."""
    if isinstance(color, str) and color.startswith("#") and len(color) in (4, 5, 7, 9):
        digits = color[1:]
        if len(digits) in (3, 4):
            digits = "".join(2 * d for d in digits)
        if len(digits) == 6:
            digits += "ff"
        try:
            color = tuple(int(digits[i : i + 2], 16) for i in range(0, 8, 2))
        except ValueError as err:
            raise _invalid_color(color) from err
    if not (
        isinstance(color, (tuple, list))
        and len(color) in (3, 4)
        and all(isinstance(c, (int, float)) for c in color)
    ):
        raise _invalid_color(color)

    def component(c: float) -> int:
        value = int(c * 255) if isinstance(c, float) else int(c)
        return min(255, max(value, 0))

    return tuple(component(c) for c in color)


def _coordinate_column(
    df: pd.DataFrame, what: str, given: str | None, names: tuple[str, ...]
) -> str:
    if isinstance(given, str) and given in df.columns:
        name = given
    else:
        found = next((n for n in names if n in df.columns), None)
        if found is None:
            allowed = ", ".join(map(repr, sorted(names)))
            existing = ", ".join(map(repr, list(df.columns)))
            raise SidepaneAPIException(
                f"Map data must contain a {what} column named: {allowed}. "
                f"Existing columns: {existing}"
            )
        name = found
    if any(df[name].isna().array):
        raise SidepaneAPIException(
            f"Column {name} is not allowed to contain null values, such as NaN, NaT, or None."
        )
    return name


def _value_or_column(df: pd.DataFrame, value: Any, default: Any) -> tuple[Any, str | None]:
    """A column's name as deck.gl's accessor `@@=name`, or a constant (the default for None)."""
    if isinstance(value, str) and value in df.columns:
        return f"@@={value}", value
    return (default if value is None else value), None


def _zoom_for(span: float) -> int:
    for level in range(len(_ZOOM_SPANS) - 1):
        if _ZOOM_SPANS[level + 1] < span <= _ZOOM_SPANS[level]:
            return level
    return _DEFAULT_ZOOM


def map_spec(
    data: Any,
    latitude: str | None,
    longitude: str | None,
    size: str | float | None,
    color: Any,
    zoom: int | None,
) -> str:
    """The deck.gl JSON `st.map` draws (Streamlit 1.67's, key for key)."""
    if data is None or (hasattr(data, "empty") and data.empty):
        return json.dumps(EMPTY_MAP)
    from sidepane.protocol.columns import to_dataframe

    df = to_dataframe(data)
    lat = _coordinate_column(df, "latitude", latitude, _LAT_NAMES)
    lon = _coordinate_column(df, "longitude", longitude, _LON_NAMES)
    size_arg, size_col = _value_or_column(df, size, _DEFAULT_SIZE)
    color_arg, color_col = _value_or_column(df, color, _DEFAULT_COLOR)
    used = sorted({c for c in (lat, lon, size_col, color_col) if c is not None})
    df = df[used].copy()

    fill: Any = None
    if color_col is not None:
        column = df[color_col]
        if len(column) == 0 or not _is_color(column.iat[0]):
            raise SidepaneAPIException(
                f'Column "{color_col}" does not appear to contain valid colors.'
            )
        df[color_col] = column.astype(object).map(int_color)
        fill = color_arg
    elif color_arg is not None:
        primary = isinstance(color_arg, str) and color_arg.lower() == "primary"
        fill = "primary" if primary else int_color(color_arg)

    lat_min, lat_max = df[lat].min(), df[lat].max()
    lon_min, lon_max = df[lon].min(), df[lon].max()
    if zoom is None:
        zoom = _zoom_for(max(abs(lat_max - lat_min), abs(lon_max - lon_min)))
    spec = copy.deepcopy(EMPTY_MAP)
    spec["initialViewState"]["latitude"] = (lat_max + lat_min) / 2.0
    spec["initialViewState"]["longitude"] = (lon_max + lon_min) / 2.0
    spec["initialViewState"]["zoom"] = zoom
    spec["layers"] = [
        {
            "@@type": "ScatterplotLayer",
            "getPosition": f"@@=[{lon}, {lat}]",
            "getRadius": size_arg,
            "radiusMinPixels": 3,
            "radiusUnits": "meters",
            "getFillColor": fill,
            "data": df.to_dict("records"),
        }
    ]
    return json.dumps(spec)


class MapMixin(DeltaGeneratorCore):
    def map(
        self,
        data: Any = None,
        *,
        latitude: str | None = None,
        longitude: str | None = None,
        color: str | tuple[float, ...] | list[float] | None = None,
        size: str | float | None = None,
        zoom: int | None = None,
        width: int | Literal["stretch"] = "stretch",
        height: int | Literal["stretch"] = DEFAULT_HEIGHT,
        use_container_width: bool | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display a map with a scatter of points, centred and zoomed on them.

        The base map is Carto's; without an internet connection the points are drawn on a plain
        background and the map says the base map is offline.

        Parameters
        ----------
        data : anything `st.dataframe` accepts
            The points. Their latitude and longitude come from the columns named by `latitude`
            and `longitude`, else from columns named lat/latitude/LAT/LATITUDE and
            lon/longitude/LON/LONGITUDE.
        latitude, longitude : str or None
            The columns holding the coordinates.
        color : str, tuple or None
            None (default) or "primary": the theme's primary colour; a hex string
            ("#ffaa00", "#ffaa0088"); an RGB(A) tuple (ints 0-255 or floats 0-1); or the name of
            a column holding each point's colour in those forms.
        size : str, float or None
            Each circle's radius in meters: a number for all, a column's name for each (100 by
            default).
        zoom : int or None
            The zoom level (openstreetmap.org's levels); None fits the data.
        width : "stretch" or int
            "stretch" (default): the container's width; an int: pixels.
        height : "stretch" or int
            Pixels (500 by default), or "stretch".
        use_container_width : bool or None
            Deprecated: use `width="stretch"` (True) or an integer width.
        alt : str or None
            A description of the map for screen readers.

        Example
        -------
        >>> import pandas as pd
        >>> import streamlit as st
        >>> cities = pd.DataFrame({"lat": [48.85, 51.51], "lon": [2.35, -0.13]})
        >>> st.map(cities, size=20000, color="#0044ff")
        """
        pixel_width, chart_height = deck_layout(width, height, use_container_width)
        spec = map_spec(data, latitude, longitude, size, color, zoom)
        props = chart_props(spec, pixel_width, chart_height, alt)
        # st.map builds no pydeck Deck, so a Mapbox key comes from the environment (as 1.67).
        token = os.environ.get("MAPBOX_API_KEY")
        if token:
            props["mapbox_token"] = token
        return self._enqueue("deck_gl_json_chart", as_props(props))
