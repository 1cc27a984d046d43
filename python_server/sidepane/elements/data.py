"""Data elements: `st.dataframe`, `st.table`, `st.metric`."""

from __future__ import annotations

import numbers
from collections.abc import Callable, Iterable, Mapping
from textwrap import dedent
from typing import TYPE_CHECKING, Any, Literal, cast, overload

from sidepane.column_config import ButtonColumnResult
from sidepane.column_config.selection import (
    ROW_MODES,
    SelectionSpace,
    incompatible,
    selection_modes,
    selection_to_wire,
)
from sidepane.column_config.state import click_from_wire, click_to_wire
from sidepane.column_config.wire import WireConfig, prepare_structured, wire_column_config
from sidepane.elements.arguments import resolve_callback, type_error, value_error
from sidepane.elements.deprecation import WIDTH_HINT, warn_use_container_width
from sidepane.elements.dg_core import DeltaGeneratorCore, compute_widget_id, to_key
from sidepane.elements.widgets.buttons import check_not_written
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.columns import Payload, encode_dataframe, to_dataframe
from sidepane.protocol.schema.elements.data import (
    DataframeProps,
    MetricColor,
    MetricProps,
    SelectionMode,
    Table,
    TableLayout,
)
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import get_run_context
from sidepane.runtime.widgets import WidgetSpec

if TYPE_CHECKING:
    from typing_extensions import Self

    from sidepane.column_config.state import DataframeState

_DELTA_COLORS = (
    "normal",
    "inverse",
    "off",
    "red",
    "orange",
    "yellow",
    "green",
    "blue",
    "violet",
    "gray",
    "grey",
    "primary",
)

# `delta_arrow` over the delta's own direction ("auto": the delta's).
_ARROWS: dict[str, Literal["up", "down", "none"]] = {"up": "up", "down": "down", "off": "none"}


def send_payloads(payloads: Iterable[Payload], kind: str) -> None:
    """Send payloads after the element that references them (the writer skips known hashes)."""
    ctx = get_run_context()
    if ctx is None:
        return
    for digest, data in payloads:
        ctx.payload(digest, kind, data)


def resolve_width(
    width: int | str | None,
    use_container_width: bool | None,
    *,
    default: str = "stretch",
    width_hint: str = WIDTH_HINT,
) -> int | Literal["stretch", "content"]:
    """Apply the deprecated `use_container_width` the way Streamlit does (logging its
    deprecation, with `width_hint` on what to use instead) and validate `width`."""
    if width is None:
        width = default
    if use_container_width is not None:
        warn_use_container_width(width_hint)
        if use_container_width:
            width = "stretch"
        elif not isinstance(width, int):
            width = "content"
    if isinstance(width, bool) or not (
        (isinstance(width, int) and width > 0) or width in ("stretch", "content")
    ):
        raise SidepaneAPIException(
            f"Invalid width value: {width!r}. Width must be either an integer (pixels), "
            "'stretch', or 'content'."
        )
    return cast('int | Literal["stretch", "content"]', width)


Height = int | Literal["auto", "content", "stretch"]


def check_height(height: int | str, allowed: tuple[str, ...]) -> Height:
    """`height` if it is pixels or one of `allowed`, else Streamlit's error."""
    if isinstance(height, bool) or not (
        (isinstance(height, int) and height > 0) or height in allowed
    ):
        choices = ", ".join(f"'{a}'" for a in allowed)
        raise SidepaneAPIException(
            f"Invalid height value: {height!r}. Height must be either an integer (pixels), "
            f"{choices}."
        )
    return cast("Height", height)


def _table_props(table: Table, width: int | str) -> TableLayout:
    """A table's data and its width in the props of a `dataframe` or `data_editor`."""
    return {
        "rows": table["rows"],
        "index": table["index"],
        "columns": table["columns"],
        "batch_rows": table["batch_rows"],
        "use_container_width": width == "stretch",
    }


def _encode_with_config(
    data: Any, column_config: Mapping[Any, Any] | None
) -> tuple[Table, list[Payload], WireConfig]:
    """Encode `data` for a `dataframe` element with its `column_config` prop (see
    `sidepane.column_config.wire`): list / dict columns travel as JSON text."""
    config = wire_column_config(column_config)
    df = to_dataframe(data)
    index = df.index
    index_columns = index.nlevels if index.nlevels > 1 else 1
    df = prepare_structured(df, config, index_columns)
    props, payloads = encode_dataframe(df)
    return props, payloads, config


