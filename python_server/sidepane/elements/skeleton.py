"""What `st.skeleton()` returns: a placeholder holding a skeleton, and a context manager.

Standalone it is the skeleton's element handle (as `st.empty()` returns one): an element call on
it replaces the skeleton. In a `with` block it shows a delayed skeleton in its slot while the
block runs and empties the slot when the block ends. Unlike a container, it does not take the
block's output: what the block draws goes to the enclosing container, after the slot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from sidepane.elements.delta_generator import DeltaGenerator
from sidepane.elements.dg_core import DeltaGeneratorCore, Kind
from sidepane.protocol.schema.elements.decorations import SkeletonProps
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import get_run_context

if TYPE_CHECKING:
    from typing_extensions import Self

    from sidepane.protocol.frames import Path


class SkeletonPlaceholder(DeltaGenerator):
    """A skeleton's slot: replace it by drawing into it, or use it as a `with` block."""

    _props: SkeletonProps

    @classmethod
    def take_over(cls, handle: DeltaGeneratorCore, props: SkeletonProps) -> SkeletonPlaceholder:
        """The placeholder for the skeleton element `handle` was returned for."""
        placeholder = cls(handle._path, handle._kind, form_id=handle._form_id)
        placeholder._props = props
        return placeholder

    def _new(self, path: Path, kind: Kind, form_id: str | None) -> Self:
        # What an element call on the placeholder returns is a plain handle, not a skeleton.
        return DeltaGenerator(path, kind, form_id=form_id)  # type: ignore[return-value]

    def __enter__(self) -> Self:
        # Not a `with` container: the block's elements go where they would without it.
        self._show({**self._props, "delayed": True})
        return self

    def __exit__(self, *exc: object) -> Literal[False]:
        self._show(None)
        return False

    def _show(self, props: SkeletonProps | dict[str, Any] | None) -> None:
        """Put a delayed skeleton (or, with None, nothing) in the slot.

        Drawn without the yield check of an `st.` call: the skeleton must be cleared even when
        the block ends because a rerun interrupted it."""
        ctx = get_run_context()
        if ctx is None or self._kind != "element":
            return
        if props is None:
            ctx.emit(self._path, "empty", {})
        else:
            ctx.emit(self._path, "skeleton", as_props(props))
