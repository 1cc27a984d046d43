"""Reload the script's own modules when their files change, so edits show on the next rerun.

Python caches imported modules in ``sys.modules``, so without this an edited ``helper.py`` next
to the script would keep running its old code until the process restarts.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import importlib.util
import os
import site
import sys
import sysconfig
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Final, NamedTuple

# Filesystem timestamps come from a coarse kernel clock (they can lag `time.time_ns()` by a
# tick), and some filesystems only store whole seconds; see `_edited_since`.
_CLOCK_SLACK_NS: Final = 20_000_000
_WHOLE_SECOND_SLACK_NS: Final = 2_000_000_000
_VENDORED_DIR_NAMES: Final = frozenset({"site-packages", "dist-packages"})
# Sidepane itself must never be re-executed under a running script, even when it is installed
# in editable mode from a folder that also holds the app.
_OWN_PACKAGE: Final = __name__.split(".")[0]


class _Stamp(NamedTuple):
    mtime_ns: int
    size: int


class ModuleReloader:
    """Finds local modules whose source changed and reloads them with their importers."""

    def __init__(self, script_dir: str | Path) -> None:
        """Watch modules whose source lies under ``script_dir`` (symlinks resolved)."""
        self._root = Path(script_dir).resolve()
        self._root_prefix = os.path.join(str(self._root), "")
        self._real_folders: dict[str, str] = {}
        self._excluded = _excluded_dirs(self._root)
        # Module name -> (`__file__` as seen, resolved source or None if not a candidate), so a
        # rescan only resolves paths of modules it has not judged before.
        self._judged: dict[str, tuple[str, Path | None]] = {}
        self._files: dict[str, Path] = {}
        self._stamps: dict[str, _Stamp] = {}
        self._parsed: dict[str, tuple[_Stamp | None, set[str]]] = {}
        self._modules_seen = -1
        self._last_call_ns: int | None = None
        # One app serves many sessions, each running its script in its own thread.
        self._lock = threading.Lock()

    def reload_changed(self) -> list[str]:
        """Reload local modules changed since the last call; return the names reloaded.

        Importers of a changed module are reloaded after it (dependencies first), so their
        ``from helper import f`` picks up the new ``f``. A module whose file was deleted, or
        whose reload raised, is dropped from ``sys.modules`` together with its importers, so the
        script's own ``import`` raises the error inside the run, where it is shown. Dropped
        modules are not in the returned list.
        """
        with self._lock:
            call_ns = time.time_ns()
            self._refresh_candidates()
            changed: set[str] = set()
            deleted: set[str] = set()
            for name, path in self._files.items():
                stamp = _stat(path)
                previous = self._stamps.get(name)
                if stamp is None:
                    deleted.add(name)
                elif previous is None:
                    # First sight: the module was imported since the last call, by a run this
                    # reloader did not watch. If its file was edited after that run began, the
                    # code the run imported may already be stale.
                    self._stamps[name] = stamp
                    if self._last_call_ns is not None and _edited_since(stamp, self._last_call_ns):
                        changed.add(name)
                elif stamp != previous:
                    self._stamps[name] = stamp
                    changed.add(name)
            self._last_call_ns = call_ns
            if not changed and not deleted:
                return []
            return self._reload(changed, deleted)

    def _refresh_candidates(self) -> None:
        """Rescan ``sys.modules`` for candidates, unless its size is unchanged since last time."""
        if len(sys.modules) == self._modules_seen:
            return
        modules = dict(sys.modules)
        current: dict[str, Path] = {}
        for name, module in modules.items():
            path = self._candidate_path(name, module)
            if path is not None:
                current[name] = path
        for name in self._files.keys() - current.keys():
            self._stamps.pop(name, None)
            self._parsed.pop(name, None)
        self._files = current
        self._judged = {name: judged for name, judged in self._judged.items() if name in modules}
        self._modules_seen = len(modules)

    def _candidate_path(self, name: str, module: object) -> Path | None:
        file = getattr(module, "__file__", None) if isinstance(module, ModuleType) else None
        if not isinstance(file, str):
            return None
        judged = self._judged.get(name)
        if judged is not None and judged[0] == file:
            return judged[1]
        path = self._judge(name, module, file)
        self._judged[name] = (file, path)
        return path

    def _judge(self, name: str, module: object, file: str) -> Path | None:
        # `__main__` is the script itself, which the runner re-executes anyway. Sidepane's own
        # modules are checked under their real name too, since they are also aliased as
        # `streamlit.*` while a script runs.
        real_name = getattr(module, "__name__", name)
        if (
            name == "__main__"
            or _is_own(name)
            or (isinstance(real_name, str) and _is_own(real_name))
        ):
            return None
        # Extension modules and bare .pyc files cannot be meaningfully re-executed, and a module
        # built by hand (no spec) cannot be reloaded at all.
        if not file.endswith((".py", ".pyw")) or getattr(module, "__spec__", None) is None:
            return None
        try:
            real = self._real_path(file)
        except (OSError, RuntimeError):
            return None
        if not real.startswith(self._root_prefix):
            return None
        path = Path(real)
        if any(path.is_relative_to(excluded) for excluded in self._excluded):
            return None
        if _VENDORED_DIR_NAMES.intersection(path.relative_to(self._root).parts):
            return None
        return path

    def _real_path(self, file: str) -> str:
        """`file` with symlinks resolved. A first run judges every module imported so far (~450,
        nearly all of the stdlib and site-packages): each folder is resolved once, and each file
        costs one lstat to tell whether it is a link itself."""
        absolute = os.path.abspath(file)
        if os.path.islink(absolute):
            return os.path.realpath(absolute)
        folder, base = os.path.split(absolute)
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = self._real_folders[folder] = os.path.realpath(folder)
        return os.path.join(real_folder, base)

    def _reload(self, changed: set[str], deleted: set[str]) -> list[str]:
        local = set(self._files)
        imports = {
            name: (_global_refs(name) | self._source_imports(name)) & (local - {name})
            for name in local
        }
        importers: dict[str, set[str]] = {name: set() for name in local}
        for name, deps in imports.items():
            for dep in deps:
                importers[dep].add(name)
        for name in changed:
            _discard_bytecode(sys.modules.get(name))
        affected = _closure(changed | deleted, importers)
        failed = set(deleted)
        reloaded: list[str] = []
        for name in _dependencies_first(affected, imports):
            if name in failed or failed.intersection(imports[name]):
                failed.add(name)
                continue
            module = sys.modules.get(name)
            if module is None:
                continue
            try:
                importlib.reload(module)
            except Exception:
                # The script's own import will raise this again, inside the run, where the
                # runtime shows it with the user's traceback.
                failed.add(name)
            else:
                reloaded.append(name)
        for name in failed:
            sys.modules.pop(name, None)
            self._forget(name)
        # Reloads may import or drop modules: count them now, so that the next call's rescan is
        # only paid for modules the run imports.
        self._refresh_candidates()
        return reloaded

    def _source_imports(self, name: str) -> set[str]:
        """Modules named by the import statements in ``name``'s source, cached per version.

        Globals alone miss ``from config import LIMIT``: an int does not say where it came from.
        """
        path, stamp = self._files[name], self._stamps.get(name)
        cached = self._parsed.get(name)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        module = sys.modules.get(name)
        package = getattr(module, "__package__", None)
        found = _imports_in_source(path, package if isinstance(package, str) else "")
        self._parsed[name] = (stamp, found)
        return found

    def _forget(self, name: str) -> None:
        self._files.pop(name, None)
        self._stamps.pop(name, None)
        self._judged.pop(name, None)
        self._parsed.pop(name, None)


def _is_own(name: str) -> bool:
    return name == _OWN_PACKAGE or name.startswith(_OWN_PACKAGE + ".")


def _stat(path: Path) -> _Stamp | None:
    try:
        result = os.stat(path)
    except OSError:
        return None
    return _Stamp(result.st_mtime_ns, result.st_size)


def _discard_bytecode(module: ModuleType | None) -> None:
    # A .pyc is trusted if its source's size and whole-second mtime match, so an edit that keeps
    # the size within the same second would reload the old code from it.
    cached = getattr(module, "__cached__", None)
    if isinstance(cached, str):
        with contextlib.suppress(OSError):
            os.remove(cached)


def _edited_since(stamp: _Stamp, since_ns: int) -> bool:
    # Erring towards "edited" costs one needless reload; erring the other way keeps stale code.
    whole_seconds = stamp.mtime_ns % 1_000_000_000 == 0
    slack = _WHOLE_SECOND_SLACK_NS if whole_seconds else _CLOCK_SLACK_NS
    return stamp.mtime_ns + slack >= since_ns


def _excluded_dirs(root: Path) -> list[Path]:
    """Folders never to reload from: the stdlib, site-packages and the interpreter's prefix."""
    paths = sysconfig.get_paths()
    dirs = {paths[key] for key in ("stdlib", "platstdlib", "purelib", "platlib") if key in paths}
    # Some embedded or frozen interpreters ship a `site` without these.
    if hasattr(site, "getsitepackages"):
        dirs.update(site.getsitepackages())
    if hasattr(site, "getusersitepackages"):
        dirs.add(site.getusersitepackages())
    resolved = {Path(d).resolve() for d in dirs if d}
    for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}:
        prefix_path = Path(prefix).resolve()
        # An app kept inside the interpreter's prefix (say /usr/local/app) would otherwise
        # never reload; the stdlib and site-packages folders above still cover the prefix.
        if not root.is_relative_to(prefix_path):
            resolved.add(prefix_path)
    return sorted(resolved)


