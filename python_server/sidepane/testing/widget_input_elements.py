"""AppTest wrappers for input widgets: sliders, text, numbers, dates, times and file uploads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import xxhash

from sidepane.protocol.frames import frame
from sidepane.protocol.schema.elements.widgets import (
    DateInputProps,
    FileUploaderProps,
    NumberInputProps,
    SliderProps,
    TextAreaProps,
    TextInputProps,
    TimeInputProps,
)
from sidepane.testing.element_tree import Widget, register

if TYPE_CHECKING:
    from typing_extensions import Self


@register
class Slider(Widget[SliderProps]):
    """`st.slider`: `.value`, `.min`, `.max`, `.step`; `set_value(v)`, `set_range(lo, hi)`."""

    node_type = "slider"
    accessor = "slider"

    @property
    def data_type(self) -> str:
        return self._props["data_type"]

    # As in Streamlit's AppTest, bounds and step are the wire numbers (floats; microseconds
    # for dates and times).
    @property
    def min(self) -> float:
        return float(self._props["min"])

    @property
    def max(self) -> float:
        return float(self._props["max"])

    @property
    def step(self) -> float:
        return float(self._props["step"])

    @property
    def format(self) -> str:
        return self._props["format"]

    def set_range(self, lower: Any, upper: Any) -> Self:
        """Set the value of a range slider."""
        return self.set_value([lower, upper])


_Text = TypeVar("_Text", TextInputProps, TextAreaProps, covariant=True)


class _TextWidget(Widget[_Text]):
    @property
    def max_chars(self) -> int:
        """The most characters it takes; 0 for no limit, as in Streamlit."""
        return self._props.get("max_chars", 0)

    @property
    def placeholder(self) -> str:
        return self._props.get("placeholder", "")

    def input(self, v: str) -> Self:
        """Type `v` into the input; ignored (as in a browser) if it exceeds `max_chars`."""
        if self.max_chars and len(v) > self.max_chars:
            return self
        return self.set_value(v)


@register
class TextInput(_TextWidget[TextInputProps]):
    """`st.text_input`: `.value`; `input(text)` or `set_value(text)`."""

    node_type = "text_input"
    accessor = "text_input"

    @property
    def autocomplete(self) -> str:
        return self._props.get("autocomplete", "")


@register
class TextArea(_TextWidget[TextAreaProps]):
    """`st.text_area`: `.value`; `input(text)` or `set_value(text)`."""

    node_type = "text_area"
    accessor = "text_area"


@register
class NumberInput(Widget[NumberInputProps]):
    """`st.number_input`: `.value`, `.min`, `.max`, `.step`; `increment()`, `decrement()`."""

    node_type = "number_input"
    accessor = "number_input"

    @property
    def min(self) -> int | float | None:
        return self._props.get("min")

    @property
    def max(self) -> int | float | None:
        return self._props.get("max")

    @property
    def step(self) -> int | float:
        return self._props["step"]

    @property
    def format(self) -> str:
        return self._props["format"]

    def increment(self) -> Self:
        """Press "+": add `step`, up to `max`."""
        value = self.value
        if value is None:
            return self
        return self.set_value(min(value + self.step, self.max or float("inf")))

    def decrement(self) -> Self:
        """Press "-": subtract `step`, down to `min`."""
        value = self.value
        if value is None:
            return self
        return self.set_value(max(value - self.step, self.min or float("-inf")))


@register
class DateInput(Widget[DateInputProps]):
    """`st.date_input`: `.value` (a date, or a tuple for a range), `.min`, `.max`, `.is_range`."""

    node_type = "date_input"
    accessor = "date_input"

    @property
    def min(self) -> date:
        return date.fromisoformat(self._props["min"])

    @property
    def max(self) -> date:
        return date.fromisoformat(self._props["max"])

    @property
    def is_range(self) -> bool:
        return self._props["range"]

    @property
    def format(self) -> str:
        return self._props["format"]

    def set_value(self, v: Any) -> Self:
        """Set a date, a list/tuple of up to two dates (range pickers), or None."""
        if isinstance(v, datetime):
            v = v.date()
        if isinstance(v, Sequence) and not isinstance(v, str):
            v = tuple(x.date() if isinstance(x, datetime) else x for x in v)
        elif self.is_range and v is not None:
            v = (v,)
        return super().set_value(v)


@register
class TimeInput(Widget[TimeInputProps]):
    """`st.time_input`: `.value`, `.step` (seconds); `increment()`, `decrement()`."""

    node_type = "time_input"
    accessor = "time_input"

    @property
    def step(self) -> int:
        return self._props["step"]

    def set_value(self, v: Any) -> Self:
        """Set a `time` (or a `datetime`, whose time is used), or None."""
        if isinstance(v, datetime):
            v = v.time()
        return super().set_value(v)

    def increment(self) -> Self:
        """Select the next time, `step` seconds later."""
        value: time | None = self.value
        if value is None:
            return self
        dt = datetime.combine(date.today(), value) + timedelta(seconds=self.step)
        return self.set_value(dt.time())

    def decrement(self) -> Self:
        """Select the previous time, `step` seconds earlier."""
        value: time | None = self.value
        if value is None:
            return self
        dt = datetime.combine(date.today(), value) - timedelta(seconds=self.step)
        return self.set_value(dt.time())


FileSpec = tuple[str, bytes, str]


@register
class FileUploader(Widget[FileUploaderProps]):
    """`st.file_uploader`: `set_value((name, content, mime))`, a list of those, or None;
    `upload(name, content, mime)` adds one; `clear()` removes all."""

    node_type = "file_uploader"
    accessor = "file_uploader"

    @property
    def accept_multiple_files(self) -> bool:
        return self._props["multiple"]

    @property
    def accept_directory(self) -> bool:
        return self._props.get("directory", False)

    @property
    def allowed_type(self) -> list[str]:
        return list(self._props.get("accept", []))

    def set_value(self, files: Any) -> Self:
        """Set the uploaded files: a `(filename, content, mime_type)` tuple, a list of them,
        or None to clear."""
        if files is None:
            return self._set_wire([])
        if isinstance(files, tuple) and len(files) == 3 and isinstance(files[0], str):
            files = [files]
        return self._set_wire([self._send(*f) for f in files])

    def upload(
        self, filename: str, content: bytes, mime_type: str = "application/octet-stream"
    ) -> Self:
        """Add one file to those already uploaded."""
        pending = self.root._pending_wire.get(self.id)
        if pending is None:
            spec = self.root.session.widgets.specs.get(self.id)
            pending = spec.serialize(self.value) if spec is not None else []
        return self._set_wire([*pending, self._send(filename, content, mime_type)])

    def clear(self) -> Self:
        """Remove all uploaded files."""
        return self._set_wire([])

    def _send(self, filename: str, content: bytes, mime_type: str) -> dict[str, Any]:
        digest = xxhash.xxh3_128_hexdigest(content)
        self.root.session.handle_message(
            frame(
                "upload",
                id=self.id,
                hash=digest,
                name=filename,
                type=mime_type,
                data=bytes(content),
            )
        )
        return {"hash": digest, "name": filename, "type": mime_type, "size": len(content)}
