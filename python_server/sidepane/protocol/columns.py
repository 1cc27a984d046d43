"""Tables on the wire: a DataFrame as `dataframe` props plus column-batch payloads, and back.

See docs/protocol.md, "Dataframe columns". Encoding is pure (frame → props, payloads) so it runs
without a run context and in tests; `decode_columns` is the inverse a viewer (or AppTest) applies.
Numeric data goes out as raw little-endian memory, one `tobytes()` per batch: no per-row Python.
"""

from __future__ import annotations

import datetime
import functools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import xxhash

from sidepane.errors import SidepaneAPIException
from sidepane.protocol.frames import pack, payload_data

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from sidepane.protocol.schema.elements.data import Table, TableColumn

BATCH_ROWS = 16_384
"""Rows per column batch: small enough that the first rows draw early, big enough to be cheap."""

Payload = tuple[str, Any]
"""A payload to send: (xxh3-128 hex digest, data or a deferred producer of it; see
`frames.payload_data`)."""

_INT64_MIN = -(2**63)


def _value_named(df: pd.DataFrame) -> pd.DataFrame:
    """A lone column pandas named 0 is called "value", as Streamlit names it."""
    first: Any = df.columns[0] if len(df.columns) == 1 else None
    if first is not None and first == 0:
        return df.rename(columns={0: "value"})
    return df


def to_dataframe(data: Any) -> pd.DataFrame:
    """Anything `st.dataframe` accepts, as a pandas DataFrame (not copied if it is one)."""
    import numpy as np
    import pandas as pd

    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        return data.to_frame()
    if isinstance(data, pd.Index):
        return (
            data.to_frame(index=False) if not isinstance(data, pd.MultiIndex) else data.to_frame()
        )
    module = type(data).__module__
    if module.startswith("pandas.io.formats.style"):
        return to_dataframe(data.data)
    if isinstance(data, np.ndarray):
        if data.ndim == 0:
            return _value_named(pd.DataFrame([data.item()]))
        if data.ndim > 2:
            raise SidepaneAPIException(
                f"Unable to convert a {data.ndim}-dimensional numpy array to a dataframe. "
                "Only 1- and 2-dimensional arrays are supported."
            )
        return _value_named(pd.DataFrame(data))
    if callable(getattr(data, "to_pandas", None)):
        return to_dataframe(data.to_pandas())
    if callable(getattr(data, "__dataframe__", None)):
        return pd.api.interchange.from_dataframe(data)
    if all(hasattr(type(data), a) for a in ("execute", "fetchmany", "description")):
        # A DB-API cursor: its rows (the first 10,000, as Streamlit), named by its description.
        columns = [d[0] for d in data.description] if data.description else None
        return pd.DataFrame(data.fetchmany(10_000), columns=columns)
    if isinstance(data, Mapping):
        try:
            return pd.DataFrame(dict(data))
        except ValueError:
            # A dict of scalars: one row per key, as Streamlit shows it.
            return _value_named(pd.DataFrame.from_dict(dict(data), orient="index"))
    if isinstance(data, (str, bytes)) or not hasattr(data, "__iter__"):
        return _value_named(pd.DataFrame([data]))
    try:
        return _value_named(pd.DataFrame(list(data) if not isinstance(data, Sequence) else data))
    except (ValueError, TypeError) as exc:
        raise SidepaneAPIException(
            f"Unable to convert object of type `{type(data)}` to `pandas.DataFrame`. "
            "Offending object:\n```py\n" + repr(data)[:300] + "\n```"
        ) from exc


