"""Turning arbitrary Python objects into JSON text for `st.json` and `st.write`, as Streamlit does:
sets become lists, anything else JSON cannot express becomes its repr."""

from __future__ import annotations

import dataclasses
import json
from collections import ChainMap, UserDict
from collections.abc import Iterable, Mapping
from types import MappingProxyType


def safe_repr(obj: object) -> str:
    """repr(obj), or a description of the failure: an odd object must not break a run."""
    try:
        return repr(obj)
    except Exception as exc:
        return f"<{type(obj).__name__}: repr() raised {type(exc).__name__}>"


def _default(obj: object) -> object:
    if isinstance(obj, (set, frozenset)):
        return list(obj)
    dump = getattr(type(obj), "model_dump", None)
    if callable(dump) and not isinstance(obj, type):
        # A pydantic model inside a list or dict: its fields, as Streamlit shows it.
        return dump(obj)
    return safe_repr(obj)


def normalize(body: object) -> object:
    """The containers `st.json` accepts, turned into plain dicts and lists."""
    cls = type(body)
    if isinstance(body, tuple) and hasattr(cls, "_asdict"):
        return cls._asdict(body)
    if isinstance(body, (ChainMap, MappingProxyType, UserDict)):
        return dict(body)
    if isinstance(body, Mapping) and callable(getattr(cls, "to_dict", None)):
        # `st.session_state`, `st.query_params`: shown as their contents, as in Streamlit.
        return body.to_dict()  # type: ignore[attr-defined]
    if callable(getattr(cls, "model_dump", None)) and not isinstance(body, type):
        return cls.model_dump(body)  # type: ignore[attr-defined]
    if dataclasses.is_dataclass(body) and not isinstance(body, type):
        return dataclasses.asdict(body)
    if isinstance(body, Iterable) and not isinstance(body, (str, bytes, Mapping)):
        return list(body)
    return body


def to_json_text(body: object) -> tuple[str, str | None]:
    """(JSON text, warning): the warning is set when keys had to be skipped, as in Streamlit."""
    body = normalize(body)
    try:
        return json.dumps(body, default=_default), None
    except (TypeError, ValueError) as err:
        warning = (
            "this data structure was not fully serializable as JSON due to one or more "
            f"unexpected keys.  (Error was: {err})"
        )
        try:
            return json.dumps(body, skipkeys=True, default=_default), warning
        except (TypeError, ValueError) as err2:  # e.g. a circular reference
            return json.dumps(safe_repr(body)), f"this data structure is not JSON: {err2}"
