"""The widgets' props: buttons, choices, sliders, text and number inputs, dates and times, the
colour picker, the file uploader and the chat input.

Every widget's props are `WidgetProps` (the keys `_widget` in `elements/dg_core.py` adds, declared
once), its own `…Fields` (based on `WidgetFields`: what its builder passes to `_widget`) and its
`value`: the widget's current wire value, which is also what the viewer sends back in
`widget_value` frames.
"""

from typing import Annotated, Literal

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.registry import TRIGGER, element


class WidgetProps(TypedDict):
    """The keys every widget carries (see "Widgets" in docs/protocol.md)."""

    id: Annotated[str, "Stable across runs; the key of its value in `widget_value` frames."]
    label: Annotated[str, "Inline Markdown."]
    disabled: NotRequired[Literal[True]]
    label_visibility: NotRequired[Annotated[Literal["hidden", "collapsed"], "Absent: visible."]]
    help: NotRequired[Annotated[str, "Tooltip text (Markdown)."]]
    key: NotRequired[Annotated[str, "The script's key."]]
    form: NotRequired[Annotated[str, "The id of the form the widget is in."]]


class WidgetFields(TypedDict):
    """The base of each widget's own keys (what its builder passes to `_widget`)."""

    ignore_rerun: NotRequired[
        Annotated[
            Literal[True],
            "`on_change`/`on_click` is `ignore`: keep a change without a rerun; it is sent with "
            "the next `widget_value`.",
        ]
    ]


class UploadedFileRef(TypedDict):
    """A file whose `upload` chunks were all acknowledged."""

    hash: str
    name: str
    type: Annotated[str, "Its MIME type."]
    size: Annotated[int, "Bytes."]


# ---- buttons ----


class ButtonFields(WidgetFields):
    kind: Literal["primary", "secondary", "tertiary"]
    is_submit: NotRequired[Annotated[Literal[True], "A form's submit button."]]
    use_container_width: NotRequired[Annotated[Literal[True], "As wide as its container."]]
    width: NotRequired[Annotated[int, "Pixels; absent: as wide as its label."]]
    icon: NotRequired[Annotated[str, "An emoji or `:material/name:`."]]
    icon_position: NotRequired[Annotated[Literal["right"], "Absent: left."]]
    shortcut: NotRequired[Annotated[str, "A keyboard shortcut, e.g. `Ctrl+K`."]]


ButtonValue = Annotated[bool, TRIGGER, "A trigger: true for the one run its click started."]


@element("button")
class ButtonProps(WidgetProps, ButtonFields):
    """`st.button` and `st.form_submit_button`."""

    value: ButtonValue


class DownloadButtonFields(ButtonFields):
    hash: NotRequired[
        Annotated[str, "The file, a `media` payload; absent when disabled with a callable `data`."]
    ]
    mimetype: str
    file_name: NotRequired[str]


@element("download_button")
class DownloadButtonProps(WidgetProps, DownloadButtonFields):
    value: ButtonValue


# ---- choices ----


@element("checkbox", "toggle")
class CheckboxProps(WidgetProps, WidgetFields):
    value: bool


class RadioFields(WidgetFields):
    options: Annotated[list[str], "The labels (`format_func` applied); values travel as indexes."]
    horizontal: bool
    captions: NotRequired[Annotated[list[str], "One per option ('' for none)."]]


@element("radio")
class RadioProps(WidgetProps, RadioFields):
    value: Annotated[int | None, "The chosen option's index; null: none (sent: the default)."]


FilterMode = Annotated[Literal["contains", "prefix"] | None, "Absent: fuzzy; null: no filtering."]


class SelectboxFields(WidgetFields):
    options: list[str]
    placeholder: NotRequired[str]
    required: NotRequired[Literal[True]]
    icon: NotRequired[str]
    accept_new_options: NotRequired[Literal[True]]
    filter_mode: NotRequired[FilterMode]


@element("selectbox")
class SelectboxProps(WidgetProps, SelectboxFields):
    value: Annotated[
        int | str | None,
        "An index; null (sent: the default); with `accept_new_options`, a typed text.",
    ]


class MultiselectFields(WidgetFields):
    options: list[str]
    max_selections: NotRequired[int]
    placeholder: NotRequired[str]
    accept_new_options: NotRequired[Literal[True]]
    filter_mode: NotRequired[FilterMode]
    select_all: NotRequired[
        Annotated[int, "Show 'select all' up to this many options; -1: always, 0: never."]
    ]


@element("multiselect")
class MultiselectProps(WidgetProps, MultiselectFields):
    value: Annotated[list[int | str], "Indexes; with `accept_new_options`, typed texts too."]


class SelectSliderFields(WidgetFields):
    options: list[str]
    range: bool


@element("select_slider")
class SelectSliderProps(WidgetProps, SelectSliderFields):
    value: Annotated[int | list[int], "An index, or a range's two indexes."]


@element("color_picker")
class ColorPickerProps(WidgetProps, WidgetFields):
    value: Annotated[str, "`#rrggbb` or `#rgb`."]


# ---- numbers ----


class SliderFields(WidgetFields):
    min: Annotated[float, "For dates and times: microseconds, as the value."]
    max: float
    step: float
    format: Annotated[str, "printf-style for numbers, moment.js-style for dates and times."]
    data_type: Literal["int", "float", "date", "datetime", "time"]
    range: bool