def encode_dataframe(
    data: Any, *, batch_rows: int = BATCH_ROWS, include_index: bool = True
) -> tuple[Table, list[Payload]]:
    """Encode a table: `({rows, index, columns, batch_rows}, [(hash, payload data)])`."""
    import pandas as pd

    df = to_dataframe(data)
    rows = len(df)
    payloads: list[Payload] = []
    index: list[TableColumn] = []
    if include_index:
        idx = df.index
        if isinstance(idx, pd.RangeIndex):
            index.append(
                {
                    "name": _name(idx.name),
                    "dtype": "range",
                    "kind": "r",
                    "start": int(idx.start),
                    "step": int(idx.step),
                    "batches": [],
                }
            )
        elif isinstance(idx, pd.MultiIndex):
            for level in range(idx.nlevels):
                values = idx.get_level_values(level)
                index.append(_encode_column(values, _name(values.name), rows, batch_rows, payloads))
        else:
            index.append(_encode_column(idx, _name(idx.name), rows, batch_rows, payloads))
    columns: list[TableColumn] = []
    multi = isinstance(df.columns, pd.MultiIndex)
    for position, label in enumerate(df.columns):
        series = df.iloc[:, position]
        if multi:
            parts = [_name(p) for p in label]
            column = _encode_column(series, " / ".join(parts), rows, batch_rows, payloads)
            column["path"] = parts
            levels = [_label(p) for p in label]
            if not all(isinstance(p, str) for p in levels):
                column["label"] = levels
        else:
            column = _encode_column(series, _name(label), rows, batch_rows, payloads)
            if not isinstance(raw := _label(label), str):
                column["label"] = raw
        columns.append(column)
    props: Table = {"rows": rows, "index": index, "columns": columns, "batch_rows": batch_rows}
    return props, _rows_first(index + columns, payloads)


def _rows_first(columns: list[TableColumn], payloads: list[Payload]) -> list[Payload]:
    """Payloads in batch order: batch 0 of every column, then batch 1… so a viewer can draw the
    first rows after the first batches, not after all of the first column."""
    data = dict(payloads)
    ordered: list[Payload] = []
    seen: set[str] = set()
    deepest = max((len(c["batches"]) for c in columns), default=0)
    for k in range(deepest):
        for column in columns:
            batches = column["batches"]
            if k < len(batches) and batches[k] not in seen:
                seen.add(batches[k])
                ordered.append((batches[k], data[batches[k]]))
    return ordered


def _name(label: object) -> str:
    return "" if label is None else str(label)


def _label(label: object) -> str | int | float | bool:
    """A column label as given, for rebuilding the frame: numbers and booleans keep their type."""
    if isinstance(label, (str, bool, int, float)):
        return label
    item = getattr(label, "item", None)  # a NumPy scalar
    value = item() if callable(item) else None
    if isinstance(value, (str, bool, int, float)):
        return value
    return _name(label)


