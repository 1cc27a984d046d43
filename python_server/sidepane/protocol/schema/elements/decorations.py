"""The decorations' props: balloons and snow (one-shot animations over the page), `st.space` and
`st.skeleton`. `st.badge` is not here: it is Markdown (`:color-badge[label]`, see `markdown`)."""

from typing import Annotated, Literal

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.registry import element

Pixels = Annotated[int, "Pixels."]

SpaceName = Literal["xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge", "stretch"]


@element("balloons", "snow")
class CelebrationProps(TypedDict):
    """`st.balloons` / `st.snow`: drawn over the whole page, taking no room in the layout."""

    run: Annotated[
        int,
        "The run that called it: the animation plays once per run that calls it (a new run "
        "number changes the props, so each such run resends them).",
    ]


@element("space")
class SpaceProps(TypedDict):
    """`st.space`: room along its container's direction (height in a column of elements, width
    in a horizontal container)."""

    size: Annotated[
        SpaceName | Pixels,
        "xxsmall 0.25rem, xsmall 0.5rem, small 0.75rem, medium 2.5rem, large 4.25rem, "
        "xlarge 6rem, xxlarge 8rem; stretch: all the room left.",
    ]


@element("skeleton")
class SkeletonProps(TypedDict):
    """`st.skeleton`: an animated placeholder for content that is loading."""

    height: NotRequired[
        Annotated[Pixels | Literal["stretch"], "Absent: the height of an input widget."]
    ]
    width: NotRequired[Annotated[Pixels, "Absent: stretch."]]
    delayed: NotRequired[
        Annotated[
            Literal[True],
            "Shown only once it has been up for 0.5 s (a `with st.skeleton():` block), so "
            "quick blocks never flash.",
        ]
    ]
