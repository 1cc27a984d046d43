"""AppTest wrappers for the decorations: `st.space` (Streamlit's AppTest has `at.space`).

Balloons, snow and skeletons have no accessor in Streamlit's AppTest either: `at.get("balloons")`
finds them by their node type. A badge is a `markdown` element.
"""

from __future__ import annotations

from typing import Any

from sidepane.protocol.schema.elements.decorations import SpaceProps
from sidepane.testing.element_tree import Element, register


@register
class Space(Element[SpaceProps]):
    node_type = "space"
    accessor = "space"

    @property
    def size(self) -> str | int:
        """The `size` passed to `st.space` ("small" when omitted)."""
        return self._props["size"]

    @property
    def value(self) -> Any:
        return self.size

    def __repr__(self) -> str:
        return f"Space(size={self.size!r})"
