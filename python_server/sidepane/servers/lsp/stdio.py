"""`sidepane lsp`: serve the language server on this process's stdin and stdout."""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import BinaryIO

from sidepane.runtime import api_loader, fork_safety
from sidepane.servers.lsp.logs import quiet_answered_errors, route_sidepane_logs
from sidepane.servers.lsp.server import create_server

log = logging.getLogger("sidepane.lsp")


def serve_stdio() -> int:
    """Serve until `exit` or the end of stdin; return the exit status (1: `exit` came without
    `shutdown`, as LSP asks)."""
    rpc_in, rpc_out = claim_stdio()
    server = create_server()
    server.log_handler = route_sidepane_logs(server)
    quiet_answered_errors()
    api_loader.load_in_background()  # while the extension opens its first panel
    try:
        server.start_io(rpc_in, rpc_out)
    finally:
        server.close_now()
    status = 1 if server.exit_requested and not server.shutdown_requested else 0
    _exit_despite_lingering_threads(status)
    return status


def claim_stdio() -> tuple[BinaryIO, BinaryIO]:
    """Keep fds 0 and 1 for JSON-RPC alone.

    Returns streams on duplicates of them, then points fd 1 (and `sys.stdout`) at stderr and
    fd 0 at the null device: nothing a script does (print, input(), C code writing to fd 1, a
    child process inheriting them) can corrupt the stream or steal its bytes. What scripts
    print shows in the extension's output channel, which shows stderr.
    """
    sys.stdout.flush()
    rpc_in = os.fdopen(os.dup(0), "rb")
    rpc_out = os.fdopen(os.dup(1), "wb")
    # Nor can a process a script forks: it gets neither end of the conversation.
    fork_safety.keep_from_children(rpc_in.fileno())
    fork_safety.keep_from_children(rpc_out.fileno())
    try:
        os.dup2(2, 1)
    except OSError:  # no stderr: printing goes nowhere
        _point_at_null(1, os.O_WRONLY)
    _point_at_null(0, os.O_RDONLY)
    sys.stdout = sys.stderr
    return rpc_in, rpc_out


def _point_at_null(fd: int, flags: int) -> None:
    null = os.open(os.devnull, flags)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def _exit_despite_lingering_threads(status: int) -> None:
    """A script may have started a non-daemon thread that never ends; the server must still
    exit when the extension lets it go, so skip the interpreter's wait for such threads."""
    main = threading.main_thread()
    if not any(t is not main and not t.daemon and t.is_alive() for t in threading.enumerate()):
        return
    log.warning("exiting with threads still running")
    for stream in (sys.stderr, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(status)
