"""How many script threads were left behind, and how many may be.

A run blocked in a call Python cannot interrupt (`time.sleep(600)`, a hung socket) is abandoned
by the runner: a fresh thread serves the session and the old one ends when its call returns.
Each such thread holds its stack and whatever the run held, so their number is bounded, per
session and in the whole process; past the bound, a stuck run is kept (the session waits for it,
or for a thread left behind earlier to end) instead of being left behind too.
"""

from __future__ import annotations

import threading

# Threads left behind at once by one session, and by all sessions of the process.
MAX_PER_SESSION = 2
MAX_IN_ALL = 16

_lock = threading.Lock()
_in_all = 0


class LeftBehind:
    """One session's count of threads left behind (thread-safe)."""

    def __init__(self) -> None:
        self.count = 0

    def take(self) -> bool:
        """Count one more thread left behind; False (counting nothing) when a bound is reached."""
        global _in_all
        with _lock:
            if self.count >= MAX_PER_SESSION or _in_all >= MAX_IN_ALL:
                return False
            self.count += 1
            _in_all += 1
            return True

    def ended(self) -> None:
        """A thread left behind ended (its blocking call returned)."""
        global _in_all
        with _lock:
            self.count -= 1
            _in_all -= 1


def in_all() -> int:
    """Threads left behind by all sessions, still running."""
    return _in_all
