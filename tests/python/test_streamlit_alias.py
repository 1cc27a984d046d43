"""streamlit_alias: `import streamlit` gives the target package while a script runs."""

from __future__ import annotations

import importlib
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from sidepane.runtime import streamlit_alias

TARGET = "fakeside"


class Switch:
    """The runtime's "is a script running on this thread" question, answered by hand."""

    def __init__(self) -> None:
        self.on = True

    def __call__(self) -> bool:
        return self.on


def write(path: Path, source: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source))


def _ours(name: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in ("streamlit", TARGET))


@pytest.fixture
def switch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Switch]:
    """A fake target package (and a fake real streamlit) on sys.path, the finder installed."""
    root = tmp_path / "target"
    write(root / TARGET / "__init__.py", "session_state = {}\n")
    write(root / TARGET / "runtime" / "__init__.py", "def exists():\n    return True\n")
    write(root / TARGET / "runtime" / "state.py", "VALUE = 'sidepane internal'\n")
    write(root / TARGET / "compat" / "__init__.py")
    write(root / TARGET / "compat" / "runtime" / "__init__.py")
    write(root / TARGET / "compat" / "runtime" / "state.py", "VALUE = 'state'\n")
    write(
        root / TARGET / "compat" / "runtime" / "needs_missing.py",
        "import a_module_that_does_not_exist\n",
    )
    write(root / TARGET / "testing" / "__init__.py", "class AppTest:\n    pass\n")
    write(root / TARGET / "testing" / "app_test.py", "KIND = 'app_test'\n")
    write(root / TARGET / "components" / "__init__.py", "def html(body):\n    return body\n")
    real = tmp_path / "real"
    write(real / "streamlit" / "__init__.py", "REAL = True\n")
    monkeypatch.syspath_prepend(str(real))
    monkeypatch.syspath_prepend(str(root))
    importlib.invalidate_caches()
    saved_modules = {name: m for name, m in sys.modules.items() if _ours(name)}
    for name in saved_modules:
        del sys.modules[name]
    saved_meta_path = list(sys.meta_path)
    saved_aliases = dict(streamlit_alias._aliases)
    # install() would update a finder the runtime installed in an earlier test; start afresh.
    sys.meta_path[:] = [f for f in sys.meta_path if not is_alias_finder(f)]

    switch = Switch()
    streamlit_alias.install(switch, target=TARGET)
    yield switch

    streamlit_alias.uninstall()
    sys.meta_path[:] = saved_meta_path
    for name in [name for name in sys.modules if _ours(name)]:
        del sys.modules[name]
    sys.modules.update(saved_modules)
    streamlit_alias._aliases.update(saved_aliases)


def is_alias_finder(finder: object) -> bool:
    return type(finder).__name__ == "_StreamlitAliasFinder"


def run_script(source: str) -> dict[str, object]:
    namespace: dict[str, object] = {"__name__": "__main__"}
    exec(textwrap.dedent(source), namespace)
    return namespace


def test_import_streamlit_gives_the_target_module_itself(switch: Switch) -> None:
    ns = run_script("import streamlit as st\n")
    target = importlib.import_module(TARGET)
    assert ns["st"] is target
    assert ns["st"].session_state is target.session_state


def test_the_target_keeps_its_own_identity(switch: Switch) -> None:
    run_script("import streamlit\nimport streamlit.testing.v1\n")
    target = importlib.import_module(TARGET)
    assert target.__name__ == TARGET
    assert target.__spec__ is not None and target.__spec__.name == TARGET
    testing = importlib.import_module(f"{TARGET}.testing")
    assert testing.__spec__ is not None and testing.__spec__.name == f"{TARGET}.testing"


def test_runtime_submodules_are_served_by_compat(switch: Switch) -> None:
    ns = run_script(
        """
        import streamlit.runtime.state
        from streamlit.runtime import state as state_module
        from streamlit.runtime.state import VALUE
        from streamlit import runtime
        """
    )
    state = importlib.import_module(f"{TARGET}.compat.runtime.state")
    assert ns["state_module"] is state
    assert ns["VALUE"] == "state"
    assert sys.modules["streamlit.runtime.state"] is state
    # `streamlit.runtime` is the target's runtime package, whatever its submodules: importing
    # them sets attributes of the target (the `streamlit` module), which must stay its own.
    target_runtime = importlib.import_module(f"{TARGET}.runtime")
    assert ns["runtime"] is target_runtime
    assert ns["streamlit"].runtime is target_runtime  # type: ignore[attr-defined]
    assert importlib.import_module(TARGET).runtime is target_runtime


def test_versioned_testing_and_components_modules(switch: Switch) -> None:
    ns = run_script(
        """
        from streamlit.testing.v1 import AppTest
        import streamlit.components.v1 as components
        import streamlit.testing.v1.app_test as app_test
        import streamlit as st
        """
    )
    assert ns["AppTest"] is importlib.import_module(f"{TARGET}.testing").AppTest
    assert ns["components"] is importlib.import_module(f"{TARGET}.components")
    assert ns["app_test"] is importlib.import_module(f"{TARGET}.testing.app_test")
    # The attribute path works as well as the import statement.
    assert ns["st"].testing.v1.AppTest is ns["AppTest"]  # type: ignore[attr-defined]


