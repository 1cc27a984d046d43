"""Choice widgets: checkbox, toggle, radio, selectbox, multiselect, select_slider, color_picker.

Options can be any sequence-like object (list, tuple, set, dict keys, an Enum class, a numpy
array, a pandas Series or DataFrame's first column). Their labels are `format_func(option)`,
computed here; the wire carries indexes into them, so options need not be serializable.

A widget's value is a Python object kept between runs. When the options change under a keyed
widget (whose id does not depend on its options), a value that no longer matches an option by its
label goes back to the default, as in Streamlit; a value matching by label becomes the current
run's option object (so a value of an Enum class redefined by the rerun is coerced to the new
class).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from enum import EnumMeta
from typing import Any, Literal, cast

from sidepane.elements.arguments import (
    OnChange,
    WidgetCallback,
    resolve_callback,
    type_error,
    value_error,
)
from sidepane.elements.dg_core import DeltaGeneratorCore, LabelVisibility, to_key
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.protocol.schema.elements.widgets import (
    MultiselectFields,
    RadioFields,
    SelectboxFields,
    SelectSliderFields,
    WidgetFields,
)
from sidepane.runtime.context import get_run_context

_HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
_FILTER_MODES = ("fuzzy", "contains", "prefix", None)


# ---- helpers shared with buttons.py ----


def to_label(label: object) -> str:
    return "" if label is None else str(label)


def _out_of_range(parameter: str, value: object, lo: object, hi: object) -> str:
    return (
        f"The `{parameter}` parameter, set to {value}, is outside the required range [{lo}, {hi}]."
    )


def to_option_list(obj: Any) -> list[Any]:
    """Any options-like object as a new list (Streamlit's `convert_anything_to_list`)."""
    if obj is None:
        return []
    if isinstance(obj, (list, tuple, set, frozenset, range)):
        return list(obj)
    if isinstance(obj, (str, int, float, bool)):
        return [obj]
    if isinstance(obj, EnumMeta):
        # Members of str-mixin enums are their values, as in Streamlit.
        members: list[Any] = list(obj)
        return [cast(Any, m).value if isinstance(m, str) else m for m in members]
    if isinstance(obj, Mapping):
        return list(obj.keys())
    columns = getattr(obj, "columns", None)
    iloc = getattr(obj, "iloc", None)
    if columns is not None and iloc is not None:  # a DataFrame: its first column
        return [] if len(columns) == 0 else list(iloc[:, 0].tolist())
    tolist = getattr(obj, "tolist", None)
    if callable(tolist) and hasattr(obj, "ndim"):  # numpy arrays, pandas Series / Index
        if obj.ndim > 1:
            obj = obj[:, 0]
        return list(obj.tolist())
    try:
        return list(obj)
    except TypeError:
        return [obj]


def _check_comparable(items: Sequence[Any]) -> None:
    if not items:
        return
    try:
        bool(items[0] == items[0])
    except ValueError:
        raise SidepaneAPIException(
            "Invalid option type provided. Options must be comparable, returning a "
            f"boolean when used with *==*. \n\nGot **{type(items[0]).__name__}**, "
            "which cannot be compared. Refactor your code to use elements of "
            "comparable types as options, e.g. use indices instead."
        ) from None


class Options:
    """A widget's options, their labels, and lookups between values and indexes."""

    __slots__ = ("_by_label", "format_func", "items", "labels")

    def __init__(self, options: Any, format_func: Callable[[Any], Any]) -> None:
        self.items = to_option_list(options)
        _check_comparable(self.items)
        self.format_func = format_func
        self.labels = [str(format_func(o)) for o in self.items]
        # Like Streamlit, a repeated label refers to its last option.
        self._by_label = {label: i for i, label in enumerate(self.labels)}

    def __len__(self) -> int:
        return len(self.items)

    def find(self, value: Any) -> int | None:
        """The index of the option whose label is `value`'s label, or None."""
        try:
            return self._by_label.get(str(self.format_func(value)))
        except Exception:
            return None

    def index_of_equal(self, value: Any) -> int:
        """The first option equal to `value` (Streamlit's `index_`); ValueError if none."""
        for i, option in enumerate(self.items):
            if value == option:
                return i
            if (
                isinstance(option, float)
                and isinstance(value, float)
                and abs(value - option) < 0.000000000005
            ):
                return i
        raise ValueError(f"{value} is not in iterable")

    def indexes_of(self, default: Any) -> list[int]:
        """The indexes of a `default` given as one option or several (None: none), or
        Streamlit's error for a value that is not an option."""
        if default is None:
            return []
        indexes: list[int] = []
        for value in to_option_list(default):
            if value not in self.items:
                raise SidepaneAPIException(
                    f"The default value '{value}' is not part of the options. "
                    "Please make sure that every default value also exists in the options."
                )
            indexes.append(self.items.index(value))
        return indexes

    def option_at(self, wire: Any) -> Any:
        """The option a wire index points at; raises InvalidWidgetValue if it points nowhere."""
        if type(wire) is not int or not 0 <= wire < len(self.items):
            raise InvalidWidgetValue(f"{wire!r} is not an option index")
        return self.items[wire]


def store_corrected(key: str | None, value: Any) -> None:
    """Make a keyed widget's stored value `value` (after a reset or a coercion to an option)."""
    ctx = get_run_context()
    if ctx is None or key is None:
        return
    widgets = ctx.session.widgets
    wid = widgets.key_to_id.get(key)
    if wid is not None:
        widgets.values[wid] = value


def _check_filter_mode(filter_mode: object, accept_new_options: bool) -> None:
    try:
        ok = filter_mode in _FILTER_MODES
    except TypeError:
        ok = False
    if not ok:
        raise value_error("filter_mode", ["fuzzy", "contains", "prefix", "None"])
    if filter_mode is None and accept_new_options:
        raise SidepaneAPIException(
            "`filter_mode=None` and `accept_new_options=True` cannot be used together. "
            "`filter_mode` cannot be `None` when `accept_new_options=True`. "
            "Set `filter_mode` to `fuzzy`, `contains`, or `prefix`."
        )


def _check_index(index: object, n: int) -> None:
    if index is not None and (not isinstance(index, int) or isinstance(index, bool)):
        raise type_error("index", type(index).__name__, ["int", "None"])
    if index is not None and n > 0 and not 0 <= index < n:
        raise SidepaneAPIException(_out_of_range("index", index, 0, n - 1))


def _bool_wire(wire: Any) -> bool:
    if type(wire) is not bool:
        raise InvalidWidgetValue(f"expected a bool, got {wire!r}")
    return wire


class ChoiceMixin(DeltaGeneratorCore):
    # ---- checkbox / toggle ----

    def _boolean(
        self,
        kind: str,
        label: str,
        value: bool,
        key: str | int | None,
        help: str | None,
        on_change: OnChange,
        args: tuple[Any, ...] | list[Any] | None,
        kwargs: Mapping[str, Any] | None,
        disabled: bool,
        label_visibility: LabelVisibility,
        width: int | str,
    ) -> bool:
        callback, ignore = resolve_callback(on_change)
        label = to_label(label)
        default = bool(value)
        props: WidgetFields = {}
        if ignore:
            props["ignore_rerun"] = True
        result: bool = self._widget(
            kind,
            label=label,
            key=to_key(key),
            identity={"value": default, "help": help, "width": width},
            key_identity=True,
            props=props,
            default=default,
            deserialize=_bool_wire,
            serialize=bool,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )
        return result

    def checkbox(
        self,
        label: str,
        value: bool = False,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        disabled: bool = False,
        label_visibility: LabelVisibility = "visible",
        width: int | str = "content",
        wrap: bool | None = None,
        bind: str | None = None,
        persist_state: Any = None,
    ) -> bool:
        """Display a checkbox; return True while it is checked.

        `value` is its initial state; `on_change` runs (with `args`/`kwargs`) before the rerun
        its change causes; `key` makes its value `st.session_state[key]`.
        """
        return self._boolean(
            "checkbox", label, value, key, help, on_change, args, kwargs, disabled,
            label_visibility, width,
        )  # fmt: skip

    def toggle(
        self,
        label: str,
        value: bool = False,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        disabled: bool = False,
        label_visibility: LabelVisibility = "visible",
        width: int | str = "content",
        wrap: bool | None = None,
        bind: str | None = None,
        persist_state: Any = None,
    ) -> bool:
        """Display a toggle switch; return True while it is on.

        `value` is its initial state; `on_change` runs (with `args`/`kwargs`) before the rerun
        its change causes; `key` makes its value `st.session_state[key]`.
        """
        return self._boolean(
            "toggle", label, value, key, help, on_change, args, kwargs, disabled,
            label_visibility, width,
        )  # fmt: skip

    # ---- radio / selectbox ----

    def _single(
        self,
        kind: str,
        *,
        label: str,
        opts: Options,
        index: int | None,
        key: str | None,
        identity: dict[str, Any],
        key_identity: bool | frozenset[str],
        props: RadioFields | SelectboxFields,
        on_change: WidgetCallback | None,
        args: tuple[Any, ...] | list[Any] | None,
        kwargs: Mapping[str, Any] | None,
        disabled: bool,
        label_visibility: LabelVisibility,
        help: str | None,
        accept_new: bool = False,
    ) -> Any:
        default = opts.items[index] if index is not None and opts.items else None
        default_wire = index if default is not None else None

        def deserialize(wire: Any) -> Any:
            # `nil` is "back to the default", as in Streamlit.
            if wire is None:
                return default
            if accept_new and isinstance(wire, str):
                i = opts._by_label.get(wire)
                return wire if i is None else opts.items[i]
            return opts.option_at(wire)

        def serialize(value: Any) -> Any:
            if value is None:
                return None
            i = opts.find(value)
            if i is not None:
                return i
            if accept_new and isinstance(value, str):
                return value
            # Not an option (any more): the widget shows, and becomes, its default.
            return default_wire

        value = self._widget(
            kind,
            label=label,
            key=key,
            identity=identity,
            key_identity=key_identity,
            props=props,
            default=default,
            deserialize=deserialize,
            serialize=serialize,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )
        if value is None:
            return None
        i = opts.find(value)
        if i is not None:
            current = opts.items[i]
        elif accept_new and isinstance(value, str):
            return value
        else:
            current = default
        if current is not value:
            store_corrected(key, current)
        return current

    def radio(
        self,
        label: str,
        options: Any,
        index: int | None = 0,
        format_func: Callable[[Any], Any] = str,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        disabled: bool = False,
        horizontal: bool = False,
        captions: Sequence[str] | None = None,
        label_visibility: LabelVisibility = "visible",
        width: int | str = "content",
        bind: str | None = None,
        persist_state: Any = None,
    ) -> Any:
        """Display a set of radio buttons; return the selected option.

        `index` is the initially selected option (`None` for none, which returns None until the
        person picks one); `format_func` turns an option into its label; `captions` adds text
        under each option; `horizontal=True` lays them out in a row.
        """
        callback, ignore = resolve_callback(on_change)
        key = to_key(key)
        label = to_label(label)
        opts = Options(options, format_func)
        caption_list: list[str] | None = None
        if captions is not None:
            caption_list = []
            for caption in captions:
                if caption is not None and not isinstance(caption, str):
                    raise type_error("captions", type(caption).__name__, ["str", "None"])
                caption_list.append(caption or "")
        _check_index(index, len(opts))
        props: RadioFields = {"options": opts.labels, "horizontal": bool(horizontal)}
        if caption_list is not None:
            props["captions"] = caption_list
        if ignore:
            props["ignore_rerun"] = True
        identity = {
            "options": opts.labels,
            "index": index,
            "help": help,
            "horizontal": horizontal,
            "captions": captions,
            "width": width,
        }
        return self._single(
            "radio",
            label=label,
            opts=opts,
            index=index,
            key=key,
            identity=identity,
            key_identity=True,
            props=props,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )

    def selectbox(
        self,
        label: str,
        options: Any,
        index: int | None = 0,
        format_func: Callable[[Any], Any] = str,
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
        accept_new_options: bool = False,
        filter_mode: Literal["fuzzy", "contains", "prefix"] | None = "fuzzy",
        width: int | str = "stretch",
        bind: str | None = None,
        persist_state: Any = None,
    ) -> Any:
        """Display a select box; return the selected option.

        `index` is the initially selected option (`None` for none, which returns None and shows
        `placeholder`); `format_func` turns an option into its label. With
        `accept_new_options=True` the person can also type a value that is not an option, which
        is returned as a string.
        """
        callback, ignore = resolve_callback(on_change)
        key = to_key(key)
        label = to_label(label)
        opts = Options(options, format_func)
        _check_index(index, len(opts))
        if placeholder == "":
            # An explicit empty placeholder, told apart from None (a contextual default text).
            placeholder = " "
        _check_filter_mode(filter_mode, accept_new_options)
        props: SelectboxFields = {"options": opts.labels}
        if placeholder is not None:
            props["placeholder"] = placeholder
        if required:
            props["required"] = True
        if icon is not None:
            props["icon"] = icon
        if accept_new_options:
            props["accept_new_options"] = True
        if ignore:
            props["ignore_rerun"] = True
        if filter_mode != "fuzzy":
            props["filter_mode"] = filter_mode
        identity = {
            "options": opts.labels,
            "index": index,
            "help": help,
            "placeholder": placeholder,
            "accept_new_options": accept_new_options,
            "filter_mode": filter_mode,
            "width": width,
            "required": required,
            "icon": icon,
        }
        return self._single(
            "selectbox",
            label=label,
            opts=opts,
            index=index,
            key=key,
            identity=identity,
            key_identity=frozenset({"accept_new_options"}),
            props=props,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
            accept_new=bool(accept_new_options),
        )

    # ---- multiselect ----

    def multiselect(
        self,
        label: str,
        options: Any,
        default: Any | None = None,
        format_func: Callable[[Any], Any] = str,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        max_selections: int | None = None,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibility = "visible",
        accept_new_options: bool = False,
        filter_mode: Literal["fuzzy", "contains", "prefix"] | None = "fuzzy",
        select_all: bool | int = 1000,
        width: int | str = "stretch",
        wrap: bool | None = None,
        bind: str | None = None,
        persist_state: Any = None,
    ) -> list[Any]:
        """Display a multi-select box; return the list of selected options.

        `default` is the initial selection (one option or a list of them); `max_selections`
        caps how many can be chosen; `format_func` turns an option into its label. With
        `accept_new_options=True` typed values that are not options are returned as strings.
        """
        callback, ignore = resolve_callback(on_change)
        key = to_key(key)
        label = to_label(label)
        if max_selections is not None and (
            isinstance(max_selections, bool)
            or not isinstance(max_selections, int)
            or max_selections < 1
        ):
            detail = None
            if isinstance(max_selections, int) and max_selections == 0:
                detail = "To disable `st.multiselect`, use `disabled=True`."
            raise value_error("max_selections", ["a positive integer"], detail)
        opts = Options(options, format_func)
        default_indices = opts.indexes_of(default)
        if placeholder == "":
            placeholder = " "
        _check_filter_mode(filter_mode, accept_new_options)
        if isinstance(select_all, bool):
            select_all_code = -1 if select_all else 0
        elif isinstance(select_all, int):
            if select_all < 0:
                raise value_error(
                    "select_all",
                    ["True", "False", "a non-negative integer"],
                    "When using an int, `select_all` must be a non-negative integer.",
                )
            select_all_code = select_all
        else:
            raise type_error("select_all", type(select_all).__name__, ["bool", "int"])
        accept_new = bool(accept_new_options)
        default_value = [opts.items[i] for i in default_indices]

        def deserialize(wire: Any) -> list[Any]:
            if wire is None:
                return list(default_value)
            if not isinstance(wire, list):
                raise InvalidWidgetValue(f"expected a list, got {wire!r}")
            if max_selections is not None and len(wire) > max_selections:
                raise InvalidWidgetValue(f"more than {max_selections} selections")
            out: list[Any] = []
            for w in wire:
                if accept_new and isinstance(w, str):
                    i = opts._by_label.get(w)
                    out.append(w if i is None else opts.items[i])
                else:
                    out.append(opts.option_at(w))
            return out

        def serialize(values: Any) -> list[Any]:
            out: list[Any] = []
            for v in to_option_list(values):
                i = opts.find(v)
                if i is not None:
                    out.append(i)
                elif accept_new and isinstance(v, str):
                    out.append(v)
                # Values that are no longer options are dropped, as in Streamlit.
            return out

        props: MultiselectFields = {"options": opts.labels}
        if max_selections is not None:
            props["max_selections"] = max_selections
        if placeholder is not None:
            props["placeholder"] = placeholder
        if accept_new:
            props["accept_new_options"] = True
        if ignore:
            props["ignore_rerun"] = True
        if filter_mode != "fuzzy":
            props["filter_mode"] = filter_mode
        if select_all_code != 1000:
            props["select_all"] = select_all_code
        identity = {
            "options": opts.labels,
            "default": default_indices,
            "help": help,
            "max_selections": max_selections,
            "placeholder": placeholder,
            "accept_new_options": accept_new_options,
            "filter_mode": filter_mode,
            "select_all": select_all_code,
            "width": width,
        }
        value = self._widget(
            "multiselect",
            label=label,
            key=key,
            identity=identity,
            key_identity=frozenset({"max_selections", "accept_new_options"}),
            props=props,
            default=default_value,
            deserialize=deserialize,
            serialize=serialize,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )
        values = to_option_list(value)
        if max_selections is not None and len(values) > max_selections:
            n = len(values)
            raise SidepaneAPIException(
                f"Multiselect has {n} {'option' if n == 1 else 'options'} selected but "
                f"`max_selections` is set to {max_selections}. This happened because you either "
                "gave too many options to `default` or you manipulated the widget's state "
                "through `st.session_state`. Note that the latter can happen before the line "
                "indicated in the traceback. Please select at most "
                f"{max_selections} {'option' if max_selections == 1 else 'options'}."
            )
        current: list[Any] = []
        for v in values:
            i = opts.find(v)
            if i is not None:
                current.append(opts.items[i])
            elif accept_new and isinstance(v, str):
                current.append(v)
        if (
            type(value) is not list
            or len(current) != len(values)
            or any(a is not b for a, b in zip(current, values, strict=True))
        ):
            store_corrected(key, current)
        return current

    # ---- select_slider ----

    def select_slider(
        self,
        label: str,
        options: Any = (),
        value: Any = None,
        format_func: Callable[[Any], Any] = str,
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
        """Display a slider over a list of options; return the selected option.

        Give `value` as a tuple or list of two options to select a range and get a tuple back.
        `format_func` turns an option into its label.
        """
        callback, ignore = resolve_callback(on_change)
        key = to_key(key)
        label = to_label(label)
        opts = Options(options, format_func)
        n = len(opts)
        if n == 0:
            raise SidepaneAPIException(
                "The `options` parameter is required. Provide at least one option."
            )
        is_range = isinstance(value, (list, tuple))
        if is_range:
            indices = [opts.index_of_equal(v) for v in value]
            if len(indices) == 2 and indices[0] > indices[1]:
                indices = [indices[1], indices[0]]
        else:
            try:
                indices = [opts.index_of_equal(value)]
            except ValueError:
                if value is not None:
                    raise
                indices = [0]
        if is_range:
            end = indices[1] if len(indices) > 1 else n - 1
            default: Any = (opts.items[indices[0]], opts.items[end])
            default_wire: Any = [indices[0], end]
        else:
            default = opts.items[indices[0]]
            default_wire = indices[0]

        def deserialize(wire: Any) -> Any:
            if is_range:
                if not isinstance(wire, list) or len(wire) != 2:
                    raise InvalidWidgetValue(f"expected [lo, hi], got {wire!r}")
                lo, hi = opts.option_at(wire[0]), opts.option_at(wire[1])
                return (hi, lo) if wire[0] > wire[1] else (lo, hi)
            return opts.option_at(wire)

        def serialize(v: Any) -> Any:
            if isinstance(v, (list, tuple)):
                pair = [opts.find(x) for x in v]
                if len(pair) == 2 and pair[0] is not None and pair[1] is not None:
                    return sorted(pair)
                return default_wire
            i = opts.find(v)
            return default_wire if i is None else i

        props: SelectSliderFields = {"options": opts.labels, "range": is_range}
        if ignore:
            props["ignore_rerun"] = True
        current = self._widget(
            "select_slider",
            label=label,
            key=key,
            identity={"options": opts.labels, "value": indices, "help": help, "width": width},
            key_identity=True,
            props=props,
            default=default,
            deserialize=deserialize,
            serialize=serialize,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )
        fixed: Any
        if isinstance(current, (list, tuple)):
            pair = [opts.find(x) for x in current]
            if len(pair) == 2 and pair[0] is not None and pair[1] is not None:
                fixed = (opts.items[pair[0]], opts.items[pair[1]])
            else:
                fixed = default
            if len(current) != 2 or any(a is not b for a, b in zip(fixed, current, strict=True)):
                store_corrected(key, fixed)
            return fixed
        i = opts.find(current)
        fixed = default if i is None else opts.items[i]
        if fixed is not current:
            store_corrected(key, fixed)
        return fixed

    # ---- color_picker ----

    def color_picker(
        self,
        label: str,
        value: str | None = None,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        disabled: bool = False,
        label_visibility: LabelVisibility = "visible",
        width: int | str = "content",
        bind: str | None = None,
        persist_state: Any = None,
    ) -> str:
        """Display a color picker; return the chosen color as a hex string such as "#00ffaa".

        `value` is the initial color ("#rrggbb" or "#rgb"; black by default).
        """
        callback, ignore = resolve_callback(on_change)
        key = to_key(key)
        label = to_label(label)
        if isinstance(width, int) and not isinstance(width, bool) and width < 40:
            width = 40
        identity = {"value": str(value), "help": help, "width": width}
        if value is None:
            value = "#000000"
        if not isinstance(value, str):
            raise type_error(
                "value",
                type(value).__name__,
                ["str"],
                "Pass a hex string like `'#00FFAA'` or `'#000'`.",
            )
        if not _HEX_COLOR.match(value):
            raise SidepaneAPIException(
                f"'{value}' is not a valid hex code for colors. Valid ones are like "
                "'#00FFAA' or '#000'."
            )
        default = value

        def deserialize(wire: Any) -> str:
            if wire is None or wire == "":
                return default
            if not isinstance(wire, str):
                raise InvalidWidgetValue(f"expected a hex color, got {wire!r}")
            color = wire if wire.startswith("#") else f"#{wire}"
            if not _HEX_COLOR.match(color):
                raise InvalidWidgetValue(f"{wire!r} is not a hex color")
            return color

        result = self._widget(
            "color_picker",
            label=label,
            key=key,
            identity=identity,
            key_identity=True,
            props={"ignore_rerun": True} if ignore else {},
            default=default,
            deserialize=deserialize,
            serialize=str,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )
        return str(result)
