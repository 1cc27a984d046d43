"""Custom components in VS Code's panel: `sidepane/serveComponents` and the language server's
own components route (servers/lsp/component_server.py), under a real LSP client."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import pytest_lsp
from lsp_helpers import SERVER, Recorder
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pytest_lsp import LanguageClient

from sidepane.protocol.frames import PROTOCOL_VERSION
from sidepane.servers.web import component_routes

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(30)]


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities())
    )
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def rec(client: LanguageClient) -> Recorder:
    return Recorder(client)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def serve_components(rec: Recorder, port: Any) -> int:
    result = await rec.client.protocol.send_request_async(
        "sidepane/serveComponents", {"port": port}
    )
    assert isinstance(result, dict)
    return int(result["port"])


async def get(url: str) -> tuple[int, dict[str, str], bytes]:
    async with aiohttp.ClientSession() as http, http.get(url) as r:
        return r.status, dict(r.headers), await r.read()


async def test_a_drawn_component_and_html_page_are_served_on_the_port_asked_for(
    rec: Recorder, tmp_path: Path
) -> None:
    frontend = tmp_path / "frontend"
    frontend.mkdir()
    (frontend / "index.html").write_text("<script src='main.js'></script>")
    (frontend / "main.js").write_text("console.log(1)")
    (tmp_path / "secret.txt").write_text("secret")
    script = tmp_path / "app.py"
    script.write_text(
        "import streamlit as st\n"
        "import streamlit.components.v1 as components\n"
        f"front = components.declare_component('front', path={str(frontend)!r})\n"
        "front(default=0)\n"
        "components.html('<p>page</p>')\n"
    )
    wanted = free_port()
    port = await serve_components(rec, wanted)
    assert port == wanted
    # Asked again (the extension does at every start): the same server.
    assert await serve_components(rec, 0) == port

    await rec.open("s1", script)
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    instance = await rec.until(
        lambda: rec.frame("s1", lambda f: f["t"] == "upsert" and f["type"] == "component_instance")
    )
    page = await rec.until(
        lambda: rec.frame("s1", lambda f: f["t"] == "upsert" and f["type"] == "component_frame")
    )
    base = f"http://127.0.0.1:{port}/component"
    name = instance["props"]["name"]
    index = await get(f"{base}/{name}/index.html")
    js = await get(f"{base}/{name}/main.js")
    html = await get(f"{base}/_html/{page['props']['html_id']}")
    escape = await get(f"{base}/{name}/%2e%2e/secret.txt")
    unknown = await get(f"{base}/nope/index.html")
    other = await get(f"http://127.0.0.1:{port}/")

    assert index[0] == 200 and index[2] == b"<script src='main.js'></script>"
    assert js[0] == 200 and js[1]["Content-Type"] == "text/javascript"
    assert html[0] == 200 and html[2] == b"<p>page</p>"
    for response in (index, js, html):
        csp = response[1]["Content-Security-Policy"]
        # The browser's policy, sandbox and all, except who may frame it: VS Code's webview.
        assert csp == component_routes.content_security_policy(
            component_routes.PANEL_FRAME_ANCESTORS
        )
        assert "sandbox allow-scripts" in csp and "allow-same-origin" not in csp
        assert "frame-ancestors vscode-webview:" in csp
    assert escape[0] in (400, 404) and b"secret" not in escape[2]
    assert unknown[0] == 404
    assert other[0] == 404  # only the components' route: no app, no WebSocket


async def test_a_port_taken_is_replaced_by_a_free_one(rec: Recorder) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        busy = int(taken.getsockname()[1])
        port = await serve_components(rec, busy)
    assert port not in (busy, 0)
    status, _, _ = await get(f"http://127.0.0.1:{port}/component/_html/none")
    assert status == 404


async def test_bad_ports_are_invalid_params(rec: Recorder) -> None:
    for bad in (-1, 70000, "8080", True, None):
        with pytest.raises(JsonRpcInvalidParams, match="'port' must be a port number"):
            await serve_components(rec, bad)


async def test_nothing_listens_until_asked_and_the_http_server_loads_at_the_first_request(
    rec: Recorder, tmp_path: Path
) -> None:
    # The language server of an app without components never loads an HTTP server for them.
    script = tmp_path / "app.py"
    script.write_text(
        "import sys\nimport streamlit as st\nst.write('websockets.asyncio.server' in sys.modules)\n"
        "st.button('again')\n"
    )
    port = await serve_components(rec, 0)
    await rec.open("s1", script)
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    await rec.text("s1", "False")
    assert (await get(f"http://127.0.0.1:{port}/component/_html/none"))[0] == 404
    button = rec.frame("s1", lambda f: f["t"] == "upsert" and f["type"] == "button")
    assert button is not None
    rec.send("s1", t="widget_value", id=button["props"]["id"], value=True, run=1)
    await rec.text("s1", "True")
    await asyncio.sleep(0)


async def test_a_restarted_server_takes_the_same_port_back() -> None:
    # The extension asks every new server for the port its panels' CSP names.
    wanted = free_port()
    for _ in range(2):
        lsp = await SERVER.start()
        try:
            await lsp.initialize_session(
                types.InitializeParams(capabilities=types.ClientCapabilities())
            )
            result = await lsp.protocol.send_request_async(
                "sidepane/serveComponents", {"port": wanted}
            )
            assert result == {"port": wanted}
            # Served (a connection made, so the port has seen traffic before the restart).
            assert (await get(f"http://127.0.0.1:{wanted}/component/_html/none"))[0] == 404
            await lsp.shutdown_session()
        finally:
            await lsp.stop()
