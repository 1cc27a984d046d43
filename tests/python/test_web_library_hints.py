"""The page asks for plotly.js when the app's script imports plotly, so the browser fetches it
with the bundle and the viewer runs it while the script runs (issue 18: first paint of a chart);
an app that draws no chart is not charged for it."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest
from web_helpers import async_test, serving

from sidepane.servers.web.page import PLOTLY_SCRIPT, library_preloads, shell_html

pytestmark = pytest.mark.timeout(30)

HINT = f'<link rel="preload" as="script" href="/static/{PLOTLY_SCRIPT}">'


def _static(folder: Path) -> Path:
    static = folder / "static"
    static.mkdir(exist_ok=True)
    (static / PLOTLY_SCRIPT).write_text("window.Plotly = {};\n")
    return static


@pytest.mark.parametrize(
    "source",
    [
        "import plotly.express as px\n",
        "import streamlit as st\nfrom plotly import graph_objects as go\n",
        "def chart():\n    import plotly.graph_objects as go\n",
    ],
)
def test_a_script_that_imports_plotly_asks_for_it(tmp_path: Path, source: str) -> None:
    script = tmp_path / "app.py"
    script.write_text(source)
    assert library_preloads(_static(tmp_path), script) == (PLOTLY_SCRIPT,)


@pytest.mark.parametrize(
    "source",
    [
        "import streamlit as st\nst.write('plotly is great')\n",
        "# import plotly.express as px\n",
        "import plotly_resampler\n",
    ],
)
def test_a_script_that_does_not_import_plotly_asks_for_nothing(tmp_path: Path, source: str) -> None:
    script = tmp_path / "app.py"
    script.write_text(source)
    assert library_preloads(_static(tmp_path), script) == ()


def test_an_edit_is_seen_and_a_missing_file_asks_for_nothing(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    static = _static(tmp_path)
    script.write_text("import streamlit as st\n")
    assert library_preloads(static, script) == ()
    script.write_text("import streamlit as st\nimport plotly.express as px\n")
    assert library_preloads(static, script) == (PLOTLY_SCRIPT,)
    # A build without the script (an older one): no hint for a file that is not there.
    (static / PLOTLY_SCRIPT).unlink()
    assert library_preloads(static, script) == ()
    assert library_preloads(static, tmp_path / "gone.py") == ()


def test_the_hint_lives_under_the_base_path() -> None:
    page = shell_html(base="/myapp", scripts=(PLOTLY_SCRIPT,))
    assert f'<link rel="preload" as="script" href="/myapp/static/{PLOTLY_SCRIPT}">' in page
    assert "preload" not in shell_html().replace("modulepreload", "")


async def _page(url: str) -> str:
    async with aiohttp.ClientSession() as http, http.get(url) as r:
        assert r.status == 200
        return await r.text()


@async_test
async def test_the_served_page_names_plotly_only_for_an_app_that_imports_it(
    tmp_path: Path,
) -> None:
    _static(tmp_path)
    async with serving(tmp_path, "import plotly.express as px\n") as server:
        assert HINT in await _page(server.url + "/")
    async with serving(tmp_path, "import sidepane as st\nst.write('hi')\n") as server:
        assert HINT not in await _page(server.url + "/")
