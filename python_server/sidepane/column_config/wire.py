"""`column_config` as the `dataframe` element sends it (docs/protocol.md, "Dataframe columns").

The user's mapping (names, `"_index"`, int positions → a label, None or a `ColumnConfig` dict)
becomes `{key: settings}` with one flat `ColumnSettings` per key (declared in the schema): the
`type_config` entries are lifted beside `label`, `width`… and None values dropped. Int keys
become `"_pos:<n>"` (position 0 is the first index column), as in Streamlit. Columns whose cells
are lists or dicts travel as JSON text, so the viewer can draw chips, sparklines and JSON without
parsing Python reprs.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, cast

from typing_extensions import get_type_hints

from sidepane.column_config import ButtonColumnResult
from sidepane.elements.arguments import type_error
from sidepane.errors import StreamlitAPIException
from sidepane.protocol.schema.elements.data import ColumnSettings, ColumnType
from sidepane.protocol.schema.validate import validate

if TYPE_CHECKING:
    import pandas as pd

WireConfig = dict[str, ColumnSettings]

# Column types whose cells are lists or objects: their values are sent as JSON text.
STRUCTURED_TYPES = frozenset(
    {"list", "multiselect", "line_chart", "bar_chart", "area_chart", "json"}
)

# How far into a column to look for its first value when guessing list / dict columns.
_SNIFF_ROWS = 64


def wire_column_config(config: Mapping[Any, Any] | None) -> WireConfig:
    """The `column_config` prop for a user's mapping (empty when there is none)."""
    out: WireConfig = {}
    if not config:
        return out
    for name, value in config.items():
        key = f"_pos:{name}" if isinstance(name, int) else str(name)
        if value is None:
            out[key] = {"hidden": True}
        elif isinstance(value, str):
            out[key] = {"label": value}
        elif isinstance(value, ButtonColumnResult):
            out[key] = _flatten(value.config)
        elif isinstance(value, Mapping):
            out[key] = _flatten(value)
        else:
            raise type_error(
                "column_config",
                type(value).__name__,
                ["None", "str", "dict"],
                f"Invalid configuration for column `{name}`.",
            )
    return out


def _flatten(settings: Mapping[Any, Any]) -> ColumnSettings:
    entry: dict[str, Any] = {}
    for key, value in settings.items():
        if value is None:
            continue
        if key == "type_config":
            if isinstance(value, str):
                entry["type"] = value
            elif isinstance(value, Mapping):
                entry.update(_plain_mapping(value))
            continue
        entry[str(key)] = _plain(value)
    return _declared(entry)


@functools.cache
def _settings_types() -> dict[str, Any]:
    return get_type_hints(ColumnSettings, include_extras=True)


def _declared(entry: Mapping[str, Any]) -> ColumnSettings:
    """The settings the schema declares, each checked against its declared type.

    A user's own dict may hold anything; Streamlit passes it through and its viewer ignores what
    it cannot use. Here that choice is made once, on this side: unknown keys and ill-typed
    values are left out (a whole float stands for an int: `width=150.0`), so the viewer reads
    the declared types as they are.
    """
    types = _settings_types()
    out: dict[str, Any] = {}
    for key, value in entry.items():
        declared = types.get(key)
        if declared is None:
            continue
        if validate(value, declared):
            if not (isinstance(value, float) and value.is_integer()):
                continue
            value = int(value)
            if validate(value, declared):
                continue
        out[key] = value
    return cast("ColumnSettings", out)


def _plain_mapping(value: Mapping[Any, Any]) -> dict[str, Any]:
    return {str(k): _plain(v) for k, v in value.items() if v is not None}


