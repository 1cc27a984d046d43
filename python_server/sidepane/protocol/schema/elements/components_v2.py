"""`st.components.v2` props: a component instance, drawn by the viewer in a sandboxed frame that
runs the component's JavaScript (docs/protocol.md, "Components v2")."""

from typing import Annotated, Any, Literal

from typing_extensions import NotRequired

from sidepane.protocol.schema.elements.widgets import WidgetFields, WidgetProps
from sidepane.protocol.schema.registry import element


class BidiComponentFields(WidgetFields):
    name: Annotated[str, "The component's name, as `st.components.v2.component` registered it."]
    events_id: Annotated[
        str,
        "The widget id its trigger values go to (`widget_value` with a list of "
        "`{event, value}`), a one-run trigger of the runtime without a node of its own.",
    ]
    host: Annotated[str, "The frame's page: `component/_html/<host>` on the server."]
    html: NotRequired[Annotated[str, "Inline HTML put in the component's root."]]
    css: NotRequired[Annotated[str, "Inline CSS."]]
    js: NotRequired[Annotated[str, "Inline JavaScript: an ES module whose default export runs."]]
    css_path: NotRequired[
        Annotated[str, "A CSS file of the component's asset folder: `component/<name>/<path>`."]
    ]
    js_path: NotRequired[
        Annotated[str, "An ES module of the component's asset folder: `component/<name>/<path>`."]
    ]
    isolate_styles: NotRequired[Annotated[Literal[False], "Absent: in a shadow root."]]
    data: NotRequired[Annotated[Any, "JSON data (`data=` in Python); absent: null."]]
    data_bytes: NotRequired[Annotated[bytes, "`data=` raw bytes (a Uint8Array in the frame)."]]
    data_arrow: NotRequired[Annotated[bytes, "`data=` a table, as Arrow IPC bytes."]]
    arrow_refs: NotRequired[
        Annotated[
            dict[str, bytes],
            "Tables one level deep in a dict `data`, as Arrow IPC bytes; `data` holds "
            '`{"__streamlit_arrow_ref__": <ref>}` in their place.',
        ]
    ]
    width: NotRequired[Annotated[int | Literal["content"], "Pixels or content; absent: stretch."]]
    height: NotRequired[
        Annotated[int | Literal["stretch"], "Pixels or stretch; absent: its content's height."]
    ]


@element("bidi_component")
class BidiComponentProps(WidgetProps, BidiComponentFields):
    """A `st.components.v2` component instance; its value is the component's state."""

    value: Annotated[
        dict[str, Any], "The state values (`setStateValue`), with the script's defaults."
    ]
