"""`st.chat_message` and `st.chat_input`: what they draw, what the script gets, and the errors.

Each behaviour was checked against Streamlit 1.67's AppTest with the same script.
"""

from __future__ import annotations

from typing import Any

import pytest

import sidepane as st
from sidepane.elements.chat import ChatInputValue
from sidepane.protocol.frames import frame
from sidepane.testing import AppTest
from sidepane.testing.errors import AppTestError


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


def props_of(at: AppTest, type_: str) -> list[dict[str, Any]]:
    return [n.props for n in at.main.node.walk() if n.type == type_]


def error_of(src: str) -> str:
    at = run(src)
    assert len(at.exception) == 1, at.exception
    message: str = at.exception[0].value
    return message


# ---- chat_message ----


def test_chat_message_avatars_follow_the_name_or_the_avatar_given() -> None:
    at = run(
        """
import numpy as np
import sidepane as st
for name in ["user", "assistant", "ai", "human", "Bob", "🦖"]:
    st.chat_message(name).write(name)
st.chat_message("x", avatar="🦜").write("emoji")
st.chat_message("x", avatar=":material/home:").write("icon")
st.chat_message("x", avatar=np.zeros((4, 4, 3), dtype=np.uint8)).write("array")
st.chat_message("x", avatar="https://example.com/a.png").write("url")
"""
    )
    assert not at.exception
    got = [(m.name, m.avatar) for m in at.chat_message]
    assert got[:8] == [
        ("user", "user"),
        ("assistant", "assistant"),
        ("ai", "assistant"),
        ("human", "user"),
        ("Bob", ""),  # the viewer shows "B"
        ("🦖", "🦖"),
        ("x", "🦜"),
        ("x", ":material/home:"),
    ]
    kinds = [p["avatar_type"] for p in props_of(at, "chat_message")]
    assert kinds == ["icon"] * 5 + ["emoji", "emoji", "icon", "image", "image"]
    image = props_of(at, "chat_message")[8]["image"]
    assert image["mimetype"].startswith("image/") and image["hash"] in at.payloads
    assert props_of(at, "chat_message")[9]["image"]["url"] == "https://example.com/a.png"
    assert at.chat_message[0].markdown[0].value == "user"


def test_chat_message_is_a_container_for_with_and_methods() -> None:
    at = run(
        """
import sidepane as st
with st.chat_message("user"):
    st.write("hello")
    st.text("there")
msg = st.chat_message("assistant", width="content")
msg.write("hi")
st.write("after")
"""
    )
    user, bot = at.chat_message
    assert [m.value for m in user.markdown] == ["hello"] and user.text[0].value == "there"
    assert bot.markdown[0].value == "hi"
    assert at.main[2].value == "after"
    assert props_of(at, "chat_message")[1]["width"] == "content"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.chat_message("x", avatar="not an image")', "Failed to load the provided avatar"),
        ("st.chat_message(None)", "The `name` parameter is required."),
        ('st.chat_message("x", width="wide")', "Invalid width value"),
        ('st.chat_message("x", avatar=":material/Bad Icon:")', "is not a valid Material icon"),
    ],
)
def test_chat_message_refuses_bad_arguments(call: str, message: str) -> None:
    assert message in error_of(f"import sidepane as st\n{call}\n")


# ---- chat_input ----

CHAT = """
import sidepane as st
prompt = st.chat_input("Say something", key="box")
with st.chat_message("user"):
    st.write(prompt)
st.write("state", repr(st.session_state.box))
"""


def test_chat_input_returns_the_text_for_exactly_one_run() -> None:
    at = run(CHAT)
    assert at.chat_input[0].value is None
    assert at.chat_input[0].placeholder == "Say something"
    assert at.chat_message[0].markdown[0].value == "`None`"
    at.chat_input[0].set_value("hi").run()
    assert at.chat_input[0].value == "hi"
    assert at.chat_message[0].markdown[0].value == "hi"
    assert at.markdown[-1].value == "state 'hi'"
    at.run()
    assert at.chat_input[0].value is None
    assert at.markdown[-1].value == "state None"


def test_chat_input_in_the_body_is_pinned_to_the_bottom_and_inline_elsewhere() -> None:
    at = run(
        """
import sidepane as st
st.chat_input("body")
st.empty().chat_input("placeholder in the body")
with st.container():
    st.chat_input("in a container")
st.columns(2)[1].chat_input("in a column")
st.sidebar.chat_input("in the sidebar")
"""
    )
    assert not at.exception
    pinned = {c.placeholder: c.node.path[0] == "bottom" for c in at.chat_input}
    assert pinned == {
        "body": True,
        "placeholder in the body": True,
        "in a container": False,
        "in a column": False,
        "in the sidebar": False,
    }


