"""Buttons: `st.button`, `st.download_button`, `st.form_submit_button` and `st.link_button`.

A button is a trigger: it returns True for the one run its click started, then False again.
A download button's bytes go to the viewer once, as a `media` payload keyed by their hash.
A link button opens its URL in a new tab, and is a trigger only when its click reruns the app.
"""

from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import xxhash

from sidepane.elements.arguments import WidgetCallback, resolve_callback, value_error
from sidepane.elements.dg_core import DeltaGeneratorCore, compute_widget_id, to_key
from sidepane.elements.layout import _check_size as check_size
from sidepane.elements.status import validate_icon
from sidepane.elements.widgets.choices import to_label
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.protocol.schema.elements.small_widgets import LinkButtonProps
from sidepane.protocol.schema.elements.widgets import ButtonFields, DownloadButtonFields
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import get_run_context

ButtonKind = Literal["primary", "secondary", "tertiary"]
DownloadData = str | bytes | io.IOBase | Callable[[], Any]

_FORM_DOCS_INFO = """

For more information, refer to the
[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).
"""


def _trigger_wire(wire: Any) -> bool:
    if type(wire) is not bool:
        raise InvalidWidgetValue(f"expected a bool, got {wire!r}")
    return wire


def _check_kind(type_: str) -> None:
    if type_ not in ("primary", "secondary", "tertiary"):
        raise value_error("type", ["'primary'", "'secondary'", "'tertiary'"])


def _check_icon_position(icon_position: str) -> None:
    if icon_position not in ("left", "right"):
        raise value_error("icon_position", ["'left'", "'right'"])


def check_not_written(key: str | None) -> None:
    """A button's state is read-only: a value put in session_state for its key is an error."""
    ctx = get_run_context()
    if key is None or ctx is None:
        return
    widgets = ctx.session.widgets
    wid = widgets.key_to_id.get(key)
    if key in ctx.session.session_state.user or (wid is not None and wid in widgets.script_set):
        item = f"st.session_state[{key!r}]"
        raise SidepaneAPIException(
            f"`{item}` is read-only and cannot be assigned through session state. "
            "Use a different session state key for values you need to set."
        )


def _width(width: int | str, use_container_width: bool | None) -> int | str:
    if use_container_width is not None:
        return "stretch" if use_container_width else "content"
    return width


def download_bytes(data: Any) -> tuple[bytes, str]:
    """The bytes of `data` and the mimetype guessed from its type (Streamlit's rules)."""
    if isinstance(data, str):
        return data.encode(), "text/plain"
    if isinstance(data, io.StringIO):
        return data.getvalue().encode(), "text/plain"
    if isinstance(data, io.TextIOBase):
        return str(data.read()).encode(), "text/plain"
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data), "application/octet-stream"
    if isinstance(data, io.BytesIO):
        data.seek(0)
        return data.getvalue(), "application/octet-stream"
    if isinstance(data, (io.BufferedIOBase, io.RawIOBase)):
        data.seek(0)
        return bytes(data.read() or b""), "application/octet-stream"
    raise SidepaneAPIException(f"Invalid binary data format: {type(data)}")


def _infer_file_info(
    data: Any, file_name: str | None, mime: str | None
) -> tuple[str | None, str | None]:
    """A file opened from disk names itself: fill in a missing file name and mimetype."""
    try:
        name = getattr(data, "name", None)
    except (AttributeError, ValueError, OSError):
        return file_name, mime
    if not isinstance(name, str) or not name:
        return file_name, mime
    if file_name is None:
        file_name = os.path.basename(name)
    if mime is None:
        mime = mimetypes.guess_type(file_name)[0]
    return file_name, mime


if TYPE_CHECKING:
    from typing_extensions import Self


