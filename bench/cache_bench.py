"""Cache benchmarks (issue: caching), Sidepane and Streamlit's `cache_data` side by side.

    make bench        # or: .venv/bin/python bench/cache_bench.py

Measures a cache hit with small arguments (µs per call) and a hit with a 1,000,000 x 5 float
DataFrame argument (ms per call), for Sidepane's `st.cache` (all four rules) and `st.cache_data`,
and Streamlit 1.67's `st.cache_data`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from streamlit_env import streamlit_python  # noqa: E402


def workloads(python: str, side: str) -> dict[str, float]:
    out = subprocess.run(
        [python, str(HERE / "cache_workloads.py"), side], capture_output=True, text=True
    )
    if out.returncode != 0:
        print(out.stderr[-2000:], file=sys.stderr)
        return {}
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ours = workloads(sys.executable, "sidepane")
    st_python = streamlit_python()
    theirs = workloads(str(st_python), "streamlit") if st_python else {}
    rows = [
        ("hit, small args (µs/call)", "small_hit_us", "< 50 µs"),
        ("hit, 1Mx5 float DataFrame arg (ms/call)", "df_hit_ms", "< 15 ms"),
    ]
    print(
        f"{'measure':42} {'st.cache':>10} {'cache_data':>11} {'streamlit':>10} {'ratio':>7}  target"
    )
    for label, key, target in rows:
        legacy = ours.get(f"cache_{key}", float("nan"))
        data = ours.get(f"cache_data_{key}", float("nan"))
        st = theirs.get(f"cache_data_{key}")
        ratio = f"{st / legacy:6.1f}x" if st else "      -"
        st_text = f"{st:10.3f}" if st is not None else f"{'-':>10}"
        print(f"{label:42} {legacy:10.3f} {data:11.3f} {st_text} {ratio}  {target}")
    print("ratio: Streamlit's cache_data time / Sidepane's st.cache time (higher is better)")


if __name__ == "__main__":
    main()
