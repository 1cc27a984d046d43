"""Where an installed package's v2 component keeps its files: the `asset_dir` its
`pyproject.toml` declares (as Streamlit 1.67 reads it).

A package ships a `pyproject.toml` beside its code with

    [project]
    name = "my-package"

    [[tool.streamlit.component.components]]
    name = "my_component"
    asset_dir = "frontend/build"

and registers the component as `"my-package.my_component"`; `js="index-*.js"` then names a file
in that folder. Looked up on demand (only for a name with a dot whose `js`/`css` is a path), and
remembered for the process.
"""

from __future__ import annotations

import functools
import importlib.metadata
import logging
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 has no tomllib (the package depends on tomli there)
    import tomli as tomllib

log = logging.getLogger("sidepane.components.v2")


def _manifest_components(pyproject: Path, project: str) -> dict[str, Path]:
    """The components `pyproject` declares with their asset folders, if it is `project`'s."""
    try:
        config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    declared: Any = config.get("project", {}).get("name")
    if not isinstance(declared, str) or _canonical(declared) != _canonical(project):
        return {}
    entries: Any = config.get("tool", {}).get("streamlit", {}).get("component", {})
    found: dict[str, Path] = {}
    for entry in entries.get("components", []) if isinstance(entries, dict) else []:
        if not isinstance(entry, dict):
            continue
        name, asset_dir = entry.get("name"), entry.get("asset_dir")
        if isinstance(name, str) and isinstance(asset_dir, str):
            found[name] = (pyproject.parent / asset_dir).resolve()
    return found


def _canonical(project: str) -> str:
    return project.lower().replace("_", "-").replace(".", "-")


@functools.cache
def _declared(project: str) -> dict[str, Path]:
    try:
        dist = importlib.metadata.distribution(project)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return {}
    for file in dist.files or ():
        if file.name != "pyproject.toml":
            continue
        found = _manifest_components(Path(str(dist.locate_file(file))), project)
        if found:
            return found
    return {}


def asset_root(component_key: str) -> Path | None:
    """The asset folder declared for `"<project>.<component>"`, or None."""
    project, dot, name = component_key.rpartition(".")
    if not dot or not project or not name:
        return None
    root = _declared(project).get(name)
    if root is not None and not root.is_dir():
        log.warning("the asset_dir of component %r is not a folder: %s", component_key, root)
        return None
    return root