def _global_refs(name: str) -> set[str]:
    """Modules that ``name``'s globals refer to: as modules, or via objects they define."""
    module = sys.modules.get(name)
    if module is None:
        return set()
    found: set[str] = set()
    for value in list(vars(module).values()):
        owner = _owner_module(value)
        # A package's submodules appear among its globals because importing them sets the
        # attribute, whether or not the package uses them; real uses show in its source.
        if owner is not None and not owner.startswith(name + "."):
            found.add(owner)
    return found


def _imports_in_source(path: Path, package: str) -> set[str]:
    """Absolute names of the modules a source file imports when it runs (not in functions)."""
    try:
        tree = ast.parse(path.read_bytes(), str(path))
    except (OSError, SyntaxError, ValueError):
        return set()
    found: set[str] = set()
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.update(_with_parents(alias.name))
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_from(node, package)
            if base is not None:
                # `from pkg import sub` may name a submodule rather than an attribute.
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)
        elif not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            # Imports inside functions run at call time and find the reloaded module anyway.
            pending.extend(ast.iter_child_nodes(node))
    return found


def _resolve_from(node: ast.ImportFrom, package: str) -> str | None:
    if node.level == 0:
        return node.module
    try:
        return importlib.util.resolve_name("." * node.level + (node.module or ""), package)
    except (ImportError, ValueError):
        return None


