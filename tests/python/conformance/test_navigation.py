"""st.navigation and st.Page through the AppTest API: the same scripts and asserts pass on
Streamlit 1.67 (`make conformance-streamlit`) and on Sidepane. The frames, the URL and the
viewer are tested in tests/python/test_navigation.py and tests/e2e/test_navigation.py."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CALLABLES = """
import streamlit as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.sidebar.text("frame")

def home():
    st.title("Home")
    st.slider("home slider", 0, 10, 3, key="home_slider")
    if st.button("to second"):
        st.switch_page(second_page)

def second():
    st.title("Second")
    st.write(f"slider kept: {'home_slider' in st.session_state}")
    if st.button("home"):
        st.switch_page(home_page)

home_page = st.Page(home, icon="🏠")
second_page = st.Page(second, title="Second page", url_path="second")
pg = st.navigation({"Main": [home_page], "More": [second_page]})
st.write(f"page: {pg.title} {pg.url_path!r} {pg.icon}")
pg.run()
"""


def messages(at: Any) -> list[str]:
    return [e.message for e in at.exception]


def texts(at: Any) -> list[str]:
    return [m.value for m in at.markdown]


@pytest.fixture
def app_dir(tmp_path: Path) -> Iterator[Path]:
    def write(name: str, source: str) -> None:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")

    write(
        "app.py",
        """
        import streamlit as st
        pg = st.navigation(
            [st.Page("home.py", default=True), st.Page("views/01_📊_Sales_report.py")]
        )
        st.write(f"entry {pg.title} {pg.icon} {pg.url_path!r}")
        pg.run()
        """,
    )
    write("home.py", "import streamlit as st\nst.write(f'home file {__file__[-7:]}')\n")
    write("views/01_📊_Sales_report.py", 'import streamlit as st\n"sales (magic)"\n')
    write("pages/ignored.py", 'import streamlit as st\nst.write("from the pages folder")\n')
    yield tmp_path


def test_callable_pages_run_in_the_entry_script_and_switch(AppTest: Any) -> None:
    at = AppTest.from_string(CALLABLES, default_timeout=10).run()
    assert not at.exception
    assert at.title[0].value == "Home"
    assert texts(at) == ["page: home '' 🏠"]
    assert at.sidebar.text[0].value == "frame"
    at.slider[0].set_value(7).run()
    at.button[0].click().run()
    assert not at.exception
    assert at.title[0].value == "Second"
    # Session state is shared; the widget of the page left behind is gone with its page.
    assert texts(at) == ["page: Second page 'second'", "slider kept: False"]
    assert at.session_state["runs"] == 4
    at.button[0].click().run()
    assert at.title[0].value == "Home"
    assert at.slider[0].value == 3


def test_file_pages_infer_title_icon_and_path_and_the_pages_folder_is_ignored(
    AppTest: Any, app_dir: Path
) -> None:
    at = AppTest.from_file(str(app_dir / "app.py"), default_timeout=10).run()
    assert not at.exception
    assert texts(at) == ["entry home  ''", "home file home.py"]
    at.switch_page("views/01_📊_Sales_report.py").run()
    assert not at.exception
    assert texts(at) == ["entry Sales report 📊 'Sales_report'", "sales (magic)"]
    with pytest.raises(ValueError):
        at.switch_page("pages/ignored.py")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "st.navigation([st.Page(a), st.Page(a, title='again')])",
            "Two pages resolve to the URL pathname `/a`",
        ),
        (
            "st.navigation([st.Page(a, default=True), st.Page(b, default=True)])",
            "Multiple Pages specified with `default=True`",
        ),
        ("st.navigation([])", "Provide at least one `st.Page`"),
        ("st.navigation([a], position='left')", "Invalid `position` value"),
        ("st.navigation([a], expanded=-1)", "Invalid `expanded` value"),
        ("st.Page(a).run()", "This page cannot be called directly"),
        ("st.Page('missing.py')", "The file `missing.py` could not be found"),
        ("st.Page(a, url_path='x/y')", "cannot include `/`"),
        ("st.Page(a, url_path='  ')", "It can only be empty for the default page"),
        ("st.Page('https://example.com')", "External URL pages require a non-empty title"),
        (
            "st.navigation([st.Page('https://example.com', title='Ex')])",
            "At least one non-external page is required",
        ),
    ],
)
def test_navigation_errors_are_streamlits(AppTest: Any, body: str, expected: str) -> None:
    source = f"import streamlit as st\ndef a(): pass\ndef b(): pass\n{body}\n"
    at = AppTest.from_string(source, default_timeout=10).run()
    assert len(at.exception) == 1
    assert expected in at.exception[0].message


def test_the_returned_page_runs_once_and_an_external_page_is_listed(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        def a():
            st.write("a ran")
        docs = st.Page("https://docs.streamlit.io", title="Streamlit Docs")
        pg = st.navigation([a, docs], position="top", expanded=True)
        st.write(f"{docs.url_path} {docs.is_external} {pg.is_external}")
        pg.run()
        pg.run()
        """,
        default_timeout=10,
    ).run()
    assert texts(at)[:2] == ["streamlit_docs True False", "a ran"]
    assert "This page cannot be called directly" in messages(at)[0]


def test_switch_page_and_page_link_take_pages(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        def a():
            st.page_link(b_page)
            st.page_link(b_page, label="Other label")
            if st.button("external"):
                st.switch_page(ext)
        def b():
            st.write("on b")
        b_page = st.Page(b, title="Bee", icon="🐝", help="The b page")
        ext = st.Page("https://example.com", title="Ex")
        st.navigation([a, b_page, ext]).run()
        """,
        default_timeout=10,
    ).run()
    assert not at.exception
    links = at.get("page_link")
    assert len(links) == 2
    at.button[0].click().run()
    assert "Cannot use st.switch_page with external URL pages" in messages(at)[0]


def test_streamlit_page_is_what_st_page_returns(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit.navigation.page import StreamlitPage
        def a():
            pass
        pg = st.navigation([st.Page(a)])
        st.write(f"{isinstance(pg, StreamlitPage)} {StreamlitPage is st.Page}")
        pg.run()
        """,
        default_timeout=10,
    ).run()
    assert not at.exception
    assert texts(at) == ["True True"]
