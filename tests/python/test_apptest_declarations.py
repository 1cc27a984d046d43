"""AppTest's wrappers read their nodes through the schema's declarations: each wrapper of a
declared element type names the props TypedDict the schema registers for that type (so mypy
checks every key it reads), and reading a required key needs no guessed default."""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar, get_args, get_origin

import pytest
import typing_extensions as te

import sidepane.testing  # noqa: F401 (registers every wrapper)
from sidepane.protocol.schema import registry
from sidepane.testing import AppTest
from sidepane.testing.element_tree import _REGISTRY, Element


def declared_props(cls: type[Element]) -> object:
    """The props type a wrapper class reads its node as (`Element[P]`'s P), or None when it
    names none (its props are then any map)."""
    for base in cls.__dict__.get("__orig_bases__", ()):
        origin = get_origin(base)
        if isinstance(origin, type) and issubclass(origin, Element):
            (arg,) = get_args(base)
            if isinstance(arg, TypeVar | te.TypeVar):  # a generic wrapper used bare: its default
                arg = getattr(arg, "__default__", None)
            return None if get_origin(arg) is Mapping or arg is Mapping else arg
    for base in cls.__bases__:
        if issubclass(base, Element) and base is not Element:
            return declared_props(base)
    return None


def members(tp: object) -> set[object]:
    if get_origin(tp) in (typing.Union, types.UnionType):
        return set(get_args(tp))
    return {tp}


WRAPPERS = [cls for cls in _REGISTRY if cls.node_type in registry.ELEMENTS]


def overridden_props(cls: type[Element]) -> str | None:
    """The name of the type a wrapper's own `_props` property returns, if it has one."""
    for klass in cls.__mro__:
        prop = klass.__dict__.get("_props")
        if isinstance(prop, property) and klass is not Element:
            returns = getattr(prop.fget, "__annotations__", {}).get("return")
            return returns if isinstance(returns, str) else getattr(returns, "__name__", None)
    return None


@pytest.mark.parametrize("cls", WRAPPERS, ids=lambda cls: cls.__name__)
def test_each_wrapper_reads_its_node_as_the_declared_props(cls: type[Element]) -> None:
    if overridden_props(cls) == registry.ELEMENTS[cls.node_type].__name__:
        return  # `_props` overridden with the declared type's name (mypy checks the rest)
    declared = declared_props(cls)
    assert declared is not None, (
        f"{cls.__name__} reads {cls.node_type!r} nodes untyped: subclass "
        f"Element[{registry.ELEMENTS[cls.node_type].__name__}] (or Widget[…], Block[…])"
    )
    assert registry.ELEMENTS[cls.node_type] in members(declared), (cls.node_type, declared)


def test_the_checker_sees_an_untyped_wrapper() -> None:
    class Untyped(Element):
        node_type = "code"

    class Typed(Element[dict[str, Any]]):
        node_type = "code"

    assert declared_props(Untyped) is None
    assert declared_props(Typed) == dict[str, Any]


def test_wrappers_read_required_keys_as_sent() -> None:
    # Keys the runtime always sends are read as sent (no default standing in for them).
    at = AppTest.from_string(
        "import streamlit as st\n"
        "st.time_input('t', step=60)\n"
        "st.slider('s', 0.0, 1.0)\n"
        "st.code('x', language=None)\n"
        "st.json({'a': 1}, expanded=2)\n"
        "st.radio('r', ['a', 'b'], horizontal=True)\n"
        "st.progress(0.5)\n"
    ).run()
    assert at.time_input[0].step == 60
    assert at.slider[0].data_type == "float"
    assert at.code[0].language == "plaintext"
    assert at.json[0].max_expand_depth == 2
    assert at.radio[0].horizontal is True
    assert at.progress[0].value == 50
