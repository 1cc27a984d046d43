"""`st.column_config`: how `st.dataframe` shows each column (label, width, type, format…).

Each function returns a plain dict, exactly as Streamlit's do, so configs can be built, merged
and compared like any dict. Pass them in `column_config={"name": ...}`; keys are column names,
`"_index"` for the index, or positions (ints, 0 = the first index column). `st.dataframe` turns
them into the `column_config` prop (docs/protocol.md, "Dataframe columns").

Only the standard library is imported here: this module loads with `import sidepane`.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, overload

from sidepane.errors import StreamlitAPIException

if TYPE_CHECKING:
    # Types for editors and mypy only: building them at import would slow `import sidepane`.
    from collections.abc import Callable, Iterable, Iterator
    from datetime import date, datetime, time, timedelta
    from typing import Literal, NotRequired, TypeAlias, TypedDict

    NumberFormat: TypeAlias = Literal[
        "plain",
        "localized",
        "dollar",
        "euro",
        "yen",
        "percent",
        "compact",
        "scientific",
        "engineering",
        "accounting",
        "bytes",
    ]
    NumberColumnFormat: TypeAlias = NumberFormat | Literal["duration"]
    DateTimeFormat: TypeAlias = Literal["localized", "distance", "calendar", "iso8601"]
    ColumnWidth: TypeAlias = Literal["small", "medium", "large"] | int
    ContentAlignment: TypeAlias = Literal["left", "center", "right"]
    ButtonType: TypeAlias = Literal["primary", "secondary", "tertiary"]
    ThemeColor: TypeAlias = Literal[
        "red", "blue", "green", "yellow", "orange", "violet", "gray", "grey", "primary"
    ]
    ChartColor: TypeAlias = Literal["auto", "auto-inverse"] | ThemeColor | str
    SelectboxOptionValue: TypeAlias = str | int | float | bool
    WidgetCallback: TypeAlias = Callable[..., Any]

    class SelectboxOption(TypedDict):
        value: SelectboxOptionValue
        label: NotRequired[str | None]

    class MultiselectOption(TypedDict):
        value: str
        label: NotRequired[str | None]
        color: NotRequired[str | None]

    class ColumnConfig(TypedDict, total=False):
        """Settings for one column of `st.dataframe`: what every `st.column_config.*` returns.

        `label`, `width` ("small", "medium", "large" or pixels), `help` (header tooltip), `hidden`,
        `disabled`, `required`, `pinned`, `default`, `alignment` ("left", "center", "right") and
        `type_config` (the column type and its own options, e.g. `{"type": "number",
        "format": "%d"}`).
        """

        label: str | None
        width: ColumnWidth | None
        help: str | None
        hidden: bool | None
        disabled: bool | None
        required: bool | None
        pinned: bool | None
        default: str | bool | int | float | list[str] | None
        alignment: ContentAlignment | None
        type_config: dict[str, Any] | None


__all__ = [
    "AreaChartColumn",
    "AudioColumn",
    "BarChartColumn",
    "ButtonColumn",
    "CheckboxColumn",
    "Column",
    "DateColumn",
    "DatetimeColumn",
    "ImageColumn",
    "JsonColumn",
    "LineChartColumn",
    "LinkColumn",
    "ListColumn",
    "MarkdownColumn",
    "MultiselectColumn",
    "NumberColumn",
    "ProgressColumn",
    "SelectboxColumn",
    "TextColumn",
    "TimeColumn",
    "VideoColumn",
]


class ButtonColumnResult:
    """What `ButtonColumn(..., key=...)` returns: the column's settings plus its callback."""

    __slots__ = ("args", "config", "key", "kwargs", "on_click")

    def __init__(
        self,
        config: ColumnConfig,
        on_click: WidgetCallback | None = None,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
        key: str | None = None,
    ) -> None:
        self.config = config
        self.on_click = on_click
        self.args = args
        self.kwargs = kwargs
        self.key = key

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ButtonColumnResult):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"ButtonColumnResult({fields})"


_CHART_COLORS = (
    "auto",
    "auto-inverse",
    "red",
    "blue",
    "green",
    "yellow",
    "violet",
    "orange",
    "gray",
    "grey",
    "primary",
)


def _check_chart_color(color: str) -> None:
    """Streamlit's check: a palette name, a hex colour or an rgb()/rgba() string."""
    if color in _CHART_COLORS:
        return
    if isinstance(color, str) and (
        (color.startswith("#") and color[1:].isalnum() and len(color) in (4, 5, 7, 9))
        or color.startswith(("rgb(", "rgba("))
    ):
        return
    supported = [*_CHART_COLORS, "a valid hex color", "an rgb() or rgba() color"]
    raise StreamlitAPIException(f"Invalid `color` value. Supported values: {', '.join(supported)}.")


