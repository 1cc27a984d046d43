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
# The Streamlit module paths Sidepane serves, and the module under the target package serving
# each (a prefix serves its submodules too; the first match wins). Streamlit versions some APIs
# as `.v1`: Sidepane has one version, at the plain name. The internal paths apps and packages
# import most are served by `compat` (compat/__init__.py). Any other `streamlit.x` fails with
# "Sidepane has no `streamlit.x`": Sidepane's own modules are not Streamlit's.
SERVED_PATHS: Final = (
    ("streamlit.testing.v1", "testing"),
    ("streamlit.components.v1", "components"),
    ("streamlit.testing", "testing"),
    ("streamlit.components", "components"),
    ("streamlit.column_config", "column_config"),
    ("streamlit.connections", "connections"),
    ("streamlit.errors", "errors"),
    ("streamlit.typing", "typing"),
    ("streamlit.delta_generator", "elements.delta_generator"),
    ("streamlit.runtime.secrets", "runtime.secrets"),
    ("streamlit.runtime.", "compat.runtime."),
    ("streamlit.runtime", "runtime"),
    ("streamlit.web", "compat.web"),
    ("streamlit.navigation", "compat.navigation"),
    ("streamlit.logger", "compat.logger"),
    ("streamlit.deprecation_util", "compat.deprecation_util"),
)
# `streamlit.runtime` itself is Sidepane's runtime package (which has `exists()`), not
# `compat.runtime`: importing `streamlit.runtime.x` sets the attribute `runtime` of the parent,
# i.e. of `sidepane` itself, which must stay Sidepane's runtime. Its submodules live in `compat`
# (their names are none of Sidepane's runtime modules', which they would otherwise hide), but for
# `secrets`, which is Sidepane's own module under the same name.

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


def is_streamlit_path(fullname: str) -> bool:
    """Whether ``fullname`` is ``streamlit`` or one of its submodules (not ``streamlitish``)."""
    return fullname == _ALIASED_PACKAGE or fullname.startswith(_ALIASED_PACKAGE + ".")


def target_name_for(fullname: str, target: str = "sidepane") -> str | None:
    """The module that serves ``fullname`` (``streamlit.runtime`` -> ``sidepane.compat.runtime``),
    or None when Sidepane does not serve it (or it is no Streamlit path)."""
    if fullname == _ALIASED_PACKAGE:
        return target
    for prefix, replacement in SERVED_PATHS:
        if prefix.endswith("."):
            if fullname.startswith(prefix):
                return f"{target}.{replacement}{fullname[len(prefix) :]}"
        elif fullname == prefix or fullname.startswith(prefix + "."):
            return f"{target}.{replacement}{fullname[len(prefix) :]}"
    return None


def not_served(fullname: str) -> ModuleNotFoundError:
    """The error for importing a Streamlit module path Sidepane does not serve."""
    return ModuleNotFoundError(
        f"Sidepane has no `{fullname}`: while a script runs under Sidepane, `streamlit` imports "
        "are served by Sidepane, which has Streamlit's public API (`streamlit`, "
        "`streamlit.column_config`, `streamlit.errors`…) and the internal modules apps use most "
        "(`streamlit.runtime.scriptrunner`, `streamlit.runtime.exists()`…), but not this one.",
        name=fullname,
    )


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
        if not fullname.startswith(_ALIASED_PACKAGE) or not is_streamlit_path(fullname):
            return None
        if not self.is_active():
            return None
        target_name = target_name_for(fullname, self.target)
        if target_name is None:
            raise not_served(fullname)
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
        raise not_served(fullname) from None
