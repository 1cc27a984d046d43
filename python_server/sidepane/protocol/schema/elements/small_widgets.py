"""The props of issue 16's smaller widgets: `st.link_button`, `st.menu_button`,
`st.datetime_input` and `st.pagination` (see widgets.py for the keys every widget carries)."""

from typing import Annotated, Literal

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.elements.widgets import WidgetFields, WidgetProps
from sidepane.protocol.schema.registry import TRIGGER, element

# ---- buttons ----


class LinkButtonFields(TypedDict):
    """A link button's own keys (what its builder passes to `_widget` when it reruns)."""

    url: str
    kind: Literal["primary", "secondary", "tertiary"]
    icon: NotRequired[Annotated[str, "An emoji or `:material/name:`."]]
    icon_position: NotRequired[Annotated[Literal["right"], "Absent: left."]]
    width: NotRequired[Annotated[int | Literal["stretch"], "Pixels or stretch; absent: content."]]
    shortcut: NotRequired[Annotated[str, "A keyboard shortcut, e.g. `Ctrl+K`."]]


@element("link_button")
class LinkButtonProps(LinkButtonFields):
    """`st.link_button`: a link to `url`, opened in a new tab, drawn as a button. With `on_click`
    "rerun" or a callback it is also a trigger widget (`id`, `value`); by default it is not."""

    label: Annotated[str, "Inline Markdown."]
    id: NotRequired[Annotated[str, "Only when a click reruns the app (then send `value` true)."]]
    value: NotRequired[Annotated[bool, TRIGGER, "A trigger, as a button's (only with `id`)."]]
    key: NotRequired[Annotated[str, "The script's key."]]
    form: NotRequired[Annotated[str, "The id of the form the button is in (only with `id`)."]]
    disabled: NotRequired[Literal[True]]
    help: NotRequired[Annotated[str, "Tooltip text (Markdown)."]]


class MenuButtonFields(WidgetFields):
    kind: Literal["primary", "secondary", "tertiary"]
    options: Annotated[list[str], "The labels (`format_func` applied); a click sends its index."]
    width: NotRequired[Annotated[int | Literal["stretch"], "Pixels or stretch; absent: content."]]
    icon: NotRequired[Annotated[str, "An emoji or `:material/name:`."]]


@element("menu_button")
class MenuButtonProps(WidgetProps, MenuButtonFields):
    """`st.menu_button`: a button opening a menu of options."""

    value: Annotated[
        int | None,
        TRIGGER,
        "A trigger: the clicked option's index for the one run it started; else null.",
    ]


# ---- dates and times ----


class DateTimeInputFields(WidgetFields):
    min: Annotated[str, "YYYY-MM-DDTHH:MM."]
    max: Annotated[str, "YYYY-MM-DDTHH:MM."]
    step: Annotated[int, "Seconds between the times offered (60 to 82,800)."]
    format: Annotated[str, "How the date is shown, e.g. `YYYY/MM/DD`."]
    clearable: NotRequired[
        Annotated[Literal[True], "The person may empty it (no default, not `required`)."]
    ]
    width: NotRequired[Annotated[int, "Pixels; absent: stretch."]]


@element("datetime_input")
class DateTimeInputProps(WidgetProps, DateTimeInputFields):
    value: Annotated[str | None, "`YYYY-MM-DDTHH:MM` or null (empty)."]


# ---- pagination ----


class PaginationFields(WidgetFields):
    num_pages: Annotated[int, "At least 1."]
    max_visible_pages: NotRequired[
        Annotated[int, "How many page buttons at most (0: only the arrows); absent: no cap."]
    ]
    width: NotRequired[Annotated[int | Literal["stretch"], "Pixels or stretch; absent: content."]]


@element("pagination")
class PaginationProps(WidgetProps, PaginationFields):
    value: Annotated[int, "The current page, from 1 to `num_pages`."]
