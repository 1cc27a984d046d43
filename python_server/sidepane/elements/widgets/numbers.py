"""`st.number_input`, and the checks every input widget shares (numbers from the wire, callbacks,
values that `st.session_state` or an earlier definition left behind)."""

from __future__ import annotations

import logging
import math
import numbers
from collections.abc import Callable, Mapping
from typing import Any, Literal

from sidepane.elements.arguments import OnChange, callback
from sidepane.elements.dg_core import DeltaGeneratorCore, LabelVisibility
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.protocol.schema.elements.widgets import NumberInputFields
from sidepane.runtime.context import get_run_context
from sidepane.runtime.widgets import MISSING

log = logging.getLogger("sidepane.widgets")

Number = int | float

JS_MAX_SAFE_INTEGER = (1 << 53) - 1
JS_MIN_SAFE_INTEGER = -JS_MAX_SAFE_INTEGER
JS_MAX_VALUE = 1.7976931348623157e308

# ---- shared by the input widgets ----


def below_min(value: object, min_value: object) -> SidepaneAPIException:
    return SidepaneAPIException(f"The `value` {value} is less than the `min_value` {min_value}.")


def above_max(value: object, max_value: object) -> SidepaneAPIException:
    return SidepaneAPIException(f"The `value` {value} is greater than the `max_value` {max_value}.")


def invalid_min_max(min_value: object, max_value: object) -> SidepaneAPIException:
    if min_value == max_value:
        return SidepaneAPIException(
            f"The `min_value` and `max_value` parameters are both set to {min_value}. "
            "They must not be equal."
        )
    return SidepaneAPIException(
        f"The `min_value`, set to {min_value}, cannot be greater than the `max_value`, "
        f"set to {max_value}."
    )


def check_int_bounds(value: int, name: str) -> None:
    if value < JS_MIN_SAFE_INTEGER:
        raise SidepaneAPIException(f"{name} ({value}) must be >= -((1 << 53) - 1)")
    if value > JS_MAX_SAFE_INTEGER:
        raise SidepaneAPIException(f"{name} ({value}) must be <= (1 << 53) - 1")


def check_float_bounds(value: Number, name: str) -> None:
    if value < -JS_MAX_VALUE:
        raise SidepaneAPIException(f"{name} ({value}) must be >= -1.797e+308")
    if value > JS_MAX_VALUE:
        raise SidepaneAPIException(f"{name} ({value}) must be <= 1.797e+308")


def wire_number(wire: object, integer: bool) -> Number:
    """A number sent by a viewer: a finite int or float (never a bool); whole for ints."""
    if isinstance(wire, bool) or not isinstance(wire, int | float):
        raise InvalidWidgetValue(f"expected a number, got {type(wire).__name__}")
    if isinstance(wire, float):
        if not math.isfinite(wire):
            raise InvalidWidgetValue(f"expected a finite number, got {wire}")
        if integer:
            if not wire.is_integer():
                raise InvalidWidgetValue(f"expected a whole number, got {wire}")
            return int(wire)
    return wire


def in_range(value: Any, lo: Any, hi: Any) -> None:
    if value < lo or value > hi:
        raise InvalidWidgetValue(f"{value!r} is outside [{lo!r}, {hi!r}]")


def script_state(key: str | int | None) -> Any:
    """The value `st.session_state[key]` gives a keyed widget this run because the script set
    it (before the widget existed, or in a callback); MISSING if the script did not."""
    ctx = get_run_context()
    if ctx is None or key is None:
        return MISSING
    k = str(key)
    state = ctx.session.session_state
    if k in state.user:
        return state.user[k]
    widgets = ctx.session.widgets
    wid = widgets.key_to_id.get(k)
    if wid is not None and wid in widgets.script_set:
        return widgets.values.get(wid, MISSING)
    return MISSING


def session_value(key: str | int | None) -> Any:
    """`st.session_state[key]` as the widget about to be drawn would see it, or MISSING."""
    ctx = get_run_context()
    if ctx is None or key is None:
        return MISSING
    state = ctx.session.session_state
    k = str(key)
    return state.get(k, MISSING)


def drop_unfit(key: str | int | None, fits: Callable[[Any], bool]) -> None:
    """Forget a keyed widget's stored value when it no longer fits the widget's definition.

    A key's value outlives changes to the widget's parameters (new bounds, a new type), so a
    value set under the old definition may not fit the new one; the widget then starts over
    from its default, as Streamlit resets such widgets.
    """
    ctx = get_run_context()
    if ctx is None or key is None:
        return
    k = str(key)
    state = ctx.session.session_state
    if k in state.user and not _fits(fits, state.user[k]):
        del state.user[k]
    widgets = ctx.session.widgets
    wid = widgets.key_to_id.get(k)
    if wid is not None and wid in widgets.values and not _fits(fits, widgets.values[wid]):
        del widgets.values[wid]
        widgets.script_set.discard(wid)


def _fits(fits: Callable[[Any], bool], value: Any) -> bool:
    try:
        return bool(fits(value))
    except Exception:
        return False


# ---- number_input ----


def _is_int(v: object) -> bool:
    return isinstance(v, numbers.Integral)


