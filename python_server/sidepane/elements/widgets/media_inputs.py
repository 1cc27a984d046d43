"""`st.camera_input` and `st.audio_input`: a photo or a recording made in the viewer, sent in
`upload` chunks as a file uploader's file (runtime/uploads.py) and returned as an `UploadedFile`.

The viewer takes the photo (a JPEG, `image.jpg`) or records the sound (a mono 16-bit PCM WAV at
`sample_rate`, `audio.wav`); the widget's wire value names the file: `[{hash, name, type, size}]`,
or `[]` once the photo is cleared or the recording deleted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from sidepane.elements.arguments import OnChange, resolve_callback, value_error
from sidepane.elements.dg_core import DeltaGeneratorCore, LabelVisibility
from sidepane.elements.layout import _check_size as check_size
from sidepane.elements.widgets.file_uploader import (
    UploadedFile,
    _refuse_script_value,
    _UploaderDef,
    default_max_mb,
)
from sidepane.protocol.schema.elements.media_inputs import AudioInputFields, CameraInputFields
from sidepane.runtime.context import get_run_context

CameraResolution = Literal["480p", "720p", "1080p"]
_RESOLUTION_HEIGHTS: dict[str, int] = {"480p": 480, "720p": 720, "1080p": 1080}
SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)


class MediaInputMixin(DeltaGeneratorCore):
    def camera_input(
        self,
        label: str,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        disabled: bool = False,
        label_visibility: LabelVisibility = "visible",
        resolution: CameraResolution | None = None,
        width: int | Literal["stretch"] = "stretch",
    ) -> UploadedFile | None:
        """Display a widget that takes a picture with the user's webcam; return it or None.

        ```python
        picture = st.camera_input("Take a picture")
        if picture:
            st.image(picture)
        ```
        The photo is an `UploadedFile` (a `BytesIO`) holding a JPEG named `image.jpg`; it is
        None until one is taken and again after "Clear photo". `resolution` ("480p", "720p",
        "1080p") asks the camera for that height (the browser picks the closest it has); None
        captures at the size the preview shows. `on_change` runs (with `args`/`kwargs`) when a
        photo is taken or cleared ("ignore": keep it without a rerun). `width` is "stretch" or
        pixels. The value can be read in `st.session_state[key]` but not set there.
        """
        if resolution is not None and resolution not in _RESOLUTION_HEIGHTS:
            raise value_error("resolution", ["'480p'", "'720p'", "'1080p'", "None"])
        fields: CameraInputFields = {}
        if resolution is not None:
            fields["resolution_height"] = _RESOLUTION_HEIGHTS[resolution]
        return self._media_input(
            "camera_input", label, ".jpg", fields,
            identity={"help": help, "width": width, "resolution": resolution},
            key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
            disabled=disabled, label_visibility=label_visibility, width=width,
        )  # fmt: skip

    def audio_input(
        self,
        label: str,
        *,
        sample_rate: int | None = 16000,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibility = "visible",
        width: int | Literal["stretch"] = "stretch",
    ) -> UploadedFile | None:
        """Display a widget that records audio with the user's microphone; return it or None.

        ```python
        audio = st.audio_input("Record a voice message")
        if audio:
            st.audio(audio)
        ```
        The recording is an `UploadedFile` (a `BytesIO`) holding a mono 16-bit PCM WAV named
        `audio.wav` at `sample_rate` Hz (8000, 11025, 16000 (default), 22050, 24000, 32000,
        44100 or 48000; None: the browser's own rate). It is None until something is recorded
        and again once the recording is deleted. `on_change` runs (with `args`/`kwargs`) when a
        recording is made or deleted ("ignore": keep it without a rerun). `width` is
        "stretch" or pixels. The value can be read in `st.session_state[key]` but not set there.
        """
        if sample_rate is not None and sample_rate not in SAMPLE_RATES:
            raise value_error("sample_rate", [*map(str, SAMPLE_RATES), "None"])
        fields: AudioInputFields = {}
        if sample_rate is not None:
            fields["sample_rate"] = sample_rate
        return self._media_input(
            "audio_input", label, ".wav", fields,
            identity={"help": help, "width": width, "sample_rate": sample_rate},
            key=key, help=help if label else None, on_change=on_change, args=args,
            kwargs=kwargs, disabled=disabled, label_visibility=label_visibility, width=width,
        )  # fmt: skip

    def _media_input(
        self,
        kind: Literal["camera_input", "audio_input"],
        label: str,
        extension: str,
        fields: CameraInputFields | AudioInputFields,
        *,
        identity: Mapping[str, object],
        key: str | int | None,
        help: str | None,
        on_change: OnChange,
        args: tuple[Any, ...] | list[Any] | None,
        kwargs: Mapping[str, Any] | None,
        disabled: bool,
        label_visibility: LabelVisibility,
        width: object,
    ) -> UploadedFile | None:
        """A widget whose value is one file the viewer made and uploaded (`extension` only)."""
        label = "" if label is None else str(label)
        cb, ignore = resolve_callback(on_change)
        check_size("width", width, False)
        if isinstance(width, int):
            fields["width"] = width
        if ignore:
            fields["ignore_rerun"] = True
        ctx = get_run_context()
        uploads = None if ctx is None else ctx.session.uploads
        spec = _UploaderDef(uploads, [extension], False, default_max_mb() * 1024 * 1024)
        if ctx is not None and key is not None:
            _refuse_script_value(ctx, str(key))
        value = self._widget(
            kind,
            label=label,
            key=key,
            identity=identity,
            key_identity=True,
            props=fields,
            default=None,
            deserialize=spec,
            serialize=spec.serialize,
            on_change=cb,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )
        # Each run reads the file from its beginning, as each Streamlit run gets a new one.
        return value.fresh() if isinstance(value, UploadedFile) else None
