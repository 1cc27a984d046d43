"""Where each declared shape is registered: frames by `t`, element props by element `type`.

Shapes are `TypedDict`s (from typing_extensions, so `NotRequired` and `Literal` work the same on
every Python the package supports). The runtime builds these dicts, mypy checks them, the tests
validate every frame the runtime emits against them, and `python -m sidepane.protocol.schema`
writes the TypeScript the viewer and the extension use.

Declaring modules must not use `from __future__ import annotations`: a TypedDict whose
annotations are strings cannot tell `NotRequired` keys from required ones (its
`__required_keys__` would list them all), so registering one is refused.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar, cast

import typing_extensions as te

T = TypeVar("T", bound=type)

RUNTIME_FRAMES: dict[str, type] = {}
"""Runtime → viewer frames, by `t`."""

VIEWER_FRAMES: dict[str, type] = {}
"""Viewer → runtime frames, by `t`."""

ELEMENTS: dict[str, type] = {}
"""Element and block types (`upsert`'s `type`) → their props."""


def _register(table: dict[str, type], names: tuple[str, ...]) -> Callable[[T], T]:
    def register(shape: T) -> T:
        require_runtime_annotations(shape)
        for name in names:
            if name in table:
                raise ValueError(f"{name!r} is declared twice: {table[name]} and {shape}")
            table[name] = shape
        return shape

    return register


def require_runtime_annotations(shape: type) -> None:
    """Refuse a TypedDict whose annotations are strings: its optional keys would pass for
    required ones."""
    if any(isinstance(a, str) for a in getattr(shape, "__annotations__", {}).values()):
        raise TypeError(
            f"{shape.__qualname__} has string annotations: its module must not use "
            "`from __future__ import annotations` (see registry.py)"
        )


def runtime_frame(t: str) -> Callable[[T], T]:
    """Declare the frame the runtime sends with this `t`."""
    return _register(RUNTIME_FRAMES, (t,))


def viewer_frame(t: str) -> Callable[[T], T]:
    """Declare the frame a viewer sends with this `t`."""
    return _register(VIEWER_FRAMES, (t,))


def element(*types: str) -> Callable[[T], T]:
    """Declare the props of one or more element or block types (which share that shape)."""
    return _register(ELEMENTS, types)


def as_props(props: Mapping[str, Any]) -> dict[str, Any]:
    """A declared props TypedDict as the plain dict the element plumbing takes (not a copy)."""
    return cast("dict[str, Any]", props)


class _Trigger:
    def __repr__(self) -> str:
        return "TRIGGER"


TRIGGER: Final = _Trigger()
"""Marks a widget's `value` as a one-run trigger (`Annotated[bool, TRIGGER, "doc"]`): the runtime
resets it after the run its click started; the viewer sends it and never holds it (nor puts it
in a form's values or in `hello`)."""


@functools.cache
def is_trigger(element_type: str) -> bool:
    """Whether `element_type`'s declared `value` is marked `TRIGGER` (asked by every widget call
    of every run, so read once per type: declarations are made at import)."""
    shape = ELEMENTS.get(element_type)
    if shape is None:
        return False
    hint: Any = te.get_type_hints(shape, include_extras=True).get("value")
    # Through NotRequired and nested Annotated layers, to the marker.
    while hint is not None and te.get_origin(hint) in (te.Annotated, te.NotRequired):
        if any(m is TRIGGER for m in getattr(hint, "__metadata__", ())):
            return True
        hint = te.get_args(hint)[0]
    return False
