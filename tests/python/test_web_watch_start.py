"""`sidepane run` starts watching the script's files at the end of the first run (its modules and
start would compete with the first paint), and a save made before it started is not lost."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from web_helpers import async_test, eventually, is_body, open_tab

from sidepane.runtime.app import App
from sidepane.runtime.script_cache import ScriptCache
from sidepane.servers.web.server import WebServer

SCRIPT = "import streamlit as st\nst.write('one')\n"


def _save(script: Path, text: str) -> None:
    script.write_text(text, encoding="utf-8")
    # A different size, so the change shows whatever the file system's mtime resolution.
    time.sleep(0.01)


def test_script_cache_names_the_scripts_changed_since_compiled(tmp_path: Path) -> None:
    cache = ScriptCache()
    kept, edited, removed = (tmp_path / f"{n}.py" for n in ("kept", "edited", "removed"))
    for path in (kept, edited, removed):
        path.write_text("x = 1\n")
        cache.get_code(str(path))
    _save(edited, "x = 22\n")
    removed.unlink()
    assert sorted(cache.changed_since_compiled()) == sorted([str(edited), str(removed)])


async def _started(folder: Path) -> tuple[WebServer, Path]:
    script = folder / "app.py"
    script.write_text(SCRIPT, encoding="utf-8")
    static = folder / "static"
    static.mkdir()
    (static / "sidepane.js").write_text("")
    (static / "sidepane.css").write_text("")
    server = WebServer(App(script), port=0, static_dir=static, run_on_save=True)
    await server.start(watch_later=True)
    return server, script


@async_test
async def test_watching_starts_with_the_end_of_the_first_run(tmp_path: Path) -> None:
    server, script = await _started(tmp_path)
    try:
        assert server.watcher is None
        async with open_tab(server) as tab:
            await tab.hello()

            async def watching() -> bool:
                return server.watcher is not None

            await eventually(watching)
            _save(script, SCRIPT.replace("one", "two, saved"))
            await tab.until(is_body("two, saved"))
    finally:
        await server.stop()


@async_test
async def test_a_save_made_before_the_watcher_started_reruns(tmp_path: Path) -> None:
    server, script = await _started(tmp_path)
    try:
        async with open_tab(server) as tab:
            await tab.hello()

            async def watching() -> bool:
                return server.watcher is not None

            await eventually(watching)
            # As if the save had come between the run and the watcher's start.
            watcher = server.watcher
            assert watcher is not None
            await asyncio.get_running_loop().run_in_executor(None, watcher.stop)
            server.watcher = None
            _save(script, SCRIPT.replace("one", "three, unheard"))
            server._start_watching()
            await tab.until(is_body("three, unheard"))
    finally:
        await server.stop()
