"""Custom components in Chromium (`streamlit.components.v1`): `components.html` in its sandboxed
frame, a small component of our own that speaks the protocol by hand (tests/e2e/components/),
and real component packages from PyPI (requirements/components.lock), offline: streamlit-option-menu
(a click), streamlit-ace (typing), streamlit-aggrid (its DataFrame read as an Arrow table, a row
selected), streamlit-antd-components (a segment chosen), streamlit-image-coordinates (a click's
coordinates), streamlit-card (a click), streamlit-js-eval (a JavaScript expression's value),
streamlit-toggle-switch (a switch flipped) and streamlit-feedback (a thumbs up) each send a
value back to the script, asking nothing of any other host;
streamlit-folium's map needs Leaflet from a CDN, so offline the script gets its default dict.
(streamlit-echarts 0.7 is built on `st.components.v2`: tests/e2e/test_components_v2.py.)"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from conftest import Server

COMPONENTS = Path(__file__).parent / "components"

ECHO = f"""
import streamlit as st
import streamlit.components.v1 as components

echo = components.declare_component("echo", path={str(COMPONENTS / "echo")!r})
st.session_state.setdefault("changes", 0)

def changed():
    st.session_state.changes += 1

value = echo(greeting="Hello there", blob=b"abc", default={{"clicks": 0}}, key="echo",
             on_change=changed)
st.write(f"value: {{value}}")
st.write(f"changes: {{st.session_state.changes}}")
components.html(
    "<p id='inside'>in a frame</p><script>document.getElementById('inside').textContent ="
    " 'script ran, parent ' + (function () {{ try {{ return typeof parent.document; }}"
    " catch (e) {{ return 'blocked'; }} }})();</script>",
    height=80,
)
"""


def test_our_component_renders_its_args_and_sends_values_back(page: Page, serve: Any) -> None:
    server: Server = serve(ECHO)
    page.goto(server.url)
    frame = page.frame_locator("iframe[data-testid=stCustomComponentV1]")
    expect(frame.locator("#greeting")).to_have_text("Hello there (3 bytes)", timeout=20_000)
    facts = frame.locator("#facts")
    expect(facts).to_contain_text('base=light disabled=false default={"clicks":0}')
    # Its own origin: no reaching into the app's page.
    expect(facts).to_contain_text("origin=null parent=blocked")
    box = page.locator("iframe[data-testid=stCustomComponentV1]")
    expect(box).to_have_css("height", "120px")
    expect(page.get_by_text("value: {'clicks': 0}")).to_be_visible()

    frame.locator("#send").click()
    expect(page.get_by_text("value: {'clicks': 1, 'greeting': 'Hello there'}")).to_be_visible()
    expect(page.get_by_text("changes: 1")).to_be_visible()
    frame.locator("#send").click()
    expect(page.get_by_text("value: {'clicks': 2, 'greeting': 'Hello there'}")).to_be_visible()
    expect(page.get_by_text("changes: 2")).to_be_visible()

    # components.html: its script runs, in a frame of its own.
    html = page.frame_locator("iframe.sp-component-frame[title='st.components.v1.html']")
    expect(html.locator("#inside")).to_have_text("script ran, parent blocked")


TABLE_ECHO = f"""
import pandas as pd
import streamlit as st
import streamlit.components.v1 as components

table_echo = components.declare_component("table_echo", path={str(COMPONENTS / "table_echo")!r})
df = pd.DataFrame({{"name": ["Ada", "Grace"], "year": [1815, 1906]}})
value = table_echo(rows=df, styled=df.style.set_uuid("u1"), note="hi", key="t")
if value is None:
    st.write("returned: nothing yet")
else:
    st.write(f"returned: {{type(value).__name__}} {{value.to_numpy().tolist()}}")
