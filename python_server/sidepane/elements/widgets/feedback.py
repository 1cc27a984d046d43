"""`st.feedback`: thumbs, faces or stars; returns the chosen rating's index or None."""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Any, Literal

from sidepane.elements.arguments import (
    OnChange,
    check_binding,
    resolve_callback,
    type_error,
    value_error,
)
from sidepane.elements.dg_core import DeltaGeneratorCore, to_key
from sidepane.elements.layout import _check_size as check_size
from sidepane.elements.widgets.choices import store_corrected
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.protocol.schema.elements.button_groups import FeedbackFields

FeedbackOptions = Literal["thumbs", "faces", "stars"]
_COUNTS = {"thumbs": 2, "faces": 5, "stars": 5}


def _is_rating(value: object, count: int) -> bool:
    """A whole number (numpy's too, as Streamlit takes them) from 0 to `count - 1`."""
    return (
        isinstance(value, numbers.Integral)
        and not isinstance(value, bool)
        and 0 <= int(value) < count
    )


class FeedbackMixin(DeltaGeneratorCore):
    def feedback(
        self,
        options: FeedbackOptions = "thumbs",
        *,
        key: str | int | None = None,
        default: int | None = None,
        disabled: bool = False,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        width: int | str = "content",
        bind: str | None = None,
        persist_state: Any = None,
    ) -> int | None:
        """Display a row of rating buttons; return the chosen rating, or None before one is
        chosen (a click on the chosen one clears it).

        `options` is "thumbs" (0 is thumbs down, 1 thumbs up), "faces" or "stars" (0, the least
        satisfied, to 4). `default` is the initial rating; `on_change` runs (with
        `args`/`kwargs`) before the rerun a click causes; `key` makes the rating
        `st.session_state[key]`.
        """
        try:
            count = _COUNTS[options]
        except (KeyError, TypeError):
            raise value_error("options", ["'thumbs'", "'faces'", "'stars'"]) from None
        if default is not None:
            if isinstance(default, bool) or not isinstance(default, numbers.Integral):
                raise type_error("default", type(default).__name__, ["int", "None"])
            if not 0 <= default < count:
                raise SidepaneAPIException(
                    f"The `default` parameter, set to {default}, is outside the required range "
                    f"[0, {count - 1}]."
                )
        key = to_key(key)
        callback, ignore = resolve_callback(on_change)
        check_size("width", width, True)
        props: FeedbackFields = {"options": options}
        if width == "stretch":
            props["width"] = "stretch"
        elif isinstance(width, int):
            props["width"] = int(width)  # True passes Streamlit's check as 1
        if ignore:
            props["ignore_rerun"] = True

        # Checked, not acted on yet (no URL binding, no keeping across pages).
        check_binding(bind, persist_state, key)

        def deserialize(wire: Any) -> int | None:
            # null is a cleared rating (a click on the chosen one), not "back to the default".
            if wire is None:
                return None
            if type(wire) is not int or not _is_rating(wire, count):
                raise InvalidWidgetValue(f"{wire!r} is not a rating from 0 to {count - 1}")
            return wire

        def serialize(value: Any) -> int | None:
            if _is_rating(value, count):
                return int(value)
            return None if value is None or default is None else int(default)

        value = self._widget(
            "feedback",
            label="",
            key=key,
            identity={"options": options, "default": default, "width": width},
            key_identity=frozenset({"options"}),
            props=props,
            default=default,
            deserialize=deserialize,
            serialize=serialize,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility="visible",
            help=None,
        )
        if value is None or _is_rating(value, count):
            return value  # type: ignore[no-any-return]
        # The script set something that is no rating: back to the default, as in Streamlit.
        store_corrected(key, default)
        return default
