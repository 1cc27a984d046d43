"""Fragments and dialogs in a real browser: a slider inside a fragment reruns only the fragment
(what is outside does not change), run_every ticks a clock, st.rerun's scopes, and @st.dialog's
modal overlay (open, rerun inside, Escape / close button / a click outside, st.rerun closes)."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect
from test_debug import attach, evaluate, stopped_at

from conftest import ARTIFACTS, Server, free_port

FRAGMENT_APP = """
import sidepane as st
st.session_state.setdefault("app_runs", 0)
st.session_state.setdefault("fragment_runs", 0)
st.session_state.app_runs += 1
st.write(f"app ran {st.session_state.app_runs} times")
left, right = st.columns(2)

@st.fragment
def part():
    st.session_state.fragment_runs += 1
    x = st.slider("inside", 0, 10, 0)
    st.write(f"fragment ran {st.session_state.fragment_runs} times, x = {x}")
    if st.button("rerun fragment"):
        st.rerun(scope="fragment")
    if st.button("rerun app"):
        st.rerun()

with left:
    part()
st.checkbox("outside")
"""


def test_a_slider_in_a_fragment_reruns_only_the_fragment(page: Page, serve: Any) -> None:
    server: Server = serve(FRAGMENT_APP)
    page.goto(server.url)
    expect(page.get_by_text("app ran 1 times")).to_be_visible()
    expect(page.get_by_text("fragment ran 1 times, x = 0")).to_be_visible()
    page.get_by_role("slider").focus()
    for n in (1, 2, 3):
        page.keyboard.press("ArrowRight")
        expect(page.get_by_text(f"fragment ran {n + 1} times, x = {n}")).to_be_visible()
    # What is outside the fragment was neither rerun nor redrawn.
    expect(page.get_by_text("app ran 1 times")).to_be_visible()
    # A widget outside reruns everything; the fragment keeps its slider's value.
    page.get_by_text("outside").click()
    expect(page.get_by_text("app ran 2 times")).to_be_visible()
    expect(page.get_by_text("fragment ran 5 times, x = 3")).to_be_visible()
    # st.rerun(scope="fragment") reruns it once more (its button, then the rerun it asks for);
    # st.rerun() reruns the app.
    page.get_by_role("button", name="rerun fragment").click()
    expect(page.get_by_text("fragment ran 7 times, x = 3")).to_be_visible()
    expect(page.get_by_text("app ran 2 times")).to_be_visible()
    page.get_by_role("button", name="rerun app").click()
    expect(page.get_by_text("app ran 3 times")).to_be_visible()
    assert page.console_errors == []  # type: ignore[attr-defined]


CLOCK_APP = """
import sidepane as st
st.session_state.setdefault("ticks", 0)
st.write("a clock that ticks by itself")
@st.fragment(run_every="0.2s")
def clock():
    st.session_state.ticks += 1
    st.write(f"tick {st.session_state.ticks}")
clock()
"""


def test_run_every_updates_a_clock(page: Page, serve: Any) -> None:
    server: Server = serve(CLOCK_APP)
    page.goto(server.url)
    expect(page.get_by_text("a clock that ticks by itself")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^tick ([5-9]|\d\d+)$"))).to_be_visible(timeout=5000)
    # One element: each tick redraws it in place.
    expect(page.get_by_text(re.compile(r"^tick \d+$"))).to_have_count(1)
    assert page.console_errors == []  # type: ignore[attr-defined]


DIALOG_APP = """
import sidepane as st
st.session_state.setdefault("dismissed", 0)

def on_dismiss():
    st.session_state.dismissed += 1

@st.dialog("Cast your vote", on_dismiss=on_dismiss)
def vote(item):
    st.write(f"Why is {item} your favorite?")
    reason = st.text_input("Because...")
    st.write(f"you typed: {reason}")
    if st.button("Submit"):
        st.session_state.vote = {"item": item, "reason": reason}
        st.rerun()

@st.dialog("Must answer", dismissible=False)
def must():
    if st.button("Done"):
        st.rerun()

st.write(f"dismissed {st.session_state.dismissed} times")
if "vote" in st.session_state:
    v = st.session_state.vote
    st.write(f"You voted for {v['item']} because {v['reason']}")
