"""The schema's validator (each kind of problem, with its path) and real runs' frames against it.

No `from __future__ import annotations` here: the TypedDicts below must keep real annotations,
as the schema's own modules do (registry.py).
"""

import asyncio
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.frames import PROTOCOL_VERSION, frame
from sidepane.protocol.schema import registry
from sidepane.protocol.schema.frames import PagesFrame, QueryParamsFrame, RunEndFrame
from sidepane.protocol.schema.lsp import LSP_METHODS
from sidepane.protocol.schema.validate import validate, validate_frame
from sidepane.runtime.app import App
from sidepane.servers.viewer_link import ViewerLink

from conftest import Harness


class Inner(TypedDict):
    n: int
    label: NotRequired[str]


class Shape(TypedDict):
    i: int
    f: float
    s: Annotated[str, "documented"]
    b: bool
    raw: bytes
    nothing: None
    anything: Any
    mode: Literal["a", "b"]
    maybe: int | None
    items: list[Inner]
    pair: tuple[str, int]
    table: dict[str, bool]
    opt: NotRequired[str]


GOOD: dict[str, Any] = {
    "i": 1,
    "f": 2,  # an int is a float
    "s": "x",
    "b": False,
    "raw": b"\x00",
    "nothing": None,
    "anything": object(),
    "mode": "a",
    "maybe": None,
    "items": [{"n": 1}, {"n": 2, "label": "two"}],
    "pair": ["k", 3],  # msgpack has one array type: a list is a tuple
    "table": {"x": True},
}


def test_a_good_value_has_no_problems() -> None:
    assert validate(GOOD, Shape) == []
    assert validate({**GOOD, "opt": "o", "pair": ("k", 3), "maybe": 4}, Shape) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"i": None}, "$.i: expected int, got NoneType None"),
        ({"i": True}, "$.i: expected int, got bool True"),  # a bool is not an int
        ({"f": "1"}, "$.f: expected float, got str '1'"),
        ({"f": False}, "$.f: expected float, got bool False"),
        ({"s": b"x"}, "$.s: expected str, got bytes b'x'"),
        ({"b": 1}, "$.b: expected bool, got int 1"),
        ({"raw": "x"}, "$.raw: expected bytes, got str 'x'"),
        ({"nothing": 0}, "$.nothing: expected None, got int 0"),
        ({"mode": "c"}, "$.mode: str 'c' is not one of ['a', 'b']"),
        ({"maybe": "3"}, "$.maybe: str '3' is not int | None"),
        ({"items": {"n": 1}}, "$.items: expected a list, got dict {'n': 1}"),
        ({"items": [{"n": 1}, {"n": "2"}]}, "$.items[1].n: expected int, got str '2'"),
        ({"items": [{}]}, "$.items[0].n: missing (required by Inner)"),
        ({"items": [{"n": 1, "x": 2}]}, "$.items[0].x: unknown key (not in Inner)"),
        ({"pair": ["k"]}, "$.pair: expected 2 items, got 1"),
        ({"pair": ["k", "3"]}, "$.pair[1]: expected int, got str '3'"),
        ({"table": {"x": 1}}, "$.table.x: expected bool, got int 1"),
        ({"table": {1: True}}, "$.table: key int 1 is not a str"),
        ({"opt": 1}, "$.opt: expected str, got int 1"),
        ({"extra": 1}, "$.extra: unknown key (not in Shape)"),
    ],
)
def test_each_problem_is_reported_with_its_path(change: dict[str, Any], problem: str) -> None:
    assert validate({**GOOD, **change}, Shape) == [problem]


def test_a_missing_required_key_is_reported_and_an_optional_one_is_not() -> None:
    assert "opt" not in GOOD
    value = {k: v for k, v in GOOD.items() if k != "s"}
    assert validate(value, Shape) == ["$.s: missing (required by Shape)"]
    assert validate([], Shape) == ["$: expected a map (Shape), got list []"]


def test_a_literal_matches_only_its_own_type() -> None:
    # True == 1 and 1 == 1.0 in Python, but not on the wire.
    assert validate(True, Literal[1]) == ["$: bool True is not one of [1]"]
    assert validate(False, Literal[False]) == []
    assert validate(1, Literal[True]) == ["$: int 1 is not one of [True]"]