def _plain(value: Any) -> Any:
    """A config value as msgpack-safe data, refusing what Streamlit's JSON encoding refuses."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise StreamlitAPIException(
                "The provided column config cannot be serialized into JSON: "
                "Out of range float values are not JSON compliant"
            )
        return value
    if isinstance(value, Mapping):
        return _plain_mapping(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if type(value).__module__ == "numpy" and callable(getattr(value, "item", None)):
        # Streamlit refuses NumPy scalars; taking their value is kinder and changes nothing else.
        return _plain(value.item())
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def column_settings(config: WireConfig, name: str, position: int) -> ColumnSettings:
    """The settings of the column `name` at `position` (index columns counted first, the index
    named `_index`), merged as the viewer merges them: `_index` or the name, then the position."""
    merged: ColumnSettings = {}
    for key in (name, f"_pos:{position}"):
        entry = config.get(key)
        if entry is not None:
            merged.update(entry)
    return merged


def column_type(config: WireConfig, name: str, position: int) -> ColumnType | None:
    """The configured type of the column `name` at `position` (index columns counted first)."""
    for key in (f"_pos:{position}", name):
        entry = config.get(key)
        if entry is not None and "type" in entry:
            return entry["type"]
    return None


def prepare_structured(df: pd.DataFrame, config: WireConfig, index_columns: int) -> pd.DataFrame:
    """`df` with list / dict cells as JSON text where the column's type wants them.

    Object columns without a configured type whose first value is a list (or dict) get type
    `list` (or `json`) in `config`, as Streamlit picks ListColumn / JsonColumn for them. The
    caller's frame is never modified: a shallow copy is returned when a column changes.
    """
    out = df
    # dtypes first: a wide numeric frame costs one pass over its dtypes, no Series per column.
    for position, dtype in enumerate(df.dtypes.tolist()):
        if not _object_like(dtype):
            continue
        series = df.iloc[:, position]
        label = df.columns[position]
        name = " / ".join(str(p) for p in label) if isinstance(label, tuple) else str(label)
        wire_position = index_columns + position
        kind = column_type(config, name, wire_position)
        if kind is None:
            kind = _sniff(series)
            if kind is None:
                continue
            config.setdefault(f"_pos:{wire_position}", {})["type"] = kind
        if kind not in STRUCTURED_TYPES and not (kind == "button" and _has_lists(series)):
            # Button cells are labels; a column with label lists travels as JSON like a list
            # column (a text column is left alone: no per-row work for a million labels).
            continue
        if out is df:
            out = df.copy(deep=False)
        out.isetitem(position, _json_cells(series))
    return out


def _object_like(dtype: Any) -> bool:
    return getattr(dtype, "kind", "") == "O" or type(dtype).__name__ == "ArrowDtype"


def _missing(value: object) -> bool:
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or type(value).__name__ in ("NAType", "NaTType")
    )


def _sniff(series: pd.Series) -> Literal["json", "list"] | None:
    for value in series.iloc[:_SNIFF_ROWS].tolist():
        if _missing(value):
            continue
        if isinstance(value, Mapping):
            return "json"
        if isinstance(value, (list, tuple, set, frozenset)) or type(value).__name__ == "ndarray":
            return "list"
        return None
    return None


def _has_lists(series: pd.Series) -> bool:
    """Whether the first rows hold a list (a button cell with several labels)."""
    return any(
        isinstance(v, (list, tuple)) or type(v).__name__ == "ndarray"
        for v in series.iloc[:_SNIFF_ROWS].tolist()
    )


def _json_cells(series: pd.Series) -> list[str | None]:
    import json

    out: list[str | None] = []
    for value in series.tolist():
        if isinstance(value, str):
            out.append(value)  # already text (JSON or comma-separated): the viewer parses it
        elif _missing(value):
            out.append(None)
        else:
            out.append(json.dumps(_cell(value), ensure_ascii=False, separators=(",", ":")))
    return out


def _cell(value: Any) -> Any:
    """A cell's value as JSON-ready data: NaN → null, arrays → lists, dates → ISO text."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): _cell(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_cell(v) for v in value]
    tolist = getattr(value, "tolist", None)
    if callable(tolist) and type(value).__module__ == "numpy":
        return _cell(tolist())  # arrays become lists, scalars plain numbers
    if _missing(value):
        return None
    isoformat = getattr(value, "isoformat", None)
    if callable(isoformat):
        return isoformat()
    if isinstance(value, bytes):
        return value.decode(errors="replace")
    return str(value)
