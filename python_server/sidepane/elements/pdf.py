"""`st.pdf`: a PDF (bytes, a file, a file-like object or an http(s) URL) shown in a scrolling
viewer with page navigation and zoom. Bytes travel as a `media` payload; pdf.js draws them in
the viewer. A URL is downloaded by the runtime (pdf_source.py) and sent the same way, since the
app page may fetch only from its own server. Streamlit 1.67 needs its `streamlit-pdf` component
for this; Sidepane has it built in."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import xxhash

from sidepane.elements.arguments import normalize_alt, type_error
from sidepane.elements.data import send_payloads
from sidepane.elements.dg_core import DeltaGeneratorCore, to_key
from sidepane.elements.layout import _check_size
from sidepane.elements.pdf_source import fetch_pdf
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.schema.elements.documents import PdfProps
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    from typing_extensions import Self

_URL = re.compile(r"^https?://[^\s/$.?#].[^\s]*$", re.IGNORECASE)


def _pdf_bytes_or_url(data: Any) -> bytes | str:
    if isinstance(data, (str, Path)):
        text = str(data).strip()
        if _URL.match(text):
            return text
        try:
            with open(text, "rb") as file:
                return file.read()
        except (FileNotFoundError, PermissionError) as exc:
            raise SidepaneAPIException(f"Unable to read file '{text}': {exc}") from exc
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if hasattr(data, "read") and hasattr(data, "getvalue"):
        return bytes(data.getvalue())
    if hasattr(data, "read"):
        return bytes(data.read())
    raise type_error(
        "data",
        type(data).__name__,
        ["str", "Path", "bytes", "file-like object"],
        detail="A str can be a file path or a URL.",
    )


class PdfMixin(DeltaGeneratorCore):
    def pdf(
        self,
        data: Any,
        *,
        height: int | Literal["stretch"] = 500,
        key: str | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display a PDF in a scrolling viewer with page navigation and zoom.

        Parameters
        ----------
        data : str, Path, bytes or file-like
            The PDF: a file path, an http(s) URL, its bytes, or a file-like object (such as
            what `st.file_uploader` returns).
        height : int or "stretch"
            The viewer's height in pixels (500 by default; longer documents scroll), or
            "stretch" to fill the parent's height.
        key : str or None
            A key that identifies the viewer.
        alt : str or None
            A description of the document for screen readers.

        Example
        -------
        >>> import streamlit as st
        >>> st.pdf("report.pdf", height=600)
        """
        if data is None:
            raise SidepaneAPIException(
                "The `data` parameter is required. Please provide a valid PDF file path, URL, "
                "bytes data, or file-like object."
            )
        _check_size("height", height, allow_content=False)
        source = _pdf_bytes_or_url(data)
        props: PdfProps = {"height": height}
        document: bytes | None
        if isinstance(source, str):
            props["url"] = source
            fetched = fetch_pdf(source)
            document = fetched.data
            if document is None:
                props["error"] = fetched.error or f"Could not download {source}"
        else:
            document = source
        payloads: list[tuple[str, bytes]] = []
        if document is not None:
            digest = xxhash.xxh3_128_hexdigest(document)
            props["hash"] = digest
            payloads.append((digest, document))
        text = normalize_alt(alt)
        if text is not None:
            props["alt"] = text
        if to_key(key) is not None:
            props["key"] = str(to_key(key))
        drawn = self._enqueue("pdf", as_props(props))
        send_payloads(payloads, "media")
        return drawn
