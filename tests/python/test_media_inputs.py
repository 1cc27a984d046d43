"""st.camera_input and st.audio_input through AppTest, compared with Streamlit 1.67's (its
values, its errors and its AppTest's)."""

from __future__ import annotations

import io
import wave
from pathlib import Path
from typing import Any

import pytest

from sidepane.runtime.uploads import upload_target_of
from sidepane.testing import AppTest, AppTestError


def _wav(rate: int = 16000, frames: int = 160) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x01\x00" * frames)
    return out.getvalue()


JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 60 + b"\xff\xd9"

AUDIO_APP = """
import wave
import streamlit as st
rec = st.audio_input("Record", key="rec")
if rec is None:
    st.write("none")
else:
    with wave.open(rec) as w:
        st.write(f"{rec.name} {rec.type} {rec.size} {w.getframerate()} {w.getnchannels()}")
    st.write(f"state {st.session_state.rec.name}")
"""


def test_audio_input_returns_the_recording_as_uploaded_file() -> None:
    at = AppTest.from_string(AUDIO_APP).run()
    assert at.markdown[0].value == "none"
    assert at.audio_input[0].value is None
    assert at.audio_input[0].sample_rate == 16000
    data = _wav()
    at.audio_input[0].set_value(("audio.wav", data, "audio/wav")).run()
    assert at.markdown[0].value == f"audio.wav audio/wav {len(data)} 16000 1"
    assert at.markdown[1].value == "state audio.wav"
    recording: Any = at.audio_input[0].value
    assert recording.getvalue() == data
    # Later runs read the same file from its beginning.
    at.run()
    assert at.markdown[0].value == f"audio.wav audio/wav {len(data)} 16000 1"
    at.audio_input[0].clear().run()
    assert at.markdown[0].value == "none"


def test_camera_input_returns_the_photo_and_clear_resets_it() -> None:
    src = """
import streamlit as st
pic = st.camera_input("Smile", resolution="1080p", width=300)
st.write("none" if pic is None else f"{pic.name} {pic.type} {pic.read()[:2]!r}")
"""
    at = AppTest.from_string(src).run()
    cam = at.camera_input[0]
    assert (cam.label, cam.resolution, cam.value) == ("Smile", "1080p", None)
    assert cam.node.props["width"] == 300
    cam.upload("image.jpg", JPEG).run()
    assert at.markdown[0].value == "image.jpg image/jpeg b'\\xff\\xd8'"
    at.camera_input[0].clear().run()
    assert at.markdown[0].value == "none"


