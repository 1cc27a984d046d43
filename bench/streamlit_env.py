"""The Streamlit install the benchmarks compare against: a venv in the bench's cache folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

STREAMLIT_VERSION = "1.67.0"
CACHE = Path(os.environ.get("SIDEPANE_BENCH_CACHE", Path.home() / ".cache" / "sidepane-bench"))


def streamlit_python() -> Path | None:
    """The venv's python, creating the venv on first use; None if it cannot be installed."""
    venv = CACHE / f"streamlit-{STREAMLIT_VERSION}"
    python = venv / "bin" / "python"
    stamp = venv / ".installed"
    if stamp.exists():
        return python
    CACHE.mkdir(parents=True, exist_ok=True)
    print(f"installing streamlit {STREAMLIT_VERSION} into {venv} (once)...", file=sys.stderr)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", f"streamlit=={STREAMLIT_VERSION}"],
            check=True,
        )
    except subprocess.CalledProcessError as exc:
        print(f"could not install streamlit: {exc}", file=sys.stderr)
        return None
    stamp.touch()
    return python
