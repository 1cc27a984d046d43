"""The containers some `st.` calls return with more than a place to write: `.open` (expander,
tabs, popover), `update()` (status).

Each is made over the script's DeltaGenerator class, so it has every `st.` method too, while what
is drawn inside it is a plain container again (a column in an expander has no `.open`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from sidepane.elements.dg_core import DeltaGeneratorCore, Kind
from sidepane.protocol.frames import Path

if TYPE_CHECKING:
    from typing_extensions import Self

    # For type checkers these containers are DeltaGenerators (`exp.write(...)` checks); at run
    # time `specialize` makes each over the script's DeltaGenerator class.
    from sidepane.elements.delta_generator import DeltaGenerator as _Container
else:
    _Container = DeltaGeneratorCore

T = TypeVar("T", bound="ReturnedContainer")


class ReturnedContainer(_Container):
    """A container with attributes of its own; its children are plain containers."""

    # The DeltaGenerator class this one was made over: what its children are made of.
    _plain: type[DeltaGeneratorCore]

    def _new(self, path: Path, kind: Kind, form_id: str | None) -> Self:
        plain: Any = self._plain(path, kind, form_id=form_id)
        return plain  # type: ignore[no-any-return]


_classes: dict[tuple[type[ReturnedContainer], type[DeltaGeneratorCore]], type[Any]] = {}


def specialize(block: DeltaGeneratorCore, special: type[T]) -> T:
    """`block` (just drawn) as a `special` container over its DeltaGenerator class."""
    plain: type[DeltaGeneratorCore] = getattr(block, "_plain", type(block))
    made = _classes.get((special, plain))
    if made is None:
        made = type(special.__name__, (special, plain), {"__module__": special.__module__})
        _classes[(special, plain)] = made
    container: T = made(block._path, block._kind, form_id=block._form_id)
    container._plain = plain
    return container


class OpenStateContainer(ReturnedContainer):
    """A container whose `.open` is its state when it tracks one (`on_change` set), else None."""

    _open: bool | None = None

    @property
    def open(self) -> bool | None:
        """Whether it is open (an expander, a popover) or the chosen tab: `True` or `False`
        when it tracks its state (`on_change="rerun"` or a callback), else `None`."""
        return self._open

    @open.setter
    def open(self, value: bool | None) -> None:
        self._open = value


class ExpanderContainer(OpenStateContainer):
    """What `st.expander` returns: a container with `.open`."""


class TabContainer(OpenStateContainer):
    """One tab of what `st.tabs` returns: a container with `.open` (the chosen tab)."""


class PopoverContainer(OpenStateContainer):
    """What `st.popover` returns: a container with `.open`."""
