"""The media inputs' props: `st.camera_input` (a JPEG photo) and `st.audio_input` (a WAV
recording). Their value is the file the viewer uploaded (`upload` chunks), as a file uploader's:
one file, or none once the photo is cleared or the recording deleted.
"""

from typing import Annotated

from typing_extensions import NotRequired

from sidepane.protocol.schema.elements.widgets import UploadedFileRef, WidgetFields, WidgetProps
from sidepane.protocol.schema.registry import element


class MediaInputFields(WidgetFields):
    width: NotRequired[Annotated[int, "Pixels; absent: as wide as its container."]]


class CameraInputFields(MediaInputFields):
    resolution_height: NotRequired[
        Annotated[int, "The height to ask the camera for (480, 720, 1080); absent: the preview's."]
    ]


@element("camera_input")
class CameraInputProps(WidgetProps, CameraInputFields):
    value: Annotated[list[UploadedFileRef], "The photo (`image/jpeg`, `*.jpg`), or none."]


class AudioInputFields(MediaInputFields):
    sample_rate: NotRequired[
        Annotated[int, "The WAV's rate in Hz, resampled in the viewer; absent: the browser's."]
    ]


@element("audio_input")
class AudioInputProps(WidgetProps, AudioInputFields):
    value: Annotated[
        list[UploadedFileRef], "The recording (mono 16-bit PCM `audio/wav`, `*.wav`), or none."
    ]
