"""Layout blocks, status elements and page commands: what they draw, where, and with which errors.

Each case was checked against Streamlit 1.67's AppTest (same script with `import streamlit`).
"""

from __future__ import annotations

from typing import Any

import pytest

import sidepane as st
from sidepane.testing import AppTest


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


def upserts(at: AppTest) -> list[tuple[list[Any], str, dict[str, Any]]]:
    return [(f["path"], f["type"], f["props"]) for f in at.frames if f["t"] == "upsert"]


def run_end(at: AppTest) -> dict[str, Any]:
    return [f for f in at.frames if f["t"] == "run_end"][-1]


def error_of(src: str) -> str:
    at = run(src)
    assert len(at.exception) == 1, at.exception
    message: str = at.exception[0].value
    return message


# ---- columns, tabs, expanders, containers ----


def test_columns_paths_weights_and_with_blocks() -> None:
    at = run(
        """
        import sidepane as st
        st.write("top")
        left, right = st.columns([1, 3])
        right.write("r0")
        with left:
            st.write("l0")
        with right:
            st.write("r1")
        st.write("bottom")
        """
    )
    paths = {tuple(p): (t, props) for p, t, props in upserts(at)}
    assert paths[("main", 1)] == ("columns", {"gap": "small", "vertical_alignment": "top"})
    assert paths[("main", 1, 0)] == ("column", {"weight": 0.25})
    assert paths[("main", 1, 1)] == ("column", {"weight": 0.75})
    assert paths[("main", 1, 1, 0)][1]["body"] == "r0"
    assert paths[("main", 1, 1, 1)][1]["body"] == "r1"
    assert paths[("main", 1, 0, 0)][1]["body"] == "l0"
    assert paths[("main", 2)][1]["body"] == "bottom"
    assert [c.weight for c in at.columns] == [0.25, 0.75]
    assert at.columns[1].markdown.values == ["r0", "r1"]
    assert at.columns[0].markdown[0].value == "l0"
    assert at.columns[0].type == "column"
    assert at.columns[0].gap == "small"


def test_columns_nest_freely_and_work_in_the_sidebar() -> None:
    # Streamlit 1.67 has no nesting limits for columns and expanders.
    at = run(
        """
        import sidepane as st
        a, b = st.columns(2)
        with a:
            c, d = st.columns(2)
            with c:
                e, f = st.columns(2, gap=None, vertical_alignment="center", border=True)
                f.write("deep")
                with st.expander("outer"):
                    with st.expander("inner", expanded=True):
                        st.write("in")
        with st.sidebar:
            s1, s2 = st.columns(2)
            s2.write("side")
            exp = s1.expander("side exp")
        exp.write("in side exp")
        st.sidebar.columns(3)[2].write("third")
        """
    )
    assert not at.exception
    assert at.columns[0].markdown.values == ["deep", "in"]
    assert [e.label for e in at.expander] == ["outer", "inner", "side exp"]
    assert at.expander[1].expanded is True and at.expander[0].markdown.values == ["in"]
    assert at.sidebar.columns[1].markdown.values == ["side"]
    assert at.sidebar.expander[0].markdown.values == ["in side exp"]
    assert at.sidebar.columns[4].markdown.values == ["third"]
    frames = upserts(at)
    deep_row = next(props for path, t, props in frames if t == "columns" and len(path) == 6)
    assert deep_row == {"gap": None, "vertical_alignment": "center"}
    assert ("main", 0, 0, 0, 0, 0, 1, 0) in {tuple(p) for p, _, _ in frames}
    assert any(t == "column" and props.get("border") for _, t, props in frames)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.columns(0)", "The `spec` argument to `st.columns` must be either a positive"),
        ("st.columns(-2)", "The `spec` argument to `st.columns` must be either a positive"),
        ("st.columns([])", "The `spec` argument to `st.columns` must be either a positive"),
        ("st.columns([1, 0])", "The `spec` argument to `st.columns` must be either a positive"),
        (
            "st.columns('ab')",
            "Invalid `spec` type. Expected one of: int, sequence of numbers. Provided type: str.",
        ),
        (
            "st.columns(None)",
            "Invalid `spec` type. Expected one of: int, sequence of numbers. "
            "Provided type: NoneType.",
        ),
        (
            "st.columns(2, gap='huge')",
            "Invalid `gap` value. Supported values: 'xxsmall', 'xsmall', 'small', 'medium', "
            "'large', 'xlarge', 'xxlarge', None, a non-negative integer (pixels). Got 'huge'.",
        ),
        (
            "st.columns(2, vertical_alignment='middle')",
            "Invalid `vertical_alignment` value. Supported values: 'top', 'center', 'bottom'. "
            "Got 'middle'.",
        ),
        ("st.columns(2, wrap=1)", "Invalid `wrap` value. Supported values: True, False."),
        (
            "st.tabs([])",
            "The `tabs` parameter is required. Provide at least one tab label.",
        ),
        (
            "st.tabs(['a', 1])",
            "Invalid `tabs` type. Expected one of: a string for each tab label. "
            "Provided type: int.",
        ),
        ("st.expander(None)", "The `label` parameter is required."),
        (
            "st.expander('x', type='bad')",
            "Invalid `type` value. Supported values: 'default', 'compact', 'step'.",
        ),
        (
            "st.container(height=0)",
            "Invalid height value: 0. Height must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
        ),
        (
            "st.container(wrap=False)",
            "`wrap=False` and `horizontal=False` cannot be used together.",
        ),
        ("with st.form('a'):\n    st.form('b')", "Forms cannot be nested in other forms."),
        (
            "st.form('a')\nst.form('a')",
            "There are multiple elements with the same `key='a'`. To fix this, please make sure "
            "that the `key` argument is unique for each element you create.",
        ),
    ],
)
def test_layout_errors(call: str, message: str) -> None:
    assert error_of("import sidepane as st\n" + call).startswith(message)


