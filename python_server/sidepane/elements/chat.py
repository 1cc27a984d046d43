"""Chat elements: `st.chat_message` (a container with an avatar) and `st.chat_input`.

`st.chat_input` is a trigger widget: the viewer sends the submitted text (and with `accept_file`
the files, sent beforehand in `upload` frames as for `st.file_uploader`), the script gets it for
that one run, and None afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from sidepane.elements.arguments import resolve_callback, value_error
from sidepane.elements.data import send_payloads
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.layout import _check_size as check_size
from sidepane.elements.media import image_entry
from sidepane.elements.status import is_emoji, validate_material_icon
from sidepane.elements.widgets.file_uploader import (
    DEFAULT_MAX_MB,
    UploadedFile,
    normalize_types,
)
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.runtime.context import get_run_context
from sidepane.runtime.uploads import SessionUploads, UploadTarget
from sidepane.runtime.widgets import MISSING

if TYPE_CHECKING:
    from typing_extensions import Self

    from sidepane.protocol.columns import Payload

AcceptFile = bool | Literal["multiple", "directory"]
_PRESETS = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}
_ACCEPT_FILE = {True: "single", "multiple": "multiple", "directory": "directory"}
_SUBMIT_MODES = ("submit", "disable", "stop")


class ChatInputValue(MutableMapping[str, Any]):
    """What `st.chat_input(accept_file=...)` returns: the submitted `text` and `files`.

    Read it by attribute or key (`value.text`, `value["files"]`); `files` is always a list of
    `UploadedFile`, empty when only text was sent, and `text` is "" when only files were.
    """

    def __init__(self, text: str, files: list[UploadedFile] | None = None) -> None:
        self.text = text
        self.files: list[UploadedFile] = list(files or [])

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "files": self.files}

    def __getitem__(self, key: str) -> Any:
        if key not in ("text", "files"):
            raise KeyError(f"Invalid key: {key}")
        return getattr(self, key)

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in ("text", "files"):
            raise KeyError(f"Invalid key: {key}")
        setattr(self, key, value)

    def __delitem__(self, key: str) -> None:
        raise KeyError(f"{key!r} cannot be removed from a ChatInputValue")

    def __iter__(self) -> Iterator[str]:
        return iter(("text", "files"))

    def __len__(self) -> int:
        return 2

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ChatInputValue):
            return self.text == other.text and self.files == other.files
        if isinstance(other, Mapping):
            return self.to_dict() == dict(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a dict

    def __repr__(self) -> str:
        return f"ChatInputValue(text={self.text!r}, files={self.files!r})"


def _text(text: Any, max_chars: int | None) -> str:
    if not isinstance(text, str):
        raise InvalidWidgetValue(f"chat text must be a string, got {type(text).__name__}")
    # As Streamlit: a longer text (a viewer that ignores max_chars) is cut, not refused.
    return text[:max_chars] if max_chars else text


def _text_codec(max_chars: int | None) -> Callable[[Any], str | None]:
    def deserialize(wire: Any) -> str | None:
        return None if wire is None else _text(wire, max_chars)

    return deserialize


def _text_wire(value: Any) -> str | None:
    if isinstance(value, ChatInputValue):
        return value.text
    return None if value is None else str(value)


def _uploaded(data: bytes, digest: str, name: str, mime: str) -> UploadedFile:
    return UploadedFile(data, file_id=digest, name=name, type=mime)


class _ChatFiles(UploadTarget):
    """A chat_input that takes files: its wire value is `{text, files}`, and the session keeps
    the files the viewer uploads for it (as an `UploadTarget`, like `st.file_uploader`)."""

    def __init__(
        self,
        uploads: SessionUploads | None,
        max_chars: int | None,
        allowed: list[str] | None,
        max_bytes: int,
    ) -> None:
        super().__init__(uploads, max_bytes=max_bytes, allowed=allowed, make=_uploaded)
        self.max_chars = max_chars

    def __call__(self, wire: Any) -> ChatInputValue | None:
        if wire is None:
            return None
        if isinstance(wire, str):
            return ChatInputValue(_text(wire, self.max_chars))
        if not isinstance(wire, dict):
            raise InvalidWidgetValue("a chat_input value with files is {text, files}")
        return ChatInputValue(
            _text(wire.get("text", ""), self.max_chars), self.files(wire.get("files"))
        )

    @staticmethod
    def serialize(value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = ChatInputValue(value)
        elif isinstance(value, Mapping) and not isinstance(value, ChatInputValue):
            value = ChatInputValue(str(value.get("text", "")), value.get("files"))
        elif not isinstance(value, ChatInputValue):
            value = ChatInputValue(str(value))
        files = [
            {"hash": f.file_id, "name": f.name, "type": f.type, "size": f.size}
            for f in value.files
            if isinstance(f, UploadedFile)
        ]
        return {"text": value.text, "files": files}


def _avatar(name: str, avatar: Any) -> tuple[dict[str, Any], list[Payload]]:
    """The avatar props (and an image's payload), chosen as Streamlit 1.67 chooses them."""
    if avatar is None and (name.lower() in _PRESETS or is_emoji(name)):
        avatar = name.lower()
    if avatar is None:
        return {"avatar_type": "icon"}, []
    if isinstance(avatar, str) and avatar in _PRESETS:
        return {"avatar_type": "icon", "avatar": _PRESETS[avatar]}, []
    if isinstance(avatar, str) and is_emoji(avatar):
        return {"avatar_type": "emoji", "avatar": avatar}, []
    if isinstance(avatar, str) and avatar.startswith(":material"):
        return {"avatar_type": "icon", "avatar": validate_material_icon(avatar)}, []
    try:
        entry, payloads = image_entry(avatar, None, "content", False, "RGB", "auto")
    except Exception as exc:
        raise SidepaneAPIException("Failed to load the provided avatar value as an image.") from exc
    return {"avatar_type": "image", "image": entry}, payloads


class ChatMixin(DeltaGeneratorCore):
    def chat_message(
        self,
        name: str,
        *,
        avatar: Any = None,
        width: int | Literal["stretch", "content"] = "stretch",
    ) -> Self:
        """Insert a chat message container: write into it with `with` or its methods.

        ```python
        with st.chat_message("user"):
            st.write("Hello 👋")
        st.chat_message("assistant").write("Hi, human")
        ```
        `name` "user"/"human" and "assistant"/"ai" get their own icons; any other name shows
        its first letter. `avatar` is an emoji, a `":material/name:"` icon, or an image in any
        form `st.image` takes (path, URL, bytes, PIL image, NumPy array).
        """
        if name is None:
            raise SidepaneAPIException("The `name` parameter is required.")
        name = str(name)
        props, payloads = _avatar(name, avatar)
        check_size("width", width, True)
        if width != "stretch":
            props["width"] = width
        block = self._block("chat_message", {"name": name, **props})
        send_payloads(payloads, "media")
        return block

    def chat_input(
        self,
        placeholder: str = "Your message",
        *,
        key: str | int | None = None,
        max_chars: int | None = None,
        max_upload_size: int | None = None,
        accept_file: AcceptFile = False,
        file_type: str | Sequence[str] | None = None,
        accept_audio: bool = False,
        audio_sample_rate: int | None = 16000,
        disabled: bool = False,
        submit_mode: Literal["submit", "disable", "stop"] = "submit",
        on_submit: Any = None,
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        width: int | Literal["stretch"] = "stretch",
        height: int | Literal["content", "stretch"] = "content",
    ) -> Any:
        """Display a chat input box; return the message just submitted, else None.

        ```python
        if prompt := st.chat_input("Say something"):
            st.chat_message("user").write(prompt)
        ```
        Called in the app body it is pinned to the bottom of the page; inside a container,
        column or the sidebar it is drawn in place. Enter sends (Shift+Enter starts a new
        line) and the box clears; the text is returned for that one run only. `on_submit`
        runs before the script when a message is sent. With `accept_file` (True, "multiple"
        or "directory") files can be attached, and it returns a `ChatInputValue` with `.text`
        and `.files` (a list of `UploadedFile`); `file_type` limits them as in
        `st.file_uploader`. Setting `st.session_state[key]` puts that text in the box.
        """
        cb, _ = resolve_callback(on_submit, supported=(), param="on_submit")
        if accept_file not in (True, False, "multiple", "directory"):
            raise value_error(
                "accept_file",
                ["True", "False", "'multiple'", "'directory'"],
                f"Got {accept_file!r}.",
            )
        if submit_mode not in _SUBMIT_MODES:
            raise value_error("submit_mode", [f"'{m}'" for m in _SUBMIT_MODES])
        if max_upload_size is not None and (
            isinstance(max_upload_size, bool)
            or not isinstance(max_upload_size, int)
            or max_upload_size < 1
        ):
            raise value_error(
                "max_upload_size",
                ["a positive integer"],
                "Set it to None to fall back to the `server.maxUploadSize` configuration option.",
            )
        if accept_audio:
            raise SidepaneAPIException(
                "`accept_audio=True` is not supported by Sidepane yet: `st.chat_input` takes "
                "text and files. Use `st.audio_input` or a file with `accept_file=True`."
            )
        check_size("width", width, False)
        check_size("height", height, True)
        if self._current_form_id() is not None:
            raise SidepaneAPIException("`st.chat_input()` can't be used in a `st.form()`.")
        identity = {
            "placeholder": placeholder,
            "max_chars": max_chars,
            "max_upload_size": max_upload_size,
            "accept_file": accept_file,
            "file_type": file_type,
            "accept_audio": accept_audio,
            "audio_sample_rate": audio_sample_rate,
            "submit_mode": submit_mode,
            "width": width,
            "height": height,
        }
        props: dict[str, Any] = {"placeholder": str(placeholder)}
        if max_chars is not None:
            props["max_chars"] = max_chars
        if self._pinned():
            props["bottom"] = True
        if submit_mode != "submit":
            props["submit_mode"] = submit_mode
        if isinstance(width, int):
            props["width"] = width
        if height != "content":
            props["height"] = height
        deserialize: Callable[[Any], Any] = _text_codec(max_chars)
        serialize: Callable[[Any], Any] = _text_wire
        if accept_file:
            allowed = normalize_types(file_type) if file_type else None
            max_mb = DEFAULT_MAX_MB if max_upload_size is None else max_upload_size
            ctx = get_run_context()
            uploads = None if ctx is None else ctx.session.uploads
            deserialize = _ChatFiles(uploads, max_chars, allowed, max_mb * 1024 * 1024)
            serialize = _ChatFiles.serialize
            props["accept_file"] = _ACCEPT_FILE[accept_file]
            props["max_mb"] = max_mb
            if allowed:
                props["accept"] = allowed
        filled = _take_script_text(key)
        if filled is not None:
            props["fill"] = filled if isinstance(filled, str) else filled.text
        value = self._widget(
            "chat_input",
            label="",
            key=key,
            identity=identity,
            key_identity=frozenset({"accept_file", "file_type", "max_chars", "max_upload_size"}),
            props=props,
            default=None,
            deserialize=deserialize,
            serialize=serialize,
            on_change=cb,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility="visible",
            help=None,
            trigger=True,
        )
        if isinstance(value, ChatInputValue):
            return ChatInputValue(value.text, [f.fresh() for f in value.files])
        return value

    def _pinned(self) -> bool:
        """Whether a chat_input drawn here goes to the bottom of the page: it is in the app body
        itself, not in any block (as Streamlit decides)."""
        ctx = get_run_context()
        target = self._active(ctx) if ctx is not None else self
        return target._path[0] == "main" and len(target._path) <= 2 and target._kind != "block"


def _take_script_text(key: str | int | None) -> str | ChatInputValue | None:
    """Text the script put in `st.session_state[key]` for the box: taken (the widget returns
    None this run and the state goes back to None), as Streamlit does."""
    ctx = get_run_context()
    if ctx is None or key is None:
        return None
    k = str(key)
    state = ctx.session.session_state
    widgets = ctx.session.widgets
    text: Any = MISSING
    if k in state.user:
        text = state.user.pop(k)
    else:
        wid = widgets.key_to_id.get(k)
        if wid is not None and wid in widgets.script_set:
            text = widgets.values.pop(wid, MISSING)
            widgets.script_set.discard(wid)
    if text is MISSING or text is None:
        return None
    if isinstance(text, ChatInputValue):
        return text
    return str(text)
