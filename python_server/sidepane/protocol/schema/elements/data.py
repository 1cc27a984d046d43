"""The data, media and status family's props: alerts, progress bars, spinners, images, audio,
video, metrics, Vega-Lite charts, dataframes, tables and data editors."""

from typing import Annotated, Any, Literal

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.elements.widgets import WidgetFields, WidgetProps
from sidepane.protocol.schema.registry import element

# ---- status ----


@element("alert")
class AlertProps(TypedDict):
    """`st.success`, `st.info`, `st.warning` and `st.error`."""

    kind: Literal["success", "info", "warning", "error"]
    body: Annotated[str, "Markdown, dedented and stripped."]
    icon: NotRequired[Annotated[str, "An emoji or `:material/name:`; absent: the kind's glyph."]]
    title: NotRequired[Annotated[str, "Shown in bold above the body."]]


@element("progress")
class ProgressProps(TypedDict):
    value: Annotated[int, "Percent done, 0 to 100 (a float value is sent times 100)."]
    text: NotRequired[Annotated[str, "Markdown shown above the bar."]]


@element("spinner")
class SpinnerProps(TypedDict):
    """`st.spinner` while its block runs (the runtime replaces it with `empty` after)."""

    text: Annotated[str, "Inline Markdown."]
    show_time: NotRequired[Annotated[Literal[True], "Show the seconds elapsed."]]
    cache: NotRequired[Annotated[Literal[True], "A cached function's spinner."]]


# ---- media ----


class ImageItem(TypedDict):
    """One image: its bytes in a `media` payload (`hash`) or at a `url`."""

    hash: NotRequired[Annotated[str, "The media payload's xxh3-128 hex digest."]]
    url: NotRequired[str]
    mimetype: Annotated[str, "`image/*` when a URL's type cannot be guessed."]
    caption: NotRequired[str]


@element("image")
class ImageProps(TypedDict):
    """`st.image` (one or a list, side by side) and `st.pyplot` (a PNG)."""

    images: list[ImageItem]
    width: NotRequired[Annotated[int | Literal["stretch"], "Pixels or stretch; absent: content."]]
    link: NotRequired[Annotated[str, "Where clicking the (single) image goes."]]


@element("audio", "video")
class PlayerProps(TypedDict):
    """`st.audio` and `st.video`: bytes in a `media` payload (`hash`) or a `url`."""

    hash: NotRequired[Annotated[str, "The media payload's xxh3-128 hex digest."]]
    url: NotRequired[Annotated[str, "A URL (a YouTube link plays embedded)."]]
    mimetype: str
    start_time: NotRequired[Annotated[int, "Seconds; absent: 0."]]
    end_time: NotRequired[Annotated[int, "Seconds; absent: the end."]]
    loop: NotRequired[Literal[True]]
    autoplay: NotRequired[Literal[True]]
    muted: NotRequired[Annotated[Literal[True], "Video only."]]
    width: NotRequired[Annotated[int, "Pixels; absent: stretch."]]


# ---- metric ----

MetricColor = Literal["red", "green", "gray", "orange", "yellow", "blue", "violet", "primary"]


@element("metric")
class MetricProps(TypedDict):
    """`st.metric`: `delta_color` and `delta_arrow` arrive resolved as `color` and `direction`."""

    label: str
    value: Annotated[str, "The number as text; `—` for None."]
    color: Annotated[MetricColor, "The delta's colour."]
    direction: Annotated[Literal["up", "down", "none"], "The delta's arrow; none: no arrow."]
    label_visibility: Literal["visible", "hidden", "collapsed"]
    delta: NotRequired[Annotated[str, "Absent: no delta."]]
    help: NotRequired[Annotated[str, "Tooltip text."]]
    icon: NotRequired[Annotated[str, "An emoji or `:material/name:` before the label."]]
    border: NotRequired[Literal[True]]
    chart_data: NotRequired[Annotated[list[float], "A sparkline's points."]]
    chart_type: NotRequired[Annotated[Literal["line", "bar", "area"], "Sent with `chart_data`."]]
    format: NotRequired[
        Annotated[str, "A number column's preset or printf format, for a numeric value and delta."]
    ]
    delta_description: NotRequired[Annotated[str, "Shown after the delta."]]


# ---- tables (docs/protocol.md, "Dataframe columns") ----

Label = str | int | float | bool


