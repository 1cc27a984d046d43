"""The schema as plain data: every declared shape reduced to a small JSON-able form.

The viewer's development build checks each frame it receives against this table
(`webview/src/core/validate.ts`), as the Python tests check each frame the runtime emits
(`validate.py`): one reading of the declarations, written into the bundle by `make schema`.

A shape is a scalar name (`"str"`, `"int"` — never a bool —, `"float"` — an int too —, `"bool"`,
`"null"`, `"bytes"`, `"any"`) or one of `{"lit": [values]}`, `{"list": shape}`,
`{"tuple": [shapes]}`, `{"map": shape}` (string keys), `{"union": [shapes]}` and
`{"ref": name}`, a TypedDict declared once in `defs` as `{"keys": {key: shape}, "required":
[keys]}`.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

import typing_extensions as te

from sidepane.protocol.schema import registry

Shape = Any
"""A JSON-able shape, as the module docstring describes."""

_LITERAL = {typing.Literal, te.Literal}
_UNION = {typing.Union, types.UnionType}
_WRAPPERS = {te.Annotated, te.Required, te.NotRequired, te.ReadOnly}
_ARRAYS = {list, set, frozenset, Sequence, Iterable}
_RECORDS = {dict, Mapping}
_SCALARS: dict[object, str] = {
    str: "str",
    int: "int",
    float: "float",
    bool: "bool",
    bytes: "bytes",
    type(None): "null",
    None: "null",
    Any: "any",
    object: "any",
}


class ShapeTable:
    """The defs met while reducing shapes, each TypedDict once under its name."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self._owners: dict[str, object] = {}

    def shape(self, tp: object, where: str) -> Shape:
        while te.get_origin(tp) in _WRAPPERS:
            tp = te.get_args(tp)[0]
        if isinstance(tp, te.TypeAliasType):
            return self.shape(tp.__value__, where)
        if te.is_typeddict(tp):
            return {"ref": self.typeddict(cast(type, tp))}
        if tp in _SCALARS:
            return _SCALARS[tp]
        origin, args = te.get_origin(tp), te.get_args(tp)
        if origin in _LITERAL:
            return {"lit": list(args)}
        if origin in _UNION:
            return {"union": [self.shape(a, where) for a in args]}
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"list": self.shape(args[0], where)}
            return {"tuple": [self.shape(a, where) for a in args if a != ()]}
        if origin in _ARRAYS and len(args) == 1:
            return {"list": self.shape(args[0], where)}
        if origin in _RECORDS and len(args) == 2 and args[0] is str:
            return {"map": self.shape(args[1], where)}
        raise TypeError(f"{where}: the schema's shapes do not know {tp!r}")

    def typeddict(self, shape: type) -> str:
        name = shape.__name__
        owner = self._owners.get(name)
        if owner is shape:
            return name
        if owner is not None:
            raise TypeError(f"two shapes are named {name}: {owner!r} and {shape!r}")
        registry.require_runtime_annotations(shape)
        self._owners[name] = shape
        entry: dict[str, Any] = {}
        self.defs[name] = entry  # before the keys: a shape may refer to itself
        hints = te.get_type_hints(shape, include_extras=True)
        required: frozenset[str] = shape.__required_keys__  # type: ignore[attr-defined]
        entry["keys"] = {k: self.shape(h, f"{name}.{k}") for k, h in hints.items()}
        entry["required"] = [k for k in hints if k in required]
        return name


def schema_table() -> dict[str, Any]:
    """Every frame (both directions) and element type, by name, with the defs they use."""
    table = ShapeTable()
    runtime = {t: table.typeddict(s) for t, s in sorted(registry.RUNTIME_FRAMES.items())}
    viewer = {t: table.typeddict(s) for t, s in sorted(registry.VIEWER_FRAMES.items())}
    elements = {t: table.typeddict(s) for t, s in sorted(registry.ELEMENTS.items())}
    return {
        "runtimeFrames": runtime,
        "viewerFrames": viewer,
        "elements": elements,
        "defs": dict(sorted(table.defs.items())),
    }


def render_shapes_ts(header: str) -> str:
    """The table as the TypeScript module the viewer's development build imports."""
    body = json.dumps(schema_table(), indent=None, sort_keys=False)
    return (
        f"{header}\n"
        "// The declared shapes as data, for the development build's frame check (validate.ts).\n\n"
        'import type { ShapeTable } from "./validate";\n\n'
        f"export const SHAPES: ShapeTable = {body};\n"
    )