def test_columns_spec_accepts_numpy_like_integers_and_returns_a_list() -> None:
    at = run(
        """
        import sidepane as st
        from fractions import Fraction
        cols = st.columns((1, 1.5, Fraction(1, 2)))
        st.write(type(cols).__name__, len(cols))
        tabs = st.tabs(["a", "b"])
        st.write(type(tabs).__name__)
        """
    )
    assert [round(c.weight, 3) for c in at.columns] == [0.333, 0.5, 0.167]
    assert at.markdown.values == ["list `3`", "tuple"]


def test_tabs_and_expander_props() -> None:
    at = run(
        """
        import sidepane as st
        one, two = st.tabs(["One", "Two"], default="Two")
        two.write("in two")
        with one:
            st.write("in one")
        with st.expander("More", icon=":material/info:", key="exp"):
            st.write("hidden")
        """
    )
    frames = {tuple(p): (t, props) for p, t, props in upserts(at)}
    assert frames[("main", 0)] == ("tabs", {"labels": ["One", "Two"], "default": 1})
    assert frames[("main", 0, 1)] == ("tab", {"label": "Two"})
    assert [t.label for t in at.tabs] == ["One", "Two"]
    assert at.tabs[1].markdown.values == ["in two"]
    assert at.tabs[0].markdown.values == ["in one"]
    assert frames[("main", 1)] == (
        "expander",
        {"label": "More", "expanded": False, "icon": ":material/info:", "key": "exp"},
    )
    assert at.expander[0].icon == ":material/info:"


def test_expander_label_is_sent_as_a_string() -> None:
    # Its label was sent as given (an int here), which the schema refuses and the viewer drew as
    # an empty label.
    at = run(
        """
        import sidepane as st
        with st.expander(2024):
            st.write("inside")
        """
    )
    assert upserts(at)[0][1:] == ("expander", {"label": "2024", "expanded": False})
    assert at.expander[0].label == "2024"


