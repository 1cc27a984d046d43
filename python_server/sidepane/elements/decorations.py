"""Decorations: balloons and snow, badges, space and loading skeletons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.status import validate_icon
from sidepane.elements.text import add_text_layout
from sidepane.errors import StreamlitAPIException
from sidepane.protocol.schema.elements.decorations import (
    CelebrationProps,
    SkeletonProps,
    SpaceName,
    SpaceProps,
)
from sidepane.protocol.schema.elements.text import MarkdownProps
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import get_run_context

if TYPE_CHECKING:
    from typing_extensions import Self

    from sidepane.elements.skeleton import SkeletonPlaceholder

BadgeColor = Literal[
    "red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary"
]

_SPACE_NAMES: tuple[SpaceName, ...] = (
    "stretch",
    "xxsmall",
    "xsmall",
    "small",
    "medium",
    "large",
    "xlarge",
    "xxlarge",
)


class DecorationMixin(DeltaGeneratorCore):
    def _celebrate(self, type_: Literal["balloons", "snow"]) -> Self:
        ctx = get_run_context()
        # The run number makes the props new in each run that calls it, so each one plays it.
        props: CelebrationProps = {"run": ctx.run if ctx is not None else 0}
        return self._enqueue(type_, as_props(props))

    def balloons(self) -> Self:
        """Draw celebratory balloons, floating up over the whole app.

        ```python
        st.balloons()
        ```
        They play once each run that calls `st.balloons()`; a viewer that asks for reduced
        motion gets a brief, still version.
        """
        return self._celebrate("balloons")

    def snow(self) -> Self:
        """Draw celebratory snowfall over the whole app.

        ```python
        st.snow()
        ```
        It plays once each run that calls `st.snow()`; a viewer that asks for reduced motion
        gets a brief, still version.
        """
        return self._celebrate("snow")

    def badge(
        self,
        label: str,
        *,
        icon: str | None = None,
        color: BadgeColor = "blue",
        width: int | Literal["content", "stretch"] = "content",
        help: str | None = None,
    ) -> Self:
        """Display a small coloured badge with a label and an optional icon.

        `st.badge("Home", color="blue")` is the same as `st.markdown(":blue-badge[Home]")`; use
        that Markdown directive to put several badges side by side.

        Parameters: `label` (may hold bold, italics, strikethrough and inline code; square
        brackets are shown as they are), `icon` (one emoji or `":material/name:"`), `color`
        (red, orange, yellow, blue, green, violet, gray/grey or primary), `width` ("content",
        "stretch" or pixels) and `help` (a tooltip).
        """
        shown_icon = validate_icon(icon)
        icon_text = f"{shown_icon} " if shown_icon else ""
        # Escaped, so brackets in the label cannot end the directive early.
        escaped = str(label).replace("[", "\\[").replace("]", "\\]")
        props: MarkdownProps = {"body": f":{color}-badge[{icon_text}{escaped}]"}
        if help is not None:
            props["help"] = str(help)
        add_text_layout(props, width, "left", True, "stretch")
        return self._enqueue("markdown", as_props(props))

    def space(self, size: SpaceName | int = "small") -> Self:
        """Add space in the direction of the container: vertical space in a column of elements,
        horizontal space in a horizontal container.

        `size` is "xxsmall" (0.25rem), "xsmall" (0.5rem), "small" (0.75rem, a widget label's
        height: the default), "medium" (2.5rem, a button's height), "large" (4.25rem, a labelled
        input's height), "xlarge" (6rem), "xxlarge" (8rem), "stretch" (all the room left in the
        container) or a number of pixels.

        ```python
        with st.container(horizontal=True):
            st.button("Left")
            st.space("stretch")
            st.button("Right")
        ```
        """
        valid = (isinstance(size, str) and size in _SPACE_NAMES) or (
            isinstance(size, int) and size > 0
        )
        if not valid:
            shown = ", ".join([*(f"'{name}'" for name in _SPACE_NAMES), "a positive integer"])
            raise StreamlitAPIException(
                f"Invalid `size` value. Supported values: {shown}. Got {size!r}."
            )
        props: SpaceProps = {"size": size if isinstance(size, str) else int(size)}
        return self._enqueue("space", as_props(props))

    def skeleton(
        self, height: int | Literal["stretch"] | None = None, *, width: int | str = "stretch"
    ) -> SkeletonPlaceholder:
        """Display a skeleton: an animated placeholder showing that content is loading.

        As a context manager (recommended), the skeleton shows while the `with` block runs (after
        0.5 s, so quick blocks never flash) and clears when it ends, even by an exception; what
        the block draws goes to the enclosing container, below it:

        ```python
        with st.skeleton(height=100):
            data = load()
        st.dataframe(data)
        ```

        Standalone, it shows at once and works like `st.empty()`: an element call on it replaces
        it (`placeholder = st.skeleton(200)` then `placeholder.dataframe(df)`).

        `height` is None (an input widget's height), pixels or "stretch" (the height of a parent
        with a fixed height); `width` is "stretch" (the container's width) or pixels.
        """
        from sidepane.elements.skeleton import SkeletonPlaceholder

        props: SkeletonProps = {}
        if height is not None:
            props["height"] = _skeleton_size("height", height)
        if width != "stretch":
            props["width"] = _skeleton_size("width", width)  # type: ignore[typeddict-item]
        handle = self._enqueue("skeleton", as_props(props))
        return SkeletonPlaceholder.take_over(handle, props)


def _skeleton_size(
    parameter: Literal["height", "width"], value: object
) -> int | Literal["stretch"]:
    """A skeleton's `height` or `width`: positive pixels or "stretch", else Streamlit's error."""
    if isinstance(value, int) and value > 0:
        return int(value)
    if value == "stretch":
        return "stretch"
    raise StreamlitAPIException(
        f"Invalid {parameter} value: {value!r}. {parameter.capitalize()} must be either a "
        "positive integer (pixels) or 'stretch'."
    )
