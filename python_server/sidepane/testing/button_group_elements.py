"""AppTest wrappers for `st.pills`, `st.segmented_control` (both `at.button_group`, each also in
its own accessor, as in Streamlit) and `st.feedback`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from sidepane.protocol.schema.elements.button_groups import ButtonGroupProps, FeedbackProps
from sidepane.testing.element_tree import Widget, register
from sidepane.testing.widget_choice_elements import _Choice

if TYPE_CHECKING:
    from typing_extensions import Self


class ButtonGroup(_Choice[ButtonGroupProps]):
    """`st.pills` or `st.segmented_control`: `.value` is an option (or None) in single mode, a
    list of options in multi mode."""

    node_type = "button_group"
    accessor = "button_group"

    @property
    def type(self) -> str:
        return "button_group"

    @property
    def style(self) -> str:
        return self._props["style"]

    @property
    def _is_single_select(self) -> bool:
        return not self._props.get("multi", False)

    @property
    def options(self) -> list[str]:
        """The options' labels as shown, without the icon split off their first word."""
        return [option["content"] for option in self._props["options"]]

    @property
    def value(self) -> Any:
        value = super().value
        if self._is_single_select:
            return value
        return list(value or [])

    @property
    def indices(self) -> Sequence[int]:
        """The indexes of the selected options."""
        spec = self.root.session.widgets.specs.get(self.id)
        if spec is None:
            return list(self._props["value"])
        indexes: list[int] = spec.serialize(self.value)
        return indexes

    @property
    def formatted_values(self) -> Sequence[str]:
        """The labels (`format_func` applied, icon included) of the selected options."""
        labels = []
        for option in self._props["options"]:
            icon = option.get("icon")
            labels.append(f"{icon} {option['content']}" if icon else option["content"])
        return [labels[i] for i in self.indices]

    def select(self, v: Any) -> Self:
        """Select `v`: in single mode instead of the current option, in multi mode as well."""
        if self._is_single_select:
            return self.set_value(v)
        current = self.value
        if v in current:
            return self
        return self.set_value([*current, v])

    def unselect(self, v: Any) -> Self:
        """Deselect `v` (nothing happens if it is not selected)."""
        if self._is_single_select:
            return self.set_value(None) if self.value == v else self
        current = self.value
        if v not in current:
            return self
        return self.set_value([x for x in current if x != v])


# Registered before ButtonGroup, so each node is wrapped as the kind its style says (and is still
# a ButtonGroup for `at.button_group`).
@register
class Pills(ButtonGroup):
    accessor = "pills"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return cast(ButtonGroupProps, props)["style"] == "pills"


@register
class SegmentedControl(ButtonGroup):
    accessor = "segmented_control"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return cast(ButtonGroupProps, props)["style"] == "segmented_control"


register(ButtonGroup)


@register
class Feedback(Widget[FeedbackProps]):
    """`st.feedback`: `.value` is the rating (0 up to 1 or 4) or None."""

    node_type = "feedback"
    accessor = "feedback"

    @property
    def options(self) -> str:
        """ "thumbs", "faces" or "stars"."""
        return self._props["options"]

    def _check_value(self, value: Any) -> None:
        count = 2 if self.options == "thumbs" else 5
        if value is not None and (type(value) is not int or not 0 <= value < count):
            raise ValueError(f"{value!r} is not a rating of feedback {self.options!r}")
