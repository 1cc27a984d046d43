"""`st.pills` and `st.segmented_control`: a row of option buttons, one or several selected.

Options, `format_func` and defaults work as for the other choice widgets (`Options` in
choices.py). The wire carries the selected options' indexes as a list in both selection modes
(single: `[]` or `[i]`), so a click that clears a single selection is told apart from "back to the
default". A value that stops matching an option (the options changed under a keyed widget, or the
script set one that is not an option) goes back to the default, as in Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

from sidepane.elements.arguments import OnChange, check_binding, resolve_callback, value_error
from sidepane.elements.dg_core import (
    DeltaGeneratorCore,
    LabelVisibility,
    check_label_visibility,
    to_key,
)
from sidepane.elements.layout import _check_size as check_size
from sidepane.elements.status import _leading_icon as leading_icon
from sidepane.elements.widgets.choices import Options, store_corrected, to_label, to_option_list
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.protocol.schema.elements.button_groups import ButtonGroupFields, ButtonGroupOption

SelectionMode = Literal["single", "multi"]
Style = Literal["pills", "segmented_control"]


def group_option(label: str) -> ButtonGroupOption:
    """An option as drawn: a first word that is only an emoji or a Material icon becomes its
    icon, as Streamlit splits it ("🍕 Pizza", ":material/add:")."""
    first, _, rest = label.partition(" ")
    icon, remaining = leading_icon(first.strip())
    if icon and not remaining:
        return {"content": rest, "icon": icon}
    return {"content": label}


class _Selection:
    """One button group's values: the Python value (an option or None in single mode, a list
    in multi mode) and the wire's list of indexes."""

    def __init__(self, opts: Options, defaults: list[int], multi: bool) -> None:
        self.opts = opts
        self.multi = multi
        self.default_wire = defaults
        self.default: Any = self.from_items([opts.items[i] for i in defaults])

    def from_items(self, items: list[Any]) -> Any:
        if self.multi:
            return items
        return items[0] if items else None

    def as_items(self, value: Any) -> list[Any]:
        if self.multi:
            return to_option_list(value)
        return [] if value is None else [value]

    def deserialize(self, wire: Any) -> Any:
        if wire is None:
            return self.from_items([self.opts.items[i] for i in self.default_wire])
        if not isinstance(wire, list) or (not self.multi and len(wire) > 1):
            raise InvalidWidgetValue(f"expected a list of option indexes, got {wire!r}")
        return self.from_items([self.opts.option_at(i) for i in wire])

    def index(self, value: Any) -> int | None:
        """The option that is `value`, else the one with `value`'s label (an Enum member of a
        class the rerun redefined), else None."""
        for i, option in enumerate(self.opts.items):
            if option is value:
                return i
        return self.opts.find(value)

    def indexes(self, value: Any) -> list[int]:
        """The indexes of the options `value` names; those that are no option are left out."""
        found = (self.index(v) for v in self.as_items(value))
        return [i for i in found if i is not None]

    def serialize(self, value: Any) -> list[int]:
        indexes = self.indexes(value)
        if not self.multi and value is not None and not indexes:
            return list(self.default_wire)  # not an option (any more): back to the default
        return indexes

    def current(self, value: Any) -> Any:
        """`value` as this run's option objects, or the default for a single value that is no
        option."""
        if not self.multi and value is not None and not self.indexes(value):
            return self.default
        return self.from_items([self.opts.items[i] for i in self.indexes(value)])


