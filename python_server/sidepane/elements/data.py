"""Data elements: `st.dataframe`, `st.table`, `st.metric`."""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from textwrap import dedent
from typing import TYPE_CHECKING, Any, Literal

from sidepane.column_config.wire import WireConfig, prepare_structured, wire_column_config
from sidepane.elements.arguments import type_error, value_error
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.columns import Payload, encode_dataframe, to_dataframe
from sidepane.runtime.context import get_run_context

if TYPE_CHECKING:
    from typing_extensions import Self

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


def send_payloads(payloads: Iterable[Payload], kind: str) -> None:
    """Send payloads after the element that references them (the writer skips known hashes)."""
    ctx = get_run_context()
    if ctx is None:
        return
    for digest, data in payloads:
        ctx.payload(digest, kind, data)


def resolve_width(
    width: int | str | None, use_container_width: bool | None, *, default: str = "stretch"
) -> int | str:
    """Apply the deprecated `use_container_width` the way Streamlit does and validate `width`."""
    if width is None:
        width = default
    if use_container_width is not None:
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
    return width


def check_height(height: int | str, allowed: tuple[str, ...]) -> None:
    if isinstance(height, bool) or not (
        (isinstance(height, int) and height > 0) or height in allowed
    ):
        choices = ", ".join(f"'{a}'" for a in allowed)
        raise SidepaneAPIException(
            f"Invalid height value: {height!r}. Height must be either an integer (pixels), "
            f"{choices}."
        )


def _encode_with_config(
    data: Any, column_config: Mapping[Any, Any] | None
) -> tuple[dict[str, Any], list[Payload], WireConfig]:
    """Encode `data` for a `dataframe` element with its `column_config` prop (see
    `sidepane.column_config.wire`): list / dict columns travel as JSON text."""
    config = wire_column_config(column_config)
    df = to_dataframe(data)
    index = df.index
    index_columns = index.nlevels if index.nlevels > 1 else 1
    df = prepare_structured(df, config, index_columns)
    props, payloads = encode_dataframe(df)
    return props, payloads, config


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


def _delta_direction(delta: object) -> str:
    if delta is None or delta == "":
        return "none"
    if (isinstance(delta, str) and dedent(delta) == "0") or (
        not isinstance(delta, str) and bool(delta == 0)
    ):
        return "none"
    return "down" if dedent(str(delta)).startswith("-") else "up"


def _delta_color(delta_color: str, direction: str) -> str:
    if direction == "none":
        return "gray"
    if delta_color not in ("normal", "inverse", "off"):
        return "gray" if delta_color == "grey" else delta_color
    if delta_color == "off":
        return "gray"
    bad = (direction == "down") == (delta_color == "normal")
    return "red" if bad else "green"


class DataMixin(DeltaGeneratorCore):
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
    ) -> Self:
        """Display a dataframe as an interactive table (sortable, scrollable, resizable).

        `data` may be a pandas DataFrame, Series, Styler or Index, a NumPy array, a dict of
        lists, a list of dicts, or anything with `to_pandas()`. `width` is "stretch",
        "content" or pixels; `height` is "auto", "content", "stretch" or pixels.
        `column_config` maps column names (or `"_index"`, or positions: 0 is the first index
        column) to a label, None (hide) or an `st.column_config.*Column(...)`.
        """
        if on_select != "ignore":
            if on_select != "rerun" and not callable(on_select):
                raise value_error("on_select", ["'rerun'", "'ignore'", "a callable"])
            raise SidepaneAPIException(
                "Dataframe selections (`on_select`) are not supported by Sidepane yet. "
                "Use `on_select='ignore'` (the default)."
            )
        if selection_default is not None:
            raise SidepaneAPIException(
                "`selection_default` can't be used with `on_select='ignore'`. Set `on_select` "
                "to `'rerun'` or a callback to use `selection_default`."
            )
        width = resolve_width(width, use_container_width)
        check_height(height, ("auto", "content", "stretch"))
        props, payloads, config = _encode_with_config(data, column_config)
        props["use_container_width"] = width == "stretch"
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
        handle = self._enqueue("dataframe", props)
        send_payloads(payloads, "column")
        return handle

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
        check_height(height, ("content", "stretch"))
        props, payloads = encode_dataframe(data)
        props["table"] = True
        props["use_container_width"] = width == "stretch"
        if width != "stretch":
            props["width"] = width
        if height != "content":
            props["height"] = height
        if border is not True:
            props["border"] = border
        if hide_index is not None:
            props["hide_index"] = hide_index
        if hide_header:
            props["hide_header"] = True
        handle = self._enqueue("dataframe", props)
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
        props: dict[str, Any] = {
            "label": label,
            "value": body,
            "delta_color": color_name,
            "color": _delta_color(color_name, direction),
            "direction": {"off": "none"}.get(arrow, arrow) if arrow != "auto" else direction,
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
        return self._enqueue("metric", props)


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
