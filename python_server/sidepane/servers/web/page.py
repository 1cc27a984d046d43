"""The HTML page a browser loads: a shell for the front-end bundle, and its security headers."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from sidepane.servers.web.plotly_hint import plotly_script

# No inline scripts, no eval: the bundle is one file served by us. Inline styles stay allowed
# because the components set `style` attributes (widths, colours from the script). Images and
# media may come from anywhere over https, since `st.image(url)` loads the URL in the browser;
# fonts too, for a config.toml's `[[theme.fontFaces]]` (Google Fonts and the like).
# Carto's hosts in connect-src: a deck.gl chart's base map (st.map, st.pydeck_chart) fetches its
# style, tiles, sprites and glyphs there; Carto's API (`*.api.carto.com`, its regions) serves the
# TileJSON and tiles of pydeck's Carto layers (the page calls out nowhere else).
# `ws:`/`wss:` in connect-src: some browsers do not count a WebSocket to the page's own host as
# 'self'. 'wasm-unsafe-eval' lets the bundle compile WebAssembly (Graphviz for
# st.graphviz_chart); it allows no eval of JavaScript. Frames: custom components (served here,
# each sandboxed by its route's own CSP), `components.iframe`'s and `st.iframe`'s pages, which
# may be anywhere, and st.iframe's data: URLs and local files (blob:), sandboxed too.
CSP = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https:; media-src 'self' blob: https:; "
    "font-src 'self' data: https:; "
    "connect-src 'self' ws: wss: https://basemaps.cartocdn.com https://*.basemaps.cartocdn.com "
    "https://*.api.carto.com; "
    "frame-src 'self' http: https: data: blob:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)

PAGE_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # The page is tiny and names unversioned assets: always revalidate, so a rebuilt bundle shows.
    "Cache-Control": "no-cache",
}

BUNDLE_SCRIPT = "sidepane.js"
BUNDLE_STYLES = "sidepane.css"

_SHELL = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{base}/static/{styles}">
<script type="module" src="{base}/static/{script}"></script>
{preloads}</head>
<body>
<div id="root"></div>
</body>
</html>
"""

_NOT_BUILT = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sidepane: front end not built</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; \
padding: 0 1rem; line-height: 1.5">
<h1>The Sidepane front end isn't built</h1>
<p>The server is running, but it found no <code>{script}</code> in
<code>{folder}</code>.</p>
<p>Build it from the repository's top folder, then reload this page:</p>
<pre style="padding: 0.75rem; background: rgba(127, 127, 127, 0.15)">npm install
node webview/build.mjs</pre>
</body>
</html>
"""


def default_static_dir() -> Path:
    """Where the built bundle lives: `sidepane/static/`, shipped inside the package."""
    return Path(__file__).resolve().parents[2] / "static"


def bundle_built(static_dir: Path) -> bool:
    return (static_dir / BUNDLE_SCRIPT).is_file()


def shell_html(
    title: str = "Sidepane",
    base: str = "",
    preloads: tuple[str, ...] = (),
    scripts: tuple[str, ...] = (),
) -> str:
    """The page that loads the bundle; the bundle draws everything into `#root`. `base` is
    `server.baseUrlPath` (`/myapp`): the viewer reads it back from the bundle's address.
    `preloads` (paths under static/, see `bundle_preloads`) are fetched at once, in parallel;
    so are `scripts` (classic scripts under static/, see `library_preloads`), which the viewer
    runs once it has said hello."""
    links = "".join(
        f'<link rel="modulepreload" href="{html.escape(base)}/static/{html.escape(p)}">\n'
        for p in preloads
    ) + "".join(
        f'<link rel="preload" as="script" href="{html.escape(base)}/static/{html.escape(p)}">\n'
        for p in scripts
    )
    return _SHELL.format(
        title=html.escape(title),
        styles=BUNDLE_STYLES,
        script=BUNDLE_SCRIPT,
        base=html.escape(base),
        preloads=links,
    )


def library_preloads(static_dir: Path, script: Path) -> tuple[str, ...]:
    """The large libraries the app's script will want, under static/: plotly.js when the script
    imports plotly (servers/web/plotly_hint.py). The page names them so the browser fetches them
    with the bundle and the viewer evaluates them while the script runs, not after its chart
    has arrived; an app that draws no chart is not charged for them."""
    try:
        stat = script.stat()
        wanted = _library_preloads(script, stat.st_mtime_ns, stat.st_size)
    except OSError:
        return ()
    return tuple(name for name in wanted if (static_dir / name).is_file())


@lru_cache(maxsize=8)
def _library_preloads(script: Path, _mtime_ns: int, _size: int) -> tuple[str, ...]:
    plotly = plotly_script(script.read_bytes())
    return (plotly,) if plotly is not None else ()


# In esbuild's output: an import of a sibling chunk, static (`from"./x.js"`, `import"./x.js"`)
# or dynamic (`import("./x.js")`). Found by the quoted path, then what comes before it: a pattern
# starting with `from|import` took ~7 ms over the 300 KB app chunk, on the first page's way.
_SIBLING = re.compile(r'"\./([\w./-]+\.js)"')
_STATIC_IMPORT = ("from", "import")


def _imports(text: str) -> list[tuple[bool, str]]:
    """(dynamic?, path) of each import of a sibling chunk in `text`."""
    found = []
    for match in _SIBLING.finditer(text):
        before = text[max(match.start() - 12, 0) : match.start()].rstrip()
        dynamic = before.endswith("(")
        if dynamic:
            before = before[:-1].rstrip()
        if before.endswith(_STATIC_IMPORT if not dynamic else "import"):
            found.append((dynamic, match.group(1)))
    return found


def bundle_preloads(static_dir: Path) -> tuple[str, ...]:
    """The chunks every page loads before it can draw, under static/: the entry's imports (the
    app's own chunk is a dynamic one, so the entry can say hello first) and that chunk's static
    imports. Without hints the browser finds them one after the other, each once the file
    naming it has arrived and been parsed; the page names them, so all are fetched at once."""
    entry = static_dir / BUNDLE_SCRIPT
    try:
        return _preloads(entry, entry.stat().st_mtime_ns)
    except OSError:
        return ()


@lru_cache(maxsize=4)
def _preloads(entry: Path, _mtime_ns: int) -> tuple[str, ...]:
    found: list[str] = []
    for dynamic, name in _imports(entry.read_text(encoding="utf-8")):
        found.append(name)
        if dynamic:  # the app's chunk: what it imports statically loads before it runs
            chunk = entry.parent / name
            folder = name.rpartition("/")[0]
            text = chunk.read_text(encoding="utf-8")
            found += [f"{folder}/{n}" for d, n in _imports(text) if not d]
    return tuple(dict.fromkeys(found))


def base_path(option: object) -> str:
    """`server.baseUrlPath` as a path prefix: `"myapp/"` → `"/myapp"`, `""` → `""`."""
    parts = [p for p in str(option or "").split("/") if p]
    return "".join(f"/{p}" for p in parts)


def not_built_html(static_dir: Path) -> str:
    """What `GET /` answers when the bundle is missing: what is wrong and how to fix it."""
    return _NOT_BUILT.format(script=BUNDLE_SCRIPT, folder=html.escape(str(static_dir)))