def test_frames_are_checked_by_t() -> None:
    assert validate_frame({"t": "run_end", "run": 1, "status": "ok", "remove": [], "ms": 1}) == []
    assert validate_frame({"t": "nope"}) == ["$.t: unknown frame type 'nope'"]
    assert validate_frame({"t": "run_end", "run": 1, "status": "done", "remove": [], "ms": 1}) == [
        "$.status: str 'done' is not one of ['ok', 'error', 'stopped', 'interrupted']"
    ]
    assert validate_frame({"t": "stop", "why": 1}) == ["$.why: unknown key (not in StopFrame)"]


def test_an_upserts_props_are_checked_when_its_type_is_declared() -> None:
    def upsert(type_: str, props: dict[str, Any]) -> dict[str, Any]:
        return {"t": "upsert", "run": 1, "path": ["main", 0], "type": type_, "props": props}

    assert validate_frame(upsert("markdown", {"body": "hi", "style": "title"})) == []
    assert validate_frame(upsert("markdown", {"style": "huge"})) == [
        "$.props(markdown).body: missing (required by MarkdownProps)",
        "$.props(markdown).style: str 'huge' is not one of "
        "['title', 'header', 'subheader', 'caption']",
    ]
    # Every element type is declared: one that is not cannot be drawn unnoticed.
    assert "not_declared" not in registry.ELEMENTS
    assert validate_frame(upsert("not_declared", {"anything": 1})) == [
        "$.type: element type 'not_declared' is not declared in the schema"
    ]
    assert validate_frame({**upsert("markdown", {}), "path": "main"}) == [
        "$.path: expected a list, got str 'main'"
    ]


def test_a_declaration_with_string_annotations_is_refused() -> None:
    class Stringy(TypedDict):
        body: str

    Stringy.__annotations__["body"] = "str"  # as `from __future__ import annotations` leaves it
    with pytest.raises(TypeError, match="from __future__ import annotations"):
        registry.element("stringy_test_only")(Stringy)
    assert "stringy_test_only" not in registry.ELEMENTS
    with pytest.raises(TypeError, match="from __future__ import annotations"):
        validate({"body": "x"}, Stringy)


def test_every_lsp_method_is_declared_with_its_shapes() -> None:
    assert sorted(LSP_METHODS) == [
        "sidepane/closeSession",
        "sidepane/configure",
        "sidepane/frames",
        "sidepane/message",
        "sidepane/openSession",
        "sidepane/runOnSaveChanged",
        "sidepane/serveComponents",
        "sidepane/startDebug",
        "sidepane/status",
    ]
    for method in LSP_METHODS.values():
        assert (method.kind == "request") == (method.result is not None), method.name
    status = LSP_METHODS["sidepane/status"].params
    assert validate({"session": "s", "script": "a.py", "state": "paused", "run": 2}, status) == []


def test_the_fixture_records_an_invalid_frame_the_runtime_encodes(
    frames_match_schema: list[str],
) -> None:
    frame("run_end", run=1, status="ok", remove=[])
    frame("query_params", params=[["a", "b"]])
    assert frames_match_schema == ["'run_end' frame: $.ms: missing (required by RunEndFrame)"]
    frames_match_schema.clear()  # this test's invalid frame is on purpose


