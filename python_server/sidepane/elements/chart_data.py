"""A built-in chart's data (`st.line_chart` & co.): any input, in the long form Vega-Lite draws.

Streamlit's rules, step by step: the input becomes a DataFrame (a lone unnamed column is called
`value`); the index becomes the x column when no `x` is given; unused columns are dropped;
column names become strings, and names Vega-Lite would read as a path (`a.b`, `c[0]`) get an
alias; several y columns are melted into one value column and one colour column.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections import UserList, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import EnumMeta
from typing import TYPE_CHECKING, Any

from sidepane.elements.arguments import type_error
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.columns import to_dataframe

if TYPE_CHECKING:
    import pandas as pd

# Names Streamlit gives generated columns, so user column names never collide with them.
SUFFIX = " -- streamlit-generated"
INDEX_COL = "index" + SUFFIX
MELTED_Y = "value" + SUFFIX
MELTED_COLOR = "color" + SUFFIX
_ALIAS_PREFIX = "col" + SUFFIX + "-"
# Characters Vega-Lite reads as nested access or escapes inside a field name.
_PATH_CHARS = (".", "[", "]", "\\")


@dataclass
class ChartData:
    """A built-in chart's table, with the (string) names of the columns each channel draws."""

    df: pd.DataFrame
    x: str | None
    y: str | None
    y_list: list[str]
    color_column: str | None
    color_value: Any
    size_column: str | None
    size_value: Any
    sort_column: str | None
    # Alias -> the user's column name, for titles, tooltips and legends.
    original: dict[str, str] = field(default_factory=dict)


def chart_dataframe(data: Any) -> pd.DataFrame:
    """Any chart input as a new DataFrame, converted as Streamlit converts it."""
    import numpy as np
    import pandas as pd

    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data.copy()
    if isinstance(data, (pd.Series, pd.Index, pd.api.extensions.ExtensionArray)):
        return pd.DataFrame(data)
    if isinstance(data, np.ndarray):
        if data.ndim == 0:
            return pd.DataFrame()
        return _name_lone_column(to_dataframe(data))
    if _is_namedtuple(data):
        return _from_key_values(data._asdict())
    if dataclasses.is_dataclass(data) and not isinstance(data, type):
        return _from_key_values(dataclasses.asdict(data))
    if isinstance(data, Mapping) and not isinstance(data, dict):
        # Mappings that are not dicts (session_state, query_params, UserDict, ChainMap…)
        # are read as key -> value rows.
        return _from_key_values(dict(data))
    if isinstance(data, dict):
        try:
            return _name_lone_column(pd.DataFrame(data))
        except (ValueError, TypeError):
            return _from_key_values(data)
    if inspect.isgeneratorfunction(data):
        return _name_lone_column(pd.DataFrame(list(data())))
    if isinstance(data, EnumMeta):
        members: Iterable[Any] = data
        return _name_lone_column(pd.DataFrame([member.value for member in members]))
    if isinstance(data, (list, tuple, set, frozenset, deque, map, UserList, range)) or (
        type(data).__module__ == "array" or inspect.isgenerator(data)
    ):
        try:
            return _name_lone_column(pd.DataFrame(list(data)))
        except (ValueError, TypeError) as exc:
            raise _conversion_error(data) from exc
    # DataFrame libraries, Stylers, Arrow tables…: the shared table conversion.
    return to_dataframe(data).copy()


def _conversion_error(data: Any) -> SidepaneAPIException:
    return SidepaneAPIException(
        f"Unable to convert object of type `{type(data)}` to `pandas.DataFrame`. "
        "Offending object:\n```py\n" + repr(data)[:300] + "\n```"
    )


def _is_namedtuple(data: Any) -> bool:
    return isinstance(data, tuple) and callable(getattr(data, "_asdict", None))


def _from_key_values(data: Mapping[Any, Any]) -> pd.DataFrame:
    import pandas as pd

    return _name_lone_column(pd.DataFrame.from_dict(dict(data), orient="index"))


def _name_lone_column(df: pd.DataFrame) -> pd.DataFrame:
    """pandas calls a lone unnamed column `0`; Streamlit calls it `value`."""
    label: Any = df.columns[0] if len(df.columns) == 1 else None
    if label is not None and label == 0:
        return df.rename(columns={0: "value"})
    return df


def _string_columns(df: pd.DataFrame) -> None:
    """Column labels as strings, in place (a MultiIndex becomes its tuples, as text)."""
    import pandas as pd

    df.columns = pd.Index([str(c) for c in df.columns.to_flat_index()], dtype=object)


def _not_found(df: pd.DataFrame, name: str) -> SidepaneAPIException:
    available = ", ".join(str(c) for c in df.columns)
    return SidepaneAPIException(
        f'Data does not have a column named `"{name}"`. Available columns are `{available}`'
    )


def _y_names(y: Any) -> list[str]:
    if y is None:
        return []
    if isinstance(y, (str, int, float, bool)):
        return [str(y)]
    if isinstance(y, Mapping):
        return [str(k) for k in y]
    if isinstance(y, Iterable):
        return [str(c) for c in y]
    return [str(y)]


