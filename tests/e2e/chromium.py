"""Debian's Chromium as the browser tests and benchmarks launch it (headless, as root, and
never reaching for the network)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from playwright.sync_api import Browser, Playwright

CHROMIUM = os.environ.get("SIDEPANE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_missing() -> str | None:
    """Why Chromium cannot be launched, or None."""
    if Path(CHROMIUM).exists():
        return None
    return (
        f"Chromium not found at {CHROMIUM}: `make chromium` installs it (apt-get install chromium)"
    )


def launch_chromium(p: Playwright, extra_args: Sequence[str] = ()) -> Browser:
    """Chromium with the shared flags (plus `extra_args`); RuntimeError when it is missing."""
    missing = chromium_missing()
    if missing:
        raise RuntimeError(missing)
    return p.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra_args])
