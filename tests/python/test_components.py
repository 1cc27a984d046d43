"""`streamlit.components.v1`: `html` and `iframe` frames, and declared components (a widget
whose value the component sends), through AppTest and through the web server's route."""

from __future__ import annotations

import importlib.util
import logging
import textwrap
from pathlib import Path

import aiohttp
import pytest
from web_helpers import async_test, serving

from sidepane.servers.web import component_routes
from sidepane.testing import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source)).run()


# ---- html / iframe ----


def test_html_draws_its_page_in_a_frame_with_streamlits_defaults(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        at = run(
            """
            import streamlit.components.v1 as components
            components.html("<p id='x'>hi</p>")
            components.html("<b>2</b>", width=300, height=60, scrolling=True, tab_index=-1)
            """
        )
    assert not at.exception
    first, second = at.get("component_frame")
    assert first.srcdoc == "<p id='x'>hi</p>" and first.src is None
    assert first.node.props["height"] == 150
    assert "width" not in first.node.props and "scrolling" not in first.node.props
    assert second.srcdoc == "<b>2</b>"
    props = second.node.props
    assert (props["width"], props["height"], props["scrolling"], props["tab_index"]) == (
        300,
        60,
        True,
        -1,
    )
    # 1.67 deprecates it in favour of st.iframe, in the log only.
    assert "Please replace `st.components.v1.html` with `st.iframe`." in caplog.text
    assert not at.warning


def test_iframe_and_st_components_v1() -> None:
    at = run(
        """
        import streamlit as st
        st.components.v1.iframe("https://example.com", height=500)
        st.components.iframe("http://localhost:9/x", width=200)
        """
    )
    assert not at.exception
    a, b = at.get("component_frame")
    assert a.src == "https://example.com" and a.node.props["height"] == 500
    assert b.src == "http://localhost:9/x" and b.node.props["width"] == 200
    assert a.srcdoc is None


@pytest.mark.parametrize(
    ("tab_index", "message"),
    [
        ("1", "Invalid `tab_index` type. Expected one of: int. Provided type: str."),
        (True, "Provided type: bool."),
        (-2, "Invalid `tab_index` value. Supported values: None, -1, a non-negative integer."),
    ],
)
def test_a_bad_tab_index_is_streamlits_error(tab_index: object, message: str) -> None:
    at = run(
        f"""
        import streamlit.components.v1 as components
        components.html("x", tab_index={tab_index!r})
        """
    )
    assert message in at.exception[0].message


# ---- declare_component ----

COMPONENT = """
import streamlit as st
import streamlit.components.v1 as components
calls = st.session_state.setdefault("calls", [])
thing = components.declare_component("thing", url="http://localhost:3001")
value = thing(greeting="hello", n=[1, 2], blob=b"\\x00\\x01", default={"clicks": 0},
              key=KEY, on_change=lambda: calls.append("changed"))
st.write(value)
"""


def component_app(key: str | None = "thing") -> AppTest:
    return AppTest.from_string(COMPONENT.replace("KEY", repr(key))).run()


def test_a_component_draws_with_its_args_and_returns_its_default() -> None:
    at = component_app()
    assert not at.exception
    (component,) = at.get("component_instance")
    # Named after the module that declared it (the script: its file name's stem).
    assert component.component_name.endswith(".thing")
    assert component.args == {
        "greeting": "hello",
        "n": [1, 2],
        "default": {"clicks": 0},
        "key": "thing",
    }
    assert component.node.props["bytes_args"] == {"blob": b"\x00\x01"}
    assert component.node.props["url"] == "http://localhost:3001"
    assert at.json[0].value == '{"clicks": 0}'
    assert at.session_state["thing"] is None  # nothing sent yet: the default is returned


def test_a_value_from_the_component_reruns_calls_on_change_and_is_returned() -> None:
    at = component_app()
    at.get("component_instance")[0].set_value({"clicks": 3}).run()
    assert not at.exception
    assert at.session_state["calls"] == ["changed"]
    assert at.session_state["thing"] == {"clicks": 3}
    assert at.get("component_instance")[0].value == {"clicks": 3}
    # The same value again is no change.
    at.get("component_instance")[0].set_value({"clicks": 3}).run()
    assert at.session_state["calls"] == ["changed"]


def test_bytes_from_the_component_come_back_as_bytes() -> None:
    at = component_app()
    at.get("component_instance")[0].set_value(b"\x01\x02").run()
    assert at.session_state["thing"] == b"\x01\x02"


def test_with_a_key_new_args_keep_the_value_without_one_they_do_not() -> None:
    source = """
    import streamlit as st
    import streamlit.components.v1 as components
    thing = components.declare_component("thing", url="http://localhost:3001")
    st.session_state["out"] = thing(label=st.session_state.get("label", "a"), key=KEY)
    """
    for key, kept in (("k", True), (None, False)):
        at = AppTest.from_string(textwrap.dedent(source).replace("KEY", repr(key))).run()
        at.get("component_instance")[0].set_value(7).run()
        assert at.session_state["out"] == 7
        at.session_state["label"] = "b"
        at.run()
        assert at.session_state["out"] == (7 if kept else None)


def test_a_component_needs_keyword_args_json_and_a_path_or_url() -> None:
    base = """
    import streamlit.components.v1 as components
    thing = components.declare_component("thing", url="http://localhost:3001")
    """
    at = run(base + "thing('x')\n")
    assert "Argument 'x' needs a label" in at.exception[0].message
    at = run(base + "thing(f=object())\n")
    assert "Could not convert component args to JSON" in at.exception[0].message
    at = run("import streamlit.components.v1 as c\nc.declare_component('x')\n")
    assert "Either 'path' or 'url' must be set." in at.exception[0].message
    at = run(base + "thing(on_change='rerun')\n")
    assert at.exception


def test_streamlit_component_paths_packages_import() -> None:
    at = run(
        """
        import streamlit as st
        from streamlit.components.v1.components import declare_component
        from streamlit.components.v1.custom_component import CustomComponent
        from streamlit.components.v1 import declare_component as d2
        assert d2 is declare_component
        c = declare_component("c", path=".")
        assert isinstance(c, CustomComponent) and c.path == "."
        st.write(c.name)
        """
    )
    assert not at.exception


def test_register_widget_is_there_to_wrap_and_says_what_to_do_if_called() -> None:
    # streamlit-antd-components wraps it at import to add callbacks (which Streamlit 1.67's
    # components no longer call through this module); calling it says what to do instead.
    at = run(
        """
        import streamlit as st
        from streamlit.components.v1.components import register_widget
        try:
            register_widget("id", deserializer=None, serializer=None, ctx=None)
        except Exception as exc:
            st.write(str(exc))
        """
    )
    assert not at.exception
    assert "a custom component's widget is registered when the component is called" in (
        at.markdown[0].value
    )


def test_streamlit_antd_components_runs() -> None:
    # A real package (requirements/components.lock) that wraps register_widget at import.
    if importlib.util.find_spec("streamlit_antd_components") is None:
        pytest.skip("streamlit-antd-components is not installed (requirements/components.lock)")
    at = run(
        """
        import streamlit as st
        import streamlit_antd_components as sac
        st.write(sac.segmented(items=["Apple", "Banana"], key="fruit"))
        """
    )
    assert not at.exception
    assert at.markdown[0].value == "Apple"
    at.get("component_instance")[0].set_value("Banana").run()
    assert at.markdown[0].value == "Banana"


# ---- the server's components route ----


async def get(url: str) -> tuple[int, dict[str, str], bytes]:
    async with aiohttp.ClientSession() as http, http.get(url) as r:
        return r.status, dict(r.headers), await r.read()


@async_test
async def test_the_server_serves_a_components_files_in_its_own_sandbox(tmp_path: Path) -> None:
    frontend = tmp_path / "frontend"
    frontend.mkdir()
    (frontend / "index.html").write_text("<script src='main.js'></script>")
    (frontend / "main.js").write_text("console.log(1)")
    (tmp_path / "secret.txt").write_text("secret")
    source = f"""
    import streamlit as st
    import streamlit.components.v1 as components
    components.declare_component("front", path={str(frontend)!r})
    components.html("<p>page</p>")
    """
    from sidepane.components.declare import declare_component

    name = declare_component("front", path=frontend).name  # the same registry as the script's
    async with serving(tmp_path, source) as server:
        index = await get(f"{server.url}/component/{name}/index.html")
        script = await get(f"{server.url}/component/{name}/main.js")
        escape = await get(f"{server.url}/component/{name}/%2e%2e/secret.txt")
        unknown = await get(f"{server.url}/component/nope/index.html")
        from sidepane.components.registry import register_html

        page = await get(f"{server.url}/component/_html/{register_html('<p>page</p>')}")
        missing_page = await get(f"{server.url}/component/_html/0000")
    assert index[0] == 200 and index[2] == b"<script src='main.js'></script>"
    assert index[1]["Content-Type"].startswith("text/html")
    assert script[0] == 200 and script[1]["Content-Type"] == "text/javascript"
    for response in (index, script, page):
        csp = response[1]["Content-Security-Policy"]
        assert csp == component_routes.CSP
        # The sandbox without allow-same-origin: the page is an origin of its own.
        assert "sandbox allow-scripts" in csp and "allow-same-origin" not in csp
        assert "frame-ancestors 'self'" in csp
    assert escape[0] in (400, 404) and b"secret" not in escape[2]
    assert unknown[0] == 404
    assert page[0] == 200 and page[2] == b"<p>page</p>"
    assert missing_page[0] == 404


def test_frames_and_components_draw_where_the_script_is() -> None:
    # As Streamlit's (which draw on `st._main`): inside a `with` block, there.
    at = run(
        """
        import streamlit as st
        import streamlit.components.v1 as components
        thing = components.declare_component("thing", url="http://localhost:3001")
        with st.sidebar:
            components.html("<p>side</p>")
            thing(key="side")
        col, _ = st.columns(2)
        with col:
            components.iframe("https://example.com")
        """
    )
    assert not at.exception
    assert len(at.sidebar.get("component_frame")) == 1
    assert len(at.sidebar.get("component_instance")) == 1
    assert not at.main.get("component_instance")
    assert at.columns[0].get("component_frame")[0].src == "https://example.com"
