"""A listening socket on the port asked for, or on the next free one after the default."""

from __future__ import annotations

import errno
import os
import socket

DEFAULT_PORT = 8501
# How many ports after the default are tried before giving up (Streamlit tries 100 as well).
FALLBACK_TRIES = 100


class PortInUseError(OSError):
    """No port could be bound: the one asked for (or every fallback) is taken."""


def bind_socket(host: str, port: int, *, fallback: bool) -> socket.socket:
    """A listening, non-blocking socket on `host:port`.

    With `fallback`, a taken port moves on to the next one (up to FALLBACK_TRIES); without it, a
    taken port raises PortInUseError at once. Port 0 lets the system pick a free port. Binding
    here, rather than probing first, leaves no window for another process to take the port.
    """
    tries = FALLBACK_TRIES if fallback and port != 0 else 1
    for candidate in range(port, min(port + tries, 65536)):
        try:
            return _bind(host, candidate)
        except OSError as exc:
            if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                raise
    if tries == 1:
        raise PortInUseError(errno.EADDRINUSE, f"Port {port} is already in use")
    raise PortInUseError(
        errno.EADDRINUSE, f"Ports {port} to {port + tries - 1} are all in use; pass --port"
    )


def _bind(host: str, port: int) -> socket.socket:
    family, type_, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, type_, proto)
    try:
        if os.name != "nt":
            # Lets a restarted server take its port back at once (the old connections linger in
            # TIME_WAIT). On Linux it still refuses a port another socket listens on; on Windows
            # SO_REUSEADDR would not, so it is left off there.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    return sock


def url_host(host: str) -> str:
    """The host part of a URL for a server bound to `host` (wildcards: this machine)."""
    if host in ("", "0.0.0.0", "::"):
        return "localhost"
    return f"[{host}]" if ":" in host else host