def test_container_draws_where_created_even_when_filled_later() -> None:
    at = run(
        """
        import sidepane as st
        box = st.container(border=True)
        st.write("after the box")
        box.write("inside, written later")
        with st.container(height=200, key="scroller"):
            st.write("scrolls")
        st.container(height=100, border=False)
        """
    )
    frames = {tuple(p): (t, props) for p, t, props in upserts(at)}
    assert frames[("main", 0)] == ("container", {"border": True})
    assert frames[("main", 0, 0)][1]["body"] == "inside, written later"
    assert frames[("main", 1)][1]["body"] == "after the box"
    assert frames[("main", 2)] == ("container", {"border": True, "height": 200, "key": "scroller"})
    assert frames[("main", 3)] == ("container", {"height": 100})
    assert [len(c.markdown) for c in at.container] == [1, 1, 0]
    assert at.container[1].key == "scroller"


def test_container_key_clashes_with_a_widget_key_like_streamlit() -> None:
    message = error_of(
        """
        import sidepane as st
        st.container(key="k")
        st.container(key="k")
        """
    )
    assert message.startswith("There are multiple elements with the same `key='k'`")


# ---- st.empty ----


def test_empty_placeholder_replaced_in_place_and_old_children_removed() -> None:
    src = """
        import sidepane as st
        ph = st.empty()
        with ph.container():
            st.write("one")
            st.write("two")
        if st.session_state.get("replace"):
            ph.write("replaced")
        st.write("end")
        """
    at = run(src)
    assert at.markdown.values == ["one", "two", "end"]
    # The placeholder's creation is not sent: the container that fills it in the same run is.
    assert [tuple(p) for p, t, _ in upserts(at)][:4] == [
        ("main", 0),
        ("main", 0, 0),
        ("main", 0, 1),
        ("main", 1),
    ]
    at.session_state["replace"] = True
    at.run()
    assert at.markdown.values == ["replaced", "end"]
    # The container's children were only replaced in the viewer by the new type at ["main", 0];
    # the runtime must not list them (or must, minimally) in run_end.
    assert run_end(at)["status"] == "ok"
    assert run_end(at)["remove"] == []


def test_empty_replacement_within_one_run_leaves_nothing_stale() -> None:
    at = run(
        """
        import sidepane as st
        ph = st.empty()
        with ph.container():
            st.write("one")
            st.write("two")
        ph.write("replaced")
        ph2 = st.empty()
        ph2.write("x")
        ph2.empty()
        st.write("end")
        """
    )
    assert at.markdown.values == ["replaced", "end"]
    assert [n.type for n in at.main.node.ordered_children()] == ["markdown", "empty", "markdown"]


def test_shrinking_blocks_lose_their_old_children() -> None:
    at = run(
        """
        import sidepane as st
        ph = st.empty()
        n = st.session_state.setdefault("n", 3)
        with ph.container():
            for i in range(n):
                st.write(f"item {i}")
        with st.expander("list"):
            for i in range(n):
                st.write(f"row {i}")
        """
    )
    assert at.markdown.values == ["item 0", "item 1", "item 2", "row 0", "row 1", "row 2"]
    at.session_state["n"] = 1
    at.run()
    assert at.markdown.values == ["item 0", "row 0"]
    # Stale children of the refilled placeholder and of the expander are removed by run_end.
    assert run_end(at)["remove"] == [["main", 0, 1], ["main", 0, 2], ["main", 1, 1], ["main", 1, 2]]


# ---- status elements ----


