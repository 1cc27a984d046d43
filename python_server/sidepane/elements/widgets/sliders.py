"""`st.slider`: a number, date, datetime or time, or a range of them.

On the wire numbers are numbers, dates and datetimes are microseconds since the epoch (read as
UTC wall-clock time: a datetime's time zone stays on the runtime side) and times are
microseconds since midnight; a range is `[lo, hi]`.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Literal

from sidepane.elements.arguments import OnChange, callback, type_error, value_error
from sidepane.elements.dg_core import DeltaGeneratorCore, LabelVisibility
from sidepane.elements.widgets.numbers import (
    JS_MAX_SAFE_INTEGER,
    above_max,
    below_min,
    check_float_bounds,
    check_int_bounds,
    drop_unfit,
    in_range,
    invalid_min_max,
    script_state,
    session_value,
    wire_number,
)
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.protocol.schema.elements.widgets import SliderFields
from sidepane.runtime.widgets import MISSING

_EPOCH = datetime(1970, 1, 1)
_DAY_US = 86_400_000_000
_SAFE_SPAN = timedelta(microseconds=JS_MAX_SAFE_INTEGER)
# The widest span of whole days a JavaScript number holds exactly, in microseconds.
_MIN_SAFE_DAY = (_EPOCH - _SAFE_SPAN).date() + timedelta(days=1)
_MAX_SAFE_DAY = (_EPOCH + _SAFE_SPAN).date() - timedelta(days=1)

_TYPE_NAMES = ("int", "float", "date", "time", "datetime")


DataType = Literal["int", "float", "date", "datetime", "time"]


def _data_type(v: object) -> DataType:
    """The slider data type of one value; KeyError if it is not one a slider takes."""
    if isinstance(v, numbers.Integral):
        return "int"
    if isinstance(v, numbers.Real):
        return "float"
    if isinstance(v, datetime):
        return "datetime"
    if isinstance(v, date):
        return "date"
    if isinstance(v, time):
        return "time"
    raise KeyError(type(v).__name__)


def _is_scalar(v: object) -> bool:
    try:
        _data_type(v)
    except KeyError:
        return False
    return True


# ---- microseconds, the wire form of dates and times ----


def _dt_to_us(dt: datetime) -> int:
    # Wall-clock time read as UTC: the viewer shows the datetime as written, in any zone.
    d = dt.replace(tzinfo=None) - _EPOCH
    return (d.days * 86_400 + d.seconds) * 1_000_000 + d.microseconds


def _to_us(v: Any, data_type: str) -> int:
    if data_type == "date":
        return (int(v.toordinal()) - _EPOCH.toordinal()) * _DAY_US
    if data_type == "time":
        return int(((v.hour * 60 + v.minute) * 60 + v.second) * 1_000_000 + v.microsecond)
    return _dt_to_us(v)


def _from_us(us: int, data_type: str, tz: tzinfo | None) -> date | datetime | time:
    dt = _EPOCH + timedelta(microseconds=us)
    if data_type == "date":
        return dt.date()
    if data_type == "time":
        return dt.time().replace(tzinfo=tz)
    return dt.replace(tzinfo=tz)


def _window(anchor: Any, days: int) -> tuple[Any, Any]:
    """`anchor` -/+ `days`, kept within what the viewer can represent (default bounds)."""
    if isinstance(anchor, datetime):
        floor: Any = datetime.combine(_MIN_SAFE_DAY, time.min, tzinfo=anchor.tzinfo)
        ceiling: Any = datetime.combine(_MAX_SAFE_DAY, time.max, tzinfo=anchor.tzinfo)
    else:
        floor, ceiling = _MIN_SAFE_DAY, _MAX_SAFE_DAY
    window = timedelta(days=days)
    try:
        low = min(anchor, max(anchor - window, floor))
    except OverflowError:
        low = anchor
    try:
        high = max(anchor, min(anchor + window, ceiling))
    except OverflowError:
        high = anchor
    return low, high


class _SliderDef:
    """One slider's definition as drawn: converts and validates between Python and the wire."""

    __slots__ = ("data_type", "hi", "lo", "range", "tz")

    def __init__(self, data_type: str, lo: Any, hi: Any, is_range: bool, tz: tzinfo | None):
        self.data_type = data_type
        self.lo = lo
        self.hi = hi
        self.range = is_range
        self.tz = tz

    def one_to_wire(self, v: Any) -> int | float:
        if self.data_type == "int":
            return int(v)
        if self.data_type == "float":
            return float(v)
        return _to_us(v, self.data_type)

    def one_from_wire(self, wire: Any) -> Any:
        if self.data_type in ("int", "float"):
            v = wire_number(wire, self.data_type == "int")
            in_range(v, self.lo, self.hi)
            return v
        us = wire_number(wire, True)
        in_range(us, self.lo, self.hi)
        if self.data_type == "date" and us % _DAY_US:
            raise InvalidWidgetValue(f"{us} is not midnight of a day")
        return _from_us(int(us), self.data_type, self.tz)

    def serialize(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return [self.one_to_wire(v) for v in value]
        return self.one_to_wire(value)

    def deserialize(self, wire: Any) -> Any:
        if not self.range:
            return self.one_from_wire(wire)
        if not isinstance(wire, list | tuple) or len(wire) != 2:
            raise InvalidWidgetValue("a range slider's value is [lo, hi]")
        lo, hi = self.one_from_wire(wire[0]), self.one_from_wire(wire[1])
        if lo > hi:
            raise InvalidWidgetValue(f"range start {lo!r} is after its end {hi!r}")
        return (lo, hi)

    def fits(self, value: Any) -> bool:
        """Whether a Python value (from session_state or a viewer) fits this slider."""
        if self.range:
            if not isinstance(value, list | tuple) or len(value) != 2:
                return False
            return all(self._fits_one(v) for v in value)
        return self._fits_one(value)

    def _fits_one(self, v: Any) -> bool:
        if not _is_scalar(v):
            return False
        kind = _data_type(v)
        if kind != self.data_type and not (self.data_type == "float" and kind == "int"):
            return False
        return bool(self.lo <= self.one_to_wire(v) <= self.hi)


class SliderMixin(DeltaGeneratorCore):
    def slider(
        self,
        label: str,
        min_value: Any = None,
        max_value: Any = None,
        value: Any = None,
        step: Any = None,
        format: str | None = None,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        disabled: bool = False,
        label_visibility: LabelVisibility = "visible",
        width: int | str = "stretch",
        bind: str | None = None,
        persist_state: Any = None,
    ) -> Any:
        """Display a slider; return its value, or a `(low, high)` tuple for a range slider.

        Values may be ints, floats, dates, times or datetimes. Pass a two-item list or tuple as
        `value` for a range slider. Without `min_value` / `max_value` / `step` the defaults
        depend on the type: 0 / 100 / 1 for ints, 0.0 / 1.0 / 0.01 for floats, value ± 14
        days / 1 day for dates and datetimes, the whole day / 15 minutes for times. `format`
        is printf-style for numbers (`"%.1f%%"`) or Moment.js style for dates (`"MMM D"`).
        """
        label = "" if label is None else str(label)
        cb = callback(on_change)
        identity = {
            "min_value": min_value,
            "max_value": max_value,
            "value": value,
            "step": step,
            "format": format,
            "help": help,
            "width": width,
        }
        if value is None:
            # A range slider without a value is recognised by the tuple in session_state.
            state = session_value(key)
            single = state is MISSING or _is_scalar(state)
            if single:
                value = min_value if min_value is not None else 0
            else:
                value = [
                    min_value if min_value is not None else 0,
                    max_value if max_value is not None else 100,
                ]

        single = _is_scalar(value)
        if not single and not (isinstance(value, list | tuple) and len(value) in (0, 1, 2)):
            if isinstance(value, list | tuple):
                raise value_error(
                    "value",
                    [
                        *_TYPE_NAMES,
                        "a list containing up to two such values",
                        "a tuple containing up to two such values",
                    ],
                )
            raise type_error("value", type(value).__name__, [*_TYPE_NAMES, "list", "tuple"])
        values: list[Any] = [value] if single else list(value)
        kinds: set[DataType] | None
        try:
            kinds = {_data_type(v) for v in values}
        except KeyError:
            kinds = None  # not a slider's type: told as values not all of one type
        if kinds is None or len(kinds) > 1:
            raise type_error(
                "value",
                ", ".join(type(v).__name__ for v in values),
                ["list or tuple containing values of the same type"],
            )
        data_type = kinds.pop() if kinds else "int"

        default_min: Any
        default_max: Any
        default_step: Any
        if data_type == "int":
            default_min, default_max, default_step, default_format = 0, 100, 1, "%d"
        elif data_type == "float":
            default_min, default_max, default_step, default_format = 0.0, 1.0, 0.01, "%0.2f"
        elif data_type == "time":
            tz0 = values[0].tzinfo
            default_min, default_max = time.min.replace(tzinfo=tz0), time.max.replace(tzinfo=tz0)
            default_step, default_format = timedelta(minutes=15), "HH:mm"
        else:
            default_min, default_max = _window(values[0], 14)
            default_step, default_format = timedelta(days=1), "YYYY-MM-DD"

        if min_value is None:
            min_value = default_min
        if max_value is None:
            max_value = default_max
        if step is None:
            step = default_step
            if data_type in ("date", "datetime") and abs(max_value - min_value) < timedelta(days=1):
                step = timedelta(minutes=15)
        if format is None:
            format = default_format
        if isinstance(step, timedelta):
            if step == timedelta(0):
                raise value_error("step", ["a timedelta"], "Zero is not allowed.")
        elif step == 0:
            raise value_error("step", ["a number"], "Zero is not allowed.")

        bounds = (min_value, max_value, step)
        int_args = all(isinstance(a, numbers.Integral) for a in bounds)
        float_args = all(
            isinstance(a, numbers.Real) and not isinstance(a, numbers.Integral) for a in bounds
        )
        timelike_args = (
            data_type in ("date", "datetime", "time")
            and isinstance(step, timedelta)
            and type(min_value) is type(max_value)
        )
        if not int_args and not float_args and not timelike_args:
            raise type_error(
                "value",
                f"min_value={type(min_value).__name__}, "
                f"max_value={type(max_value).__name__}, step={type(step).__name__}",
                ["matching numeric types", "matching date/time types"],
            )
        if not (
            (data_type == "int" and int_args)
            or (data_type == "float" and float_args)
            or (data_type in ("date", "datetime", "time") and timelike_args)
        ):
            raise type_error(
                "value",
                f"value={type(value).__name__}, min_value={type(min_value).__name__}, "
                f"max_value={type(max_value).__name__}",
                ["value and arguments with matching types"],
            )

        if min_value > max_value:
            min_value, max_value = max_value, min_value
        if len(values) == 1:
            min_value = min(values[0], min_value)
            max_value = max(values[0], max_value)
        elif len(values) == 2:
            if values[0] > values[1]:
                values.reverse()
            min_value = min(values[0], min_value)
            max_value = max(values[1], max_value)
        else:
            values = [min_value, max_value]

        if data_type == "int":
            check_int_bounds(int(min_value), "`min_value`")
            check_int_bounds(int(max_value), "`max_value`")
        elif data_type == "float":
            check_float_bounds(min_value, "`min_value`")
            check_float_bounds(max_value, "`max_value`")
        if min_value == max_value:
            raise invalid_min_max(min_value, max_value)

        tz = values[0].tzinfo if data_type in ("time", "datetime") else None
        spec = _SliderDef(data_type, 0, 0, not single, tz)
        lo, hi = spec.one_to_wire(min_value), spec.one_to_wire(max_value)
        spec.lo, spec.hi = lo, hi
        wire_step: int | float
        if isinstance(step, timedelta):
            wire_step = step // timedelta(microseconds=1)
            for name, us in (("`min_value`", lo), ("`max_value`", hi)):
                if abs(us) > JS_MAX_SAFE_INTEGER:
                    raise SidepaneAPIException(
                        f"{name} is too far from 1970 for Streamlit to represent exactly. "
                        f"Use a value between {_MIN_SAFE_DAY:%Y-%m-%d} and "
                        f"{_MAX_SAFE_DAY:%Y-%m-%d}."
                    )
        else:
            wire_step = step
        default: Any = values[0] if single else (values[0], values[1])

        # A value the script put in session_state must fit, as in Streamlit.
        scripted = script_state(key)
        if scripted is not MISSING and not spec.fits(scripted):
            _raise_out_of_range(spec, scripted, min_value, max_value)
        drop_unfit(key, spec.fits)

        props: SliderFields = {
            "min": lo,
            "max": hi,
            "step": wire_step,
            "format": format,
            "data_type": data_type,
            "range": not single,
        }
        return self._widget(
            "slider",
            label=label,
            key=key,
            identity=identity,
            key_identity=frozenset({"min_value", "max_value", "step"}),
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


def _raise_out_of_range(spec: _SliderDef, value: Any, min_value: Any, max_value: Any) -> None:
    """Streamlit's error for a session_state value outside the slider's bounds."""
    items: Sequence[Any] = value if isinstance(value, list | tuple) else [value]
    for v in items:
        try:
            wire = spec.one_to_wire(v)
        except (TypeError, ValueError, AttributeError):
            return
        if wire < spec.lo:
            raise below_min(v, min_value)
        if wire > spec.hi:
            raise above_max(v, max_value)
