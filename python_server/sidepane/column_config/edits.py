"""`st.data_editor` edits: the widget state, column data kinds, and applying edits to a frame.

The state is Streamlit's: `{"edited_rows": {row: {column: value}}, "added_rows": [{column:
value}], "deleted_rows": [row]}`, rows being positions in the data given to `st.data_editor`.
On the wire it is that dict as JSON text (docs/protocol.md, "Data editor"). Only edited rows are
touched: a million-row frame costs nothing more than `st.dataframe` until someone edits it.
Only the standard library is imported at module level: this module loads with `import sidepane`.
"""

from __future__ import annotations

import importlib
import json
import logging
import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

from sidepane.column_config.state import ReadOnlyAttributeDict
from sidepane.errors import InvalidWidgetValue, StreamlitAPIException

if TYPE_CHECKING:
    import pandas as pd

    from sidepane.column_config.wire import WireConfig
    from sidepane.protocol.schema.elements.data import ColumnSettings

_LOGGER = logging.getLogger(__name__)

INDEX = "_index"

# Column types the editor never edits (computed or display-only cells).
READ_ONLY_TYPES = frozenset(
    {
        "object",
        "image",
        "audio",
        "video",
        "progress",
        "line_chart",
        "bar_chart",
        "area_chart",
        "json",
        "button",
    }
)

# Configured column type → the data kinds it can edit (Streamlit's compatibility table).
_COMPATIBLE: dict[str, frozenset[str]] = {
    "text": frozenset({"string", "empty"}),
    "number": frozenset({"integer", "float", "decimal", "string", "timedelta", "empty"}),
    "checkbox": frozenset({"boolean", "string", "integer", "empty"}),
    "selectbox": frozenset({"string", "boolean", "integer", "float", "empty"}),
    "date": frozenset({"date", "datetime", "empty"}),
    "time": frozenset({"time", "datetime", "empty"}),
    "datetime": frozenset({"datetime", "date", "time", "empty"}),
    "link": frozenset({"string", "empty"}),
    "list": frozenset({"list", "string", "empty"}),
    "multiselect": frozenset({"list", "string", "empty"}),
    "markdown": frozenset({"string", "empty"}),
}

# Data kinds the viewer can edit without a configured type (others are shown read-only).
EDITABLE_KINDS = frozenset(
    {"integer", "float", "decimal", "string", "boolean", "date", "time", "datetime", "empty"}
)


class DataEditorState(ReadOnlyAttributeDict):
    """What `st.session_state[key]` holds for a `st.data_editor`: `.edited_rows` (row position
    → column name → value), `.added_rows` (one dict per new row) and `.deleted_rows` (row
    positions in the data given to `st.data_editor`). It cannot be set from the script."""

    edited_rows: dict[int, dict[str, Any]]
    added_rows: list[dict[str, Any]]
    deleted_rows: list[int]

    @overload
    def __getitem__(self, key: Literal["edited_rows"]) -> dict[int, dict[str, Any]]: ...

    @overload
    def __getitem__(self, key: Literal["added_rows"]) -> list[dict[str, Any]]: ...

    @overload
    def __getitem__(self, key: Literal["deleted_rows"]) -> list[int]: ...

    @overload
    def __getitem__(self, key: Any) -> Any: ...

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(key)


def empty_state() -> DataEditorState:
    return DataEditorState({"edited_rows": {}, "added_rows": [], "deleted_rows": []})


def state_to_wire(state: Any) -> str:
    """The state as the viewer sends it: JSON text (row keys become strings)."""
    if state is None:
        state = empty_state()
    return json.dumps(
        {
            "edited_rows": {str(k): v for k, v in dict(state.get("edited_rows", {})).items()},
            "added_rows": list(state.get("added_rows", [])),
            "deleted_rows": list(state.get("deleted_rows", [])),
        },
        default=str,
    )


