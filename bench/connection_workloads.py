"""The st.connection workload, run identically on both sides (`python connection_workloads.py
sidepane|streamlit`): a 10,000-row SQLite table, an app that queries it once (the miss) and then
200 times (cache hits) inside a script run, through each side's AppTest. Prints JSON."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROWS = 10_000
HITS = 200

APP = """
import json, statistics, time
import streamlit as st

conn = st.connection("bench", type="sql", url={url!r})
q = "SELECT * FROM items"
t = time.perf_counter()
df = conn.query(q)
miss_ms = (time.perf_counter() - t) * 1000
times = []
for _ in range({hits}):
    t = time.perf_counter()
    conn.query(q)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
st.text(json.dumps({{
    "rows": len(df),
    "miss_ms": miss_ms,
    "hit_median_ms": statistics.median(times),
    "hit_p90_ms": times[int(len(times) * 0.9)],
}}))
"""


def make_db(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE items (id INTEGER, name TEXT, price REAL, qty INTEGER)")
        db.executemany(
            "INSERT INTO items VALUES (?, ?, ?, ?)",
            ((i, f"item {i}", i * 0.25, i % 17) for i in range(ROWS)),
        )
    db.close()


def main() -> None:
    side = sys.argv[1]
    logging.disable(logging.WARNING)  # Streamlit warns about running without `streamlit run`
    if side == "streamlit":
        from streamlit.testing.v1 import AppTest  # type: ignore[import-not-found]
    else:
        from sidepane.testing import AppTest

    folder = Path(tempfile.mkdtemp(prefix="sidepane-connbench-"))
    try:
        db = folder / "bench.sqlite"
        make_db(db)
        script = folder / "app.py"
        script.write_text(APP.format(url=f"sqlite:///{db}", hits=HITS), encoding="utf-8")
        start = time.perf_counter()
        at = AppTest.from_file(str(script), default_timeout=120).run()
        if at.exception:
            raise SystemExit(f"the app failed: {at.exception[0].value}")
        result = json.loads(at.text[0].value)
        result["run_s"] = time.perf_counter() - start
        print(json.dumps(result))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
