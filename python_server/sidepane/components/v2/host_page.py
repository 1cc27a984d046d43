"""The page a v2 component's frame loads: an empty document whose scripts are the viewer's frame
runtime (`static/components_v2_frame.js`, built from webview/src/components/v2/
frame_runtime.ts) and, for an instance whose data holds tables, Apache Arrow's reader before it
(`static/components_v2_arrow.js`), served as a `components.html` page (`component/_html/<id>`),
i.e. under the components' sandboxing Content-Security-Policy. The runtime then takes the
component's HTML, CSS, JavaScript and data from the viewer by message (docs/protocol.md,
"Components v2")."""

from __future__ import annotations

import functools
from pathlib import Path

from sidepane.components.registry import register_html

RUNTIME_FILE = "components_v2_frame.js"
ARROW_FILE = "components_v2_arrow.js"

_PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<style>
html,body{{margin:0;padding:0;background:transparent}}
body{{color:var(--st-text-color);font-family:var(--st-font);font-size:var(--st-base-font-size)}}
</style>
</head><body>
{scripts}
</body></html>
"""

_NOT_BUILT = (
    "document.body.textContent = 'The viewer bundle is not built (node webview/build.mjs): "
    "this component cannot run.';"
)


@functools.lru_cache(maxsize=8)
def _script(path: Path, mtime_ns: int) -> str:
    try:
        text = path.read_text(encoding="utf-8") if mtime_ns >= 0 else _NOT_BUILT
    except OSError:
        text = _NOT_BUILT
    # The script's text must not close its element early.
    safe = text.replace("</script", "<\\/script")
    return f"<script>{safe}</script>"


def _inline(name: str) -> str:
    from sidepane.servers.web.page import default_static_dir

    path = default_static_dir() / name
    try:
        mtime_ns = path.stat().st_mtime_ns
    except OSError:
        mtime_ns = -1
    return _script(path, mtime_ns)


def host_page_id(with_arrow: bool = False) -> str:
    """Register the frame's page (again: a page unused long enough may have been dropped);
    `with_arrow` for data holding tables."""
    scripts = [_inline(ARROW_FILE)] if with_arrow else []
    scripts.append(_inline(RUNTIME_FILE))
    return register_html(_PAGE.format(scripts="\n".join(scripts)))
