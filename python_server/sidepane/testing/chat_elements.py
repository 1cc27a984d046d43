"""AppTest wrappers for `st.chat_input`, `st.chat_message` and `st.status`, with the attributes of
Streamlit 1.67's AppTest classes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sidepane.protocol.schema.elements.layout import ChatMessageProps, StatusProps
from sidepane.protocol.schema.elements.widgets import ChatInputProps
from sidepane.testing.element_tree import Block, Widget, register
from sidepane.testing.errors import AppTestError
from sidepane.testing.widget_input_elements import FileUploader

if TYPE_CHECKING:
    from typing_extensions import Self


@register
class ChatInput(Widget[ChatInputProps]):
    """`st.chat_input`: `set_value(text)` (and `upload(...)` with `accept_file`) submits on the
    next `run()`; `.value` is what that run got, and None after the run after it."""

    node_type = "chat_input"
    accessor = "chat_input"

    @property
    def placeholder(self) -> str:
        return self._props["placeholder"]

    @property
    def max_chars(self) -> int | None:
        return self._props.get("max_chars")

    @property
    def value(self) -> Any:
        root = self.root
        if self.id in root._pending_python or self.id in root._pending_wire:
            return super().value
        # A trigger's value is gone once its run ended: the run's frame still carries it.
        spec = root.session.widgets.specs.get(self.id)
        wire = self._props["value"]
        if spec is None or wire is None:
            return None
        return spec.deserialize(wire)

    def upload(
        self, filename: str, content: bytes, mime_type: str = "application/octet-stream"
    ) -> Self:
        """Attach a file to the next submit (`accept_file=True` keeps only the last one)."""
        kind = self._accept_file()
        pending = self.root._pending_wire.get(self.id)
        text = self.root._pending_python.get(self.id)
        files: list[dict[str, Any]] = []
        if isinstance(pending, dict):
            text = pending.get("text", "")
            files = list(pending.get("files", []))
        ref = FileUploader(self.node, self.root)._send(filename, content, mime_type)
        files = [*files, ref] if kind != "single" else [ref]
        return self._set_wire({"text": "" if text is None else str(text), "files": files})

    def clear(self) -> Self:
        """Remove the files attached for the next submit (the text stays)."""
        self._accept_file()
        pending = self.root._pending_wire.get(self.id)
        if isinstance(pending, dict):
            return self._set_wire({**pending, "files": []})
        return self

    def _accept_file(self) -> str:
        kind = self._props.get("accept_file")
        if kind is None:
            key = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(
                f"st.chat_input{key} does not accept files. "
                "Pass accept_file=True, 'multiple', or 'directory'."
            )
        return kind

    def set_value(self, value: Any) -> Self:
        """Submit `value` (text) on the next `run()`; files already attached stay attached."""
        pending = self.root._pending_wire.get(self.id)
        if isinstance(pending, dict) and isinstance(value, str):
            return self._set_wire({**pending, "text": value})
        return super().set_value(value)


@register
class ChatMessage(Block[ChatMessageProps]):
    """`st.chat_message`: `.name`, `.avatar` ("user", "assistant", an emoji, an icon, an image's
    URL or payload hash, or "" for the name's first letter) and its children like any block."""

    node_type = "chat_message"
    accessor = "chat_message"

    @property
    def type(self) -> str:
        return "chat_message"

    @property
    def name(self) -> str:
        return self._props["name"]

    @property
    def avatar(self) -> str:
        image = self._props.get("image")
        if image is not None:
            return image.get("url") or image.get("hash") or ""
        return self._props.get("avatar", "")

    def __repr__(self) -> str:
        return f"ChatMessage(name={self.name!r}, avatar={self.avatar!r})"


_STATE_ICONS = {"running": "spinner", "complete": ":material/check:", "error": ":material/error:"}


@register
class Status(Block[StatusProps]):
    """`st.status`: `.label`, `.state` ("running", "complete", "error"), `.expanded`, `.icon`."""

    node_type = "status"
    accessor = "status"

    @property
    def type(self) -> str:
        return "status"

    @property
    def label(self) -> str:
        return self._props["label"]

    @property
    def state(self) -> str:
        return self._props["state"]

    @property
    def expanded(self) -> bool:
        return self._props["expanded"]

    @property
    def icon(self) -> str:
        return _STATE_ICONS.get(self.state, "")

    def __repr__(self) -> str:
        return f"Status(label={self.label!r}, state={self.state!r}, expanded={self.expanded!r})"
