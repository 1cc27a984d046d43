"""Media elements: `st.image`, `st.audio`, `st.video`.

Bytes travel once per viewer as `media` payloads keyed by their xxh3-128 hex digest; props carry
the digest and mimetype. URLs pass through untouched for the viewer to load.
"""

from __future__ import annotations

import io
import mimetypes
import os
import re
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import xxhash

from sidepane.elements.arguments import type_error, value_error
from sidepane.elements.data import resolve_width, send_payloads
from sidepane.elements.deprecation import USE_COLUMN_WIDTH_REMOVED, show_deprecation_warning
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.columns import Payload
from sidepane.protocol.schema.elements.data import ImageItem, ImageProps, PlayerProps
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    from typing_extensions import Self

MAXIMUM_CONTENT_WIDTH = 2 * 730
_URL = re.compile(r"^(https?:|data:)", re.IGNORECASE)


def _is_url(value: str) -> bool:
    return bool(_URL.match(value)) or (value.startswith("/") and not os.path.exists(value))


def _digest(data: bytes) -> str:
    return xxhash.xxh3_128_hexdigest(data)


# ---- images ----


def _image_format(image: Any, requested: str) -> str:
    fmt = requested.upper()
    if fmt in ("JPEG", "PNG"):
        return fmt
    if fmt == "JPG":
        return "JPEG"
    if image.format == "GIF":
        return "GIF"
    if image.mode in ("RGBA", "LA", "P"):
        return "PNG"
    return "JPEG"


def _pil_bytes(image: Any, fmt: str, quality: int = 100) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG" and image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGB")
    image.save(buffer, format=fmt, quality=quality)
    return buffer.getvalue()


def _array_image(array: Any, clamp: bool, channels: str) -> Any:
    import numpy as np
    from PIL import Image

    if array.ndim not in (2, 3):
        raise value_error("image", ["a 2D or 3D NumPy array"])
    if array.ndim == 3 and array.shape[-1] not in (1, 3, 4):
        raise SidepaneAPIException(
            f"Channel can only be 1, 3, or 4 got {array.shape[-1]}. Shape is {array.shape}"
        )
    if array.ndim == 3 and array.shape[-1] == 1:
        array = array[:, :, 0]
    if np.issubdtype(array.dtype, np.floating):
        if clamp:
            array = np.clip(array, 0, 1.0)
        elif array.size and (np.amin(array) < 0.0 or np.amax(array) > 1.0):
            raise SidepaneAPIException("Data is outside [0.0, 1.0] and clamp is not set.")
        array = array * 255
    elif clamp:
        array = np.clip(array, 0, 255)
    elif array.size and (np.amin(array) < 0 or np.amax(array) > 255):
        raise SidepaneAPIException("Data is outside [0, 255] and clamp is not set.")
    if channels == "BGR":
        if array.ndim != 3:
            raise SidepaneAPIException(
                'When using `channels="BGR"`, the input image should have exactly 3 color channels'
            )
        array = array[:, :, [2, 1, 0]]
    return Image.fromarray(array.astype(np.uint8))


def image_entry(
    image: Any,
    caption: str | None,
    width: int | str,
    clamp: bool,
    channels: str,
    output_format: str,
) -> tuple[ImageItem, list[Payload]]:
    """One `images` item (and its media payload) for an image in any form `st.image` takes."""
    from PIL import Image

    if isinstance(image, Path):
        image = str(image)
    if isinstance(image, str):
        if not os.path.isfile(image) and _is_url(image):
            mimetype = mimetypes.guess_type(image)[0] or "image/*"
            return _image_item(caption, mimetype, url=image), []
        stripped = image.lstrip()
        if image.endswith(".svg") and os.path.isfile(image):
            stripped = Path(image).read_text(encoding="utf-8")
        if re.search(r"(^\s?(<\?xml[\s\S]*<svg\s)|^\s?<svg\s|^\s?<svg>\s)", stripped):
            svg = stripped
            if "xmlns" not in svg:
                svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
            data = svg.encode()
            digest = _digest(data)
            return _image_item(caption, "image/svg+xml", hash=digest), [(digest, data)]
        try:
            with open(image, "rb") as f:
                raw: bytes = f.read()
        except OSError as exc:
            raise SidepaneAPIException(
                f"Unable to open image file `{image}`: {exc.strerror or exc}"
            ) from exc
    elif isinstance(image, Image.Image):
        raw = _pil_bytes(image, _image_format(image, output_format))
    elif isinstance(image, io.BytesIO):
        raw = image.getvalue()
    elif isinstance(image, (bytes, bytearray, memoryview)):
        raw = bytes(image)
    elif type(image).__module__ == "numpy" and hasattr(image, "ndim"):
        pil = _array_image(image, clamp, channels)
        raw = _pil_bytes(pil, _image_format(pil, output_format))
    else:
        raise type_error(
            "image",
            type(image).__name__,
            ["PIL image", "numpy array", "bytes", "BytesIO", "str", "Path"],
        )
    try:
        pil_image = Image.open(io.BytesIO(raw))
    except Exception as exc:
        raise SidepaneAPIException(f"Unable to read the image data: {exc}") from exc
    fmt = _image_format(pil_image, output_format)
    target = width if isinstance(width, int) else MAXIMUM_CONTENT_WIDTH
    if pil_image.size[0] > target:
        height = int(1.0 * pil_image.size[1] * target / pil_image.size[0])
        pil_image = pil_image.resize((target, height), resample=Image.Resampling.BILINEAR)
        raw = _pil_bytes(pil_image, fmt, quality=90)
    elif pil_image.format != fmt:
        raw = _pil_bytes(pil_image, fmt, quality=90)
    digest = _digest(raw)
    return _image_item(caption, f"image/{fmt.lower()}", hash=digest), [(digest, raw)]