def _mixed_types_message(value: object, mn: object, mx: object, step: object) -> str:
    message = "All numerical arguments must be of the same type."
    for name, v in (("value", value), ("min_value", mn), ("max_value", mx), ("step", step)):
        if v is not None:
            message += f"\n`{name}` has {type(v).__name__} type."
    return message


class NumberInputMixin(DeltaGeneratorCore):
    def number_input(
        self,
        label: str,
        min_value: Number | None = None,
        max_value: Number | None = None,
        value: Number | Literal["min"] | None = "min",
        step: Number | None = None,
        format: str | None = None,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        required: bool = False,
        label_visibility: LabelVisibility = "visible",
        icon: str | None = None,
        width: int | str = "stretch",
        bind: str | None = None,
        persist_state: Any = None,
    ) -> Any:
        """Display a numeric input with +/- buttons; return its value (int or float).

        The type follows the arguments: all ints gives an int input, any float a float one.
        `value="min"` (default) starts at `min_value` (or 0); `value=None` starts empty and
        returns None. `step` defaults to 1 for ints and 0.01 for floats; `format` is a
        printf-style string such as `"%0.3f"`.
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
            "placeholder": None if placeholder is None else str(placeholder),
            "icon": icon,
            "width": width,
            "required": required,
        }
        args_ = [min_value, max_value, value, step]
        all_int_args = all(a is None or isinstance(a, str) or _is_int(a) for a in args_)
        all_float_args = all(a is None or isinstance(a, str | float) for a in args_)
        if not all_int_args and not all_float_args:
            raise SidepaneAPIException(_mixed_types_message(value, min_value, max_value, step))

        if script_state(key) is None:
            value = None
        if value == "min":
            if min_value is not None:
                value = min_value
            elif all_int_args and all_float_args:
                value = 0.0
            else:
                value = 0 if all_int_args else 0.0
        int_value = _is_int(value)
        float_value = isinstance(value, float)
        if value is None:
            if all_int_args and not all_float_args:
                int_value = True
            else:
                float_value = True
        number_format = ("%d" if int_value else "%0.2f") if format is None else format
        if number_format in ("%d", "%u", "%i") and float_value:
            log.warning(
                "st.number_input value has type float, but format %s displays as integer.",
                number_format,
            )
        elif number_format.endswith("f") and int_value:
            log.warning(
                "st.number_input value has type int so is displayed as int despite "
                "format string %s.",
                number_format,
            )
        if step is None:
            step = 1 if int_value else 0.01
        try:
            float(number_format % 2)
        except (TypeError, ValueError):
            raise SidepaneAPIException(
                f"Format string for `st.number_input` contains invalid characters: {number_format}"
            ) from None

        num: Number | None = value
        if min_value is not None and max_value is not None and min_value > max_value:
            raise invalid_min_max(min_value, max_value)
        if min_value is not None and num is not None and min_value > num:
            raise below_min(num, min_value)
        if max_value is not None and num is not None and max_value < num:
            raise above_max(num, max_value)

        all_ints = int_value and all_int_args
        lo: Number
        hi: Number
        if all_ints:
            for name, v in (("min_value", min_value), ("max_value", max_value)):
                if v is not None:
                    check_int_bounds(int(v), f"`{name}`")
            check_int_bounds(int(step), "`step`")
            if num is not None:
                check_int_bounds(int(num), "`value`")
            lo = JS_MIN_SAFE_INTEGER if min_value is None else min_value
            hi = JS_MAX_SAFE_INTEGER if max_value is None else max_value
        else:
            for name, v in (
                ("min_value", min_value),
                ("max_value", max_value),
                ("step", step),
                ("value", num),
            ):
                if v is not None:
                    check_float_bounds(v, f"`{name}`")
            lo = -JS_MAX_VALUE if min_value is None else min_value
            hi = JS_MAX_VALUE if max_value is None else max_value
        if all_ints and num is not None:
            num = int(num)
        default = num

        def fits(v: Any) -> bool:
            if v is None:
                return True
            if isinstance(v, bool) or not isinstance(v, int | float):
                return False
            return bool(lo <= v <= hi)

        def deserialize(wire: Any) -> Number | None:
            if wire is None:
                return default
            v = wire_number(wire, all_ints)
            in_range(v, lo, hi)
            # A whole number typed into a float input arrives as an int; the script gets a float.
            return v if all_ints else float(v)

        # A value from a viewer or an older definition that the new bounds exclude resets.
        drop_unfit(key, fits)
        props: NumberInputFields = {
            "step": step,
            "format": number_format,
            "data_type": "int" if all_ints else "float",
        }
        # A bound of False is the int 0, and is sent as one.
        if min_value is not None:
            props["min"] = int(min_value) if isinstance(min_value, bool) else min_value
        if max_value is not None:
            props["max"] = int(max_value) if isinstance(max_value, bool) else max_value
        if placeholder is not None:
            props["placeholder"] = str(placeholder)
        if icon is not None:
            props["icon"] = icon
        return self._widget(
            "number_input",
            label=label,
            key=key,
            identity=identity,
            key_identity=True,
            props=props,
            default=default,
            deserialize=deserialize,
            serialize=_number_wire,
            on_change=cb,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )


def _number_wire(v: Any) -> Number | None:
    if v is None:
        return None
    return int(v) if isinstance(v, numbers.Integral) else float(v)
