"""Colours in built-in charts: what counts as one, and its CSS form for Vega-Lite."""

from __future__ import annotations

from typing import Any

from sidepane.errors import SidepaneAPIException

# Theme colour names the viewer resolves itself; sent as they are.
BUILTIN_COLORS = frozenset(
    {"red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary"}
)


def is_hex(color: object) -> bool:
    return (
        isinstance(color, str)
        and color.startswith("#")
        and color[1:].isalnum()
        and len(color) in (4, 5, 7, 9)
    )


def is_tuple_color(color: object) -> bool:
    return (
        isinstance(color, (tuple, list))
        and len(color) in (3, 4)
        and all(isinstance(c, (int, float)) for c in color)
    )


def is_color(color: object) -> bool:
    return (
        is_hex(color)
        or (isinstance(color, str) and color.startswith(("rgb(", "rgba(")))
        or is_tuple_color(color)
    )


def is_builtin_color(color: object) -> bool:
    return isinstance(color, str) and color.lower() in BUILTIN_COLORS


def css_color(color: Any) -> str:
    """A hex string, `rgb(...)` text or an RGB(A) tuple (ints 0-255 or floats 0-1) as CSS."""
    if isinstance(color, str) and (is_hex(color) or color.startswith(("rgb(", "rgba("))):
        return color
    if is_tuple_color(color):

        def rgb(c: float) -> int:
            return max(0, min(255, int(c * 255) if isinstance(c, float) else int(c)))

        def alpha(c: float) -> float:
            return max(0.0, min(1.0, c / 255 if isinstance(c, int) else float(c)))

        if len(color) == 3:
            return f"rgb({rgb(color[0])}, {rgb(color[1])}, {rgb(color[2])})"
        return f"rgba({rgb(color[0])}, {rgb(color[1])}, {rgb(color[2])}, {alpha(color[3])})"
    raise SidepaneAPIException(f"This does not look like a valid color: {color!r}")


def color_error(color: Any) -> SidepaneAPIException:
    return SidepaneAPIException(
        f"""
This does not look like a valid color argument: `{color}`.

The color argument can be:

* A hex string like "#ffaa00" or "#ffaa0088".
* An RGB or RGBA tuple with the red, green, blue, and alpha
  components specified as ints from 0 to 255 or floats from 0.0 to
  1.0.
* The name of a column.
* Or a list of colors, matching the number of y columns to draw.
            """
    )


def length_error(colors: Any, y_columns: list[str]) -> SidepaneAPIException:
    return SidepaneAPIException(
        f"The list of colors `{colors}` must have the same length as the list of columns to "
        f"be colored `{y_columns}`."
    )