def column_kind(values: pd.Series | pd.Index) -> str:
    """The data kind of a column, as Streamlit names it ("integer", "string", "list"…)."""
    import pandas as pd
    from pandas.api import types

    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return column_kind(pd.Index(dtype.categories))
    if types.is_bool_dtype(dtype):
        return "boolean"
    if types.is_integer_dtype(dtype):
        return "integer"
    if types.is_float_dtype(dtype):
        return "float"
    if types.is_datetime64_any_dtype(dtype):
        return "datetime"
    if types.is_timedelta64_dtype(dtype):
        return "timedelta"
    if types.is_complex_dtype(dtype):
        return "complex"
    if isinstance(dtype, pd.StringDtype):
        return "string"
    if isinstance(dtype, pd.PeriodDtype):
        return "period"
    if isinstance(dtype, pd.IntervalDtype):
        return "interval"
    if len(values) == 0 and getattr(dtype, "kind", "") == "O":
        return "empty"
    inferred = types.infer_dtype(values, skipna=True)
    return {
        "string": "string",
        "bytes": "bytes",
        "floating": "float",
        "mixed-integer-float": "float",
        "integer": "integer",
        "decimal": "decimal",
        "complex": "complex",
        "boolean": "boolean",
        "datetime64": "datetime",
        "datetime": "datetime",
        "date": "date",
        "time": "time",
        "timedelta64": "timedelta",
        "timedelta": "timedelta",
        "period": "period",
        "interval": "interval",
        "empty": "empty",
    }.get(inferred, _object_kind(values))


def _object_kind(values: pd.Series | pd.Index) -> str:
    for value in values[:64].tolist():
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        if isinstance(value, Mapping):
            return "dict"
        if isinstance(value, (list, tuple, set, frozenset)) or type(value).__name__ == "ndarray":
            return "list"
        break
    return "unknown"


class Schema:
    """Data kinds of a frame's columns, computed only for the columns that need one."""

    def __init__(self, df: pd.DataFrame) -> None:
        self._df = df
        self._kinds: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        kind = self._kinds.get(name)
        if kind is None:
            values = self._df.index if name == INDEX else self._df[name]
            kind = column_kind(values)
            self._kinds[name] = kind
        return kind


def check_compatible(df: pd.DataFrame, config: WireConfig, schema: Schema) -> None:
    """Refuse an editable column type that cannot edit its column's data, as Streamlit does."""
    names = [INDEX, *(str(c) for c in df.columns)]
    for position, name in enumerate(names):
        # Streamlit looks a column up by name only; a position is looked at when no name is.
        entry = config.get(name) or config.get(f"_pos:{position}") or {}
        configured = entry.get("type")
        if entry.get("disabled") is True or configured not in _COMPATIBLE:
            continue
        kind = schema[name]
        if kind not in _COMPATIBLE[configured]:
            raise StreamlitAPIException(
                f"The configured column type `{configured}` for column `{name}` is not "
                f"compatible for editing the underlying data type `{kind}`.\n\nYou have "
                "following options to fix this: 1) choose a compatible type 2) disable the "
                "column 3) convert the column into a compatible data type."
            )


def parse_value(value: Any, kind: str) -> Any:
    """A value from the viewer as the column's Python type (None when it cannot be)."""
    if value is None:
        return None
    import pandas as pd

    try:
        if kind == "timedelta" and isinstance(value, (int, float)):
            if not math.isfinite(value):
                raise ValueError("Duration seconds must be finite.")
            return pd.Timedelta(value, unit="s")
        if kind == "list":
            return list(value) if isinstance(value, (list, tuple)) else [value]
        if kind == "empty":
            return list(value) if isinstance(value, (list, tuple)) else value
        if kind == "string":
            return str(value)
        if isinstance(value, list):
            raise TypeError("List values are only supported by list, string and empty columns.")
        if kind == "integer":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "boolean":
            return bool(value)
        if kind == "decimal":
            from decimal import Decimal

            return Decimal(str(value))
        if kind == "timedelta":
            return pd.Timedelta(value)
        if kind in ("datetime", "date", "time"):
            stamp = pd.Timestamp(value)
            if pd.isna(stamp):
                return None
            if kind == "date":
                return stamp.date()
            if kind == "time":
                return stamp.time()
            return stamp
    except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
        _LOGGER.warning("Failed to parse value %s as %s.", value, kind, exc_info=exc)
        return None
    return value