def test_alerts_with_icons_titles_and_leading_emoji() -> None:
    at = run(
        """
        import sidepane as st
        st.success("✅ Done")
        st.info("Note", icon=":material/thumb_up:")
        st.warning("🔥fire")
        st.error(":material/error: bad", title="Oops")
        st.error("plain ✅")
        st.sidebar.info("side")
        """
    )
    assert [(a.value, a.icon) for a in at.success] == [("Done", "✅")]
    assert [(a.value, a.icon) for a in at.main.info] == [("Note", ":material/thumb_up:")]
    assert [(a.value, a.icon) for a in at.warning] == [("fire", "🔥")]
    assert [(a.value, a.icon) for a in at.error] == [
        ("bad", ":material/error:"),
        ("plain ✅", ""),
    ]
    assert at.error[0].title == "Oops"
    assert at.sidebar.info[0].value == "side"
    first = upserts(at)[0]
    assert first == (["main", 0], "alert", {"kind": "success", "body": "Done", "icon": "✅"})


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "st.success('x', icon='fire')",
            'The value "fire" is not a valid icon. Please use a single emoji or a Material icon',
        ),
        (
            "st.success('x', icon=':fire:')",
            'The value ":fire:" is not a valid icon. Emoji shortcodes are not supported.',
        ),
        (
            "st.success('x', icon='http://a/b.png')",
            'The value "http://a/b.png" looks like a URL. Images are not supported for `icon`.',
        ),
        (
            "st.progress(101)",
            "The `value` parameter, set to 101, is outside the required range [0, 100].",
        ),
        (
            "st.progress(1.5)",
            "The `value` parameter, set to 1.5, is outside the required range [0.0, 1.0].",
        ),
        (
            "st.progress('a')",
            "Invalid `value` type. Expected one of: int, float. Provided type: str.",
        ),
        (
            "st.progress(5, text=3)",
            "Invalid `text` type. Expected one of: str. Provided type: int.",
        ),
        ("st.toast('')", "The `body` parameter is required. Please provide a message."),
        (
            "st.toast('x', duration=0)",
            "Invalid `duration` value. Supported values: short, long, infinite, "
            "a positive integer.",
        ),
    ],
)
def test_status_errors(call: str, message: str) -> None:
    assert error_of("import sidepane as st\n" + call).startswith(message)


def test_progress_updates_in_place() -> None:
    at = run(
        """
        import sidepane as st
        bar = st.progress(0, text="Starting")
        for i in range(1, 4):
            bar.progress(i * 25, text=f"step {i}")
        bar.progress(1.0)
        st.progress(0.29)
        st.progress(1.0000000000000002)
        """
    )
    bar_frames = [(props) for p, t, props in upserts(at) if p == ["main", 0]]
    assert bar_frames == [
        {"value": 0, "text": "Starting"},
        {"value": 25, "text": "step 1"},
        {"value": 50, "text": "step 2"},
        {"value": 75, "text": "step 3"},
        {"value": 100},
    ]
    assert [p.value for p in at.progress] == [100, 28, 100]
    assert at.progress[0].text == ""


def test_spinner_takes_no_index_and_is_gone_after_the_block() -> None:
    at = run(
        """
        import sidepane as st
        with st.spinner("Working..."):
            st.write("a")
        with st.spinner("Quiet", show_time=True):
            x = 1
        st.write("b")
        with st.spinner():
            pass
        """
    )
    frames = upserts(at)
    assert frames[0] == (["main", 0], "spinner", {"text": "Working..."})
    assert frames[1] == (["main", 0], "markdown", {"body": "a"})
    assert frames[2] == (["main", 1], "spinner", {"text": "Quiet", "show_time": True})
    assert frames[3] == (["main", 1], "empty", {})
    assert frames[4] == (["main", 1], "markdown", {"body": "b"})
    assert frames[5] == (["main", 2], "spinner", {"text": "In progress..."})
    assert frames[6] == (["main", 2], "empty", {})
    assert run_end(at)["remove"] == [["main", 2]]
    assert at.markdown.values == ["a", "b"]
    assert [n.type for n in at.main.node.ordered_children()] == ["markdown", "markdown"]


def test_spinner_is_cleared_when_its_block_raises() -> None:
    at = run(
        """
        import sidepane as st
        with st.spinner("Working..."):
            raise ValueError("boom")
        """
    )
    assert at.exception[0].value == "boom"
    assert "spinner" not in [n.type for n in at.main.node.walk()]


