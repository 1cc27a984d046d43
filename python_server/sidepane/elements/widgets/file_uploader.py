"""`st.file_uploader`: files a viewer sent in `upload` chunks, returned as `UploadedFile`s.

The bytes arrive first, in chunks the session holds for this widget (runtime/uploads.py); the
widget's wire value then names them: `[{hash, name, type, size}]`.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from sidepane.elements.arguments import OnChange, callback, check_max_upload_size
from sidepane.elements.dg_core import DeltaGeneratorCore, LabelVisibility
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.protocol.schema.elements.widgets import FileUploaderFields
from sidepane.runtime.context import get_run_context
from sidepane.runtime.uploads import SessionUploads, UploadTarget

_SHORTCUTS = frozenset({"image", "audio", "video", "text"})
_PAIRS = [
    (".jpg", ".jpeg"),
    (".mpg", ".mpeg"),
    (".mp4", ".mpeg4"),
    (".tif", ".tiff"),
    (".htm", ".html"),
]
DEFAULT_MAX_MB = 200


def default_max_mb() -> int:
    """The per-file limit when the call names none: the app's `server.maxUploadSize` (MB)."""
    from sidepane.runtime.config import current_config

    try:
        return int(current_config().get("server.maxUploadSize"))
    except (TypeError, ValueError):
        return DEFAULT_MAX_MB


class UploadedFile(io.BytesIO):
    """A file a person uploaded: a `BytesIO` with its `name`, MIME `type`, `size` and `file_id`.

    Read it like any binary file (`read()`, or `getvalue()` for all bytes without moving).
    """

    def __init__(self, data: bytes, *, file_id: str, name: str, type: str) -> None:
        super().__init__(data)
        self._data = data
        self.file_id = file_id
        self.name = name
        self.type = type
        self.size = len(data)

    def fresh(self) -> UploadedFile:
        """A copy positioned at the start, so each run reads the file from its beginning."""
        return UploadedFile(self._data, file_id=self.file_id, name=self.name, type=self.type)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UploadedFile):
            return NotImplemented
        return self.file_id == other.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        return (
            f"UploadedFile(file_id={self.file_id!r}, name={self.name!r}, type={self.type!r}, "
            f"size={self.size})"
        )


def normalize_types(file_type: str | Sequence[str]) -> list[str]:
    """`type` as the viewer's `accept` list: MIME types and wildcards, then `.extensions`."""
    if isinstance(file_type, str):
        file_type = [file_type]
    extensions: list[str] = []
    mimes: list[str] = []
    for raw in file_type:
        entry = raw.strip()
        if not entry:
            continue
        if entry.lower() in _SHORTCUTS:
            mimes.append(f"{entry.lower()}/*")
        elif "/" in entry:
            mimes.append(entry.lower())
        else:
            ext = entry.lower()
            extensions.append(ext if ext.startswith(".") else f".{ext}")
    for x, y in _PAIRS:
        if x in extensions and y not in extensions:
            extensions.append(y)
        if y in extensions and x not in extensions:
            extensions.append(x)
    return mimes + extensions


class _UploaderDef(UploadTarget):
    """A file_uploader's deserializer: one file or a list, from the session's uploads."""

    def __init__(
        self,
        uploads: SessionUploads | None,
        allowed: list[str] | None,
        multiple: bool,
        max_bytes: int,
    ) -> None:
        super().__init__(uploads, max_bytes=max_bytes, allowed=allowed, make=_uploaded_file)
        self.multiple = multiple

    def __call__(self, wire: Any) -> Any:
        files = self.files(wire)
        if len(files) > 1 and not self.multiple:
            raise InvalidWidgetValue("this file_uploader takes one file")
        if self.multiple:
            return files
        return files[0] if files else None

    deserialize = __call__

    @staticmethod
    def serialize(value: Any) -> list[dict[str, Any]]:
        if value is None:
            return []
        files = value if isinstance(value, list | tuple) else [value]
        return [
            {"hash": f.file_id, "name": f.name, "type": f.type, "size": f.size}
            for f in files
            if isinstance(f, UploadedFile)
        ]


def _uploaded_file(data: bytes, digest: str, name: str, mime: str) -> UploadedFile:
    return UploadedFile(data, file_id=digest, name=name, type=mime)


class FileUploaderMixin(DeltaGeneratorCore):
    def file_uploader(
        self,
        label: str,
        type: str | Sequence[str] | None = None,
        accept_multiple_files: bool | Literal["directory"] = False,
        key: str | int | None = None,
        help: str | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        max_upload_size: int | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibility = "visible",
        width: int | str = "stretch",
    ) -> Any:
        """Display a file uploader; return the `UploadedFile` (a `BytesIO`), or None.

        `type` limits the files offered (extensions such as `"csv"` or `[".png", ".jpg"]`,
        MIME types, or `"image"` / `"audio"` / `"video"` / `"text"`). With
        `accept_multiple_files=True` it returns a list (empty until files are chosen).
        `max_upload_size` is the per-file limit in MB (default: `server.maxUploadSize`, 200).
        """
        label = "" if label is None else str(label)
        cb = callback(on_change)
        check_max_upload_size(max_upload_size)
        identity = {
            "max_upload_size": max_upload_size,
            "type": type,
            "accept_multiple_files": accept_multiple_files,
            "help": help,
            "width": width,
        }
        allowed = normalize_types(type) if type else None
        multiple = accept_multiple_files is True or accept_multiple_files == "directory"
        max_mb = default_max_mb() if max_upload_size is None else max_upload_size
        ctx = get_run_context()
        uploads = None if ctx is None else ctx.session.uploads
        spec = _UploaderDef(uploads, allowed, multiple, max_mb * 1024 * 1024)
        if ctx is not None and key is not None:
            _refuse_script_value(ctx, str(key))
        props: FileUploaderFields = {"multiple": multiple, "max_mb": max_mb}
        if allowed:
            props["accept"] = allowed
        if accept_multiple_files == "directory":
            props["directory"] = True
        value = self._widget(
            "file_uploader",
            label=label,
            key=key,
            identity=identity,
            key_identity=frozenset({"type", "accept_multiple_files", "max_upload_size"}),
            props=props,
            default=[] if multiple else None,
            deserialize=spec,
            serialize=spec.serialize,
            on_change=cb,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            help=help,
        )
        # Each run reads the files from their beginning, as each Streamlit run gets new ones.
        if isinstance(value, list):
            return [f.fresh() for f in value if isinstance(f, UploadedFile)]
        if isinstance(value, UploadedFile):
            return value.fresh()
        return None


def _refuse_script_value(ctx: Any, key: str) -> None:
    state = ctx.session.session_state
    widgets = ctx.session.widgets
    wid = widgets.key_to_id.get(key)
    if key in state.user or (wid is not None and wid in widgets.script_set):
        raise SidepaneAPIException(
            f"`st.session_state[{key!r}]` is read-only and cannot be assigned through session "
            "state. Use a different session state key for values you need to set."
        )
