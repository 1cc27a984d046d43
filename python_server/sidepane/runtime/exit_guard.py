"""`os._exit()` called by a script ends its run, not the server.

`sys.exit()` in a script only ends the run (the runner takes its SystemExit). `os._exit()` would
end the whole process: every session, the language server, the panels. While a run is going,
the script's thread gets a SystemExit instead, the same as `sys.exit()`. Other threads, and
processes forked from a script (multiprocessing ends its children with `os._exit`), keep the
real one.
"""

from __future__ import annotations

import logging
import os
from typing import NoReturn

from sidepane.runtime.context import get_run_context

log = logging.getLogger("sidepane.runtime")

_real_exit = os._exit
_installed = False


def install() -> None:
    """Guard `os._exit` in this process (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    server_pid = os.getpid()

    def guarded_exit(status: int) -> NoReturn:
        if os.getpid() == server_pid and get_run_context() is not None:
            log.warning(
                "The script called os._exit(%s); Sidepane ended the run there and keeps serving.",
                status,
            )
            raise SystemExit(status)
        _real_exit(status)

    os._exit = guarded_exit
