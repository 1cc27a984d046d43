"""Streamlit's module paths that apps and packages import, served by Sidepane.

While a script runs, `streamlit.runtime…`, `streamlit.web…` and `streamlit.logger` resolve to the
modules here (runtime/streamlit_alias.py). Each holds the names Sidepane honours, with their
Streamlit meaning; any other name, like any module path Sidepane does not serve, fails with
"Sidepane has no `streamlit.…`".
"""

from __future__ import annotations

import dis
import sys
from collections.abc import Callable
from typing import NoReturn

_IMPORT_FROM = dis.opmap["IMPORT_FROM"]


def missing_names(streamlit_module: str) -> Callable[[str], NoReturn]:
    """A module `__getattr__` for `streamlit_module`: every name it is asked for is missing.

    `module.name` gets an AttributeError (so `hasattr` and `getattr(m, n, default)` work as
    for any module); `from module import name` gets an ImportError with the same message, which
    Python's generic "cannot import name" would otherwise replace.
    """

    def __getattr__(name: str) -> NoReturn:
        if name.startswith("__"):
            raise AttributeError(name)
        message = (
            f"Sidepane has no `{streamlit_module}.{name}`: Sidepane runs Streamlit scripts, "
            f"and serves only part of Streamlit's internal module `{streamlit_module}`."
        )
        if called_by_from_import():
            raise ImportError(message, name=streamlit_module)
        raise AttributeError(message, name=name)

    return __getattr__


def called_by_from_import() -> bool:
    """Whether the code asking for the attribute (the first frame outside Sidepane: a module's
    `__getattr__` may call another) is executing `from … import …`."""
    frame = sys._getframe(1)
    while frame is not None and _is_sidepanes(str(frame.f_globals.get("__name__", ""))):
        frame = frame.f_back  # type: ignore[assignment]
    if frame is None:
        return False
    code = frame.f_code.co_code
    return 0 <= frame.f_lasti < len(code) and code[frame.f_lasti] == _IMPORT_FROM


def _is_sidepanes(module: str) -> bool:
    return module == "sidepane" or module.startswith("sidepane.")
