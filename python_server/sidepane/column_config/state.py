"""Read-only widget states of `st.dataframe`: what a button-column click puts in session state.

They are dicts (so `==`, `json.dumps` and `dict(...)` work as in Streamlit) that also read by
attribute (`click.row`) and refuse changes, because changing them would not change the app.
Only the standard library is imported here: this module loads with `import sidepane`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal, overload

from sidepane.errors import InvalidWidgetValue

READ_ONLY_MESSAGE = (
    "Widget state is read-only because modifying nested values has no effect "
    "on the app. For widget states that support programmatic updates "
    "(e.g. st.dataframe selections), assign a new dictionary to the Session "
    "State key instead, for example:\n"
    "    st.session_state['my_key'] = {'selection': {'rows': [0]}}"
)


class ReadOnlyAttributeDict(dict[Any, Any]):
    """A dict read by key or attribute; nested dicts come back read-only too."""

    def __getitem__(self, key: Any) -> Any:
        item = super().__getitem__(key)
        return ReadOnlyAttributeDict(item) if isinstance(item, dict) else item

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError as err:
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{key}'"
            ) from err

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError(READ_ONLY_MESSAGE)

    __setattr__ = _refuse
    __setitem__ = _refuse
    __delitem__ = _refuse
    __ior__ = _refuse
    clear = _refuse
    pop = _refuse
    popitem = _refuse
    setdefault = _refuse
    update = _refuse

    def __copy__(self) -> ReadOnlyAttributeDict:
        return type(self)(dict.copy(self))

    def __deepcopy__(self, memo: dict[int, Any]) -> ReadOnlyAttributeDict:
        import copy

        return type(self)(copy.deepcopy(dict(self), memo))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickling (st.cache_data, multiprocessing) rebuilds from a plain dict, not item by item.
        return (type(self), (dict(self),))


class ButtonColumnClickState(ReadOnlyAttributeDict):
    """A click on a `st.column_config.ButtonColumn` button, as `st.session_state[key]` holds it
    for the one rerun the click starts: `.row` (the row's position in the data given to
    `st.dataframe`, not in the viewer's sort order) and `.label` (the clicked button's text).
    """

    row: int
    label: str

    @overload
    def __getitem__(self, key: Literal["row"]) -> int: ...

    @overload
    def __getitem__(self, key: Literal["label"]) -> str: ...

    @overload
    def __getitem__(self, key: Any) -> Any: ...

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(key)


def click_from_wire(wire: Any) -> ButtonColumnClickState | None:
    """A viewer's click `{row, label}` (or Streamlit's JSON text of it), checked as Streamlit
    checks it; None / empty means no click."""
    if wire is None or wire == "":
        return None
    parsed = json.loads(wire) if isinstance(wire, str) else wire
    row = parsed.get("row") if isinstance(parsed, Mapping) else None
    label = parsed.get("label") if isinstance(parsed, Mapping) else None
    if not isinstance(row, int) or isinstance(row, bool) or not isinstance(label, str):
        raise InvalidWidgetValue("Invalid button click state: expected {row: int, label: str}.")
    if row < 0:
        raise InvalidWidgetValue(f"Invalid button click row index: {row}. Row must be >= 0.")
    return ButtonColumnClickState({"row": row, "label": label})


def click_to_wire(value: Any) -> dict[str, Any] | None:
    """A click as the viewer sends it (None when there is none)."""
    if value is None:
        return None
    return {"row": value["row"], "label": value["label"]}


class DataframeSelectionState(ReadOnlyAttributeDict):
    """What is selected in a `st.dataframe`: `.rows` (positions in the data given to
    `st.dataframe`, whatever the viewer's sort order), `.columns` (names) and `.cells`
    (`(row, column name)` tuples; index cells are never reported)."""

    rows: list[int]
    columns: list[str]
    cells: list[tuple[int, str]]

    @overload
    def __getitem__(self, key: Literal["rows"]) -> list[int]: ...

    @overload
    def __getitem__(self, key: Literal["columns"]) -> list[str]: ...

    @overload
    def __getitem__(self, key: Literal["cells"]) -> list[tuple[int, str]]: ...

    @overload
    def __getitem__(self, key: Any) -> Any: ...

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(key)


class DataframeState(ReadOnlyAttributeDict):
    """What `st.dataframe(..., on_select=...)` returns (and `st.session_state[key]` holds):
    `.selection`, a `DataframeSelectionState`. Set a selection from the script by assigning
    `{"selection": {"rows": [...], "columns": [...], "cells": [...]}}` to the key."""

    selection: DataframeSelectionState

    @overload
    def __getitem__(self, key: Literal["selection"]) -> DataframeSelectionState: ...

    @overload
    def __getitem__(self, key: Any) -> Any: ...

    def __getitem__(self, key: Any) -> Any:
        item = dict.__getitem__(self, key)
        if key == "selection" and isinstance(item, DataframeSelectionState):
            return item
        return super().__getitem__(key)
