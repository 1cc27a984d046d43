"""`server.enableStaticServing`: the files of the app's `static/` folder at `/app/static/…`, as
Streamlit 1.67 serves them (for `st.markdown` images, fonts in `[theme] fontFaces`, …)."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web

ROUTE = "/app/static/{path:.+}"
FOLDER = "static"
MAX_FILE_SIZE = 200 * 1024 * 1024  # Streamlit's limit; larger files are 404


def content_type(path: str) -> str:
    """The file's type as Streamlit guesses it (compressed files as such, unknown as bytes)."""
    mime, encoding = mimetypes.guess_type(path)
    if encoding == "gzip":
        return "application/gzip"
    if encoding is not None or mime is None:
        return "application/octet-stream"
    return mime


def handler(script_dir: str) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """The route's handler for an app whose script is in `script_dir`."""
    root = Path(script_dir, FOLDER).resolve()

    async def serve(request: web.Request) -> web.StreamResponse:
        try:
            target = (root / request.match_info["path"]).resolve()
            inside = target.is_relative_to(root)
            found = inside and target.is_file()
        except (OSError, ValueError):
            inside = found = False
        if not inside:
            raise web.HTTPBadRequest()
        if not found or os.path.getsize(target) > MAX_FILE_SIZE:
            raise web.HTTPNotFound()
        return web.FileResponse(
            target,
            headers={
                "Content-Type": content_type(str(target)),
                "Access-Control-Allow-Origin": "*",
                "X-Content-Type-Options": "nosniff",
                # A page or script among the files cannot act as the app (same origin).
                "Content-Security-Policy": "sandbox",
            },
        )

    return serve