@element("slider")
class SliderProps(WidgetProps, SliderFields):
    value: Annotated[
        float | list[float],
        "A number or [lo, hi]; dates and datetimes in microseconds since the epoch (wall-clock "
        "time read as UTC), times in microseconds since midnight.",
    ]


class NumberInputFields(WidgetFields):
    min: NotRequired[Annotated[float, "Only a bound the script set."]]
    max: NotRequired[float]
    step: float
    format: Annotated[str, "printf-style."]
    data_type: Literal["int", "float"]
    placeholder: NotRequired[str]
    icon: NotRequired[str]


@element("number_input")
class NumberInputProps(WidgetProps, NumberInputFields):
    value: Annotated[float | None, "Null: the default (a whole float is accepted for `int`)."]


# ---- text ----


class TextInputFields(WidgetFields):
    type: Literal["default", "password", "email", "url", "phone", "search"]
    max_chars: NotRequired[int]
    placeholder: NotRequired[str]
    autocomplete: NotRequired[str]
    icon: NotRequired[str]
    validate: NotRequired[Annotated[list[str], "[regex] or [regex, message]."]]


TextValue = Annotated[str | None, "Null: the default."]


@element("text_input")
class TextInputProps(WidgetProps, TextInputFields):
    value: TextValue


class TextAreaFields(WidgetFields):
    max_chars: NotRequired[int]
    height: NotRequired[Annotated[int | Literal["content", "stretch"], "Pixels or a mode."]]
    placeholder: NotRequired[str]


@element("text_area")
class TextAreaProps(WidgetProps, TextAreaFields):
    value: TextValue


# ---- dates and times ----


class DateInputFields(WidgetFields):
    min: Annotated[str, "YYYY-MM-DD."]
    max: Annotated[str, "YYYY-MM-DD."]
    range: bool
    format: Annotated[str, "How dates are shown, e.g. `YYYY/MM/DD`."]
    clearable: NotRequired[
        Annotated[Literal[True], "The person may empty it (no default, not `required`)."]
    ]


@element("date_input")
class DateInputProps(WidgetProps, DateInputFields):
    value: Annotated[
        str | list[str] | None, "`YYYY-MM-DD` or null; a range: [], [start] or [start, end]."
    ]


class TimeInputFields(WidgetFields):
    step: Annotated[int, "Seconds."]
    format: NotRequired[Annotated[Literal["12h", "localized"], "Absent: 24h."]]
    clearable: NotRequired[Literal[True]]


@element("time_input")
class TimeInputProps(WidgetProps, TimeInputFields):
    value: Annotated[
        str | None, "`HH:MM`, or `HH:MM:SS` when `step` is not whole minutes; null: the default."
    ]


# ---- files and chat ----


class FileUploaderFields(WidgetFields):
    multiple: bool
    max_mb: Annotated[float, "The largest file, in megabytes."]
    accept: NotRequired[Annotated[list[str], "MIME types and wildcards, then `.ext`s."]]
    directory: NotRequired[Literal[True]]


@element("file_uploader")
class FileUploaderProps(WidgetProps, FileUploaderFields):
    value: list[UploadedFileRef]


class ChatInputFiles(TypedDict):
    """A submission with `accept_file` or `accept_audio`."""

    text: str
    files: NotRequired[list[UploadedFileRef]]
    audio: NotRequired[UploadedFileRef | None]


class ChatInputFields(WidgetFields):
    placeholder: str
    max_chars: NotRequired[int]
    submit_mode: NotRequired[
        Annotated[Literal["disable", "stop"], "While its run lasts: greyed out, or a stop button."]
    ]
    width: NotRequired[Annotated[int, "Pixels."]]
    height: NotRequired[Annotated[int | Literal["stretch"], "Pixels: a minimum."]]
    max_mb: NotRequired[float]
    accept_file: NotRequired[Literal["single", "multiple", "directory"]]
    accept: NotRequired[list[str]]
    accept_audio: NotRequired[Literal[True]]
    audio_sample_rate: NotRequired[Annotated[int, "Hz; absent: the browser's rate."]]
    fill: NotRequired[Annotated[str, "Text the script set in session_state: shown, unsent."]]


@element("chat_input")
class ChatInputProps(WidgetProps, ChatInputFields):
    value: Annotated[
        str | ChatInputFiles | None,
        TRIGGER,
        "A trigger: the submission, for one run (null otherwise).",
    ]


# ---- links ----


@element("page_link")
class PageLinkProps(TypedDict):
    """`st.page_link` (not a widget: a click sends `rerun` with `page` and `query`)."""

    page: Annotated[str, "A page's `name` (see `pages`); with `external`, a URL."]
    label: Annotated[str, "Inline Markdown."]
    external: NotRequired[Annotated[Literal[True], "A web page, opened in a new tab."]]
    icon: NotRequired[Annotated[str, "An emoji or `:material/name:`."]]
    icon_position: NotRequired[Annotated[Literal["right"], "Absent: left."]]
    help: NotRequired[str]
    disabled: NotRequired[Literal[True]]
    query: NotRequired[Annotated[str, "The query string the page starts with."]]
    width: NotRequired[
        Annotated[int | Literal["stretch"], "Pixels or stretch; absent: as wide as its content."]
    ]
