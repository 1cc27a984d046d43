"""`sidepane run` watches the script and its local modules: rerun on save, or offer to."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
from web_helpers import async_test, is_body, open_tab, serving

from sidepane.runtime.config.sources import config_files
from sidepane.runtime.secrets import secrets_paths
from sidepane.servers.watcher import SourceWatcher

pytestmark = pytest.mark.timeout(30)


def save(path: Path, text: str) -> None:
    # Scripts are recompiled when their (mtime, size) changes; tests write quickly, so each
    # version gets a distinct size.
    path.write_text(text, encoding="utf-8")


@async_test
async def test_run_on_save_reruns_every_tab(tmp_path: Path) -> None:
    source = "import sidepane as st\nst.write('version one')\n"
    async with (
        serving(tmp_path, source, run_on_save=True) as server,
        open_tab(server) as a,
        open_tab(server) as b,
    ):
        await a.hello()
        await b.hello()
        save(Path(server.app.script_path), "import sidepane as st\nst.write('version two!')\n")
        for tab in (a, b):
            await tab.until(is_body("version two!"))
            assert (await tab.until(lambda f: f["t"] == "run_end"))["status"] == "ok"


@async_test
async def test_source_changed_is_sent_when_run_on_save_is_off(tmp_path: Path) -> None:
    source = "import sidepane as st\nst.write('before')\n"
    async with serving(tmp_path, source) as server, open_tab(server) as tab:
        await tab.hello()
        save(Path(server.app.script_path), "import sidepane as st\nst.write('after!')\n")
        changed = await tab.until(lambda f: f["t"] == "source_changed")
        assert changed["path"] == os.path.realpath(server.app.script_path)
        assert [f for f in await tab.quiet(0.2) if f["t"] == "run_start"] == []

        # "Always rerun": applies the pending change, and later saves rerun by themselves.
        await tab.send("run_on_save", enabled=True)
        await tab.until(is_body("after!"))
        await tab.until(lambda f: f["t"] == "run_end")
        await asyncio.sleep(0.06)
        save(Path(server.app.script_path), "import sidepane as st\nst.write('third time')\n")
        await tab.until(is_body("third time"))


@async_test
async def test_rerun_after_source_changed_shows_the_new_code(tmp_path: Path) -> None:
    source = "import sidepane as st\nst.write('before')\n"
    async with serving(tmp_path, source) as server, open_tab(server) as tab:
        await tab.hello()
        save(Path(server.app.script_path), "import sidepane as st\nst.write('after!')\n")
        await tab.until(lambda f: f["t"] == "source_changed")
        await tab.send("rerun")
        await tab.until(is_body("after!"))
        # run_on_save false: nothing pending, so turning it on does not rerun.
        await tab.until(lambda f: f["t"] == "run_end")
        await tab.send("run_on_save", enabled=True)
        assert [f for f in await tab.quiet(0.2) if f["t"] == "run_start"] == []


@async_test
async def test_a_burst_of_saves_gives_one_or_two_reruns(tmp_path: Path) -> None:
    source = "import sidepane as st\nst.write('v0')\n"
    async with serving(tmp_path, source, run_on_save=True) as server, open_tab(server) as tab:
        await tab.hello()
        script = Path(server.app.script_path)
        for n in range(1, 6):
            save(script, "import sidepane as st\nst.write('v" + "x" * n + "')\n")
        frames = await tab.quiet(0.5)
        upserts = [f for f in frames if f["t"] == "upsert"]
        assert is_body("vxxxxx")(upserts[-1])  # the screen shows the last save
        starts = [f for f in frames if f["t"] == "run_start"]
        # The first save reruns at once; the rest of the burst is folded into at most one more
        # (usually none: the five writes land before the first event is handled).
        assert 1 <= len(starts) <= 2, starts


@async_test
async def test_one_save_is_one_rerun(tmp_path: Path) -> None:
    source = "import sidepane as st\nst.write('v0')\n"
    async with serving(tmp_path, source, run_on_save=True) as server, open_tab(server) as tab:
        await tab.hello()
        save(Path(server.app.script_path), "import sidepane as st\nst.write('v1 saved')\n")
        await tab.until(lambda f: f["t"] == "run_start")
        await tab.until(is_body("v1 saved"))
        frames = await tab.quiet(0.3)
        assert [f for f in frames if f["t"] == "run_start"] == []


@async_test
async def test_an_imported_local_module_is_watched(tmp_path: Path) -> None:
    helper = tmp_path / "wh_helper_mod.py"
    helper.write_text("GREETING = 'hello'\n")
    source = "import sidepane as st\nimport wh_helper_mod\nst.write(wh_helper_mod.GREETING)\n"
    try:
        async with serving(tmp_path, source, run_on_save=True) as server, open_tab(server) as tab:
            await tab.hello()
            assert server.watcher is not None
            await asyncio.sleep(0.05)  # the watched set is refreshed on the loop after the run
            assert str(helper.resolve()) in server.watcher.files
            helper.write_text("GREETING = 'bonjour!'\n")
            await tab.until(is_body("bonjour!"))
    finally:
        sys.modules.pop("wh_helper_mod", None)


@async_test
async def test_other_files_in_the_folder_are_ignored(tmp_path: Path) -> None:
    source = "import sidepane as st\nst.write('same')\n"
    async with serving(tmp_path, source, run_on_save=True) as server, open_tab(server) as tab:
        await tab.hello()
        (tmp_path / "data.csv").write_text("a,b\n1,2\n")
        (tmp_path / "notes.py").write_text("x = 1\n")  # never imported
        assert [f for f in await tab.quiet(0.3) if f["t"] == "run_start"] == []


def test_installed_packages_and_sidepane_are_not_watched(tmp_path: Path) -> None:
    loop = asyncio.new_event_loop()
    try:
        watcher = SourceWatcher(str(tmp_path / "app.py"), lambda _p: None, loop)
        watcher.refresh()
        secrets = {os.path.realpath(p) for p in secrets_paths(str(tmp_path))}
        configs = {
            os.path.realpath(p)
            for p in config_files(str(tmp_path), os.getcwd(), os.path.expanduser("~"))
        }
        assert watcher.files == {os.path.realpath(tmp_path / "app.py"), *secrets, *configs}
        assert watcher._judge(pytest.__file__) is None
        assert watcher._judge(str(tmp_path / "site-packages" / "x.py")) is None
        assert watcher._judge(str(tmp_path / "lib" / "y.py")) == os.path.realpath(
            tmp_path / "lib" / "y.py"
        )
    finally:
        loop.close()


@async_test
async def test_an_editor_s_atomic_save_by_rename_reruns(tmp_path: Path) -> None:
    source = "import sidepane as st\nst.write('original')\n"
    async with serving(tmp_path, source, run_on_save=True) as server, open_tab(server) as tab:
        await tab.hello()
        temporary = tmp_path / ".app.py.swp"
        temporary.write_text("import sidepane as st\nst.write('renamed over')\n")
        os.replace(temporary, server.app.script_path)
        await tab.until(is_body("renamed over"))


@async_test
async def test_one_save_heard_twice_reports_once(tmp_path: Path) -> None:
    """An editor's save (didSave) and the file system's late event for it: one rerun."""
    script = tmp_path / "app.py"
    save(script, "print(1)\n")
    reports: list[str] = []
    loop = asyncio.get_running_loop()
    watcher = SourceWatcher(str(script), reports.append, loop)
    watcher.start()
    try:
        save(script, "print(22)\n")
        watcher.saved(str(script))
        await asyncio.sleep(0.2)  # past the burst window: the file system's events come late
        watcher.on_event("closed", os.path.realpath(script))
        await asyncio.sleep(0.1)
        assert reports == [os.path.realpath(script)]
        save(script, "print(333)\n")  # a real new version is reported again
        watcher.saved(str(script))
        assert len(reports) == 2
    finally:
        watcher.stop()