def _image_item(
    caption: str | None, mimetype: str, *, hash: str | None = None, url: str | None = None
) -> ImageItem:
    item: ImageItem = {"mimetype": mimetype}
    if hash is not None:
        item["hash"] = hash
    if url is not None:
        item["url"] = url
    if caption is not None:
        item["caption"] = str(caption)
    return item


# ---- audio and video ----


def _seconds(value: Any, name: str) -> int | None:
    if value is None:
        return None
    try:
        if isinstance(value, timedelta):
            return int(value.total_seconds())
        if isinstance(value, str):
            import pandas as pd

            seconds = pd.Timedelta(value).total_seconds()
            if seconds != seconds:
                raise ValueError(value)
            return int(seconds)
        return int(value)
    except (ValueError, TypeError):
        raise SidepaneAPIException(
            f"Failed to convert '{name}' to a timedelta. Please use a string in a format "
            "supported by [Pandas Timedelta constructor]"
            "(https://pandas.pydata.org/docs/reference/api/pandas.Timedelta.html), "
            f'e.g. `"10s"`, `"15 seconds"`, or `"1h23s"`. Got: {value}'
        ) from None


def _wav(data: Any, sample_rate: int) -> bytes:
    import wave

    import numpy as np

    samples = np.array(data, dtype=float)
    if samples.ndim == 1:
        channels = 1
    elif samples.ndim == 2:
        channels = samples.shape[0]
        samples = samples.T.ravel()
    else:
        raise SidepaneAPIException("Numpy array audio input must be a 1D or 2D array.")
    if samples.size:
        peak = np.max(np.abs(samples))
        samples = samples / peak * 32767 if peak else samples
    pcm = samples.astype("<i2").tobytes()
    with io.BytesIO() as fp:
        with wave.open(fp, mode="wb") as out:
            out.setnchannels(channels)
            out.setframerate(sample_rate)
            out.setsampwidth(2)
            out.setcomptype("NONE", "NONE")
            out.writeframes(pcm)
        return fp.getvalue()


def _media_source(data: Any, mimetype: str) -> tuple[PlayerProps, list[Payload]]:
    if isinstance(data, Path):
        data = str(data)
    if isinstance(data, str):
        if not os.path.isfile(data) and _is_url(data):
            return {"url": data, "mimetype": mimetype}, []
        try:
            with open(data, "rb") as f:
                raw = f.read()
        except OSError as exc:
            raise SidepaneAPIException(
                f"Unable to open media file `{data}`: {exc.strerror or exc}"
            ) from exc
        guessed = mimetypes.guess_type(data)[0]
        if guessed and mimetype in ("audio/wav", "video/mp4"):
            mimetype = guessed
    elif isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
    elif isinstance(data, io.BytesIO):
        raw = data.getvalue()
    elif hasattr(data, "read") and hasattr(data, "seek"):
        data.seek(0)
        raw = data.read() or b""
    elif type(data).__module__ == "numpy":
        raw = data.tobytes()
    else:
        raise type_error(
            "data",
            type(data).__name__,
            ["str", "bytes", "Path", "BytesIO", "file-like", "ndarray"],
        )
    digest = _digest(raw)
    return {"hash": digest, "mimetype": mimetype}, [(digest, raw)]


