"""`st.menu_button`: a button that opens a menu; a click on an option reruns the app.

Like `st.button` it is a trigger: it returns the clicked option for the one run the click
started, then None. On the wire the click is the option's index.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

from sidepane.elements.arguments import WidgetCallback, resolve_callback, value_error
from sidepane.elements.dg_core import DeltaGeneratorCore, to_key
from sidepane.elements.layout import _check_size as check_size
from sidepane.elements.status import validate_icon
from sidepane.elements.widgets.buttons import _FORM_DOCS_INFO, check_not_written
from sidepane.elements.widgets.choices import Options, to_label
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.schema.elements.small_widgets import MenuButtonFields
from sidepane.runtime.context import get_run_context


class MenuDef:
    """A menu's options, and its clicks to and from the wire (an option's index)."""

    __slots__ = ("options",)

    def __init__(self, options: Options) -> None:
        self.options = options

    def deserialize(self, wire: Any) -> Any:
        return None if wire is None else self.options.option_at(wire)

    def serialize(self, value: Any) -> int | None:
        # A value that is no option (a test setting one) is no click, as in Streamlit.
        return None if value is None else self.options.find(value)


class MenuButtonMixin(DeltaGeneratorCore):
    def menu_button(
        self,
        label: str,
        options: Any,
        *,
        key: str | int | None = None,
        help: str | None = None,
        on_click: WidgetCallback | None = None,
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        type: Literal["primary", "secondary", "tertiary"] = "secondary",
        icon: str | None = None,
        disabled: bool = False,
        width: int | str = "content",
        format_func: Callable[[Any], Any] = str,
        wrap: bool | None = None,
    ) -> Any:
        """Display a button that opens a menu of `options`; return the option clicked.

        A click on an option reruns the app (running `on_click` first, with `args`/`kwargs`)
        and this returns that option for that one run; otherwise None. Opening and closing the
        menu without a choice does nothing. `format_func` turns an option into its label (the
        labels must differ). `type` is "primary", "secondary" (default) or "tertiary"; `width`
        "content" (default), "stretch" or pixels. Not allowed inside `st.form`.
        """
        key = to_key(key)
        label = to_label(label)
        callback, _ = resolve_callback(on_click, (), "on_click")
        check_not_written(key)
        if get_run_context() is not None and self._current_form_id() is not None:
            raise SidepaneAPIException(
                f"`st.menu_button()` can't be used in an `st.form()`.{_FORM_DOCS_INFO}"
            )
        if type not in ("primary", "secondary", "tertiary"):
            raise value_error("type", ["'primary'", "'secondary'", "'tertiary'"])
        check_size("width", width, True)
        choices = Options(options, format_func)
        if not choices.items:
            raise SidepaneAPIException(
                "The `options` parameter is required. Provide at least one option."
            )
        if len(set(choices.labels)) != len(choices.labels):
            raise SidepaneAPIException(
                "The `format_func` produced duplicate labels for the menu button options. "
                "Each formatted option label must be unique."
            )
        fields: MenuButtonFields = {"kind": type, "options": choices.labels}
        if width == "stretch":
            fields["width"] = "stretch"
        elif isinstance(width, int):
            fields["width"] = width
        if icon is not None:
            fields["icon"] = validate_icon(icon)
        spec = MenuDef(choices)
        return self._widget(
            "menu_button",
            label=label,
            key=key,
            identity={
                "options": choices.labels,
                "help": help,
                "type": type,
                "icon": icon,
                "width": width,
            },
            key_identity=True,
            props=fields,
            default=None,
            deserialize=spec.deserialize,
            serialize=spec.serialize,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility="visible",
            help=help,
        )