def apply_edits(df: pd.DataFrame, state: Mapping[str, Any], schema: Schema) -> pd.DataFrame:
    """`df` (a copy the caller owns) with the cell edits, deletions and additions applied."""
    for row, changes in dict(state.get("edited_rows") or {}).items():
        position = int(row)
        if not 0 <= position < len(df):
            continue
        for name, value in changes.items():
            try:
                if name == INDEX:
                    new = parse_value(value, schema[INDEX])
                    df.index = df.index.delete(position).insert(position, new)
                elif name in df.columns:
                    column = int(df.columns.get_loc(name))  # type: ignore[arg-type]
                    df.iat[position, column] = parse_value(value, schema[name])
            except (TypeError, ValueError, OverflowError) as exc:
                _LOGGER.warning(
                    "Edit %r ignored (row %s, %s).", value, position, name, exc_info=exc
                )
    deleted = [int(r) for r in state.get("deleted_rows") or [] if 0 <= int(r) < len(df)]
    if deleted:
        df = df.drop(df.index[deleted])
    added = list(state.get("added_rows") or [])
    if added:
        _add_rows(df, added, schema)
    return df


def _add_rows(df: pd.DataFrame, added: list[Mapping[str, Any]], schema: Schema) -> None:
    import warnings

    import pandas as pd

    stop: int | None = None
    step = 1
    is_range = isinstance(df.index, pd.RangeIndex)
    if isinstance(df.index, pd.RangeIndex):
        stop, step = int(df.index.stop), int(df.index.step)
    elif pd.api.types.is_integer_dtype(df.index.dtype):
        stop = 0 if df.index.empty else int(df.index.max()) + 1
    for row in added:
        index_value = None
        values: list[Any] = [None] * df.shape[1]
        try:
            for name, value in row.items():
                if name == INDEX:
                    index_value = parse_value(value, schema[INDEX])
                elif name in df.columns:
                    values[df.columns.get_loc(name)] = parse_value(value, schema[name])
        except (TypeError, ValueError, OverflowError):
            continue
        if index_value is not None and not is_range:
            if index_value in df.index:
                continue
            label = index_value
        elif stop is not None:
            label = stop
        else:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                df.loc[label] = dict(zip(df.columns, values, strict=True))
        except (TypeError, ValueError, OverflowError):
            continue
        if stop is not None and label == stop:
            stop += step


class StateReader:
    """Turns a viewer's edit state into a `DataEditorState`, refusing edits the editor forbids
    (unknown or read-only columns, rows out of range, values outside a column's limits)."""

    def __init__(
        self,
        rows: int,
        columns: list[str],
        config: WireConfig,
        *,
        num_rows: str,
        index_editable: bool,
    ) -> None:
        self.rows = rows
        self.columns = columns
        self.config = config
        self.can_add = num_rows in ("dynamic", "add")
        self.can_delete = num_rows in ("dynamic", "delete")
        self.editable = {
            name for position, name in enumerate(columns) if self._editable(name, position + 1)
        }
        if index_editable:
            self.editable.add(INDEX)

    def _editable(self, name: str, position: int) -> bool:
        from sidepane.column_config.wire import column_settings

        entry = column_settings(self.config, name, position)
        return entry.get("disabled") is not True and entry.get("type") not in READ_ONLY_TYPES

    def __call__(self, wire: Any) -> DataEditorState:
        if wire is None or wire == "":
            return empty_state()
        try:
            parsed = json.loads(wire) if isinstance(wire, str) else wire
        except ValueError as exc:
            raise InvalidWidgetValue("Invalid data editor state: not JSON.") from exc
        if not isinstance(parsed, Mapping):
            raise InvalidWidgetValue("Invalid data editor state: expected an object.")
        edited_in = parsed.get("edited_rows") or {}
        added_in = parsed.get("added_rows") or []
        deleted_in = parsed.get("deleted_rows") or []
        if not isinstance(edited_in, Mapping) or not isinstance(added_in, list):
            raise InvalidWidgetValue("Invalid data editor state.")
        if not isinstance(deleted_in, list):
            raise InvalidWidgetValue("Invalid data editor state.")
        edited: dict[int, dict[str, Any]] = {}
        for row, changes in edited_in.items():
            position = int(row)
            if not 0 <= position < self.rows or not isinstance(changes, Mapping):
                raise InvalidWidgetValue(f"Invalid edited row: {row!r}.")
            edited[position] = {str(k): self._cell(str(k), v) for k, v in changes.items()}
        if added_in and not self.can_add:
            raise InvalidWidgetValue("This data editor does not allow adding rows.")
        added = []
        for row in added_in:
            if not isinstance(row, Mapping):
                raise InvalidWidgetValue("Invalid added row.")
            added.append({str(k): self._cell(str(k), v, new=True) for k, v in row.items()})
        if deleted_in and not self.can_delete:
            raise InvalidWidgetValue("This data editor does not allow deleting rows.")
        deleted: list[int] = []
        for row in deleted_in:
            if not isinstance(row, int) or isinstance(row, bool) or not 0 <= row < self.rows:
                raise InvalidWidgetValue(f"Invalid deleted row: {row!r}.")
            deleted.append(row)
        return DataEditorState(
            {"edited_rows": edited, "added_rows": added, "deleted_rows": deleted}
        )

    def _cell(self, name: str, value: Any, *, new: bool = False) -> Any:
        if name not in self.editable and not (new and name in self.columns):
            raise InvalidWidgetValue(f"Column {name!r} cannot be edited.")
        position = 0 if name == INDEX else self.columns.index(name) + 1
        from sidepane.column_config.wire import column_settings

        check_cell(column_settings(self.config, name, position), value)
        return value


