"""The layout family's props: the blocks that hold other elements (container, columns and their
columns, tabs and their tabs, expander, form, `st.status`, `st.chat_message`) and the `st.empty`
placeholder.

The roots (`main`, `sidebar`) are not sent: a viewer makes them itself (docs/protocol.md, Paths).
"""

from typing import Annotated, Literal

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.elements.data import ImageItem
from sidepane.protocol.schema.registry import element

Pixels = Annotated[int, "Pixels."]

GapName = Literal["xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge"]


class KeyedBlock(TypedDict):
    """A block the script may name with `key=`."""

    key: NotRequired[Annotated[str, "The user's `key`, as a string."]]


class ScrollingBlock(TypedDict):
    """A block with a fixed height, whose content scrolls inside it."""

    height: NotRequired[Annotated[Pixels, "Absent: as tall as its content."]]


@element("empty")
class EmptyProps(TypedDict):
    """An `st.empty` placeholder holding nothing (yet): no props."""


@element("container")
class ContainerProps(KeyedBlock, ScrollingBlock):
    border: NotRequired[
        Annotated[Literal[True], "Absent: no border (a fixed height gets one unless border=False)."]
    ]
    horizontal: NotRequired[Annotated[Literal[True], "Children in a row."]]


@element("columns")
class ColumnsProps(TypedDict):
    """The row of `st.columns`; its children are `column` blocks."""

    gap: Annotated[GapName | Pixels | None, "The space between columns; null: none."]
    vertical_alignment: Literal["top", "center", "bottom"]
    wrap: NotRequired[Annotated[Literal[False], "Never stack the columns on narrow screens."]]


@element("column")
class ColumnProps(TypedDict):
    weight: Annotated[float, "Its share of the row's width; a row's weights add up to 1."]
    border: NotRequired[Literal[True]]


@element("tabs")
class TabsProps(KeyedBlock, ScrollingBlock):
    """`st.tabs`; its children are `tab` blocks, one per label, in order."""

    labels: Annotated[list[str], "Inline Markdown."]
    default: NotRequired[Annotated[int, "The index of the tab shown first; absent: 0."]]


@element("tab")
class TabProps(TypedDict):
    label: Annotated[str, "Inline Markdown (also in its `tabs` block's `labels`)."]


CollapsibleType = Annotated[Literal["compact", "step"], "Absent: the default look."]


class CollapsibleBlock(TypedDict):
    """A block whose header opens and closes its children (`expander`, `status`)."""

    label: Annotated[str, "Inline Markdown."]
    expanded: Annotated[bool, "Open at first (status: the script's latest choice)."]
    type: NotRequired[CollapsibleType]


@element("expander")
class ExpanderProps(CollapsibleBlock, KeyedBlock):
    icon: NotRequired[Annotated[str, "An emoji or `:material/name:` before the label."]]


@element("status")
class StatusProps(CollapsibleBlock):
    """`st.status`: re-sent in place by `status.update()` and when its `with` block ends; the
    viewer follows a change of `expanded` and otherwise keeps what the person chose."""

    state: Annotated[
        Literal["running", "complete", "error"], "Drawn as a spinner, a check, an error mark."
    ]
    width: NotRequired[Annotated[Pixels, "Absent: stretch."]]


@element("form")
class FormProps(ScrollingBlock):
    id: Annotated[str, "The form's key, which its widgets carry as `form`."]
    border: bool
    clear_on_submit: bool
    enter_to_submit: NotRequired[
        Annotated[Literal[False], "Enter in a field does not submit the form."]
    ]
    missing_submit: NotRequired[
        Annotated[
            Literal[True],
            "Its `with` block ended without a `form_submit_button`: show Streamlit's "
            "“Missing Submit Button” error in the form.",
        ]
    ]


@element("chat_message")
class ChatMessageProps(TypedDict):
    name: Annotated[str, "The author; `user`/`human` messages are drawn as the person's."]
    avatar_type: Literal["icon", "emoji", "image"]
    avatar: NotRequired[
        Annotated[
            str,
            "icon: `user`, `assistant` or `:material/name:` (absent: the first letter of `name`); "
            "emoji: the emoji.",
        ]
    ]
    image: NotRequired[Annotated[ImageItem, "For avatar_type `image` (without a caption)."]]
    width: NotRequired[Annotated[Pixels | Literal["content"], "Absent: stretch."]]


@element("dialog")
class DialogProps(TypedDict):
    """`@st.dialog`: a modal overlay holding its children, open from the run that draws it (a
    dialog lives in the `event` root; docs/protocol.md, Dialogs)."""

    title: Annotated[str, "Inline Markdown."]
    width: Annotated[Literal["small", "medium", "large"], "At most 500, 750 or 1280 pixels."]
    pixel_width: NotRequired[Annotated[Pixels, "A fixed width instead (`width` is then small)."]]
    position: NotRequired[Annotated[Literal["left", "right"], "A side drawer; absent: centered."]]
    dismissible: Annotated[bool, "Escape, the close button and a click outside close it."]
    icon: NotRequired[Annotated[str, "An emoji, `:material/name:` or `spinner` before the title."]]
    dismiss: NotRequired[
        Annotated[
            str,
            "A trigger widget's id (`on_dismiss` is not 'ignore'): closing the dialog sends "
            "`true` for it, which reruns the app.",
        ]
    ]
