"""st.balloons, st.snow, st.badge, st.space and st.skeleton through the AppTest API: the same
scripts and asserts pass on Streamlit 1.67 (`make conformance-streamlit`) and on Sidepane."""

from __future__ import annotations

from typing import Any


def run(AppTest: Any, source: str) -> Any:
    return AppTest.from_string(source, default_timeout=10).run()


def types(at: Any) -> list[str]:
    """The types of the main area's children, in order."""
    return [at.main[i].type for i in range(len(at.main))]


def test_balloons_and_snow_take_a_slot_found_by_node_type(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.balloons()
        st.write("between")
        st.snow()
        """,
    )
    assert not at.exception
    assert types(at) == ["balloons", "markdown", "snow"]
    assert len(at.get("balloons")) == 1 and len(at.get("snow")) == 1


def test_a_badge_is_the_color_badge_markdown_directive(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.badge("New")
        st.badge("Done [1]", icon=":material/check:", color="green", help="All good")
        st.badge("Hot", icon="🔥", color="orange", width="stretch")
        """,
    )
    assert not at.exception
    assert at.markdown.values == [
        ":blue-badge[New]",
        ":green-badge[:material/check: Done \\[1\\]]",
        ":orange-badge[🔥 Hot]",
    ]
    assert at.markdown[1].help == "All good"
    assert at.markdown[0].help == ""


def test_badge_arguments_are_checked(AppTest: Any) -> None:
    at = run(AppTest, 'import streamlit as st\nst.badge("x", icon="fire")')
    assert 'The value "fire" is not a valid icon' in at.exception[0].message
    at = run(AppTest, 'import streamlit as st\nst.badge("x", width="wide")')
    assert at.exception[0].message == (
        "Invalid width value: 'wide'. Width must be either a positive integer (pixels), "
        "'stretch', or 'content'."
    )


def test_space_sizes(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.space()
        st.space("xxlarge")
        st.space(24)
        with st.container(horizontal=True):
            st.button("Left")
            st.space("stretch")
            st.button("Right")
        """,
    )
    assert not at.exception
    assert [s.size for s in at.space] == ["small", "xxlarge", 24, "stretch"]
    assert at.space.values == ["small", "xxlarge", 24, "stretch"]


def test_a_bad_space_size_is_refused(AppTest: Any) -> None:
    at = run(AppTest, 'import streamlit as st\nst.space("huge")')
    assert at.exception[0].message == (
        "Invalid `size` value. Supported values: 'stretch', 'xxsmall', 'xsmall', 'small', "
        "'medium', 'large', 'xlarge', 'xxlarge', a positive integer. Got 'huge'."
    )
    at = run(AppTest, "import streamlit as st\nst.space(0)")
    assert "Got 0." in at.exception[0].message


def test_a_standalone_skeleton_is_replaced_by_what_is_drawn_into_it(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        placeholder = st.skeleton(height=200)
        st.skeleton(width=120)
        placeholder.write("loaded")
        st.write("below")
        """,
    )
    assert not at.exception
    assert types(at) == ["markdown", "skeleton", "markdown"]
    assert at.markdown.values == ["loaded", "below"]
    assert len(at.get("skeleton")) == 1


def test_a_skeleton_block_clears_and_its_output_goes_to_the_parent(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        with st.skeleton(height=50):
            st.write("inside")
        st.write("after")
        try:
            with st.skeleton():
                st.write("failing")
                raise ValueError("boom")
        except ValueError:
            st.write("caught")
        """,
    )
    assert not at.exception
    assert types(at) == [
        "empty",
        "markdown",
        "markdown",
        "empty",
        "markdown",
        "markdown",
    ]
    assert at.markdown.values == ["inside", "after", "failing", "caught"]
    assert not at.get("skeleton")


def test_skeleton_sizes_are_checked(AppTest: Any) -> None:
    at = run(AppTest, 'import streamlit as st\nst.skeleton(height="content")')
    assert at.exception[0].message == (
        "Invalid height value: 'content'. Height must be either a positive integer (pixels) "
        "or 'stretch'."
    )
    at = run(AppTest, "import streamlit as st\nst.skeleton(width=-5)")
    assert at.exception[0].message == (
        "Invalid width value: -5. Width must be either a positive integer (pixels) or 'stretch'."
    )
