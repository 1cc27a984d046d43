"""The page a v2 component's frame loads: an empty document whose one script is the viewer's
frame runtime (`static/components_v2_frame.js`, built from webview/src/components/v2/
frame_runtime.ts), served as a `components.html` page (`component/_html/<id>`), i.e. under the
components' sandboxing Content-Security-Policy. The runtime then takes the component's HTML,
CSS, JavaScript and data from the viewer by message (docs/protocol.md, "Components v2")."""

from __future__ import annotations

import functools
from pathlib import Path

from sidepane.components.registry import register_html

RUNTIME_FILE = "components_v2_frame.js"

_PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<style>
html,body{{margin:0;padding:0;background:transparent}}
body{{color:var(--st-text-color);font-family:var(--st-font);font-size:var(--st-base-font-size)}}
</style>
</head><body>
<script>{runtime}</script>
</body></html>
"""

_NOT_BUILT = (
    "document.body.textContent = 'The viewer bundle is not built (node webview/build.mjs): "
    "this component cannot run.';"
)


def _runtime_path() -> Path:
    from sidepane.servers.web.page import default_static_dir

    return default_static_dir() / RUNTIME_FILE


@functools.lru_cache(maxsize=2)
def _page(path: Path, mtime_ns: int) -> str:
    try:
        runtime = path.read_text(encoding="utf-8") if mtime_ns >= 0 else _NOT_BUILT
    except OSError:
        runtime = _NOT_BUILT
    # The script's text must not close its element early.
    return _PAGE.format(runtime=runtime.replace("</script", "<\\/script"))


def host_page_id() -> str:
    """Register the frame's page (again: a page unused long enough may have been dropped)."""
    path = _runtime_path()
    try:
        mtime_ns = path.stat().st_mtime_ns
    except OSError:
        mtime_ns = -1
    return register_html(_page(path, mtime_ns))
