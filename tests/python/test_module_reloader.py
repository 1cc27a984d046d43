"""ModuleReloader: edited local modules, and their importers, are fresh on the next run."""

from __future__ import annotations

import importlib
import os
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from sidepane.runtime import module_reloader
from sidepane.runtime.module_reloader import ModuleReloader

LONG_AGO_NS = time.time_ns() - 3600 * 1_000_000_000


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An app folder on sys.path; modules imported from it are forgotten afterwards."""
    root = tmp_path / "app"
    root.mkdir()
    monkeypatch.syspath_prepend(str(root))
    # Tests edit files faster than .pyc timestamps (whole seconds) can tell apart.
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    yield root
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.startswith(str(tmp_path)):
            del sys.modules[name]


def write(path: Path, source: str, *, mtime_ns: int = LONG_AGO_NS) -> Path:
    """Create a module file, dated in the past unless told otherwise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source))
    os.utime(path, ns=(mtime_ns, mtime_ns))
    importlib.invalidate_caches()
    return path


def edit(path: Path, source: str) -> None:
    """Rewrite a module file with a later mtime, as an editor's save would."""
    before = path.stat().st_mtime_ns
    write(path, source, mtime_ns=before + 1_000_000_000)


def test_nothing_changed_reloads_nothing(project: Path) -> None:
    write(project / "helper.py", "VALUE = 1\n")
    helper = importlib.import_module("helper")
    reloader = ModuleReloader(project)
    assert reloader.reload_changed() == []
    assert reloader.reload_changed() == []
    assert sys.modules["helper"] is helper


def test_an_edited_module_is_reloaded_in_place(project: Path) -> None:
    path = write(project / "helper.py", "VALUE = 1\n")
    helper = importlib.import_module("helper")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(path, "VALUE = 2\n")
    assert reloader.reload_changed() == ["helper"]
    assert sys.modules["helper"] is helper
    assert helper.VALUE == 2
    assert reloader.reload_changed() == []


def test_importers_are_reloaded_after_their_dependencies(project: Path) -> None:
    path = write(project / "helper.py", "def f():\n    return 1\n")
    write(project / "middle.py", "from helper import f\n")
    write(project / "top.py", "import middle\n")
    write(project / "unrelated.py", "X = 0\n")
    for name in ("top", "unrelated"):
        importlib.import_module(name)
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(path, "def f():\n    return 2\n")
    assert reloader.reload_changed() == ["helper", "middle", "top"]
    assert sys.modules["middle"].f() == 2
    assert sys.modules["top"].middle.f() == 2


def test_imported_constants_make_a_dependency(project: Path) -> None:
    path = write(project / "settings.py", "LIMIT = 10\n")
    write(project / "limits.py", "from settings import LIMIT\n")
    importlib.import_module("limits")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(path, "LIMIT = 20\n")
    assert reloader.reload_changed() == ["settings", "limits"]
    assert sys.modules["limits"].LIMIT == 20


def test_relative_imports_make_a_dependency(project: Path) -> None:
    write(project / "rel" / "__init__.py", "")
    path = write(project / "rel" / "consts.py", "NAME = 'a'\n")
    write(project / "rel" / "user.py", "from .consts import NAME\n")
    importlib.import_module("rel.user")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(path, "NAME = 'b'\n")
    assert reloader.reload_changed() == ["rel.consts", "rel.user"]
    assert sys.modules["rel.user"].NAME == "b"


def test_imports_inside_functions_do_not_make_a_dependency(project: Path) -> None:
    path = write(project / "helper.py", "VALUE = 1\n")
    write(project / "lazy.py", "def get():\n    from helper import VALUE\n    return VALUE\n")
    importlib.import_module("helper")
    importlib.import_module("lazy")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(path, "VALUE = 2\n")
    assert reloader.reload_changed() == ["helper"]
    assert sys.modules["lazy"].get() == 2


def test_objects_defined_elsewhere_make_a_dependency(project: Path) -> None:
    path = write(project / "config.py", "class Config:\n    size = 1\n")
    write(project / "uses_config.py", "import config as _c\nsettings = _c.Config()\ndel _c\n")
    importlib.import_module("uses_config")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(path, "class Config:\n    size = 2\n")
    assert reloader.reload_changed() == ["config", "uses_config"]
    assert sys.modules["uses_config"].settings.size == 2


