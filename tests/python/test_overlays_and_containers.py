"""st.popover, st.bottom, and the 1.67 options and state of st.container, st.columns,
st.expander and st.tabs.

Each AppTest case was checked against Streamlit 1.67's AppTest (same script with
`import streamlit`); a person's click is a `widget_value` frame, as the viewer sends it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sidepane.snapshot import format_text, take_snapshot, to_json
from sidepane.testing import AppTest


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


def props_at(at: AppTest, path: list[Any]) -> dict[str, Any]:
    """The props of the last upsert at `path`."""
    found = [f["props"] for f in at.frames if f["t"] == "upsert" and f["path"] == path]
    assert found, path
    props: dict[str, Any] = found[-1]
    return props


def click(at: AppTest, block_path: list[Any], value: Any) -> AppTest:
    """What the viewer sends when a person opens/closes a stateful block or picks a tab."""
    at._set_widget_wire(props_at(at, block_path)["id"], value)
    return at.run()


# ---- st.popover ----


POPOVER = """
import streamlit as st
p = st.popover("Settings", help="More", icon="🎈", key="pop", on_change="rerun")
with p:
    name = st.text_input("Name", "Ada")
st.write(f"open={p.open} name={name}")
"""


def test_popover_content_runs_every_run_and_reads_like_streamlit() -> None:
    at = run(POPOVER)
    assert not at.exception
    pop = at.get("popover")[0]
    assert (pop.type, pop.key, pop.label, pop.icon) == ("popover", "pop", "Settings", "🎈")
    assert pop.proto["help"] == "More"  # `.help` is a block's st.help accessor, as in Streamlit
    # Its content is there while it is closed, as in Streamlit.
    assert pop.text_input[0].value == "Ada"
    assert at.markdown[0].value == "open=False name=Ada"
    assert props_at(at, ["main", 0])["value"] is False


def test_popover_opened_by_the_person_reruns_and_open_reads_true() -> None:
    at = run(POPOVER)
    click(at, ["main", 0], True)
    assert at.markdown[0].value == "open=True name=Ada"
    assert at.session_state["pop"] is True
    click(at, ["main", 0], False)
    assert at.markdown[0].value == "open=False name=Ada"


def test_popover_without_on_change_tracks_nothing() -> None:
    at = run(
        """
import streamlit as st
p = st.popover("Menu", type="primary", use_container_width=True, disabled=True)
p.write("inside")
st.write(repr(p.open))
"""
    )
    assert at.markdown.values == ["inside", "None"]
    props = props_at(at, ["main", 0])
    assert props == {"label": "Menu", "kind": "primary", "disabled": True, "width": "stretch"}


def test_popover_callback_runs_before_the_script() -> None:
    at = run(
        """
import streamlit as st
def changed(tag):
    st.session_state.log = st.session_state.get("log", []) + [(tag, st.session_state.p)]
pop = st.popover("P", key="p", on_change=changed, args=("cb",))
st.write(f"{st.session_state.get('log', [])} {pop.open}")
"""
    )
    assert at.markdown[0].value == "[] False"
    click(at, ["main", 0], True)
    assert at.markdown[0].value == "[('cb', True)] True"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.popover("P", type="big")', "`type`"),
        ('st.popover("P", on_change=None)', "`on_change`"),
        ('st.popover("P", width="wide")', "Invalid width value"),
        ("st.popover(None)", "The `label` parameter is required."),
        ('st.popover("P", icon="x")', "not a valid icon"),
    ],
)
def test_popover_errors(call: str, message: str) -> None:
    at = run(f"import streamlit as st\n{call}")
    assert len(at.exception) == 1
    assert message in at.exception[0].value


# ---- stateful expanders and tabs ----


def test_expander_with_on_change_is_state_the_script_reads() -> None:
    src = """
import streamlit as st
summary = st.expander("Summary", key="ex", on_change="rerun")
if summary.open:
    summary.write("slow summary")