def test_toasts_are_frames_not_tree_nodes() -> None:
    at = run(
        """
        import sidepane as st
        st.toast("Saved", icon="🎉")
        msg = st.toast("Plain", duration="long")
        st.write("after")
        """
    )
    toasts = [f for f in at.frames if f["t"] == "toast"]
    assert [(t["body"], t["icon"]) for t in toasts] == [("Saved", "🎉"), ("Plain", None)]
    assert all(t["run"] == 1 for t in toasts)
    assert [(t.value, t.icon) for t in at.toast] == [("Saved", "🎉"), ("Plain", "")]
    assert upserts(at) == [(["main", 0], "markdown", {"body": "after"})]
    at.run()
    assert len(at.toast) == 2  # shown again: toasts are not deduplicated


# ---- forms ----


def test_form_block_props_and_missing_submit_flag() -> None:
    at = run(
        """
        import sidepane as st
        with st.form("f", clear_on_submit=True, enter_to_submit=False):
            st.write("inside")
        st.write("outside")
        """
    )
    frames = [(p, t, props) for p, t, props in upserts(at) if t == "form"]
    base = {"id": "f", "border": True, "clear_on_submit": True, "enter_to_submit": False}
    assert frames == [
        (["main", 0], "form", base),
        (["main", 0], "form", {**base, "missing_submit": True}),
    ]
    assert at.form[0].markdown.values == ["inside"]
    assert at.form[0].missing_submit_button
    assert at.markdown.values == ["inside", "outside"]


def test_form_id_reaches_widgets_and_sidebar_forms_are_allowed() -> None:
    at = run(
        """
        import sidepane as st
        form = st.form("f", border=False)
        with st.sidebar.form("side"):
            st.write("in side form")
        st.sidebar.form("other")
        """
    )
    assert not at.exception
    assert [f.form_id for f in at.form] == ["f", "side", "other"]
    assert at.sidebar.form[0].markdown.values == ["in side form"]


def test_form_with_submit_button_is_not_flagged() -> None:
    probe = run("import sidepane as st\nwith st.form('f'):\n    st.form_submit_button()")
    if probe.exception and "NotImplementedError" in probe.exception[0].type_name:
        pytest.skip("st.form_submit_button is not implemented yet")
    assert not probe.exception
    assert not probe.form[0].missing_submit_button
    assert probe.button[0].proto.get("form") == "f"


# ---- page commands ----


def test_set_page_config_frames_merge_calls() -> None:
    at = run(
        """
        import sidepane as st
        st.set_page_config(page_title="Sales", page_icon="📈", layout="wide")
        st.write("x")
        st.set_page_config(initial_sidebar_state="collapsed")
        """
    )
    configs = [f for f in at.frames if f["t"] == "page_config"]
    assert configs == [
        {"t": "page_config", "title": "Sales", "icon": "📈", "layout": "wide", "sidebar": "auto"},
        {
            "t": "page_config",
            "title": "Sales",
            "icon": "📈",
            "layout": "wide",
            "sidebar": "collapsed",
        },
    ]
    assert at.page_config["sidebar"] == "collapsed"
    before = len(at.frames)
    at.run()
    # Unchanged on the rerun: nothing but run_start and run_end.
    assert [f["t"] for f in at.frames[before:]] == ["run_start", "run_end"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "st.set_page_config(layout='big')",
            "Invalid `layout` value. Supported values: 'centered', 'wide'.",
        ),
        (
            "st.set_page_config(initial_sidebar_state='open')",
            "Invalid `initial_sidebar_state` value. Supported values: 'auto', 'expanded', "
            "'collapsed', 'locked', a positive integer (width in pixels). Got 'open'.",
        ),
        (
            "st.set_page_config(initial_sidebar_state=0)",
            "Invalid `initial_sidebar_state` value. Supported values: 'auto', 'expanded', "
            "'collapsed', 'locked', a positive integer (width in pixels). Got 0.",
        ),
        (
            "st.set_page_config(menu_items={'foo': 'http://x'})",
            "Invalid `menu_items` value. Supported values: 'Get help', 'Report a bug', 'About'. "
            "`foo` is not a supported menu item key.",
        ),
        (
            "st.set_page_config(menu_items={'About': 'x', 'Get help': 'nourl'})",
            '"nourl" is not a valid URL. You must use a fully qualified domain beginning with '
            '"http://", "https://", or "mailto:".',
        ),
        (
            "st.rerun(scope='fragment')",
            'scope="fragment" can only be specified from `@st.fragment`-decorated functions',
        ),
        (
            "st.rerun(scope='')",
            "Invalid `scope` value. Supported values: 'app', 'fragment', a fragment key, "
            "a list of keys. Got an empty string.",
        ),
        ("st.rerun(scope='k')", "Passing a fragment key to `st.rerun()` is only allowed"),
    ],
)
def test_page_errors(call: str, message: str) -> None:
    assert error_of("import sidepane as st\n" + call).startswith(message)


