"""st.logo's `logo` frame: the image (an icon, an emoji, a URL or a media payload), its size,
link and icon image; sent once while unchanged, and a whole run without st.logo removes it."""

from __future__ import annotations

import io
from typing import Any

from tests.python.conftest import Harness


def logos(frames: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in frames if f["t"] == "logo"]


def test_logo_frame_and_its_lifetime(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import streamlit as st
        if st.session_state.setdefault("logo", True):
            st.logo(":material/home:", link="https://example.com", size="large",
                    icon_image="🎈")
        st.text("x")
        """
    )
    harness.hello(session)
    assert session.wait_idle(3)
    assert logos(viewer.take()) == [
        {
            "t": "logo",
            "image": {"kind": "icon", "value": ":material/home:"},
            "link": "https://example.com",
            "icon_image": {"kind": "emoji", "value": "🎈"},
            "size": "large",
        }
    ]
    session.request_rerun()  # unchanged: not resent
    assert session.wait_idle(3)
    assert logos(viewer.take()) == []
    session.session_state["logo"] = False
    session.request_rerun()  # a run without st.logo: the logo goes
    assert session.wait_idle(3)
    frames = viewer.take()
    assert logos(frames) == [{"t": "logo"}]
    assert [f["t"] for f in frames][-2:] == ["logo", "run_end"]
    harness.hello(session)  # a new connection holds none: nothing to remove
    assert session.wait_idle(3)
    assert logos(viewer.take()) == []


def test_logo_image_bytes_travel_as_a_payload(harness: Harness) -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (255, 0, 0)).save(buffer, format="PNG")
    (harness.dir / "logo.png").write_bytes(buffer.getvalue())
    session, viewer = harness.session(
        """
        import streamlit as st
        from pathlib import Path
        st.logo(str(Path(__file__).parent / "logo.png"))
        st.logo("https://example.com/logo.svg")
        """
    )
    harness.hello(session)
    assert session.wait_idle(3)
    frames = viewer.take()
    first, second = logos(frames)
    assert first["image"]["kind"] == "image"
    assert first["image"]["mimetype"].startswith("image/")
    payloads = {f["hash"] for f in frames if f["t"] == "payload"}
    assert first["image"]["value"] in payloads
    assert second["image"] == {"kind": "image", "value": "https://example.com/logo.svg"}
    assert second["size"] == "medium"
