"""Serve ``import streamlit`` from Sidepane while a user's script runs.

Scripts written for Streamlit say ``import streamlit as st``; under Sidepane that must give the
very module objects of Sidepane (not copies), so state such as ``st.session_state`` is shared
with code that imports ``sidepane``. Outside scripts, ``streamlit`` means whatever is installed.
"""

from __future__ import annotations

import importlib
import importlib.abc
import sys
import threading
from collections.abc import Callable, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Final

_ALIASED_PACKAGE: Final = "streamlit"
# Streamlit versions some APIs as `.v1`; Sidepane has one version, at the plain name.
_RENAMED_PREFIXES: Final = (
    ("streamlit.testing.v1", "testing"),
    ("streamlit.components.v1", "components"),
)

_lock = threading.Lock()
# Every `sys.modules` entry the finder made, so `purge_aliases` removes those and nothing else.
_aliases: dict[str, ModuleType] = {}


def install(is_active: Callable[[], bool], *, target: str = "sidepane") -> None:
    """Make ``streamlit`` and ``streamlit.*`` imports resolve to ``target`` while ``is_active()``.

    Idempotent: a later call updates the installed finder rather than adding another.
    """
    with _lock:
        for finder in sys.meta_path:
            if isinstance(finder, _StreamlitAliasFinder):
                # Updated in place: other threads may be walking sys.meta_path mid-import.
                finder.is_active = is_active
                finder.target = target
                return
        sys.meta_path.insert(0, _StreamlitAliasFinder(is_active, target))


def uninstall() -> None:
    """Remove the finder (and the aliases it made) again."""
    with _lock:
        sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _StreamlitAliasFinder)]
    purge_aliases()


def purge_aliases() -> None:
    """Remove the ``streamlit*`` entries the finder put in ``sys.modules``.

    The runner calls this after each run, so code outside scripts never gets Sidepane from the
    ``sys.modules`` cache. Names already bound (``st`` in a module the script imported) keep
    working; they hold the Sidepane module itself.
    """
    with _lock:
        aliases = list(_aliases.items())
        _aliases.clear()
    for name, module in aliases:
        # Only our own entry: real streamlit may have been imported under that name since.
        if sys.modules.get(name) is module:
            del sys.modules[name]


def target_name_for(fullname: str, target: str = "sidepane") -> str | None:
    """The module that serves ``fullname`` (``streamlit.x`` -> ``sidepane.x``), or None."""
    for prefix, replacement in _RENAMED_PREFIXES:
        if fullname == prefix or fullname.startswith(prefix + "."):
            return f"{target}.{replacement}{fullname[len(prefix) :]}"
    if fullname == _ALIASED_PACKAGE or fullname.startswith(_ALIASED_PACKAGE + "."):
        return target + fullname[len(_ALIASED_PACKAGE) :]
    return None


class _StreamlitAliasFinder(importlib.abc.MetaPathFinder):
    def __init__(self, is_active: Callable[[], bool], target: str) -> None:
        self.is_active = is_active
        self.target = target

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        # This runs for every import in the process: the cheap name test goes first.
        if not fullname.startswith(_ALIASED_PACKAGE):
            return None
        target_name = target_name_for(fullname, self.target)
        if target_name is None or not self.is_active():
            return None
        module = _import_target(fullname, target_name)
        is_package = hasattr(module, "__path__")
        return ModuleSpec(fullname, _AliasLoader(fullname, module), is_package=is_package)


class _AliasLoader(importlib.abc.Loader):
    """Loads an alias by handing back the existing module, unexecuted and unchanged."""

    def __init__(self, alias: str, module: ModuleType) -> None:
        self._alias = alias
        self._module = module
        self._real_spec = module.__spec__

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        """Return the target module itself, so the alias and the original are one object."""
        return self._module

    def exec_module(self, module: ModuleType) -> None:
        """Undo the one change the import system makes to the module, and record the alias."""
        # The import system sets `__spec__` to the alias's spec whatever `create_module`
        # returned; put the real one back so reload(), pickle and friends see the true name.
        module.__spec__ = self._real_spec
        with _lock:
            _aliases[self._alias] = module


def _import_target(fullname: str, target_name: str) -> ModuleType:
    try:
        return importlib.import_module(target_name)
    except ModuleNotFoundError as exc:
        missing = exc.name or ""
        if target_name != missing and not target_name.startswith(missing + "."):
            raise  # the target exists but something it imports does not
        root = target_name.split(".")[0]
        raise ModuleNotFoundError(
            f"Sidepane does not provide `{fullname}` (yet). While a script runs under Sidepane, "
            f"`streamlit` imports are served by `{root}`, which has no `{target_name}`.",
            name=fullname,
        ) from None