def prepare_chart_data(
    data: Any,
    *,
    x: Any,
    y: Any,
    color: Any,
    size: Any,
    sort: bool | str,
) -> ChartData:
    """The chart's table and columns (see the module docstring); bad names raise clearly."""
    import pandas as pd

    df = chart_dataframe(data)
    # Names are matched as text, so `y=[0, 1]` and `y=["0", "1"]` both name a numpy array's
    # columns (Streamlit compares the text of `y` with the raw labels and finds nothing).
    _string_columns(df)

    if x is not None and not isinstance(x, str):
        raise type_error(
            "x",
            type(x).__name__,
            ["str", "None"],
            "Pass a column name or None to use the dataframe's index.",
        )
    if x is not None and x not in df.columns:
        raise _not_found(df, x)
    y_list = list(df.columns) if y is None else _y_names(y)
    for name in y_list:
        if name not in df.columns:
            raise _not_found(df, name)
    # x is drawn as y too only when the user asked for it by name.
    if x in y_list and (not y or x not in (y if isinstance(y, str) else _y_names(y))):
        y_list.remove(x)

    color_column, color_value = _column_or_value(df, color)
    size_column, size_value = _column_or_value(df, size)
    sort_column: str | None = None
    if sort is not True and sort is not False:
        sort_column = str(sort).removeprefix("-")
        if sort_column not in df.columns:
            raise _not_found(df, sort_column)

    x_column: str | None = x
    if x_column is None and y_list:
        if isinstance(df.index, pd.MultiIndex):
            # One x value per row: the row's labels as text, as tuple column labels are
            # (Streamlit fails here).
            df.index = pd.Index([str(labels) for labels in df.index])
        index_name = None if df.index.name is None else str(df.index.name)
        # An index named like a column is drawn under the generated name (Streamlit fails).
        x_column = INDEX_COL if index_name is None or index_name in df.columns else index_name
        df.index.name = x_column
        df = df.reset_index()

    keep = list(
        dict.fromkeys(
            c for c in (x_column, color_column, size_column, sort_column, *y_list) if c is not None
        )
    )
    df = df[keep].copy()
    _convert_color_tuples(df, color_column)

    # Alias names Vega-Lite would misread; each duplicate y name takes the next alias in turn.
    original: dict[str, str] = {}
    first_alias: dict[str, str] = {}
    queued: dict[str, list[str]] = {}
    reserved = {name for name in df.columns if not any(ch in name for ch in _PATH_CHARS)}
    names: list[str] = []
    for i, name in enumerate(df.columns):
        if not any(ch in name for ch in _PATH_CHARS):
            names.append(name)
            continue
        alias, n = f"{_ALIAS_PREFIX}{i}", 0
        while alias in reserved or alias in original:
            n += 1
            alias = f"{_ALIAS_PREFIX}{i}-{n}"
        original[alias] = name
        first_alias.setdefault(name, alias)
        queued.setdefault(name, []).append(alias)
        names.append(alias)
    df.columns = pd.Index(names, dtype=object)

    def remap(name: str | None) -> str | None:
        return None if name is None else first_alias.get(name, name)

    def remap_y(name: str) -> str:
        aliases = queued.get(name)
        return aliases.pop(0) if aliases else first_alias.get(name, name)

    x_column, color_column = remap(x_column), remap(color_column)
    size_column, sort_column = remap(size_column), remap(sort_column)
    y_list = [remap_y(c) for c in y_list]

    y_column: str | None = y_list[0] if len(y_list) == 1 else None
    if len(y_list) > 1 and x_column is not None:
        leave = [x_column] + [c for c in (size_column, sort_column) if c and c != x_column]
        df = _melt(df, leave, y_list)
        y_column, color_column = MELTED_Y, MELTED_COLOR
        if original:
            df[MELTED_COLOR] = df[MELTED_COLOR].map(lambda v: original.get(v, v))
            y_list = [original.get(c, c) for c in y_list]

    return ChartData(
        df=df,
        x=x_column,
        y=y_column,
        y_list=y_list,
        color_column=color_column,
        color_value=color_value,
        size_column=size_column,
        size_value=size_value,
        sort_column=sort_column,
        original=original,
    )


def _column_or_value(df: pd.DataFrame, arg: Any) -> tuple[str | None, Any]:
    if isinstance(arg, str) and arg in df.columns:
        return arg, None
    return None, arg


def _convert_color_tuples(df: pd.DataFrame, color_column: str | None) -> None:
    from sidepane.elements.chart_colors import css_color, is_tuple_color

    if color_column is None or not len(df[color_column]):
        return
    if is_tuple_color(df[color_column].iat[0]):
        df[color_column] = df[color_column].apply(css_color)


def _melt(df: pd.DataFrame, leave: list[str], y_list: list[str]) -> pd.DataFrame:
    """Wide to long: one row per (row, y column), the column's name in the colour column."""
    import pandas as pd
    from pandas.api.types import infer_dtype

    melted = pd.melt(
        df, id_vars=leave, value_vars=y_list, var_name=MELTED_COLOR, value_name=MELTED_Y
    )
    values = melted[MELTED_Y]
    if values.dtype == "object" and "mixed" in infer_dtype(values):
        if len(values.unique()) > 100:
            raise SidepaneAPIException(
                "The columns used for rendering the chart contain too many values with "
                "mixed types. Please select the columns manually via the y parameter."
            )
        # Streamlit's Arrow conversion turns mixed columns into text; match its types.
        melted[MELTED_Y] = values.astype(str)
    return melted
