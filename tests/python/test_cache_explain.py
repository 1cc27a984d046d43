"""`sidepane snapshot --explain-cache` says which rule made a cached call miss."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest


def snapshot(script: Path) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "sidepane", "snapshot", str(script), "--explain-cache"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.split("cache misses:", 1)[1].strip()


def test_explains_each_rule_between_snapshots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIDEPANE_CACHE_DIR", str(tmp_path / "cache"))
    app = tmp_path / "app.py"
    helpers = tmp_path / "helpers.py"
    app.write_text(
        "import sidepane as st\nfrom helpers import clean\nRATE = 2\n"
        "@st.cache\ndef load(n):\n    return [clean(i) * RATE for i in range(n)]\n"
        "st.write(str(load(3)))\n"
    )
    helpers.write_text("def clean(x):\n    return x + 1\n")
    assert snapshot(app) == "load: first call (nothing stored for this function yet)"
    time.sleep(0.01)
    helpers.write_text("def clean(x):\n    return x + 10\n")
    assert snapshot(app) == "load: body of `helpers.clean` changed"
    app.write_text(app.read_text().replace("RATE = 2", "RATE = 3"))
    assert snapshot(app) == "load: variable `RATE` changed"
    app.write_text(app.read_text().replace("load(3)", "load(4)"))
    assert snapshot(app) == "load: argument `n` changed"
    app.write_text(app.read_text().replace("* RATE", "* RATE + 0"))
    assert snapshot(app) == "load: body of `load` changed"


@pytest.mark.parametrize(
    ("persist", "third"),
    [
        (
            "",
            "load: same inputs as in the previous snapshot, but that was another process: cached"
            " values live in memory (a running app keeps them across reruns; `persist` keeps them"
            " on disk)",
        ),
        ("persist=True", "none\ncache hits: load"),
    ],
)
def test_an_unchanged_third_snapshot_says_what_happened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, persist: str, third: str
) -> None:
    monkeypatch.setenv("SIDEPANE_CACHE_DIR", str(tmp_path / "cache"))
    app = tmp_path / "app.py"
    app.write_text(
        f"import sidepane as st\n@st.cache({persist})\ndef load(n):\n    return list(range(n))\n"
        "st.write(str(load(3)))\n"
    )
    assert snapshot(app) == "load: first call (nothing stored for this function yet)"
    snapshot(app)
    assert snapshot(app) == third


def test_a_miss_with_unchanged_inputs_in_one_process_names_expiry() -> None:
    from sidepane.caching import explain
    from sidepane.caching.dependencies import Part

    misses = explain.start_recording(None)
    parts = [Part("argument", "n", b"\x01")]
    for _ in range(2):
        explain.note_miss("data", "app.py", "load", parts, persisted=False)
    assert misses[1].reasons == (
        "same inputs as its previous miss: the entry expired (ttl) or was evicted (max_entries)",
    )
