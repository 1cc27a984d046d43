"""Streamlit 1.67's own server, for e2e tests that compare a page with Sidepane's side by side
(the bench's venv: `bench/streamlit_env.py` installs it; without it those tests skip)."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import free_port

STREAMLIT_167 = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/streamlit"


@contextmanager
def streamlit_server(script: Path, *flags: str) -> Iterator[str]:
    """`streamlit run script` (headless, its home and working folder the script's); yields its
    URL once it answers its health check, and stops it after."""
    if not STREAMLIT_167.exists():
        pytest.skip("needs the bench's Streamlit 1.67")
    folder = script.parent
    port = free_port()
    proc = subprocess.Popen(
        [str(STREAMLIT_167), "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false", *flags],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder,
        env={**os.environ, "STREAMLIT_HOME": str(folder)},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
