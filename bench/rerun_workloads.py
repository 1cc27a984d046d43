"""Workloads run identically on both sides: this file is executed by Sidepane's python and by the
Streamlit venv's python (`python rerun_workloads.py sidepane|streamlit`), printing JSON results."""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

SEED = "import {mod} as st\nx = st.slider('x')\nst.write(x, 'squared is', x * x)\n"
THOUSAND = "import {mod} as st\n" + "".join(f"st.write('line {i}')\n" for i in range(1000))


def _apptest(mod: str):  # type: ignore[no-untyped-def]
    if mod == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from sidepane.testing import AppTest
    return AppTest


def _script(source: str) -> str:
    folder = tempfile.mkdtemp(prefix="bench-")
    path = Path(folder) / "app.py"
    path.write_text(source)
    return str(path)


def apptest_seed_rerun(mod: str, n: int) -> float:
    """Median ms of `slider.set_value(v).run()` on the seed app (AppTest on both sides)."""
    at = _apptest(mod).from_file(_script(SEED.format(mod=mod)), default_timeout=30).run()
    times = []
    for i in range(n):
        t = time.perf_counter()
        at.slider[0].set_value(i % 100).run()
        times.append((time.perf_counter() - t) * 1000)
    assert at.markdown[0].value.startswith(f"`{(n - 1) % 100}`"), at.markdown[0].value
    return statistics.median(times)


def apptest_thousand_rerun(mod: str, n: int) -> float:
    at = _apptest(mod).from_file(_script(THOUSAND.format(mod=mod)), default_timeout=30).run()
    times = []
    for _ in range(n):
        t = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    mod = sys.argv[1]
    result = {
        "apptest_seed_rerun_ms": apptest_seed_rerun(mod, 200),
        "apptest_1000_rerun_ms": apptest_thousand_rerun(mod, 20),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
