"""Tables for custom components (v1) as Arrow, as Streamlit sends and takes them.

A table argument travels as three Arrow IPC streams (its values, its index and its column
labels, each a table of its own), plus a Styler's CSS and display values when it is one:
streamlit-component-lib rebuilds its `ArrowTable` from them. A component that sends an
`ArrowTable` back (`setComponentValue(table)`) sends the same three streams, which the script
gets as a DataFrame. See docs/protocol.md, "Custom components".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

from sidepane.errors import SidepaneAPIException

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from sidepane.protocol.schema.elements.components import ArrowTable, ArrowTableStyler

_STREAMS = ("data", "index", "columns")
# What pyarrow raises for values it cannot hold (its ArrowTypeError, ArrowInvalid and
# ArrowNotImplementedError; OverflowError for an int past int64).
_ARROW_ERRORS: tuple[type[BaseException], ...] = (
    TypeError,
    ValueError,
    NotImplementedError,
    OverflowError,
)
_CELL_ID = re.compile(r"row(\d+)_col(\d+)")


def to_arrow_table(value: Any) -> ArrowTable:
    """A table argument (anything `st.dataframe` takes) as the Arrow streams a component reads.

    Raises ModuleNotFoundError without pyarrow, SidepaneAPIException for what Arrow cannot
    hold even with mixed columns made text.
    """
    import pyarrow  # noqa: F401  (missing: the caller's "install pyarrow" error, before any work)

    # Loaded with the first table, not with every app that declares a component.
    from sidepane.protocol.columns import to_dataframe

    df = to_dataframe(value)
    table: ArrowTable = {
        "data": _ipc(df),
        "index": _ipc(_labels(df.index)),
        "columns": _ipc(_labels(df.columns)),
    }
    if type(value).__module__.startswith("pandas.io.formats.style"):
        table["styler"] = _styler(value)
    return table


def is_arrow_table(wire: object) -> bool:
    """Whether a component's value is a table it sent (`setComponentValue(arrowTable)`): the
    three streams and nothing else. A JSON value holds no bytes, so nothing else matches."""
    return (
        isinstance(wire, Mapping)
        and set(wire) == set(_STREAMS)
        and all(isinstance(wire[k], (bytes, bytearray, memoryview)) for k in _STREAMS)
    )


def to_dataframe_value(wire: Mapping[str, Any]) -> pd.DataFrame:
    """A table a component sent, as a DataFrame: its values, index and column labels."""
    import pandas as pd

    try:
        data, index, columns = (_read_ipc(bytes(wire[k])) for k in _STREAMS)
    except Exception as exc:  # pyarrow.ArrowInvalid and friends: the component sent junk
        raise ValueError(f"not an Arrow table: {exc}") from exc
    return pd.DataFrame(
        data.to_numpy(),
        index=index.to_numpy().T.tolist(),
        columns=columns.to_numpy().T.tolist(),
    )


def _labels(index: pd.Index) -> pd.DataFrame:
    """Row or column labels as a table: a row per label, a column per level (a MultiIndex's
    tuples spread out)."""
    import pandas as pd

    return pd.DataFrame([list(v) if isinstance(v, tuple) else v for v in index.values])


def _ipc(df: pd.DataFrame) -> bytes:
    import pyarrow as pa

    try:
        table = pa.Table.from_pandas(df)
    except _ARROW_ERRORS:
        # A column of mixed types (ints and strings…) goes as text, as Streamlit sends it.
        try:
            table = pa.Table.from_pandas(_mixed_as_text(df))
        except _ARROW_ERRORS as exc:
            raise SidepaneAPIException(f"Could not convert the table to Arrow: {exc}") from exc
    table = _standard_widths(table)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def _mixed_as_text(df: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    fixed = df.copy()
    for position, (_, column) in enumerate(df.items()):
        if not _fits_arrow(column):
            fixed.isetitem(position, column.astype("string").array)
    if not isinstance(df.index, pd.MultiIndex) and not _fits_arrow(df.index):
        fixed.index = df.index.astype("string")
    return fixed


def _fits_arrow(values: pd.Series | pd.Index) -> bool:
    import pyarrow as pa

    try:
        pa.array(values, from_pandas=True)
    except _ARROW_ERRORS:
        return False
    return True


def _standard_widths(table: pa.Table) -> pa.Table:
    """Large strings, binaries and lists (pandas 3's strings) as the standard types: the Arrow
    JS that components bundle is often too old to read the large ones."""
    import pyarrow as pa

    def narrow(t: pa.DataType) -> pa.DataType:
        if pa.types.is_large_string(t):
            return pa.string()
        if pa.types.is_large_binary(t):
            return pa.binary()
        if pa.types.is_large_list(t) or pa.types.is_list(t):
            return pa.list_(t.value_field.with_type(narrow(t.value_type)))
        return t

    schema = pa.schema(
        [f.with_type(narrow(f.type)) for f in table.schema], metadata=table.schema.metadata
    )
    return table if schema.equals(table.schema) else table.cast(schema)


def _read_ipc(stream: bytes) -> pd.DataFrame:
    import pyarrow as pa

    df: pd.DataFrame = pa.ipc.open_stream(stream).read_pandas()
    return df


def _styler(styler: Any) -> ArrowTableStyler:
    """A Styler's id, caption, CSS (its rules scoped to `#T_<uuid>`) and display values."""
    import pandas as pd

    data: pd.DataFrame = styler.data
    limit = int(pd.options.styler.render.max_elements)
    if data.size > limit:
        raise SidepaneAPIException(
            f"The dataframe has `{data.size}` cells, but the maximum number of cells allowed to "
            f"be rendered by Pandas Styler is configured to `{limit}`. To allow more cells to be "
            'styled, you can change the `"styler.render.max_elements"` config. For example: '
            f'`pd.set_option("styler.render.max_elements", {data.size})`'
        )
    # Styler's own rendering steps (private, as Streamlit uses them): styles, then the cells.
    styler._compute()
    translated: Mapping[str, Any] = styler._translate(False, False)
    uuid = str(styler.uuid)
    rules = [
        _css(f"#T_{uuid} {style['selector']}", style["props"])
        for style in translated.get("table_styles", [])
        if _any_declared(style["props"])
    ] + [
        _css(", ".join(f"#T_{uuid}_{cell}" for cell in style["selectors"]), style["props"])
        for style in translated.get("cellstyle", [])
        if _any_declared(style["props"])
    ]
    result: ArrowTableStyler = {"uuid": uuid, "display_values": _ipc(_display(data, translated))}
    if styler.caption is not None:
        result["caption"] = str(styler.caption)
    if rules:
        result["styles"] = "\n".join(rules)
    return result


def _any_declared(props: list[tuple[str, str]]) -> bool:
    return any(any(pair) for pair in props)


def _css(selector: str, props: list[tuple[str, str]]) -> str:
    declarations = "; ".join(f"{str(name).strip()}: {str(value).strip()}" for name, value in props)
    return f"{selector} {{ {declarations} }}"


def _display(data: pd.DataFrame, translated: Mapping[str, Any]) -> pd.DataFrame:
    """The values as the Styler formats them (`format`), all text."""
    shown = data.astype(str)
    by_column: defaultdict[int, dict[int, str]] = defaultdict(dict)
    for row in translated.get("body", []):
        for cell in row:
            match = _CELL_ID.match(cell.get("id") or "")
            if match is None:
                continue
            value = cell.get("display_value")
            text = str(value.value if isinstance(value, Enum) else value)
            by_column[int(match[2])][int(match[1])] = text
    for column, rows in by_column.items():
        shown.iloc[list(rows), column] = list(rows.values())
    return shown
