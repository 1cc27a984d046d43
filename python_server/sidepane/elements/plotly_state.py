"""What a selectable `st.plotly_chart` returns: `PlotlyState`, read by key or attribute.

The viewer sends the selection as a `PlotlyEvent` (docs/protocol.md, "Plotly charts"); it is
checked here before the script sees it, so a malformed value never reaches the script.
Only the standard library is imported here: this module loads with `import sidepane`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal, cast, overload

from sidepane.column_config.state import ReadOnlyAttributeDict
from sidepane.elements.arguments import value_error
from sidepane.errors import InvalidWidgetValue
from sidepane.protocol.schema.elements.plotly import (
    PlotlyArea,
    PlotlyEvent,
    PlotlySelectionMode,
)

SELECTION_MODES: Final = ("box", "lasso", "points")


class PlotlySelectionState(ReadOnlyAttributeDict):
    """What is selected in a `st.plotly_chart`: `.points` (each selected point's values:
    `curve_number`, `point_index`, `x`, `y`…), `.point_indices`, and the `.box` and `.lasso`
    areas drawn (their `xref`, `yref`, `x` and `y`)."""

    points: list[dict[str, Any]]
    point_indices: list[int]
    box: list[dict[str, Any]]
    lasso: list[dict[str, Any]]

    @overload
    def __getitem__(self, key: Literal["points"]) -> list[dict[str, Any]]: ...

    @overload
    def __getitem__(self, key: Literal["point_indices"]) -> list[int]: ...

    @overload
    def __getitem__(self, key: Literal["box", "lasso"]) -> list[dict[str, Any]]: ...

    @overload
    def __getitem__(self, key: Any) -> Any: ...

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(key)


class PlotlyState(ReadOnlyAttributeDict):
    """What `st.plotly_chart(..., on_select=...)` returns (and `st.session_state[key]` holds):
    `.selection`, a `PlotlySelectionState`. Only selection events are reported."""

    selection: PlotlySelectionState

    @overload
    def __getitem__(self, key: Literal["selection"]) -> PlotlySelectionState: ...

    @overload
    def __getitem__(self, key: Any) -> Any: ...

    def __getitem__(self, key: Any) -> Any:
        item = dict.__getitem__(self, key)
        if key == "selection" and isinstance(item, dict):
            return PlotlySelectionState(item)
        return super().__getitem__(key)


def empty_event() -> PlotlyEvent:
    return {"selection": {"points": [], "point_indices": [], "box": [], "lasso": []}}


def selection_modes(selection_mode: str | Iterable[str]) -> list[PlotlySelectionMode]:
    """`selection_mode` (one mode or several) checked as Streamlit checks it, sorted."""
    modes = {selection_mode} if isinstance(selection_mode, str) else set(selection_mode)
    if not modes <= set(SELECTION_MODES):
        raise value_error("selection_mode", [f"'{m}'" for m in SELECTION_MODES])
    return cast("list[PlotlySelectionMode]", sorted(modes))


def _areas(value: object, name: str) -> list[PlotlyArea]:
    if not isinstance(value, list):
        raise InvalidWidgetValue(f"plotly selection: `{name}` must be a list")
    areas: list[PlotlyArea] = []
    for area in value:
        if not (
            isinstance(area, Mapping)
            and isinstance(area.get("xref"), str)
            and isinstance(area.get("yref"), str)
            and isinstance(area.get("x"), list)
            and isinstance(area.get("y"), list)
        ):
            raise InvalidWidgetValue(f"plotly selection: a `{name}` area needs xref, yref, x, y")
        areas.append({"xref": area["xref"], "yref": area["yref"], "x": area["x"], "y": area["y"]})
    return areas


def event_from_wire(value: object, modes: Iterable[str]) -> PlotlyState:
    """A viewer's `PlotlyEvent` as the script sees it; refuses a bad shape and areas of a mode
    the chart does not allow."""
    selection = value.get("selection") if isinstance(value, Mapping) else None
    if not isinstance(selection, Mapping):
        raise InvalidWidgetValue("plotly selection: expected {selection: {...}}")
    points = selection.get("points", [])
    indices = selection.get("point_indices", [])
    if not (isinstance(points, list) and all(isinstance(p, Mapping) for p in points)):
        raise InvalidWidgetValue("plotly selection: `points` must be a list of objects")
    if not (
        isinstance(indices, list)
        and all(isinstance(i, int) and not isinstance(i, bool) for i in indices)
    ):
        raise InvalidWidgetValue("plotly selection: `point_indices` must be integers")
    box = _areas(selection.get("box", []), "box")
    lasso = _areas(selection.get("lasso", []), "lasso")
    allowed = set(modes)
    if (box and "box" not in allowed) or (lasso and "lasso" not in allowed):
        raise InvalidWidgetValue("plotly selection: a selection mode the chart does not allow")
    return PlotlyState(
        {
            "selection": PlotlySelectionState(
                {
                    "points": [dict(p) for p in points],
                    "point_indices": list(indices),
                    "box": [dict(a) for a in box],
                    "lasso": [dict(a) for a in lasso],
                }
            )
        }
    )


def event_to_wire(state: Mapping[str, Any]) -> PlotlyEvent:
    """The `PlotlyEvent` a state travels as (plain lists and dicts)."""
    selection = state["selection"]
    return {
        "selection": {
            "points": [dict(p) for p in selection["points"]],
            "point_indices": list(selection["point_indices"]),
            "box": cast("list[PlotlyArea]", [dict(a) for a in selection["box"]]),
            "lasso": cast("list[PlotlyArea]", [dict(a) for a in selection["lasso"]]),
        }
    }
