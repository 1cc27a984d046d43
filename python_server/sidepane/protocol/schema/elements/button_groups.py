"""The button-group widgets' props: `st.pills` and `st.segmented_control` (one `button_group`
type, told apart by `style`) and `st.feedback`."""

from typing import Annotated, Literal

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.elements.widgets import WidgetFields, WidgetProps
from sidepane.protocol.schema.registry import element

GroupWidth = Annotated[
    int | Literal["stretch"], "Pixels or the container's width; absent: as wide as the content."
]


class ButtonGroupOption(TypedDict):
    """One option as drawn: `format_func(option)`, a leading icon split off."""

    content: Annotated[str, "Inline Markdown ('' for an icon-only option)."]
    icon: NotRequired[Annotated[str, "An emoji or `:material/name:` shown before the content."]]


class ButtonGroupFields(WidgetFields):
    style: Literal["pills", "segmented_control"]
    options: list[ButtonGroupOption]
    multi: NotRequired[Annotated[Literal[True], "`selection_mode='multi'`; absent: single."]]
    required: NotRequired[
        Annotated[Literal[True], "Single mode: a click on the selected option keeps it."]
    ]
    width: NotRequired[GroupWidth]
    wrap: NotRequired[
        Annotated[bool, "Options may wrap onto more rows (false: one scrolling row); absent: wrap."]
    ]


@element("button_group")
class ButtonGroupProps(WidgetProps, ButtonGroupFields):
    """`st.pills` and `st.segmented_control`."""

    value: Annotated[list[int], "The selected options' indexes (single mode: [] or [i])."]


class FeedbackFields(WidgetFields):
    options: Literal["thumbs", "faces", "stars"]
    width: NotRequired[GroupWidth]


@element("feedback")
class FeedbackProps(WidgetProps, FeedbackFields):
    """`st.feedback` (its `label` is always '')."""

    value: Annotated[
        int | None,
        "0 (least satisfied, thumbs down) up to 1 (thumbs) or 4 (faces, stars); null: none.",
    ]
