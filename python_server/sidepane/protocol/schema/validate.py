"""Checking a value against a declared shape, as the tests do for every frame the runtime emits.

Shapes are the type expressions the schema uses: TypedDicts (nested too), `Literal`, unions and
Optional, `list[...]`, `tuple[...]`, `dict[str, ...]`, `int` (never a bool), `float` (an int is
accepted), `str`, `bool`, `bytes`, `None`, `Any` and `Annotated`. Values are checked as they
travel: a list and a tuple are both a msgpack array, so either is accepted for either.

Every element type the runtime draws is declared: an `upsert` of an undeclared type is a
problem, so a new element cannot skip its declaration.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from typing_extensions import NotRequired, Required, get_type_hints, is_typeddict

from sidepane.protocol.schema import registry

Problems = list[str]
Checker = Callable[[Any, str, Problems], None]
"""`check(value, path, problems)` appends what is wrong with `value` at `path` to `problems`."""


def validate(value: object, shape: object) -> Problems:
    """What is wrong with `value` as a `shape`, each problem with its key path (`$` the root)."""
    problems: Problems = []
    _checker(shape)(value, "$", problems)
    return problems


def validate_frame(frame: Mapping[str, Any]) -> Problems:
    """What is wrong with a frame of either direction: its fields by `t`, and an upsert's props
    by its element type."""
    kind = frame.get("t")
    shape = registry.RUNTIME_FRAMES.get(kind) or registry.VIEWER_FRAMES.get(kind)  # type: ignore[arg-type]
    if shape is None:
        return [f"$.t: unknown frame type {kind!r}"]
    problems: Problems = []
    _frame_checker(shape)(frame, "$", problems)
    if kind == "upsert" and not problems:
        props_shape = registry.ELEMENTS.get(frame["type"])
        if props_shape is None:
            problems.append(f"$.type: element type {frame['type']!r} is not declared in the schema")
        else:
            _checker(props_shape)(frame["props"], f"$.props({frame['type']})", problems)
    return problems


def _describe(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 60 else text[:57] + '...'}"


@functools.cache
def _frame_checker(shape: type) -> Checker:
    """A frame's TypedDict, with its `t` key allowed."""
    return _typeddict_checker(shape, extra_keys=frozenset({"t"}))


@functools.cache
def _checker(shape: Any) -> Checker:
    if shape is Any or shape is object:
        return _accept
    if shape is None or shape is type(None):
        return _exact_type(type(None), "None")
    if shape is bool:
        return _exact_type(bool, "bool")
    if shape is int:
        return _int
    if shape is float:
        return _float
    if shape is str:
        return _exact_type(str, "str")
    if shape is bytes:
        return _bytes
    if is_typeddict(shape):
        return _typeddict_checker(shape, extra_keys=frozenset())
    origin, args = get_origin(shape), get_args(shape)
    if origin is Annotated:
        return _checker(args[0])
    if origin in (NotRequired, Required):
        return _checker(args[0])
    if origin is Literal:
        return _literal(args)
    if origin is Union or origin is types.UnionType:
        return _union(tuple(_checker(a) for a in args), shape)
    if origin is list:
        return _list(_checker(args[0]) if args else _accept)
    if origin is tuple:
        return _tuple(args)
    if origin is dict:
        return _dict(_checker(args[1]) if args else _accept)
    raise TypeError(f"the schema validator does not know the shape {shape!r}")


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


def _union(options: tuple[Checker, ...], shape: object) -> Checker:
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
            problems.append(f"{path}: {_describe(value)} is not {_shape_name(shape)}")
        elif best is not None:
            problems.extend(best)

    return check


def _shape_name(shape: object) -> str:
    return repr(shape).replace("typing.", "").replace("typing_extensions.", "")


def _list(item: Checker) -> Checker:
    def check(value: Any, path: str, problems: Problems) -> None:
        if not isinstance(value, (list, tuple)):
            problems.append(f"{path}: expected a list, got {_describe(value)}")
            return
        for i, v in enumerate(value):
            item(v, f"{path}[{i}]", problems)

    return check


def _tuple(args: tuple[Any, ...]) -> Checker:
    if len(args) == 2 and args[1] is Ellipsis:
        return _list(_checker(args[0]))
    items = tuple(_checker(a) for a in args)

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


def _dict(item: Checker) -> Checker:
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


def _typeddict_checker(shape: type, extra_keys: frozenset[str]) -> Checker:
    registry.require_runtime_annotations(shape)
    hints = get_type_hints(shape, include_extras=True)
    required: frozenset[str] = shape.__required_keys__  # type: ignore[attr-defined]
    fields = {name: _checker(hint) for name, hint in hints.items()}
    known = frozenset(fields) | extra_keys
    missing_order = tuple(k for k in hints if k in required)

    def check(value: Any, path: str, problems: Problems) -> None:
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a map ({shape.__name__}), got {_describe(value)}")
            return
        for name in missing_order:
            if name not in value:
                problems.append(f"{path}.{name}: missing (required by {shape.__name__})")
        for name, v in value.items():
            field = fields.get(name)
            if field is not None:
                field(v, f"{path}.{name}", problems)
            elif name not in known:
                problems.append(f"{path}.{name}: unknown key (not in {shape.__name__})")

    return check
