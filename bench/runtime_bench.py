"""Runtime benchmarks (issue: the runtime), Sidepane and Streamlit side by side, printed as a table.

    make bench        # or: .venv/bin/python bench/runtime_bench.py

Measures:
- `import sidepane` vs `import streamlit` (fresh interpreters, median of 7);
- seed app, one rerun with a new slider value: from the `widget_value` message arriving to the
  last frame encoded (Sidepane's own path, no test harness in it);
- a 1,000-element script rerun with nothing changed: time and bytes sent;
- the same reruns through each side's AppTest, the only path both expose in-process.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from rerun_workloads import SEED, THOUSAND  # noqa: E402
from streamlit_env import streamlit_python  # noqa: E402

from sidepane.protocol.frames import PROTOCOL_VERSION, frame  # noqa: E402
from sidepane.runtime.app import App  # noqa: E402
from sidepane.runtime.session import AppSession  # noqa: E402


def import_ms(python: str, module: str, runs: int = 7) -> float:
    """Median import time in fresh interpreters, with bytecode caches written and warm on both
    sides (an installed Streamlit has its .pyc files; an editable Sidepane writes its own)."""
    code = (
        f"import time; t = time.perf_counter(); import {module}; "
        "print((time.perf_counter() - t) * 1000)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([python, "-c", f"import {module}"], env=env, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [python, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


class _Clock:
    """A sink that notes when each run_end frame is encoded."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.end_time = 0.0
        self.bytes = 0

    def __call__(self, data: bytes) -> None:
        self.bytes += len(data)
        if b"run_end" in data:
            self.end_time = time.perf_counter()
            self.done.set()


def _session(source: str) -> tuple[AppSession, _Clock]:
    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    (folder / "app.py").write_text(source)
    clock = _Clock()
    session = App(folder / "app.py").new_session(clock)
    clock.done.clear()
    session.handle_message(frame("hello", v=PROTOCOL_VERSION))
    clock.done.wait(10)
    return session, clock


def seed_widget_to_frame_ms(n: int = 2000) -> float:
    session, clock = _session(SEED.format(mod="sidepane"))
    slider_id = next(i for i in session.widgets.specs)
    times = []
    for i in range(n):
        clock.done.clear()
        message = frame("widget_value", id=slider_id, value=(i % 100) + 1, run=0)
        t = time.perf_counter()
        session.handle_message(message)
        clock.done.wait(5)
        times.append((clock.end_time - t) * 1000)
        session.wait_idle(5)
    session.close()
    return statistics.median(times)


def thousand_unchanged() -> tuple[float, int]:
    session, clock = _session(THOUSAND.format(mod="sidepane"))
    times, sizes = [], []
    for _ in range(50):
        clock.done.clear()
        clock.bytes = 0
        t = time.perf_counter()
        session.request_rerun()
        clock.done.wait(5)
        times.append((clock.end_time - t) * 1000)
        sizes.append(clock.bytes)
        session.wait_idle(5)
    session.close()
    return statistics.median(times), max(sizes)


def workloads(python: str, mod: str) -> dict[str, float]:
    out = subprocess.run(
        [python, str(HERE / "rerun_workloads.py"), mod], capture_output=True, text=True
    )
    if out.returncode != 0:
        print(out.stderr[-2000:], file=sys.stderr)
        return {}
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    st_python = streamlit_python()
    rows: list[tuple[str, float, float | None, str]] = []
    sp_import = import_ms(sys.executable, "sidepane")
    st_import = import_ms(str(st_python), "streamlit") if st_python else None
    rows.append(("import (ms)", sp_import, st_import, "< 80 ms"))
    rows.append(
        ("seed rerun: widget_value → last frame (ms)", seed_widget_to_frame_ms(), None, "< 1 ms")
    )
    ms, size = thousand_unchanged()
    rows.append(("1,000 elements unchanged rerun (ms)", ms, None, "< 20 ms"))
    rows.append(("1,000 elements unchanged rerun (bytes)", float(size), None, "< 200 B"))
    sp = workloads(sys.executable, "sidepane")
    st = workloads(str(st_python), "streamlit") if st_python else {}
    for key, label in (
        ("apptest_seed_rerun_ms", "AppTest seed set_value().run() (ms)"),
        ("apptest_1000_rerun_ms", "AppTest 1,000-element run() (ms)"),
    ):
        rows.append((label, sp.get(key, float("nan")), st.get(key), ""))
    print(f"{'measure':48} {'sidepane':>10} {'streamlit':>10} {'ratio':>8}  target")
    for label, ours, theirs, target in rows:
        ratio = f"{theirs / ours:7.1f}x" if theirs and ours else "       -"
        theirs_s = f"{theirs:10.3f}" if theirs is not None else f"{'-':>10}"
        print(f"{label:48} {ours:10.3f} {theirs_s} {ratio}  {target}")


if __name__ == "__main__":
    main()
