"""Streamlit 1.67's documented examples (tests/python/data/docs_examples_1_67.json) on both
servers side by side in Chromium, for a person to look at: one PNG per example, Sidepane on the
left and Streamlit 1.67 on the right, and the error boxes each page shows.

    .venv/bin/python bench/docs_examples_shots.py OUT_DIR [EXAMPLE_ID ...]

Both servers run one small app that executes the example named in `?ex=` (so each side starts
once); offline, examples that fetch from the internet fail on both.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from browser_servers import Server, Side
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from chromium import launch_chromium  # noqa: E402

DATA = ROOT / "tests" / "python" / "data" / "docs_examples_1_67.json"
STREAMLIT = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/python"
ERRORS = (
    "[data-testid=stException], .sp-exception, .sp-chart-error, .sp-deck-error, "
    ".sp-plotly-error, .sp-alert-error"
)
APP = f"""
import json
import streamlit as st
examples = {{e["id"]: e["code"] for e in json.loads(open({str(DATA)!r}).read())}}
exec(compile(examples[st.query_params["ex"]], "example.py", "exec"), {{"__name__": "__main__"}})
"""


def side_by_side(left: Path, right: Path, out: Path) -> None:
    a, b = Image.open(left), Image.open(right)
    pair = Image.new("RGB", (a.width + b.width + 10, max(a.height, b.height)), "black")
    pair.paste(a, (0, 0))
    pair.paste(b, (a.width + 10, 0))
    pair.save(out)


def main(out: Path, ids: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    examples = [e["id"] for e in json.loads(DATA.read_text())]
    ids = ids or examples
    out.mkdir(parents=True, exist_ok=True)
    sides = [
        Side("sidepane", str(ROOT / ".venv/bin/python"), "sidepane"),
        Side("streamlit", str(STREAMLIT), "streamlit"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "app" / "app.py"
        app.parent.mkdir()
        app.write_text(APP)
        servers = [Server(side, app, Path(tmp)) for side in sides]
        try:
            for server in servers:
                server.wait_port(60)
            with sync_playwright() as p:
                browser = launch_chromium(p)
                for ex in ids:
                    shots = []
                    for server in servers:
                        page = browser.new_page(viewport={"width": 900, "height": 900})
                        page.goto(f"{server.url}?ex={ex}")
                        page.wait_for_timeout(7000)
                        errors = page.locator(ERRORS).all_inner_texts()
                        shot = Path(tmp) / f"{ex}-{server.side.name}.png"
                        page.screenshot(path=str(shot), full_page=True)
                        shots.append(shot)
                        first = [e.splitlines()[0][:120] for e in errors if e.strip()]
                        print(f"{ex:28} {server.side.name:9} errors: {first}", flush=True)
                        page.close()
                    side_by_side(shots[0], shots[1], out / f"{ex}.png")
                browser.close()
        finally:
            for server in servers:
                server.stop()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), sys.argv[2:])
