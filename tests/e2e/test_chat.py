"""Chat and status in a real browser: type in the pinned chat_input, press Enter, see the
messages drawn, the box cleared and still pinned at the bottom; a status block opening."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import Browser, Page, expect

from conftest import ARTIFACTS, Server

CHAT = """
import time
import sidepane as st

for i in range(30):
    st.caption(f"earlier {i}")
if "history" not in st.session_state:
    st.session_state.history = []
for role, text in st.session_state.history:
    st.chat_message(role).write(text)
if prompt := st.chat_input("Say something"):
    st.session_state.history += [("user", prompt), ("assistant", f"Echo: {prompt}")]
    st.chat_message("user").write(prompt)
    with st.chat_message("assistant"):
        with st.status("Thinking...") as status:
            st.write("Looked it up")
        st.write(f"Echo: {prompt}")
"""


def bottom_gap(page: Page, selector: str) -> float:
    """Pixels between the bottom of `selector` and the bottom of the window."""
    return float(
        page.locator(selector).evaluate(
            "el => window.innerHeight - el.getBoundingClientRect().bottom"
        )
    )


def test_chat_input_sends_on_enter_clears_and_stays_pinned(page: Page, serve: Any) -> None:
    server: Server = serve(CHAT)
    page.goto(server.url)
    box = page.locator(".sp-bottom textarea")
    expect(box).to_have_attribute("placeholder", "Say something")
    # Pinned: in the bottom slot, at the bottom of the window, even with a long page, which
    # starts scrolled to its end (as Streamlit's does with a pinned chat input).
    assert 0 <= bottom_gap(page, ".sp-bottom .sp-chat-box") < 60
    assert page.locator(".sp-main textarea").count() == 0
    expect(page.get_by_text("earlier 29")).to_be_in_viewport()
    expect(page.get_by_text("earlier 0")).not_to_be_in_viewport()

    box.fill("first line")
    box.press("Shift+Enter")  # a new line, not a send
    box.type("second line")
    expect(box).to_have_value("first line\nsecond line")
    expect(page.locator(".sp-chat-message")).to_have_count(0)
    box.press("Enter")

    messages = page.locator(".sp-chat-message")
    expect(messages).to_have_count(2)
    expect(messages.nth(0)).to_contain_text("first line")
    expect(messages.nth(0).locator(".sp-chat-avatar-user")).to_be_visible()
    expect(messages.nth(1)).to_contain_text("Echo: first line")
    expect(messages.nth(1)).to_be_in_viewport()  # new messages scroll into view
    expect(box).to_have_value("")
    expect(box).to_be_focused()
    # The status inside the answer finished: a check, collapsed; a click opens it.
    status = messages.nth(1).locator(".sp-status-block")
    expect(status).to_have_attribute("data-state", "complete")
    body = status.locator(".sp-expander-body")
    expect(body).to_be_hidden()
    status.locator(".sp-expander-head").click()
    expect(body).to_be_visible()
    expect(body).to_contain_text("Looked it up")

    # Scrolled up, the page stays where the person put it; the input stays pinned.
    page.mouse.wheel(0, -3000)
    expect(page.get_by_text("earlier 0")).to_be_in_viewport()
    assert 0 <= bottom_gap(page, ".sp-bottom .sp-chat-box") < 60
    box.fill("again")
    box.press("Enter")
    expect(messages).to_have_count(4)  # the history, then the new exchange
    expect(messages.nth(2)).to_contain_text("again")
    expect(box).to_have_value("")
    expect(page.get_by_text("earlier 0")).to_be_in_viewport()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat.png"))
    assert not page.console_errors  # type: ignore[attr-defined]


STATUS = """
import time
import sidepane as st

with st.status("Downloading data...", expanded=True) as status:
    st.write("Searching for data...")
    time.sleep(1.0)
    st.write("Found URL.")
    status.update(label="Download complete!", state="complete", expanded=False)
