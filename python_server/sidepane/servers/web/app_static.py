"""`server.enableStaticServing`: the files of the app's `static/` folder at `/app/static/…`, as
Streamlit 1.67 serves them (for `st.markdown` images, fonts in `[theme] fontFaces`, …)."""

from __future__ import annotations

import os
from pathlib import Path

from sidepane.servers.web.http_messages import (
    Request,
    Response,
    bad_request,
    file_response,
    file_under,
    guessed_type,
    not_found,
)

PREFIX = "/app/static/"
FOLDER = "static"
MAX_FILE_SIZE = 200 * 1024 * 1024  # Streamlit's limit; larger files are 404

_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "X-Content-Type-Options": "nosniff",
    # A page or script among the files cannot act as the app (same origin).
    "Content-Security-Policy": "sandbox",
}


async def serve(request: Request, script_dir: str, path: str) -> Response:
    """The file at `path` (`/app/static/…`) of the app whose script is in `script_dir`."""
    inside, target = file_under(Path(script_dir, FOLDER).resolve(), path[len(PREFIX) :])
    if not inside:
        return bad_request()
    if target is None or os.path.getsize(target) > MAX_FILE_SIZE:
        return not_found()
    return await file_response(request, target, _HEADERS, guessed_type(str(target)))
