"""`st.datetime_input`: a date and a time of day in one widget.

On the wire the value and its bounds are `"YYYY-MM-DDTHH:MM"` (`nil`: empty). Values are minutes:
seconds, microseconds and time zones are dropped, as in Streamlit. The date part reuses
`st.date_input`'s rules (formats, ten-year default bounds), the time part `st.time_input`'s.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from sidepane.elements.arguments import OnChange, check_binding, resolve_callback, type_error
from sidepane.elements.dg_core import (
    DeltaGeneratorCore,
    LabelVisibility,
    check_label_visibility,
)
from sidepane.elements.layout import _check_size as check_size
from sidepane.elements.widgets.dates import add_years, check_date_format, date_wire
from sidepane.elements.widgets.numbers import (
    above_max,
    below_min,
    drop_unfit,
    invalid_min_max,
    script_state,
)
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.protocol.schema.elements.small_widgets import DateTimeInputFields

DateTimeValue = datetime | date | time | str | None

_WIRE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
_MIN_TIME = time(0, 0)
_MAX_TIME = time(23, 59)
_TEXT_FORMATS = ("%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")


def _minutes(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0, tzinfo=None)


def _combine(day: date, at: time) -> datetime:
    return datetime.combine(day, at.replace(second=0, microsecond=0, tzinfo=None))


def datetime_wire(value: datetime) -> str:
    """`"YYYY-MM-DDTHH:MM"`, with a four-digit year."""
    value = _minutes(value)
    return f"{date_wire(value)}T{value.hour:02d}:{value.minute:02d}"


def to_datetime(value: object, day: date, at: time) -> datetime:
    """A `value`/`min_value`/`max_value` argument as a datetime (to the minute); a date alone
    takes the time `at`, a time alone the date `day`."""
    if value == "now":
        return _minutes(datetime.now())
    if isinstance(value, datetime):
        return _minutes(value)
    if isinstance(value, date):
        return _combine(value, at)
    if isinstance(value, time):
        return _combine(day, value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return _minutes(datetime.fromisoformat(text))
        except ValueError:
            pass
        for fmt in _TEXT_FORMATS:
            try:
                return _minutes(datetime.strptime(text, fmt))
            except ValueError:
                pass
        try:
            return _combine(date.fromisoformat(text), at)
        except ValueError:
            pass
        try:
            return _combine(day, time.fromisoformat(text))
        except ValueError:
            pass
    raise type_error(
        "value", type(value).__name__, ["datetime", "date", "time", "ISO string", '"now"']
    )


class _DateTimeDef:
    __slots__ = ("default", "hi", "lo")

    def __init__(self, default: datetime | None, lo: datetime, hi: datetime) -> None:
        self.default, self.lo, self.hi = default, lo, hi

    def deserialize(self, wire: Any) -> datetime | None:
        if wire is None:
            return self.default
        if not isinstance(wire, str) or not _WIRE.match(wire):
            raise InvalidWidgetValue(f"expected 'YYYY-MM-DDTHH:MM', got {wire!r}")
        value = datetime.strptime(wire, "%Y-%m-%dT%H:%M")
        if not self.lo <= value <= self.hi:
            raise InvalidWidgetValue(f"{value} is outside [{self.lo}, {self.hi}]")
        return value

    @staticmethod
    def serialize(value: Any) -> str | None:
        if isinstance(value, datetime):
            return datetime_wire(value)
        if isinstance(value, date):
            return datetime_wire(_combine(value, _MIN_TIME))
        return None

    def fits(self, value: Any) -> bool:
        return value is None or (
            isinstance(value, datetime) and self.lo <= _minutes(value) <= self.hi
        )


def _step_seconds(step: object) -> int:
    if isinstance(step, bool) or not isinstance(step, int | timedelta):
        raise type_error("step", type(step).__name__, ["int", "timedelta"])
    seconds = int(step.total_seconds()) if isinstance(step, timedelta) else step
    if not 60 <= seconds <= 82_800:
        raise SidepaneAPIException(
            f"The `step` parameter, set to {seconds} seconds, is outside the required range "
            "[60 seconds, 23 hours]."
        )
    return seconds


class DateTimeMixin(DeltaGeneratorCore):
    def datetime_input(
        self,
        label: str,
        value: DateTimeValue | Literal["now"] = "now",
        min_value: DateTimeValue = None,
        max_value: DateTimeValue = None,
        *,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        format: str = "YYYY/MM/DD",
        step: int | timedelta = timedelta(minutes=15),
        disabled: bool = False,
        required: bool = False,
        label_visibility: LabelVisibility = "visible",
        width: int | str = "stretch",
        bind: str | None = None,
        persist_state: Any = None,
    ) -> datetime | None:
        """Display a date and time picker; return a `datetime` (no time zone), or None.

        `value` is `"now"` (default), a datetime, a date (at 00:00), a time (today), an ISO
        string, or None (empty until the person picks one). `min_value` / `max_value` take the
        same kinds and default to ten years before / after the value (or today), at 00:00 /
        23:59. `format` is how the date shows (`"YYYY/MM/DD"`, `"DD/MM/YYYY"` or
        `"MM/DD/YYYY"`, with `/`, `-` or `.`); `step` the interval between the times offered
        (seconds or a timedelta, from 60 seconds to 23 hours; 15 minutes by default).
        """
        label = "" if label is None else str(label)
        callback, ignore = resolve_callback(on_change)
        check_label_visibility(label_visibility)  # before the values, as Streamlit checks
        today = date.today()
        default = None if value is None else to_datetime(value, today, _MIN_TIME)
        anchor = default.date() if default is not None else today
        lo = (
            _combine(add_years(anchor, -10), _MIN_TIME)
            if min_value is None
            else to_datetime(min_value, anchor, _MIN_TIME)
        )
        hi = (
            _combine(add_years(anchor, 10), _MAX_TIME)
            if max_value is None
            else to_datetime(max_value, anchor, _MAX_TIME)
        )
        if lo > hi:
            raise invalid_min_max(lo, hi)
        if default is not None and default < lo:
            raise below_min(default, lo)
        if default is not None and default > hi:
            raise above_max(default, hi)
        identity = {
            "value": (
                datetime_wire(default)
                if default is not None and isinstance(value, datetime | date | time)
                else value
            ),
            "min_value": datetime_wire(lo),
            "max_value": datetime_wire(hi),
            "help": help,
            "format": format,
            "step": step,
            "width": width,
            "required": required,
        }
        check_date_format(format)
        step_s = _step_seconds(step)
        check_size("width", width, False)
        check_binding(bind, persist_state, key)
        if script_state(key) is None:
            # The script emptied it through session_state: empty is now its default.
            default = None
        spec = _DateTimeDef(default, lo, hi)
        if min_value is not None or max_value is not None:
            # As in Streamlit, a kept value outside explicit bounds resets to the default.
            drop_unfit(key, spec.fits)
        fields: DateTimeInputFields = {
            "min": datetime_wire(lo),
            "max": datetime_wire(hi),
            "step": step_s,
            "format": format,
        }
        if default is None and not required:
            fields["clearable"] = True
        if isinstance(width, int):
            fields["width"] = width
        if ignore:
            fields["ignore_rerun"] = True
        result: datetime | None = self._widget(
            "datetime_input",
            label=label,
            key=key,
            identity=identity,
            key_identity=frozenset({"format", "step"}),
            props=fields,
            default=default,
            deserialize=spec.deserialize,
            serialize=spec.serialize,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )
        return result