APP = """
import pandas as pd
import streamlit as st

st.set_page_config(page_title="Schema", layout="wide")
# The app_config frame goes out from the next run on; st.logo sends a logo frame.
st.set_option("client.showSidebarNavigation", False)
st.logo(":material/home:", link="https://example.com", icon_image="🎈")
st.markdown("**hi**", help="h", width="content", text_alignment="center")
st.title("Title", anchor=False, icon="🎈")
st.header("Header", divider="blue", anchor="here")
st.subheader("Sub", divider=True, help="x")
st.caption("a <b>caption</b>", unsafe_allow_html=True)
st.text("text", wrap=False, width=200)
st.code("x = 1", language=None, line_numbers=True, wrap_lines=True)
st.latex(r"e^{i\\pi} = -1", help="Euler")
st.json({"a": [1, 2]}, expanded=1)
st.divider()
st.html("<b>bold</b>")
st.help(pd.DataFrame)
try:
    raise ValueError("shown")
except ValueError as exc:
    exc.add_note("a note")
    st.exception(exc)
st.dataframe(pd.DataFrame({"a": [1, 2]}))
st.success("Done", icon="✅", title="T")
st.info("🔥 plain")
st.progress(0.5, text="half")
with st.spinner("wait", show_time=True):
    pass
st.image("https://example.com/a.png", caption="c", width=50, link="https://example.com")
st.audio(b"RIFFfake", width=100, autoplay=True)
st.video("https://example.com/v.mp4", start_time=1, end_time=3, loop=True, muted=True)
st.metric("m", 1, -1, help="h", icon="🔥", border=True, chart_data=[1, 2], chart_type="bar")
st.line_chart(pd.DataFrame({"a": [1, 2]}), height=100)
st.plotly_chart({"data": [{"type": "bar", "y": [1, 2]}]}, on_select="rerun", config={"a": 1})
st.graphviz_chart("digraph { a -> b }", width=300, height="stretch", alt="a graph")
import pydeck as pdk
st.pydeck_chart(pdk.Deck(tooltip={"text": "{a}"}), on_select="rerun", key="deck", alt="a map")
st.map(pd.DataFrame({"lat": [1.0], "lon": [2.0]}), width=300, height="stretch")
st.echarts_chart({"series": [{"type": "bar", "data": [1], "selectedMode": "single"}]},
                 on_select="rerun", renderer="svg", theme=None, alt="e", key="ec")
st.pdf(b"%PDF-1.4", height=300, alt="doc", key="pdf")
st.pdf("https://example.com/a.pdf", height="stretch")
st.iframe("<b>x</b>", width="content", tab_index=0, alt="f")
st.iframe("https://example.com", height="stretch")
import streamlit.components.v1 as components
components.html("<p>x</p>", width=200, scrolling=True, tab_index=0)
components.declare_component("c", url="http://localhost:1")(a=[1], b=b"x", key="cc")
v2 = st.components.v2.component("v2c", html="<p>x</p>", js="export default function () {}")
v2(key="v2", data={"a": 1}, default={"picked": None}, on_picked_change=lambda: None)
st.table(pd.DataFrame({"a": [1]}), border="horizontal", hide_header=True, height=100)
st.dataframe(
    pd.DataFrame({"a": [1, 2]}, index=["x", "y"]),
    on_select="rerun",
    selection_mode=["multi-row", "single-cell"],
    column_config={"a": "A"},
    height=200,
    width=300,
)
st.data_editor(pd.DataFrame({"a": [1, 2]}), num_rows="dynamic", key="ed", disabled=["a"])
st.toast("Toasted", icon="🎉")
st.query_params["q"] = "1"
n = st.slider("n", 0, 10, key="n")
st.file_uploader("file", key="file", type=["txt"], accept_multiple_files=True)
st.slider("range", 0.0, 1.0, (0.2, 0.5), help="h", disabled=True, label_visibility="hidden")
st.button("b", type="primary", icon="🎈", icon_position="right", width=120, shortcut="Ctrl+K")
with st.form("f"):
    st.text_input("ti", max_chars=5, placeholder="p", type="password", icon="🔑")
    st.form_submit_button("go", use_container_width=True)
st.download_button("dl", b"x", file_name="a.txt", on_click="ignore")
st.checkbox("cb", label_visibility="collapsed")
st.toggle("tg", key="tg")
st.radio("r", ["a", "b"], captions=["x", "y"], horizontal=True, index=None)
st.selectbox("sb", ["a", "b"], placeholder="p", accept_new_options=True)
st.multiselect("ms", ["a", "b"], max_selections=1)
st.select_slider("ss", ["a", "b", "c"], value=("a", "b"))
st.color_picker("cp")
st.pills("pl", [":material/add: a", "b"], selection_mode="multi", default="b", width=100)
st.segmented_control("sc", ["a"], required=True, wrap=False, on_change="ignore")
st.feedback("stars", default=0, width="stretch")
st.number_input("ni", 0, 10, placeholder="p")
st.text_area("ta", height=100)
st.date_input("di", value=None)
st.time_input("tm", value=None, step=90)
st.chat_input("say", accept_file=True, file_type=["txt"], max_chars=10)
st.page_link("https://docs.streamlit.io", label="Docs", icon="📖", width="stretch")
st.balloons()
st.snow()
st.badge("New", icon="🔥", color="orange", help="h", width=90)
st.space("medium")
with st.skeleton(height="stretch", width=200):
    st.space(12)
st.link_button("lb", "https://example.com", icon="🔗", width="stretch", help="h", disabled=True)
st.link_button("lbr", "https://example.com", on_click="rerun", key="lbr", width=100)
st.menu_button("mb", ["a", "b"], icon="📤", width="stretch", help="h")
st.datetime_input("dti", value=None, step=120, width=300, on_change="ignore")
st.pagination(10, max_visible_pages=3, width="stretch", key="pg")
st.camera_input("cam", help="h")
st.audio_input("mic", sample_rate=None)
with st.container(border=True, height=200, horizontal=True, key="box"):
    st.empty()
left, right = st.columns([2, 1], gap=None, vertical_alignment="center", border=True, wrap=False)
first, second = st.tabs(["T1", "T2"], default="T2", height=100, key="tabs")
with st.expander("E", expanded=True, icon="🔥", type="compact", key="exp"):
    st.write("in")
with st.popover("P", icon=":material/tune:", help="h", key="pop", on_change="rerun", width=200):
    st.write("in a popover")
st.expander("SE", on_change="rerun", width=300)
st.tabs(["A", "B"], on_change="rerun", key="stabs", width=300)
st.container(height="stretch", gap=8, width="content", vertical_alignment="distribute")
grid = st.grid(2, wrap=False, gap=(None, 4), border=True, row_height=50, width=300, height=200,
               key="grid", dense=True, min_column_width=100, vertical_alignment="center")
grid.cell(column_span="all", row_span=2).write("a grid cell")
st.bottom.write("pinned")
with st.status("S", type="step", width=300) as status:
    status.update(state="error")
st.chat_message("user").write("hi")
st.chat_message("bot", avatar="🤖", width="content")
@st.dialog("Dialog", width=600, position="right", icon="🔥", on_dismiss="rerun")
def dialog():
    st.write("in a dialog")
dialog()
if n == 3:
    exec(compile("x = (", "bad.py", "exec"))  # a SyntaxError: an exception with a column
"""


