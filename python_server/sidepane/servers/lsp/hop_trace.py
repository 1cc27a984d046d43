"""Where a widget change's time goes, hop by hop (bench/vscode_bench.py -v).

With SIDEPANE_TRACE_HOPS=<file> in the environment, each hop appends "<name> <wall-clock ms>"
to that file, as the extension does with its own hops. Without it, `hop` does nothing.
"""

from __future__ import annotations

import os
import time

_FILE = os.environ.get("SIDEPANE_TRACE_HOPS")


def hop(name: str) -> None:
    """Note that a message passed hop `name` now."""
    if _FILE:
        with open(_FILE, "a", encoding="ascii") as out:
            out.write(f"{name} {time.time() * 1000:.3f}\n")
