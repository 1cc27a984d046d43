"""What `st.chat_input` returns, and its wire form.

Text only: the wire value is the text. With `accept_file` or `accept_audio` it is
`{text, files?, audio?}`: files as `st.file_uploader` names them, the recording as one more file
(a WAV), all sent beforehand in `upload` chunks for the chat_input's widget id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

from sidepane.elements.widgets.file_uploader import UploadedFile
from sidepane.errors import InvalidWidgetValue
from sidepane.runtime.uploads import SessionUploads, UploadTarget

WAV_TYPES = frozenset({"audio/wav", "audio/wave", "audio/x-wav"})


class ChatInputValue(MutableMapping[str, Any]):
    """What `st.chat_input(accept_file=..., accept_audio=...)` returns for a submission.

    Read it by attribute or key (`value.text`, `value["files"]`). `text` is "" when only files
    or a recording were sent. `files` (only with `accept_file`) is always a list of
    `UploadedFile`; `audio` (only with `accept_audio`) is the recording as an `UploadedFile`
    (a WAV) or None.
    """

    def __init__(
        self,
        text: str,
        files: list[UploadedFile] | None = None,
        audio: UploadedFile | None = None,
        *,
        include_files: bool = True,
        include_audio: bool = False,
    ) -> None:
        self.text = text
        self._files: list[UploadedFile] = list(files or [])
        self._audio = audio
        self._keys = (
            "text",
            *(["files"] if include_files else []),
            *(["audio"] if include_audio else []),
        )

    @property
    def files(self) -> list[UploadedFile]:
        if "files" not in self._keys:
            raise AttributeError(
                "'ChatInputValue' object has no attribute 'files' (accept_file=False)"
            )
        return self._files

    @files.setter
    def files(self, files: list[UploadedFile]) -> None:
        self._files = list(files)

    @property
    def audio(self) -> UploadedFile | None:
        if "audio" not in self._keys:
            raise AttributeError(
                "'ChatInputValue' object has no attribute 'audio' (accept_audio=False)"
            )
        return self._audio

    @audio.setter
    def audio(self, audio: UploadedFile | None) -> None:
        self._audio = audio

    def to_dict(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in self._keys}

    def __getitem__(self, key: str) -> Any:
        if key not in self._keys:
            raise KeyError(f"Invalid key: {key}")
        return getattr(self, key)

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._keys:
            raise KeyError(f"Invalid key: {key}")
        setattr(self, key, value)

    def __delitem__(self, key: str) -> None:
        raise KeyError(f"{key!r} cannot be removed from a ChatInputValue")

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self.to_dict() == dict(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a dict

    def __repr__(self) -> str:
        fields = ", ".join(f"{key}={value!r}" for key, value in self.to_dict().items())
        return f"ChatInputValue({fields})"

    def fresh(self) -> ChatInputValue:
        """A copy whose files read from their beginning, as each run gets new ones."""
        copy = ChatInputValue(self.text, [f.fresh() for f in self._files])
        copy._audio = self._audio.fresh() if self._audio is not None else None
        copy._keys = self._keys
        return copy


def chat_text(text: Any, max_chars: int | None) -> str:
    if not isinstance(text, str):
        raise InvalidWidgetValue(f"chat text must be a string, got {type(text).__name__}")
    # As Streamlit: a longer text (a viewer that ignores max_chars) is cut, not refused.
    return text[:max_chars] if max_chars else text


def text_codec(max_chars: int | None) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """(deserialize, serialize) of a chat_input that takes text only."""

    def deserialize(wire: Any) -> str | None:
        return None if wire is None else chat_text(wire, max_chars)

    def serialize(value: Any) -> str | None:
        if isinstance(value, ChatInputValue):
            return value.text
        return None if value is None else str(value)

    return deserialize, serialize


def _uploaded(data: bytes, digest: str, name: str, mime: str) -> UploadedFile:
    return UploadedFile(data, file_id=digest, name=name, type=mime)


def _ref(file: Any) -> dict[str, Any] | None:
    if not isinstance(file, UploadedFile):
        return None
    return {"hash": file.file_id, "name": file.name, "type": file.type, "size": file.size}


class ChatUploads(UploadTarget):
    """The deserializer of a chat_input that takes files or a recording: an `UploadTarget`, so
    the session keeps what the viewer uploads for it, as for `st.file_uploader`."""

    def __init__(
        self,
        uploads: SessionUploads | None,
        *,
        max_chars: int | None,
        allowed: list[str] | None,
        max_bytes: int,
        files: bool,
        audio: bool,
    ) -> None:
        super().__init__(uploads, max_bytes=max_bytes, allowed=allowed, make=_uploaded)
        self.max_chars = max_chars
        self.takes_files = files
        # A recording is a WAV file, whatever `file_type` allows for attachments.
        self._recording = (
            UploadTarget(uploads, max_bytes=max_bytes, allowed=[".wav"], make=_uploaded)
            if audio
            else None
        )

    def refusal(self, name: str, size: int) -> str | None:
        if self._recording is not None and name.lower().endswith(".wav"):
            return self._recording.refusal(name, size)
        if not self.takes_files:
            return "This chat input takes recordings, not files."
        return super().refusal(name, size)

    def __call__(self, wire: Any) -> ChatInputValue | None:
        if wire is None:
            return None
        if isinstance(wire, str):
            wire = {"text": wire}
        if not isinstance(wire, dict):
            raise InvalidWidgetValue("a chat_input value is its text or {text, files, audio}")
        files = self.files(wire.get("files")) if self.takes_files else []
        return ChatInputValue(
            chat_text(wire.get("text", ""), self.max_chars),
            files,
            self._audio(wire.get("audio")),
            include_files=self.takes_files,
            include_audio=self._recording is not None,
        )

    def _audio(self, item: Any) -> UploadedFile | None:
        if item is None or self._recording is None:
            return None
        audio: UploadedFile = self._recording.files([item])[0]
        if audio.type not in WAV_TYPES:
            raise InvalidWidgetValue(
                f"Invalid MIME type for audio input: `{audio.type}`. "
                f"Expected one of {sorted(WAV_TYPES)}."
            )
        return audio

    def serialize(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = ChatInputValue(value)
        elif isinstance(value, Mapping) and not isinstance(value, ChatInputValue):
            value = ChatInputValue(
                str(value.get("text", "")), value.get("files"), value.get("audio")
            )
        elif not isinstance(value, ChatInputValue):
            value = ChatInputValue(str(value))
        wire: dict[str, Any] = {"text": value.text}
        if self.takes_files:
            wire["files"] = [ref for ref in map(_ref, value._files) if ref is not None]
        if self._recording is not None:
            wire["audio"] = _ref(value._audio)
        return wire
