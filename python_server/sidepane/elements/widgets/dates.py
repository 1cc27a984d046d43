"""`st.date_input` and `st.time_input`.

On the wire a date is `"YYYY-MM-DD"` (a range is a list of zero to two of them) and a time is
`"HH:MM"`, or `"HH:MM:SS"` when the step is not a whole number of minutes; `nil` is empty.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from sidepane.elements.arguments import OnChange, callback, type_error, value_error
from sidepane.elements.dg_core import DeltaGeneratorCore, LabelVisibility
from sidepane.elements.widgets.numbers import (
    above_max,
    below_min,
    drop_unfit,
    invalid_min_max,
    script_state,
    session_value,
)
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.protocol.schema.elements.widgets import DateInputFields, TimeInputFields
from sidepane.runtime.widgets import MISSING

_DATE_FORMATS = ("YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY")
_SUPPORTED_DATE_FORMATS = tuple(
    f.replace("/", sep) for sep in ("/", ".", "-") for f in _DATE_FORMATS
)
_WIRE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WIRE_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2})?$")

DateValue = date | datetime | str | Sequence[date | datetime | str] | None


# ---- dates ----


def check_date_format(format: object) -> None:
    """A date picker's `format`: one of Streamlit's nine."""
    if not isinstance(format, str):
        raise type_error("format", type(format).__name__, ["str"])
    if format not in _SUPPORTED_DATE_FORMATS:
        raise value_error(
            "format", [repr(f) for f in _SUPPORTED_DATE_FORMATS], f"Provided value: {format!r}."
        )


def date_wire(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _to_date(v: object) -> date:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if v == "today":
        return date.today()
    if isinstance(v, str):
        try:
            return date.fromisoformat(v)
        except ValueError:
            try:
                return datetime.fromisoformat(v).date()
            except ValueError:
                pass
    raise type_error("value", type(v).__name__, ["date", "datetime", "ISO string", '"today"'])


def _bound(v: object, name: str, anchor: date | None, years: int) -> date:
    if isinstance(v, datetime | date | str):
        return _to_date(v)
    if v is None:
        return add_years(anchor or date.today(), years)
    raise type_error(name, type(v).__name__, ["date", "datetime", "ISO string", "None"])


def add_years(d: date, years: int) -> date:
    year = d.year + years
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    try:
        return d.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return d.replace(year=year, day=28)


def _parse_dates(value: object) -> tuple[list[date] | None, bool]:
    if value is None:
        return None, False
    if isinstance(value, Sequence) and not isinstance(value, str):
        if len(value) > 2:
            raise type_error(
                "value",
                type(value).__name__,
                ["date", "datetime", "sequence of 0 to 2 date or datetime values"],
            )
        return [_to_date(v) for v in value], True
    return [_to_date(value)], False


def _wire_date(wire: object, lo: date, hi: date) -> date:
    if not isinstance(wire, str) or not _WIRE_DATE.match(wire):
        raise InvalidWidgetValue(f"expected a 'YYYY-MM-DD' date, got {wire!r}")
    d = date.fromisoformat(wire)
    if d < lo or d > hi:
        raise InvalidWidgetValue(f"{d} is outside [{lo}, {hi}]")
    return d


class _DateDef:
    __slots__ = ("hi", "is_range", "lo")

    def __init__(self, lo: date, hi: date, is_range: bool) -> None:
        self.lo, self.hi, self.is_range = lo, hi, is_range

    def deserialize(self, wire: Any) -> Any:
        if not self.is_range:
            return None if wire is None else _wire_date(wire, self.lo, self.hi)
        if wire is None:
            return ()
        if not isinstance(wire, list | tuple) or len(wire) > 2:
            raise InvalidWidgetValue("a date range is a list of up to two dates")
        dates = tuple(_wire_date(w, self.lo, self.hi) for w in wire)
        if len(dates) == 2 and dates[0] > dates[1]:
            raise InvalidWidgetValue(f"range start {dates[0]} is after its end {dates[1]}")
        return dates

    @staticmethod
    def serialize(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, list | tuple):
            return [date_wire(d) for d in value]
        return date_wire(value)

    def fits(self, value: Any) -> bool:
        if value is None:
            return True
        if self.is_range:
            if not isinstance(value, list | tuple) or len(value) > 2:
                return False
            items = list(value)
        else:
            items = [value]
        return all(isinstance(d, date) and self.lo <= _to_date(d) <= self.hi for d in items)


# ---- times ----


def _to_time(v: object) -> time:
    if v == "now":
        return datetime.now().time().replace(microsecond=0)
    if isinstance(v, str):
        try:
            return time.fromisoformat(v).replace(microsecond=0)
        except ValueError:
            try:
                return datetime.fromisoformat(v).time().replace(microsecond=0)
            except ValueError:
                pass
    if isinstance(v, datetime):
        return v.time().replace(microsecond=0, tzinfo=None)
    if isinstance(v, time):
        return v
    raise type_error("value", type(v).__name__, ["datetime", "time", "ISO string"])


class _TimeDef:
    __slots__ = ("default", "step")

    def __init__(self, default: time | None, step: int) -> None:
        self.default, self.step = default, step

    def deserialize(self, wire: Any) -> time | None:
        if wire is None:
            return self.default
        if not isinstance(wire, str) or not _WIRE_TIME.match(wire):
            raise InvalidWidgetValue(f"expected 'HH:MM' or 'HH:MM:SS', got {wire!r}")
        t = time.fromisoformat(wire)
        if self.step % 60 == 0 and t.second:
            raise InvalidWidgetValue(f"{wire!r} has seconds, but the step is whole minutes")
        return t

    def serialize(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            value = value.time()
        fmt = "%H:%M" if self.step % 60 == 0 else "%H:%M:%S"
        return str(value.strftime(fmt))


class DateTimeInputMixin(DeltaGeneratorCore):
    def date_input(
        self,
        label: str,
        value: DateValue | Literal["today"] = "today",
        min_value: date | datetime | str | None = None,
        max_value: date | datetime | str | None = None,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        format: str = "YYYY/MM/DD",
        disabled: bool = False,
        required: bool = False,
        label_visibility: LabelVisibility = "visible",
        width: int | str = "stretch",
        bind: str | None = None,
        persist_state: Any = None,
    ) -> Any:
        """Display a date picker; return a `date`, or a tuple of dates for a range.

        `value` is a date, `"today"` (default), None (empty), or a list/tuple of zero to two
        dates for a range picker. `min_value` / `max_value` default to ten years before /
        after the value. `format` is `"YYYY/MM/DD"`, `"DD/MM/YYYY"` or `"MM/DD/YYYY"`, with
        `/`, `-` or `.` as separator.
        """
        label = "" if label is None else str(label)
        cb = callback(on_change)
        identity = {
            "value": None if value == "today" else _id_dates(value),
            "min_value": _id_date(min_value),
            "max_value": _id_date(max_value),
            "help": help,
            "format": format,
            "width": width,
            "required": required,
        }
        check_date_format(format)
        explicit_bounds = min_value is not None or max_value is not None
        if value == "today":
            # A range picker without a value is recognised by the tuple in session_state.
            state = session_value(key)
            if state is not MISSING:
                value = state
        dates, is_range = _parse_dates(value)
        lo = _bound(min_value, "min_value", dates[0] if dates else None, -10)
        hi = _bound(max_value, "max_value", dates[-1] if dates else None, 10)
        if value == "today" and dates:
            dates = [min(max(dates[0], lo), hi)]
        if lo > hi:
            raise invalid_min_max(lo, hi)
        if dates:
            if dates[0] < lo:
                raise below_min(dates[0], lo)
            if dates[-1] > hi:
                raise above_max(dates[-1], hi)
        spec = _DateDef(lo, hi, is_range)
        default: Any
        if is_range:
            default = tuple(dates or ())
        else:
            default = dates[0] if dates else None
        if explicit_bounds:
            # As in Streamlit, a kept value outside explicit bounds resets to the default.
            drop_unfit(key, spec.fits)
        props: DateInputFields = {
            "min": date_wire(lo),
            "max": date_wire(hi),
            "range": is_range,
            "format": format,
        }
        if not default and not required:
            # Streamlit lets a person empty the field only when it starts empty.
            props["clearable"] = True
        return self._widget(
            "date_input",
            label=label,
            key=key,
            identity=identity,
            key_identity=frozenset({"format"}),
            props=props,
            default=default,
            deserialize=spec.deserialize,
            serialize=spec.serialize,
            on_change=cb,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )

    def time_input(
        self,
        label: str,
        value: time | datetime | str | Literal["now"] | None = "now",
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        disabled: bool = False,
        required: bool = False,
        label_visibility: LabelVisibility = "visible",
        step: int | timedelta = timedelta(minutes=15),
        format: Literal["12h", "24h", "localized"] = "24h",
        width: int | str = "stretch",
        bind: str | None = None,
        persist_state: Any = None,
    ) -> time | None:
        """Display a time picker; return a `datetime.time` (or None when empty).

        `value` is a time, `"now"` (default) or None. `step` is the interval between the
        choices, in seconds or as a timedelta (default 15 minutes, 1 second to 23 hours).
        """
        label = "" if label is None else str(label)
        cb = callback(on_change)
        parsed = None if value is None else _to_time(value)
        if isinstance(step, timedelta):
            step_s = int(step.total_seconds())
        elif isinstance(step, int):
            step_s = step
        else:
            step_s = 0
        if parsed is not None and step_s > 0 and step_s % 60 == 0:
            parsed = parsed.replace(second=0, microsecond=0)
        identity = {
            "value": parsed if isinstance(value, datetime | time) else value,
            "help": help,
            "step": step,
            "width": width,
            "required": required,
        }
        if script_state(key) is None:
            parsed = None
        if isinstance(step, bool) or not isinstance(step, int | timedelta):
            raise type_error("step", type(step).__name__, ["int", "timedelta"])
        if not 1 <= step_s <= 82_800:
            raise SidepaneAPIException(
                f"The `step` parameter, set to {step_s} seconds, is outside the "
                "required range [1 second, 23 hours]."
            )
        if format not in ("12h", "24h", "localized"):
            raise value_error("format", ["'12h'", "'24h'", "'localized'"])
        spec = _TimeDef(parsed, step_s)
        props: TimeInputFields = {"step": step_s}
        if format == "12h" or format == "localized":
            props["format"] = format
        if parsed is None and not required:
            props["clearable"] = True
        result: time | None = self._widget(
            "time_input",
            label=label,
            key=key,
            identity=identity,
            key_identity=frozenset({"step"}),
            props=props,
            default=parsed,
            deserialize=spec.deserialize,
            serialize=spec.serialize,
            on_change=cb,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )
        return result


def _id_date(v: object) -> str | None:
    """A date argument as it enters the widget id (strings as given, "today" as None)."""
    if v == "today":
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, datetime):
        return date_wire(v.date())
    if isinstance(v, date):
        return date_wire(v)
    return None


def _id_dates(v: object) -> object:
    if isinstance(v, Sequence) and not isinstance(v, str):
        return [_id_date(x) for x in v]
    return _id_date(v)