def check_cell(entry: ColumnSettings, value: Any) -> None:
    """Refuse a value its column's settings forbid (limits, options, length, pattern)."""
    if value is None:
        if entry.get("required") is True:
            raise InvalidWidgetValue("This column requires a value.")
        return
    kind = entry.get("type")
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InvalidWidgetValue(f"{value!r} is not a number.")
        low, high = entry.get("min_value"), entry.get("max_value")
        if isinstance(low, (int, float)) and value < low:
            raise InvalidWidgetValue(f"{value} is below the minimum {low}.")
        if isinstance(high, (int, float)) and value > high:
            raise InvalidWidgetValue(f"{value} is above the maximum {high}.")
    elif kind == "checkbox":
        if not isinstance(value, bool):
            raise InvalidWidgetValue(f"{value!r} is not true or false.")
    elif kind == "selectbox":
        options = [o["value"] if isinstance(o, dict) else o for o in entry.get("options", [])]
        if options and value not in options:
            raise InvalidWidgetValue(f"{value!r} is not one of the column's options.")
    elif kind == "text":
        if not isinstance(value, str):
            raise InvalidWidgetValue(f"{value!r} is not text.")
        limit = entry.get("max_chars")
        if limit is not None and len(value) > limit:
            raise InvalidWidgetValue(f"The text is longer than {limit} characters.")
        pattern = entry.get("validate")
        if pattern and re.search(pattern, value) is None:
            raise InvalidWidgetValue("The text does not match the column's pattern.")


# --- data formats: what `st.data_editor` returns for each kind of input ---------------------


def data_format(data: Any) -> str:
    """The shape of `data`, naming how the edited frame goes back to the caller."""
    import numpy as np
    import pandas as pd

    if data is None:
        return "empty"
    if isinstance(data, pd.DataFrame):
        return "pandas_dataframe"
    if isinstance(data, np.ndarray):
        return "numpy_list" if data.ndim == 1 else "numpy_matrix"
    if isinstance(data, pd.Series):
        return "pandas_series"
    if isinstance(data, pd.Index):
        return "pandas_index"
    module = type(data).__module__
    if module.startswith("pandas.io.formats.style"):
        return "pandas_styler"
    if module.startswith("pyarrow"):
        return "pyarrow_table" if type(data).__name__ == "Table" else "pyarrow_array"
    if module.startswith("polars"):
        return "polars_series" if type(data).__name__ == "Series" else "polars_dataframe"
    if isinstance(data, (list, tuple, set, frozenset)):
        if not data:
            return "list_of_values" if isinstance(data, list) else _scalar_format(data)
        first = next(iter(data))
        if isinstance(first, Mapping):
            return "list_of_records"
        if isinstance(first, (list, tuple, set, frozenset)):
            return "list_of_rows"
        return _scalar_format(data)
    if isinstance(data, Mapping):
        if not data:
            return "key_value_dict"
        first_value = next(iter(data.values()))
        if isinstance(first_value, Mapping):
            return "column_index_mapping"
        if isinstance(first_value, (list, tuple)):
            return "column_value_mapping"
        if isinstance(first_value, pd.Series):
            return "column_series_mapping"
        return "key_value_dict"
    return "unknown"


