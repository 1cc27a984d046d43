"""The `st.` API (sidepane/api.py, every element module and the protocol's schema) is the
largest import of a launch, and importing the package `sidepane` does not load it (see
sidepane/__init__.py). A server loads it on a thread of its own once it listens, while the viewer
fetches the page; a script thread waits for it before its first run.
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger("sidepane.api")

_API = "sidepane.api"


def load() -> None:
    """Load the API, or wait until the thread loading it is done.

    Called before anything else on a script thread: two threads importing different modules of
    the API at once could each get the other's half-imported module.
    """
    importlib.import_module(_API)


def load_in_background() -> None:
    """Start loading the API on a daemon thread (a server's port is open, its viewer loading)."""
    threading.Thread(target=_load_logged, name="sidepane-api-loader", daemon=True).start()


def _load_logged() -> None:
    try:
        load()
    except Exception:  # a script thread's load() raises it again, where it is shown
        log.exception("could not load the st. API")
