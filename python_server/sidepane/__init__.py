"""Sidepane: plain-Python data apps, live beside your editor.

Write a script with `import sidepane as st` and `st.` calls, using Streamlit's names and
signatures; Sidepane runs it top to bottom and reruns it whenever a widget changes.
`sidepane snapshot app.py` prints what a run draws; `sidepane.testing.AppTest` tests an app.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sidepane.api import *  # noqa: F403
    from sidepane.api import __all__ as __all__

__version__ = "0.1.0"

# Names loaded on first use, and where from: (module, attribute; None for the module itself).
# Every other public name is the `st.` API's (sidepane/api.py), which importing the package does
# not load either: `sidepane run` and the language server import their own modules (whose parent
# this package is) and open their port first, then load the API while the viewer loads.
# The rest are modules most apps never touch (~50 ms).
_LAZY: dict[str, tuple[str, str | None]] = {
    "components": ("sidepane.components", None),
    "connection": ("sidepane.connections.factory", "connection"),
    "connections": ("sidepane.connections", None),
    "typing": ("sidepane.typing", None),
}


if not TYPE_CHECKING:  # hidden from type checkers, so a typo like `st.wirte` is still flagged

    def __getattr__(name: str) -> object:
        import importlib

        lazy = _LAZY.get(name)
        if lazy is not None:
            module = importlib.import_module(lazy[0])
            value = module if lazy[1] is None else getattr(module, lazy[1])
            globals()[name] = value
            return value
        if name.startswith("__") and name != "__all__":
            raise AttributeError(name)  # tools probing dunders must not load the API
        api = importlib.import_module("sidepane.api")
        # Every API name at once: later lookups are plain module attributes again.
        names = api.__all__
        globals().update((n, api.__dict__[n]) for n in names if n in api.__dict__)
        globals()["__all__"] = names
        if name in globals():
            return globals()[name]
        # Otherwise only reached for names Sidepane lacks: a Streamlit name says so plainly
        # (still an AttributeError, so hasattr() keeps working); containers share the mechanism.
        from sidepane.compat import called_by_from_import
        from sidepane.elements.streamlit_api import module_attribute_error

        error = module_attribute_error(__name__, name)
        if called_by_from_import():
            # `from streamlit import x`: Python would put its generic "cannot import name" in
            # place of an AttributeError's message.
            raise ImportError(str(error), name="streamlit")
        raise error

    def __dir__() -> list[str]:
        __getattr__("__all__")
        return sorted({*globals(), *_LAZY})
