"""A v2 component's `data=` as it travels: JSON, raw bytes, a table as Arrow IPC bytes, or a
dict whose first-level tables travel as Arrow beside its JSON (Streamlit's "mixed" data)."""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Mapping
from typing import Any

from sidepane.errors import SidepaneAPIException
from sidepane.protocol.schema.elements.components_v2 import BidiComponentFields

# The placeholder a table leaves in a dict's JSON (Streamlit's ARROW_REF_KEY).
ARROW_REF_KEY = "__streamlit_arrow_ref__"
_TABLE_MODULES = ("pandas", "numpy", "polars", "pyarrow", "modin", "dask", "xarray", "snowflake")


class BidiComponentUnserializableDataError(SidepaneAPIException):
    """`data=` is none of JSON, bytes, or a table."""

    def __init__(self) -> None:
        super().__init__(
            "The `data` provided to the bidirectional component could not be serialized. "
            "Please ensure the data is JSON-serializable, or is a supported data structure "
            "like a pandas DataFrame."
        )


def _is_table(value: object) -> bool:
    if isinstance(value, (str, bytes, int, float, bool)) or value is None:
        return False
    return type(value).__module__.partition(".")[0] in _TABLE_MODULES and (
        hasattr(value, "shape") or hasattr(value, "to_pandas") or hasattr(value, "columns")
    )


def _arrow_bytes(value: Any) -> bytes:
    from sidepane.protocol.columns import to_dataframe

    # Any: pyarrow ships no type information.
    pa: Any = importlib.import_module("pyarrow")

    table = value if isinstance(value, pa.Table) else pa.Table.from_pandas(to_dataframe(value))
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def _json(value: Any) -> Any:
    # Through JSON text, as the frame receives it in Streamlit: tuples become lists, keys text.
    return json.loads(json.dumps(value))


def _mixed(data: Any, fields: BidiComponentFields) -> None:
    refs: dict[str, bytes] = {}
    processed: Any = data
    if isinstance(data, dict):
        processed = {}
        for key, value in data.items():
            if _is_table(value):
                try:
                    blob = _arrow_bytes(value)
                except Exception:
                    processed[key] = value  # left for JSON, as Streamlit does
                    continue
                ref = hashlib.md5(blob, usedforsecurity=False).hexdigest()
                refs[ref] = blob
                processed[key] = {ARROW_REF_KEY: ref}
            else:
                processed[key] = value
    try:
        fields["data"] = _json(processed)
    except (TypeError, ValueError):
        # Streamlit's fallback for what JSON cannot hold: the value's text.
        fields["data"] = str(processed)
    if refs:
        fields["arrow_refs"] = refs


def add_data(data: Any, fields: BidiComponentFields) -> None:
    """Put `data` into `fields` the way it travels (see the module docstring)."""
    if data is None:
        return
    try:
        if isinstance(data, (bytes, bytearray, memoryview)):
            fields["data_bytes"] = bytes(data)
        elif isinstance(data, (Mapping, list, tuple)):
            _mixed(dict(data) if isinstance(data, Mapping) else data, fields)
        elif _is_table(data):
            fields["data_arrow"] = _arrow_bytes(data)
        else:
            fields["data"] = _json(data)
    except Exception:
        try:
            fields["data"] = _json(data)
        except Exception:
            raise BidiComponentUnserializableDataError() from None


def identity_of(fields: BidiComponentFields) -> str:
    """A digest of the data, for the id of an unkeyed instance (key order does not count)."""
    h = hashlib.sha256()
    if "data" in fields:
        h.update(json.dumps(fields["data"], sort_keys=True).encode())
    for name in ("data_bytes", "data_arrow"):
        blob = fields.get(name)
        if isinstance(blob, bytes):
            h.update(name.encode() + blob)
    h.update(",".join(sorted(fields.get("arrow_refs", {}))).encode())
    return h.hexdigest()
