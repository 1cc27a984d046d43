"""Selections on Vega-Lite charts (`st.altair_chart` / `st.vega_lite_chart` with `on_select`):
which selection parameters report, and the `VegaLiteState` the script sees.

The viewer sends the selection as a `VegaLiteEvent` (docs/protocol.md, "Vega-Lite charts"); it
is checked here before the script sees it, so a malformed value never reaches the script.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sidepane.column_config.state import ReadOnlyAttributeDict
from sidepane.elements.vega_state import VegaLiteState
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.protocol.schema.elements.data import VegaLiteEvent

_NO_SELECTIONS = (
    "Selections are activated, but the provided chart spec does not have any selections "
    "defined. To add selections to `st.altair_chart`, check out the documentation "
    "[here](https://altair-viz.github.io/user_guide/interactions.html"
    "#selections-capturing-chart-interactions). For adding selections to "
    "`st.vega_lite_chart`, take a look at the specification "
    "[here](https://vega.github.io/vega-lite/docs/selection.html)."
)
# The views a selection parameter may be declared in: Altair hoists them to the top, a
# hand-written spec may not.
_CHILD_LISTS = ("layer", "hconcat", "vconcat", "concat")


def selection_parameters(spec: Mapping[str, Any]) -> set[str]:
    """The names of the spec's selection parameters (a `name` and a `select`), at any depth."""
    names: set[str] = set()
    params = spec.get("params")
    if isinstance(params, list):
        for param in params:
            if isinstance(param, dict) and param.get("name") and param.get("select"):
                names.add(str(param["name"]))
    for key in _CHILD_LISTS:
        children = spec.get(key)
        if isinstance(children, list):
            for child in children:
                if isinstance(child, dict):
                    names |= selection_parameters(child)
    inner = spec.get("spec")  # a facet's or repeat's view
    if isinstance(inner, dict):
        names |= selection_parameters(inner)
    return names


def selection_modes(
    spec: Mapping[str, Any], selection_mode: str | Iterable[str] | None
) -> list[str]:
    """The parameters that report, sorted: all of the spec's by default, or the ones named
    (each must be one of the spec's), as Streamlit 1.67 checks them."""
    available = selection_parameters(spec)
    if not available:
        raise SidepaneAPIException(_NO_SELECTIONS)
    if selection_mode is None:
        return sorted(available)
    names = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for name in names:
        if name not in available:
            raise SidepaneAPIException(
                f"Selection parameter '{name}' is not defined in the chart spec. Available "
                f"selection parameters are: {available}."
            )
    return sorted(names)


def _state(selection: Mapping[str, Any]) -> VegaLiteState:
    return VegaLiteState({"selection": ReadOnlyAttributeDict(selection)})


def empty_state(modes: Iterable[str]) -> VegaLiteState:
    """Nothing selected: an empty `{}` for each reporting parameter."""
    return _state({name: {} for name in modes})


def event_from_wire(value: object, modes: Iterable[str]) -> VegaLiteState:
    """A viewer's `VegaLiteEvent` as the script sees it. It holds the parameters reported so far
    (as Streamlit's does); one the chart does not report, or a value that is neither a point
    list nor an interval object, is refused."""
    if not isinstance(value, Mapping):
        raise InvalidWidgetValue("vega-lite selection: expected {selection: {...}}")
    if "selection" not in value:
        return empty_state(modes)
    selection = value["selection"]
    if not isinstance(selection, Mapping):
        raise InvalidWidgetValue("vega-lite selection: `selection` must be an object")
    allowed = set(modes)
    for name, selected in selection.items():
        if name not in allowed:
            raise InvalidWidgetValue(f"vega-lite selection: {name!r} is not a reporting parameter")
        if not isinstance(selected, (list, Mapping)):
            raise InvalidWidgetValue(f"vega-lite selection: {name!r} must be a list or an object")
    return _state({str(k): v for k, v in selection.items()})


def event_to_wire(state: Mapping[str, Any]) -> VegaLiteEvent:
    """The `VegaLiteEvent` a state travels as (plain dicts)."""
    selection = dict.__getitem__(state, "selection") if isinstance(state, dict) else {}
    return {"selection": dict(selection) if isinstance(selection, Mapping) else {}}
