"""`st.camera_input` and `st.audio_input` as Streamlit 1.67 has them, read only through the
AppTest API (`make conformance-streamlit` runs these against Streamlit itself)."""

from __future__ import annotations

import io
import wave
from typing import Any

import pytest


def run(AppTest: Any, source: str) -> Any:
    return AppTest.from_string(source, default_timeout=10).run()


def texts(at: Any) -> list[str]:
    return [m.value for m in at.markdown]


def errors(at: Any) -> list[str]:
    return [e.value for e in at.exception]


def wav(rate: int = 16000, frames: int = 400) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x00\x01" * frames)
    return out.getvalue()


JPEG = b"\xff\xd8\xff\xe0not-decoded\xff\xd9"


def test_a_recording_is_an_uploaded_file_until_cleared(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import wave
        import streamlit as st
        rec = st.audio_input("Record", key="rec", sample_rate=44100)
        if rec is None:
            st.write("none")
        else:
            with wave.open(rec) as w:
                st.write(f"{rec.name} {rec.type} {rec.size} {w.getframerate()}")
            st.write(f"{type(rec).__name__} {st.session_state.rec.name}")
        """,
    )
    assert texts(at) == ["none"]
    assert at.audio_input[0].value is None
    assert at.audio_input[0].sample_rate == 44100
    data = wav(44100)
    at.audio_input[0].set_value(("audio.wav", data, "audio/wav")).run()
    assert texts(at) == [f"audio.wav audio/wav {len(data)} 44100", "UploadedFile audio.wav"]
    assert at.audio_input[0].value.getvalue() == data
    at.run()  # kept, and read again from its start
    assert texts(at)[0] == f"audio.wav audio/wav {len(data)} 44100"
    at.audio_input[0].clear().run()
    assert texts(at) == ["none"]


def test_a_photo_is_an_uploaded_file_until_cleared(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        pic = st.camera_input("Smile", resolution="480p")
        st.write("none" if pic is None else f"{pic.name} {pic.type} {pic.read()[:2]!r}")
        """,
    )
    assert (at.camera_input[0].label, at.camera_input[0].resolution) == ("Smile", "480p")
    at.camera_input[0].upload("shot.jpg", JPEG).run()
    assert texts(at) == ["shot.jpg image/jpeg b'\\xff\\xd8'"]
    at.camera_input[0].set_value(None).run()
    assert texts(at) == ["none"]


def test_defaults(AppTest: Any) -> None:
    at = run(
        AppTest,
        'import streamlit as st\nst.camera_input("c")\nst.audio_input("a")\n'
        'st.audio_input("b", sample_rate=None)',
    )
    assert at.camera_input[0].resolution is None
    assert [a.sample_rate for a in at.audio_input] == [16000, None]


def test_in_a_form_the_file_arrives_on_submit(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        with st.form("f"):
            pic = st.camera_input("Photo")
            st.form_submit_button("Send")
        st.write("none" if pic is None else pic.name)
        """,
    )
    at.camera_input[0].upload("shot.jpg", JPEG).run()
    assert texts(at) == ["none"]
    at.camera_input[0].upload("shot.jpg", JPEG)
    at.button[0].click().run()
    assert texts(at) == ["shot.jpg"]


def test_on_change_runs_with_args(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.session_state.setdefault("calls", [])
        def changed(tag):
            st.session_state.calls.append((tag, st.session_state.rec is not None))
        st.audio_input("Rec", key="rec", on_change=changed, args=("a",))
        st.write(repr(st.session_state.calls))
        """,
    )
    at.audio_input[0].upload("audio.wav", wav()).run()
    assert texts(at) == ["[('a', True)]"]
    at.audio_input[0].clear().run()
    assert texts(at) == ["[('a', True), ('a', False)]"]


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
            'st.session_state.k = 1\nst.audio_input("a", key="k")',
            "`st.session_state['k']` is read-only and cannot be assigned through session state. "
            "Use a different session state key for values you need to set.",
        ),
        (
            'with st.form("f"):\n    st.camera_input("a", on_change=print)\n'
            "    st.form_submit_button()",
            "Within a form, callbacks can only be defined on `st.form_submit_button`. Defining "
            "callbacks on other widgets inside a form is not allowed.",
        ),
    ],
)
def test_errors(AppTest: Any, line: str, message: str) -> None:
    assert errors(run(AppTest, f"import streamlit as st\n{line}")) == [message]


@pytest.mark.parametrize(
    ("widget", "value", "message"),
    [
        ("audio_input", ("x.mp3", b"", "audio/wav"), r"only records \.wav files\. Got filename"),
        ("audio_input", ("x.wav", b"", "audio/mpeg"), r"use MIME type 'audio/wav'\. Got"),
        ("audio_input", [("x.wav", b"", "audio/wav")], r"A list is not accepted\."),
        ("camera_input", ("x.png", b"", "image/jpeg"), r"only captures \.jpg files\. Got"),
        ("camera_input", ("x.jpg", b"", "image/png"), r"use MIME type 'image/jpeg'\. Got"),
        ("camera_input", "x.jpg", r"captures one photo\. Pass one \(filename, content"),
    ],
)
def test_apptest_refuses_what_a_browser_cannot_send(
    AppTest: Any, widget: str, value: Any, message: str
) -> None:
    at = run(AppTest, f'import streamlit as st\nst.{widget}("w")')
    with pytest.raises(Exception, match=message):
        getattr(at, widget)[0].set_value(value)