class TableColumn(TypedDict):
    """One column (or index level) of a table; its cells travel in `column` payloads."""

    name: Annotated[str, "The label as text (a MultiIndex's levels joined with ` / `)."]
    dtype: Annotated[str, "The pandas dtype's name."]
    kind: Annotated[
        Literal["f", "i", "u", "b", "M", "m", "O", "r"],
        "NumPy's kind letter; `O`: display text; `r`: a RangeIndex (`start`, `step`, no batches).",
    ]
    batches: Annotated[list[str], "The `column` payloads' hashes, `batch_rows` rows each."]
    tz: NotRequired[Annotated[str, "A timezone-aware datetime's zone (cells are UTC)."]]
    categories: NotRequired[Annotated[list[str | None], "A categorical's categories."]]
    ordered: NotRequired[Literal[True]]
    values: NotRequired[
        Annotated[
            Literal["bool", "int", "float", "decimal", "date", "time", "datetime"],
            "The one Python type of an object column's values (its cells are their text).",
        ]
    ]
    path: NotRequired[Annotated[list[str], "A MultiIndex column's levels."]]
    label: NotRequired[
        Annotated[Label | list[Label], "The label as given, when not a string (or its levels)."]
    ]
    start: NotRequired[Annotated[int, "RangeIndex only."]]
    step: NotRequired[Annotated[int, "RangeIndex only."]]


class Table(TypedDict):
    """A table: a dataframe's data or one chart dataset."""

    rows: int
    index: Annotated[list[TableColumn], "Empty for chart datasets."]
    columns: list[TableColumn]
    batch_rows: Annotated[int, "Rows per payload batch."]


ColumnType = Literal[
    "object",
    "text",
    "number",
    "checkbox",
    "selectbox",
    "multiselect",
    "list",
    "datetime",
    "date",
    "time",
    "link",
    "image",
    "audio",
    "video",
    "line_chart",
    "bar_chart",
    "area_chart",
    "progress",
    "json",
    "markdown",
    "button",
]

OptionValue = str | int | float | bool


class ColumnOption(TypedDict):
    """A selectbox option with its `format_func` label, or a multiselect option."""

    value: Annotated[OptionValue, "What a cell holds (a multiselect's values are text)."]
    label: NotRequired[Annotated[str, "Shown instead of the value (`format_func`)."]]
    color: NotRequired[Annotated[str, "Multiselect: the tag's colour (`auto`: the palette's)."]]


class ColumnSettings(TypedDict):
    """One `column_config` entry: an `st.column_config.*` dict flattened (its `type_config`
    entries beside the others), None values, unknown keys and ill-typed values left out
    (column_config/wire.py). Every key is optional; the column types a key serves are named."""

    label: NotRequired[Annotated[str, "The header text; absent: the column's name."]]
    help: NotRequired[Annotated[str, "The header's tooltip (Markdown)."]]
    width: NotRequired[
        Annotated[Literal["small", "medium", "large"] | int, "75, 200 or 400 px, or pixels."]
    ]
    hidden: NotRequired[
        Annotated[bool, "Not shown (a `None` config; for `_index`, `hide_index` wins)."]
    ]
    pinned: NotRequired[
        Annotated[bool, "Stays at the left while scrolling; absent: index columns are pinned."]
    ]
    alignment: NotRequired[
        Annotated[Literal["left", "center", "right"], "The cells' alignment; absent: by type."]
    ]
    disabled: NotRequired[Annotated[bool, "`data_editor`: the column cannot be edited."]]
    required: NotRequired[Annotated[bool, "`data_editor`: a cell cannot be left empty."]]
    default: NotRequired[
        Annotated[
            str | bool | int | float | list[str],
            "`data_editor`: a new row's value (ISO text for dates and times).",
        ]
    ]
    type: NotRequired[Annotated[ColumnType, "Absent: from the data (booleans: checkboxes)."]]
    format: NotRequired[
        Annotated[
            str,
            "`number` / `progress`: a printf string or a preset (`dollar`, `percent`, …); "
            "`datetime` / `date` / `time`: a Moment.js pattern or a preset (`localized`, …).",
        ]
    ]
    min_value: NotRequired[
        Annotated[float | str, "Numbers (`number`, `progress`); ISO text for dates and times."]
    ]
    max_value: NotRequired[
        Annotated[float | str, "Numbers (`number`, `progress`); ISO text for dates and times."]
    ]
    step: NotRequired[
        Annotated[float, "Its decimals fix the precision shown; `datetime` / `time`: seconds."]
    ]
    timezone: NotRequired[Annotated[str, "`datetime`: an IANA name or an offset (`+05:00`)."]]
    display_text: NotRequired[
        Annotated[
            str, "`link`: fixed text, `:material/name:`, or a pattern whose first group is shown."
        ]
    ]
    max_chars: NotRequired[Annotated[int, "`text` / `link`: the longest value accepted."]]
    validate: NotRequired[
        Annotated[str, "`text` / `link`: a regular expression a value must match."]
    ]
    y_min: NotRequired[Annotated[float, "Charts: the bottom of every cell's range."]]
    y_max: NotRequired[Annotated[float, "Charts: the top of every cell's range."]]
    color: NotRequired[
        Annotated[
            str, "Charts, `progress`: a palette name, a CSS colour, `auto` or `auto-inverse`."
        ]
    ]
    options: NotRequired[
        Annotated[
            list[OptionValue | ColumnOption],
            "`selectbox`: values, or `{value, label}` with a `format_func`; "
            "`multiselect`: `{value, label?, color?}`.",
        ]
    ]
    accept_new_options: NotRequired[Annotated[bool, "`multiselect`: values beyond `options`."]]
    button_type: NotRequired[
        Annotated[Literal["primary", "secondary", "tertiary"], "`button`: its look."]
    ]


