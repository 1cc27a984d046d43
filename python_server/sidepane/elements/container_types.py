"""The containers some `st.` calls return with more than a place to write: `.open` (expander,
tabs, popover), `update()` (status).

Each is made over the script's DeltaGenerator class, so it has every `st.` method too, while what
is drawn inside it is a plain container again (a column in an expander has no `.open`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from sidepane.elements.arguments import value_error
from sidepane.elements.dg_core import DeltaGeneratorCore, Kind, compute_widget_id
from sidepane.errors import InvalidWidgetValue
from sidepane.protocol.frames import Path
from sidepane.runtime.context import get_run_context

if TYPE_CHECKING:
    from typing_extensions import Self

    # For type checkers these containers are DeltaGenerators (`exp.write(...)` checks); at run
    # time `specialize` makes each over the script's DeltaGenerator class.
    from sidepane.elements.delta_generator import DeltaGenerator as _Container
else:
    _Container = DeltaGeneratorCore

T = TypeVar("T", bound="ReturnedContainer")

OnChange = Literal["ignore", "rerun"] | Callable[..., Any]


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


# ---- the state of expanders, tabs and popovers ----


def check_on_change(on_change: object) -> None:
    """A container's `on_change`: "ignore", "rerun" or a callback (None is refused, as in 1.67)."""
    if callable(on_change) or on_change in ("ignore", "rerun"):
        return
    raise value_error("on_change", ["'rerun'", "'ignore'", "a callback function"])


def tracks_state(on_change: OnChange, bind: object = None) -> bool:
    """Whether a container's open state (or chosen tab) is a widget, as Streamlit decides."""
    return on_change != "ignore" or bind == "query-params"


def open_state(wire: object) -> bool:
    """An expander's or popover's open state as the viewer sends it."""
    if not isinstance(wire, bool):
        raise InvalidWidgetValue(f"expected true or false, got {wire!r}")
    return wire


def register_key(kind: str, key: str) -> None:
    """Claim the `key` of a container without state for this run, so a widget or container with
    the same key is an error."""
    ctx = get_run_context()
    if ctx is not None:
        wid = compute_widget_id(
            kind, user_key=key, identity={}, key_identity=True, form_id=None, root=""
        )
        ctx.register_widget_id(wid, kind, key)
