"""`st.iframe`: a URL, an HTML string or a local file in a frame, as Streamlit 1.67 decides
which is which. HTML is served by the app's server as a sandboxed page (the components' route:
its own origin and CSP); a page sized to its content reports its height to the viewer."""

from __future__ import annotations

import mimetypes
import re
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

import xxhash

from sidepane.components.frames import check_tab_index
from sidepane.components.registry import register_html
from sidepane.elements.arguments import normalize_alt
from sidepane.elements.data import send_payloads
from sidepane.elements.deprecation import show_deprecation_warning
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.layout import _check_size
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.schema.elements.documents import IframeProps
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    from typing_extensions import Self

_HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
_URL: Final = re.compile(r"^(https?://[^\s/$.?#][^\s]*|data:[^\s]*)$", re.IGNORECASE)
_DEFAULT_URL_HEIGHT: Final = 400

# Appended to a page drawn at its content's height: it tells the viewer how tall it is (the
# frame is sandboxed without same-origin, so the viewer cannot measure it itself).
HEIGHT_REPORTER: Final = (
    "<script>(function(){var h=-1;function r(){var n=document.documentElement.scrollHeight;"
    'if(n!==h){h=n;parent.postMessage({type:"sidepane:frameHeight",height:n},"*");}}'
    "new ResizeObserver(r).observe(document.documentElement);"
    'addEventListener("load",r);r();})();</script>'
)


def _is_file(text: str) -> bool:
    if len(text) > 4096 or "<" in text:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _read_local(path: Path) -> tuple[str | None, bytes, str]:
    """An HTML file's text, or another file's bytes and type, or Streamlit's error."""
    if path.suffix.lower() in _HTML_SUFFIXES:
        try:
            return path.read_text(encoding="utf-8"), b"", ""
        except (OSError, UnicodeDecodeError) as exc:
            raise SidepaneAPIException(f"Unable to read file '{path}': {exc}") from exc
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SidepaneAPIException(f"Unable to read file '{path}': {exc}") from exc
    return None, data, mimetypes.guess_type(str(path))[0] or "application/octet-stream"


class IframeMixin(DeltaGeneratorCore):
    def iframe(
        self,
        src: str | Path,
        *,
        width: int | Literal["stretch", "content"] = "stretch",
        height: int | Literal["stretch", "content"] = "content",
        tab_index: int | None = None,
        alt: str | None = None,
    ) -> Self:
        """Embed a web page, an HTML string or a local file in a frame.

        Parameters
        ----------
        src : str or Path
            An http(s) or data: URL, a path on the app's server (starting with "/"), a
            `pathlib.Path` to a local file (an .html file is shown as a page, another file is
            sent to the browser), or an HTML string. The HTML runs in a sandboxed frame of its
            own.
        width : "stretch", "content" or int
            "stretch" (default): the container's width; "content" or an int (pixels).
        height : "content", "stretch" or int
            "content" (default): an HTML page's own height, 400 pixels for a URL or file;
            "stretch": the parent's height; an int: pixels.
        tab_index : int or None
            The frame's place in keyboard navigation: None (default), -1 or 0 and up.
        alt : str or None
            A description of the frame for screen readers.

        Example
        -------
        >>> import streamlit as st
        >>> st.iframe("https://docs.streamlit.io", height=400)
        >>> st.iframe("<h3>Hello</h3><p>from an HTML string</p>")
        """
        _check_size("width", width, allow_content=True)
        _check_size("height", height, allow_content=True)
        html: str | None = None
        payload: tuple[bytes, str] | None = None
        url: str | None = None
        if isinstance(src, Path):
            html, data, mimetype = _read_local(src)
            if html is None:
                payload = (data, mimetype)
        elif not isinstance(src, str):
            src = str(src)
        if not isinstance(src, Path):
            if _URL.match(src):
                url = src
            elif _is_file(src):
                show_deprecation_warning(
                    "Passing a local file path as a string to `st.iframe` is no longer "
                    "supported. To load a local file, pass a `pathlib.Path` object instead."
                )
                html = src
            elif src.startswith("/"):
                url = src
            else:
                html = src
        check_tab_index(tab_index)
        if html is None:
            # Only an HTML page can be measured; a URL or a file takes the whole width.
            width = "stretch" if width == "content" else width
            height = _DEFAULT_URL_HEIGHT if height == "content" else height
        props: IframeProps = {"height": height}
        if html is not None:
            props["html_id"] = register_html(
                html + HEIGHT_REPORTER if height == "content" else html
            )
        elif url is not None:
            props["src"] = url
        if width != "stretch":
            props["width"] = width
        if tab_index is not None:
            props["tab_index"] = tab_index
        text = normalize_alt(alt)
        if text is not None:
            props["alt"] = text
        payloads: list[tuple[str, bytes]] = []
        if payload is not None:
            digest = xxhash.xxh3_128_hexdigest(payload[0])
            props["hash"], props["mimetype"] = digest, payload[1]
            payloads.append((digest, payload[0]))
        drawn = self._enqueue("iframe", as_props(props))
        send_payloads(payloads, "media")
        return drawn
