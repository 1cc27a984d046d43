"""AppTest wrapper for `st.components.v2` instances. Streamlit's AppTest shows them as unknown
elements; here `at.get("bidi_component")` finds them, and a test can play the component's
JavaScript: `set_state_value(name, v)` (its `setStateValue`) and `set_trigger_value(name, v)`
(its `setTriggerValue`) take effect on the next `run()`."""

from __future__ import annotations

from typing import Any

from typing_extensions import Self

from sidepane.protocol.schema.elements.components_v2 import BidiComponentProps
from sidepane.testing.element_tree import Widget, register


@register
class BidiComponent(Widget[BidiComponentProps]):
    node_type = "bidi_component"

    @property
    def component_name(self) -> str:
        return self._props["name"]

    @property
    def data(self) -> Any:
        """The JSON `data` the component receives (None for bytes or a table)."""
        return self._props.get("data")

    @property
    def value(self) -> dict[str, Any]:
        """The component's state values."""
        return dict(self._props["value"])

    def set_state_value(self, name: str, value: Any) -> Self:
        """Set state `name` as the component's `setStateValue(name, value)` does."""
        return self._set_wire({**self.value, name: value})

    def set_trigger_value(self, name: str, value: Any) -> Self:
        """Send trigger `name` as the component's `setTriggerValue(name, value)` does."""
        self._assert_can_interact()
        self.root._set_widget_wire(self._props["events_id"], [{"event": name, "value": value}])
        return self
