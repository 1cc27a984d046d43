"""`st.popover`: a button that opens a floating panel holding elements.

Its content runs on every run, open or not, as in Streamlit; with `on_change` set, whether it is
open is a widget (opening or closing reruns, `.open` reads it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from sidepane.elements.arguments import callback, value_error
from sidepane.elements.container_types import (
    OnChange,
    PopoverContainer,
    check_on_change,
    open_state,
    register_key,
    specialize,
    tracks_state,
)
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.layout import _check_size
from sidepane.elements.status import validate_icon
from sidepane.errors import StreamlitAPIException
from sidepane.protocol.schema.elements.layout import PopoverProps
from sidepane.protocol.schema.registry import as_props

_TYPES = ("primary", "secondary", "tertiary")


class PopoverMixin(DeltaGeneratorCore):
    def popover(
        self,
        label: str,
        *,
        type: Literal["primary", "secondary", "tertiary"] = "secondary",
        help: str | None = None,
        icon: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: int | Literal["stretch", "content"] = "content",
        wrap: bool | None = None,
        key: str | int | None = None,
        on_change: OnChange = "ignore",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> PopoverContainer:
        """Insert a button that opens a floating panel; returns the panel, a container.

        ```python
        with st.popover("Settings"):
            name = st.text_input("Your name")
        st.write("Hello", name)
        ```
        A click outside the panel or Escape closes it. Its content runs on every run, open or
        not. `label` is Markdown; `type` ("primary", "secondary", "tertiary"), `icon`, `help`
        and `disabled` style the button; `width` is "content" (default), "stretch" or pixels
        (`use_container_width=True` is "stretch"); `wrap` lets a long label wrap (True) or
        truncates it (False). With `on_change="rerun"` (or a callback) opening and closing it
        reruns the script, `.open` says whether it is open and `st.session_state[key]` holds
        it; otherwise `.open` is None.
        """
        if label is None:
            raise StreamlitAPIException("The `label` parameter is required.")
        if use_container_width is not None:
            width = "stretch" if use_container_width else "content"
        if type not in _TYPES:
            raise value_error("type", [f"'{t}'" for t in _TYPES])
        check_on_change(on_change)
        stateful = tracks_state(on_change)
        spec, current = None, False
        if stateful:
            identity = {
                "label": label,
                "type": type,
                "help": help,
                "icon": icon,
                "disabled": disabled,
                "width": width,
            }
            spec, current = self._register_block_widget(
                "popover",
                key=key,
                identity=identity,
                default=False,
                deserialize=open_state,
                on_change=callback(on_change),
                args=args,
                kwargs=kwargs,
                disabled=disabled,
            )
        elif key is not None:
            register_key("popover", str(key))
        props: PopoverProps = {"label": str(label)}
        if type != "secondary":
            props["kind"] = type
        if help:
            props["help"] = str(help)
        if icon is not None:
            shown_icon = validate_icon(icon)
            if shown_icon:
                props["icon"] = shown_icon
        if disabled:
            props["disabled"] = True
        _check_size("width", width, True)
        if width != "content":
            props["width"] = width
        if wrap is not None:
            props["wrap"] = bool(wrap)
        if key is not None:
            props["key"] = str(key)
        if spec is not None:
            props["id"] = spec.id
            props["value"] = bool(current)
        block = self._block("popover", as_props(props), widget=spec)
        container = specialize(block, PopoverContainer)
        if stateful:
            container.open = bool(current)
        return container