def test_missing_counterparts_raise_a_clear_error(switch: Switch) -> None:
    with pytest.raises(ModuleNotFoundError) as info:
        run_script("import streamlit.not_here\n")
    assert str(info.value).startswith("Sidepane has no `streamlit.not_here`: ")
    assert info.value.name == "streamlit.not_here"
    with pytest.raises(ModuleNotFoundError, match=r"^Sidepane has no `streamlit\.runtime\.nope`"):
        run_script("from streamlit.runtime.nope import x\n")


def test_the_targets_own_modules_are_not_streamlit_paths(switch: Switch) -> None:
    # The target has `testing.app_test` and `runtime.state`, but they are its own modules, not
    # Streamlit's: only the paths it serves are reachable as `streamlit.…`.
    with pytest.raises(ModuleNotFoundError, match=r"^Sidepane has no `streamlit\.compat`"):
        run_script("import streamlit.compat\n")
    ns = run_script("from streamlit.runtime.state import VALUE\n")
    assert ns["VALUE"] == "state"


def test_errors_inside_the_target_are_not_disguised(switch: Switch) -> None:
    with pytest.raises(ModuleNotFoundError) as info:
        run_script("import streamlit.runtime.needs_missing\n")
    assert info.value.name == "a_module_that_does_not_exist"


def test_a_missing_target_package_is_reported(switch: Switch) -> None:
    streamlit_alias.install(switch, target="no_such_target_pkg")
    with pytest.raises(ModuleNotFoundError, match=r"^Sidepane has no `streamlit`"):
        run_script("import streamlit\n")


def test_inactive_imports_get_the_real_streamlit(switch: Switch) -> None:
    switch.on = False
    ns = run_script("import streamlit\n")
    assert ns["streamlit"].REAL is True  # type: ignore[attr-defined]


def test_purge_removes_the_aliases_only(switch: Switch) -> None:
    run_script("import streamlit.runtime.state\nimport streamlit.testing.v1\n")
    assert "streamlit" in sys.modules
    streamlit_alias.purge_aliases()
    # Packages named streamlit_* (components a test imported) are not aliases.
    assert not [n for n in sys.modules if n == "streamlit" or n.startswith("streamlit.")]
    # The target's own entries stay.
    assert f"{TARGET}.compat.runtime.state" in sys.modules

    switch.on = False
    real = importlib.import_module("streamlit")
    assert real.REAL is True
    streamlit_alias.purge_aliases()  # must not remove a streamlit it did not alias
    assert sys.modules["streamlit"] is real


def test_names_bound_during_a_run_survive_the_purge(switch: Switch) -> None:
    ns = run_script("import streamlit as st\n")
    streamlit_alias.purge_aliases()
    switch.on = False
    assert ns["st"] is sys.modules[TARGET]
    assert importlib.import_module("streamlit") is not ns["st"]


def test_install_is_idempotent(switch: Switch) -> None:
    streamlit_alias.install(switch, target=TARGET)
    streamlit_alias.install(switch, target=TARGET)
    finders = [f for f in sys.meta_path if is_alias_finder(f)]
    assert len(finders) == 1
    assert sys.meta_path[0] is finders[0]


def test_other_imports_are_untouched(switch: Switch) -> None:
    assert streamlit_alias.target_name_for("streamlitish") is None
    assert streamlit_alias.target_name_for("json") is None
    ns = run_script("import json\nimport textwrap\n")
    assert isinstance(ns["json"], ModuleType)


def test_target_names() -> None:
    name = streamlit_alias.target_name_for
    assert name("streamlit") == "sidepane"
    assert name("streamlit.runtime") == "sidepane.runtime"
    assert name("streamlit.runtime.scriptrunner") == "sidepane.compat.runtime.scriptrunner"
    assert name("streamlit.runtime.secrets") == "sidepane.runtime.secrets"
    assert name("streamlit.runtimes") is None
    assert name("streamlit.delta_generator") == "sidepane.elements.delta_generator"
    assert name("streamlit.web.cli") == "sidepane.compat.web.cli"
    assert name("streamlit.navigation.page") == "sidepane.compat.navigation.page"
    assert name("streamlit.errors") == "sidepane.errors"
    assert name("streamlit.cli") is None  # Sidepane's own CLI is no Streamlit module
    assert name("streamlit.testing.v1") == "sidepane.testing"
    assert name("streamlit.testing.v1.app_test") == "sidepane.testing.app_test"
    assert name("streamlit.components.v1") == "sidepane.components"
    assert name("streamlit.testing") == "sidepane.testing"
    assert name("streamlit", "other") == "other"


def test_only_the_active_thread_gets_the_alias(switch: Switch) -> None:
    script_thread: list[threading.Thread] = []
    streamlit_alias.install(lambda: threading.current_thread() in script_thread, target=TARGET)
    results: dict[str, object] = {}

    def script() -> None:
        results["script"] = importlib.import_module("streamlit")
        streamlit_alias.purge_aliases()

    thread = threading.Thread(target=script)
    script_thread.append(thread)
    thread.start()
    thread.join()
    results["other"] = importlib.import_module("streamlit")
    assert results["script"] is sys.modules[TARGET]
    assert results["other"] is not sys.modules[TARGET]
    assert results["other"].REAL is True  # type: ignore[attr-defined]