def test_a_real_run_sends_valid_frames_of_every_declared_kind(harness: Harness) -> None:
    (harness.dir / "pages").mkdir()
    harness.write("pages/2_Other.py", "import streamlit as st\nst.write('other')\n")
    session, viewer = harness.session(APP)
    sent: list[dict[str, Any]] = []

    def until_run_end(run: int) -> None:
        assert harness.wait_for(lambda: _ran(sent, viewer, run), timeout=10)

    harness.hello(session, viewport={"w": 800, "h": 600}, theme="dark", query="", page="")
    until_run_end(1)
    widgets = [f["props"] for f in sent if "label" in f.get("props", {})]
    ids = {p["label"]: p["id"] for p in widgets if "id" in p}
    session.handle_message(frame("widget_value", id=ids["n"], value=3, run=1, values={}))
    until_run_end(2)
    session.handle_message(
        frame("upload", id=ids["file"], hash="h", name="a.txt", type="text/plain", data=b"hi")
    )
    assert harness.wait_for(lambda: _ran(sent, viewer, None) or _has(sent, "upload_status"))
    session.handle_message(frame("rerun", page="Other", query="") + frame("stop"))
    session.wait_idle(5)
    session.writer.debug_state(("app.py", 3))
    session.writer.debug_state(None)
    harness.hello(session)  # reset: the next run resends everything
    session.wait_idle(5)
    session.handle_message(frame("hello", v=PROTOCOL_VERSION + 1))
    assert harness.wait_for(lambda: _ran(sent, viewer, None) or _has(sent, "error"))
    sent.extend(viewer.take())

    problems = [(f["t"], p) for f in sent for p in validate_frame(f)]
    assert problems == []
    kinds = {f["t"] for f in sent}
    # source_changed: the next test; auth_redirect needs an [auth] config (test_auth.py, where
    # the autouse fixture validates it).
    assert set(registry.RUNTIME_FRAMES) - kinds == {"source_changed", "auth_redirect"}
    drawn = {f["type"] for f in sent if f["t"] == "upsert"}
    assert set(registry.ELEMENTS) <= drawn
    exceptions = [f["props"] for f in sent if f["t"] == "upsert" and f["type"] == "exception"]
    assert any("col" in frame_ for e in exceptions for frame_ in e["frames"])
    assert any(e.get("note") == "a note" for e in exceptions)


