"""What a selectable `st.pydeck_chart` returns: `PydeckState`, read by key or attribute.

The viewer sends the selection as a `DeckEvent` (docs/protocol.md, "deck.gl charts"); it is
checked here before the script sees it, so a malformed value never reaches the script.
Only the standard library is imported here: this module loads with `import sidepane`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Literal, cast, overload

from sidepane.column_config.state import ReadOnlyAttributeDict
from sidepane.elements.arguments import type_error, value_error
from sidepane.errors import InvalidWidgetValue
from sidepane.protocol.schema.elements.deck import DeckEvent, DeckSelectionMode

SELECTION_MODES: Final = ("multi-object", "single-object")


class PydeckSelectionState(ReadOnlyAttributeDict):
    """What is selected in a `st.pydeck_chart`: `.indices` (each layer id's selected object
    indices) and `.objects` (each layer id's selected objects, as their data rows)."""

    indices: dict[str, list[int]]
    objects: dict[str, list[dict[str, Any]]]

    @overload
    def __getitem__(self, key: Literal["indices"]) -> dict[str, list[int]]: ...

    @overload
    def __getitem__(self, key: Literal["objects"]) -> dict[str, list[dict[str, Any]]]: ...

    @overload
    def __getitem__(self, key: Any) -> Any: ...

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(key)


class PydeckState(ReadOnlyAttributeDict):
    """What `st.pydeck_chart(..., on_select=...)` returns (and `st.session_state[key]` holds):
    `.selection`, a `PydeckSelectionState`. Only selection events are reported."""

    selection: PydeckSelectionState

    @overload
    def __getitem__(self, key: Literal["selection"]) -> PydeckSelectionState: ...

    @overload
    def __getitem__(self, key: Any) -> Any: ...

    def __getitem__(self, key: Any) -> Any:
        item = dict.__getitem__(self, key)
        if key == "selection" and isinstance(item, dict):
            return PydeckSelectionState(item)
        return super().__getitem__(key)


def empty_event() -> DeckEvent:
    return {"selection": {"indices": {}, "objects": {}}}


def selection_mode(mode: object) -> DeckSelectionMode:
    """`selection_mode` checked as Streamlit 1.67 checks it: one mode, as a string."""
    if not isinstance(mode, str):
        raise type_error(
            "selection_mode",
            type(mode).__name__,
            ["str"],
            detail="Selection mode must be a single value.",
        )
    if mode not in SELECTION_MODES:
        raise value_error("selection_mode", [f"'{m}'" for m in SELECTION_MODES])
    return cast("DeckSelectionMode", mode)


def event_from_wire(value: object) -> PydeckState:
    """A viewer's `DeckEvent` as the script sees it; refuses a malformed one."""
    selection = value.get("selection") if isinstance(value, Mapping) else None
    if not isinstance(selection, Mapping):
        raise InvalidWidgetValue("pydeck selection: expected {selection: {...}}")
    indices = selection.get("indices", {})
    objects = selection.get("objects", {})
    if not (
        isinstance(indices, Mapping)
        and all(
            isinstance(v, list) and all(isinstance(i, int) and not isinstance(i, bool) for i in v)
            for v in indices.values()
        )
    ):
        raise InvalidWidgetValue("pydeck selection: `indices` must map layer ids to integers")
    if not (isinstance(objects, Mapping) and all(isinstance(v, list) for v in objects.values())):
        raise InvalidWidgetValue("pydeck selection: `objects` must map layer ids to lists")
    return PydeckState(
        {
            "selection": PydeckSelectionState(
                {
                    "indices": {str(k): list(v) for k, v in indices.items()},
                    "objects": {str(k): list(v) for k, v in objects.items()},
                }
            )
        }
    )


def event_to_wire(state: Mapping[str, Any]) -> DeckEvent:
    """The `DeckEvent` a state travels as (plain lists and dicts)."""
    selection = dict.__getitem__(state, "selection") if isinstance(state, dict) else {}
    indices = selection.get("indices", {}) if isinstance(selection, Mapping) else {}
    objects = selection.get("objects", {}) if isinstance(selection, Mapping) else {}
    return {
        "selection": {
            "indices": {str(k): list(v) for k, v in indices.items()},
            "objects": {str(k): list(v) for k, v in objects.items()},
        }
    }