"""


def test_tables_reach_the_component_as_arrow_and_come_back_as_a_dataframe(
    page: Page, serve: Any
) -> None:
    server: Server = serve(TABLE_ECHO)
    page.goto(server.url)
    frame = page.frame_locator("iframe[data-testid=stCustomComponentV1]")
    expect(frame.locator("#tables")).to_have_text(
        "rows: arrow; styled: arrow styler=u1 true; args: default,key,note", timeout=20_000
    )
    expect(page.get_by_text("returned: nothing yet")).to_be_visible()
    frame.locator("#send").click()
    expect(page.get_by_text("returned: DataFrame [['Ada', 1815], ['Grace', 1906]]")).to_be_visible(
        timeout=10_000
    )


# ---- real component packages from PyPI (installed without their `streamlit` dependency) ----


def outside_requests(page: Page, server: Server) -> list[str]:
    """What the page and its frames ask of any host but the app's (a CDN…), from now on: a
    component that runs offline asks nothing."""
    urls: list[str] = []

    def record(url: str) -> None:
        if url.startswith(("http:", "https:")) and not url.startswith(server.url):
            urls.append(url)

    page.on("request", lambda r: record(r.url))
    return urls


def need(package: str) -> None:
    """Skip unless `package` is installed (it imports only under a script: it needs streamlit)."""
    if importlib.util.find_spec(package) is None:
        pytest.skip(f"{package} is not installed (requirements/components.lock)")


OPTION_MENU = """
import streamlit as st
from streamlit_option_menu import option_menu

choice = option_menu("Main menu", ["Home", "Upload", "Settings"],
                     icons=["house", "cloud-upload", "gear"], key="menu")
st.write(f"chosen: {choice}")
"""


def test_streamlit_option_menu_reports_the_clicked_item(page: Page, serve: Any) -> None:
    need("streamlit_option_menu")
    server: Server = serve(OPTION_MENU)
    fetched = outside_requests(page, server)
    page.goto(server.url)
    expect(page.get_by_text("chosen: Home")).to_be_visible(timeout=20_000)
    menu = page.frame_locator("iframe[data-testid=stCustomComponentV1]")
    expect(menu.get_by_text("Main menu")).to_be_visible(timeout=20_000)
    menu.get_by_text("Settings").click()
    expect(page.get_by_text("chosen: Settings")).to_be_visible()
    frame = page.locator("iframe[data-testid=stCustomComponentV1]")
    height = frame.evaluate("(e) => e.getBoundingClientRect().height")
    assert height > 100  # the menu set its own height
    assert fetched == []


ACE = """
import streamlit as st
from streamlit_ace import st_ace

code = st_ace(value="x = 1", language="python", auto_update=True, key="ace", height=200)
st.write(f"code: {code!r}")
"""


def test_streamlit_ace_sends_what_is_typed(page: Page, serve: Any) -> None:
    need("streamlit_ace")
    server: Server = serve(ACE)
    fetched = outside_requests(page, server)
    page.goto(server.url)
    expect(page.get_by_text("code: 'x = 1'")).to_be_visible(timeout=20_000)
    editor = page.frame_locator("iframe[data-testid=stCustomComponentV1]")
    expect(editor.locator(".ace_content")).to_contain_text("x = 1", timeout=20_000)
    editor.locator(".ace_content").click()
    page.keyboard.press("End")
    page.keyboard.type(" + 41")
    expect(page.get_by_text("code: 'x = 1 + 41'")).to_be_visible(timeout=10_000)
    assert fetched == []


AGGRID = """
import pandas as pd
import streamlit as st
from st_aggrid import AgGrid, GridOptionsBuilder

