"""A process forked from a script (multiprocessing's fork context, `os.fork()`) gets nothing of
the server's.

A fork copies the whole server into the child: its Python signal handlers, the event loop's
wakeup fd, its listening sockets, the language server's JSON-RPC pipes. Left as they are, a
child's SIGTERM runs the server's no-op handler (so the child outlives `terminate()`) and its
C-level handler writes the signal number into the *parent's* wakeup pipe, which the parent's
loop reads as its own SIGTERM and shuts the server down; a child that outlives the server keeps
its port. So right after a fork, in the child only: signals go back to Python's defaults, the
wakeup fd is dropped, and the server's sockets and pipes are replaced by the null device (the
fd numbers stay taken, so a file the child opens later can never receive a write meant for
them), and the child runs no script: `st.` calls in it draw nothing.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import threading
import weakref

from sidepane.runtime.context import set_run_context

# Windows has no fork: nothing to do there.
_CAN_FORK = hasattr(os, "register_at_fork")
_lock = threading.Lock()
_installed = False
# What the server owns that a child must not hold: sockets (while open), and fds with the file
# each was registered for (a closed fd's number may be reused for another file by then).
_sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
_fds: dict[int, tuple[int, int]] = {}


def install() -> None:
    """Clean every process forked from now on (idempotent)."""
    global _installed
    with _lock:
        if _installed or not _CAN_FORK:
            return
        _installed = True
    os.register_at_fork(after_in_child=_after_fork_in_child)


def keep_from_children(owned: socket.socket | int) -> None:
    """Close `owned` in forked children: a socket of the server (forgotten once closed), or an fd
    of the server (`forget` it when it is closed)."""
    if not _CAN_FORK:
        return
    install()
    with _lock:
        if isinstance(owned, socket.socket):
            _sockets.add(owned)
        else:
            _fds[owned] = _identity(owned)


def forget(fd: int) -> None:
    """The server closed (or is closing) this fd: children may hold whatever it becomes."""
    with _lock:
        _fds.pop(fd, None)


def _identity(fd: int) -> tuple[int, int]:
    status = os.fstat(fd)
    return status.st_dev, status.st_ino


def _after_fork_in_child() -> None:
    # The child has a single thread, which Python now calls its main thread: signal calls work.
    set_run_context(None)
    _default_signals()
    wakeup = signal.set_wakeup_fd(-1)
    fds = {s.fileno() for s in list(_sockets)}
    for fd, identity in _fds.items():
        with contextlib.suppress(OSError):
            if _identity(fd) == identity:
                fds.add(fd)
    if wakeup != -1:
        fds.add(wakeup)
    fds.discard(-1)
    _point_at_null(fds)
    _sockets.clear()
    _fds.clear()


def _default_signals() -> None:
    """Python's own handlers instead of the server's (asyncio's, pygls's)."""
    for sig in signal.valid_signals():
        try:
            handler = signal.getsignal(sig)
        except (OSError, ValueError):
            continue
        if not callable(handler) or handler is signal.default_int_handler:
            continue
        default = signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL
        with contextlib.suppress(OSError, ValueError):
            signal.signal(sig, default)


def _point_at_null(fds: set[int]) -> None:
    if not fds:
        return
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for fd in fds:
            with contextlib.suppress(OSError):
                os.dup2(null, fd, inheritable=False)
    finally:
        os.close(null)