def test_chat_input_cuts_text_to_max_chars_and_calls_on_submit_first() -> None:
    at = run(
        """
import sidepane as st
def sent(prefix):
    st.session_state.log = st.session_state.get("log", []) + [prefix + st.session_state.c]
value = st.chat_input(max_chars=5, key="c", on_submit=sent, args=("got ",))
st.write(value, st.session_state.get("log", []))
"""
    )
    assert at.chat_input[0].max_chars == 5
    at.chat_input[0].set_value("hello world").run()
    assert at.chat_input[0].value == "hello"
    assert at.session_state["log"] == ["got hello"]
    at.run()
    assert at.session_state["log"] == ["got hello"]


def test_chat_input_session_state_fills_the_box_without_submitting() -> None:
    at = run(
        """
import sidepane as st
if st.button("Set"):
    st.session_state.chat = "Hello, world!"
value = st.chat_input(key="chat")
st.write("value", repr(value), repr(st.session_state.chat))
"""
    )
    at.button[0].click().run()
    assert at.chat_input[0].proto["fill"] == "Hello, world!"
    assert at.markdown[-1].value == "value None None"
    at.run()
    assert "fill" not in at.chat_input[0].proto


def test_chat_input_ignores_values_while_disabled() -> None:
    at = run("import sidepane as st\nst.write(repr(st.chat_input(disabled=True)))\n")
    chat = at.chat_input[0]
    assert chat.disabled
    # A viewer that sends a value anyway (AppTest refuses to, as a person cannot).
    message = frame("widget_value", id=chat.id, value="sneaky", run=at.session.writer.run)
    at.session.handle_message(message)
    at.session.wait_idle(3)
    at.run()
    assert at.markdown[0].value == "None"


def test_chat_input_with_files_returns_a_chat_input_value() -> None:
    at = run(
        """
import sidepane as st
v = st.chat_input(accept_file="multiple", file_type=["txt", ".csv"])
if v:
    st.text(f"{v.text!r} {[(f.name, f.read()) for f in v.files]} {sorted(v)}")
"""
    )
    chat = at.chat_input[0]
    assert chat.proto["accept_file"] == "multiple" and chat.proto["accept"] == [".txt", ".csv"]
    chat.set_value("look").upload("a.txt", b"one", "text/plain").upload("b.csv", b"2").run()
    value = at.chat_input[0].value
    assert isinstance(value, ChatInputValue)
    assert value.text == "look" and [f.name for f in value.files] == ["a.txt", "b.csv"]
    assert value["files"][0].getvalue() == b"one"
    assert at.text[0].value == "'look' [('a.txt', b'one'), ('b.csv', b'2')] ['files', 'text']"
    at.chat_input[0].upload("gone.txt", b"x").clear().set_value("no files").run()
    assert at.text[0].value == "'no files' [] ['files', 'text']"
    at.chat_input[0].upload("only.txt", b"x").run()  # files without text: text is ""
    assert at.text[0].value == "'' [('only.txt', b'x')] ['files', 'text']"
    at.run()
    assert at.chat_input[0].value is None and not at.text


def test_chat_input_refuses_files_of_other_types_and_text_only_inputs_refuse_files() -> None:
    at = run(
        'import sidepane as st\nst.write(repr(st.chat_input(accept_file=True, file_type="txt")))\n'
    )
    at.chat_input[0].upload("evil.exe", b"x").run()
    assert at.markdown[0].value == "None"  # the value was refused
    with pytest.raises(AppTestError, match="does not accept files"):
        run("import sidepane as st\nst.chat_input()\n").chat_input[0].upload("a.txt", b"x")


def test_chat_input_value_is_dict_like_and_in_st_typing() -> None:
    from sidepane.typing import ChatInputValue as Typed

    assert Typed is ChatInputValue
    value = ChatInputValue("hi")
    assert (
        value["text"] == "hi" and value.files == [] and dict(value) == {"text": "hi", "files": []}
    )
    value["text"] = "yo"
    assert value.text == "yo"
    with pytest.raises(KeyError):
        value["audio"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.chat_input(accept_file="x")', "Invalid `accept_file` value"),
        ('st.chat_input(submit_mode="later")', "Invalid `submit_mode` value"),
        ("st.chat_input(max_upload_size=0)", "Invalid `max_upload_size` value"),
        ('st.chat_input(on_submit="rerun")', '`on_submit="rerun"` is not supported'),
        ("st.chat_input(accept_audio=True, audio_sample_rate=1234)", "Invalid `audio_sample_rate`"),
        (
            'st.chat_input(width="content")',
            "Invalid width value: 'content'. Width must be either a positive integer (pixels) "
            "or 'stretch'.",
        ),
        ("st.chat_input(height=0)", "Invalid height value: 0."),
    ],
)
def test_chat_input_refuses_bad_arguments(call: str, message: str) -> None:
    assert message in error_of(f"import sidepane as st\n{call}\n")


