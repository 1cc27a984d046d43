"""Reading the schema's declarations, shared by its generators (TypeScript, the Markdown reference).

`TypeWalker.type_of` walks one type expression (scalars, `Literal`, unions, lists, tuples,
`dict[str, …]`, nested TypedDicts, type aliases) and asks its subclass only how to spell each
part, so the generated TypeScript and the generated reference cannot read a declaration two
ways. `fields` lists a TypedDict's own keys with their docs and whether they are optional.
Anything the walk does not know is a `SchemaTypeError` naming the field, so a new declaration
can never turn into `unknown` silently.
"""

from __future__ import annotations

import inspect
import json
import types
import typing
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

import typing_extensions as te

_LITERAL = {typing.Literal, te.Literal}
_UNION = {typing.Union, types.UnionType}
_WRAPPERS = {te.Required, te.NotRequired, te.ReadOnly}
_ARRAYS = {list, set, frozenset, Sequence, Iterable}
_RECORDS = {dict, Mapping}


class SchemaTypeError(TypeError):
    """A declaration a generator cannot express."""


@dataclass
class Rendered:
    """A type as a generator spells it."""

    text: str
    union: bool = False  # needs parentheses inside an array


class TypeWalker(ABC):
    """The walk of a type expression; subclasses spell its parts."""

    target: ClassVar[str]
    """What the walker writes, for error messages ("TypeScript")."""
    scalars: ClassVar[Mapping[object, str]]
    """`str`, `int`, …, `None`, `Any` → their spelling."""

    @abstractmethod
    def named(self, shape: object, name: str) -> str:
        """A reference to a TypedDict or a type alias, which is declared elsewhere."""

    @abstractmethod
    def array(self, item: Rendered) -> str:
        """A list of `item`s (also a `tuple[T, ...]`)."""

    @abstractmethod
    def fixed_tuple(self, items: list[str]) -> str:
        """An array of exactly these items, in order."""

    @abstractmethod
    def record(self, value: str) -> str:
        """A map from strings to `value`s."""

    def literals(self, values: tuple[object, ...], where: str) -> Rendered:
        """A `Literal[...]`: by default the union of its members as JSON."""
        return self.union_of([literal(value, where) for value in values])

    def union_of(self, members: list[str]) -> Rendered:
        """Any of `members` (already spelled); by default joined with ` | `."""
        return union(members)

    def type_of(self, tp: object, where: str) -> Rendered:
        tp, _docs, _optional = unwrap(tp)
        if isinstance(tp, te.TypeAliasType):
            return Rendered(self.named(tp, tp.__name__))
        if te.is_typeddict(tp):
            return Rendered(self.named(tp, name_of(tp)))
        if tp in self.scalars:
            return Rendered(self.scalars[tp])
        origin = te.get_origin(tp)
        args = te.get_args(tp)
        if origin in _LITERAL:
            return self.literals(args, where)
        if origin in _UNION:
            return self.union_of([self.type_of(arg, where).text for arg in args])
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return Rendered(self.array(self.type_of(args[0], where)))
            if args == ((),):  # tuple[()]
                return Rendered(self.fixed_tuple([]))
            return Rendered(self.fixed_tuple([self.type_of(arg, where).text for arg in args]))
        if origin in _ARRAYS and len(args) == 1:
            return Rendered(self.array(self.type_of(args[0], where)))
        if origin in _RECORDS and len(args) == 2:
            if args[0] is not str:
                raise SchemaTypeError(
                    f"{where}: only str keys map to {self.target}, not {args[0]!r}"
                )
            return Rendered(self.record(self.type_of(args[1], where).text))
        raise SchemaTypeError(f"{where}: no {self.target} for {tp!r}")


@dataclass(frozen=True)
class Field:
    """One key a TypedDict declares itself (not through a base)."""

    key: str
    hint: object
    """Its annotation, wrappers and all (`type_of` takes it as is)."""
    docs: str
    """The strings its `Annotated` layers carry, joined."""
    optional: bool


def typeddict_bases(shape: object) -> list[type]:
    """The TypedDicts `shape` is declared on (`class SliderProps(WidgetProps, SliderFields)`)."""
    return [b for b in getattr(shape, "__orig_bases__", ()) if te.is_typeddict(b)]


def fields(shape: type) -> list[Field]:
    """`shape`'s own keys in declaration order; a base's keys are the base's."""
    hints = te.get_type_hints(shape, include_extras=True)
    optional_keys: frozenset[str] = getattr(shape, "__optional_keys__", frozenset())
    inherited = {key for base in typeddict_bases(shape) for key in te.get_type_hints(base)}
    out = []
    for key, hint in hints.items():
        if key in inherited:
            continue
        _, docs, optional = unwrap(hint)
        # Postponed annotations hide NotRequired from __optional_keys__; the hints show it.
        is_optional = key in optional_keys if optional is None else optional
        out.append(Field(key, hint, " ".join(docs), is_optional))
    return out


def unwrap(tp: object) -> tuple[object, list[str], bool | None]:
    """Strip Annotated / NotRequired / Required / ReadOnly: the bare type, the doc strings the
    Annotated layers carried, and whether the key is optional (None: neither wrapper said)."""
    docs: list[str] = []
    optional: bool | None = None
    while True:
        origin = te.get_origin(tp)
        if origin is te.Annotated:
            docs.extend(m for m in getattr(tp, "__metadata__", ()) if isinstance(m, str))
            tp = te.get_args(tp)[0]
        elif origin in _WRAPPERS:
            if origin is not te.ReadOnly:
                optional = origin is te.NotRequired
            tp = te.get_args(tp)[0]
        else:
            return tp, docs, optional


def name_of(shape: object) -> str:
    return str(getattr(shape, "__name__", repr(shape)))


def literal(value: object, where: str) -> str:
    """A `Literal` member as JSON (`"a"`, `1`, `true`, `null`), as both generators write it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return json.dumps(value, ensure_ascii=False)
    raise SchemaTypeError(f"{where}: no literal for {value!r}")


def union(members: list[str]) -> Rendered:
    unique = list(dict.fromkeys(members))
    return Rendered(" | ".join(unique), union=len(unique) > 1)


def docstring(shape: object) -> str:
    doc = getattr(shape, "__doc__", None)
    # A class without a docstring can inherit one from its base (TypedDict → dict's).
    if not isinstance(doc, str) or doc == dict.__doc__:
        return ""
    return inspect.cleandoc(doc)
