"""Chat elements: `st.chat_message` (a container with an avatar) and `st.chat_input`.

`st.chat_input` is a trigger widget: the viewer sends the submitted text (with the files and the
recording it takes, see `chat_values.py`), the script gets it for that one run, and None
afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from sidepane.elements.arguments import check_max_upload_size, resolve_callback, value_error
from sidepane.elements.bottom import BOTTOM
from sidepane.elements.chat_values import ChatInputValue, ChatUploads, text_codec
from sidepane.elements.data import send_payloads
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.layout import _check_size as check_size
from sidepane.elements.media import image_entry
from sidepane.elements.status import is_emoji, validate_material_icon
from sidepane.elements.widgets.file_uploader import default_max_mb, normalize_types
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.schema.elements.layout import ChatMessageProps
from sidepane.protocol.schema.elements.widgets import ChatInputFields
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import get_run_context
from sidepane.runtime.widgets import MISSING

if TYPE_CHECKING:
    from typing_extensions import Self

    from sidepane.protocol.columns import Payload

AcceptFile = bool | Literal["multiple", "directory"]
_PRESETS = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}
_ACCEPT_FILE: dict[object, Literal["single", "multiple", "directory"]] = {
    True: "single",
    "multiple": "multiple",
    "directory": "directory",
}
_SUBMIT_MODES = ("submit", "disable", "stop")
_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)


def _avatar(name: str, avatar: Any) -> tuple[ChatMessageProps, list[Payload]]:
    """The message's props with its avatar (and an image's payload), chosen as Streamlit 1.67
    chooses them."""
    if avatar is None and (name.lower() in _PRESETS or is_emoji(name)):
        avatar = name.lower()
    if avatar is None:
        return {"name": name, "avatar_type": "icon"}, []
    if isinstance(avatar, str) and avatar in _PRESETS:
        return {"name": name, "avatar_type": "icon", "avatar": _PRESETS[avatar]}, []
    if isinstance(avatar, str) and is_emoji(avatar):
        return {"name": name, "avatar_type": "emoji", "avatar": avatar}, []
    if isinstance(avatar, str) and avatar.startswith(":material"):
        return {"name": name, "avatar_type": "icon", "avatar": validate_material_icon(avatar)}, []
    try:
        entry, payloads = image_entry(avatar, None, "content", False, "RGB", "auto")
    except Exception as exc:
        raise SidepaneAPIException("Failed to load the provided avatar value as an image.") from exc
    return {"name": name, "avatar_type": "image", "image": entry}, payloads


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
        block = self._block("chat_message", as_props(props))
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
        `st.file_uploader`. With `accept_audio=True` a microphone button records a message:
        `.audio` is the recording, a WAV `UploadedFile` at `audio_sample_rate` Hz (None: the
        browser's rate). Setting `st.session_state[key]` puts that text in the box.
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
        check_max_upload_size(max_upload_size)
        if audio_sample_rate is not None and audio_sample_rate not in _SAMPLE_RATES:
            raise value_error("audio_sample_rate", [*map(str, _SAMPLE_RATES), "None"])
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
        props: ChatInputFields = {"placeholder": str(placeholder)}
        if max_chars is not None:
            props["max_chars"] = max_chars
        if submit_mode != "submit":
            props["submit_mode"] = submit_mode
        if isinstance(width, int):
            props["width"] = width
        if height != "content":
            props["height"] = height
        deserialize: Callable[[Any], Any]
        serialize: Callable[[Any], Any]
        deserialize, serialize = text_codec(max_chars)
        if accept_file or accept_audio:
            allowed = normalize_types(file_type) if file_type else None
            max_mb = default_max_mb() if max_upload_size is None else max_upload_size
            ctx = get_run_context()
            target = ChatUploads(
                None if ctx is None else ctx.session.uploads,
                max_chars=max_chars,
                allowed=allowed,
                max_bytes=max_mb * 1024 * 1024,
                files=bool(accept_file),
                audio=accept_audio,
            )
            deserialize, serialize = target, target.serialize
            props["max_mb"] = max_mb
            if accept_file:
                props["accept_file"] = _ACCEPT_FILE[accept_file]
                if allowed:
                    props["accept"] = allowed
            if accept_audio:
                props["accept_audio"] = True
                if audio_sample_rate is not None:
                    props["audio_sample_rate"] = audio_sample_rate
        filled = _take_script_text(key)
        if filled is not None:
            props["fill"] = filled if isinstance(filled, str) else filled.text
        # Pinned: drawn in the bottom root (after what the script put in `st.bottom`).
        where = self._new(BOTTOM, "root", None) if self._pinned() else self
        value = where._widget(
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
        )
        if isinstance(value, ChatInputValue):
            return value.fresh()
        return value

    def _pinned(self) -> bool:
        """Whether a chat_input drawn here goes to the bottom root: it is in the app body
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
