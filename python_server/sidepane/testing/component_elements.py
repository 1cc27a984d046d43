"""AppTest wrappers for custom components (`streamlit.components.v1`). Streamlit's AppTest has
no accessor for them either: `at.get("component_instance")` and `at.get("component_frame")`
find them. A component instance is a widget here: `set_value(v)` plays the component sending
`v` (its `setComponentValue`) for the next `run()`."""

from __future__ import annotations

from typing import Any

from sidepane.components.registry import html_page
from sidepane.protocol.schema.elements.components import (
    ComponentFrameProps,
    ComponentInstanceProps,
)
from sidepane.testing.element_tree import Element, Widget, register


@register
class ComponentFrame(Element[ComponentFrameProps]):
    node_type = "component_frame"

    @property
    def src(self) -> str | None:
        """`components.iframe`'s URL (None for `components.html`)."""
        return self._props.get("src")

    @property
    def srcdoc(self) -> str | None:
        """`components.html`'s HTML text (None for `components.iframe`)."""
        page_id = self._props.get("html_id")
        page = html_page(page_id) if page_id is not None else None
        return page.decode("utf-8", "surrogatepass") if page is not None else None

    @property
    def value(self) -> Any:
        return self.srcdoc if self.src is None else self.src


@register
class ComponentInstance(Widget[ComponentInstanceProps]):
    node_type = "component_instance"

    @property
    def component_name(self) -> str:
        return self._props["name"]

    @property
    def args(self) -> dict[str, Any]:
        """The component's JSON arguments (`default` and `key` among them), as its frontend
        receives them; bytes arguments are in `bytes_args`."""
        return self._props["args"]
