"""`st.components.v2` through AppTest: the result object, defaults, callbacks, state and trigger
values, data kinds, package components declared in `pyproject.toml` (streamlit-echarts 0.7),
and 1.67's errors, compared with Streamlit 1.67 where its AppTest can show them."""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

from sidepane.components.registry import component_folder, html_page
from sidepane.components.v2.host_page import RUNTIME_FILE
from sidepane.testing import AppTest

STREAMLIT_167 = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/python"
needs_167 = pytest.mark.skipif(
    not STREAMLIT_167.exists(), reason="the Streamlit 1.67 bench venv is absent"
)
needs_echarts = pytest.mark.skipif(
    importlib.util.find_spec("streamlit_echarts") is None,
    reason="streamlit-echarts is not installed (requirements/components.lock)",
)


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source)).run()


def run_167(cases: dict[str, str]) -> dict[str, list[str]]:
    """Each script's exceptions and Markdown under Streamlit 1.67. This environment's
    site-packages come last on its path, for packages (streamlit-echarts) only installed here."""
    probe = f"""
import json, sys
sys.path.append({sysconfig.get_paths()["purelib"]!r})
from streamlit.testing.v1 import AppTest
out = {{}}
for name, src in {cases!r}.items():
    at = AppTest.from_string(src).run()
    out[name] = [e.value for e in at.exception] + [m.value for m in at.markdown]
print(json.dumps(out))
"""
    result = subprocess.run(
        [str(STREAMLIT_167), "-c", probe], capture_output=True, text=True, check=True, timeout=180
    )
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run_ours(cases: dict[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, src in cases.items():
        at = AppTest.from_string(src).run()
        out[name] = [e.value for e in at.exception] + [m.value for m in at.markdown]
    return out


HEAD = 'import streamlit as st\nc = st.components.v2.component("x", html="<p>hi</p>")\n'

RESULTS = {
    "defaults": HEAD
    + "r = c(data={'a': 1}, key='k', default={'value': 3}, on_value_change=lambda: None,"
    " on_clicked_change=lambda: None)\n"
    "st.write(repr(r), type(r).__name__, r.value, r.clicked, hasattr(r, 'other'))\n"
    "st.write(repr(st.session_state['k']))",
    "no_callbacks": HEAD + "r = c(data=[1, 2])\nst.write(repr(r), len(r))",
    "int_key": HEAD
    + "r = c(key=7, on_v_change=lambda: None)\nst.write(repr(r), '7' in st.session_state)",
    "not_callable": HEAD + "r = c(on_v_change=None, foo=1)\nst.write(repr(r))",
    "not_json": "import streamlit as st, datetime\n"
    "c = st.components.v2.component('x', html='<p>')\n"
    "r = c(default={'v': datetime.date(2020, 1, 2)}, on_v_change=lambda: None)\n"
    "c(data={'when': datetime.date(2020, 1, 2)}, key='d')\nc(data=float('nan'), key='n')\n"
    "st.write(repr(r))",
    "empty_key": HEAD + "st.write(repr(c(key='', on_v_change=lambda: None)))",
    "isolate_at_mount": HEAD + "st.write(repr(c(isolate_styles=False, on_v_change=lambda: None)))",
    "outside": "import streamlit as st\nimport threading\nc = st.components.v2.component('x')\n"
    "box = []\nt = threading.Thread(target=lambda: box.append(c(on_v_change=print)))\n"
    "t.start(); t.join()\nst.write(repr(box[0]))",
}

ERRORS = {
    "callback_name": HEAD + "c(on__change=lambda: None)",
    "default_key": HEAD + "c(default={'a': 1}, on_b_change=lambda: None)",
    "default_no_callbacks": HEAD + "c(default={'a': 1})",
    "width": HEAD + "c(width='wide')",
    "width_zero": HEAD + "c(width=0)",
    "css_type": "import streamlit as st\nst.components.v2.component('x', css=123)",
    "unserializable": HEAD + "c(data=object())",
    "file_without_manifest": "import streamlit as st\n"
    "st.components.v2.component('x', js='index.js')",
    "duplicate_key": HEAD + "c(key='a')\nc(key='a')",
    "delimiter_in_key": HEAD + "c(key='my__key')",
    "default_not_a_dict": HEAD + "c(default=[1], on_v_change=lambda: None)",
    "path_object": "import streamlit as st\nimport pathlib\n"
    "st.components.v2.component('x', js=pathlib.Path('a.js'))",
    "duplicate_id": HEAD + "c()\nc()",
}

ECHARTS = {
    "result": "import streamlit as st\nfrom streamlit_echarts import st_echarts\n"
    "r = st_echarts(options={'series': []}, key='e', on_select='rerun')\nst.write(repr(r))",
    "traversal": "import streamlit as st\n"
    "st.components.v2.component('streamlit-echarts.streamlit_echarts', js='../x/index.js')",
    "no_match": "import streamlit as st\n"
    "st.components.v2.component('streamlit-echarts.streamlit_echarts', js='nothing-*.js')",
}


SESSION_STATE = {
    "changed_after_drawn": HEAD + "c(key='k', default={'v': 1}, on_v_change=lambda: None)\n"
    "st.session_state.k['v'] = 2",
    "set_before_it_existed": HEAD + "st.session_state.setdefault('k', {})\n"
    "c(key='k', on_v_change=lambda: None)\nst.write(repr(st.session_state.k))",
    "read_by_attribute": HEAD + "c(key='k', default={'v': 1}, on_v_change=lambda: None)\n"
    "st.write(st.session_state.k.v)",
    # Set before it is drawn: the known key takes, an unknown one is ignored.
    "set_before_drawn": HEAD + "st.session_state.setdefault('runs', 0)\n"
    "st.session_state.runs += 1\n"
    "if st.session_state.runs == 2:\n"
    "    st.session_state.k['zzz'] = 5\n"
    "    st.session_state.k.v = 7\n"
    "r = c(key='k', default={'v': 1}, on_v_change=lambda: None)\n"
    "st.write(repr(r), repr(st.session_state.k))\n"
    "if st.session_state.runs == 1:\n"
    "    st.rerun()",
}


@needs_167
def test_results_and_session_state_are_streamlits() -> None:
    cases = {**RESULTS, **SESSION_STATE}
    assert run_ours(cases) == run_167(cases)


@needs_167
def test_errors_are_streamlits() -> None:
    assert run_ours(ERRORS) == run_167(ERRORS)


@needs_167
@needs_echarts
def test_streamlit_echarts_mounts_as_in_streamlit() -> None:
    assert run_ours(ECHARTS) == run_167(ECHARTS)


def test_a_height_streamlit_would_pass_on_unchecked_is_refused() -> None:
    # Streamlit 1.67 sends any height to its frontend; Sidepane says what it takes.
    at = run(HEAD + "c(height='tall')")
    assert at.exception[0].value == (
        "Invalid height value: 'tall'. Height must be either a positive integer (pixels), "
        "'stretch', or 'content'."
    )


def test_a_name_that_is_not_text_is_refused() -> None:
    # Streamlit 1.67 fails on it with "bad argument type for built-in operation".
    at = run("import streamlit as st\nst.components.v2.component(5, html='<p>')")
    assert at.exception[0].value == (
        "Invalid `name` type. Expected one of: str. Provided type: int."
    )


def test_definition_and_layout_travel_in_the_props() -> None:
    at = run(
        """
        import streamlit as st
        c = st.components.v2.component("x", html="<p>", css="p {}", js="export default () => {}",
                                       isolate_styles=False)
        c(data={"b": 1, "a": (1, 2)}, width="content", height=120)
        c(data=b"raw", key="bytes")
        """
    )
    first, second = (el.node.props for el in at.get("bidi_component"))
    assert (first["name"], first["html"], first["css"], first["js"]) == (
        "x",
        "<p>",
        "p {}",
        "export default () => {}",
    )
    assert first["isolate_styles"] is False and "isolate_styles" not in {
        k for k, v in second.items() if v is not False
    }
    assert first["data"] == {"b": 1, "a": [1, 2]}
    assert (first["width"], first["height"]) == ("content", 120)
    assert "width" not in second and "height" not in second
    assert second["data_bytes"] == b"raw" and "data" not in second
    assert second["events_id"] == f"{second['id']}__events"
    # The frame's page is served by the components' route.
    page = html_page(first["host"])
    assert page is not None and b"<script>" in page


def test_tables_travel_as_arrow() -> None:
    pa = pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    at = run(
        """
        import pandas as pd
        import streamlit as st
        c = st.components.v2.component("t", js="export default () => {}")
        df = pd.DataFrame({"n": [1, 2, 3]})
        c(data=df, key="whole")
        c(data={"table": df, "label": "hi"}, key="mixed")
        """
    )
    whole, mixed = (el.node.props for el in at.get("bidi_component"))
    table = pa.ipc.open_stream(io.BytesIO(whole["data_arrow"])).read_all()
    assert table.column("n").to_pylist() == [1, 2, 3]
    ref = mixed["data"]["table"]["__streamlit_arrow_ref__"]
    assert mixed["data"]["label"] == "hi" and set(mixed["arrow_refs"]) == {ref}
    # Their frames' page carries Arrow's reader; a frame without tables goes without.
    plain = run(HEAD + "c()").get("bidi_component")[0].node.props["host"]
    assert whole["host"] == mixed["host"] != plain
    with_arrow, without = html_page(whole["host"]), html_page(plain)
    assert with_arrow is not None and without is not None
    assert with_arrow.count(b"<script>") == 2 and without.count(b"<script>") == 1


COUNTER = """
import streamlit as st
c = st.components.v2.component("counter", html="<button>", js="export default () => {}")
st.session_state.setdefault("calls", [])
r = c(
    key="k",
    data={"n": st.session_state.get("n", 0)},
    default={"count": 0},
    on_count_change=lambda: st.session_state.calls.append(("count", st.session_state.k["count"])),
    on_clicked_change=lambda: st.session_state.calls.append("clicked"),
)
st.write(f"count={r.count} clicked={r.clicked} calls={st.session_state.calls}")
"""


def test_state_and_trigger_values_with_their_callbacks() -> None:
    at = run(COUNTER)
    assert at.markdown[0].value == "count=0 clicked=None calls=[]"
    component = at.get("bidi_component")[0]
    assert component.value == {"count": 0}

    component.set_state_value("count", 1).run()
    assert at.markdown[0].value == "count=1 clicked=None calls=[('count', 1)]"
    assert at.session_state["k"] == {"count": 1}

    at.get("bidi_component")[0].set_trigger_value("clicked", {"x": 1}).run()
    assert at.markdown[0].value == "count=1 clicked={'x': 1} calls=[('count', 1), 'clicked']"
    # A trigger lasts one run.
    at.run()
    assert at.markdown[0].value == "count=1 clicked=None calls=[('count', 1), 'clicked']"

    # A keyed instance keeps its state when its data changes.
    at.session_state["n"] = 5
    at.run()
    assert at.markdown[0].value.startswith("count=1 ")

    # The script writes the state through session_state; the component gets it.
    at.session_state["k"]["count"] = 9
    at.run()
    assert at.markdown[0].value.startswith("count=9 ")
    assert at.get("bidi_component")[0].value == {"count": 9}


def test_session_state_shows_the_runs_triggers_over_the_state() -> None:
    source = """
    import streamlit as st
    c = st.components.v2.component("s", js="export default () => {}")
    st.write(f"before={st.session_state.get('k')!r}")
    c(key="k", default={"v": 1}, on_v_change=lambda: None, on_t_change=lambda: None)
    st.write(f"after={st.session_state.k!r} t={st.session_state.k.t}")
    """
    at = run(source)
    assert [m.value for m in at.markdown] == ["before=None", "after={'v': 1} t=None"]
    at.get("bidi_component")[0].set_trigger_value("t", "x").run()
    assert [m.value for m in at.markdown] == [
        "before={'t': 'x', 'v': 1}",
        "after={'t': 'x', 'v': 1} t=x",
    ]
    at.run()
    assert at.markdown[1].value == "after={'v': 1} t=None"


def test_an_unkeyed_instance_is_new_when_its_data_changes() -> None:
    source = """
    import streamlit as st
    c = st.components.v2.component("u", js="export default () => {}")
    r = c(data=st.session_state.get("d", 1), on_v_change=lambda: None)
    st.write(f"v={r.v}")
    """
    at = run(source)
    at.get("bidi_component")[0].set_state_value("v", "set").run()
    assert at.markdown[0].value == "v=set"
    at.session_state["d"] = 2
    at.run()
    assert at.markdown[0].value == "v=None"


def test_a_bad_state_from_the_viewer_is_ignored() -> None:
    at = run(COUNTER)
    at.get("bidi_component")[0]._set_wire(["not", "a", "dict"]).run()
    assert at.markdown[0].value.startswith("count=0 ")


@needs_echarts
def test_a_package_component_serves_its_asset_dir() -> None:
    at = run(
        """
        from streamlit_echarts import st_echarts
        st_echarts(options={"series": []}, key="e")
        """
    )
    props = at.get("bidi_component")[0].node.props
    assert props["name"] == "streamlit-echarts.streamlit_echarts"
    assert props["js_path"].startswith("index-") and "js" not in props
    folder = component_folder(props["name"])
    assert folder is not None and (folder / props["js_path"]).is_file()
    assert props["data"]["options"] == {"series": []}


def test_the_frame_page_holds_the_built_runtime() -> None:
    from sidepane.servers.web.page import default_static_dir

    at = run(HEAD + "c()")
    page = html_page(at.get("bidi_component")[0].node.props["host"])
    assert page is not None
    built = default_static_dir() / RUNTIME_FILE
    if built.is_file():
        assert built.read_bytes().strip()[:40] in page
    else:
        assert b"not built" in page
    assert sys.modules.get("sidepane.components.v2") is not None