class ButtonGroupMixin(DeltaGeneratorCore):
    def _button_group(
        self,
        style: Style,
        label: str,
        options: Any,
        *,
        selection_mode: SelectionMode,
        default: Any,
        required: bool,
        format_func: Callable[[Any], Any] | None,
        key: str | int | None,
        help: str | None,
        on_change: OnChange,
        args: tuple[Any, ...] | list[Any] | None,
        kwargs: Mapping[str, Any] | None,
        disabled: bool,
        label_visibility: LabelVisibility,
        width: int | str,
        wrap: bool | None,
        bind: str | None,
        persist_state: Any,
    ) -> Any:
        # The checks run in Streamlit's order, so a call with two mistakes gets its error.
        check_label_visibility(label_visibility)
        label = to_label(label)
        if required and selection_mode == "multi":
            raise SidepaneAPIException(
                "`required=True` and `selection_mode='multi'` cannot be used together. "
                "`required` is only supported for single-select mode."
            )
        opts = Options(options, format_func or str)
        defaults = opts.indexes_of(default)
        if selection_mode not in ("single", "multi"):
            raise value_error("selection_mode", ["'single'", "'multi'"])
        multi = selection_mode == "multi"
        if not multi and len(defaults) > 1:
            raise SidepaneAPIException(
                f"The default argument to `st.{style}` must be a single value when "
                "`selection_mode='single'`."
            )
        key = to_key(key)
        callback, ignore = resolve_callback(on_change)
        check_size("width", width, True)
        group_options = [group_option(text) for text in opts.labels]
        props: ButtonGroupFields = {"style": style, "options": group_options}
        if multi:
            props["multi"] = True
        if required:
            props["required"] = True
        if width == "stretch":
            props["width"] = "stretch"
        elif isinstance(width, int):
            props["width"] = int(width)  # True passes Streamlit's check as 1
        if wrap is not None:
            props["wrap"] = bool(wrap)
        if ignore:
            props["ignore_rerun"] = True
        selection = _Selection(opts, defaults, multi)
        # Checked, not acted on yet (no URL binding, no keeping across pages).
        check_binding(bind, persist_state, key)
        value = self._widget(
            style,
            label=label,
            key=key,
            identity={
                "options": group_options,
                "default": defaults,
                "selection_mode": selection_mode,
                "width": width,
                "help": help,
            },
            key_identity=frozenset({"selection_mode"}),
            props=props,
            default=selection.default,
            deserialize=selection.deserialize,
            serialize=selection.serialize,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
            element_type="button_group",
        )
        current = selection.current(value)
        if multi:
            changed = type(value) is not list or len(current) != len(value)
            changed = changed or any(a is not b for a, b in zip(current, value, strict=True))
        else:
            changed = current is not value
        if changed:
            store_corrected(key, current)
        return current

    def pills(
        self,
        label: str,
        options: Any,
        *,
        selection_mode: SelectionMode = "single",
        default: Any = None,
        required: bool = False,
        format_func: Callable[[Any], Any] | None = None,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibility = "visible",
        width: int | str = "content",
        wrap: bool | None = None,
        bind: str | None = None,
        persist_state: Any = None,
    ) -> Any:
        """Display the options as pill buttons; return the selected option (None if none) or,
        with `selection_mode="multi"`, the list of selected options.

        `default` is the initial selection (an option, or a list of them in multi mode);
        `format_func` turns an option into its label (Markdown; a leading emoji or
        `:material/name:` word is drawn as its icon). `required=True` (single mode) keeps one
        option selected once one is. `on_change` runs (with `args`/`kwargs`) before the rerun a
        click causes; `key` makes the value `st.session_state[key]`.
        """
        return self._button_group(
            "pills", label, options, selection_mode=selection_mode, default=default,
            required=required, format_func=format_func, key=key, help=help,
            on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
            label_visibility=label_visibility, width=width, wrap=wrap, bind=bind,
            persist_state=persist_state,
        )  # fmt: skip

    def segmented_control(
        self,
        label: str,
        options: Any,
        *,
        selection_mode: SelectionMode = "single",
        default: Any = None,
        required: bool = False,
        format_func: Callable[[Any], Any] | None = None,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibility = "visible",
        width: int | str = "content",
        wrap: bool | None = None,
        bind: str | None = None,
        persist_state: Any = None,
    ) -> Any:
        """Display the options as one joined bar of buttons; return the selected option (None
        if none) or, with `selection_mode="multi"`, the list of selected options.

        Takes the same arguments as `st.pills`: `default`, `format_func` (a leading emoji or
        `:material/name:` word is drawn as an icon), `required`, `on_change` with
        `args`/`kwargs`, `key`.
        """
        return self._button_group(
            "segmented_control", label, options, selection_mode=selection_mode,
            default=default, required=required, format_func=format_func, key=key, help=help,
            on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
            label_visibility=label_visibility, width=width, wrap=wrap, bind=bind,
            persist_state=persist_state,
        )  # fmt: skip
