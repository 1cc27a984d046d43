"""Checking a value against a declared shape, as the tests do for every frame the runtime emits.

Shapes are the type expressions the schema uses (TypedDicts, nested too, `Literal`, unions and
Optional, `list[...]`, `tuple[...]`, `dict[str, ...]`, scalars, `Any`, `Annotated`), read once
into plain data by `shapes.py` — the same table the viewer's development build checks frames
against (`webview/src/core/validate.ts`), with the same rules: an `int` is never a bool, a
`float` may be an int, and a list and a tuple are both a msgpack array.

Every element type the runtime draws is declared: an `upsert` of an undeclared type is a
problem, so a new element cannot skip its declaration.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from sidepane.protocol.schema import registry
from sidepane.protocol.schema.shapes import Shape, ShapeTable

Problems = list[str]
Checker = Callable[[Any, str, Problems], None]
"""`check(value, path, problems)` appends what is wrong with `value` at `path` to `problems`."""


def validate(value: object, shape: object) -> Problems:
    """What is wrong with `value` as a `shape`, each problem with its key path (`$` the root)."""
    problems: Problems = []
    _compiled(shape)(value, "$", problems)
    return problems


def validate_frame(frame: Mapping[str, Any]) -> Problems:
    """What is wrong with a frame of either direction: its fields by `t`, and an upsert's props
    by its element type."""
    kind = frame.get("t")
    shape = registry.RUNTIME_FRAMES.get(kind) or registry.VIEWER_FRAMES.get(kind)  # type: ignore[arg-type]
    if shape is None:
        return [f"$.t: unknown frame type {kind!r}"]
    problems: Problems = []
    _compiled(shape, frame=True)(frame, "$", problems)
    if kind == "upsert" and not problems:
        props_shape = registry.ELEMENTS.get(frame["type"])
        if props_shape is None:
            problems.append(f"$.type: element type {frame['type']!r} is not declared in the schema")
        else:
            _compiled(props_shape)(frame["props"], f"$.props({frame['type']})", problems)
    return problems


@functools.cache
def _compiled(shape: object, frame: bool = False) -> Checker:
    """The checker of a type expression; a frame's TypedDict also allows its `t` key."""
    table = ShapeTable()
    return _Compiler(table).compile(table.shape(shape, "$"), frame)


class _Compiler:
    """Turns shapes (shapes.py) into checkers, each TypedDict once."""

    def __init__(self, table: ShapeTable) -> None:
        self.defs = table.defs
        self.refs: dict[str, Checker] = {}

    def compile(self, shape: Shape, frame: bool = False) -> Checker:
        if isinstance(shape, str):
            return _SCALARS[shape]
        ((kind, arg),) = shape.items()
        if kind == "ref":
            return self._typeddict(arg, frame)
        if kind == "lit":
            return _literal(tuple(arg))
        if kind == "union":
            return _union(tuple(self.compile(s) for s in arg), _name(shape))
        if kind == "list":
            return _list(self.compile(arg))
        if kind == "tuple":
            return _tuple(tuple(self.compile(s) for s in arg))
        if kind == "map":
            return _map(self.compile(arg))
        raise TypeError(f"unknown shape {shape!r}")

    def _typeddict(self, name: str, frame: bool) -> Checker:
        if frame:
            return _typeddict(name, self.defs[name], self, frozenset({"t"}))
        if name not in self.refs:
            # Bound late: a shape may refer to itself.
            self.refs[name] = lambda v, p, pr: checker(v, p, pr)
            checker = _typeddict(name, self.defs[name], self, frozenset())
            self.refs[name] = checker
        return self.refs[name]


def _name(shape: Shape) -> str:
    """A shape as the Python type it was declared with (for messages)."""
    if isinstance(shape, str):
        return "None" if shape == "null" else shape
    ((kind, arg),) = shape.items()
    if kind == "ref":
        return str(arg)
    if kind == "lit":
        return f"Literal{arg!r}"
    if kind == "union":
        return " | ".join(_name(s) for s in arg)
    if kind == "map":
        return f"dict[str, {_name(arg)}]"
    if kind == "tuple":
        return "tuple[" + ", ".join(_name(s) for s in arg) + "]"
    return f"{kind}[{_name(arg)}]"