st.write(f"open={summary.open}")
plain = st.expander("Plain")
st.write(f"plain={plain.open}")
"""
    at = run(src)
    assert at.markdown.values == ["open=False", "plain=None"]
    assert props_at(at, ["main", 0])["value"] is False
    assert "id" not in props_at(at, ["main", 2])
    click(at, ["main", 0], True)
    assert at.markdown.values == ["slow summary", "open=True", "plain=None"]
    assert props_at(at, ["main", 0])["expanded"] is True
    assert at.session_state["ex"] is True
    # The script sets it too, as any widget's key.
    at.session_state["ex"] = False
    at.run()
    assert at.markdown.values == ["open=False", "plain=None"]


def test_expander_starts_from_expanded_and_rejects_a_non_bool_value() -> None:
    at = run(
        """
import streamlit as st
e = st.expander("E", expanded=True, on_change="rerun")
st.write(f"{e.open}")
"""
    )
    assert at.markdown[0].value == "True"
    click(at, ["main", 0], "yes")  # not a bool: dropped, the state stays
    assert at.markdown[0].value == "True"


def test_tabs_with_on_change_report_the_chosen_tab() -> None:
    src = """
import streamlit as st
def picked():
    st.session_state.log = st.session_state.get("log", 0) + 1
cat, dog = st.tabs(["Cat", "Dog"], default="Dog", key="tb", on_change=picked)
st.write(f"{cat.open} {dog.open} {st.session_state.tb} {st.session_state.get('log', 0)}")
"""
    at = run(src)
    assert at.markdown[0].value == "False True Dog 0"
    props = props_at(at, ["main", 0])
    assert (props["value"], props["default"]) == ("Dog", 1)
    click(at, ["main", 0], "Cat")
    assert at.markdown[0].value == "True False Cat 1"
    assert "default" not in props_at(at, ["main", 0])
    click(at, ["main", 0], "Owl")  # not a tab: dropped
    assert at.markdown[0].value == "True False Cat 1"


def test_tabs_a_label_set_by_the_script_that_is_no_tab_goes_back_to_the_default() -> None:
    at = run(
        """
import streamlit as st
if "tb" not in st.session_state:
    st.session_state.tb = "Nope"
a, b = st.tabs(["A", "B"], key="tb", on_change="rerun")
st.write(f"{a.open} {st.session_state.tb}")
"""
    )
    assert at.markdown[0].value == "True A"


def test_tabs_without_on_change_have_no_state() -> None:
    at = run(
        """
import streamlit as st
tabs = st.tabs(["A", "B"], key="k")
st.write(repr([t.open for t in tabs]))
"""
    )
    assert at.markdown[0].value == "[None, None]"
    assert "id" not in props_at(at, ["main", 0])
    assert at.tabs[0].label == "A"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.tabs(["A", ""], key="t", bind="query-params")', "non-empty labels"),
        ('st.tabs(["A", "A"], key="t", bind="query-params")', "unique labels"),
        ('st.expander("E", on_change=print, key="e")\nst.expander("F", key="e")', "key='e'"),
        ('st.expander("E", bind="query-params")', "The `key` parameter is required."),
        ('st.tabs(["A"], bind="query-params")', "The `key` parameter is required."),
    ],
)
def test_stateful_block_errors(call: str, message: str) -> None:
    at = run(f"import streamlit as st\n{call}")
    assert len(at.exception) == 1
    assert message in at.exception[0].value


def test_a_callback_on_an_expander_in_a_form_is_refused() -> None:
    at = run(
        """
import streamlit as st
with st.form("f"):
    st.expander("E", on_change=print)
    st.form_submit_button()
"""
    )
    assert "Within a form, callbacks can only be defined" in at.exception[0].value


# ---- container and columns options ----


def test_container_sends_1_67_layout_options_only_when_not_default() -> None:
    at = run(
        """
import streamlit as st
st.container()
st.container(horizontal=True, wrap=False, horizontal_alignment="distribute",
             vertical_alignment="center", gap="large", width="content")
st.container(height="stretch", gap=None, width=300, autoscroll=True)
st.container(height=200, gap=12)
"""
    )
    assert props_at(at, ["main", 0]) == {}
    assert props_at(at, ["main", 1]) == {
        "horizontal": True,
        "wrap": False,
        "horizontal_alignment": "distribute",
        "vertical_alignment": "center",
        "gap": "large",
        "width": "content",
    }
    assert props_at(at, ["main", 2]) == {
        "height": "stretch",
        "gap": None,
        "width": 300,
        "autoscroll": True,
    }
    assert props_at(at, ["main", 3]) == {"height": 200, "border": True, "gap": 12}


def test_a_form_sends_height_stretch() -> None:
    at = run(
        """