@pytest.mark.asyncio
async def test_source_changed_and_run_on_save_frames_are_valid(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\nst.write('hi')\n")
    out: list[bytes] = []
    link = ViewerLink(
        App(script),
        loop=asyncio.get_running_loop(),
        on_ready=lambda: out.extend(link.take_frames()),
        run_on_save="ask",
    )
    try:
        link.receive(frame("hello", v=PROTOCOL_VERSION))
        link.source_changed(str(script))
        link.receive(frame("run_on_save", enabled=True))
        await asyncio.sleep(0.05)
        link.session.wait_idle(5)
        await asyncio.sleep(0.05)
    finally:
        link.close()
        link.session.close()
    from sidepane.protocol.frames import iter_frames

    frames = list(iter_frames(out))
    assert [f for f in frames if f["t"] == "source_changed"] == [
        {"t": "source_changed", "path": str(script)}
    ]
    assert [p for f in frames for p in validate_frame(f)] == []
    assert validate_frame({"t": "run_on_save", "enabled": True}) == []


def _ran(sent: list[dict[str, Any]], viewer: Any, run: int | None) -> bool:
    sent.extend(viewer.take())
    return run is not None and any(f["t"] == "run_end" and f["run"] == run for f in sent)


def _has(sent: list[dict[str, Any]], kind: str) -> bool:
    return any(f["t"] == kind for f in sent)


def test_query_params_and_pages_shapes() -> None:
    assert validate({"params": [["a", "1"], ["a", "2"]]}, QueryParamsFrame) == []
    assert validate({"pages": [{"name": "", "label": "App"}], "current": ""}, PagesFrame) == []
    run_end = {"run": 1, "status": "ok", "remove": [["main", 0]], "ms": 0.5}
    assert validate(run_end, RunEndFrame) == []


def test_a_traceback_frame_without_a_line_number_sends_line_0(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Python gives None for an instruction without line information (FrameSummary.lineno is
    # `int | None`); the declared `line` is an int, which the viewer shows as `file:line`.
    import traceback

    from sidepane.elements import exception as exception_module
    from sidepane.protocol.schema.elements.text import ExceptionProps

    summary = traceback.FrameSummary("/lib/site-packages/x.py", None, "f", line="")  # type: ignore[arg-type]
    monkeypatch.setattr(exception_module.traceback, "extract_tb", lambda tb: [summary])
    props = exception_module.exception_props(ValueError("v"), None)
    assert props["frames"][0]["line"] == 0
    assert validate(props, ExceptionProps) == []


def test_triggers_are_marked_once_in_the_schema() -> None:
    # The runtime (dg_core._widget) and the viewer (TRIGGER_TYPES) both take them from here.
    triggers = {t for t in registry.ELEMENTS if registry.is_trigger(t)}
    assert triggers == {"button", "download_button", "chat_input", "link_button", "menu_button"}
    assert not registry.is_trigger("checkbox") and not registry.is_trigger("not_declared")
    generated = (Path(__file__).parents[2] / "webview/src/core/protocol.generated.ts").read_text()
    for t in triggers:
        assert f'"{t}"' in generated.split("TRIGGER_TYPES", 1)[1].split(";", 1)[0]
