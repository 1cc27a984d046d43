"""`st.dataframe` selections: the modes, and selection states checked against the data.

A selection travels as `{"selection": {"rows": [int], "columns": [str], "cells": [[int, str]]}}`
(docs/protocol.md, "Dataframe selections"); in Python it is a `DataframeState`. Rows are
positions in the data as given to `st.dataframe`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sidepane.column_config.state import DataframeSelectionState, DataframeState
from sidepane.elements.arguments import value_error
from sidepane.errors import InvalidWidgetValue, StreamlitAPIException

SELECTION_MODES = (
    "multi-cell",
    "multi-column",
    "multi-row",
    "single-cell",
    "single-column",
    "single-row",
    "single-row-required",
)
ROW_MODES = frozenset({"single-row", "single-row-required", "multi-row"})
COLUMN_MODES = frozenset({"single-column", "multi-column"})

_BAD_STATE = (
    "Selection state must be a dictionary with a 'selection' key containing 'rows', "
    "'columns', and 'cells' arrays."
)


def incompatible(*uses: str, explanation: str | None = None) -> StreamlitAPIException:
    """Streamlit's `StreamlitIncompatibleParametersError` for these parameter uses."""
    quoted = [f"`{u}`" for u in uses]
    names = (
        " and ".join(quoted) if len(quoted) == 2 else ", ".join(quoted[:-1]) + f", and {quoted[-1]}"
    )
    message = f"{names} cannot be used together."
    return StreamlitAPIException(f"{message} {explanation}" if explanation else message)


def selection_modes(selection_mode: str | Iterable[str]) -> frozenset[str]:
    """The user's `selection_mode` (one mode or several) checked as Streamlit checks it."""
    modes = {selection_mode} if isinstance(selection_mode, str) else set(selection_mode)
    if not modes <= set(SELECTION_MODES):
        raise value_error("selection_mode", [f"'{m}'" for m in SELECTION_MODES])
    rows = modes & ROW_MODES
    if len(rows) > 1:
        raise incompatible(
            *(f"selection_mode='{m}'" for m in sorted(rows)),
            explanation="Only one row selection mode can be specified.",
        )
    for single, multi in (("single-column", "multi-column"), ("single-cell", "multi-cell")):
        if {single, multi} <= modes:
            raise incompatible(f"selection_mode='{single}'", f"selection_mode='{multi}'")
    return frozenset(modes)


class SelectionSpace:
    """What can be selected in one dataframe: its row count, column names and modes."""

    __slots__ = ("column_set", "modes", "rows")

    def __init__(self, rows: int, columns: Iterable[str], modes: frozenset[str]) -> None:
        self.rows = rows
        self.column_set = frozenset(columns)
        self.modes = modes

    def state(self, rows: list[int], columns: list[str], cells: list[tuple[int, str]]) -> Any:
        """A `DataframeState` after the modes' limits (single modes keep the first)."""
        modes = self.modes
        if not modes & ROW_MODES:
            rows = []
        elif "multi-row" not in modes:
            rows = rows[:1]
        if "single-row-required" in modes and not rows and self.rows > 0:
            rows = [0]
        if not modes & COLUMN_MODES:
            columns = []
        elif "multi-column" not in modes:
            columns = columns[:1]
        if "single-cell" in modes:
            cells = cells[:1]
        elif "multi-cell" not in modes:
            cells = []
        selection = DataframeSelectionState({"rows": rows, "columns": columns, "cells": cells})
        return DataframeState({"selection": selection})

    def from_script(self, value: Any) -> Any:
        """A selection set by the script (`selection_default`, `st.session_state[key] = ...`):
        a bad shape is an error, entries that do not fit the data are dropped (as Streamlit)."""
        if isinstance(value, DataframeState):
            return value
        if not isinstance(value, Mapping) or not isinstance(value.get("selection"), Mapping):
            raise StreamlitAPIException(_BAD_STATE)
        selection = value["selection"]
        raw_rows, raw_columns, raw_cells = (
            selection.get("rows"),
            selection.get("columns"),
            selection.get("cells"),
        )
        rows: list[int] = []
        if isinstance(raw_rows, list):
            rows = list(dict.fromkeys(r for r in raw_rows if self._row(r)))
        columns: list[str] = []
        if isinstance(raw_columns, list):
            columns = list(dict.fromkeys(c for c in raw_columns if c in self.column_set))
        cells: list[tuple[int, str]] = []
        # Streamlit sets cells from the script in single-cell mode only.
        if isinstance(raw_cells, list) and "single-cell" in self.modes:
            cells = list(
                dict.fromkeys(
                    (c[0], c[1])
                    for c in raw_cells
                    if isinstance(c, (list, tuple)) and len(c) == 2 and self._cell(c[0], c[1])
                )
            )
        return self.state(rows, columns, cells)

    def from_wire(self, wire: Any) -> Any:
        """A selection sent by a viewer: anything out of shape or range is refused."""
        if isinstance(wire, str):
            wire = json.loads(wire)
        selection = wire.get("selection") if isinstance(wire, Mapping) else None
        if not isinstance(selection, Mapping):
            raise InvalidWidgetValue(_BAD_STATE)
        raw_rows = selection.get("rows", [])
        raw_columns = selection.get("columns", [])
        raw_cells = selection.get("cells", [])
        if not (
            isinstance(raw_rows, list)
            and isinstance(raw_columns, list)
            and isinstance(raw_cells, list)
        ):
            raise InvalidWidgetValue(_BAD_STATE)
        if not all(self._row(r) for r in raw_rows):
            raise InvalidWidgetValue(f"a selected row is not in 0..{self.rows - 1}")
        if not all(c in self.column_set for c in raw_columns if isinstance(c, str)) or not all(
            isinstance(c, str) for c in raw_columns
        ):
            raise InvalidWidgetValue("a selected column is not a column of the data")
        cells: list[tuple[int, str]] = []
        for cell in raw_cells:
            if not (isinstance(cell, (list, tuple)) and len(cell) == 2):
                raise InvalidWidgetValue("a selected cell is not [row, column]")
            if not self._cell(cell[0], cell[1]):
                raise InvalidWidgetValue(f"selected cell {list(cell)!r} is not in the data")
            cells.append((cell[0], cell[1]))
        return self.state(
            list(dict.fromkeys(raw_rows)),
            list(dict.fromkeys(raw_columns)),
            list(dict.fromkeys(cells)),
        )

    def _row(self, row: object) -> bool:
        return isinstance(row, int) and not isinstance(row, bool) and 0 <= row < self.rows

    def _cell(self, row: object, column: object) -> bool:
        return self._row(row) and isinstance(column, str) and column in self.column_set


def selection_to_wire(value: Any) -> dict[str, Any]:
    """A `DataframeState` as the viewer receives it (cells as `[row, column]` lists)."""
    selection = value["selection"]
    return {
        "selection": {
            "rows": list(selection["rows"]),
            "columns": list(selection["columns"]),
            "cells": [[r, c] for r, c in selection["cells"]],
        }
    }
