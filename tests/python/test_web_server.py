"""`sidepane run`'s server: the page, the bundle, and real WebSocket sessions on 127.0.0.1."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import msgpack
import pytest
from web_helpers import async_test, bodies, is_body, open_tab, serving

from sidepane.protocol.frames import PROTOCOL_VERSION
from sidepane.servers.web.page import CSP

pytestmark = pytest.mark.timeout(30)

SEED = """
import sidepane as st
x = st.slider('x')
st.write(x, 'squared is', x * x)
"""

EXPECTED_CSP = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https:; media-src 'self' blob: https:; "
    "font-src 'self' data: https:; "
    "connect-src 'self' ws: wss: https://basemaps.cartocdn.com https://*.basemaps.cartocdn.com "
    "https://*.api.carto.com; "
    "frame-src 'self' http: https: data: blob:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)


async def get(url: str) -> tuple[int, dict[str, str], bytes]:
    async with aiohttp.ClientSession() as http, http.get(url) as r:
        return r.status, dict(r.headers), await r.read()


# ---- HTTP ----


@async_test
async def test_page_is_the_shell_with_a_strict_csp(tmp_path: Path) -> None:
    async with serving(tmp_path, SEED) as server:
        status, headers, body = await get(server.url + "/")
    assert status == 200
    assert headers["Content-Security-Policy"] == EXPECTED_CSP == CSP
    assert headers["Content-Type"].startswith("text/html")
    assert headers["X-Content-Type-Options"] == "nosniff"
    page = body.decode()
    assert '<div id="root"></div>' in page
    assert '<link rel="stylesheet" href="/static/sidepane.css">' in page
    assert '<script type="module" src="/static/sidepane.js"></script>' in page
    # No inline script: every <script> has a src.
    assert page.count("<script") == page.count('<script type="module" src=')


@async_test
async def test_page_explains_an_unbuilt_front_end(tmp_path: Path) -> None:
    async with serving(tmp_path, SEED, built=False) as server:
        status, headers, body = await get(server.url + "/")
        health = await get(server.url + "/healthz")
    assert status == 503
    assert headers["Content-Security-Policy"] == CSP
    assert b"front end isn't built" in body
    assert b"node webview/build.mjs" in body
    assert health[0] == 200


@async_test
async def test_static_files_and_health(tmp_path: Path) -> None:
    async with serving(tmp_path, SEED) as server:
        (tmp_path / "static" / "fonts").mkdir()
        (tmp_path / "static" / "fonts" / "a.woff2").write_bytes(b"\x00font")
        (tmp_path / "secret.txt").write_text("secret")
        js = await get(server.url + "/static/sidepane.js")
        css = await get(server.url + "/static/sidepane.css")
        font = await get(server.url + "/static/fonts/a.woff2")
        missing = await get(server.url + "/static/nope.js")
        escape = await get(server.url + "/static/%2e%2e/secret.txt")
        health = await get(server.url + "/healthz")
        icon = await get(server.url + "/favicon.ico")
    assert icon[0] == 204
    assert js[0] == 200 and js[2] == b"console.log('bundle');\n"
    assert "javascript" in js[1]["Content-Type"]
    assert css[0] == 200 and css[1]["Content-Type"].startswith("text/css")
    assert font[0] == 200 and font[2] == b"\x00font"
    assert missing[0] == 404
    assert escape[0] == 404 and b"secret" not in escape[2]
    assert health[0] == 200 and health[2] == b"ok"


# ---- a WebSocket session ----


@async_test
async def test_hello_runs_the_script_and_a_widget_value_reruns_it(tmp_path: Path) -> None:
    async with serving(tmp_path, SEED) as server, open_tab(server) as tab:
        await tab.send("hello", v=PROTOCOL_VERSION)
        start = await tab.until(lambda f: f["t"] == "run_start")
        assert start["run"] == 1
        slider = await tab.until(lambda f: f["t"] == "upsert" and f["type"] == "slider")
        await tab.until(is_body("`0` squared is `0`"))
        end = await tab.until(lambda f: f["t"] == "run_end")
        assert end["status"] == "ok"

        await tab.send("widget_value", id=slider["props"]["id"], value=7, run=1)
        await tab.until(lambda f: f["t"] == "run_start" and f["run"] == 2)
        await tab.until(is_body("`7` squared is `49`"))
        assert (await tab.until(lambda f: f["t"] == "run_end"))["status"] == "ok"


@async_test
async def test_frames_of_a_run_are_batched_into_few_messages(tmp_path: Path) -> None:
    source = "import sidepane as st\nfor i in range(300):\n    st.text(str(i))\n"
    async with serving(tmp_path, source) as server, open_tab(server) as tab:
        await tab.hello()
    assert tab.messages < 302 // 2  # 302 frames; usually a handful of messages


@async_test
async def test_a_version_mismatch_gets_an_error_frame(tmp_path: Path) -> None:
    async with serving(tmp_path, SEED) as server, open_tab(server) as tab:
        await tab.send("hello", v=999)
        error = await tab.until(lambda f: f["t"] == "error")
        assert error["code"] == "version"


# ---- security and bad input ----


@async_test
async def test_foreign_origins_are_refused(tmp_path: Path) -> None:
    async with serving(tmp_path, SEED) as server, aiohttp.ClientSession() as http:
        port = server.port
        for origin in (
            "http://evil.example",
            f"http://evil.example:{port}",  # DNS rebinding: a foreign name on our port
            "http://127.0.0.1:1",
            "null",
            f"file://127.0.0.1:{port}",
        ):
            with pytest.raises(aiohttp.WSServerHandshakeError) as caught:
                await http.ws_connect(f"{server.url}/ws", headers={"Origin": origin})
            assert caught.value.status == 403, origin
        for origin in (f"http://127.0.0.1:{port}", f"http://localhost:{port}"):
            async with open_tab(server, Origin=origin) as tab:
                assert (await tab.hello())["status"] == "ok"
        async with open_tab(server) as tab:  # no Origin: a non-browser client
            assert (await tab.hello())["status"] == "ok"


@async_test
async def test_origins_in_cors_allowed_origins_may_connect(tmp_path: Path) -> None:
    """A reverse proxy's page (code-server's /absproxy/<port>/, where VS Code's "Open in
    browser" shows the app) connects once its origin is in server.corsAllowedOrigins."""
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(
        '[server]\ncorsAllowedOrigins = ["http://proxy.example:9000/"]\n'
    )
    async with serving(tmp_path, SEED) as server, aiohttp.ClientSession() as http:
        async with open_tab(server, Origin="http://proxy.example:9000") as tab:
            assert (await tab.hello())["status"] == "ok"
        with pytest.raises(aiohttp.WSServerHandshakeError) as caught:
            await http.ws_connect(f"{server.url}/ws", headers={"Origin": "http://proxy.example"})
        assert caught.value.status == 403


