"""The element tree a viewer would hold, rebuilt from frames, with Streamlit AppTest's accessors.

Wrapper classes (one per element kind) register themselves with `@register`; a node's wrapper is
the first registered class whose `node_type` equals the node's type and whose `matches(props)` is
true. A block's accessors (`.markdown`, `.slider`, …) list the wrappers of that accessor name found
in its subtree, in document order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, cast, overload

from typing_extensions import TypeVar

from sidepane.protocol.frames import Path
from sidepane.protocol.schema.elements.widgets import WidgetProps
from sidepane.testing.errors import AppTestError

if TYPE_CHECKING:
    from typing_extensions import Self

    from sidepane.testing.app_test import AppTest


class Node:
    """One node of the viewer's tree: its type, props and children by index."""

    __slots__ = ("children", "path", "props", "type")

    def __init__(self, path: Path, type_: str, props: dict[str, Any]) -> None:
        self.path = path
        self.type = type_
        self.props = props
        self.children: dict[int, Node] = {}

    def ordered_children(self) -> list[Node]:
        return [self.children[i] for i in sorted(self.children)]

    def walk(self) -> Iterator[Node]:
        for child in self.ordered_children():
            yield child
            yield from child.walk()


class Tree:
    """Applies `upsert` and `run_end` frames exactly as a viewer does (docs/protocol.md)."""

    def __init__(self) -> None:
        self.roots: dict[str, Node] = {
            "main": Node(("main",), "root", {}),
            "sidebar": Node(("sidebar",), "root", {}),
            "event": Node(("event",), "root", {}),
            "bottom": Node(("bottom",), "root", {}),
        }

    def _parent(self, path: Path) -> Node | None:
        node = self.roots.get(str(path[0]))
        for index in path[1:-1]:
            if node is None:
                return None
            node = node.children.get(int(index))
        return node

    def upsert(self, path: Path, type_: str, props: dict[str, Any]) -> None:
        parent = self._parent(path)
        if parent is None:
            return
        index = int(path[-1])
        old = parent.children.get(index)
        if old is not None and old.type == type_:
            old.props = props
        else:
            parent.children[index] = Node(path, type_, props)

    def remove(self, path: Path) -> None:
        parent = self._parent(path)
        if parent is not None:
            parent.children.pop(int(path[-1]), None)


# ---- wrappers ----

_REGISTRY: list[type[Element]] = []


def register(cls: type[E]) -> type[E]:
    """Class decorator: make `cls` the wrapper for nodes it matches."""
    _REGISTRY.append(cls)
    return cls


def wrap(node: Node, root: AppTest) -> Element:
    for cls in _REGISTRY:
        if cls.node_type == node.type and cls.matches(node.props):
            return cls(node, root)
    return UnknownElement(node, root)


def accessor_classes(name: str) -> list[type[Element]]:
    return [cls for cls in _REGISTRY if cls.accessor == name]


# What a test may try on any element; only widgets (some of them) can do it.
_INTERACTIONS = frozenset({"set_value", "click"})


P = TypeVar("P", bound=Mapping[str, Any], covariant=True, default=Mapping[str, Any])
"""A wrapper's props as declared for its node type (a TypedDict of schema/elements): a wrapper
class names it, `class Slider(Widget[SliderProps])`, and reads `self._props`."""


