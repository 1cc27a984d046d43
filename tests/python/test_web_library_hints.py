"""The page asks for plotly.js when the app's script imports plotly, so the browser fetches it
with the bundle and the viewer runs it while the script runs (issue 18: first paint of a chart);
an app that draws no chart is not charged for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from web_helpers import async_test, serving

from sidepane.servers.web.page import library_preloads, shell_html
from sidepane.servers.web.plotly_hint import (
    BASIC_CALLS,
    BASIC_SCRIPT,
    CARTESIAN_SCRIPT,
    FULL_ONLY_TRACES,
    FULL_SCRIPT,
    PX_FULL_ONLY,
    plotly_script,
)

pytestmark = pytest.mark.timeout(30)

HINT = f'<link rel="preload" as="script" href="/static/{CARTESIAN_SCRIPT}">'


def _static(folder: Path) -> Path:
    static = folder / "static"
    static.mkdir(exist_ok=True)
    for name in (BASIC_SCRIPT, CARTESIAN_SCRIPT, FULL_SCRIPT):
        (static / name).write_text("window.Plotly = {};\n")
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
    assert library_preloads(_static(tmp_path), script) == (CARTESIAN_SCRIPT,)


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
    assert library_preloads(static, script) == (CARTESIAN_SCRIPT,)
    # A build without the script (an older one): no hint for a file that is not there.
    (static / CARTESIAN_SCRIPT).unlink()
    assert library_preloads(static, script) == ()
    assert library_preloads(static, tmp_path / "gone.py") == ()


@pytest.mark.parametrize(
    ("source", "wanted"),
    [
        ("import plotly.express as px\nst.plotly_chart(px.scatter(df, x='a'))\n", BASIC_SCRIPT),
        ("import plotly.graph_objects as go\ngo.Figure([go.Bar(), go.Pie()])\n", BASIC_SCRIPT),
        ("import plotly.express as px\npx.line(df)\npx.histogram(df)\n", CARTESIAN_SCRIPT),
        (
            "import plotly.express as px\npx.scatter(df, x='a', marginal_x='box')\n",
            CARTESIAN_SCRIPT,
        ),
        ("import plotly.graph_objects as go\nfig = go.Figure(spec)\n", CARTESIAN_SCRIPT),
        ("import plotly.graph_objects as go\nst.write('go.Sankey')\n", CARTESIAN_SCRIPT),
        ("import plotly.graph_objects as go\ngo.Figure(go.Sankey(node={}))\n", FULL_SCRIPT),
        ("import plotly.express as px\npx.scatter_3d(df, x='a', y='b', z='c')\n", FULL_SCRIPT),
        ("import plotly.express as px\npx.scatter_matrix(df)\n", FULL_SCRIPT),
        ("import plotly.express as px\npx.scatter(df, x='a', render_mode='webgl')\n", FULL_SCRIPT),
        ("import plotly.express as px\npx.density_heatmap(df, x='a', y='b')\n", CARTESIAN_SCRIPT),
    ],
)
def test_the_bundle_named_is_the_one_the_scripts_charts_want(source: str, wanted: str) -> None:
    assert plotly_script(source.encode()) == wanted


def test_the_plotly_express_names_that_want_the_full_bundle() -> None:
    # Each Plotly Express function named as drawing a full-only trace under another name does.
    px = pytest.importorskip("plotly.express")
    df = px.data.iris()
    figures: dict[str, Callable[[], Any]] = {
        "line_3d": lambda: px.line_3d(df, x="sepal_width", y="sepal_length", z="petal_width"),
        "line_geo": lambda: px.line_geo(lat=[0, 1], lon=[0, 1]),
        "line_map": lambda: px.line_map(lat=[0, 1], lon=[0, 1]),
        "line_polar": lambda: px.line_polar(r=[1, 2], theta=[0, 90]),
        "parallel_categories": lambda: px.parallel_categories(df, dimensions=["species"]),
        "parallel_coordinates": lambda: px.parallel_coordinates(df, dimensions=["sepal_width"]),
        "scatter_matrix": lambda: px.scatter_matrix(df, dimensions=["sepal_width"]),
    }
    assert set(figures) == PX_FULL_ONLY
    for name, build in figures.items():
        assert build().data[0].type in FULL_ONLY_TRACES, name
    # And those whose name is their trace's, less the underscore.
    assert px.scatter_3d(df, x="sepal_width", y="petal_width", z="species").data[0].type == (
        "scatter3d"
    )
    assert px.scatter(df, x="sepal_width", render_mode="webgl").data[0].type == "scattergl"


def test_the_calls_named_basic_draw_only_what_the_basic_bundle_draws() -> None:
    px = pytest.importorskip("plotly.express")
    go = pytest.importorskip("plotly.graph_objects")
    df = px.data.gapminder().query("country == 'Chile'")
    figures: dict[str, Callable[[], Any]] = {
        "Scatter": lambda: go.Figure(go.Scatter(x=[1], y=[2])),
        "Bar": lambda: go.Figure(go.Bar(x=[1], y=[2])),
        "Pie": lambda: go.Figure(go.Pie(values=[1, 2])),
        "scatter": lambda: px.scatter(df, x="year", y="pop", trendline=None),
        "line": lambda: px.line(df, x="year", y="pop"),
        "area": lambda: px.area(df, x="year", y="pop"),
        "bar": lambda: px.bar(df, x="year", y="pop"),
        "pie": lambda: px.pie(df, values="pop", names="year"),
        "timeline": lambda: px.timeline(x_start=["2020-01-01"], x_end=["2020-02-01"], y=["a"]),
        "ecdf": lambda: px.ecdf(df, x="pop"),
    }
    assert set(figures) == BASIC_CALLS
    for name, build in figures.items():
        assert {trace.type for trace in build().data} <= {"scatter", "bar", "pie"}, name


def test_the_hint_lives_under_the_base_path() -> None:
    page = shell_html(base="/myapp", scripts=(CARTESIAN_SCRIPT,))
    assert f'<link rel="preload" as="script" href="/myapp/static/{CARTESIAN_SCRIPT}">' in page
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