def test_sample_rate_none_and_props() -> None:
    at = AppTest.from_string('import streamlit as st\nst.audio_input("a", sample_rate=None)')
    at.run()
    assert at.audio_input[0].sample_rate is None
    assert "sample_rate" not in at.audio_input[0].node.props
    at = AppTest.from_string('import streamlit as st\nst.camera_input("a")').run()
    assert at.camera_input[0].resolution is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'st.audio_input("a", sample_rate=12345)',
            "Invalid `sample_rate` value. Supported values: 8000, 11025, 16000, 22050, 24000, "
            "32000, 44100, 48000, None.",
        ),
        (
            'st.camera_input("a", resolution="4k")',
            "Invalid `resolution` value. Supported values: '480p', '720p', '1080p', None.",
        ),
        (
            'st.camera_input("a", width="content")',
            "Invalid width value: 'content'. Width must be either a positive integer (pixels) "
            "or 'stretch'.",
        ),
        (
            'st.audio_input("a", width=0)',
            "Invalid width value: 0. Width must be either a positive integer (pixels) or "
            "'stretch'.",
        ),
        (
            'st.session_state.k = 1\nst.camera_input("a", key="k")',
            "`st.session_state['k']` is read-only and cannot be assigned through session state. "
            "Use a different session state key for values you need to set.",
        ),
        (
            'with st.form("f"):\n    st.audio_input("a", on_change=print)\n'
            "    st.form_submit_button()",
            "Within a form, callbacks can only be defined on `st.form_submit_button`. Defining "
            "callbacks on other widgets inside a form is not allowed.",
        ),
        (
            'st.camera_input("a", on_change="bogus")',
            "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
    ],
)
def test_errors_as_streamlit(line: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{line}").run()
    assert [e.value for e in at.exception] == [message]


def test_apptest_refuses_what_a_browser_cannot_send() -> None:
    at = AppTest.from_string(AUDIO_APP).run()
    with pytest.raises(AppTestError, match=r"only records \.wav files. Got filename 'x.mp3'"):
        at.audio_input[0].set_value(("x.mp3", b"", "audio/wav"))
    with pytest.raises(AppTestError, match=r"use MIME type 'audio/wav'\. Got 'audio/mpeg'"):
        at.audio_input[0].set_value(("x.wav", b"", "audio/mpeg"))
    with pytest.raises(AppTestError, match=r"records one recording\. A list is not accepted\."):
        at.audio_input[0].set_value([("x.wav", b"", "audio/wav")])
    at = AppTest.from_string('import streamlit as st\nst.camera_input("a")').run()
    with pytest.raises(AppTestError, match=r"only captures \.jpg files. Got filename 'x.png'"):
        at.camera_input[0].set_value(("x.png", JPEG, "image/jpeg"))


def test_runtime_refuses_a_file_of_another_kind() -> None:
    """The session takes only the widget's own kind of file, within `server.maxUploadSize`."""
    at = AppTest.from_string('import streamlit as st\nst.camera_input("a")\nst.audio_input("b")')
    at.run()
    for widget, ext in ((at.camera_input[0], "jpg"), (at.audio_input[0], "wav")):
        target = upload_target_of(at.session.widgets.specs[widget.id].deserialize)
        assert target is not None
        assert target.refusal(f"x.{ext}", 10) is None
        assert target.refusal("x.png", 10) == f"Invalid file extension: `.png`. Allowed: ['.{ext}']"
        assert target.refusal(f"x.{ext}", 201 * 1024 * 1024) == "File must be 200.0MB or smaller."


def test_in_a_form_the_photo_arrives_on_submit() -> None:
    src = """
import streamlit as st
with st.form("f"):
    pic = st.camera_input("Photo")
    st.form_submit_button("Send")
st.write("none" if pic is None else pic.name)
"""
    at = AppTest.from_string(src).run()
    # A photo taken but not submitted is not sent (as in Streamlit's AppTest).
    at.camera_input[0].upload("image.jpg", JPEG).run()
    assert at.markdown[0].value == "none"
    at.camera_input[0].upload("image.jpg", JPEG)
    at.button[0].click().run()
    assert at.markdown[0].value == "image.jpg"


def test_on_change_runs_with_args_and_ignore_keeps_the_value_without_a_rerun() -> None:
    src = """
import streamlit as st
st.session_state.setdefault("calls", [])
def changed(tag):
    st.session_state.calls.append((tag, st.session_state.rec is not None))
st.audio_input("Rec", key="rec", on_change=changed, args=("a",))
st.camera_input("Cam", on_change="ignore")
st.write(repr(st.session_state.calls))
"""
    at = AppTest.from_string(src).run()
    assert at.camera_input[0].node.props.get("ignore_rerun") is True
    assert "ignore_rerun" not in at.audio_input[0].node.props
    at.audio_input[0].upload("audio.wav", _wav()).run()
    assert at.markdown[0].value == "[('a', True)]"
    at.audio_input[0].clear().run()
    assert at.markdown[0].value == "[('a', True), ('a', False)]"


def test_key_is_the_identity() -> None:
    """With a key, changing the label keeps the recording (Streamlit: key_as_main_identity)."""
    src = """
import streamlit as st
label = st.session_state.get("label", "one")
rec = st.audio_input(label, key="rec")
st.write("none" if rec is None else rec.name)
"""
    at = AppTest.from_string(src).run()
    at.audio_input[0].upload("audio.wav", _wav()).run()
    at.session_state["label"] = "two"
    at.run()
    assert (at.audio_input[0].label, at.markdown[0].value) == ("two", "audio.wav")


def test_the_gallery_section() -> None:
    from PIL import Image

    gallery = Path(__file__).resolve().parents[2] / "examples" / "gallery.py"
    at = AppTest.from_file(gallery, default_timeout=60).run()
    assert at.camera_input(key="gallery_camera").disabled  # until "Enable camera" is on
    at.toggle(key="gallery_camera_on").set_value(True).run()
    photo = io.BytesIO()
    Image.new("RGB", (64, 36), "teal").save(photo, "JPEG")
    at.camera_input(key="gallery_camera").upload("image.jpg", photo.getvalue())
    at.audio_input(key="gallery_audio").upload("audio.wav", _wav(16000, 1600)).run()
    assert [e.value for e in at.exception] == ["an example exception"]  # the gallery's own
    assert at.image[-1].captions == [f"image.jpg ({len(photo.getvalue()):,} bytes)"]
    captions = [c.value for c in at.caption]
    assert "audio.wav: a mono 16-bit WAV at 16000 Hz, 3,244 bytes" in captions
    assert len(at.get("audio")) == 1