class Element(Generic[P]):
    """An element as a test sees it: `.value`, `.type`, `.proto` (its props), `.key`."""

    node_type: ClassVar[str] = ""
    accessor: ClassVar[str] = ""

    def __init__(self, node: Node, root: AppTest) -> None:
        self.node = node
        self.root = root

    @property
    def _props(self) -> P:
        """The node's props as their declared TypedDict, so mypy checks every key a wrapper
        reads: a required key is read directly, a NotRequired one with `.get`. (The tests
        validate every frame the runtime emits against the same declarations.)"""
        return cast(P, self.node.props)

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return True

    @property
    def type(self) -> str:
        return self.accessor or self.node.type

    @property
    def proto(self) -> dict[str, Any]:
        return self.node.props

    @property
    def key(self) -> str | None:
        key: str | None = self.node.props.get("key")
        return key

    @property
    def value(self) -> Any:
        return self.node.props.get("body")

    @property
    def help(self) -> str:
        """The tooltip; `""` when there is none, as in Streamlit."""
        help_: str = self.node.props.get("help") or ""
        return help_

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the whole app again (with any values set on widgets)."""
        return self.root.run(timeout=timeout)

    def __getattr__(self, name: str) -> Any:
        # Any parameter the element was drawn with reads as an attribute (`at.metric[0].border`),
        # as Streamlit's AppTest reads its proto's fields.
        if name in _INTERACTIONS:
            return self._unsupported(name)
        props = self.__dict__.get("node")
        if props is not None and not name.startswith("_") and name in props.props:
            return props.props[name]
        raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")

    def _unsupported(self, method: str) -> Callable[..., Any]:
        def unsupported(*_args: Any, **_kwargs: Any) -> Any:
            key = f" (key={self.key!r})" if self.key else ""
            hint = (
                "Use set_value() or one of this widget's own methods."
                if isinstance(self, Widget)
                else "AppTest can inspect this element but a person cannot set it; set its value "
                "through at.session_state if it has a key."
            )
            raise AppTestError(f"{method}() is not supported for {self.type}{key}. {hint}")

        return unsupported

    def __repr__(self) -> str:
        return f"{type(self).__name__}(path={list(self.node.path)}, value={self.value!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Element):
            return self.node is other.node
        return bool(self.value == other)

    __hash__ = object.__hash__


class UnknownElement(Element):
    @property
    def value(self) -> Any:
        return self.node.props


class Widget(Element[P]):
    """A widget: `.value` is its Python value; `set_value(v)` takes effect on the next `run()`."""

    @property
    def _widget_props(self) -> WidgetProps:
        """The keys every widget carries (`WidgetProps`), whatever its own props are."""
        return cast(WidgetProps, self.node.props)

    @property
    def id(self) -> str:
        return self._widget_props["id"]

    @property
    def label(self) -> str:
        return self._widget_props["label"]

    @property
    def disabled(self) -> bool:
        return self._widget_props.get("disabled", False)

    @property
    def form_id(self) -> str:
        """The key of the form the widget is in; `""` outside a form."""
        return self._widget_props.get("form", "")

    @property
    def label_visibility(self) -> str:
        return self._widget_props.get("label_visibility", "visible")

    @property
    def value(self) -> Any:
        return self.root._widget_value(self.id)

    def set_value(self, value: Any) -> Self:
        """Set the value the widget will have on the next `run()`."""
        self._assert_can_interact()
        self.root._set_widget_value(self.id, value, self._check_value)
        return self

    def _assert_can_interact(self) -> None:
        if self.disabled:
            key = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(
                f"Cannot update a disabled {self.type} widget{key}: a person using the app "
                "cannot either."
            )

    def _check_value(self, value: Any) -> None:
        """Raise if the widget cannot take `value`; called by the `run()` that would send it."""

    def _set_wire(self, wire: Any) -> Self:
        self._assert_can_interact()
        self.root._set_widget_wire(self.id, wire)
        return self


E = TypeVar("E", bound=Element)
W = TypeVar("W", bound=Widget)


class ElementList(Generic[E]):
    """The elements of one kind, in order; index it, iterate it, or read `.values`."""

    def __init__(self, items: Sequence[E]) -> None:
        self._list = list(items)

    def __len__(self) -> int:
        return len(self._list)

    @property
    def len(self) -> int:
        return len(self._list)

    @overload
    def __getitem__(self, index: int) -> E: ...

    @overload
    def __getitem__(self, index: slice) -> Self: ...

    def __getitem__(self, index: int | slice) -> E | Self:
        if isinstance(index, slice):
            return type(self)(self._list[index])
        return self._list[index]

    def __iter__(self) -> Iterator[E]:
        return iter(self._list)

    @property
    def values(self) -> Sequence[Any]:
        return [e.value for e in self._list]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._list == other._list
        return bool(list(self._list) == other)

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"ElementList({self._list!r})"

    def __call__(self, key: str) -> E:
        for e in self._list:
            if e.key == key:
                return e
        raise KeyError(key)


class WidgetList(ElementList[W]):
    """Widgets of one kind; `at.slider(key="k")` finds one by its key."""

    def __call__(self, key: str) -> W:
        return super().__call__(key)


class Block(Element[P]):
    """A container: the same accessors as the AppTest itself, limited to its subtree."""

    @property
    def children(self) -> dict[int, Element]:
        return {i: wrap(n, self.root) for i, n in sorted(self.node.children.items())}

    @property
    def value(self) -> Any:
        return None

    def _find(self, name: str) -> list[Element]:
        classes = tuple(accessor_classes(name))
        found: list[Element] = []
        for node in self.node.walk():
            wrapper = wrap(node, self.root)
            if isinstance(wrapper, classes):
                found.append(wrapper)
        return found

    def get(self, element_type: str) -> Sequence[Element]:
        """Every element of `element_type` in this block: an accessor name such as "slider", or
        the node type of an element that has no accessor ("balloons"), as in Streamlit."""
        if accessor_classes(element_type):
            return self._find(element_type)
        return [wrap(node, self.root) for node in self.node.walk() if node.type == element_type]

    def get_by_key(self, key: str) -> Element:
        """The element, widget or container in this block whose `key` is `key`.

        KeyError if there is none; AppTestError if there are several (use a typed accessor such
        as `at.text_input(key=...)`, or a narrower block).
        """
        found = [e for e in (wrap(n, self.root) for n in self.node.walk()) if e.key == key]
        if len(found) == 1:
            return found[0]
        if not found:
            raise KeyError(key)
        raise AppTestError(
            f"{len(found)} elements have the key {key!r}: ask a typed accessor or a container."
        )

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        classes = accessor_classes(name)
        if not classes:
            raise AttributeError(f"{type(self).__name__} has no element accessor {name!r}")
        found = self._find(name)
        if any(issubclass(c, Widget) for c in classes):
            return WidgetList(found)
        return ElementList(found)

    @property
    def help(self) -> Any:
        """The `st.help` elements inside (a block has no tooltip of its own)."""
        return ElementList(self._find("help"))

    def __len__(self) -> int:
        """The number of direct children, as in Streamlit's AppTest."""
        return len(self.node.children)

    def __getitem__(self, index: int) -> Element:
        return wrap(self.node.children[index], self.root)

    def __iter__(self) -> Iterator[Element]:
        """This block, then every element below it in document order."""
        yield self
        for node in self.node.walk():
            yield wrap(node, self.root)


def block_accessor(node_type: str, accessor: str) -> Callable[[type[E]], type[E]]:
    """Shortcut for registering a block wrapper whose accessor differs from its node type."""

    def deco(cls: type[E]) -> type[E]:
        cls.node_type = node_type
        cls.accessor = accessor
        return register(cls)

    return deco
