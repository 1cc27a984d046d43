"""Multipage apps from a `pages/` folder: discovery, st.switch_page, AppTest.switch_page, and the
`pages` frame / `page` fields of docs/protocol.md."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from web_helpers import async_test, is_body, open_tab, serving

from sidepane.errors import StreamlitAPIException
from sidepane.protocol.frames import PROTOCOL_VERSION, frame
from sidepane.runtime.pages import discover_pages, icon_and_name
from sidepane.testing import AppTest

from conftest import Harness


def _write(path: Path, source: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


MAIN = """
import streamlit as st
st.session_state.setdefault("visits", 0)
st.session_state.visits += 1
st.text("main page")
st.slider("slider", 0, 10, key="s")
if st.button("to page 1"):
    st.switch_page("pages/1_page1.py")
"""

PAGE1 = """
import streamlit as st
st.text("page 1")
st.text(f"visits {st.session_state.visits}")
st.text(f"query {dict(st.query_params)}")
if st.button("home"):
    st.switch_page("app.py")
if st.button("bad"):
    st.switch_page("pages/missing.py")
"""


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    _write(tmp_path / "app.py", MAIN)
    _write(tmp_path / "pages" / "1_page1.py", PAGE1)
    _write(tmp_path / "pages" / "2_🎈_Second_page.py", 'import streamlit as st\nst.text("two")\n')
    return tmp_path


def test_pages_are_the_main_script_then_the_pages_folder_by_number_then_name(
    tmp_path: Path,
) -> None:
    main = _write(tmp_path / "streamlit_app.py", "")
    for name in (
        "b_page.py",
        "10_ten.py",
        "2_📈_Sales__report.py",
        "a page.py",
        "__init__.py",
        ".hidden.py",
        "notes.txt",
    ):
        _write(tmp_path / "pages" / name, "")
    pages = discover_pages(str(main))
    assert [(p.url_path, p.label, p.icon) for p in pages] == [
        ("", "streamlit app", ""),
        ("Sales_report", "Sales report", "📈"),
        ("ten", "ten", ""),
        ("a_page", "a page", ""),
        ("b_page", "b page", ""),
    ]
    assert pages[1].script_path == str((tmp_path / "pages" / "2_📈_Sales__report.py").resolve())
    assert icon_and_name("123.py") == ("", "123")


def test_two_files_with_one_url_path_are_an_error(tmp_path: Path) -> None:
    main = _write(tmp_path / "app.py", "")
    _write(tmp_path / "pages" / "1_a.py", "")
    _write(tmp_path / "pages" / "2_a.py", "")
    with pytest.raises(StreamlitAPIException, match="Two pages resolve to the URL pathname `/a`"):
        discover_pages(str(main))


def test_apptest_switch_page_runs_the_page_and_drops_the_previous_pages_widgets(
    app_dir: Path,
) -> None:
    at = AppTest.from_file(app_dir / "app.py").run()
    assert at.text[0].value == "main page"
    at.slider[0].set_value(5).run()
    assert at.slider[0].value == 5
    at.switch_page("pages/1_page1.py").run()
    assert [t.value for t in at.text][:2] == ["page 1", "visits 2"]
    assert not at.slider
    at.run()  # a plain rerun stays on the page
    assert at.text[0].value == "page 1"
    at.switch_page("app.py").run()
    # The slider starts from its default again; the script's own session_state key stays.
    assert at.slider[0].value == 0
    assert at.session_state["visits"] == 3
    with pytest.raises(ValueError, match="relative to the main script"):
        at.switch_page("nope/page1.py")


def test_st_switch_page_from_a_button_ends_the_run_and_runs_that_page(app_dir: Path) -> None:
    at = AppTest.from_file(app_dir / "app.py")
    at.query_params["q"] = "1"
    at.run()
    at.button[0].click().run()
    # The page runs, without the query parameters of the page it left.
    assert [t.value for t in at.text] == ["page 1", "visits 2", "query {}"]
    at.button[0].click().run()
    assert at.text[0].value == "main page"
    at.switch_page("pages/1_page1.py").run()
    at.button[1].click().run()
    assert at.exception[0].value == (
        "Could not find page: `pages/missing.py`. You must provide a file path relative to the "
        f"entrypoint file (from the directory `{app_dir.name}`). Only the entrypoint file and "
        "files in the `pages/` directory are supported."
    )


def test_switch_page_with_query_params(tmp_path: Path) -> None:
    _write(
        tmp_path / "app.py",
        """
        import streamlit as st
        if st.button("go"):
            st.switch_page("pages/p.py", query_params={"a": "1", "b": ["2", "3"]})
        """,
    )
    _write(
        tmp_path / "pages" / "p.py",
        "import streamlit as st\nst.text(repr(st.query_params.get_all('b')))\n",
    )
    at = AppTest.from_file(tmp_path / "app.py").run()
    at.button[0].click().run()
    assert at.text[0].value == "['2', '3']"
    assert at.query_params["a"] == "1"


def _frames_of(kind: str, frames: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in frames if f["t"] == kind]


def _wait_run_end(harness: Harness, viewer: Any) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []

    def ended() -> bool:
        seen.extend(viewer.take())
        return any(f["t"] == "run_end" and f["status"] != "interrupted" for f in seen)

    assert harness.wait_for(ended)
    return seen


def test_pages_frame_hello_page_and_rerun_page(harness: Harness) -> None:
    _write(harness.dir / "pages" / "1_page1.py", PAGE1)
    session, viewer = harness.session(MAIN)
    harness.hello(session, page="page1")
    frames = _wait_run_end(harness, viewer)
    (pages,) = _frames_of("pages", frames)
    assert pages["current"] == "page1"
    assert pages["pages"] == [{"name": "", "label": "app"}, {"name": "page1", "label": "page1"}]
    assert "not_found" not in pages
    assert any(f["t"] == "upsert" and f["props"].get("body") == "page 1" for f in frames)

    # An unchanged page list is not sent again.
    session.handle_message(frame("rerun"))
    assert not _frames_of("pages", _wait_run_end(harness, viewer))

    session.handle_message(frame("rerun", page=""))
    (pages,) = _frames_of("pages", _wait_run_end(harness, viewer))
    assert pages["current"] == ""

    # A page nobody has: the main page runs, and the viewer is told which name was not found.
    session.handle_message(frame("rerun", page="page1"))
    _wait_run_end(harness, viewer)
    session.handle_message(frame("rerun", page="nope"))
    frames = _wait_run_end(harness, viewer)
    # The main page is said at the run's start; the name not found once the run is over (its
    # st.navigation, had it one, might have had that page).
    first, pages = _frames_of("pages", frames)
    assert first["current"] == "" and "not_found" not in first
    assert pages["current"] == "" and pages["not_found"] == "nope"
    assert any(f["t"] == "upsert" and f["props"].get("body") == "main page" for f in frames)


def test_a_page_added_later_is_listed_at_the_next_run(harness: Harness) -> None:
    session, viewer = harness.session(MAIN)
    harness.hello(session)
    # A single-page app sends no page list (the viewer holds one page, the main one).
    assert not _frames_of("pages", _wait_run_end(harness, viewer))
    _write(harness.dir / "pages" / "extra.py", "")
    session.handle_message(frame("rerun"))
    (pages,) = _frames_of("pages", _wait_run_end(harness, viewer))
    assert [p["name"] for p in pages["pages"]] == ["", "extra"]
    # The folder emptied again: one page, sent so the viewer drops its list.
    (harness.dir / "pages" / "extra.py").unlink()
    session.handle_message(frame("rerun"))
    (pages,) = _frames_of("pages", _wait_run_end(harness, viewer))
    assert pages["pages"] == [{"name": "", "label": "app"}]


@async_test
async def test_the_server_serves_the_viewer_at_a_page_url(tmp_path: Path) -> None:
    async with serving(tmp_path, MAIN) as server, aiohttp.ClientSession() as http:
        for path in ("/", "/page1", "/Sales_report"):
            async with http.get(server.url + path) as r:
                assert r.status == 200
                assert "/static/sidepane.js" in await r.text()
        for missing in ("/page1/deeper", "/robots.txt"):
            async with http.get(server.url + missing) as r:
                assert r.status == 404


@async_test
async def test_saving_adding_and_removing_a_page_reruns(tmp_path: Path) -> None:
    page = _write(tmp_path / "pages" / "1_page1.py", 'import sidepane as st\nst.text("p1")\n')
    async with serving(tmp_path, MAIN, run_on_save=True) as server, open_tab(server) as tab:
        await tab.send("hello", v=PROTOCOL_VERSION, page="page1")
        await tab.until(is_body("p1"))
        await tab.until(lambda f: f["t"] == "run_end")
        page.write_text('import sidepane as st\nst.text("p1, saved")\n', encoding="utf-8")
        await tab.until(is_body("p1, saved"))
        await tab.until(lambda f: f["t"] == "run_end")
        # A page added to the folder shows in the list at once (a run follows).
        _write(tmp_path / "pages" / "2_added.py", "")
        listed = await tab.until(lambda f: f["t"] == "pages" and len(f["pages"]) == 3)
        assert listed["pages"][2] == {"name": "added", "label": "added"}
        await tab.until(lambda f: f["t"] == "run_end")
        (tmp_path / "pages" / "2_added.py").unlink()
        await tab.until(lambda f: f["t"] == "pages" and len(f["pages"]) == 2)


@async_test
async def test_a_pages_folder_created_later_is_watched(tmp_path: Path) -> None:
    async with serving(tmp_path, MAIN, run_on_save=True) as server, open_tab(server) as tab:
        await tab.hello()
        (tmp_path / "pages").mkdir()
        await tab.until(lambda f: f["t"] == "run_end")
        _write(tmp_path / "pages" / "new.py", "")
        await tab.until(lambda f: f["t"] == "pages" and len(f["pages"]) == 2)


def test_page_link_names_a_page_or_a_web_page(app_dir: Path) -> None:
    _write(
        app_dir / "links.py",
        """
        import streamlit as st
        st.page_link("pages/1_page1.py")
        st.page_link("app.py", label="Home", icon="🏠", help="the start", query_params={"a": 1})
        st.page_link("https://docs.streamlit.io", label="Docs", icon_position="right")
        st.sidebar.page_link("pages/1_page1.py", disabled=True)
        for bad in ("pages/missing.py", "https://example.com"):
            try:
                st.page_link(bad)
            except st.StreamlitAPIException as e:
                st.text(str(e))
        """,
    )
    _write(app_dir / "pages" / "3_links.py", (app_dir / "links.py").read_text())
    at = AppTest.from_file(app_dir / "app.py").run()
    at.switch_page("pages/3_links.py").run()
    links = [f["props"] for f in at.frames if f["t"] == "upsert" and f["type"] == "page_link"]
    assert links == [
        {"page": "page1", "label": "page1"},
        {"page": "", "label": "Home", "icon": "🏠", "help": "the start", "query": "a=1"},
        {"page": "https://docs.streamlit.io", "label": "Docs", "external": True,
         "icon_position": "right"},
        {"page": "page1", "label": "page1", "disabled": True, "width": "stretch"},
    ]  # fmt: skip
    assert at.text[0].value.startswith("Could not find page: `pages/missing.py`.")
    assert "`label` parameter is required" in at.text[1].value


def test_a_page_change_resends_the_whole_new_page(harness: Harness) -> None:
    # The viewer clears the body when the page changes, so an element equal to the one the
    # page left had at that place is sent again; the sidebar is kept.
    same = 'import streamlit as st\nst.title("Same")\nst.sidebar.text("side")\n'
    _write(harness.dir / "pages" / "other.py", same)
    session, viewer = harness.session(same)
    harness.hello(session)
    _wait_run_end(harness, viewer)
    session.handle_message(frame("rerun", page="other"))
    frames = _wait_run_end(harness, viewer)
    upserts = [f["path"] for f in frames if f["t"] == "upsert"]
    assert upserts == [["main", 0]]
    kinds = [f["t"] for f in frames]
    assert kinds.index("pages") < kinds.index("upsert")
    # The same page again: nothing resent.
    session.handle_message(frame("rerun"))
    assert not [f for f in _wait_run_end(harness, viewer) if f["t"] == "upsert"]


def test_switch_page_from_a_callback(tmp_path: Path) -> None:
    _write(
        tmp_path / "app.py",
        """
        import streamlit as st
        st.button("go", on_click=lambda: st.switch_page("pages/p.py"))
        st.text("main")
        """,
    )
    _write(tmp_path / "pages" / "p.py", "import streamlit as st\nst.text('page p')\n")
    at = AppTest.from_file(tmp_path / "app.py").run()
    at.button[0].click().run()
    # Nothing of the page left behind stays (the body is cleared on a page change).
    assert [t.value for t in at.text] == ["page p"]
    assert not at.button


def test_switch_page_outside_a_running_app_says_so() -> None:
    import sidepane as st
    from sidepane.errors import NoSessionContext

    with pytest.raises(NoSessionContext, match="needs a running app"):
        st.switch_page("pages/page1.py")


def test_page_link_rejects_a_width_streamlit_rejects() -> None:
    # It was sent as given (a width of "wide" reached the viewer); Streamlit 1.67 raises.
    at = AppTest.from_string(
        "import streamlit as st\n"
        "for w in ('wide', 0):\n"
        "    try:\n"
        "        st.page_link('https://docs.streamlit.io', label='Docs', width=w)\n"
        "    except st.StreamlitAPIException as e:\n"
        "        st.text(str(e))\n"
    ).run()
    assert [t.value for t in at.text] == [
        f"Invalid width value: {w}. Width must be either a positive integer (pixels), "
        "'stretch', or 'content'."
        for w in ("'wide'", "0")
    ]