def _with_parents(dotted: str) -> list[str]:
    """``a.b.c`` -> ``a.b.c``, ``a.b``, ``a``: ``import a.b.c`` binds ``a`` and reads through."""
    parts = dotted.split(".")
    return [".".join(parts[:i]) for i in range(len(parts), 0, -1)]


def _owner_module(value: object) -> str | None:
    if isinstance(value, ModuleType):
        return value.__name__
    try:
        # Read from the value itself, not its type: decorated functions (caches and the like)
        # are wrapper objects that carry the wrapped function's `__module__`.
        owner = getattr(value, "__module__", None)
    except Exception:
        # Proxies may compute attributes and fail; they just aren't dependencies.
        return None
    return owner if isinstance(owner, str) else None


def _closure(start: set[str], importers: dict[str, set[str]]) -> set[str]:
    """``start`` plus every module that imports one of them, directly or not."""
    result = set(start)
    pending = list(start)
    while pending:
        for importer in importers.get(pending.pop(), ()):
            if importer not in result:
                result.add(importer)
                pending.append(importer)
    return result


def _dependencies_first(names: set[str], imports: dict[str, set[str]]) -> Iterator[str]:
    """Order ``names`` so each comes after the ones it imports (cycles are cut arbitrarily)."""
    done: set[str] = set()

    def visit(name: str, stack: set[str]) -> Iterator[str]:
        if name in done or name in stack:
            return
        stack.add(name)
        for dep in sorted(imports.get(name, set()) & names):
            yield from visit(dep, stack)
        stack.discard(name)
        done.add(name)
        yield name

    for name in sorted(names):
        yield from visit(name, set())
