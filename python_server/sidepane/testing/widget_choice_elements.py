"""AppTest wrappers for buttons and choice widgets, with Streamlit AppTest's methods.

`set_value` takes Python values (the AppTest turns them into wire values with the widget's own
serializer); methods that pick by position (`select_index`) set the wire index directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from typing_extensions import TypeVar

from sidepane.protocol.schema.elements.widgets import (
    ButtonProps,
    CheckboxProps,
    ColorPickerProps,
    DownloadButtonProps,
    MultiselectProps,
    RadioProps,
    SelectboxProps,
    SelectSliderProps,
)
from sidepane.runtime.widgets import MISSING
from sidepane.testing.element_tree import P, Widget, register

if TYPE_CHECKING:
    from typing_extensions import Self


_TriggerProps = TypeVar(
    "_TriggerProps",
    bound=ButtonProps | DownloadButtonProps,
    covariant=True,
    default=ButtonProps | DownloadButtonProps,
)


class _Trigger(Widget[_TriggerProps]):
    @property
    def value(self) -> bool:
        return bool(super().value)

    def click(self) -> Self:
        """Click the button: it returns True in the next run only."""
        return self.set_value(True)


@register
class Button(_Trigger[ButtonProps]):
    """`st.button` and `st.form_submit_button` (in `at.button`, as in Streamlit)."""

    node_type = "button"
    accessor = "button"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return not cast(ButtonProps, props).get("is_submit", False)

    @property
    def is_form_submitter(self) -> bool:
        return self._props.get("is_submit", False)


@register
class FormSubmitButton(Button):
    """`st.form_submit_button`: in `at.form_submit_button` and, as a Button, in `at.button`."""

    accessor = "form_submit_button"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return cast(ButtonProps, props).get("is_submit", False)

    @property
    def type(self) -> str:
        return "button"


@register
class DownloadButton(_Trigger[DownloadButtonProps]):
    """`st.download_button`; `.data` is the bytes it would download."""

    node_type = "download_button"
    accessor = "download_button"

    @property
    def file_name(self) -> str | None:
        return self._props.get("file_name")

    @property
    def mimetype(self) -> str:
        return self._props["mimetype"]

    @property
    def data(self) -> bytes | None:
        digest = self._props.get("hash")
        for f in reversed(self.root.frames):
            if f.get("t") == "payload" and f.get("hash") == digest:
                data: bytes = f["data"]
                return data
        return None


class _Boolean(Widget[CheckboxProps]):
    @property
    def value(self) -> bool:
        return bool(super().value)

    def check(self) -> Self:
        """Set the value to True (on the next run)."""
        return self.set_value(True)

    def uncheck(self) -> Self:
        """Set the value to False (on the next run)."""
        return self.set_value(False)


@register
class Checkbox(_Boolean):
    node_type = "checkbox"
    accessor = "checkbox"


@register
class Toggle(_Boolean):
    node_type = "toggle"
    accessor = "toggle"


_OptionsProps = RadioProps | SelectboxProps | MultiselectProps | SelectSliderProps
_O = TypeVar("_O", bound=_OptionsProps, covariant=True, default=_OptionsProps)
_S = TypeVar("_S", bound=RadioProps | SelectboxProps, covariant=True)


class _Choice(Widget[P]):
    """A widget whose value is among options (as Python values)."""

    def _check_value(self, value: Any) -> None:
        # The widget's own serializer falls back to the default for a value that is not an
        # option (right for a viewer); a test asking for one gets Streamlit's ValueError instead.
        spec = self.root.session.widgets.specs.get(self.id)
        if spec is None or (value is None and isinstance(self, _Single)):
            return
        try:
            taken = spec.deserialize(spec.serialize(value))
        except (TypeError, ValueError):
            taken = MISSING
        if not _same_choice(taken, value):
            raise ValueError(f"{value!r} is not an option of {self.type} {self.label!r}")


class _Options(_Choice[_O]):
    """A choice widget whose options travel as their labels."""

    @property
    def options(self) -> list[str]:
        """The options' labels, as shown."""
        return list(self._props["options"])


class _Single(_Options[_S]):
    @property
    def index(self) -> int | None:
        """The index of the selected option, or None."""
        wire = self._wire()
        return wire if isinstance(wire, int) else None

    def _wire(self) -> Any:
        spec = self.root.session.widgets.specs.get(self.id)
        if spec is None:
            return self._props["value"]
        return spec.serialize(self.value)

    def select(self, v: Any) -> Self:
        """Select the option `v` (a Python value; None for no selection)."""
        return self.set_value(v)

    def select_index(self, index: int | None) -> Self:
        """Select the option at `index` (None for no selection; negative counts from the end).

        Raises IndexError if there is no such option.
        """
        if index is not None:
            index = range(len(self.options))[index]
        return self._set_wire(index)


@register
class Radio(_Single[RadioProps]):
    node_type = "radio"
    accessor = "radio"

    @property
    def horizontal(self) -> bool:
        return self._props["horizontal"]

    @property
    def captions(self) -> list[str]:
        return list(self._props.get("captions", []))


@register
class Selectbox(_Single[SelectboxProps]):
    node_type = "selectbox"
    accessor = "selectbox"

    @property
    def placeholder(self) -> str:
        return self._props.get("placeholder", "")


@register
class Multiselect(_Options[MultiselectProps]):
    node_type = "multiselect"
    accessor = "multiselect"

    @property
    def value(self) -> list[Any]:
        return list(super().value or [])

    @property
    def max_selections(self) -> int:
        return self._props.get("max_selections", 0)

    @property
    def indices(self) -> Sequence[int]:
        """The indexes of the selected options."""
        spec = self.root.session.widgets.specs.get(self.id)
        if spec is None:
            return [i for i in self._props["value"] if isinstance(i, int)]
        return [i for i in spec.serialize(self.value) if isinstance(i, int)]

    @property
    def values(self) -> Sequence[str]:
        """The labels of the selected options."""
        options = self.options
        return [options[i] for i in self.indices]

    def select(self, v: Any) -> Multiselect:
        """Add `v` to the selection (nothing happens if it is already selected)."""
        current = self.value
        if v in current:
            return self
        return self.set_value([*current, v])

    def unselect(self, v: Any) -> Multiselect:
        """Remove `v` from the selection (nothing happens if it is not selected)."""
        current = self.value
        if v not in current:
            return self
        return self.set_value([x for x in current if x != v])


@register
class SelectSlider(_Options[SelectSliderProps]):
    node_type = "select_slider"
    accessor = "select_slider"

    @property
    def is_range(self) -> bool:
        return self._props["range"]

    def set_range(self, lower: Any, upper: Any) -> SelectSlider:
        """Select the range from `lower` to `upper` (options, as Python values)."""
        return self.set_value([lower, upper])


@register
class ColorPicker(Widget[ColorPickerProps]):
    node_type = "color_picker"
    accessor = "color_picker"

    def pick(self, v: str) -> ColorPicker:
        """Choose the color `v`, a hex string; the "#" may be omitted."""
        if not v.startswith("#"):
            v = f"#{v}"
        return self.set_value(v)


def _same_choice(taken: Any, asked: Any) -> bool:
    """Whether the widget took every value asked for (a range may come back sorted)."""
    if isinstance(taken, (list, tuple)) and isinstance(asked, (list, tuple)):
        return len(taken) == len(asked) and all(
            any(_same_choice(t, a) for t in taken) for a in asked
        )
    try:
        return bool(taken == asked)
    except (TypeError, ValueError):  # e.g. arrays, whose == is elementwise
        return taken is asked