def _button_columns(
    column_config: Mapping[Any, Any] | None,
) -> list[tuple[str, ButtonColumnResult]]:
    """The button columns that report clicks (those given a `key`), by `column_config` key."""
    if not column_config:
        return []
    return [
        (f"_pos:{name}" if isinstance(name, int) else str(name), value)
        for name, value in column_config.items()
        if isinstance(value, ButtonColumnResult)
    ]


def _number_text(value: object, parameter: str) -> str:
    if isinstance(value, numbers.Number):
        return str(value)
    item = getattr(value, "item", None)
    if callable(item):
        try:
            plain = item()
        except Exception:
            plain = None
        if isinstance(plain, (float, int)):
            return str(plain)
    raise type_error(
        parameter,
        type(value).__name__,
        ["int", "float", "Decimal", "NumPy number"],
        "Convert the value to a number type.",
    )


def _delta_direction(delta: object) -> Literal["up", "down", "none"]:
    if delta is None or delta == "":
        return "none"
    if (isinstance(delta, str) and dedent(delta) == "0") or (
        not isinstance(delta, str) and bool(delta == 0)
    ):
        return "none"
    return "down" if dedent(str(delta)).startswith("-") else "up"


def _delta_color(delta_color: str, direction: str) -> MetricColor:
    if direction == "none":
        return "gray"
    if delta_color not in ("normal", "inverse", "off"):
        return "gray" if delta_color == "grey" else cast("MetricColor", delta_color)
    if delta_color == "off":
        return "gray"
    bad = (direction == "down") == (delta_color == "normal")
    return "red" if bad else "green"


def table_layout(
    table: Table,
    *,
    width: int | Literal["stretch", "content"],
    height: Height,
    hide_index: bool | None,
    column_order: Iterable[str] | None,
    config: WireConfig | None,
    row_height: int | None,
    placeholder: str | None,
    buttons: dict[str, str] | None = None,
) -> TableLayout:
    """The props `st.dataframe` and `st.data_editor` share: size, index, order, columns."""
    props = _table_props(table, width)
    if buttons:
        props["buttons"] = buttons
    if width != "stretch":
        props["width"] = width
    if height != "auto":
        props["height"] = height
    if hide_index is not None:
        props["hide_index"] = hide_index
    if column_order:
        props["column_order"] = [str(c) for c in column_order]
    if config:
        props["column_config"] = config
    if row_height:
        props["row_height"] = row_height
    if placeholder is not None:
        props["placeholder"] = placeholder
    return props


