"""The debugger lists only the script's threads, whatever other threads the process has.

A process serving one session under the in-process debugger (runtime/debugger.py) also runs
threads a library of the server could start, with names nobody can list in advance: one
started before debugging began, others after (a plain thread, a thread pool's worker, a file
watcher's observer), and more after a client attached. A DAP client's `threads` request must
list the script's runner thread and the thread the script started, and nothing else.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from dap_client import DapClient

pytestmark = pytest.mark.timeout(60)

SCRIPT = """
import threading, time
import streamlit as st
threading.Thread(target=time.sleep, args=(60,), name="worker-of-the-script", daemon=True).start()
st.write("ready")
while True:
    time.sleep(0.05)
"""

DRIVER = """
import sys, threading, time
from concurrent.futures import ThreadPoolExecutor
from watchdog.observers import Observer
from sidepane.runtime import debugger
from sidepane.runtime.app import App

def library_thread(name):
    threading.Thread(target=time.sleep, args=(60,), name=name, daemon=True).start()

script, folder = sys.argv[1:3]  # the script's runs set sys.argv
library_thread("Library-Before-Debugging")
frames = []
session = App(script).new_session(frames.append)
session.request_rerun()
while not any(b"ready" in f for f in frames):
    time.sleep(0.01)
host, port = debugger.listen("127.0.0.1", 0)
library_thread("Library-After-Debugging")
pool = ThreadPoolExecutor(thread_name_prefix="SomeLibraryPool")
pool.submit(time.sleep, 0.1)
observer = Observer()
observer.schedule(lambda event: None, folder)  # never called: nothing changes there
observer.start()
print(port, flush=True)
sys.stdin.readline()  # a client attached
library_thread("Library-After-Attach")
ThreadPoolExecutor(thread_name_prefix="AnotherPool").submit(time.sleep, 0.1)
print("more", flush=True)
sys.stdin.readline()
"""

SHOWN = ["sidepane-script-", "worker-of-the-script"]


def _thread_names(dap: DapClient) -> list[str]:
    threads = dap.request("threads")["threads"]
    return sorted(t["name"] for t in threads)


def _assert_only_the_scripts(names: list[str]) -> None:
    assert len(names) == 2, names
    assert names[0].startswith(SHOWN[0]) and names[1] == SHOWN[1], names


def test_the_debugger_lists_only_the_scripts_threads(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(SCRIPT), encoding="utf-8")
    driver = tmp_path / "driver.py"
    driver.write_text(textwrap.dedent(DRIVER), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(driver), str(script), str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    dap: DapClient | None = None
    try:
        port = int(proc.stdout.readline())
        dap = DapClient(port)
        dap.attach(justMyCode=True)
        dap.request("configurationDone")
        _assert_only_the_scripts(_thread_names(dap))

        proc.stdin.write("attached\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "more"
        _assert_only_the_scripts(_thread_names(dap))
        started = [e["body"] for e in dap.seen if e.get("event") == "thread"]
        assert len(started) <= 2, started  # no event announced a thread of the server
    finally:
        if dap is not None:
            dap.close()
        proc.kill()
        proc.communicate()
