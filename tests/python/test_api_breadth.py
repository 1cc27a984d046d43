"""Breadth: every public name of Streamlit 1.67 a script can reach (`st.x`, and the documented
modules `st.column_config`, `st.components.v1`, `st.components.v2`, `st.connections`, `st.typing`,
`streamlit.testing.v1`) is covered by Sidepane, or listed below with the reason it is not.

The names are `dir()` of those modules in Streamlit 1.67, kept in data/streamlit_1_67_api.txt so
this runs without Streamlit; with the bench's Streamlit venv installed, a test checks the file is
still what 1.67 says. Regenerate it with `.venv/bin/python tests/python/test_api_breadth.py`.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sidepane.runtime.streamlit_alias import target_name_for

DATA = Path(__file__).parent / "data" / "streamlit_1_67_api.txt"
STREAMLIT_167 = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/python"

# The modules whose names are listed ("" is `streamlit` itself).
MODULES = (
    "",
    "column_config",
    "components.v1",
    "components.v2",
    "connections",
    "typing",
    "testing.v1",
)

# What 1.67's `dir()` lists that is not its API: its implementation's modules (a script that
# imports one gets "Sidepane has no `streamlit.x`"; so are the submodules of the listed modules,
# e.g. `connections.sql_connection`), and names those modules import.
INTERNAL_MODULES = frozenset(
    [
        "auth_util",
        "byte_util",
        "cli_util",
        "commands",
        "config",
        "config_option",
        "config_util",
        "cursor",
        "dataframe_util",
        "delta_generator_singletons",
        "development",
        "elements",
        "env_util",
        "error_util",
        "file_util",
        "net_util",
        "path_security",
        "proto",
        "signal_util",
        "source_util",
        "starlette",
        "streamlit",
        "string_util",
        "time_util",
        "toml_writer",
        "type_util",
        "url_util",
        "user_info",
        "util",
        "version",
        "watcher",
    ]
)
NOT_API = frozenset(
    {
        "components.v1.deprecate_func_name",
        "column_config.annotations",
        "typing.annotations",
        # What `streamlit.components.v2` imports for its own use (its API is `component`).
        "components.v2.Any",
        "components.v2.TYPE_CHECKING",
        "components.v2.annotations",
        "components.v2.build_definition_with_validation",
        "components.v2.get_bidi_component_manager",
        "components.v2.StreamlitInvalidParameterTypeError",
    }
)

# Left out on purpose.
LEFT_OUT = {
    "App": "Streamlit's ASGI app (a Starlette server for custom routes); Sidepane serves a "
    "script with `sidepane run` or the VS Code panel, not inside another ASGI server",
}

# Not yet in Sidepane: issue 18's remaining work. Remove a name once it lands (a test says so).
NOT_YET: dict[str, str] = {}


def streamlit_names(python: Path) -> list[str]:
    """The public names of MODULES in the Streamlit that `python` imports, one `module.name` (or
    `name`) per line, with its kind (`module` or `object`)."""
    code = f"""
import importlib, types
for path in {MODULES!r}:
    module = importlib.import_module("streamlit" + ("." + path if path else ""))
    for name in dir(module):
        if name.startswith("_"):
            continue
        kind = "module" if isinstance(getattr(module, name), types.ModuleType) else "object"
        print((path + "." if path else "") + name, kind)
"""
    done = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return sorted(done.stdout.splitlines())


def _recorded() -> dict[str, str]:
    lines = DATA.read_text().splitlines()
    return dict(line.split() for line in lines if line and not line.startswith("#"))


def _sidepane_module(streamlit_path: str) -> ModuleType | None:
    """The module `import streamlit.<path>` gives a script under Sidepane, if it serves one."""
    target = target_name_for(f"streamlit.{streamlit_path}")
    if target is None:
        return None
    try:
        return importlib.import_module(target)
    except ImportError:
        return None


def covered(name: str, kind: str) -> bool:
    """Whether a script under Sidepane reaches `streamlit.<name>`."""
    module_path, _, attribute = name.rpartition(".")
    if not module_path:
        import sidepane

        if hasattr(sidepane, name):
            return True
        return kind == "module" and _sidepane_module(name) is not None
    module = _sidepane_module(module_path)
    return module is not None and hasattr(module, attribute)


def _api_names() -> dict[str, str]:
    return {
        name: kind
        for name, kind in _recorded().items()
        if name not in NOT_API
        and name not in INTERNAL_MODULES
        and not (kind == "module" and "." in name)
    }


def test_the_recorded_list_is_streamlit_1_67s() -> None:
    assert len(_recorded()) > 200
    assert {"write", "column_config.TextColumn", "components.v1.declare_component"} <= set(
        _recorded()
    )
    if not STREAMLIT_167.exists():
        pytest.skip("the bench's Streamlit 1.67 venv is not installed")
    assert list(_recorded().items()) == [
        tuple(line.split()) for line in streamlit_names(STREAMLIT_167)
    ], "regenerate data/streamlit_1_67_api.txt (see this file's docstring)"


def test_every_user_facing_name_is_covered_or_listed() -> None:
    missing = {name for name, kind in _api_names().items() if not covered(name, kind)}
    unlisted = missing - set(LEFT_OUT) - set(NOT_YET)
    assert not unlisted, f"Streamlit 1.67 names Sidepane lacks, listed nowhere: {sorted(unlisted)}"


def test_left_out_names_are_really_missing() -> None:
    names = _api_names()
    present = {name for name in LEFT_OUT if covered(name, names[name])}
    assert not present, f"covered now: take them off LEFT_OUT: {sorted(present)}"


def test_not_yet_shrinks_as_names_land() -> None:
    names = _api_names()
    assert set(NOT_YET) <= set(names)
    landed = {name for name in NOT_YET if covered(name, names[name])}
    assert not landed, f"these landed: take them off NOT_YET: {sorted(landed)}"


def test_internal_modules_are_modules() -> None:
    recorded = _recorded()
    assert all(recorded.get(name) == "module" for name in INTERNAL_MODULES), [
        name for name in INTERNAL_MODULES if recorded.get(name) != "module"
    ]


if __name__ == "__main__":
    if not STREAMLIT_167.exists():
        sys.exit(f"no Streamlit 1.67 at {STREAMLIT_167}: run bench/streamlit_env.py's setup")
    header = "# dir() of Streamlit 1.67's public modules (see test_api_breadth.py): name kind\n"
    DATA.write_text(header + "\n".join(streamlit_names(STREAMLIT_167)) + "\n")
    print(f"wrote {DATA}")