df = pd.DataFrame({"name": ["Ada", "Grace", "Linus"], "year": [1815, 1906, 1969]})
builder = GridOptionsBuilder.from_dataframe(df)
builder.configure_selection("single")
# Arrow only (no JSON fallback): the grid draws what it decodes from `dfs`.
grid = AgGrid(df, gridOptions=builder.build(), key="grid", height=200, use_json_serialization=False)
rows = grid.selected_rows
st.write(f"selected: {None if rows is None else list(rows['name'])}")
"""


def test_streamlit_aggrid_draws_its_arrow_table_and_reports_the_selected_row(
    page: Page, serve: Any
) -> None:
    # The DataFrame goes as Arrow (`dfs`); the grid's streamlit-component-lib decodes it into
    # the ArrowTable it draws (its gridOptions carry no rowData).
    need("st_aggrid")
    server: Server = serve(AGGRID)
    fetched = outside_requests(page, server)
    page.goto(server.url)
    expect(page.get_by_text("selected: None")).to_be_visible(timeout=20_000)
    grid = page.frame_locator("iframe[data-testid=stCustomComponentV1]")
    expect(grid.get_by_text("Grace")).to_be_visible(timeout=20_000)
    grid.get_by_text("Grace").click()
    expect(page.get_by_text("selected: ['Grace']")).to_be_visible(timeout=10_000)
    assert fetched == []


ANTD = """
import streamlit as st
import streamlit_antd_components as sac

fruit = sac.segmented(items=["Apple", "Banana", "Cherry"], key="fruit")
st.write(f"fruit: {fruit}")
"""


def test_streamlit_antd_components_reports_the_chosen_segment(page: Page, serve: Any) -> None:
    # It wraps `streamlit.components.v1.components.register_widget` at import.
    need("streamlit_antd_components")
    server: Server = serve(ANTD)
    fetched = outside_requests(page, server)
    page.goto(server.url)
    expect(page.get_by_text("fruit: Apple")).to_be_visible(timeout=20_000)
    segments = page.frame_locator("iframe[data-testid=stCustomComponentV1]")
    expect(segments.get_by_text("Banana")).to_be_visible(timeout=20_000)
    segments.get_by_text("Banana").click()
    expect(page.get_by_text("fruit: Banana")).to_be_visible(timeout=10_000)
    assert fetched == []


IMAGE_COORDINATES = """
import numpy as np
import streamlit as st
from streamlit_image_coordinates import streamlit_image_coordinates

image = np.zeros((100, 200, 3), dtype=np.uint8)
image[:, 100:] = 255
value = streamlit_image_coordinates(image, key="img")
st.write(f"clicked: {None if value is None else (value['x'], value['y'], value['width'])}")
"""


def test_streamlit_image_coordinates_reports_where_the_image_was_clicked(
    page: Page, serve: Any
) -> None:
    # A PNG as a data: URL, drawn by the component's own copy of streamlit-component-lib.
    need("streamlit_image_coordinates")
    server: Server = serve(IMAGE_COORDINATES)
    fetched = outside_requests(page, server)
    page.goto(server.url)
    expect(page.get_by_text("clicked: None")).to_be_visible(timeout=20_000)
    frame = page.locator("iframe[data-testid=stCustomComponentV1]")
    expect(frame).to_have_css("height", "100px", timeout=20_000)  # the image's own height
    page.frame_locator("iframe[data-testid=stCustomComponentV1]").locator("#image").click(
        position={"x": 150, "y": 40}
    )
    expect(page.get_by_text("clicked: (150, 40, 200)")).to_be_visible(timeout=10_000)
    assert fetched == []


CARD = """
import streamlit as st
from streamlit_card import card

hit = card(title="Sidepane", text="Plain-Python data apps", key="card")
st.write(f"hit: {hit}")
"""


def test_streamlit_card_reports_a_click(page: Page, serve: Any) -> None:
    need("streamlit_card")
    server: Server = serve(CARD)
    fetched = outside_requests(page, server)
    page.goto(server.url)
    expect(page.get_by_text("hit: False")).to_be_visible(timeout=20_000)
    cards = page.frame_locator("iframe[data-testid=stCustomComponentV1]")
    expect(cards.get_by_text("Plain-Python data apps")).to_be_visible(timeout=20_000)
    cards.get_by_text("Sidepane").click()
    expect(page.get_by_text("hit: True")).to_be_visible(timeout=10_000)
    assert fetched == []


JS_EVAL = """
import streamlit as st
from streamlit_js_eval import streamlit_js_eval