class ButtonMixin(DeltaGeneratorCore):
    def _button(
        self,
        kind: str,
        label: str,
        key: str | None,
        help: str | None,
        on_click: WidgetCallback | None,
        args: tuple[Any, ...] | list[Any] | None,
        kwargs: Mapping[str, Any] | None,
        *,
        type: ButtonKind,
        icon: str | None,
        icon_position: str,
        disabled: bool,
        width: int | str,
        shortcut: str | None,
        identity: dict[str, Any],
        props: ButtonFields,
        allow_callback_in_form: bool = False,
    ) -> bool:
        check_not_written(key)
        full = props
        if icon is not None:
            full["icon"] = icon
        if icon_position == "right":
            full["icon_position"] = "right"
        if width == "stretch":
            full["use_container_width"] = True
        elif isinstance(width, int):
            full["width"] = width
        if shortcut is not None:
            full["shortcut"] = shortcut
        clicked: bool = self._widget(
            kind,
            label=label,
            key=key,
            identity={
                "icon": icon,
                "help": help,
                "type": type,
                "width": width,
                "icon_position": icon_position,
                "shortcut": shortcut,
                **identity,
            },
            key_identity=True,
            props=full,
            default=False,
            deserialize=_trigger_wire,
            serialize=bool,
            on_change=on_click,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility="visible",
            help=help,
            allow_callback_in_form=allow_callback_in_form,
        )
        return clicked

    def button(
        self,
        label: str,
        key: str | int | None = None,
        help: str | None = None,
        on_click: WidgetCallback | None = None,
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        type: ButtonKind = "secondary",
        icon: str | None = None,
        icon_position: Literal["left", "right"] = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: int | str = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> bool:
        """Display a button; return True only in the run its click started.

        `on_click` runs (with `args`/`kwargs`) before that run; `type` is "primary",
        "secondary" (default) or "tertiary".
        """
        _check_kind(type)
        _check_icon_position(icon_position)
        callback, _ = resolve_callback(on_click, (), "on_click")
        key = to_key(key)
        label = to_label(label)
        if self._current_form_id() is not None:
            raise SidepaneAPIException(
                "`st.button()` can't be used in an `st.form()`. Use "
                "`st.form_submit_button()` instead to submit the form."
                f"{_FORM_DOCS_INFO}"
            )
        return self._button(
            "button",
            label,
            key,
            help,
            callback,
            args,
            kwargs,
            type=type,
            icon=icon,
            icon_position=icon_position,
            disabled=disabled,
            width=_width(width, use_container_width),
            shortcut=shortcut,
            identity={"is_form_submitter": False},
            props={"kind": type},
        )

    def form_submit_button(
        self,
        label: str = "Submit",
        help: str | None = None,
        on_click: WidgetCallback | None = None,
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        key: str | int | None = None,
        type: ButtonKind = "secondary",
        icon: str | None = None,
        icon_position: Literal["left", "right"] = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: int | str = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> bool:
        """Display a form's submit button; return True in the run its click started.

        A click sends the values of every widget in the form at once and reruns the app. Only
        valid inside `st.form`; `on_click` runs (with `args`/`kwargs`) before that run.
        """
        _check_kind(type)
        _check_icon_position(icon_position)
        callback, _ = resolve_callback(on_click, (), "on_click")
        label = to_label(label)
        form_id = self._current_form_id()
        if get_run_context() is not None and form_id is None:
            raise SidepaneAPIException(
                f"`st.form_submit_button()` must be used inside an `st.form()`.{_FORM_DOCS_INFO}"
            )
        # Streamlit gives an unkeyed submit button a key made of its form and label.
        user_key = to_key(key) or f"FormSubmitter:{form_id or ''}-{label}"
        return self._button(
            "button",
            label,
            user_key,
            help,
            callback,
            args,
            kwargs,
            type=type,
            icon=icon,
            icon_position=icon_position,
            disabled=disabled,
            width=_width(width, use_container_width),
            shortcut=shortcut,
            identity={"is_form_submitter": True},
            props={"kind": type, "is_submit": True},
            allow_callback_in_form=True,
        )

    def download_button(
        self,
        label: str,
        data: DownloadData,
        file_name: str | None = None,
        mime: str | None = None,
        key: str | int | None = None,
        help: str | None = None,
        on_click: WidgetCallback | Literal["rerun", "ignore"] | None = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        *,
        type: ButtonKind = "secondary",
        icon: str | None = None,
        icon_position: Literal["left", "right"] = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: int | str = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> bool:
        """Display a button that downloads `data` as a file; return True in the run its click
        started.

        `data` is a str, bytes, a file-like object, or a function returning one of those.
        `file_name` and `mime` name the download and its type (guessed when omitted).
        `on_click="ignore"` downloads without rerunning the app.
        """
        _check_kind(type)
        _check_icon_position(icon_position)
        callback, ignore = resolve_callback(on_click, ("rerun", "ignore"), "on_click")
        key = to_key(key)
        label = to_label(label)
        if self._current_form_id() is not None:
            raise SidepaneAPIException(
                f"`st.download_button()` can't be used in an `st.form()`.{_FORM_DOCS_INFO}"
            )
        ctx = get_run_context()
        # Streamlit defers a callable until the click; without a fetch request in the protocol,
        # it is called here (only when the button is enabled, as Streamlit never calls it then).
        identity = {"file_name": file_name, "mime": mime}
        payload: bytes | None = None
        digest: str | None = None
        mimetype = mime
        if ctx is not None and not (callable(data) and disabled):
            source = data() if callable(data) else data
            file_name, mimetype = _infer_file_info(source, file_name, mimetype)
            payload, inferred = download_bytes(source)
            if mimetype is None:
                mimetype = inferred
            digest = xxhash.xxh3_128_hexdigest(payload)
        props: DownloadButtonFields = {
            "kind": type,
            "mimetype": mimetype or "application/octet-stream",
        }
        if digest is not None:
            props["hash"] = digest
        if file_name is not None:
            props["file_name"] = file_name
        if ignore:
            props["ignore_rerun"] = True
        clicked = self._button(
            "download_button",
            label,
            key,
            help,
            callback,
            args,
            kwargs,
            type=type,
            icon=icon,
            icon_position=icon_position,
            disabled=disabled,
            width=_width(width, use_container_width),
            shortcut=shortcut,
            identity=identity,
            props=props,
        )
        if ctx is not None and digest is not None and payload is not None:
            # After the element, so it can be drawn before its data arrives.
            ctx.payload(digest, "media", payload)
        return clicked

    def link_button(
        self,
        label: str,
        url: str,
        *,
        key: str | int | None = None,
        on_click: WidgetCallback | Literal["rerun", "ignore"] = "ignore",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        help: str | None = None,
        type: ButtonKind = "secondary",
        icon: str | None = None,
        icon_position: Literal["left", "right"] = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: int | str = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> bool | Self:
        """Display a button that opens `url` in a new tab.

        With `on_click="ignore"` (default) a click only opens the link, and this returns the
        element (like `st.markdown`). With `on_click="rerun"` or a callback, a click also reruns
        the app (running the callback first, with `args`/`kwargs`), and this returns True in the
        run the click started, like `st.button`. `type` is "primary", "secondary" (default) or
        "tertiary"; `icon` an emoji or `":material/name:"`; `width` "content", "stretch" or
        pixels.
        """
        _check_kind(type)
        _check_icon_position(icon_position)
        callback, ignore = resolve_callback(on_click, ("rerun", "ignore"), "on_click")
        key = to_key(key)
        label = to_label(label)
        width = _width(width, use_container_width)
        check_size("width", width, True)
        props: LinkButtonProps = {"url": str(url), "label": label, "kind": type}
        if icon is not None:
            props["icon"] = validate_icon(icon)
        if icon_position == "right":
            props["icon_position"] = "right"
        if width == "stretch":
            props["width"] = "stretch"
        elif isinstance(width, int):
            props["width"] = width
        if shortcut is not None:
            props["shortcut"] = shortcut
        if not ignore:
            check_not_written(key)
            clicked: bool = self._widget(
                "link_button",
                label=label,
                key=key,
                identity={
                    "icon": icon,
                    "url": url,
                    "help": help,
                    "type": type,
                    "width": width,
                    "icon_position": icon_position,
                    "shortcut": shortcut,
                },
                key_identity=True,
                # _widget adds the label, with the other keys every widget carries.
                props={k: v for k, v in props.items() if k != "label"},
                default=False,
                deserialize=_trigger_wire,
                serialize=bool,
                on_change=callback,
                args=args,
                kwargs=kwargs,
                disabled=disabled,
                label_visibility="visible",
                help=help,
            )
            return clicked
        if key is not None:
            # A keyed link button claims its key (a second one is an error) and keeps it out
            # of session_state's writable values, as Streamlit does, without being a widget.
            check_not_written(key)
            ctx = get_run_context()
            if ctx is not None:
                wid = compute_widget_id(
                    "link_button",
                    user_key=key,
                    identity={},
                    key_identity=True,
                    form_id=None,
                    root="",
                )
                ctx.register_widget_id(wid, "link_button", key)
            props["key"] = key
        if help is not None:
            props["help"] = str(help)
        if disabled:
            props["disabled"] = True
        return self._enqueue("link_button", as_props(props))
