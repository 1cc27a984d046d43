"""The hop trace behind bench/vscode_bench.py -v: off unless SIDEPANE_TRACE_HOPS names a file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sidepane.servers.lsp import hop_trace


def test_appends_name_and_wall_clock_ms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "hops.txt"
    monkeypatch.setattr(hop_trace, "_FILE", str(out))
    before = time.time() * 1000
    hop_trace.hop("py.in")
    hop_trace.hop("py.out")
    lines = [line.split() for line in out.read_text().splitlines()]
    assert [name for name, _ in lines] == ["py.in", "py.out"]
    assert all(before - 1 <= float(ms) <= time.time() * 1000 + 1 for _, ms in lines)


def test_does_nothing_when_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hop_trace, "_FILE", None)
    monkeypatch.chdir(tmp_path)
    hop_trace.hop("py.in")
    assert list(tmp_path.iterdir()) == []
