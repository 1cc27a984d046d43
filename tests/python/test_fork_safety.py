"""A script that forks (multiprocessing's fork context) cannot take `sidepane run` down.

A real server process and a WebSocket viewer: the script forks a child, terminates it, and uses
a fork Pool; the server keeps serving, the child held neither its port nor its signal handling,
and the server still stops cleanly on SIGTERM afterwards.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest
from fork_helpers import (
    assert_child_got_nothing_of_the_server,
    fork_script,
    read_report,
    server_sockets,
)
from web_helpers import Tab, async_test, free_port, is_body, wait_healthy

from sidepane.protocol.frames import PROTOCOL_VERSION
from sidepane.runtime import fork_safety
from sidepane.servers.web.ports import bind_socket
from sidepane.testing import AppTest

pytestmark = [
    pytest.mark.timeout(90),
    pytest.mark.skipif(sys.platform != "linux", reason="fork, and /proc to see what a child holds"),
]


async def _drive(url: str, report: Path, port: int) -> None:
    async with aiohttp.ClientSession() as http, http.ws_connect(f"{url}/ws") as ws:
        tab = Tab(ws)
        await tab.send("hello", v=PROTOCOL_VERSION)
        slider = await tab.until(lambda f: f["t"] == "upsert" and f["type"] == "slider")
        await tab.until(lambda f: f["t"] == "run_end")
        wid = slider["props"]["id"]

        await tab.send("widget_value", id=wid, value=1)
        # The child died of its SIGTERM (-15) and the tab was not closed.
        await tab.until(is_body("run 1: child exit -15, pool 3"), timeout=30)
        sockets = server_sockets(port)
        assert len(sockets) >= 2  # listening, and this tab's connection
        assert_child_got_nothing_of_the_server(read_report(report), sockets)

        report.unlink()
        await tab.send("widget_value", id=wid, value=2)
        await tab.until(is_body("run 2: child exit -15, pool 3"), timeout=30)
        async with http.get(f"{url}/healthz") as response:
            assert response.status == 200
        assert not ws.closed


@async_test
async def test_a_script_forking_and_terminating_children_leaves_the_server_serving(
    tmp_path: Path,
) -> None:
    report = tmp_path / "child.json"
    (tmp_path / "app.py").write_text(fork_script(report), encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sidepane", "run", "app.py", "--headless", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        await asyncio.to_thread(wait_healthy, url, proc)
        await _drive(url, report, port)
        assert proc.poll() is None
        proc.send_signal(signal.SIGTERM)
        out, _ = await asyncio.to_thread(proc.communicate, timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, out
    # No child kept the port: it can be bound again at once.
    bind_socket("127.0.0.1", port, fallback=False).close()


def test_a_forked_child_gets_default_signals_and_none_of_the_servers_fds() -> None:
    """In-process: what a child forked after the server set itself up holds."""
    server, peer = socket.socketpair()
    fork_safety.keep_from_children(server)
    read_end, write_end = os.pipe()
    fork_safety.keep_from_children(read_end)
    handled = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, lambda _s, _f: None)
    status_r, status_w = os.pipe()
    try:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            checks = [
                signal.getsignal(signal.SIGTERM) == signal.SIG_DFL,
                os.readlink(f"/proc/self/fd/{server.fileno()}") == os.devnull,
                os.readlink(f"/proc/self/fd/{read_end}") == os.devnull,
            ]
            os.write(status_w, bytes(int(c) for c in checks))
            os._exit(0)
        os.close(status_w)
        status_w = -1
        assert os.read(status_r, 16) == b"\x01\x01\x01"
        os.waitpid(pid, 0)
    finally:
        signal.signal(signal.SIGTERM, handled)
        for fd in (read_end, write_end, status_r, status_w):
            if fd != -1:
                os.close(fd)
        server.close()
        peer.close()


def test_a_child_forked_with_os_fork_ends_when_it_leaves_the_script() -> None:
    """It does not go on serving the session in a copy of the server (it used to linger in the
    runner's idle wait), and its `st.` calls draw nothing."""
    at = AppTest.from_string(
        """
        import os, time
        import streamlit as st
        fail = st.session_state.get("fail")
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            st.write("drawn by the child")
            if fail:
                raise ValueError("the child failed")
        else:
            _, status = os.waitpid(pid, 0)
            seconds = time.monotonic() - started
            st.write(f"child exit {os.waitstatus_to_exitcode(status)} fast {seconds < 3}")
        """
    )
    at.run(timeout=15)
    assert [m.value for m in at.markdown] == ["child exit 0 fast True"]
    at.session_state["fail"] = True
    at.run(timeout=15)
    assert [m.value for m in at.markdown] == ["child exit 1 fast True"]