def _encode_column(
    values: Any, name: str, rows: int, batch_rows: int, payloads: list[Payload]
) -> TableColumn:
    """Describe one column and append its batches' payloads."""
    import numpy as np
    import pandas as pd

    dtype = values.dtype
    column: dict[str, Any] = {"name": name, "dtype": str(dtype)}
    extra: dict[str, Any] = {}
    array: np.ndarray[Any, Any] | None = None
    strings: list[str | None] | None = None
    if isinstance(dtype, pd.CategoricalDtype):
        kind = "O"
        column["categories"] = [_display(c) for c in dtype.categories]
        if dtype.ordered:
            column["ordered"] = True
        strings = _display_list(np.asarray(values, dtype=object))
    elif isinstance(dtype, pd.DatetimeTZDtype) or (
        isinstance(dtype, np.dtype) and dtype.kind in "Mm"
    ):
        kind = "M" if isinstance(dtype, pd.DatetimeTZDtype) or dtype.kind == "M" else "m"
        raw = np.asarray(values.array if hasattr(values, "array") else values)
        if isinstance(dtype, pd.DatetimeTZDtype):
            extra["tz"] = str(dtype.tz)
            raw = np.asarray(pd.DatetimeIndex(values).tz_convert("UTC").tz_localize(None))
        unit = np.datetime_data(raw.dtype)[0]
        extra["unit"] = unit
        array = raw.view("<i8")
        extra["e"] = "<i8"
    elif isinstance(dtype, np.dtype) and dtype.kind in "fiu":
        kind = dtype.kind
        array = np.asarray(values)
        if dtype.kind == "f" and dtype.itemsize > 8:
            array = array.astype("<f8")
        extra["e"] = array.dtype.newbyteorder("<").str
    elif isinstance(dtype, np.dtype) and dtype.kind == "b":
        kind = "b"
        array = np.asarray(values).view(np.uint8)
        extra["e"] = "|u1"
    elif isinstance(dtype, pd.BooleanDtype):
        kind = "b"
        masked = values.array
        array = np.where(masked.isna(), 2, masked.to_numpy(dtype=bool, na_value=False)).astype(
            np.uint8
        )
        extra["e"] = "|u1"
    elif getattr(dtype, "kind", "") in "fiu" and getattr(dtype, "_is_numeric", False):
        # Nullable Int64/Float64: integers with missing values travel as float64 with NaN.
        kind = dtype.kind
        masked = values.array
        if bool(masked.isna().any()) or dtype.kind == "f":
            array = masked.to_numpy(dtype="float64", na_value=np.nan)
        else:
            array = masked.to_numpy(dtype=dtype.numpy_dtype)
        extra["e"] = array.dtype.newbyteorder("<").str
    else:
        kind = "O"
        if isinstance(values, pd.Index):
            values = values.to_series(index=None)
        if isinstance(values, pd.Series) and isinstance(values.dtype, pd.SparseDtype):
            values = values.sparse.to_dense()  # type: ignore[attr-defined, unused-ignore]
        objects = np.asarray(values, dtype=object)
        strings = _display_list(objects)
        if column["dtype"] == "object" and (value_type := _object_type(objects)) is not None:
            column["values"] = value_type
    column["kind"] = kind
    if extra.get("tz"):
        column["tz"] = extra["tz"]
    batches: list[str] = []
    meta = (name, column["dtype"], extra.get("e", ""), extra.get("unit", ""), extra.get("tz", ""))
    meta_bytes = "\0".join(meta).encode()
    for start in range(0, rows, batch_rows):
        stop = min(start + batch_rows, rows)
        hasher = xxhash.xxh3_128(meta_bytes)
        data: Any
        if array is not None:
            chunk = array[start:stop].astype(extra["e"], copy=False)
            if chunk.flags.c_contiguous:
                # Hashed in place; the bytes are made only if a viewer lacks this batch, and
                # after the element is sent, so a big table starts drawing sooner.
                hasher.update(chunk.data)
                data = _NumericBatch(extra, chunk)
            else:
                raw_bytes = chunk.tobytes()
                hasher.update(raw_bytes)
                data = {**extra, "b": raw_bytes}
        else:
            assert strings is not None
            part = strings[start:stop]
            hasher.update(pack(part))
            data = {"v": part}
        digest = hasher.hexdigest()
        batches.append(digest)
        payloads.append((digest, data))
    column["batches"] = batches
    return cast("TableColumn", column)


class _NumericBatch:
    """A deferred `column` payload: a slice of the column's memory, turned into bytes on send."""

    __slots__ = ("_chunk", "_extra")

    def __init__(self, extra: dict[str, Any], chunk: Any) -> None:
        self._extra = extra
        self._chunk = chunk

    def __call__(self) -> dict[str, Any]:
        return {**self._extra, "b": self._chunk.tobytes()}


