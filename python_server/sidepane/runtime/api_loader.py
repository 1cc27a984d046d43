"""The `st.` API (sidepane/api.py, every element module and the protocol's schema) is the
largest import of a launch, and importing the package `sidepane` does not load it (see
sidepane/__init__.py). A server opens its port first, then loads it (with the script runner) on a
thread of its own while the viewer fetches and starts the page; a script thread waits for it
before its first run.
"""

from __future__ import annotations

import gc
import importlib
import logging
import sys
import threading

log = logging.getLogger("sidepane.api")

_API = "sidepane.api"
# What a first run needs besides the API: sessions and their script runner.
_RUNNER = "sidepane.runtime.session"

# While the background thread imports, the server's thread answers the viewer's requests. A
# thread waiting for the GIL gets it only after the switch interval (5 ms by default), and serving
# one request waits for it several times: each request of the page took tens of ms longer.
_LOADING_SWITCH_INTERVAL_S = 0.0005


_loaded = False
_gc_paused = False


def pause_gc() -> None:
    """Hold off the cyclic garbage collector until the API is loaded (`load_in_background`'s
    thread resumes it): a launch imports ~300 modules and allocates little garbage meanwhile,
    yet the collector kept scanning the growing heap, ~15% of the launch's CPU on the way to the
    first paint."""
    global _gc_paused
    if gc.isenabled():
        gc.disable()
        _gc_paused = True


def _resume_gc() -> None:
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        # What the imports made lives as long as the process: later collections need not scan it.
        gc.freeze()
        gc.enable()


def load() -> None:
    """Load the API, or wait until the thread loading it is done.

    Called before anything else on a script thread, and by any other thread before it imports a
    part of the API: two threads importing different modules of the API at once could each get
    the other's half-imported module.
    """
    global _loaded
    importlib.import_module(_API)
    _loaded = True


async def loaded() -> None:
    """On an event loop: wait (off the loop) until the API is loaded, before importing a part of
    it (a component's route, served before any run drew one)."""
    if not _loaded:
        import asyncio  # here: `sidepane run` imports this module before it opens its port

        await asyncio.to_thread(load)


def load_in_background() -> None:
    """On a daemon thread (a server's port is open, its viewer loading): load the script runner
    and the API."""
    threading.Thread(target=_load_logged, name="sidepane-api-loader", daemon=True).start()


def _load_logged() -> None:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(_LOADING_SWITCH_INTERVAL_S)
    try:
        importlib.import_module(_RUNNER)
        load()
    except Exception:  # a script thread's load() raises it again, where it is shown
        log.exception("could not load the st. API")
    finally:
        sys.setswitchinterval(previous)
        _resume_gc()
