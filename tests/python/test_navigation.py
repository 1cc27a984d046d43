"""st.navigation in a session: the `pages` frame's menu fields, the page a viewer asks for (hello,
rerun), the frame said before the page's elements, the server's page URLs, and saves of page
files. The st. API itself is compared with Streamlit 1.67 in conformance/test_navigation.py."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import aiohttp
from web_helpers import async_test, eventually, is_body, open_tab, serving

from sidepane.protocol.frames import PROTOCOL_VERSION, frame
from sidepane.runtime.app import App

from conftest import Harness

ENTRY = """
import streamlit as st
st.sidebar.text("frame")
st.text("header")
def home():
    st.text("home page")
def second():
    st.text("second page")
pg = st.navigation(
    {
        "": [st.Page(home, icon="🏠")],
        "More": [
            st.Page(second, title="Second", url_path="second", help="The **second** one"),
            st.Page("secret.py", visibility="hidden"),
            st.Page("https://example.com/docs", title="The docs"),
        ],
    },
    position="top",
    expanded=3,
)
pg.run()
"""

SECRET = 'import streamlit as st\nst.text("secret page")\n'


def _frames_of(kind: str, frames: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in frames if f["t"] == kind]


def _run(harness: Harness, viewer: Any) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []

    def ended() -> bool:
        seen.extend(viewer.take())
        return any(f["t"] == "run_end" and f["status"] != "interrupted" for f in seen)

    assert harness.wait_for(ended)
    return seen


def _bodies(frames: list[dict[str, Any]]) -> list[str]:
    return [f["props"]["body"] for f in frames if f["t"] == "upsert" and "body" in f["props"]]


def test_the_pages_frame_lists_sections_hidden_and_external_pages(harness: Harness) -> None:
    harness.write("secret.py", SECRET)
    session, viewer = harness.session(ENTRY)
    harness.hello(session)
    frames = _run(harness, viewer)
    (pages,) = _frames_of("pages", frames)
    assert pages["current"] == ""
    assert pages["position"] == "top"
    assert pages["expanded"] == 3
    assert pages["pages"] == [
        {"name": "", "label": "home", "icon": "🏠"},
        {"name": "second", "label": "Second", "section": "More", "help": "The **second** one"},
        {"name": "secret", "label": "secret", "section": "More", "hidden": True},
        {
            "name": "the_docs",
            "label": "The docs",
            "section": "More",
            "url": "https://example.com/docs",
        },
    ]
    assert _bodies(frames) == ["frame", "header", "home page"]


def test_a_viewer_asks_for_a_page_by_its_url_path(harness: Harness) -> None:
    harness.write("secret.py", SECRET)
    session, viewer = harness.session(ENTRY)
    # The first run of the app: the page is known once st.navigation has run.
    harness.hello(session, page="secret")
    frames = _run(harness, viewer)
    (pages,) = _frames_of("pages", frames)
    assert pages["current"] == "secret" and "not_found" not in pages
    assert _bodies(frames) == ["frame", "header", "secret page"]

    # Later runs: the menu is known, so the page change is said before anything is drawn (the
    # viewer clears the body of the page left, then the entry script draws its header again;
    # the sidebar is kept).
    session.handle_message(frame("rerun", page="second"))
    frames = _run(harness, viewer)
    assert frames[1]["t"] == "pages" and frames[1]["current"] == "second"
    assert "keep_body" not in frames[1]
    assert _bodies(frames) == ["header", "second page"]

    # A URL path no page has: the default page, and the name the viewer reports.
    session.handle_message(frame("rerun", page="nope"))
    frames = _run(harness, viewer)
    (pages,) = _frames_of("pages", frames)
    assert pages["current"] == "" and pages["not_found"] == "nope"
    assert _bodies(frames)[-1] == "home page"


def test_a_page_chosen_after_the_entry_script_drew_keeps_the_body(harness: Harness) -> None:
    # Pages that change with the state: the menu is only known when st.navigation runs, after
    # the entry script drew its header; the viewer must keep that header.
    session, viewer = harness.session(
        """
        import streamlit as st
        st.text("header")
        def a():
            st.text("page a")
        def b():
            st.text("page b")
        pages = [a, b] if st.session_state.get("more") else [a]
        st.session_state.more = True
        st.navigation(pages).run()
        """
    )
    harness.hello(session, page="b")
    (pages,) = _frames_of("pages", _run(harness, viewer))
    assert pages["not_found"] == "b"  # not yet a page
    session.handle_message(frame("rerun", page="b"))
    frames = _run(harness, viewer)
    (pages,) = _frames_of("pages", frames)
    assert pages["current"] == "b" and pages["keep_body"] is True
    # The header went out before the page changed; nothing of it is sent again.
    assert _bodies(frames) == ["page b"]
    # Now the menu is known at the run's start: the page change clears the body first.
    session.handle_message(frame("rerun", page=""))
    frames = _run(harness, viewer)
    (pages,) = _frames_of("pages", frames)
    assert "keep_body" not in pages
    assert _bodies(frames) == ["header", "page a"]


def test_the_pages_folder_is_ignored_once_the_app_uses_navigation(harness: Harness) -> None:
    folder = harness.dir / "pages"
    folder.mkdir()
    (folder / "old.py").write_text('import streamlit as st\nst.text("old page")\n')
    session, viewer = harness.session(
        """
        import streamlit as st
        def a():
            st.text("page a")
        def b():
            st.text("page b")
        st.navigation([a, b]).run()
        """
    )
    harness.hello(session, page="b")
    frames = _run(harness, viewer)
    pages = _frames_of("pages", frames)[-1]
    assert [p["name"] for p in pages["pages"]] == ["", "b"]
    assert pages["current"] == "b" and "not_found" not in pages
    # `position` says the pages are st.navigation's (the viewer's "Page not found" words).
    assert pages["position"] == "sidebar"
    session.handle_message(frame("rerun", page="old"))
    frames = _run(harness, viewer)
    assert "old page" not in _bodies(frames)
    assert _frames_of("pages", frames)[-1]["not_found"] == "old"


def test_saving_another_pages_file_does_not_affect_this_page(tmp_path: Path) -> None:
    (tmp_path / "one.py").write_text("")
    (tmp_path / "two.py").write_text("")
    (tmp_path / "helper.py").write_text("")
    entry = tmp_path / "app.py"
    entry.write_text("import streamlit as st\nst.navigation(['one.py', 'two.py']).run()\n")
    app = App(entry)
    session = app.new_session(lambda _data: None)
    try:
        session.handle_message(frame("hello", v=PROTOCOL_VERSION, page="two"))
        assert session.wait_idle(5)
        nav = session.navigation
        assert nav.current == "two"
        assert app.shared_pages.files == {str(tmp_path / "one.py"), str(tmp_path / "two.py")}
        assert nav.affected_by(str(tmp_path / "two.py"))
        assert not nav.affected_by(str(tmp_path / "one.py"))
        assert nav.affected_by(str(entry)) and nav.affected_by(str(tmp_path / "helper.py"))
    finally:
        session.close()


PAGE_FILES = """
import streamlit as st
st.navigation([st.Page("home.py"), st.Page("other.py", url_path="other.page")]).run()
"""


@async_test
async def test_the_server_serves_pages_and_reruns_the_page_saved(tmp_path: Path) -> None:
    (tmp_path / "home.py").write_text('import streamlit as st\nst.text("home")\n')
    other = tmp_path / "other.py"
    other.write_text('import streamlit as st\nst.text("other")\n')
    source = textwrap.dedent(PAGE_FILES)
    async with (
        serving(tmp_path, source, run_on_save=True) as server,
        open_tab(server) as tab,
        aiohttp.ClientSession() as http,
    ):
        await tab.send("hello", v=PROTOCOL_VERSION, page="other.page")
        await tab.until(is_body("other"))
        await tab.until(lambda f: f["t"] == "run_end")
        # A page's URL path with a dot is served once st.navigation declared it.
        for path, status in (("/other.page", 200), ("/other", 200), ("/else.txt", 404)):
            async with http.get(server.url + path) as r:
                assert r.status == status, path
        # A page file st.navigation named (not in a pages folder) is watched (from the rescan
        # that follows the run that named it).
        real = str(other.resolve())

        async def watched() -> bool:
            return server.watcher is not None and real in server.watcher.files

        await eventually(watched)
        other.write_text('import streamlit as st\nst.text("other, saved")\n')
        await tab.until(is_body("other, saved"))


def test_a_viewer_asks_for_a_page_by_its_file(harness: Harness) -> None:
    # VS Code's Preview App on a page file: the panel opens the entry script at that page,
    # before any run told the viewer the pages' URL paths (a custom url_path here).
    report = harness.write("report.py", 'import streamlit as st\nst.text("report page")\n')
    session, viewer = harness.session(
        """
        import streamlit as st
        def home():
            st.text("home page")
        st.navigation([home, st.Page("report.py", url_path="sales")]).run()
        """
    )
    harness.hello(session, page_file=str(report))
    frames = _run(harness, viewer)
    assert _frames_of("pages", frames)[-1]["current"] == "sales"
    assert "not_found" not in _frames_of("pages", frames)[-1]
    assert _bodies(frames) == ["report page"]
    session.handle_message(frame("rerun", page=""))
    _run(harness, viewer)
    session.handle_message(frame("rerun", page_file=str(report)))
    frames = _run(harness, viewer)
    assert frames[1]["t"] == "pages" and frames[1]["current"] == "sales"
    # A file no page runs (not in the menu): the default page, no banner.
    session.handle_message(frame("rerun", page_file=str(harness.dir / "other.py")))
    frames = _run(harness, viewer)
    pages = _frames_of("pages", frames)[-1]
    assert pages["current"] == "" and "not_found" not in pages


def test_a_pages_folder_page_by_its_file(harness: Harness) -> None:
    folder = harness.dir / "pages"
    folder.mkdir()
    page = folder / "02_📈_Sales.py"
    page.write_text('import streamlit as st\nst.text("sales page")\n', encoding="utf-8")
    session, viewer = harness.session('import streamlit as st\nst.text("main")\n')
    harness.hello(session, page_file=str(page))
    frames = _run(harness, viewer)
    assert _frames_of("pages", frames)[-1]["current"] == "Sales"
    assert _bodies(frames) == ["sales page"]
