"""AppTest wrappers for `st.camera_input` and `st.audio_input`: one file each, staged with
`set_value((filename, content, mime_type))` / `upload(...)` and removed with `clear()`, checked
as Streamlit's AppTest checks it (the file a browser would make, nothing else)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from sidepane.protocol.schema.elements.media_inputs import AudioInputProps, CameraInputProps
from sidepane.testing.element_tree import Widget, register
from sidepane.testing.errors import AppTestError
from sidepane.testing.widget_input_elements import FileUploader

if TYPE_CHECKING:
    from typing_extensions import Self

P = TypeVar("P", CameraInputProps, AudioInputProps)


class _OneFile(Widget[P], Generic[P]):
    """A widget whose value is one file of one kind: `extension` and `mime` (the browser's)."""

    extension: ClassVar[str]
    mime: ClassVar[str]
    # How Streamlit's AppTest words what the widget makes: "captures one photo".
    makes: ClassVar[str]
    what: ClassVar[str]

    def set_value(self, file: Any) -> Self:
        """Set the file, `(filename, content, mime_type)`, or None to clear it."""
        self._assert_can_interact()
        if file is None:
            return self._set_wire([])
        name, content, mime = self._parse(file)
        return self._set_wire([FileUploader(self.node, self.root)._send(name, content, mime)])

    def upload(self, filename: str, content: bytes, mime_type: str | None = None) -> Self:
        """Stage one file, replacing any staged before."""
        return self.set_value((filename, content, self.mime if mime_type is None else mime_type))

    def clear(self) -> Self:
        """Remove the file: the widget returns None on the next run."""
        return self.set_value(None)

    def _parse(self, file: object) -> tuple[str, bytes, str]:
        cmd = f"st.{self.node_type}"
        if (
            isinstance(file, tuple)
            and len(file) == 3
            and isinstance(file[0], str)
            and isinstance(file[1], bytes | bytearray)
            and isinstance(file[2], str)
        ):
            name, content, mime = file
            if not name.lower().endswith(self.extension):
                raise AppTestError(
                    f"{cmd} only {self.makes.split()[0]} {self.extension} files. "
                    f"Got filename {name!r}."
                )
            if mime.lower() != self.mime:
                raise AppTestError(f"{cmd} {self.what}s use MIME type {self.mime!r}. Got {mime!r}.")
            return name, bytes(content), self.mime
        if isinstance(file, list):
            raise AppTestError(f"{cmd} {self.makes}. A list is not accepted.")
        raise AppTestError(
            f"{cmd} {self.makes}. Pass one (filename, content, mime_type) tuple whose content "
            f"is bytes, or None to clear. Got {type(file).__name__}."
        )


@register
class CameraInput(_OneFile[CameraInputProps]):
    """`st.camera_input`: `.value` (an `UploadedFile` or None), `.resolution`;
    `set_value(("shot.jpg", jpeg_bytes, "image/jpeg"))`, `upload(...)`, `clear()`."""

    node_type = "camera_input"
    accessor = "camera_input"
    extension = ".jpg"
    mime = "image/jpeg"
    makes = "captures one photo"
    what = "photo"

    @property
    def resolution(self) -> str | None:
        """ "480p", "720p", "1080p", or None when the script named none."""
        height = self._props.get("resolution_height")
        return None if height is None else f"{height}p"


@register
class AudioInput(_OneFile[AudioInputProps]):
    """`st.audio_input`: `.value` (an `UploadedFile` or None), `.sample_rate`;
    `set_value(("clip.wav", wav_bytes, "audio/wav"))`, `upload(...)`, `clear()`."""

    node_type = "audio_input"
    accessor = "audio_input"
    extension = ".wav"
    mime = "audio/wav"
    makes = "records one recording"
    what = "recording"

    @property
    def sample_rate(self) -> int | None:
        """The rate the script asked for; None: the browser's."""
        return self._props.get("sample_rate")
