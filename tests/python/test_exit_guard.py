"""A script's os._exit() ends its run, not the process that serves it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sidepane.testing import AppTest


def test_os_exit_in_a_script_ends_the_run_and_the_app_keeps_working() -> None:
    at = AppTest.from_string(
        """
import os
import sidepane as st
st.write("before")
if st.button("quit"):
    os._exit(3)
st.write("after")
"""
    ).run()
    assert [m.value for m in at.markdown] == ["before", "after"]
    at.button[0].click().run()
    assert [m.value for m in at.markdown] == ["before"]
    assert not at.exception
    at.run()
    assert [m.value for m in at.markdown] == ["before", "after"]


def test_os_exit_in_a_callback_ends_the_run_too() -> None:
    at = AppTest.from_string(
        """
import os
import sidepane as st
st.button("quit", on_click=lambda: os._exit(0))
st.write("drawn")
"""
    ).run()
    at.button[0].click().run()
    assert not at.exception
    assert [m.value for m in at.markdown] == []


def test_a_forked_child_of_a_script_still_exits_for_real() -> None:
    at = AppTest.from_string(
        """
import os
import sidepane as st
pid = os.fork()
if pid == 0:
    os._exit(7)  # the child: must really exit, not run the rest of the script
_, status = os.waitpid(pid, 0)
st.write(f"child exited with {os.waitstatus_to_exitcode(status)}")
"""
    ).run()
    assert [m.value for m in at.markdown] == ["child exited with 7"]


def test_threads_without_a_run_keep_the_real_os_exit(tmp_path: Path) -> None:
    code = (
        "import os, threading\n"
        "from sidepane.testing import AppTest\n"
        "AppTest.from_string('import sidepane as st').run().close()  # installs the guard\n"
        "threading.Thread(target=lambda: os._exit(5)).start()\n"
        "threading.Event().wait(10)\n"
    )
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], timeout=30, check=False, env=env)
    assert done.returncode == 5
    assert not list(tmp_path.iterdir())  # the real os._exit skips atexit: close() cleaned up
