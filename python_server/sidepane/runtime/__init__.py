"""The runtime: runs a script in a session's thread, reruns it on request, streams its frames.

Start reading at `runner.py` (where a rerun starts), then `session.py` (a viewer's session) and
`app.py` (what sessions of one script share).

While a script runs, this package is also its `streamlit.runtime` (runtime/streamlit_alias.py),
with Streamlit's `exists()`; the submodules apps import from there are in `sidepane.compat`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING


def exists() -> bool:
    """`streamlit.runtime.exists()`: True when the script runs under Sidepane's runtime
    (`sidepane run`, the VS Code panel or AppTest), False when it runs bare (`python app.py`).
    Apps use it to launch themselves when run bare."""
    from sidepane.runtime.context import runtime_started

    return runtime_started()


# `streamlit.runtime`'s submodules that apps reach as attributes (`st.runtime.scriptrunner`),
# as Streamlit imports them with the package.
_STREAMLIT_SUBMODULES = frozenset(
    {
        "caching",
        "metrics_util",
        "scriptrunner",
        "scriptrunner_utils",
        "state",
        "uploaded_file_manager",
    }
)

if not TYPE_CHECKING:
    from sidepane.compat import missing_names

    _missing = missing_names("streamlit.runtime")

    def __getattr__(name: str) -> object:
        # Reached only for names this package lacks: Streamlit's `streamlit.runtime` names.
        if name in _STREAMLIT_SUBMODULES:
            import importlib

            return importlib.import_module(f"sidepane.compat.runtime.{name}")
        return _missing(name)