@pytest.mark.invalid_frames
@async_test
async def test_bad_messages_do_not_kill_the_session(tmp_path: Path) -> None:
    async with (
        serving(tmp_path, SEED, max_message_bytes=10_000) as server,
        open_tab(server) as tab,
    ):
        await tab.hello()
        await tab.ws.send_bytes(b"\xc1\xc1 not msgpack")
        await tab.ws.send_str('{"t": "rerun"}')
        await tab.ws.send_bytes(msgpack.packb([1, 2, 3]))
        await tab.send("no_such_frame")
        await tab.send("widget_value", id="nope", value=1, run=1)
        await tab.send("rerun", pad=b"x" * 15_000)  # over the limit, under the read limit
        await tab.send("rerun")
        end = await tab.until(lambda f: f["t"] == "run_end")
        assert end["run"] == 2 and end["status"] == "ok"


@async_test
async def test_a_huge_message_closes_only_its_connection(tmp_path: Path) -> None:
    async with serving(tmp_path, SEED, max_message_bytes=10_000) as server:
        async with open_tab(server) as tab:
            await tab.hello()
            await tab.ws.send_bytes(b"\x00" * 100_000)
            msg = await tab.ws.receive(timeout=5)
            assert msg.type is aiohttp.WSMsgType.CLOSE
            assert msg.data == aiohttp.WSCloseCode.MESSAGE_TOO_BIG
        async with open_tab(server) as tab:
            assert (await tab.hello())["status"] == "ok"
        await asyncio.sleep(0.05)
        assert len(server.connections) == 0


# ---- several tabs ----

TWO_TABS = """
import uuid
import sidepane as st

@st.cache_data
def token():
    return uuid.uuid4().hex

st.session_state.setdefault("me", uuid.uuid4().hex)
st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.text(f"me={st.session_state.me}")
st.text(f"runs={st.session_state.runs}")
st.text(f"token={token()}")
"""


@async_test
async def test_two_tabs_have_their_own_state_and_share_the_cache(tmp_path: Path) -> None:
    async with serving(tmp_path, TWO_TABS) as server:
        async with open_tab(server) as a, open_tab(server) as b:
            await a.send("hello", v=PROTOCOL_VERSION)
            await b.send("hello", v=PROTOCOL_VERSION)
            seen = {}
            for name, tab in (("a", a), ("b", b)):
                frames = []
                while not frames or frames[-1]["t"] != "run_end":
                    frames.append(
                        await tab.until(lambda f: f["t"] == "run_end" or f.get("type") == "text")
                    )
                seen[name] = bodies(frames)
            me_a, runs_a, token_a = seen["a"]
            me_b, runs_b, token_b = seen["b"]
            assert me_a != me_b
            assert runs_a == runs_b == "runs=1"
            assert token_a == token_b

            await a.send("rerun")
            assert (await a.until(lambda f: f["t"] == "upsert"))["props"]["body"] == "runs=2"
            await a.until(lambda f: f["t"] == "run_end")
            b.frames.clear()  # the rest of its first run
            assert await b.quiet(0.2) == []
            assert len(server.connections) == 2
        await asyncio.sleep(0.05)
        assert len(server.connections) == 0


@async_test
async def test_stop_closes_connections_and_sessions(tmp_path: Path) -> None:
    async with serving(tmp_path, SEED) as server:
        http = aiohttp.ClientSession()
        ws = await http.ws_connect(f"{server.url}/ws")
        await ws.send_bytes(msgpack.packb({"t": "hello", "v": PROTOCOL_VERSION}))
        await ws.receive(timeout=5)
        (connection,) = server.connections
        session = connection.session
    msg = await ws.receive(timeout=5)
    while msg.type is aiohttp.WSMsgType.BINARY:  # the rest of the first run, if it came apart
        msg = await ws.receive(timeout=5)
    assert msg.type is aiohttp.WSMsgType.CLOSE
    assert msg.data == aiohttp.WSCloseCode.GOING_AWAY
    assert not session.script_thread_alive
    await http.close()


def test_queued_frames_are_split_into_messages_of_about_a_megabyte() -> None:
    from sidepane.servers.web.connection import MESSAGE_BYTES, _messages

    small = [b"a" * 10] * 3
    assert _messages(small) == [b"a" * 30]
    big = [b"x" * (MESSAGE_BYTES // 2 + 1)] * 4
    assert [len(m) for m in _messages(big)] == [MESSAGE_BYTES // 2 + 1] * 4
    huge = [b"y" * (MESSAGE_BYTES * 3)]
    assert _messages(huge) == huge