if st.button("A"):
    vote("A")
if st.button("Locked"):
    must()
"""


def test_dialog_opens_reruns_alone_and_closes(page: Page, serve: Any) -> None:
    server: Server = serve(DIALOG_APP)
    page.goto(server.url)
    expect(page.get_by_text("dismissed 0 times")).to_be_visible()
    page.get_by_role("button", name="A", exact=True).click()
    dialog = page.get_by_role("dialog", name="Cast your vote")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_text("Why is A your favorite?")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dialog.png"))
    # Typing reruns only the dialog: it stays open (the button that opened it is not clicked now).
    box = dialog.get_by_label("Because...")
    box.fill("it is first")
    box.press("Enter")
    expect(dialog.get_by_text("you typed: it is first")).to_be_visible()
    # Escape closes it; on_dismiss reruns the app with its callback first.
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("dismissed 1 times")).to_be_visible()
    # The close button, and a click outside, close it too.
    page.get_by_role("button", name="A", exact=True).click()
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("dismissed 2 times")).to_be_visible()
    page.get_by_role("button", name="A", exact=True).click()
    expect(dialog).to_be_visible()
    page.mouse.click(5, 5)
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("dismissed 3 times")).to_be_visible()
    # Submit: st.rerun() inside reruns the app, which does not call the dialog: it closes.
    page.get_by_role("button", name="A", exact=True).click()
    dialog.get_by_label("Because...").fill("why not")
    dialog.get_by_label("Because...").press("Enter")
    expect(dialog.get_by_text("you typed: why not")).to_be_visible()
    dialog.get_by_role("button", name="Submit").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("You voted for A because why not")).to_be_visible()
    expect(page.get_by_text("dismissed 3 times")).to_be_visible()
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_dialog_that_is_not_dismissible_stays_until_the_script_closes_it(
    page: Page, serve: Any
) -> None:
    server: Server = serve(DIALOG_APP)
    page.goto(server.url)
    page.get_by_role("button", name="Locked").click()
    dialog = page.get_by_role("dialog", name="Must answer")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Close")).to_have_count(0)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.mouse.click(5, 5)
    page.wait_for_timeout(300)
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Done").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("dismissed 0 times")).to_be_visible()
    assert page.console_errors == []  # type: ignore[attr-defined]


DEBUG_APP = """\
import sidepane as st
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1
st.write(f"app ran {st.session_state.app_runs} times")
@st.fragment
def part():
    x = st.slider("x")
    st.write(x, "squared is", x * x)
part()
"""


def test_a_breakpoint_in_a_fragment_holds_its_run(page: Page, serve: Any) -> None:
    dap_port = free_port()
    server: Server = serve(DEBUG_APP, "--debug", str(dap_port))
    script = str(server.script.resolve())
    client = attach(dap_port, script, [{"line": 8}])
    page.goto(server.url)
    thread, frame = stopped_at(client)  # the full run calls the fragment
    assert frame["line"] == 8
    client.request("continue", threadId=thread)
    expect(page.get_by_text("0 squared is 0")).to_be_visible()
    # The slider reruns only the fragment, on the script thread: the breakpoint holds it.
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    thread, frame = stopped_at(client)
    assert evaluate(client, frame, "x") == "1"
    expect(page.get_by_text("Paused at app.py:8")).to_be_visible()
    client.request("continue", threadId=thread)
    expect(page.get_by_text("1 squared is 1")).to_be_visible()
    expect(page.get_by_text("app ran 1 times")).to_be_visible()
    client.request("disconnect")


PICKER_DIALOG = """
import sidepane as st
@st.dialog("Pick")
def pick():
    st.selectbox("Fruit", ["apple", "banana", "cherry"])
pick()
"""


def test_escape_closes_a_widgets_list_in_a_dialog_before_the_dialog(page: Page, serve: Any) -> None:
    server: Server = serve(PICKER_DIALOG)
    page.goto(server.url)
    dialog = page.get_by_role("dialog", name="Pick")
    expect(dialog).to_be_visible()
    dialog.get_by_role("combobox").click()
    expect(page.get_by_role("listbox")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("listbox")).to_have_count(0)
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.console_errors == []  # type: ignore[attr-defined]
