"""Turning arbitrary Python objects into JSON text for `st.json` and `st.write`."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any


def _default(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, Mapping):
        return dict(obj)
    if isinstance(obj, (set, frozenset)):
        return sorted(obj, key=repr)
    if hasattr(obj, "model_dump") and callable(obj.model_dump):
        return obj.model_dump()
    if hasattr(obj, "_asdict") and callable(obj._asdict):
        return obj._asdict()
    if hasattr(obj, "__iter__") and not isinstance(obj, (str, bytes)):
        return list(obj)
    if hasattr(obj, "tolist") and callable(obj.tolist):
        return obj.tolist()
    return str(obj)


def to_json_text(obj: object) -> str:
    """JSON for `obj`; what JSON cannot express (dates, custom objects) becomes its str()."""
    if hasattr(obj, "_asdict") and callable(obj._asdict):
        obj = obj._asdict()
    return json.dumps(obj, default=_default, allow_nan=True)
