"""st.pdf of a URL on another host, in a real browser: the page (whose CSP lets it fetch only
from its own server) shows the document, which the runtime downloaded; the page itself never
asks the other host for it."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from conftest import Server


def _two_pages() -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    buffer = io.BytesIO()
    with PdfPages(buffer) as pdf:
        for n in (1, 2):
            fig = plt.figure(figsize=(4, 3))
            fig.text(0.5, 0.5, f"Page {n}", ha="center", fontsize=40)
            pdf.savefig(fig)
            plt.close(fig)
    return buffer.getvalue()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def elsewhere(tmp_path: Path) -> Iterator[str]:
    """Another origin than the app's: a file server on its own port."""
    (tmp_path / "report.pdf").write_bytes(_two_pages())
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_pdf_from_another_host_is_shown(page: Page, serve: Any, elsewhere: str) -> None:
    url = f"{elsewhere}/report.pdf"
    server: Server = serve(f"import streamlit as st\nst.pdf({url!r}, height=400)\n")
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(server.url)
    viewer = page.locator(".sp-pdf")
    expect(viewer.locator(".sp-pdf-page")).to_have_text("1 / 2", timeout=30_000)
    expect(viewer.locator("canvas")).to_have_count(2)
    expect(viewer.locator(".sp-chart-error")).to_have_count(0)
    assert not [u for u in asked if u.startswith(elsewhere)], asked