def test_decorated_functions_count_as_their_own_module(project: Path) -> None:
    path = write(
        project / "loaders.py",
        """
        import functools

        @functools.lru_cache
        def load():
            return "old"
        """,
    )
    write(project / "page.py", "from loaders import load\n")
    importlib.import_module("page")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(path, "import functools\n\n@functools.lru_cache\ndef load():\n    return 'new'\n")
    assert reloader.reload_changed() == ["loaders", "page"]
    assert sys.modules["page"].load() == "new"


def test_packages_and_submodules(project: Path) -> None:
    write(project / "pkg" / "__init__.py", "from .sub import f\n")
    sub = write(project / "pkg" / "sub.py", "def f():\n    return 'a'\n")
    importlib.import_module("pkg")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(sub, "def f():\n    return 'b'\n")
    assert reloader.reload_changed() == ["pkg.sub", "pkg"]
    assert sys.modules["pkg"].f() == "b"


def test_import_cycles_do_not_hang(project: Path) -> None:
    a = write(project / "cyc_a.py", "import cyc_b\nVALUE = 1\n")
    write(project / "cyc_b.py", "import cyc_a\n")
    importlib.import_module("cyc_a")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(a, "import cyc_b\nVALUE = 2\n")
    assert sorted(reloader.reload_changed()) == ["cyc_a", "cyc_b"]
    assert sys.modules["cyc_b"].cyc_a.VALUE == 2


def test_a_broken_edit_drops_the_module_and_its_importers(project: Path) -> None:
    path = write(project / "helper.py", "VALUE = 1\n")
    write(project / "user.py", "from helper import VALUE\n")
    write(project / "bystander.py", "X = 0\n")
    for name in ("user", "bystander"):
        importlib.import_module(name)
    reloader = ModuleReloader(project)
    reloader.reload_changed()

    edit(path, "VALUE = (\n")
    assert reloader.reload_changed() == []
    assert "helper" not in sys.modules
    assert "user" not in sys.modules
    assert "bystander" in sys.modules
    # The script's own import now raises, inside the run, where the runtime shows it.
    with pytest.raises(SyntaxError):
        importlib.import_module("user")
    assert reloader.reload_changed() == []

    edit(path, "VALUE = 3\n")
    assert reloader.reload_changed() == []
    assert importlib.import_module("user").VALUE == 3
    assert reloader.reload_changed() == []


def test_a_reload_that_raises_at_run_time_is_dropped_too(project: Path) -> None:
    path = write(project / "helper.py", "VALUE = 1\n")
    importlib.import_module("helper")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(path, "raise RuntimeError('broken on import')\n")
    assert reloader.reload_changed() == []
    assert "helper" not in sys.modules


def test_a_deleted_module_is_dropped(project: Path) -> None:
    path = write(project / "helper.py", "VALUE = 1\n")
    importlib.import_module("helper")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    path.unlink()
    importlib.invalidate_caches()
    assert reloader.reload_changed() == []
    assert "helper" not in sys.modules
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("helper")


def test_a_module_imported_by_the_last_run_and_edited_since_is_reloaded(project: Path) -> None:
    reloader = ModuleReloader(project)
    reloader.reload_changed()  # before run 1
    path = write(project / "late.py", "VALUE = 1\n")
    importlib.import_module("late")  # run 1 imports it
    write(path, "VALUE = 2\n", mtime_ns=time.time_ns())  # the user edits it after
    assert reloader.reload_changed() == ["late"]  # before run 2
    assert sys.modules["late"].VALUE == 2


def test_a_module_imported_by_the_last_run_and_not_edited_is_kept(project: Path) -> None:
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    write(project / "late.py", "VALUE = 1\n")
    late = importlib.import_module("late")
    assert reloader.reload_changed() == []
    assert sys.modules["late"] is late