import streamlit as st
with st.form("f", height="stretch"):
    st.form_submit_button()
"""
    )
    assert props_at(at, ["main", 0])["height"] == "stretch"


def test_columns_and_tabs_and_expanders_send_a_pixel_width() -> None:
    at = run(
        """
import streamlit as st
st.columns(2, width=400)
st.tabs(["A"], width=300, height="stretch")
st.expander("E", width=250)
"""
    )
    assert props_at(at, ["main", 0])["width"] == 400
    assert props_at(at, ["main", 1])["width"] == 300
    assert props_at(at, ["main", 1])["height"] == "stretch"
    assert props_at(at, ["main", 2])["width"] == 250


# ---- st.bottom ----


def test_bottom_holds_its_elements_and_the_body_chat_input_after_them() -> None:
    at = run(
        """
import streamlit as st
st.write("hi")
st.bottom.write("pinned")
with st.bottom:
    st.button("b")
x = st.chat_input("say")
st.write(repr(x))
"""
    )
    assert not at.exception
    assert [e.value for e in at.main.children.values()] == ["hi", "None"]
    bottom = [f["path"] for f in at.frames if f["t"] == "upsert" and f["path"][0] == "bottom"]
    assert bottom == [["bottom", 0], ["bottom", 1], ["bottom", 2]]
    assert at.button[0].label == "b"
    assert at.chat_input[0].placeholder == "say"
    assert at.markdown.values == ["hi", "None", "pinned"]


def test_bottom_refuses_the_sidebar_like_streamlit() -> None:
    at = run(
        """
import streamlit as st
with st.sidebar:
    st.bottom.write("x")
"""
    )
    assert at.exception[0].value == (
        "`st.bottom` cannot be used inside `st.sidebar`. "
        "The bottom container is only available in the main app area."
    )


def test_bottom_refuses_a_dialog_like_streamlit() -> None:
    at = run(
        """
import streamlit as st
@st.dialog("D")
def show():
    st.bottom.write("x")
show()
"""
    )
    assert at.exception[0].value == (
        "`st.bottom` cannot be used inside a dialog. "
        "The bottom container is only available in the main app area."
    )


def test_bottom_is_cleared_when_a_run_no_longer_draws_there() -> None:
    at = run(
        """
import streamlit as st
if st.session_state.setdefault("n", 0) == 0:
    st.bottom.write("once")
st.session_state.n += 1
"""
    )
    assert at.markdown.values == ["once"]
    at.run()
    assert at.markdown.values == []
    assert [f["remove"] for f in at.frames if f["t"] == "run_end"][-1] == [["bottom", 0]]


def test_a_snapshot_shows_the_bottom_root(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text('import streamlit as st\nst.write("body")\nst.chat_input("Say")\n')
    result = take_snapshot(str(app))
    text = format_text(result)
    assert "bottom:\n  [bottom,0] chat_input" in text
    assert [n["type"] for n in to_json(result)["bottom"]] == ["chat_input"]


def test_the_returned_containers_type_check_as_delta_generators(tmp_path: Path) -> None:
    """`exp.write(...)` on what st.expander/tabs/popover/status return passes mypy, as it does
    with Streamlit's ExpanderContainer (a DeltaGenerator)."""
    pytest.importorskip("mypy")  # the dev environment's, not the lowest-dependency one
    user_script = tmp_path / "app.py"
    user_script.write_text(
        "import sidepane as st\n"
        'exp = st.expander("x", on_change="rerun")\n'
        "exp.write(exp.open)\n"
        '(tab,) = st.tabs(["a"])\n'
        'tab.metric("m", 1)\n'
        'st.popover("p").button("b")\n'
        'st.status("s").write("w")\n'
        'st.bottom.write("b")\n'
    )
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir=/dev/null", "--follow-imports=silent",
         "--config-file=/dev/null", str(user_script)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout
