"""`.streamlit/config.toml`, STREAMLIT_* variables and --section.option flags, in Streamlit 1.67's
order, and what each option Sidepane acts on changes (magic, uploads, error details, serving,
the theme sent to the viewer). get/set_option on both runtimes: conformance/test_config.py."""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path
from typing import Any

import pytest

from sidepane.cli import main as cli_main
from sidepane.protocol.frames import frame
from sidepane.runtime.config import Config, set_command_line_options
from sidepane.runtime.config.flags import FlagError, split_config_flags
from sidepane.runtime.config.options import OPTIONS
from sidepane.servers.web.launch import RunOptions, _serving
from sidepane.testing import AppTest
from tests.python.conftest import Harness, run_ends

REDACTED_START = "This app has encountered an error. The original error message is redacted"


def write_config(folder: Path, text: str) -> Path:
    path = folder / ".streamlit" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def places(tmp_path: Path) -> dict[str, Path]:
    out = {name: tmp_path / name for name in ("home", "cwd", "app")}
    for folder in out.values():
        folder.mkdir()
    return out


def load(places: dict[str, Path], **kwargs: Any) -> Config:
    kwargs.setdefault("environ", {})
    kwargs.setdefault("flags", {})
    return Config.load(
        str(places["app"]), cwd=str(places["cwd"]), home=str(places["home"]), **kwargs
    )


def test_precedence_is_streamlits(places: dict[str, Path]) -> None:
    # Each source overrides the ones before: home, working folder, the app's folder,
    # environment, flags.
    write_config(
        places["home"],
        """
        [theme]
        primaryColor = "#000001"
        textColor = "#000001"
        backgroundColor = "#000001"
        font = "serif"
        baseRadius = "small"
        """,
    )
    write_config(
        places["cwd"],
        """
        [theme]
        primaryColor = "#000002"
        textColor = "#000002"
        backgroundColor = "#000002"
        font = "monospace"
        """,
    )
    write_config(
        places["app"],
        """
        [theme]
        primaryColor = "#000003"
        textColor = "#000003"
        backgroundColor = "#000003"
        """,
    )
    config = load(
        places,
        environ={"STREAMLIT_THEME_PRIMARY_COLOR": "#000004", "STREAMLIT_THEME_TEXT_COLOR": "#4"},
        flags={"theme.primaryColor": "#000005"},
    )
    assert config.get("theme.primaryColor") == "#000005"
    assert config.get("theme.textColor") == "#4"
    assert config.get("theme.backgroundColor") == "#000003"
    assert config.get("theme.font") == "monospace"
    assert config.get("theme.baseRadius") == "small"
    assert config.get("theme.linkColor") is None
    assert not config.is_set("theme.linkColor")
    assert config.where_defined("theme.backgroundColor").endswith(
        str(Path("app") / ".streamlit" / "config.toml")
    )


def test_environment_values_take_the_options_type(places: dict[str, Path]) -> None:
    config = load(
        places,
        environ={
            "STREAMLIT_SERVER_PORT": "8600",
            "STREAMLIT_RUNNER_MAGIC_ENABLED": "false",
            "STREAMLIT_SERVER_ENABLE_CORS": "0",
            "STREAMLIT_SERVER_FOLDER_WATCH_LIST": "a b",
            "STREAMLIT_SERVER_MAX_UPLOAD_SIZE": "lots",
        },
    )
    assert config.get("server.port") == 8600
    assert config.get("runner.magicEnabled") is False
    assert config.get("server.enableCORS") is False
    assert config.get("server.folderWatchList") == ["a", "b"]
    assert config.get("server.maxUploadSize") == 200  # did not parse: left out


def test_env_var_names_are_streamlits() -> None:
    assert OPTIONS["theme.primaryColor"].env_var == "STREAMLIT_THEME_PRIMARY_COLOR"
    assert OPTIONS["server.enableCORS"].env_var == "STREAMLIT_SERVER_ENABLE_CORS"
    assert OPTIONS["runner.postScriptGC"].env_var == "STREAMLIT_RUNNER_POST_SCRIPT_GC"
    assert (
        OPTIONS["theme.dark.sidebar.primaryColor"].env_var
        == "STREAMLIT_THEME_DARK_SIDEBAR_PRIMARY_COLOR"
    )
    # Every option of Streamlit 1.67 (367 with the theme's sidebar, light and dark tables).
    assert len(OPTIONS) == 367


