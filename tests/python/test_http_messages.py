"""The servers' HTTP answers (servers/web/http_messages.py): files as a browser expects them
(revalidation, byte ranges for media, HEAD), cookies as browsers send them, and the methods a
server of GETs refuses — each through a real server and a real client."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest
from web_helpers import async_test, serving
from websockets.datastructures import Headers

from sidepane.servers.web.http_messages import Request, file_response

pytestmark = pytest.mark.timeout(30)

SEED = "import sidepane as st\nst.write('hi')\n"


def _request(method: str = "GET", **headers: str) -> Request:
    return Request(method, "/x", {}, Headers(headers), "127.0.0.1")


def _answer(path: Path, request: Request) -> tuple[int, Headers, bytes]:
    response = asyncio.run(file_response(request, path, {"X-Mine": "1"}, "video/mp4"))
    return response.status_code, response.headers, bytes(response.body)


def test_a_file_carries_its_type_length_and_a_tag_a_browser_revalidates_with(
    tmp_path: Path,
) -> None:
    video = tmp_path / "clip.mp4"
    video.write_bytes(bytes(range(256)) * 4)
    status, headers, body = _answer(video, _request())
    assert (status, body) == (200, video.read_bytes())
    assert headers["Content-Type"] == "video/mp4"
    assert headers["Content-Length"] == "1024"
    assert headers["X-Mine"] == "1"
    assert headers["Accept-Ranges"] == "bytes"
    status, headers, body = _answer(video, _request(**{"If-None-Match": headers["ETag"]}))
    assert (status, body) == (304, b"")
    # A changed file is a new tag: the old one gets all of it again.
    old_tag = headers["ETag"]
    video.write_bytes(b"new")
    status, _, body = _answer(video, _request(**{"If-None-Match": old_tag}))
    assert (status, body) == (200, b"new")


@pytest.mark.parametrize(
    ("asked", "first", "last"),
    [("bytes=0-9", 0, 9), ("bytes=1000-", 1000, 1023), ("bytes=-24", 1000, 1023)],
)
def test_a_byte_range_is_answered_with_that_part(
    tmp_path: Path, asked: str, first: int, last: int
) -> None:
    video = tmp_path / "clip.mp4"
    data = bytes(range(256)) * 4
    video.write_bytes(data)
    status, headers, body = _answer(video, _request(Range=asked))
    assert status == 206
    assert body == data[first : last + 1]
    assert headers["Content-Range"] == f"bytes {first}-{last}/1024"
    assert headers["Content-Length"] == str(last - first + 1)


def test_a_range_past_the_end_is_refused_and_an_old_versions_range_gets_all(
    tmp_path: Path,
) -> None:
    video = tmp_path / "clip.mp4"
    video.write_bytes(b"0123456789")
    status, headers, _ = _answer(video, _request(Range="bytes=10-"))
    assert status == 416
    assert headers["Content-Range"] == "bytes */10"
    status, _, body = _answer(video, _request(Range="bytes=2-3", **{"If-Range": '"gone"'}))
    assert (status, body) == (200, b"0123456789")


def test_an_open_range_of_a_large_file_is_answered_in_parts(tmp_path: Path) -> None:
    # A media element asks `bytes=0-`, then on from where the answer ended.
    video = tmp_path / "long.mp4"
    video.write_bytes(b"v" * (9 * 1024 * 1024))
    status, headers, body = _answer(video, _request(Range="bytes=0-"))
    assert status == 206
    assert headers["Content-Range"] == f"bytes 0-{8 * 1024 * 1024 - 1}/{9 * 1024 * 1024}"
    assert len(body) == 8 * 1024 * 1024


def test_head_says_what_get_would_send_without_it(tmp_path: Path) -> None:
    video = tmp_path / "clip.mp4"
    video.write_bytes(b"x" * 100)
    status, headers, body = _answer(video, _request("HEAD"))
    assert (status, body, headers["Content-Length"]) == (200, b"", "100")


def test_a_vanished_file_is_not_found(tmp_path: Path) -> None:
    status, _, _ = _answer(tmp_path / "gone.mp4", _request())
    assert status == 404


def test_cookies_are_read_leniently() -> None:
    from websockets.http11 import Request as RawRequest

    raw = RawRequest("/", Headers([("Cookie", 'a=1; b="two words"; junk; =x'), ("Cookie", "c=3")]))
    assert Request.of(raw, ("10.0.0.1", 5000)).cookies == {"a": "1", "b": "two words", "c": "3"}
    assert Request.of(raw, ("10.0.0.1", 5000)).remote == "10.0.0.1"


@async_test
async def test_the_server_answers_head_and_refuses_other_methods(tmp_path: Path) -> None:
    async with serving(tmp_path, SEED) as server, aiohttp.ClientSession() as http:
        async with http.head(server.url + "/static/sidepane.js") as r:
            assert r.status == 200
            assert r.headers["Content-Length"] == str(len("console.log('bundle');\n"))
            assert r.headers["Connection"] == "close"
        async with http.post(server.url + "/", data=b"") as r:
            assert r.status == 405
            assert r.headers["Allow"] == "GET, HEAD"
        async with http.get(server.url + "/healthz") as r:
            assert (r.status, await r.text()) == (200, "ok")
