"""The layout family's props: the blocks that hold other elements (container, columns and their
columns, tabs and their tabs, expander, popover, form, `st.status`, `st.chat_message`) and the
`st.empty` placeholder.

The roots (`main`, `sidebar`, `bottom`) are not sent: a viewer makes them itself
(docs/protocol.md, Paths).
"""

from typing import Annotated, Literal

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.elements.data import ImageItem
from sidepane.protocol.schema.registry import element

Pixels = Annotated[int, "Pixels."]

GapName = Literal["xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge"]

Gap = Annotated[GapName | Pixels | None, "The space between children; null: none."]

StretchWidth = Annotated[Pixels, "A fixed width; absent: as wide as its parent."]


class KeyedBlock(TypedDict):
    """A block the script may name with `key=`."""

    key: NotRequired[Annotated[str, "The user's `key`, as a string."]]


class ScrollingBlock(TypedDict):
    """A block with a fixed height, whose content scrolls inside it."""

    height: NotRequired[
        Annotated[
            Pixels | Literal["stretch"],
            "Pixels: fixed, its content scrolls; stretch: fills its parent's height (a row's, "
            "a fixed-height container's); absent: as tall as its content.",
        ]
    ]


class StatefulBlock(TypedDict):
    """A container whose open state (expander, popover) or chosen tab is a widget: the script
    set `on_change`, so a change is sent as a `widget_value` under `id`, and reruns."""

    id: NotRequired[Annotated[str, "Present: stateful; absent: the viewer keeps it locally."]]


@element("empty")
class EmptyProps(TypedDict):
    """An `st.empty` placeholder holding nothing (yet): no props."""


@element("container")
class ContainerProps(KeyedBlock, ScrollingBlock):
    border: NotRequired[
        Annotated[Literal[True], "Absent: no border (a fixed height gets one unless border=False)."]
    ]
    horizontal: NotRequired[Annotated[Literal[True], "Children in a row."]]
    wrap: NotRequired[
        Annotated[Literal[False], "A horizontal container keeps one row and scrolls sideways."]
    ]
    width: NotRequired[Annotated[Pixels | Literal["content"], "Absent: stretch."]]
    gap: NotRequired[Annotated[Gap, "Absent: small."]]
    horizontal_alignment: NotRequired[
        Annotated[Literal["center", "right", "distribute"], "Absent: left."]
    ]
    vertical_alignment: NotRequired[
        Annotated[Literal["center", "bottom", "distribute"], "Absent: top."]
    ]
    autoscroll: NotRequired[
        Annotated[
            bool,
            "A fixed-height container follows new content at its end; absent: only when it "
            "holds chat messages.",
        ]
    ]


@element("columns")
class ColumnsProps(TypedDict):
    """The row of `st.columns`; its children are `column` blocks."""

    gap: Gap
    vertical_alignment: Literal["top", "center", "bottom"]
    wrap: NotRequired[Annotated[Literal[False], "Never stack the columns on narrow screens."]]
    width: NotRequired[StretchWidth]


@element("column")
class ColumnProps(TypedDict):
    weight: Annotated[float, "Its share of the row's width; a row's weights add up to 1."]
    border: NotRequired[Literal[True]]


@element("tabs")
class TabsProps(KeyedBlock, ScrollingBlock, StatefulBlock):
    """`st.tabs`; its children are `tab` blocks, one per label, in order."""

    labels: Annotated[list[str], "Inline Markdown."]
    default: NotRequired[
        Annotated[int, "The index of the tab shown first (stateful: the chosen one); absent: 0."]
    ]
    width: NotRequired[StretchWidth]
    value: NotRequired[Annotated[str, "Stateful: the chosen tab's label."]]


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
class ExpanderProps(CollapsibleBlock, KeyedBlock, StatefulBlock):
    icon: NotRequired[Annotated[str, "An emoji or `:material/name:` before the label."]]
    width: NotRequired[StretchWidth]
    value: NotRequired[Annotated[bool, "Stateful: open (also in `expanded`)."]]


@element("popover")
class PopoverProps(KeyedBlock, StatefulBlock):
    """`st.popover`: a button that opens a floating panel holding its children (drawn on every
    run, open or not)."""

    label: Annotated[str, "Inline Markdown."]
    kind: NotRequired[Annotated[Literal["primary", "tertiary"], "Absent: secondary."]]
    help: NotRequired[Annotated[str, "Tooltip text (Markdown)."]]
    icon: NotRequired[Annotated[str, "An emoji, `:material/name:` or `spinner`."]]
    disabled: NotRequired[Literal[True]]
    width: NotRequired[Annotated[Pixels | Literal["stretch"], "The button's; absent: content."]]
    wrap: NotRequired[Annotated[bool, "Whether the label may wrap; absent: as the layout suits."]]
    value: NotRequired[Annotated[bool, "Stateful: open."]]


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


@element("grid")
class GridProps(KeyedBlock, ScrollingBlock):
    """`st.grid`: a CSS grid; each child is one cell (an element, a block, an `st.empty`
    placeholder, or a `grid_cell` from `grid.cell()`), placed in order."""

    columns: NotRequired[
        Annotated[
            int,
            "At most this many equal columns (1 to 24); with `wrap`, fewer when a column would "
            "be narrower than `min_column_width`. Absent: as many as fit (at most 24).",
        ]
    ]
    min_column_width: NotRequired[
        Annotated[Pixels, "A column's smallest width; absent: 12.5rem (the theme's)."]
    ]
    wrap: NotRequired[
        Annotated[
            Literal[False],
            "Keep `columns` columns at every width (at least `min_column_width` each, the grid "
            "scrolls sideways).",
        ]
    ]
    row_gap: NotRequired[Annotated[Gap, "Absent: small."]]
    column_gap: NotRequired[Annotated[Gap, "Absent: small."]]
    vertical_alignment: NotRequired[
        Annotated[Literal["center", "bottom"], "Where a cell's content sits in it; absent: top."]
    ]
    border: NotRequired[Annotated[Literal[True], "A border around each cell."]]
    row_height: NotRequired[
        Annotated[Pixels, "Every row this tall, taller content scrolls; absent: as its content."]
    ]
    width: NotRequired[StretchWidth]
    dense: NotRequired[
        Annotated[Literal[True], "Later cells fill holes left by spanning cells (CSS dense)."]
    ]


@element("grid_cell")
class GridCellProps(TypedDict):
    """`grid.cell()`: one cell of its `grid` parent holding several elements in a column."""

    column_span: NotRequired[
        Annotated[
            int | Literal["all"],
            "Columns it spans (never more than the grid has), or all of them on a row of its "
            "own; absent: 1.",
        ]
    ]
    row_span: NotRequired[Annotated[int, "Rows it spans; absent: 1."]]
