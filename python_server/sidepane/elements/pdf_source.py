"""The bytes of a PDF that `st.pdf` was given as an http(s) URL, downloaded by the runtime
(url_download.py: bounded, kept a minute, a failure is a message for the viewer)."""

from __future__ import annotations

from sidepane.elements.url_download import Download, Fetched, fetch_url, forget_all

MAX_PDF_BYTES = 50 * 1024 * 1024

__all__ = ["MAX_PDF_BYTES", "fetch_pdf", "forget_all"]


def fetch_pdf(url: str, *, get: Download | None = None) -> Fetched:
    """The PDF at `url` (downloaded at most once a minute), or the reason it could not be had."""
    fetched = fetch_url(url, max_bytes=MAX_PDF_BYTES, what="PDF", get=get)
    # A login page or an error page served with 200 is the usual wrong answer: say so, rather
    # than let pdf.js report a broken file.
    if fetched.data is not None and b"%PDF-" not in fetched.data[:1024]:
        return Fetched(error=f"The file at {url} is not a PDF (it does not start with %PDF-).")
    return fetched