def _describe(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 60 else text[:57] + '...'}"


def _accept(value: Any, path: str, problems: Problems) -> None:
    pass


def _exact_type(cls: type, name: str) -> Checker:
    def check(value: Any, path: str, problems: Problems) -> None:
        if type(value) is not cls:
            problems.append(f"{path}: expected {name}, got {_describe(value)}")

    return check


def _int(value: Any, path: str, problems: Problems) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        problems.append(f"{path}: expected int, got {_describe(value)}")


def _float(value: Any, path: str, problems: Problems) -> None:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        problems.append(f"{path}: expected float, got {_describe(value)}")


def _bytes(value: Any, path: str, problems: Problems) -> None:
    if not isinstance(value, (bytes, bytearray, memoryview)):
        problems.append(f"{path}: expected bytes, got {_describe(value)}")


_SCALARS: dict[str, Checker] = {
    "str": _exact_type(str, "str"),
    "int": _int,
    "float": _float,
    "bool": _exact_type(bool, "bool"),
    "bytes": _bytes,
    "null": _exact_type(type(None), "None"),
    "any": _accept,
}


def _literal(allowed: tuple[Any, ...]) -> Checker:
    # `True == 1`: a literal matches only a value of its own type.
    pairs = frozenset((type(a), a) for a in allowed)

    def check(value: Any, path: str, problems: Problems) -> None:
        try:
            ok = (type(value), value) in pairs
        except TypeError:  # unhashable
            ok = False
        if not ok:
            problems.append(f"{path}: {_describe(value)} is not one of {list(allowed)!r}")

    return check


def _union(options: tuple[Checker, ...], name: str) -> Checker:
    def check(value: Any, path: str, problems: Problems) -> None:
        best: Problems | None = None
        for option in options:
            found: Problems = []
            option(value, path, found)
            if not found:
                return
            if best is None or len(found) < len(best):
                best = found
        # A value of the right kind with a wrong part says where; otherwise the union is named.
        if best is not None and len(options) > 1 and all(p.startswith(f"{path}: ") for p in best):
            problems.append(f"{path}: {_describe(value)} is not {name}")
        elif best is not None:
            problems.extend(best)

    return check


def _list(item: Checker) -> Checker:
    def check(value: Any, path: str, problems: Problems) -> None:
        if not isinstance(value, (list, tuple)):
            problems.append(f"{path}: expected a list, got {_describe(value)}")
            return
        for i, v in enumerate(value):
            item(v, f"{path}[{i}]", problems)

    return check


def _tuple(items: tuple[Checker, ...]) -> Checker:
    def check(value: Any, path: str, problems: Problems) -> None:
        if not isinstance(value, (list, tuple)):
            problems.append(f"{path}: expected a list of {len(items)}, got {_describe(value)}")
            return
        if len(value) != len(items):
            problems.append(f"{path}: expected {len(items)} items, got {len(value)}")
            return
        for i, (item, v) in enumerate(zip(items, value, strict=True)):
            item(v, f"{path}[{i}]", problems)

    return check


def _map(item: Checker) -> Checker:
    def check(value: Any, path: str, problems: Problems) -> None:
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a map, got {_describe(value)}")
            return
        for k, v in value.items():
            if not isinstance(k, str):
                problems.append(f"{path}: key {_describe(k)} is not a str")
            else:
                item(v, f"{path}.{k}", problems)

    return check


def _typeddict(
    name: str, entry: dict[str, Any], compiler: _Compiler, extra_keys: frozenset[str]
) -> Checker:
    fields = {key: compiler.compile(shape) for key, shape in entry["keys"].items()}
    known = frozenset(fields) | extra_keys
    required: list[str] = entry["required"]

    def check(value: Any, path: str, problems: Problems) -> None:
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a map ({name}), got {_describe(value)}")
            return
        for key in required:
            if key not in value:
                problems.append(f"{path}.{key}: missing (required by {name})")
        for key, v in value.items():
            field = fields.get(key)
            if field is not None:
                field(v, f"{path}.{key}", problems)
            elif key not in known:
                problems.append(f"{path}.{key}: unknown key (not in {name})")

    return check