class DataMixin(DeltaGeneratorCore):
    @overload
    def dataframe(
        self,
        data: Any = None,
        width: int | str = "stretch",
        height: int | str = "auto",
        *,
        use_container_width: bool | None = None,
        hide_index: bool | None = None,
        column_order: Iterable[str] | None = None,
        column_config: Mapping[Any, Any] | None = None,
        key: str | int | None = None,
        on_select: Literal["ignore"] = "ignore",
        selection_mode: str | Iterable[str] = "multi-row",
        selection_default: Any = None,
        row_height: int | None = None,
        placeholder: str | None = None,
        lazy: bool | None = None,
        alt: str | None = None,
    ) -> Self: ...

    @overload
    def dataframe(
        self,
        data: Any = None,
        width: int | str = "stretch",
        height: int | str = "auto",
        *,
        use_container_width: bool | None = None,
        hide_index: bool | None = None,
        column_order: Iterable[str] | None = None,
        column_config: Mapping[Any, Any] | None = None,
        key: str | int | None = None,
        on_select: Literal["rerun"] | Callable[..., Any],
        selection_mode: str | Iterable[str] = "multi-row",
        selection_default: Any = None,
        row_height: int | None = None,
        placeholder: str | None = None,
        lazy: bool | None = None,
        alt: str | None = None,
    ) -> DataframeState: ...

    def dataframe(
        self,
        data: Any = None,
        width: int | str = "stretch",
        height: int | str = "auto",
        *,
        use_container_width: bool | None = None,
        hide_index: bool | None = None,
        column_order: Iterable[str] | None = None,
        column_config: Mapping[Any, Any] | None = None,
        key: str | int | None = None,
        on_select: Any = "ignore",
        selection_mode: str | Iterable[str] = "multi-row",
        selection_default: Any = None,
        row_height: int | None = None,
        placeholder: str | None = None,
        lazy: bool | None = None,
        alt: str | None = None,
    ) -> Self | DataframeState:
        """Display a dataframe as an interactive table (sortable, scrollable, resizable).

        `data` may be a pandas DataFrame, Series, Styler or Index, a NumPy array, a dict of
        lists, a list of dicts, or anything with `to_pandas()`. `width` is "stretch",
        "content" or pixels; `height` is "auto", "content", "stretch" or pixels.
        `column_config` maps column names (or `"_index"`, or positions: 0 is the first index
        column) to a label, None (hide) or an `st.column_config.*Column(...)`.

        With `on_select="rerun"` (or a callback) people can select rows, columns or cells
        (`selection_mode`: "single-row", "single-row-required", "multi-row", "single-column",
        "multi-column", "single-cell", "multi-cell", or a list of them); the call then returns
        a `DataframeState`: `event.selection.rows` (positions in `data`), `.columns`, `.cells`.
        """
        if not (on_select in ("rerun", "ignore") or callable(on_select)):
            raise value_error("on_select", ["'rerun'", "'ignore'", "a callback function"])
        selecting = on_select != "ignore"
        if selection_default is not None and not selecting:
            raise incompatible(
                "selection_default",
                "on_select='ignore'",
                explanation="Set `on_select` to `'rerun'` or a callback to use "
                "`selection_default`.",
            )
        modes = selection_modes(selection_mode) if selecting else frozenset()
        width = resolve_width(width, use_container_width)
        height = check_height(height, ("auto", "content", "stretch"))
        table, payloads, config = _encode_with_config(data, column_config)
        button_columns = _button_columns(column_config)
        buttons = self._register_button_columns(button_columns) if button_columns else None
        layout = table_layout(
            table,
            buttons=buttons,
            width=width,
            height=height,
            hide_index=hide_index,
            column_order=column_order,
            config=config,
            row_height=row_height,
            placeholder=placeholder,
        )
        # Every TableLayout is a DataframeProps: the keys it adds are all NotRequired.
        props = cast("DataframeProps", layout)
        if selecting:
            state = self._selection_widget(
                props,
                modes,
                key=key,
                on_select=None if isinstance(on_select, str) else on_select,
                selection_default=selection_default,
                identity={
                    "width": width,
                    "height": height,
                    "use_container_width": use_container_width,
                    "column_order": props.get("column_order"),
                    "column_config": config,
                    "row_height": row_height,
                    "placeholder": placeholder,
                },
            )
            send_payloads(payloads, "column")
            return state
        handle = self._enqueue("dataframe", as_props(props))
        send_payloads(payloads, "column")
        return handle

    def data_editor(
        self,
        data: Any,
        *,
        width: int | str = "stretch",
        height: int | str = "auto",
        use_container_width: bool | None = None,
        hide_index: bool | None = None,
        column_order: Iterable[str] | None = None,
        column_config: Mapping[Any, Any] | None = None,
        num_rows: Literal["fixed", "dynamic", "add", "delete"] = "fixed",
        disabled: bool | Iterable[str | int] = False,
        key: str | int | None = None,
        on_change: Callable[..., Any] | Literal["rerun", "ignore"] | None = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        row_height: int | None = None,
        placeholder: str | None = None,
        alt: str | None = None,
    ) -> Any:
        """Display an editable table and return the edited data in the type it was given
        (DataFrame, Series, NumPy array, list, dict, list of dicts…).

        People edit cells (double-click, Enter or typing), and with `num_rows="dynamic"`
        ("add" / "delete" for one of the two) add and delete rows. `disabled=True` locks
        everything, a list of column names locks those columns; `column_config` sets each
        column's editor (`st.column_config.NumberColumn(min_value=..., step=...)`, ...).
        The edits are in `st.session_state[key]`: `{"edited_rows": {row: {column: value}},
        "added_rows": [...], "deleted_rows": [...]}`; `on_change` runs before the rerun.
        """
        from sidepane.elements.data_editor import draw_data_editor

        return draw_data_editor(
            self,
            data,
            width=width,
            height=height,
            use_container_width=use_container_width,
            hide_index=hide_index,
            column_order=column_order,
            column_config=column_config,
            num_rows=num_rows,
            disabled=disabled,
            key=key,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            row_height=row_height,
            placeholder=placeholder,
            alt=alt,
        )

    def _selection_widget(
        self,
        props: DataframeProps,
        modes: frozenset[str],
        *,
        key: str | int | None,
        on_select: Callable[..., Any] | None,
        selection_default: Any,
        identity: dict[str, Any],
    ) -> DataframeState:
        """Draw the dataframe as a widget whose value is its selection (a `DataframeState`)."""
        space = SelectionSpace(
            int(props["rows"]), [str(c["name"]) for c in props["columns"]], modes
        )
        if (
            props.get("hide_index") is None
            and modes & ROW_MODES
            and [c["kind"] for c in props["index"]] == ["r"]
        ):
            # As Streamlit: a RangeIndex is hidden when rows can be selected (checkboxes instead).
            props["hide_index"] = True
        default = space.from_script(selection_default) if selection_default is not None else None
        default_wire = None if default is None else selection_to_wire(default)
        if default is None:
            default = space.state([], [], [])
        props["selection_mode"] = cast("list[SelectionMode]", sorted(modes))
        # The data's identity is its batches' hashes (and a RangeIndex's start / step).
        data_identity = repr((props["index"], props["columns"]))
        value = self._widget(
            "dataframe",
            label="",
            key=key,
            identity={
                "data": data_identity,
                **identity,
                "selection_mode": tuple(sorted(modes)),
                "is_selection_activated": True,
                "selection_default": default_wire,
            },
            key_identity=frozenset({"selection_mode", "is_selection_activated"}),
            props=as_props(props),
            default=default,
            deserialize=space.from_wire,
            serialize=lambda v: selection_to_wire(space.from_script(v)),
            on_change=on_select,
            args=None,
            kwargs=None,
            disabled=False,
            label_visibility="visible",
            help=None,
        )
        # A value the script set is a plain dict until a viewer sends one: check it each run
        # (session_state keeps what the script set, as in Streamlit).
        state: DataframeState = space.from_script(value)
        return state

    def _register_button_columns(
        self, columns: list[tuple[str, ButtonColumnResult]]
    ) -> dict[str, str]:
        """Register each keyed button column as a trigger widget of its own (it draws nothing:
        the dataframe's cells are its buttons); return `{column key: widget id}`."""
        ctx = get_run_context()
        if ctx is None:
            return {}
        form_id = self._current_form_id()
        root = self._root_name()
        session = ctx.session
        ids: dict[str, str] = {}
        for column, result in columns:
            on_click, _ = resolve_callback(result.on_click, (), "on_click")
            key = to_key(result.key)
            if form_id is not None and on_click is not None:
                raise SidepaneAPIException(
                    "Within a form, callbacks can only be defined on `st.form_submit_button`. "
                    "Defining callbacks on other widgets inside a form is not allowed."
                )
            check_not_written(key)
            widget_id = compute_widget_id(
                "dataframe_button",
                user_key=key,
                identity={},
                key_identity=True,
                form_id=form_id,
                root=root,
            )
            ctx.register_widget_id(widget_id, "dataframe_button", key)
            spec = WidgetSpec(
                id=widget_id,
                kind="dataframe_button",
                key=key,
                default=None,
                deserialize=click_from_wire,
                serialize=click_to_wire,
                form_id=form_id,
                on_change=on_click,
                args=tuple(result.args or ()),
                kwargs=dict(result.kwargs or {}),
                trigger=True,
                fragments=ctx.fragment.chain if ctx.fragment is not None else (),
            )
            session.widgets.register(spec, session.session_state.user)
            ids[column] = widget_id
        return ids

    def table(
        self,
        data: Any = None,
        *,
        border: bool | Literal["horizontal"] = True,
        width: int | str = "stretch",
        height: int | str = "content",
        hide_index: bool | None = None,
        hide_header: bool | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display a static table: every row shown, no scrolling or sorting.

        `border` is True (all borders), False or "horizontal"; `hide_index` and `hide_header`
        hide the index column and the header row. Use `st.dataframe` for large data.
        """
        if border not in (True, False, "horizontal"):
            raise value_error("border", ["True", "False", "'horizontal'"])
        width = resolve_width(width, None)
        height = check_height(height, ("content", "stretch"))
        table, payloads = encode_dataframe(data)
        props = cast("DataframeProps", _table_props(table, width))
        props["table"] = True
        if width != "stretch":
            props["width"] = width
        if height != "content" and height != "auto":  # auto: refused above
            props["height"] = height
        if border is not True:
            props["border"] = border
        if hide_index is not None:
            props["hide_index"] = hide_index
        if hide_header:
            props["hide_header"] = True
        handle = self._enqueue("dataframe", as_props(props))
        send_payloads(payloads, "column")
        return handle

    def metric(
        self,
        label: str,
        value: Any,
        delta: Any = None,
        delta_color: str = "normal",
        *,
        help: str | None = None,
        icon: str | None = None,
        label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
        border: bool = False,
        width: int | str = "stretch",
        height: int | str = "content",
        chart_data: Any = None,
        chart_type: Literal["line", "bar", "area"] = "line",
        delta_arrow: Literal["auto", "up", "down", "off"] = "auto",
        format: str | None = None,
        delta_description: str | None = None,
    ) -> Self:
        """Display a number in big bold font, with an optional change indicator.

        `value` and `delta` are numbers or strings (None shows "—"). A negative delta
        (or a string starting with "-") points down; `delta_color` "normal" shows increases
        green, "inverse" red, "off" gray (or pass a colour name).
        """
        label = "" if label is None else str(label)
        if label_visibility not in ("visible", "hidden", "collapsed"):
            raise SidepaneAPIException(
                f"Unsupported label_visibility option '{label_visibility}'. "
                "Valid values are 'visible', 'hidden' or 'collapsed'."
            )
        if value is None:
            body = "—"
        elif isinstance(value, str):
            body = value
        else:
            body = _number_text(value, "value")
        if delta is None or delta == "":
            delta_text = ""
        elif isinstance(delta, str):
            delta_text = dedent(delta)
        else:
            delta_text = _number_text(delta, "delta")
        color_name = str(delta_color).strip()
        if color_name not in _DELTA_COLORS:
            raise value_error("delta_color", [f"'{c}'" for c in _DELTA_COLORS])
        arrow = str(delta_arrow).strip()
        if arrow not in ("auto", "up", "down", "off"):
            raise value_error("delta_arrow", ["'auto'", "'up'", "'down'", "'off'"])
        direction = _delta_direction(delta)
        props: MetricProps = {
            "label": label,
            "value": body,
            "color": _delta_color(color_name, direction),
            "direction": _ARROWS.get(arrow, direction),
            "label_visibility": label_visibility,
        }
        if delta_text:
            props["delta"] = delta_text
        if help is not None:
            props["help"] = dedent(str(help))
        if icon is not None:
            props["icon"] = icon
        if border:
            props["border"] = True
        if chart_data is not None:
            points = _chart_points(chart_data)
            if points:
                props["chart_data"] = points
                props["chart_type"] = chart_type if chart_type in ("bar", "area") else "line"
        if format is not None:
            props["format"] = format
        if delta_description is not None:
            props["delta_description"] = delta_description
        return self._enqueue("metric", as_props(props))


def _chart_points(chart_data: Any) -> list[float]:
    if isinstance(chart_data, (list, tuple)):
        items: list[Any] = list(chart_data)
    else:
        from sidepane.protocol.columns import to_dataframe

        df = to_dataframe(chart_data)
        items = df.iloc[:, 0].tolist() if df.shape[1] else []
    points: list[float] = []
    for val in items:
        try:
            points.append(float(val))
        except Exception as exc:
            raise SidepaneAPIException(
                "Only numeric values are supported for chart data sequence. The "
                f"value '{val}' is of type {type(val)} and cannot be converted to float."
            ) from exc
    return points