answer = streamlit_js_eval(js_expressions="[6 * 7, 'ok']", key="calc")
st.write(f"answer: {answer}")
"""


def test_streamlit_js_eval_returns_the_expressions_value(page: Page, serve: Any) -> None:
    # Its frame evaluates the expression and sends the result at once, with no click.
    need("streamlit_js_eval")
    server: Server = serve(JS_EVAL)
    fetched = outside_requests(page, server)
    page.goto(server.url)
    expect(page.get_by_text("answer: [42, 'ok']")).to_be_visible(timeout=20_000)
    assert fetched == []


TOGGLE = """
import streamlit as st
from streamlit_toggle import st_toggle_switch

on = st_toggle_switch(label="Dark mode", key="dark")
st.write(f"on: {on}")
"""


def test_streamlit_toggle_switch_reports_the_flipped_switch(page: Page, serve: Any) -> None:
    need("streamlit_toggle")
    server: Server = serve(TOGGLE)
    fetched = outside_requests(page, server)
    page.goto(server.url)
    expect(page.get_by_text("on: False")).to_be_visible(timeout=20_000)
    switch = page.frame_locator("iframe[data-testid=stCustomComponentV1]")
    expect(switch.get_by_text("Dark mode")).to_be_visible(timeout=20_000)
    switch.locator("input[type=checkbox]").click(force=True)  # MUI hides the real input
    expect(page.get_by_text("on: True")).to_be_visible(timeout=10_000)
    assert fetched == []


FEEDBACK = """
import streamlit as st
from streamlit_feedback import streamlit_feedback

feedback = streamlit_feedback(feedback_type="thumbs", key="fb")
st.write(f"feedback: {feedback}")
"""


def test_streamlit_feedback_reports_a_thumbs_up(page: Page, serve: Any) -> None:
    need("streamlit_feedback")
    server: Server = serve(FEEDBACK)
    fetched = outside_requests(page, server)
    page.goto(server.url)
    expect(page.get_by_text("feedback: None")).to_be_visible(timeout=20_000)
    thumbs = page.frame_locator("iframe[data-testid=stCustomComponentV1]")
    thumbs.get_by_test_id("ThumbUpOffAltIcon").click()
    expect(
        page.get_by_text("feedback: {'type': 'thumbs', 'score': '👍', 'text': None}")
    ).to_be_visible(timeout=10_000)
    assert fetched == []


FOLIUM = """
import folium
import streamlit as st
from streamlit_folium import st_folium

m = folium.Map(location=[48.85, 2.35], zoom_start=12)
out = st_folium(m, key="map", height=300, width=500)
st.write(f"returned: {sorted(out)}")
st.write(f"center: {out.get('center')}")
"""


def test_streamlit_folium_returns_its_dict_and_asks_the_cdn_for_leaflet(
    page: Page, serve: Any
) -> None:
    # folium's map needs Leaflet from cdn.jsdelivr.net (folium's own default_js): offline, as
    # here, the frame loads but the map cannot draw or send anything; the script gets the
    # component's default dict, as in Streamlit.
    need("streamlit_folium")
    pytest.importorskip("folium")
    server: Server = serve(FOLIUM)
    leaflet: list[str] = []
    page.on("request", lambda r: leaflet.append(r.url) if "leaflet" in r.url else None)
    page.goto(server.url)
    expect(page.get_by_text("returned: ['all_drawings', 'bounds', ", exact=False)).to_be_visible(
        timeout=20_000
    )
    expect(page.get_by_text("center: None")).to_be_visible()
    for _ in range(100):  # the frame's page asks for Leaflet once its own scripts ran
        if any(url.startswith("https://cdn.jsdelivr.net/npm/leaflet@") for url in leaflet):
            break
        page.wait_for_timeout(100)
    assert any(url.startswith("https://cdn.jsdelivr.net/npm/leaflet@") for url in leaflet)