def test_chat_input_sizes_reach_the_viewer() -> None:
    at = run(
        """
import sidepane as st
st.chat_input("a", width=300, height=120)
st.chat_input("b", height="stretch")
st.chat_input("c")
"""
    )
    sizes = [(c.proto.get("width"), c.proto.get("height")) for c in at.chat_input]
    assert sizes == [(300, 120), (None, "stretch"), (None, None)]


def test_chat_input_cannot_be_in_a_form() -> None:
    message = error_of(
        """
import sidepane as st
with st.form("f"):
    st.chat_input()
    st.form_submit_button()
"""
    )
    assert message == "`st.chat_input()` can't be used in a `st.form()`."


def test_chat_commands_draw_nothing_outside_a_run() -> None:
    assert st.chat_input() is None
    with st.chat_message("user"):
        st.write("bare mode")


def test_chat_input_files_are_freed_by_the_next_message() -> None:
    at = run("import sidepane as st\nv = st.chat_input(accept_file=True)\nst.text(repr(v))\n")
    at.chat_input[0].set_value("one").upload("a.txt", b"a" * 1000).run()
    assert len(at.session.uploads) == 1 and "a.txt" in at.text[0].value
    at.chat_input[0].set_value("two").run()  # the next message, without files
    assert len(at.session.uploads) == 0
    assert at.text[0].value == "ChatInputValue(text='two', files=[])"


def send_upload(at: AppTest, wid: str, name: str, data: bytes, mime: str) -> dict[str, Any]:
    """Upload a file for widget `wid` as the viewer does (one chunk); return its reference."""
    digest = f"h{len(data)}-{name}"
    at.session.handle_message(frame("upload", id=wid, hash=digest, name=name, type=mime, data=data))
    return {"hash": digest, "name": name, "type": mime, "size": len(data)}


def submit(at: AppTest, wid: str, value: Any) -> None:
    """Send a wire value as the viewer does, and run."""
    for chat in at.chat_input:
        if chat.id == wid:
            chat._set_wire(value).run()


RECORDING = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(36)


def test_chat_input_with_audio_returns_the_recording() -> None:
    at = run(
        """
import sidepane as st
v = st.chat_input(accept_audio=True, accept_file=True, file_type="pdf", audio_sample_rate=None)
if v:
    st.text(f"{v.text!r} {v.audio.name} {v.audio.type} {len(v.audio.read())} {sorted(v)}")
"""
    )
    chat = at.chat_input[0]
    assert chat.proto["accept_audio"] is True and "audio_sample_rate" not in chat.proto
    # The recording is a WAV whatever `file_type` allows for attachments.
    audio = send_upload(at, chat.id, "recording.wav", RECORDING, "audio/wav")
    assert len(at.session.uploads) == 1
    submit(at, chat.id, {"text": "", "files": [], "audio": audio})
    assert (
        at.text[0].value
        == f"'' recording.wav audio/wav {len(RECORDING)} ['audio', 'files', 'text']"
    )
    value = at.chat_input[0].value
    assert value.audio.name == "recording.wav" and value.files == []
    submit(at, chat.id, {"text": "next", "files": [], "audio": None})  # the recording is freed
    assert len(at.session.uploads) == 0


def test_chat_input_audio_only_has_no_files_and_refuses_other_types() -> None:
    at = run(
        """
import sidepane as st
v = st.chat_input(accept_audio=True)
if v:
    st.text(f"{v.text!r} {v.audio} {sorted(v)}")
    try:
        v.files
    except AttributeError as exc:
        st.text(str(exc))
"""
    )
    chat = at.chat_input[0]
    assert chat.proto["audio_sample_rate"] == 16000 and "accept_file" not in chat.proto
    submit(at, chat.id, {"text": "typed"})
    assert [t.value for t in at.text] == [
        "'typed' None ['audio', 'text']",
        "'ChatInputValue' object has no attribute 'files' (accept_file=False)",
    ]
    fake = send_upload(at, chat.id, "fake.wav", b"xx", "audio/mpeg")
    submit(at, chat.id, {"text": "", "audio": fake})
    assert all("fake.wav" not in t.value for t in at.text)  # refused: not a WAV
    held = len(at.session.uploads)
    send_upload(at, chat.id, "notes.txt", b"hello", "text/plain")  # not a recording: refused
    assert len(at.session.uploads) == held
