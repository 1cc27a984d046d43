"""The data, media and status family's props: alerts, progress bars, spinners, images, audio,
video, metrics and Vega-Lite charts."""

from typing import Annotated, Any, Literal

from typing_extensions import NotRequired, TypedDict

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
    format: NotRequired[Annotated[str, "A printf-style or named number format for `value`."]]
    delta_description: NotRequired[Annotated[str, "Shown after the delta."]]


# ---- charts ----


@element("vega_lite")
class VegaLiteProps(TypedDict):
    """A Vega-Lite chart: `st.vega_lite_chart`, `st.altair_chart` and the built-in charts."""

    spec: Annotated[dict[str, Any], "The Vega-Lite spec, its data replaced by named datasets."]
    datasets: Annotated[
        dict[str, dict[str, Any]],
        "Tables by name, each encoded as a dataframe's `rows`/`index`/`columns`/`batch_rows`.",
    ]
    use_container_width: bool
    width: NotRequired[Annotated[int | Literal["content"], "Absent: stretch."]]
    height: NotRequired[Annotated[int | Literal["stretch"], "Absent: the chart's own height."]]
    theme: NotRequired[Annotated[Literal[False], "`theme=None`: Vega-Lite's own look."]]