def _scalar_format(data: Any) -> str:
    if isinstance(data, tuple):
        return "tuple_of_values"
    if isinstance(data, (set, frozenset)):
        return "set_of_values"
    return "list_of_values"


# Formats whose index means nothing to the user: hidden by default, as in Streamlit.
HIDDEN_INDEX_FORMATS = frozenset(
    {
        "set_of_values",
        "tuple_of_values",
        "list_of_values",
        "numpy_list",
        "numpy_matrix",
        "list_of_records",
        "list_of_rows",
        "column_value_mapping",
        "pandas_index",
        "polars_dataframe",
        "polars_series",
        "pyarrow_array",
    }
)


def to_input_dataframe(data: Any, fmt: str) -> pd.DataFrame:
    """`data` as a pandas DataFrame the editor may change (always a copy)."""
    import pandas as pd

    from sidepane.protocol.columns import to_dataframe

    if fmt == "key_value_dict":
        df = pd.DataFrame.from_dict(dict(data), orient="index") if data else pd.DataFrame()
    elif fmt in ("set_of_values",):
        df = pd.DataFrame(list(data))
    else:
        df = to_dataframe(data)
    return df.copy()


def _single_column(df: pd.DataFrame) -> pd.Series:
    if len(df.columns) != 1:
        raise StreamlitAPIException(
            f"DataFrame is expected to have a single column but has {len(df.columns)}."
        )
    return df.iloc[:, 0]


def _unify_missing(df: pd.DataFrame) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    return df.astype(object).where(pd.notna(df), None) if df.size else df.replace(np.nan, None)


def from_dataframe(df: pd.DataFrame, fmt: str) -> Any:
    """The edited frame in the input's format."""
    import numpy as np

    if fmt in ("empty", "pandas_dataframe", "pandas_styler", "pandas_index", "unknown"):
        return df
    if fmt == "numpy_list":
        return np.ndarray(0) if df.empty else df.iloc[:, 0].to_numpy()
    if fmt == "numpy_matrix":
        return np.ndarray(0) if df.empty else df.to_numpy()
    if fmt == "pandas_series":
        return _single_column(df)
    if fmt in ("pyarrow_table", "pyarrow_array"):
        # Optional libraries, imported by name: only data of their own types gets here.
        pa: Any = importlib.import_module("pyarrow")
        if fmt == "pyarrow_table":
            return pa.Table.from_pandas(df)
        return pa.Array.from_pandas(_single_column(df))
    if fmt in ("polars_dataframe", "polars_series"):
        pl: Any = importlib.import_module("polars")
        return pl.from_pandas(df if fmt == "polars_dataframe" else _single_column(df))
    if fmt == "list_of_records":
        return _unify_missing(df).to_dict(orient="records")
    if fmt == "list_of_rows":
        return _unify_missing(df).to_numpy().tolist()
    if fmt == "column_index_mapping":
        return _unify_missing(df).to_dict(orient="dict")
    if fmt == "column_value_mapping":
        return _unify_missing(df).to_dict(orient="list")
    if fmt == "column_series_mapping":
        return df.to_dict(orient="series")
    if fmt in ("list_of_values", "tuple_of_values", "set_of_values"):
        values: list[Any] = []
        if len(df.columns) == 1:
            values = _unify_missing(df).iloc[:, 0].tolist()
        elif len(df.columns) > 1:
            raise StreamlitAPIException(
                f"DataFrame is expected to have a single column but has {len(df.columns)}."
            )
        if fmt == "tuple_of_values":
            return tuple(values)
        if fmt == "set_of_values":
            return set(values)
        return values
    if fmt == "key_value_dict":
        return {} if df.empty else _unify_missing(df).iloc[:, 0].to_dict()
    raise StreamlitAPIException(f"Unsupported input data format: {fmt}")