class MediaMixin(DeltaGeneratorCore):
    def image(
        self,
        image: Any,
        caption: str | list[str] | None = None,
        width: int | str = "content",
        clamp: bool = False,
        channels: Literal["RGB", "BGR"] = "RGB",
        output_format: Literal["JPEG", "PNG", "GIF", "auto"] = "auto",
        *,
        use_container_width: bool | None = None,
        link: str | None = None,
        use_column_width: Any = None,
        alt: str | list[str | None] | None = None,
    ) -> Self:
        """Display an image or a list of images.

        `image` is a PIL image, a NumPy array (HxW, HxWx3 or HxWx4; floats in 0-1 or uint8),
        bytes, a file path, a URL or an SVG string — or a list of these, with a list of
        `caption`s. `width` is "content", "stretch" or pixels; `channels="BGR"` for OpenCV.
        """
        if use_column_width is not None:
            # Accepted so old scripts run, but ignored: `width` decides, as in Streamlit.
            show_deprecation_warning(USE_COLUMN_WIDTH_REMOVED)
        width = resolve_width(width, use_container_width, default="content")
        channels_ = str(channels).upper()
        images: list[Any]
        if isinstance(image, (list, set, tuple)):
            images = list(image)
        elif type(image).__module__ == "numpy" and getattr(image, "ndim", 0) == 4:
            images = [image[i] for i in range(image.shape[0])]
        else:
            images = [image]
        if isinstance(caption, list):
            captions: list[Any] = caption
        elif isinstance(caption, str):
            captions = [caption]
        elif caption is None:
            captions = [None] * len(images)
        elif type(caption).__module__ == "numpy" and getattr(caption, "ndim", 0) == 1:
            captions = caption.tolist()
        else:
            captions = [str(caption)]
        if len(captions) != len(images):
            raise SidepaneAPIException(
                f"Cannot pair {len(captions)} captions with {len(images)} images."
            )
        entries: list[ImageItem] = []
        payloads: list[Payload] = []
        for single, cap in zip(images, captions, strict=True):
            entry, more = image_entry(single, cap, width, clamp, channels_, output_format)
            entries.append(entry)
            payloads.extend(more)
        props: ImageProps = {"images": entries}
        if width != "content":
            props["width"] = width
        if link:
            if len(entries) > 1:
                raise SidepaneAPIException(
                    "The `link` parameter is only supported when displaying a single image. "
                    f"You passed {len(entries)} images."
                )
            props["link"] = link
        handle = self._enqueue("image", as_props(props))
        send_payloads(payloads, "media")
        return handle

    def audio(
        self,
        data: Any,
        format: str = "audio/wav",
        start_time: Any = 0,
        *,
        sample_rate: int | None = None,
        end_time: Any = None,
        loop: bool = False,
        autoplay: bool = False,
        alt: str | None = None,
        width: int | str = "stretch",
    ) -> Self:
        """Display an audio player for a URL, a file path, bytes, or a NumPy array of samples
        (with `sample_rate`; 1-D mono or 2-D channels x samples, sent as WAV).

        `start_time`/`end_time` are seconds, timedeltas or strings like "2s"."""
        is_array = type(data).__module__ == "numpy"
        if is_array and sample_rate is None:
            raise SidepaneAPIException(
                "The `sample_rate` parameter is required. Must be specified when `data` is a "
                "numpy array."
            )
        start = _seconds(start_time, "start_time") or 0
        end = _seconds(end_time, "end_time")
        if is_array and sample_rate is not None:
            data = _wav(data, sample_rate)
        props, payloads = _media_source(data, format)
        _timing(props, start, end, loop, autoplay)
        if width != "stretch":
            props["width"] = _player_width(width)
        handle = self._enqueue("audio", as_props(props))
        send_payloads(payloads, "media")
        return handle

    def video(
        self,
        data: Any,
        format: str = "video/mp4",
        start_time: Any = 0,
        *,
        subtitles: Any = None,
        end_time: Any = None,
        loop: bool = False,
        autoplay: bool = False,
        muted: bool = False,
        alt: str | None = None,
        width: int | str = "stretch",
    ) -> Self:
        """Display a video player for a URL (YouTube links too), a file path or bytes.

        `start_time`/`end_time` are seconds, timedeltas or strings like "2s"; `muted=True`
        lets browsers autoplay."""
        start = _seconds(start_time, "start_time") or 0
        end = _seconds(end_time, "end_time")
        if start < 0 or (end is not None and end <= start):
            raise SidepaneAPIException("Invalid start_time and end_time combination.")
        props, payloads = _media_source(data, format)
        _timing(props, start, end, loop, autoplay)
        if muted:
            props["muted"] = True
        if width != "stretch":
            props["width"] = _player_width(width)
        handle = self._enqueue("video", as_props(props))
        send_payloads(payloads, "media")
        return handle


def _player_width(width: object) -> int:
    """A player's pixel width (`stretch` is sent as no width), or Streamlit's error."""
    if isinstance(width, bool) or not isinstance(width, int) or width <= 0:
        raise SidepaneAPIException(
            f"Invalid width value: {width!r}. Width must be either a positive integer (pixels) "
            "or 'stretch'."
        )
    return width


def _timing(props: PlayerProps, start: int, end: int | None, loop: bool, autoplay: bool) -> None:
    if start:
        props["start_time"] = start
    if end is not None:
        props["end_time"] = end
    if loop:
        props["loop"] = True
    if autoplay:
        props["autoplay"] = True
