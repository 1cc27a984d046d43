"""The page names the chunks it needs before it can draw, so the browser fetches them at once
(not each after the file that imports it), and the hashed chunks may be cached for good."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest
from web_helpers import async_test, serving

from sidepane.servers.web.page import bundle_preloads, default_static_dir, shell_html

pytestmark = pytest.mark.timeout(30)

# As esbuild writes them (minified ESM with splitting): the entry imports two shared chunks and,
# dynamically, the app's chunk; that one imports a third statically and loads a library lazily.
ENTRY = (
    'import{a as i}from"./chunks/chunk-AAA.js";import"./chunks/chunk-BBB.js";'
    'i();import("./chunks/main-MMM.js");\n'
)
MAIN = (
    'import{a}from"./chunk-AAA.js";import{c as x}from"./chunk-CCC.js";'
    'const v=()=>import("./embed-VVV.js");export{v};\n'
)
WANTED = (
    "chunks/chunk-AAA.js",
    "chunks/chunk-BBB.js",
    "chunks/main-MMM.js",
    "chunks/chunk-CCC.js",
)


def _bundle(static: Path) -> None:
    (static / "chunks").mkdir(parents=True, exist_ok=True)
    (static / "sidepane.js").write_text(ENTRY)
    (static / "sidepane.css").write_text("body { margin: 0 }\n")
    (static / "chunks" / "main-MMM.js").write_text(MAIN)
    for name in ("chunk-AAA.js", "chunk-BBB.js", "chunk-CCC.js", "embed-VVV.js"):
        (static / "chunks" / name).write_text("export const a = 1;\n")


def test_the_entry_and_the_app_chunk_name_what_loads_before_a_draw(tmp_path: Path) -> None:
    _bundle(tmp_path)
    # Not the lazily loaded library (a chart's), which an app without it never fetches.
    assert bundle_preloads(tmp_path) == WANTED
    # A rebuild (new names) is seen at once.
    (tmp_path / "sidepane.js").write_text('import("./chunks/main-NEW.js");\n' + " " * 10)
    (tmp_path / "chunks" / "main-NEW.js").write_text("export{};\n")
    assert bundle_preloads(tmp_path) == ("chunks/main-NEW.js",)


def test_no_bundle_no_hints(tmp_path: Path) -> None:
    assert bundle_preloads(tmp_path) == ()
    assert "modulepreload" not in shell_html()


def test_the_built_bundle_has_its_app_chunk_preloaded() -> None:
    static = default_static_dir()
    if not (static / "sidepane.js").is_file():
        pytest.skip("the viewer is not built")
    preloads = bundle_preloads(static)
    assert any(p.startswith("chunks/main-") for p in preloads)
    assert all((static / p).is_file() for p in preloads)


async def _get(url: str) -> tuple[dict[str, str], str]:
    async with aiohttp.ClientSession() as http, http.get(url) as r:
        assert r.status == 200
        return dict(r.headers), await r.text()


@async_test
async def test_the_page_preloads_and_chunks_are_cached_for_good(tmp_path: Path) -> None:
    async with serving(tmp_path, "import sidepane as st\n") as server:
        _bundle(tmp_path / "static")  # in place of serving()'s stub
        _headers, page = await _get(server.url + "/")
        entry, _ = await _get(server.url + "/static/sidepane.js")
        chunk, _ = await _get(server.url + "/static/chunks/main-MMM.js")
    for path in WANTED:
        assert f'<link rel="modulepreload" href="/static/{path}">' in page
    # The entry's name never changes: always revalidated. A chunk's name is its content's hash.
    assert entry["Cache-Control"] == "no-cache"
    assert chunk["Cache-Control"] == "public, max-age=31536000, immutable"


@async_test
async def test_preloads_live_under_the_base_path(tmp_path: Path) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text('[server]\nbaseUrlPath = "myapp"\n')
    async with serving(tmp_path, "import sidepane as st\n") as server:
        _bundle(tmp_path / "static")
        _headers, page = await _get(server.url + "/myapp/")
    assert '<link rel="modulepreload" href="/myapp/static/chunks/main-MMM.js">' in page