def _display(value: object) -> str | None:
    """A cell's display text, or None when it is missing."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, bytes):
        try:
            return value.decode()
        except UnicodeDecodeError:
            return repr(value)
    return str(value)


def _display_list(values: np.ndarray[Any, Any]) -> list[str | None]:
    items = values.tolist()
    return [v if type(v) is str else _display(v) for v in items]


@functools.cache
def _text_types() -> dict[str, tuple[type, Callable[[str], Any]]]:
    """Python types whose `str()` parses back exactly (`values` of an object column): name →
    (type, parser)."""
    # decimal loads with the first table (pandas imports it anyway), not with the `st.` API.
    import decimal

    return {
        "bool": (bool, lambda text: text == "True"),
        "int": (int, int),
        "float": (float, float),
        "decimal": (decimal.Decimal, decimal.Decimal),
        "date": (datetime.date, datetime.date.fromisoformat),
        "time": (datetime.time, datetime.time.fromisoformat),
        "datetime": (datetime.datetime, datetime.datetime.fromisoformat),
    }


@functools.cache
def _type_names() -> dict[type, str]:
    return {kind: name for name, (kind, _) in _text_types().items()}


def _object_type(values: np.ndarray[Any, Any]) -> str | None:
    """The one type of `_text_types` every present value has (exactly), else None."""
    found: str | None = None
    type_names = _type_names()
    for value in values.tolist():
        if _display(value) is None:
            continue
        name = type_names.get(type(value))
        if name is None or (found is not None and name != found):
            return None  # a string column stops at its first value
        found = name
    return found


# ---- decoding ----


def decode_columns(props: Mapping[str, Any], payloads: Mapping[str, Any]) -> pd.DataFrame:
    """Rebuild the DataFrame described by `dataframe`-style props from received payloads.

    A batch whose payload has not arrived raises KeyError.
    """
    import pandas as pd

    rows = int(props["rows"])
    data = {}
    columns = list(props.get("columns", []))
    for i, column in enumerate(columns):
        data[i] = decode_column(column, rows, payloads)
    df = pd.DataFrame(data)
    if columns and all("path" in c for c in columns):
        df.columns = pd.MultiIndex.from_tuples([tuple(c.get("label", c["path"])) for c in columns])
    else:
        df.columns = pd.Index([c.get("label", c["name"]) for c in columns])
    index_cols = list(props.get("index", []))
    if len(index_cols) == 1 and index_cols[0]["kind"] == "r":
        r = index_cols[0]
        step = int(r["step"])
        df.index = pd.RangeIndex(
            int(r["start"]), int(r["start"]) + rows * step, step, name=r["name"] or None
        )
    elif len(index_cols) == 1:
        series = decode_column(index_cols[0], rows, payloads)
        df.index = pd.Index(series, name=index_cols[0]["name"] or None)
    elif index_cols:
        arrays = [decode_column(c, rows, payloads) for c in index_cols]
        df.index = pd.MultiIndex.from_arrays(arrays, names=[c["name"] or None for c in index_cols])
    return df


def decode_column(column: Mapping[str, Any], rows: int, payloads: Mapping[str, Any]) -> pd.Series:
    """One column's values (as a Series with a default index) from its batches' payloads."""
    import numpy as np
    import pandas as pd

    parts = [payload_data(payloads[h]) for h in column["batches"]]
    kind = column["kind"]
    dtype = column["dtype"]
    if kind == "r":
        start, step = int(column["start"]), int(column["step"])
        return pd.Series(np.arange(start, start + rows * step, step))
    if kind == "O":
        values: list[Any] = [v for p in parts for v in p["v"]]
        if "categories" in column:
            return pd.Series(
                pd.Categorical(
                    values, categories=column["categories"], ordered=column.get("ordered", False)
                )
            )
        if dtype in ("object",):
            text_type = _text_types().get(column.get("values", ""))
            if text_type is not None:
                parse = text_type[1]
                values = [None if v is None else parse(v) for v in values]
            return pd.Series(values, dtype=object)
        try:
            typed: pd.Series = pd.Series(values, dtype=dtype)
            return typed
        except (TypeError, ValueError):
            return pd.Series(values, dtype=object)
    encoding = parts[0]["e"] if parts else "<f8"
    raw = b"".join(p["b"] for p in parts)
    array = np.frombuffer(raw, dtype=encoding)
    if kind in "Mm":
        unit = parts[0]["unit"] if parts else "ns"
        moments = array.view(f"<{kind}8[{unit}]")
        if kind == "M" and column.get("tz"):
            return pd.Series(pd.DatetimeIndex(moments).tz_localize("UTC").tz_convert(column["tz"]))
        return pd.Series(moments)
    if kind == "b":
        if dtype == "bool":
            return pd.Series(array.astype(bool))
        return pd.Series(
            pd.array([None if v == 2 else bool(v) for v in array.tolist()], dtype="boolean")
        )
    series = pd.Series(array.copy())
    if str(series.dtype) != dtype:
        try:
            series = series.astype(dtype)
        except (TypeError, ValueError):
            pass
    return series
