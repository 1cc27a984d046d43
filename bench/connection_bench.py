"""st.connection benchmark (issue 17): a cached `conn.query` hit on a 10,000-row result.

    .venv/bin/python bench/connection_bench.py

Sidepane and Streamlit 1.67 run the same app (connection_workloads.py) through their AppTest:
one query (the miss), then 200 hits inside the run; median and 90th percentile per hit, and the
ratio. Target: a hit under 1 ms. The Streamlit venv does not ship SQLAlchemy; when it lacks it,
the bench lends it Sidepane's copy (the same Python version) through PYTHONPATH for the run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from streamlit_env import streamlit_python  # noqa: E402

TARGET_MS = 1.0


def workload(python: str, side: str, env: dict[str, str] | None = None) -> dict[str, float]:
    out = subprocess.run(
        [python, str(HERE / "connection_workloads.py"), side],
        capture_output=True,
        text=True,
        env=env,
    )
    if out.returncode != 0:
        print(f"{side}: {(out.stderr or out.stdout)[-2000:]}", file=sys.stderr)
        return {}
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _has(python: str, module: str) -> bool:
    return subprocess.run([python, "-c", f"import {module}"], capture_output=True).returncode == 0


def streamlit_side(python: str) -> dict[str, float]:
    if _has(python, "sqlalchemy"):
        return workload(python, "streamlit")
    import sqlalchemy

    lend = Path(tempfile.mkdtemp(prefix="sidepane-connbench-path-"))
    try:
        (lend / "sqlalchemy").symlink_to(Path(sqlalchemy.__file__).parent)
        env = {**os.environ, "PYTHONPATH": str(lend)}
        return workload(python, "streamlit", env)
    finally:
        shutil.rmtree(lend, ignore_errors=True)


def main() -> None:
    ours = workload(sys.executable, "sidepane")
    st_python = streamlit_python()
    theirs = streamlit_side(str(st_python)) if st_python else {}
    print(f"cached conn.query hit, {int(ours.get('rows', 10_000)):,}-row result (ms per call)")
    print(f"{'measure':26} {'sidepane':>9} {'streamlit':>10} {'ratio':>7}")
    for label, key in (("hit, median of 200", "hit_median_ms"), ("hit, p90", "hit_p90_ms")):
        mine = ours.get(key, float("nan"))
        other = theirs.get(key)
        ratio = f"{other / mine:6.2f}x" if other else "      -"
        other_text = f"{other:10.3f}" if other is not None else f"{'-':>10}"
        print(f"{label:26} {mine:9.3f} {other_text} {ratio}")
    miss, other_miss = ours.get("miss_ms", float("nan")), theirs.get("miss_ms")
    other_text = f"{other_miss:10.1f}" if other_miss is not None else f"{'-':>10}"
    print(f"{'first query (miss)':26} {miss:9.1f} {other_text}")
    verdict = "met" if ours.get("hit_median_ms", 1e9) < TARGET_MS else "MISSED"
    print(f"ratio: Streamlit's time / Sidepane's (higher is better); < {TARGET_MS} ms: {verdict}")


if __name__ == "__main__":
    main()
