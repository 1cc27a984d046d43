"""`st.pydeck_chart` and `st.map`'s props: a deck.gl chart as pydeck's JSON, drawn by deck.gl."""

from typing import Annotated, Any, Literal

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.registry import element

DeckSelectionMode = Literal["single-object", "multi-object"]


class DeckSelection(TypedDict):
    indices: Annotated[dict[str, list[int]], "Each layer id's selected object indices."]
    objects: Annotated[
        dict[str, list[dict[str, Any]]], "Each layer id's selected objects (their data rows)."
    ]


class DeckEvent(TypedDict):
    """A selectable deck.gl chart's wire value (also sent back in `widget_value`)."""

    selection: DeckSelection


@element("deck_gl_json_chart")
class DeckGlJsonChartProps(TypedDict):
    """`st.pydeck_chart` and `st.map`. With `selection_mode` the chart is a widget: it then
    carries the widget keys (`id`, `label`, `value`, …)."""

    spec: Annotated[
        str,
        "The deck as pydeck's JSON text (`initialViewState`, `layers` with `@@type`, "
        "`mapStyle`…), read by deck.gl's JSONConverter. `st.map`'s colour `\"primary\"` is the "
        "theme's primary colour.",
    ]
    tooltip: NotRequired[
        Annotated[str, "pydeck's `tooltip` as JSON: `html` or `text` with `{field}` templates."]
    ]
    mapbox_token: NotRequired[str]
    width: NotRequired[Annotated[int, "Pixels (at most the container's); absent: stretch."]]
    height: Annotated[int | Literal["stretch"], "Pixels (500 by default), or stretch."]
    alt: NotRequired[Annotated[str, "The chart's accessible name."]]
    data_errors: NotRequired[
        Annotated[
            list[str],
            "Layers' data URLs the runtime could not download (their data is empty): shown "
            "in the chart.",
        ]
    ]
    selection_mode: NotRequired[DeckSelectionMode]
    id: NotRequired[str]
    label: NotRequired[Literal[""]]
    value: NotRequired[DeckEvent]
    key: NotRequired[str]
    form: NotRequired[str]
