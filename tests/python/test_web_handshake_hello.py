"""A tab's first hello may ride in the WebSocket handshake (`/ws?hello=…`, docs/protocol.md): the
session starts at once, with no hello message."""

from __future__ import annotations

import base64
from pathlib import Path

import aiohttp
from web_helpers import Tab, async_test, is_body, serving

from sidepane.protocol.frames import PROTOCOL_VERSION, frame

APP = """
import streamlit as st
st.write("page:", st.query_params.get("x", "none"))
"""


def _hello_param(**fields: object) -> str:
    raw = frame("hello", v=PROTOCOL_VERSION, **fields)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@async_test
async def test_a_hello_in_the_url_starts_the_session(tmp_path: Path) -> None:
    async with (
        serving(tmp_path, APP) as server,
        aiohttp.ClientSession() as http,
        http.ws_connect(f"{server.url}/ws?hello={_hello_param(query='x=7')}") as ws,
    ):
        tab = Tab(ws)
        await tab.until(is_body("page: 7"))
        await tab.until(lambda f: f["t"] == "run_end")


@async_test
async def test_a_hello_param_that_does_not_decode_is_dropped(tmp_path: Path) -> None:
    async with (
        serving(tmp_path, APP) as server,
        aiohttp.ClientSession() as http,
        http.ws_connect(f"{server.url}/ws?hello=%25%25not-base64") as ws,
    ):
        tab = Tab(ws)
        assert await tab.quiet(0.5) == []
        # The connection still works: a hello message starts the session.
        await tab.send("hello", v=PROTOCOL_VERSION)
        await tab.until(is_body("page: none"))
