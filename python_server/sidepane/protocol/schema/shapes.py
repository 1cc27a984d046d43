"""The schema as plain data: every declared shape reduced to a small JSON-able form.

The viewer's development build checks each frame it receives against this table
(`webview/src/core/validate.ts`), and the Python tests check each frame the runtime emits against
the same reading (`validate.py`). The declarations are read by the walk the generators share
(`walk.py`), so the table, the TypeScript and the reference cannot read one two ways.

A shape is a scalar name (`"str"`, `"int"` — never a bool —, `"float"` — an int too —, `"bool"`,
`"null"`, `"bytes"`, `"any"`) or one of `{"lit": [values]}`, `{"list": shape}`,
`{"tuple": [shapes]}`, `{"map": shape}` (string keys), `{"union": [shapes]}` and
`{"ref": name}`, a TypedDict declared once in `defs` as `{"keys": {key: shape}, "required":
[keys]}` (its bases' keys included).
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

import typing_extensions as te

from sidepane.protocol.schema import registry
from sidepane.protocol.schema.walk import Rendered, SchemaTypeError, TypeWalker, name_of

Shape = Any
"""A JSON-able shape, as the module docstring describes."""


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class ShapeTable(TypeWalker):
    """Reduces type expressions to shapes (spelled as JSON text while walking), remembering
    each TypedDict once in `defs`."""

    target = "the shape table"
    scalars: ClassVar[dict[object, str]] = {
        str: '"str"',
        int: '"int"',
        float: '"float"',
        bool: '"bool"',
        bytes: '"bytes"',
        type(None): '"null"',
        None: '"null"',
        Any: '"any"',
        object: '"any"',
    }

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self._owners: dict[str, object] = {}

    def shape(self, tp: object, where: str) -> Shape:
        """The shape of one type expression."""
        return json.loads(self.type_of(tp, where).text)

    def typeddict(self, shape: type) -> str:
        """Declare a TypedDict in `defs` (once); its name."""
        name = name_of(shape)
        owner = self._owners.get(name)
        if owner is shape:
            return name
        if owner is not None:
            raise SchemaTypeError(f"two shapes are named {name}: {owner!r} and {shape!r}")
        registry.require_runtime_annotations(shape)
        self._owners[name] = shape
        entry: dict[str, Any] = {}
        self.defs[name] = entry  # before the keys: a shape may refer to itself
        hints = te.get_type_hints(shape, include_extras=True)
        required: frozenset[str] = shape.__required_keys__  # type: ignore[attr-defined]
        entry["keys"] = {k: self.shape(h, f"{name}.{k}") for k, h in hints.items()}
        entry["required"] = [k for k in hints if k in required]
        return name

    def named(self, shape: object, name: str) -> str:
        if isinstance(shape, te.TypeAliasType):
            return self.type_of(shape.__value__, name).text
        return _json({"ref": self.typeddict(shape)})  # type: ignore[arg-type]

    def array(self, item: Rendered) -> str:
        return f'{{"list": {item.text}}}'

    def fixed_tuple(self, items: list[str]) -> str:
        return f'{{"tuple": [{", ".join(items)}]}}'

    def record(self, value: str) -> str:
        return f'{{"map": {value}}}'

    def literals(self, values: tuple[object, ...], where: str) -> Rendered:
        for value in values:
            if value is not None and not isinstance(value, bool | int | str):
                raise SchemaTypeError(f"{where}: no literal for {value!r}")
        return Rendered(_json({"lit": list(values)}))

    def union_of(self, members: list[str]) -> Rendered:
        unique = list(dict.fromkeys(members))
        if len(unique) == 1:
            return Rendered(unique[0])
        return Rendered(f'{{"union": [{", ".join(unique)}]}}', union=True)


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
    return (
        f"{header}\n"
        "// The declared shapes as data, for the development build's frame check (validate.ts).\n\n"
        'import type { ShapeTable } from "./validate";\n\n'
        f"export const SHAPES: ShapeTable = {_json(schema_table())};\n"
    )