class TableLayout(Table):
    """What `st.dataframe`, `st.table` and `st.data_editor` share."""

    use_container_width: Annotated[bool, "Width `stretch`."]
    width: NotRequired[Annotated[int | Literal["content"], "Absent: stretch."]]
    height: NotRequired[
        Annotated[
            int | Literal["content", "stretch"],
            "Absent: auto (about ten rows; a `table`: every row).",
        ]
    ]
    hide_index: NotRequired[
        Annotated[bool, "Absent: shown, except a RangeIndex beside a row selection."]
    ]
    column_order: NotRequired[Annotated[list[str], "The columns shown, in this order."]]
    column_config: NotRequired[
        Annotated[
            dict[str, ColumnSettings],
            "Settings by column name, `_index` (every index column) or `_pos:<n>` (a position, "
            "index columns first); a column merges `_index`, its name, then its position.",
        ]
    ]
    row_height: NotRequired[Annotated[int, "Pixels."]]
    placeholder: NotRequired[Annotated[str, "Text for missing values."]]
    buttons: NotRequired[
        Annotated[dict[str, str], "A keyed button column's widget id, by column_config key."]
    ]


SelectionMode = Literal[
    "single-row",
    "single-row-required",
    "multi-row",
    "single-column",
    "multi-column",
    "single-cell",
    "multi-cell",
]


class Selection(TypedDict):
    rows: Annotated[list[int], "Positions in the data."]
    columns: list[str]
    cells: Annotated[list[tuple[int, str]], "`[row, column]` pairs."]


class DataframeSelection(TypedDict):
    """A selectable dataframe's wire value (also sent back in `widget_value`)."""

    selection: Selection


@element("dataframe")
class DataframeProps(TableLayout):
    """`st.dataframe` and `st.table` (`table`). With `on_select`, the dataframe is a widget: it
    then carries `selection_mode` and the widget keys (`id`, `label`, `value`, …)."""

    table: NotRequired[Annotated[Literal[True], "`st.table`: static, every row shown."]]
    border: NotRequired[Annotated[Literal[False, "horizontal"], "`st.table`'s; absent: all."]]
    hide_header: NotRequired[Literal[True]]
    selection_mode: NotRequired[list[SelectionMode]]
    id: NotRequired[str]
    label: NotRequired[Literal[""]]
    value: NotRequired[DataframeSelection]
    key: NotRequired[str]
    form: NotRequired[str]


EditingMode = Literal["fixed", "dynamic", "add", "delete"]


class DataEditorFields(WidgetFields, TableLayout):
    editing_mode: Annotated[EditingMode, "Which rows people may add or delete (`num_rows`)."]
    alt: NotRequired[str]


@element("data_editor")
class DataEditorProps(WidgetProps, DataEditorFields):
    """`st.data_editor`: an editable table whose value is its edits."""

    value: Annotated[
        str,
        "The edits as JSON text: `{edited_rows: {row: {column: value}}, added_rows, "
        "deleted_rows}`.",
    ]


# ---- charts ----


class VegaLiteEvent(TypedDict):
    """A selectable Vega-Lite chart's wire value (also sent back in `widget_value`), as Streamlit
    1.67's chart holds it."""

    selection: Annotated[
        dict[str, Any],
        "By selection parameter name, the ones reported so far: a point selection as the list of "
        "its selected points' fields (`[{field: value}]`), an interval as `{field: [min, max]}`, "
        "nothing selected as `{}`.",
    ]


@element("vega_lite")
class VegaLiteProps(TypedDict):
    """A Vega-Lite chart: `st.vega_lite_chart`, `st.altair_chart` and the built-in charts. With
    `selection_mode` the chart is a widget: it then carries the widget keys (`id`, `label`,
    `value`, …)."""

    spec: Annotated[dict[str, Any], "The Vega-Lite spec, its data replaced by named datasets."]
    datasets: Annotated[dict[str, Table], "Tables by name (a hash of their content)."]
    use_container_width: bool
    width: NotRequired[Annotated[int | Literal["content"], "Absent: stretch."]]
    height: NotRequired[Annotated[int | Literal["stretch"], "Absent: the chart's own height."]]
    theme: NotRequired[Annotated[Literal[False], "`theme=None`: Vega-Lite's own look."]]
    alt: NotRequired[
        Annotated[str, "The chart's accessible name (the spec's `description` in the viewer)."]
    ]
    data_errors: NotRequired[
        Annotated[
            list[str],
            "Data URLs in the spec the runtime could not download (their data is empty): "
            "shown in the chart.",
        ]
    ]
    selection_mode: NotRequired[
        Annotated[
            list[str], "The selection parameters that report (sorted); the chart is a widget."
        ]
    ]
    id: NotRequired[str]
    label: NotRequired[Literal[""]]
    value: NotRequired[VegaLiteEvent]
    key: NotRequired[str]
    form: NotRequired[str]