def test_unknown_option_warns_with_streamlits_words(
    places: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    write_config(
        places["app"],
        """
        [theme]
        primaryColour = "#f0a"
        [server]
        port = 8700
        """,
    )
    with caplog.at_level(logging.WARNING, logger="sidepane.config"):
        config = load(places)
    assert config.get("server.port") == 8700
    assert [r.getMessage() for r in caplog.records] == [
        '"theme.primaryColour" is not a valid config option. If you previously had this '
        "config option set, it may have been removed."
    ]


def test_broken_file_and_bad_theme_table_are_logged_not_fatal(
    places: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    write_config(places["cwd"], "[theme\nprimaryColor = 1")
    write_config(places["app"], '[theme.sidebar.dark]\nprimaryColor = "#fff"\n')
    with caplog.at_level(logging.WARNING, logger="sidepane.config"):
        config = load(places)
    assert config.get("theme.primaryColor") is None
    text = caplog.text
    assert "Error parsing config toml" in text
    assert "[theme.sidebar.dark]" in text


def test_env_reference_in_toml(places: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("H9_PORT", "8123")
    write_config(places["app"], '[server]\nport = "env:H9_PORT"\n')
    assert load(places).get("server.port") == 8123


def test_nested_theme_tables(places: dict[str, Path]) -> None:
    write_config(
        places["app"],
        """
        [theme.sidebar]
        backgroundColor = "#111111"
        [theme.dark]
        primaryColor = "#222222"
        [theme.dark.sidebar]
        textColor = "#333333"
        """,
    )
    config = load(places)
    assert config.section("theme.") == {
        "sidebar.backgroundColor": "#111111",
        "dark.primaryColor": "#222222",
        "dark.sidebar.textColor": "#333333",
    }


def test_command_line_flags() -> None:
    rest, values = split_config_flags(
        [
            "run",
            "app.py",
            "--theme.primaryColor",
            "#f0a",
            "--server.port=8600",
            "--headless",
            "--server.folderWatchList",
            "a",
            "--server.folderWatchList",
            "b",
        ]
    )
    assert rest == ["run", "app.py", "--headless"]
    assert values == {
        "theme.primaryColor": "#f0a",
        "server.port": 8600,
        "server.folderWatchList": ["a", "b"],
    }
    with pytest.raises(FlagError, match=r"No such option: --theme\.primaryColour"):
        split_config_flags(["--theme.primaryColour", "#f0a"])
    with pytest.raises(FlagError, match=r"Invalid value for '--server\.port'"):
        split_config_flags(["--server.port", "x"])
    with pytest.raises(FlagError, match="requires an argument"):
        split_config_flags(["--server.port"])


def test_cli_refuses_an_unknown_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["run", "app.py", "--server.prot", "1"]) == 2
    assert "No such option: --server.prot" in capsys.readouterr().err


def test_flags_apply_to_the_app_config(places: dict[str, Path]) -> None:
    set_command_line_options({"theme.primaryColor": "#f0a"})
    try:
        config = Config.load(
            str(places["app"]), cwd=str(places["cwd"]), home=str(places["home"]), environ={}
        )
    finally:
        set_command_line_options({})
    assert config.get("theme.primaryColor") == "#f0a"


# ---- what the options do ----


def test_serving_options_from_config(places: dict[str, Path]) -> None:
    write_config(
        places["app"],
        """
        [server]
        port = 8600
        address = "0.0.0.0"
        headless = true
        runOnSave = true
        maxMessageSize = 3
        """,
    )
    serving = _serving(RunOptions(), load(places))
    assert (serving.host, serving.port, serving.port_fallback) == ("0.0.0.0", 8600, False)
    assert serving.headless and serving.run_on_save
    assert serving.max_message_bytes == 3 * 1024 * 1024
    # Our own flags win over the config.
    mine = _serving(RunOptions(host="127.0.0.1", port=9000, run_on_save=False), load(places))
    assert (mine.host, mine.port, mine.run_on_save) == ("127.0.0.1", 9000, False)


def test_serving_defaults(places: dict[str, Path]) -> None:
    serving = _serving(RunOptions(), load(places))
    assert (serving.host, serving.port, serving.port_fallback) == ("127.0.0.1", 8501, True)
    assert serving.run_on_save is False and serving.max_message_bytes is None
    assert serving.watch
    write_config(places["app"], '[server]\nfileWatcherType = "none"\n')
    assert not _serving(RunOptions(), load(places)).watch


def app_in(folder: Path, source: str) -> AppTest:
    path = folder / "app.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return AppTest.from_file(str(path))


def test_magic_disabled(tmp_path: Path) -> None:
    source = """
        import streamlit as st
        "magic"
        st.text("end")
        """
    assert [m.value for m in app_in(tmp_path, source).run().markdown] == ["magic"]
    write_config(tmp_path, "[runner]\nmagicEnabled = false\n")
    at = app_in(tmp_path, source).run()
    assert [m.value for m in at.markdown] == []
    assert [t.value for t in at.text] == ["end"]


@pytest.mark.parametrize(
    ("setting", "type_", "message", "traceback"),
    [
        ('"full"', "ValueError", "a secret", True),
        ("true", "ValueError", "a secret", True),
        ('"stacktrace"', "ValueError", None, True),
        ("false", "ValueError", None, True),
        ('"type"', "ValueError", None, False),
        ('"none"', "", None, False),
    ],
)
def test_show_error_details(
    tmp_path: Path, setting: str, type_: str, message: str | None, traceback: bool
) -> None:
    write_config(tmp_path, f"[client]\nshowErrorDetails = {setting}\n")
    at = app_in(tmp_path, 'raise ValueError("a secret")\n').run()
    props = at.exception[0].proto
    assert props["type"] == type_
    if message is None:
        assert props["message"].startswith(REDACTED_START)
    else:
        assert props["message"] == message
    assert bool(props["frames"]) is traceback


def test_max_upload_size_is_the_uploaders_default(tmp_path: Path) -> None:
    write_config(tmp_path, "[server]\nmaxUploadSize = 5\n")
    at = app_in(
        tmp_path,
        """
        import streamlit as st
        st.file_uploader("a")
        st.file_uploader("b", max_upload_size=7)
        """,
    ).run()
    assert [u.proto["max_mb"] for u in at.get("file_uploader")] == [5, 7]


def test_get_option_reads_the_apps_config(tmp_path: Path) -> None:
    write_config(tmp_path, '[theme]\nprimaryColor = "#f0a"\n')
    at = app_in(
        tmp_path,
        """
        import streamlit as st
        st.text(st.get_option("theme.primaryColor"))
        st.text(st.get_option("browser.serverPort"))
        """,
    ).run()
    assert [t.value for t in at.text] == ["#f0a", "8501"]


# ---- the viewer's part: app_config and hello ----


def test_app_config_frame_carries_the_theme(harness: Harness) -> None:
    write_config(
        harness.dir,
        """
        [theme]
        primaryColor = "#ff00aa"
        [theme.sidebar]
        backgroundColor = "#eeeeee"
        [client]
        showSidebarNavigation = false
        """,
    )
    session, viewer = harness.session(
        """
        import streamlit as st
        st.button("go")
        """
    )
    harness.hello(session)
    frames = viewer.wait_for_upsert()
    configs = [f for f in frames if f["t"] == "app_config"]
    assert configs == [
        {
            "t": "app_config",
            "theme": {"primaryColor": "#ff00aa", "sidebar.backgroundColor": "#eeeeee"},
            "show_sidebar_navigation": False,
        }
    ]
    # Not resent while unchanged; resent to a new connection.
    session.request_rerun()
    assert session.wait_idle(3)
    assert not [f for f in viewer.take() if f["t"] == "app_config"]
    harness.hello(session)
    assert session.wait_idle(3)
    assert [f["t"] for f in viewer.take()].count("app_config") == 1


def test_app_config_without_a_theme_is_not_sent_until_it_changes(harness: Harness) -> None:
    session, viewer = harness.session(
        """
        import streamlit as st
        if st.session_state.setdefault("runs", 0) == 1:
            st.set_option("client.showSidebarNavigation", False)
        st.session_state.runs += 1
        st.text("x")
        """
    )
    harness.hello(session)
    assert session.wait_idle(3)
    assert not [f for f in viewer.take() if f["t"] == "app_config"]
    session.request_rerun()  # sets the option: shown from the next run on
    assert session.wait_idle(3)
    viewer.take()
    session.request_rerun()
    assert session.wait_idle(3)
    assert [f for f in viewer.take() if f["t"] == "app_config"] == [
        {"t": "app_config", "theme": {}, "show_sidebar_navigation": False}
    ]


def test_st_context_from_hello_and_request(harness: Harness) -> None:
    from sidepane.runtime.viewer_facts import ClientFacts

    session, viewer = harness.session(
        """
        import streamlit as st
        c = st.context
        st.text(repr([c.theme.type, c.locale, c.timezone, c.timezone_offset, c.url,
                      c.is_embedded, c.ip_address]))
        st.text(repr([c.headers["user-agent"], c.headers.get_all("X-Many"), c.cookies.to_dict()]))
        st.text(repr([c["locale"], "url" in c, "nope" in c]))
        try:
            c["nope"]
        except KeyError as e:
            st.text(str(e))
        """
    )
    session.client = ClientFacts(
        headers=[("User-Agent", "test"), ("X-Many", "1"), ("x-many", "2")],
        cookies={"a": "b"},
        remote_ip="10.0.0.7",
    )
    harness.hello(
        session,
        theme="dark",
        locale="de-DE",
        timezone="Europe/Berlin",
        timezone_offset=-60,
        url="http://localhost:8501/page?x=1#y",
        embedded=False,
    )
    assert session.wait_idle(3)
    texts = [f["props"]["body"] for f in viewer.take() if f["t"] == "upsert"]
    assert texts == [
        "['dark', 'de-DE', 'Europe/Berlin', -60, 'http://localhost:8501/page', False, '10.0.0.7']",
        "['test', ['1', '2'], {'a': 'b'}]",
        "['de-DE', True, False]",
        '\'st.context has no key "nope". Valid keys are: cookies, headers, ip_address, '
        "is_embedded, locale, theme, timezone, timezone_offset, url.'",
    ]


def test_st_context_in_apptest_is_empty(tmp_path: Path) -> None:
    at = app_in(
        tmp_path,
        """
        import streamlit as st
        c = st.context
        st.text(repr([dict(c.headers), dict(c.cookies), c.theme.type, c.locale, c.url,
                      c.ip_address, c.is_embedded]))
        """,
    ).run()
    assert at.text[0].value == "[{}, {}, None, None, None, None, None]"


SLOW = """
import time
import streamlit as st
st.number_input("n", value=0)
for i in range(40):
    st.text(i)
    time.sleep(0.01)
"""


@pytest.mark.parametrize(
    ("fast", "statuses"), [(True, ["interrupted", "ok"]), (False, ["ok", "ok"])]
)
def test_fast_reruns(harness: Harness, fast: bool, statuses: list[str]) -> None:
    # fastReruns = false: a widget changed mid-run lets the run finish, then reruns.
    write_config(harness.dir, f"[runner]\nfastReruns = {str(fast).lower()}\n")
    session, viewer = harness.session(SLOW)
    harness.hello(session)
    frames = viewer.wait_for_upsert()
    (wid,) = [f["props"]["id"] for f in frames if f["t"] == "upsert" and "id" in f["props"]]
    session.handle_message(frame("widget_value", id=wid, value=5, run=1))

    def two_runs_ended() -> bool:
        frames.extend(viewer.take())
        return len(run_ends(frames)) >= 2

    assert harness.wait_for(two_runs_ended, 5)
    assert [f["status"] for f in run_ends(frames)] == statuses


def test_browser_address_and_port_name_the_url(places: dict[str, Path]) -> None:
    from sidepane.servers.web.launch import browser_url

    served = "http://127.0.0.1:8502"
    assert browser_url(load(places), served, 8502) == served
    write_config(places["app"], '[browser]\nserverAddress = "app.example.com"\n')
    assert browser_url(load(places), served, 8502) == "http://app.example.com:8502"
    write_config(places["app"], '[browser]\nserverAddress = "app.example.com"\nserverPort = 80\n')
    assert browser_url(load(places), served, 8502) == "http://app.example.com:80"


def test_static_serving(tmp_path: Path) -> None:
    import aiohttp

    from tests.python.web_helpers import async_test, serving

    app_dir = tmp_path / "app"
    (app_dir / "static").mkdir(parents=True)
    (app_dir / "static" / "logo.png").write_bytes(b"\x89PNG")
    (app_dir / "static" / "page.html").write_text("<script>alert(1)</script>")
    (tmp_path / "secret.txt").write_text("no")

    async def fetch(server: Any, path: str) -> tuple[int, dict[str, str], bytes]:
        async with aiohttp.ClientSession() as http, http.get(server.url + path) as r:
            return r.status, dict(r.headers), await r.read()

    @async_test
    async def check(enabled: bool) -> None:
        write_config(app_dir, f"[server]\nenableStaticServing = {str(enabled).lower()}\n")
        async with serving(app_dir, "import sidepane as st\n") as server:
            status, headers, body = await fetch(server, "/app/static/logo.png")
            if not enabled:
                assert status == 404
                return
            assert (status, headers["Content-Type"], body) == (200, "image/png", b"\x89PNG")
            assert headers["X-Content-Type-Options"] == "nosniff"
            status, headers, _ = await fetch(server, "/app/static/page.html")
            assert headers["Content-Security-Policy"] == "sandbox"
            assert (await fetch(server, "/app/static/nope.png"))[0] == 404
            assert (await fetch(server, "/app/static/..%2F..%2Fsecret.txt"))[0] in (400, 404)

    check(True)
    check(False)


def test_base_url_path(tmp_path: Path) -> None:
    import aiohttp

    from sidepane.protocol.frames import PROTOCOL_VERSION, decode_message
    from sidepane.servers.web.page import base_path
    from tests.python.web_helpers import async_test, serving

    assert [base_path(v) for v in ("", None, "myapp", "/my/app/", "//x//")] == [
        "",
        "",
        "/myapp",
        "/my/app",
        "/x",
    ]
    write_config(tmp_path, '[server]\nbaseUrlPath = "myapp/"\n')

    @async_test
    async def check() -> None:
        async with serving(tmp_path, "import sidepane as st\nst.text('under a base')\n") as server:
            assert server.app_url == server.url + "/myapp/"
            async with aiohttp.ClientSession() as http:
                async with http.get(server.url + "/myapp/") as r:
                    page = await r.text()
                    assert r.status == 200
                assert 'src="/myapp/static/' in page and 'href="/myapp/static/' in page
                async with http.get(server.url + "/myapp", allow_redirects=False) as r:
                    assert (r.status, r.headers["Location"]) == (302, "/myapp/")
                async with http.get(server.url + "/myapp/other_page") as r:
                    assert r.status == 200
                async with http.get(server.url + "/") as r:
                    assert r.status == 404
                async with http.get(server.url + "/healthz") as r:
                    assert r.status == 200
                # Sign-in's routes are under the base, and lead back to the app there.
                for route in ("/myapp/auth/login", "/myapp/auth/logout"):
                    async with http.get(server.url + route, allow_redirects=False) as r:
                        assert (r.status, r.headers["Location"]) == (302, "/myapp/")
                async with http.ws_connect(server.url + "/myapp/ws") as ws:
                    await ws.send_bytes(frame("hello", v=PROTOCOL_VERSION))
                    bodies: list[str] = []
                    while "under a base" not in bodies:
                        message = await ws.receive_bytes(timeout=5)
                        bodies += [
                            f["props"].get("body", "")
                            for f in decode_message(message)
                            if f["t"] == "upsert"
                        ]

    check()


def test_theme_base_names_a_theme_file(
    places: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    (places["cwd"] / "themes").mkdir()
    (places["cwd"] / "themes" / "brand.toml").write_text(
        textwrap.dedent(
            """
            [theme]
            base = "dark"
            primaryColor = "#111111"
            textColor = "#222222"
            [theme.sidebar]
            backgroundColor = "#333333"
            """
        ),
        encoding="utf-8",
    )
    write_config(places["app"], '[theme]\nbase = "themes/brand.toml"\nprimaryColor = "#aaaaaa"\n')
    config = load(places, flags={"theme.textColor": "#bbbbbb"})
    assert config.get("theme.base") == "dark"
    assert config.get("theme.primaryColor") == "#aaaaaa"  # the app's own wins
    assert config.get("theme.textColor") == "#bbbbbb"  # a flag wins
    assert config.get("theme.sidebar.backgroundColor") == "#333333"  # inherited
    # A theme file naming another, or a missing one: logged, the app keeps its own options.
    (places["cwd"] / "themes" / "brand.toml").write_text(
        '[theme]\nbase = "other.toml"\n', encoding="utf-8"
    )
    write_config(places["app"], '[theme]\nbase = "themes/brand.toml"\n')
    with caplog.at_level(logging.ERROR, logger="sidepane.config"):
        assert load(places).get("theme.primaryColor") is None
        write_config(places["app"], '[theme]\nbase = "themes/missing.toml"\n')
        load(places)
    assert [r.getMessage() for r in caplog.records] == [
        "Theme file themes/brand.toml cannot reference another theme file in its base "
        "property. Only 'light' and 'dark' are allowed in referenced theme files.",
        "Theme file not found: themes/missing.toml",
    ]


def test_st_context_url_follows_the_page_shown(harness: Harness) -> None:
    (harness.dir / "pages").mkdir()
    harness.write("pages/report.py", "import streamlit as st\nst.text(st.context.url)\n")
    session, viewer = harness.session("import streamlit as st\nst.text(st.context.url)\n")
    harness.hello(session, url="http://h:8501/myapp/report", page="report", query="x=1")
    assert session.wait_idle(3)

    def texts() -> list[str]:
        return [f["props"]["body"] for f in viewer.take() if f["t"] == "upsert"]

    assert texts() == ["http://h:8501/myapp/report"]
    session.handle_message(frame("rerun", page=""))
    assert session.wait_idle(3)
    assert texts() == ["http://h:8501/myapp"]  # Streamlit 1.67's: no trailing slash


def test_a_saved_config_applies_at_the_next_run(harness: Harness) -> None:
    import os

    path = write_config(harness.dir, '[theme]\nprimaryColor = "#111111"\n')
    session, viewer = harness.session("import streamlit as st\nst.text('x')\n")
    harness.hello(session)
    assert session.wait_idle(3)
    assert [f["theme"] for f in viewer.take() if f["t"] == "app_config"] == [
        {"primaryColor": "#111111"}
    ]
    path.write_text('[theme]\nprimaryColor = "#222222"\n', encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    session.request_rerun()
    assert session.wait_idle(3)
    assert [f["theme"] for f in viewer.take() if f["t"] == "app_config"] == [
        {"primaryColor": "#222222"}
    ]


def test_the_watcher_hears_config_files(tmp_path: Path) -> None:
    import asyncio
    import os

    from sidepane.servers.watcher import SourceWatcher

    loop = asyncio.new_event_loop()
    try:
        watcher = SourceWatcher(str(tmp_path / "app.py"), lambda _p: None, loop)
        own = os.path.realpath(tmp_path / ".streamlit" / "config.toml")
        assert own in watcher.files
    finally:
        loop.close()


@pytest.mark.parametrize(
    ("setting", "shown"), [('"full"', True), ("true", True), ('"type"', False)]
)
def test_deprecation_warnings_follow_show_error_details(
    tmp_path: Path, setting: str, shown: bool
) -> None:
    write_config(tmp_path, f"[client]\nshowErrorDetails = {setting}\n")
    at = app_in(
        tmp_path,
        """
        import numpy as np
        import streamlit as st
        st.image(np.zeros((2, 2, 3), dtype=np.uint8), use_column_width=True)
        """,
    ).run()
    assert bool(at.warning) is shown


def test_enforce_serializable_session_state(tmp_path: Path) -> None:
    source = """
        import threading
        import streamlit as st
        st.session_state.fine = [1, 2]
        st.session_state.lock = threading.Lock()
        st.text("drawn")
        """
    assert not app_in(tmp_path, source).run().exception
    write_config(tmp_path, "[runner]\nenforceSerializableSessionState = true\n")
    at = app_in(tmp_path, source).run()
    assert [t.value for t in at.text] == ["drawn"]
    (error,) = at.exception
    assert error.proto["type"] == "UnserializableSessionStateError"
    assert error.value.startswith(
        "Cannot serialize the value (of type `<class '_thread.lock'>`) of 'lock' in "
        "st.session_state."
    )
