"""st.logo's argument errors through the AppTest API: the same script and asserts pass on
Streamlit 1.67 (`make conformance-streamlit`) and on Sidepane. What the viewer is sent:
tests/python/test_logo.py."""

from __future__ import annotations

from typing import Any

INVALID = (
    "The {} passed to st.logo is invalid - See "
    "[documentation](https://docs.streamlit.io/develop/api-reference/media/st.logo) "
    "for more information on valid types"
)


def test_logo_arguments(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        cases = [
            dict(image="not an image"),
            dict(image=":material/not-ok:"),
            dict(image=":material/home:", link="ftp://x"),
            dict(image=":material/home:", size="huge"),
            dict(image="🎈", icon_image=12),
        ]
        for kw in cases:
            try:
                st.logo(**kw)
                st.text("ok")
            except st.errors.StreamlitAPIException as e:
                st.text(str(e))
        st.logo("🎈", link="https://example.com", size="LARGE", icon_image=":material/home:")
        st.text("done")
        """
    ).run()
    assert [t.value for t in at.text] == [
        INVALID.format("image"),
        INVALID.format("image"),
        '"ftp://x" is not a valid URL. You must use a fully qualified domain beginning with '
        '"http://" or "https://".',
        "Invalid `size` value. Supported values: 'small', 'medium', 'large'.",
        INVALID.format("icon_image"),
        "done",
    ]