def test_modules_outside_the_script_folder_are_left_alone(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    path = write(elsewhere / "outside.py", "VALUE = 1\n")
    monkeypatch.syspath_prepend(str(elsewhere))
    importlib.import_module("outside")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(path, "VALUE = 2\n")
    assert reloader.reload_changed() == []
    assert sys.modules["outside"].VALUE == 1


@pytest.mark.parametrize("vendored", ["site-packages", "dist-packages"])
def test_installed_packages_inside_the_project_are_left_alone(
    project: Path, monkeypatch: pytest.MonkeyPatch, vendored: str
) -> None:
    site_dir = project / ".venv" / "lib" / "python3.11" / vendored
    path = write(site_dir / "vendored_mod.py", "VALUE = 1\n")
    monkeypatch.syspath_prepend(str(site_dir))
    importlib.import_module("vendored_mod")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(path, "VALUE = 2\n")
    assert reloader.reload_changed() == []
    assert sys.modules["vendored_mod"].VALUE == 1


def test_the_interpreter_prefix_is_left_alone(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only matters when the app folder contains the interpreter (a venv in the project).
    prefix = project / "env"
    path = write(prefix / "in_prefix.py", "VALUE = 1\n")
    monkeypatch.syspath_prepend(str(prefix))
    monkeypatch.setattr(sys, "prefix", str(prefix))
    importlib.import_module("in_prefix")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(path, "VALUE = 2\n")
    assert reloader.reload_changed() == []


def test_an_app_inside_the_prefix_still_reloads(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # e.g. python in /usr/local and the app in /usr/local/app.
    monkeypatch.setattr(sys, "prefix", str(project.parent))
    path = write(project / "helper.py", "VALUE = 1\n")
    importlib.import_module("helper")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(path, "VALUE = 2\n")
    assert reloader.reload_changed() == ["helper"]


def test_symlinked_script_folder(project: Path, tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(project, target_is_directory=True)
    path = write(project / "helper.py", "VALUE = 1\n")
    importlib.import_module("helper")
    reloader = ModuleReloader(link)
    reloader.reload_changed()
    edit(path, "VALUE = 2\n")
    assert reloader.reload_changed() == ["helper"]


def test_a_module_linked_from_outside_into_the_app_folder(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Folders are resolved once each; a file that is itself a link is still followed.
    outside = tmp_path / "outside"
    outside.mkdir()
    monkeypatch.syspath_prepend(str(outside))
    real = write(project / "real_helper.py", "VALUE = 1\n")
    (outside / "linked_helper.py").symlink_to(real)
    write(outside / "plain_helper.py", "VALUE = 1\n")
    importlib.import_module("linked_helper")
    importlib.import_module("plain_helper")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    edit(real, "VALUE = 2\n")
    edit(outside / "plain_helper.py", "VALUE = 2\n")
    assert reloader.reload_changed() == ["linked_helper"]
    assert sys.modules["linked_helper"].VALUE == 2


def test_same_size_edit_within_the_same_second_is_not_hidden_by_bytecode(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    start = (time.time_ns() // 1_000_000_000 - 60) * 1_000_000_000
    path = write(project / "cached.py", "VALUE = 1\n", mtime_ns=start + 1000)
    importlib.import_module("cached")
    assert os.path.exists(sys.modules["cached"].__cached__)
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    write(path, "VALUE = 2\n", mtime_ns=start + 2000)
    assert reloader.reload_changed() == ["cached"]
    assert sys.modules["cached"].VALUE == 2


def test_unchanged_sys_modules_is_not_rescanned(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project / "helper.py", "VALUE = 1\n")
    importlib.import_module("helper")
    reloader = ModuleReloader(project)
    reloader.reload_changed()
    judged: list[str] = []
    original = ModuleReloader._candidate_path

    def counting(self: ModuleReloader, name: str, module: object) -> Path | None:
        judged.append(name)
        return original(self, name, module)

    monkeypatch.setattr(ModuleReloader, "_candidate_path", counting)
    for _ in range(3):
        assert reloader.reload_changed() == []
    assert judged == []

    write(project / "another.py", "X = 1\n")
    importlib.import_module("another")
    reloader.reload_changed()
    assert "another" in judged


def test_sidepane_itself_and_main_are_never_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    sidepane_root = Path(module_reloader.__file__).resolve().parents[2]
    fake_main = ModuleType("__main__")
    fake_main.__file__ = str(sidepane_root / "script.py")
    monkeypatch.setitem(sys.modules, "__main__", fake_main)
    reloader = ModuleReloader(sidepane_root)
    reloader.reload_changed()
    watched = reloader._files  # what the reloader would stat on each call
    assert not [name for name in watched if name == "__main__" or name.startswith("sidepane")]