st.button("Rerun")
"""


def test_status_runs_then_completes_and_folds(page: Page, serve: Any) -> None:
    server: Server = serve(STATUS)
    page.goto(server.url)
    status = page.locator(".sp-status-block")
    # While the block runs: a spinner, open, with what it drew so far.
    expect(status).to_have_attribute("data-state", "running")
    expect(status.locator(".sp-spinner-wheel")).to_be_visible()
    expect(status.locator(".sp-expander-body")).to_contain_text("Searching for data...")
    # Then the update: complete, its new label, folded.
    expect(status).to_have_attribute("data-state", "complete", timeout=5000)
    expect(status.locator(".sp-expander-head")).to_contain_text("Download complete!")
    expect(status.locator(".sp-expander-body")).to_be_hidden()
    status.locator(".sp-expander-head").click()
    expect(status.locator(".sp-expander-body")).to_contain_text("Found URL.")
    assert not page.console_errors  # type: ignore[attr-defined]


FILES = """
import sidepane as st

value = st.chat_input("Say or attach", accept_file="multiple", file_type=["txt"])
if value:
    st.write("text:", value.text)
    for f in value.files:
        data = f.read()
        st.write("file:", f.name, len(data), data[:5].decode())
"""


def test_chat_input_sends_attached_files_with_the_text(page: Page, serve: Any) -> None:
    server: Server = serve(FILES)
    page.goto(server.url)
    picker = page.locator(".sp-bottom input[type=file]")
    picker.set_input_files([{"name": "x.exe", "mimeType": "application/x-msdos", "buffer": b"MZ"}])
    expect(page.locator(".sp-chat-files [role=alert]")).to_contain_text(
        "x.exe: application/x-msdos files are not allowed."
    )
    picker.set_input_files(
        [
            {"name": "a.txt", "mimeType": "text/plain", "buffer": b"alpha"},
            {"name": "b.txt", "mimeType": "text/plain", "buffer": b"beta"},
            # More than one 2 MiB upload chunk.
            {"name": "big.txt", "mimeType": "text/plain", "buffer": b"large" * 600_000},
        ]
    )
    expect(page.locator(".sp-chat-file")).to_have_count(3)
    box = page.locator(".sp-bottom textarea")
    box.fill("with files")
    box.press("Enter")
    expect(page.get_by_text("file: b.txt 4 beta")).to_be_visible()
    expect(page.get_by_text("file: a.txt 5 alpha")).to_be_visible()
    expect(page.get_by_text("file: big.txt 3000000 large")).to_be_visible()
    expect(page.get_by_text("text: with files")).to_be_visible()
    expect(page.locator(".sp-chat-file")).to_have_count(0)  # sent: the box is empty again
    expect(box).to_have_value("")
    assert not page.console_errors  # type: ignore[attr-defined]


AUDIO = """
import sidepane as st

value = st.chat_input("Say or record", accept_audio=True, audio_sample_rate=16000)
if value and value.audio:
    data = value.audio.read()
    rate = int.from_bytes(data[24:28], "little")
    audio = value.audio
    st.write("audio:", audio.name, audio.type, data[:4].decode(), len(data) > 1000, rate)
"""


@pytest.fixture
def mic_page(browser: Browser) -> Iterator[Page]:
    """A page in a Chromium whose microphone is a fake device that plays a tone."""
    fake = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
    with_mic = browser.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *fake])
    page = with_mic.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.console_errors = errors  # type: ignore[attr-defined]
    yield page
    with_mic.close()


def test_chat_input_records_a_voice_message_as_a_wav(mic_page: Page, serve: Any) -> None:
    server: Server = serve(AUDIO)
    page = mic_page
    page.goto(server.url)
    mic = page.get_by_role("button", name="Record a voice message")
    mic.click()
    expect(page.get_by_role("status").filter(has_text="Recording")).to_be_visible()
    send = page.get_by_role("button", name="Send")
    expect(send).to_be_disabled()
    page.wait_for_timeout(800)
    page.get_by_role("button", name="Stop recording").click()
    expect(page.locator(".sp-chat-audio")).to_be_visible()
    expect(send).to_be_enabled()  # a recording alone can be sent
    page.locator(".sp-bottom textarea").press("Enter")
    expect(page.get_by_text("audio: audio.wav audio/wav RIFF True 16000")).to_be_visible()
    expect(page.locator(".sp-chat-audio")).to_have_count(0)
    assert not page.console_errors  # type: ignore[attr-defined]