def test_rerun_until_three_then_stop() -> None:
    at = run(
        """
        import sidepane as st
        if "count" not in st.session_state:
            st.session_state.count = 0
        st.session_state.count += 1
        st.write(f"count {st.session_state.count}")
        if st.session_state.count < 3:
            st.rerun()
        st.write("before stop")
        st.stop()
        st.write("never")
        """
    )
    assert at.session_state["count"] == 3
    assert at.markdown.values == ["count 3", "before stop"]
    ends = [f for f in at.frames if f["t"] == "run_end"]
    assert [(e["run"], e["status"]) for e in ends] == [
        (1, "interrupted"),
        (2, "interrupted"),
        (3, "stopped"),
    ]
    assert all(e["remove"] == [] for e in ends)


def test_stop_removes_what_the_previous_run_drew_below_it() -> None:
    at = run(
        """
        import sidepane as st
        st.write("a")
        if st.session_state.get("stop"):
            st.stop()
        st.write("b")
        with st.expander("e"):
            st.write("c")
        """
    )
    assert at.markdown.values == ["a", "b", "c"]
    at.session_state["stop"] = True
    at.run()
    assert at.markdown.values == ["a"]
    end = run_end(at)
    assert end["status"] == "stopped"
    assert end["remove"] == [["main", 1], ["main", 2]]


def test_stop_inside_a_block_ends_the_run_normally() -> None:
    at = run(
        """
        import sidepane as st
        col, _ = st.columns(2)
        with col:
            st.write("in col")
            st.stop()
        """
    )
    assert not at.exception
    assert at.columns[0].markdown.values == ["in col"]
    assert run_end(at)["status"] == "stopped"


def test_bare_mode_does_nothing() -> None:
    # Outside a run (plain `python app.py`): no context, nothing drawn, no exception.
    cols = st.columns(3)
    assert len(cols) == 3
    with cols[0]:
        st.write("ignored")
    assert len(st.tabs(["a", "b"])) == 2
    with st.form("f"), st.expander("e"), st.container(), st.spinner("s"):
        st.progress(10).progress(20)
    st.empty().empty()
    st.toast("t")
    st.success("ok")
    st.set_page_config(page_title="x", layout="wide")
    st.rerun()
    st.stop()
    with pytest.raises(st.StreamlitAPIException):
        st.columns(0)
    with pytest.raises(st.StreamlitAPIException):
        st.set_page_config(layout="big")


def test_form_submit_flow_with_widgets_inside() -> None:
    src = """
        import sidepane as st
        with st.form("f"):
            agree = st.checkbox("Agree")
            sent = st.form_submit_button("Send")
        st.write(f"agree={agree} sent={sent}")
        """
    at = run(src)
    if at.exception:
        pytest.skip(f"form widgets not available yet: {at.exception[0].value}")
    assert at.checkbox[0].proto.get("form") == "f"
    assert at.button[0].proto.get("form") == "f"
    assert not at.form[0].missing_submit_button
    assert at.markdown.values == ["agree=False sent=False"]
    at.checkbox[0].check()
    at.button[0].click().run()
    assert at.markdown.values == ["agree=True sent=True"]
    at.run()
    assert at.markdown.values == ["agree=True sent=False"]
