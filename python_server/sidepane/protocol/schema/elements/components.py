"""Custom components' props (`streamlit.components.v1`): an HTML string or a URL in a frame
(`html`, `iframe`), and a declared component, a widget whose frame talks to the viewer in
Streamlit's component protocol (docs/protocol.md, "Custom components")."""

from typing import Annotated, Any

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.elements.widgets import WidgetFields, WidgetProps
from sidepane.protocol.schema.registry import element


class FrameFields(TypedDict):
    width: NotRequired[Annotated[int, "Pixels; absent: as wide as its container."]]
    height: Annotated[int, "Pixels (150 unless the script says)."]
    scrolling: NotRequired[Annotated[bool, "Show scroll bars for content larger than the frame."]]
    tab_index: NotRequired[Annotated[int, "The frame's tabindex (-1 or more); absent: default."]]


@element("component_frame")
class ComponentFrameProps(FrameFields):
    """`components.html` (its page at `component/_html/<html_id>` on the server, under the
    components' Content-Security-Policy) or `components.iframe` (any URL)."""

    src: NotRequired[Annotated[str, "`components.iframe`: the page's URL."]]
    html_id: NotRequired[
        Annotated[str, "`components.html`: its page's id (a digest; the server serves the text)."]
    ]


class ArrowTableStyler(TypedDict):
    uuid: Annotated[str, "The Styler's id: its CSS selects `#T_<uuid>`."]
    caption: NotRequired[str]
    styles: NotRequired[Annotated[str, "CSS rules, one a line."]]
    display_values: Annotated[bytes, "Arrow IPC stream: the cells as the Styler formats them."]


class ArrowTable(TypedDict):
    """A table for a component (streamlit-component-lib's `ArrowTable`): three Arrow IPC
    streams, each an Arrow table of its own."""

    data: Annotated[bytes, "The values (with pandas' index among them, unless a RangeIndex)."]
    index: Annotated[bytes, "The row labels: a column per index level."]
    columns: Annotated[bytes, "The column labels: a row per column, a column per level."]
    styler: NotRequired[Annotated[ArrowTableStyler, "When the argument was a pandas Styler."]]


class ComponentInstanceFields(WidgetFields):
    name: Annotated[str, "`module.name`, as `declare_component` makes it."]
    url: NotRequired[
        Annotated[str, "The declared `url`; absent: the server's `component/<name>/index.html`."]
    ]
    args: Annotated[dict[str, Any], "The JSON arguments, `default` and `key` among them."]
    bytes_args: NotRequired[Annotated[dict[str, bytes], "Arguments that are bytes."]]
    dataframe_args: NotRequired[
        Annotated[dict[str, ArrowTable], "Arguments that are tables (DataFrames…), as Arrow."]
    ]
    tab_index: NotRequired[int]


@element("component_instance")
class ComponentInstanceProps(WidgetProps, ComponentInstanceFields):
    """A declared component's frame (`declare_component`): the viewer loads its `index.html`,
    sends it `streamlit:render` messages and takes its value from `streamlit:setComponentValue`.
    """

    value: Annotated[
        Any,
        "What the component last set (JSON, bytes, or an ArrowTable's three streams); null: "
        "nothing yet.",
    ]
