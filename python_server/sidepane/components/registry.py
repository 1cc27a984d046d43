"""What the web server serves for custom components, process-wide (as Streamlit's component
registry is): each declared component's folder by name, and `components.html` pages by id.

The runtime fills it while scripts run; the server's components route
(`servers/web/component_routes.py`) reads it.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Final

# `components.html` pages kept for the server to serve, newest last; the oldest go first past
# this many bytes (a page drawn again is registered again, so what is on screen stays).
MAX_HTML_BYTES: Final = 64 * 1024 * 1024

_lock = threading.Lock()
_folders: dict[str, Path] = {}
_pages: OrderedDict[str, bytes] = OrderedDict()
_page_bytes = 0


def register_component(name: str, path: str | None) -> None:
    """Record the folder a component named `name` is served from (nothing for a `url=` one)."""
    if path is None:
        return
    with _lock:
        _folders[name] = Path(path).resolve()


def component_folder(name: str) -> Path | None:
    with _lock:
        return _folders.get(name)


def register_html(html: str) -> str:
    """Keep a `components.html` page for the server; returns its id (a digest of the text)."""
    global _page_bytes
    body = html.encode("utf-8", "surrogatepass")
    page_id = hashlib.sha256(body).hexdigest()[:32]
    with _lock:
        if page_id in _pages:
            _pages.move_to_end(page_id)
            return page_id
        _pages[page_id] = body
        _page_bytes += len(body)
        while _page_bytes > MAX_HTML_BYTES and len(_pages) > 1:
            _, dropped = _pages.popitem(last=False)
            _page_bytes -= len(dropped)
    return page_id


def html_page(page_id: str) -> bytes | None:
    with _lock:
        return _pages.get(page_id)
