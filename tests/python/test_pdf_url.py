"""st.pdf of an http(s) URL: the runtime downloads the document (the page may fetch only from
its own server) and sends it as bytes, within limits; what it cannot download is a message for
the viewer, never an exception in the script. A real HTTP server on localhost serves the files."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

import pytest
import xxhash
from file_server import FileServer, serving_files

from sidepane.elements import pdf_source
from sidepane.testing import AppTest

PDF = b"%PDF-1.4\n% a tiny document\n%%EOF\n"


@pytest.fixture
def file_server() -> Iterator[FileServer]:
    pdf_source.forget_all()
    with serving_files(
        {"/doc.pdf": PDF, "/login": b"<html>sign in</html>", "/big.pdf": PDF * 40_000}
    ) as served:
        yield served
    pdf_source.forget_all()


@pytest.fixture
def files(file_server: FileServer) -> str:
    return file_server.url


def _pdf_props(url: str) -> dict[str, object]:
    at = AppTest.from_string(f"import streamlit as st\nst.pdf({url!r})").run()
    assert not at.exception
    return dict(at.get("pdf")[0].node.props)


def test_a_url_is_downloaded_and_sent_as_a_payload(files: str) -> None:
    at = AppTest.from_string(
        textwrap.dedent(
            f"""
            import streamlit as st
            st.pdf({files + "/doc.pdf"!r}, height=300)
            """
        )
    ).run()
    props = at.get("pdf")[0].node.props
    assert props == {
        "url": f"{files}/doc.pdf",
        "hash": xxhash.xxh3_128_hexdigest(PDF),
        "height": 300,
    }


def test_reruns_use_the_download_of_the_last_minute(files: str, file_server: FileServer) -> None:
    at = AppTest.from_string(f"import streamlit as st\nst.pdf({files + '/doc.pdf'!r})").run()
    at.run()
    at.run()
    assert file_server.hits == ["/doc.pdf"]


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("/missing.pdf", "Could not download {url}: HTTP 404 Not Found"),
        ("/login", "The file at {url} is not a PDF (it does not start with %PDF-)."),
        ("/big.pdf", "The PDF at {url} is 1,320,000 bytes; the limit is 1 MB."),
    ],
)
def test_what_cannot_be_downloaded_is_said_not_raised(
    files: str, path: str, error: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_source, "MAX_PDF_BYTES", 1024 * 1024)
    url = files + path
    props = _pdf_props(url)
    assert props == {"url": url, "error": error.format(url=url), "height": 500}
