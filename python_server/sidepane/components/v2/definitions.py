"""`st.components.v2` component definitions: a name with its HTML, CSS and JavaScript, each
inline text or (for a component of an installed package) a file in its declared `asset_dir`.

Definitions are process-wide, as in Streamlit: a module imported once defines its component
for every session. A file-backed definition registers its asset folder with the components'
route, which serves it at `component/<name>/<path>` (sidepane/components/registry.py).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sidepane.components.registry import register_component
from sidepane.components.v2.manifest import asset_root
from sidepane.elements.arguments import type_error
from sidepane.errors import SidepaneAPIException

log = logging.getLogger("sidepane.components.v2")

_GLOB_CHARACTERS = ("*", "?", "[", "]")
_ASSET_SUFFIXES = (".js", ".css", ".mjs", ".cjs")


@dataclass(frozen=True)
class ComponentDefinition:
    """What `st.components.v2.component` registered under `name`."""

    name: str
    html: str | None = None
    css: str | None = None
    js: str | None = None
    # Paths relative to the asset folder, for file-backed CSS and JavaScript.
    css_path: str | None = None
    js_path: str | None = None


_lock = threading.Lock()
_definitions: dict[str, ComponentDefinition] = {}


def looks_inline(value: str) -> bool:
    """Streamlit's rule: a one-line string that looks like a path or glob names a file;
    anything else is the content itself."""
    text = value.strip()
    if "\n" in text or "\r" in text:
        return True
    if any(c in text for c in _GLOB_CHARACTERS):
        return False
    if text.startswith(("./", "/", "\\")) or "/" in text or "\\" in text:
        return False
    return not text.lower().endswith(_ASSET_SUFFIXES)


def _check_safe(path: str, label: str) -> None:
    normalized = path.replace("\\", "/")
    segments = [s for s in normalized.split("/") if s]
    if ".." in segments:
        raise SidepaneAPIException(f"Path traversal attempts are not allowed in {label}: {path}")
    unsafe = (
        normalized.startswith("/")
        or "\x00" in path
        or (len(path) >= 2 and path[1] == ":")
        or normalized.startswith("//")
    )
    if unsafe:
        raise SidepaneAPIException(f"Unsafe paths are not allowed in {label}: {path}")


def _resolve_file(value: str, root: Path, kind: str) -> str:
    """The file `value` (a relative path or a glob matching exactly one file) names in `root`,
    as a path relative to it."""
    root = root.resolve()
    if any(c in value for c in _GLOB_CHARACTERS):
        _check_safe(value, "glob patterns")
        matches = [p.resolve() for p in root.glob(value)]
        inside = [p for p in matches if p.is_relative_to(root)]
        if not inside:
            raise SidepaneAPIException(
                f"No files found matching pattern '{value}' in package root {root}"
            )
        if len(inside) > 1:
            listed = ", ".join(str(p) for p in inside)
            raise SidepaneAPIException(
                f"Multiple files found matching pattern '{value}': {listed}. "
                "Exactly one file must match the pattern."
            )
        target = inside[0]
    else:
        _check_safe(value, "component paths")
        target = (root / value).resolve()
    if not target.is_relative_to(root):
        raise SidepaneAPIException(
            f"{kind} path '{root / value}' is outside the declared asset_dir '{root}'."
        )
    return PurePosixPath(target.relative_to(root).as_posix()).as_posix()


def build_definition(
    name: str, html: str | None, css: str | None, js: str | None
) -> ComponentDefinition:
    """Check `css`/`js` (inline text, or a file of the component's declared `asset_dir`)."""
    for param, value in (("css", css), ("js", js)):
        if value is not None and not isinstance(value, str):
            raise type_error(
                param, type(value).__name__, ["str", "None"], detail="Pass a string path or glob."
            )
    root: Path | None = None
    resolved: dict[str, tuple[str | None, str | None]] = {}
    for kind, value in (("css", css), ("js", js)):
        if value is None or looks_inline(value):
            resolved[kind] = (value, None)
            continue
        root = root or asset_root(name)
        if root is None:
            raise SidepaneAPIException(
                f"Component '{name}' must be declared in pyproject.toml with asset_dir "
                f"to use file-backed {kind}."
            )
        resolved[kind] = (None, _resolve_file(value, root, kind))
    if root is not None:
        register_component(name, str(root))
    return ComponentDefinition(
        name=name,
        html=None if html is None else str(html),
        css=resolved["css"][0],
        js=resolved["js"][0],
        css_path=resolved["css"][1],
        js_path=resolved["js"][1],
    )


def register(definition: ComponentDefinition) -> None:
    """Record `definition`; a name defined again with other content is replaced (and logged)."""
    with _lock:
        old = _definitions.get(definition.name)
        if old is not None and old != definition:
            log.warning(
                "Component %r was registered again; the latest definition is used. Give each "
                "component its own name.",
                definition.name,
            )
        _definitions[definition.name] = definition


def get(name: str) -> ComponentDefinition | None:
    with _lock:
        return _definitions.get(name)