def _base(
    label: str | None,
    width: ColumnWidth | None,
    help: str | None,
    **more: Any,
) -> ColumnConfig:
    # Keys in Streamlit's order, Nones kept: the dicts compare equal to Streamlit's.
    config: dict[str, Any] = {"label": label, "width": width, "help": help, **more}
    return config  # type: ignore[return-value]


def _seconds(step: int | float | timedelta | None) -> int | float | None:
    # A timedelta without importing datetime (kept out of `import sidepane`).
    total_seconds = getattr(step, "total_seconds", None)
    return total_seconds() if callable(total_seconds) else step  # type: ignore[return-value]


def _iso(value: date | time | None) -> str | None:
    return None if value is None else value.isoformat()


def Column(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
) -> ColumnConfig:
    """A column whose type follows its data; set only how it is labelled and laid out.

    `label` replaces the column name in the header; `width` is "small" (75 px), "medium"
    (200 px), "large" (400 px) or pixels; `help` is a tooltip on the header; `pinned` keeps
    the column at the left while scrolling; `alignment` is "left", "center" or "right".
    `disabled` and `required` matter only for `st.data_editor`.
    """
    return _base(
        label,
        width,
        help,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
    )


def NumberColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
    default: int | float | None = None,
    format: str | NumberColumnFormat | None = None,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    step: int | float | None = None,
) -> ColumnConfig:
    """Show a column as numbers, optionally formatted.

    `format` is a printf-style string (`"%d"`, `"%.2f"`, `"$%,.2f"`, `"%d ⭐"`) or one of
    "plain", "localized", "percent", "dollar", "euro", "yen", "accounting", "compact",
    "scientific", "engineering", "bytes" or "duration" (seconds, humanized). `step` fixes the
    number of decimals shown (e.g. 0.01 → two). Timedelta columns are formatted in seconds.
    `min_value`, `max_value` and `default` matter only for `st.data_editor`.
    """
    return _base(
        label,
        width,
        help,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=default,
        type_config={
            "type": "number",
            "min_value": min_value,
            "max_value": max_value,
            "format": format,
            "step": step,
        },
    )


def TextColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
) -> ColumnConfig:
    """Show a column as plain text (the default for strings).

    `max_chars` and `validate` (a JavaScript regular expression) restrict what can be typed in
    `st.data_editor`; for display they change nothing.
    """
    return _base(
        label,
        width,
        help,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=default,
        type_config={"type": "text", "max_chars": max_chars, "validate": validate},
    )


def LinkColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
    display_text: str | None = None,
) -> ColumnConfig:
    r"""Show URLs as clickable links that open in a new tab.

    `display_text` is what each cell shows instead of the URL: fixed text ("Open"), a Material
    icon (":material/open_in_new:"), or a regular expression with a capture group that picks a
    part of the URL (`r"https://(.*?)\.example\.com"` shows "foo" for
    "https://foo.example.com").
    """
    if display_text and display_text.startswith(":material/"):
        from sidepane.elements.status import validate_material_icon

        display_text = validate_material_icon(display_text)
    return _base(
        label,
        width,
        help,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=default,
        type_config={
            "type": "link",
            "max_chars": max_chars,
            "validate": validate,
            "display_text": display_text,
        },
    )


def CheckboxColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
    default: bool | None = None,
) -> ColumnConfig:
    """Show a column as (read-only) checkboxes: the default for booleans."""
    return _base(
        label,
        width,
        help,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=default,
        type_config={"type": "checkbox"},
    )


def SelectboxColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: SelectboxOptionValue | None = None,
    options: Iterable[SelectboxOptionValue] | None = None,
    format_func: Callable[[SelectboxOptionValue], str] | None = None,
) -> ColumnConfig:
    """Show a column of choices (the default for pandas categoricals).

    `options` are the values `st.data_editor` offers; `format_func` turns each option into the
    label shown for it, in the table too.
    """
    processed: list[Any] | None = None if options is None else list(options)
    if processed and format_func is not None:
        processed = [{"value": o, "label": format_func(o)} for o in processed]
    return _base(
        label,
        width,
        help,
        disabled=disabled,
        required=required,
        pinned=pinned,
        default=default,
        type_config={"type": "selectbox", "options": processed},
    )


def _chart(
    kind: str,
    label: str | None,
    width: ColumnWidth | None,
    help: str | None,
    pinned: bool | None,
    y_min: int | float | None,
    y_max: int | float | None,
    color: ChartColor | None,
) -> ColumnConfig:
    if color is not None:
        _check_chart_color(color)
    return _base(
        label,
        width,
        help,
        pinned=pinned,
        type_config={"type": kind, "y_min": y_min, "y_max": y_max, "color": color},
    )


def BarChartColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: ChartColor | None = None,
) -> ColumnConfig:
    """Show each cell's list of numbers as a small bar chart.

    `y_min` / `y_max` fix the vertical range for every cell (default: each cell's own range).
    `color` is a palette name ("red", "primary"…), a hex or rgb() colour, "auto" (green when
    the values rise, red when they fall) or "auto-inverse".
    """
    return _chart("bar_chart", label, width, help, pinned, y_min, y_max, color)


def LineChartColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: ChartColor | None = None,
) -> ColumnConfig:
    """Show each cell's list of numbers as a small line chart (a sparkline).

    `y_min` / `y_max` fix the vertical range for every cell (default: each cell's own range).
    `color` is a palette name ("red", "primary"…), a hex or rgb() colour, "auto" (green when
    the values rise, red when they fall) or "auto-inverse".
    """
    return _chart("line_chart", label, width, help, pinned, y_min, y_max, color)


def AreaChartColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: ChartColor | None = None,
) -> ColumnConfig:
    """Show each cell's list of numbers as a small area chart.

    `y_min` / `y_max` fix the vertical range for every cell (default: each cell's own range).
    `color` is a palette name ("red", "primary"…), a hex or rgb() colour, "auto" (green when
    the values rise, red when they fall) or "auto-inverse".
    """
    return _chart("area_chart", label, width, help, pinned, y_min, y_max, color)


def _media(
    kind: str,
    label: str | None,
    width: ColumnWidth | None,
    help: str | None,
    pinned: bool | None,
    alignment: ContentAlignment | None,
) -> ColumnConfig:
    return _base(label, width, help, pinned=pinned, alignment=alignment, type_config={"type": kind})


def ImageColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
) -> ColumnConfig:
    """Show image URLs (https://…, or data URLs such as "data:image/png;base64,…") as small
    thumbnails. Local file paths are not supported."""
    return _media("image", label, width, help, pinned, alignment)


def AudioColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
) -> ColumnConfig:
    """Show audio URLs (or "data:audio/…" URLs) as an icon that opens the audio."""
    return _media("audio", label, width, help, pinned, alignment)


def VideoColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
) -> ColumnConfig:
    """Show video URLs (or "data:video/…" URLs) as an icon that opens the video."""
    return _media("video", label, width, help, pinned, alignment)


def ListColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    default: Iterable[str] | None = None,
) -> ColumnConfig:
    """Show each cell's list as a row of small chips (the default for list values)."""
    return _base(
        label,
        width,
        help,
        pinned=pinned,
        disabled=disabled,
        required=required,
        default=None if default is None else list(default),
        type_config={"type": "list"},
    )


def MultiselectColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Iterable[str] | None = None,
    options: Iterable[str] | None = None,
    accept_new_options: bool | None = None,
    color: str | Iterable[str] | None = None,
    format_func: Callable[[str], str] | None = None,
) -> ColumnConfig:
    """Show each cell's list of options as coloured tags.

    `options` lists the known values; `format_func` gives each its label; `color` is one colour
    for all tags, or a list of colours used in turn for the options ("primary", a CSS colour
    name, hex, rgb() or hsl()). `accept_new_options` matters only for `st.data_editor`.
    """
    processed: list[MultiselectOption] | None = None
    if options is not None:
        colors: Iterator[str] | None = None
        if color is not None:
            colors = itertools.repeat(color) if isinstance(color, str) else itertools.cycle(color)
        processed = []
        for option in options:
            item: MultiselectOption = {"value": option}
            if format_func is not None:
                item["label"] = format_func(option)
            if colors is not None:
                item["color"] = next(colors)
            processed.append(item)
    return _base(
        label,
        width,
        help,
        disabled=disabled,
        required=required,
        pinned=pinned,
        default=None if default is None else list(default),
        type_config={
            "type": "multiselect",
            "options": processed,
            "accept_new_options": accept_new_options,
        },
    )


def DatetimeColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
    default: datetime | None = None,
    format: str | DateTimeFormat | None = None,
    min_value: datetime | None = None,
    max_value: datetime | None = None,
    step: int | float | timedelta | None = None,
    timezone: str | None = None,
) -> ColumnConfig:
    """Show a column as date and time (the default for datetimes).

    `format` is a Moment.js pattern (`"D MMM YYYY, h:mm a"`) or "localized", "distance"
    ("3 hours ago"), "calendar" ("Today at 8:00 PM") or "iso8601"; the default is
    "YYYY-MM-DD HH:mm:ss". `timezone` (e.g. "Europe/Paris" or "+05:00") shows the values in
    that zone. `min_value`, `max_value`, `step` and `default` matter only for
    `st.data_editor`.
    """
    return _base(
        label,
        width,
        help,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=_iso(default),
        type_config={
            "type": "datetime",
            "format": format,
            "min_value": _iso(min_value),
            "max_value": _iso(max_value),
            "step": _seconds(step),
            "timezone": timezone,
        },
    )


def TimeColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
    default: time | None = None,
    format: str | Literal["localized", "iso8601"] | None = None,
    min_value: time | None = None,
    max_value: time | None = None,
    step: int | float | timedelta | None = None,
) -> ColumnConfig:
    """Show a column as clock times (the default for `datetime.time` values).

    `format` is a Moment.js pattern (`"hh:mm a"`) or "localized" or "iso8601"; the default is
    "HH:mm:ss". `min_value`, `max_value`, `step` and `default` matter only for
    `st.data_editor`.
    """
    return _base(
        label,
        width,
        help,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=_iso(default),
        type_config={
            "type": "time",
            "format": format,
            "min_value": _iso(min_value),
            "max_value": _iso(max_value),
            "step": _seconds(step),
        },
    )


def DateColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
    default: date | None = None,
    format: str | Literal["localized", "distance", "iso8601"] | None = None,
    min_value: date | None = None,
    max_value: date | None = None,
    step: int | None = None,
) -> ColumnConfig:
    """Show a column as dates (the default for `datetime.date` values).

    `format` is a Moment.js pattern (`"DD.MM.YYYY"`, `"MMM YYYY"`) or "localized", "distance"
    or "iso8601"; the default is "YYYY-MM-DD". `min_value`, `max_value`, `step` (days) and
    `default` matter only for `st.data_editor`.
    """
    return _base(
        label,
        width,
        help,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=_iso(default),
        type_config={
            "type": "date",
            "format": format,
            "min_value": _iso(min_value),
            "max_value": _iso(max_value),
            "step": step,
        },
    )


def ProgressColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    format: str | NumberFormat | None = None,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    step: int | float | None = None,
    color: ChartColor | None = None,
) -> ColumnConfig:
    """Show numbers as progress bars with the value beside them.

    The bar runs from `min_value` (default 0) to `max_value` (default 100 for integers, 1 for
    floats). `format` formats the value like `NumberColumn`'s (e.g. `"%d%%"`, "percent");
    `step` sets the decimals. `color` is a palette name, a hex or rgb() colour, "auto" (green
    above half, red below) or "auto-inverse".
    """
    if color is not None:
        _check_chart_color(color)
    return _base(
        label,
        width,
        help,
        pinned=pinned,
        type_config={
            "type": "progress",
            "format": format,
            "min_value": min_value,
            "max_value": max_value,
            "step": step,
            "color": color,
        },
    )


def JsonColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
) -> ColumnConfig:
    """Show JSON strings or JSON-like values (dicts, lists) as compact JSON text."""
    return _media("json", label, width, help, pinned, alignment)


def MarkdownColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
    default: str | None = None,
) -> ColumnConfig:
    """Show a column of Markdown text: plain text in the cells; clicking a cell (or Enter on
    it) shows its text rendered as Markdown in a popup."""
    return _base(
        label,
        width,
        help,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=default,
        type_config={"type": "markdown"},
    )


@overload
def ButtonColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
    type: ButtonType = "secondary",
    on_click: WidgetCallback | None = None,
    args: tuple[Any, ...] | None = None,
    kwargs: dict[str, Any] | None = None,
    key: str,
) -> ButtonColumnResult: ...


@overload
def ButtonColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
    type: ButtonType = "secondary",
    on_click: None = None,
    args: None = None,
    kwargs: None = None,
    key: None = None,
) -> ColumnConfig: ...


def ButtonColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: ContentAlignment | None = None,
    type: ButtonType = "secondary",
    on_click: WidgetCallback | None = None,
    args: tuple[Any, ...] | None = None,
    kwargs: dict[str, Any] | None = None,
    key: str | None = None,
) -> ButtonColumnResult | ColumnConfig:
    """Show each cell's text as a button label ("primary", "secondary" or "tertiary" `type`);
    a cell holding a list shows one button per item.

    Clicks need a `key`: a click reruns the app once with `st.session_state[key]` set to a
    `ButtonColumnClickState` (`.row`: the row's position in the data, `.label`: the button's
    text), after calling `on_click(*args, **kwargs)`; on later reruns it is None.
    """
    config = _base(
        label,
        width,
        help,
        pinned=pinned,
        alignment=alignment,
        disabled=True,
        type_config={"type": "button", "button_type": type},
    )
    if key is not None:
        return ButtonColumnResult(
            config=config, on_click=on_click, args=args, kwargs=kwargs, key=key
        )
    if on_click is not None or args is not None or kwargs is not None:
        raise StreamlitAPIException(
            "The `key` parameter is required. Callbacks passed via `on_click`, `args`, or "
            "`kwargs` need a unique key to be registered."
        )
    return config
