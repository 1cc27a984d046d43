"""`st.bottom`: the container pinned to the bottom of the app body.

It is a root of its own (path `("bottom", …)`, docs/protocol.md): the viewer draws it under the
main column, stuck to the bottom of the window. A `st.chat_input` called in the app body itself
lands there too, after what the script put in `st.bottom`, as in Streamlit 1.67.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, Literal

from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.errors import StreamlitAPIException
from sidepane.protocol.frames import Path
from sidepane.runtime.context import get_run_context

BOTTOM: Path = ("bottom",)


class BottomContainer:
    """`st.bottom`: write to it (`st.bottom.button(...)`, `with st.bottom:`) from the app body;
    from the sidebar or another root it raises, as Streamlit's does."""

    _dg: DeltaGeneratorCore

    def __init__(self, dg: DeltaGeneratorCore) -> None:
        object.__setattr__(self, "_dg", dg)

    def _check_context(self) -> None:
        ctx = get_run_context()
        if ctx is None or not ctx.dg_stack:
            return
        root = ctx.dg_stack[-1]._path[0]
        if root == "sidebar":
            raise StreamlitAPIException(
                "`st.bottom` cannot be used inside `st.sidebar`. "
                "The bottom container is only available in the main app area."
            )
        # The event root holds the open dialog (docs/protocol.md, Paths).
        if root == "event":
            raise StreamlitAPIException(
                "`st.bottom` cannot be used inside a dialog. "
                "The bottom container is only available in the main app area."
            )
        if root not in ("main", BOTTOM[0]):
            raise StreamlitAPIException(
                "`st.bottom` cannot be used inside event containers. "
                "The bottom container is only available in the main app area."
            )

    def __getattr__(self, name: str) -> Any:
        self._check_context()
        return getattr(self._dg, name)

    def __dir__(self) -> list[str]:
        return dir(self._dg)

    def __repr__(self) -> str:
        return "st.bottom"

    def __enter__(self) -> None:
        self._check_context()
        self._dg.__enter__()

    def __exit__(
        self,
        typ: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> Literal[False]:
        return self._dg.__exit__(typ, exc, tb)
