"""`st.text_input` and `st.text_area`: a string (or None), sent as is on the wire."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

from sidepane.elements.arguments import OnChange, callback, type_error, value_error
from sidepane.elements.dg_core import DeltaGeneratorCore, LabelVisibility
from sidepane.elements.widgets.numbers import (
    drop_unfit,
    script_state,
)
from sidepane.errors import InvalidWidgetValue
from sidepane.protocol.schema.elements.widgets import TextAreaFields, TextInputFields

TextInputType = Literal["default", "password", "email", "url", "phone", "search"]

# Per `type`: (placeholder, validation (regex, message), autocomplete), used when not given.
_TYPE_DEFAULTS: dict[str, tuple[str | None, tuple[str, str] | None, str]] = {
    "default": (None, None, ""),
    "password": (None, None, "new-password"),
    "email": (
        "you@example.com",
        (r"^[^\s@]+@[^\s@]+\.[^\s@]+$", "Enter a valid email address."),
        "email",
    ),
    "url": (
        "https://example.com",
        (r"^([Hh][Tt][Tt][Pp][Ss]?://)?[^\s/.]+\.[^\s]+$", "Enter a valid URL."),
        "url",
    ),
    "phone": ("+1 234 567 8900", None, "tel"),
    "search": ("Search", None, "off"),
}


def _validate_rule(validate: object) -> tuple[str | None, str | None]:
    if validate is None:
        return None, None
    if isinstance(validate, str):
        return validate, None
    if isinstance(validate, tuple):
        if len(validate) == 2 and all(isinstance(v, str) for v in validate):
            return validate[0], validate[1]
        raise value_error("validate", ["a regex string", "a (regex, message) tuple of strings"])
    raise type_error("validate", type(validate).__name__, ["None", "str", "tuple"])


def _text_codec(
    default: str | None, max_chars: int | None
) -> tuple[Callable[[Any], str | None], Callable[[Any], bool]]:
    def deserialize(wire: Any) -> str | None:
        if wire is None:
            return default
        if not isinstance(wire, str):
            raise InvalidWidgetValue(f"expected a string, got {type(wire).__name__}")
        if max_chars is not None and len(wire) > max_chars:
            raise InvalidWidgetValue(f"{len(wire)} characters, more than max_chars={max_chars}")
        return wire

    def fits(v: Any) -> bool:
        return v is None or (isinstance(v, str) and (max_chars is None or len(v) <= max_chars))

    return deserialize, fits


def _text_wire(v: Any) -> str | None:
    return None if v is None else str(v)


class TextInputMixin(DeltaGeneratorCore):
    def text_input(
        self,
        label: str,
        value: object = "",
        max_chars: int | None = None,
        key: str | int | None = None,
        type: TextInputType = "default",
        help: str | None = None,
        autocomplete: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        required: bool = False,
        label_visibility: LabelVisibility = "visible",
        icon: str | None = None,
        validate: str | tuple[str, str] | None = None,
        live: str | bool = False,
        width: int | str = "stretch",
        bind: str | None = None,
        persist_state: Any = None,
    ) -> str | None:
        """Display a single-line text input; return its text.

        `value=None` starts empty and returns None until something is typed. `max_chars`
        limits the length, `type="password"` masks the text, `placeholder` shows greyed
        text while the input is empty.
        """
        label = "" if label is None else str(label)
        cb = callback(on_change)
        defaults = _TYPE_DEFAULTS.get(type)
        if defaults is None:
            raise value_error("type", [repr(t) for t in _TYPE_DEFAULTS])
        text = None if value is None else str(value)
        regex, _ = _validate_rule(validate)
        identity = {
            "value": text,
            "max_chars": max_chars,
            "type": type,
            "help": help,
            "autocomplete": autocomplete,
            "placeholder": str(placeholder),
            "icon": icon,
            "width": width,
            "live": live,
            "validate": regex,
            "required": required,
        }
        if script_state(key) is None:
            text = None
        deserialize, fits = _text_codec(text, max_chars)
        drop_unfit(key, fits)
        type_placeholder, type_validate, type_autocomplete = defaults
        if placeholder is None:
            placeholder = type_placeholder
        rule, message = _validate_rule(type_validate if validate is None else validate)
        complete = type_autocomplete if autocomplete is None else autocomplete
        props: TextInputFields = {"type": type}
        if max_chars is not None:  # int(): a max_chars of False is 0, sent as the int
            props["max_chars"] = int(max_chars)
        if placeholder is not None:
            props["placeholder"] = str(placeholder)
        if complete:
            props["autocomplete"] = complete
        if icon is not None:
            props["icon"] = icon
        if rule:
            props["validate"] = [rule, message] if message else [rule]
        result: str | None = self._widget(
            "text_input",
            label=label,
            key=key,
            identity=identity,
            key_identity=frozenset({"max_chars", "validate"}),
            props=props,
            default=text,
            deserialize=deserialize,
            serialize=_text_wire,
            on_change=cb,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )
        return result

    def text_area(
        self,
        label: str,
        value: object = "",
        height: int | Literal["content", "stretch"] | None = None,
        max_chars: int | None = None,
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
        width: int | str = "stretch",
        bind: str | None = None,
        persist_state: Any = None,
    ) -> str | None:
        """Display a multi-line text input; return its text.

        `height` is in pixels (or "content" / "stretch"); `max_chars` limits the length;
        `value=None` starts empty and returns None until something is typed.
        """
        label = "" if label is None else str(label)
        cb = callback(on_change)
        text = None if value is None else str(value)
        identity = {
            "value": text,
            "height": height,
            "max_chars": max_chars,
            "help": help,
            "placeholder": str(placeholder),
            "width": width,
            "required": required,
        }
        if script_state(key) is None:
            text = None
        deserialize, fits = _text_codec(text, max_chars)
        drop_unfit(key, fits)
        props: TextAreaFields = {}
        if max_chars is not None:  # int(): a max_chars of False is 0, sent as the int
            props["max_chars"] = int(max_chars)
        if height is not None:
            props["height"] = height if isinstance(height, str) else int(height)
        if placeholder is not None:
            props["placeholder"] = str(placeholder)
        result: str | None = self._widget(
            "text_area",
            label=label,
            key=key,
            identity=identity,
            key_identity=frozenset({"max_chars"}),
            props=props,
            default=text,
            deserialize=deserialize,
            serialize=_text_wire,
            on_change=cb,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )
        return result
