"""Shared by the fork-safety tests: a script that forks children and ends them, as multiprocessing
users do, and what those children reported holding."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path
from typing import Any

# After a slider change, the script forks a child that writes what it inherited to REPORT, then
# terminates it (SIGTERM) and uses a fork Pool. Each child's SIGTERM used to reach the server.
_SCRIPT = """
import json, multiprocessing, os, signal, time
import streamlit as st

REPORT = {report!r}

def child():
    fds = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            fds.append(os.readlink(f"/proc/self/fd/{{fd}}"))
        except OSError:
            pass
    report = {{
        "fds": fds,
        "sigterm_default": signal.getsignal(signal.SIGTERM) == signal.SIG_DFL,
        "sigint_default": signal.getsignal(signal.SIGINT) is signal.default_int_handler,
        "wakeup_fd": signal.set_wakeup_fd(-1),
    }}
    with open(REPORT + ".part", "w") as f:
        json.dump(report, f)
    os.replace(REPORT + ".part", REPORT)
    time.sleep(30)

x = st.slider("x")
if x:
    fork = multiprocessing.get_context("fork")
    p = fork.Process(target=child)
    p.start()
    deadline = time.monotonic() + 10
    while not os.path.exists(REPORT) and time.monotonic() < deadline:
        time.sleep(0.02)
    p.terminate()
    p.join(10)
    with fork.Pool(2) as pool:
        total = sum(pool.map(abs, [-1, -2]))
    st.write(f"run {{x}}: child exit {{p.exitcode}}, pool {{total}}")
"""


def fork_script(report: Path) -> str:
    """The script's source; its child writes to `report`."""
    return textwrap.dedent(_SCRIPT.format(report=str(report)))


def read_report(report: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return data


def assert_child_got_nothing_of_the_server(report: dict[str, Any], server_fds: set[str]) -> None:
    """The child held none of `server_fds` (readlink targets) and had Python's own signals."""
    held = server_fds & set(report["fds"])
    assert not held, f"the forked child inherited the server's {sorted(held)}"
    assert report["sigterm_default"] and report["sigint_default"], report
    assert report["wakeup_fd"] == -1, report


def server_sockets(port: int) -> set[str]:
    """The readlink targets (`socket:[inode]`) of the TCP sockets on local port `port`: the one
    listening and each connection it accepted."""
    found = set()
    listening = False
    with open("/proc/net/tcp", encoding="ascii") as table:
        next(table)
        for line in table:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if int(local.split(":")[1], 16) == port and inode != "0":
                found.add(f"socket:[{inode}]")
                listening = listening or state == "0A"
    assert listening, f"nothing listens on port {port}"
    return found


def fd_targets(pid: int | str) -> set[str]:
    """What the process's fds point at (its own view: `pipe:[…]`, `socket:[…]`, paths)."""
    targets = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            targets.add(os.readlink(f"/proc/{pid}/fd/{fd}"))
        except OSError:
            pass
    return targets
