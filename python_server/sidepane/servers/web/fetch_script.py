"""`sidepane run https://…/app.py`: download a script into a temporary folder to run it there."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import urllib.request

MAX_SCRIPT_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 30.0
ACCEPTED_EXTENSIONS = (".py", ".py3")

# `fetch(url, max_bytes)` -> the body; raises FetchError. Injectable so tests need no network.
Fetch = Callable[[str, int], bytes]
Opener = Callable[..., IO[bytes]]

# A page on github.com or gist.github.com shows a script inside HTML; its `raw` form is the file.
_GITHUB_PAGE = re.compile(r"^https://(gist\.)?github\.com/([\w.-]+/){1,2}(blob|raw)?(.*)$")


class FetchError(Exception):
    """The script could not be downloaded; the message says why, for the command line."""


def is_url(target: str) -> bool:
    """Whether a `sidepane run` target names a URL rather than a local file."""
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", target))


def validate_url(url: str) -> str:
    """The URL to download for `url`, or FetchError if it is not an https URL of a .py file."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "https":
        raise FetchError(
            f"Only https:// URLs can be run, not {parts.scheme or 'this'}:// ({url}): "
            "a script fetched over plain http could be swapped on the way."
        )
    if not parts.hostname:
        raise FetchError(f"Not a valid URL: {url}")
    script_name(url)  # checks the extension
    return _raw_github_url(url)


def script_name(url: str) -> str:
    """The file name the script is saved under: the URL's last path segment."""
    name = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    extension = os.path.splitext(name)[1]
    if extension not in ACCEPTED_EXTENSIONS:
        what = f"not {extension}" if extension else "but the URL's file has no extension"
        raise FetchError(f"Sidepane runs raw Python (.py) files, {what}: {url}")
    return name


def _raw_github_url(url: str) -> str:
    match = _GITHUB_PAGE.match(url)
    if match is None or match.group(3) == "raw":
        return url
    if match.group(3) == "blob":
        return url.replace("/blob/", "/raw/", 1)
    return url.rstrip("/") + "/raw"  # a gist page


def fetch_script(url: str, folder: Path, *, fetch: Fetch | None = None) -> Path:
    """Download the script at `url` into `folder` and return its path.

    Only https, at most MAX_SCRIPT_BYTES; any failure is a FetchError with a clear message.
    """
    source = validate_url(url)
    data = (fetch or download)(source, MAX_SCRIPT_BYTES)
    path = folder / script_name(url)
    path.write_bytes(data)
    return path


@functools.cache
def _https_only_redirects() -> type[urllib.request.HTTPRedirectHandler]:
    # urllib.request (with http.client and email) loads on the first download, not with the
    # `st.` API: a launch imports this module, and few scripts download anything.
    import urllib.request

    class HttpsOnlyRedirects(urllib.request.HTTPRedirectHandler):
        """Follows redirects, except one from https down to plain http."""

        def redirect_request(
            self,
            req: urllib.request.Request,
            fp: IO[bytes],
            code: int,
            msg: str,
            headers: Any,
            newurl: str,
        ) -> urllib.request.Request | None:
            if urlsplit(req.full_url).scheme == "https" and urlsplit(newurl).scheme != "https":
                raise FetchError(f"Refusing a redirect from https to {newurl}")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return HttpsOnlyRedirects


def _open_url(url: str, timeout: float) -> IO[bytes]:
    import urllib.request

    opener = urllib.request.build_opener(_https_only_redirects()())
    request = urllib.request.Request(url, headers={"User-Agent": "sidepane"})
    response: IO[bytes] = opener.open(request, timeout=timeout)
    return response


def download(
    url: str,
    max_bytes: int = MAX_SCRIPT_BYTES,
    *,
    open_url: Opener = _open_url,
    timeout: float = TIMEOUT_SECONDS,
    what: str = "script",
) -> bytes:
    """GET `url`'s body, refusing more than `max_bytes` (checked while reading, not only by the
    Content-Length the server claims). Does not check the scheme: `validate_url` does.
    `what` names the download in the errors ("The script at ... is over the limit")."""
    import urllib.error

    limit_mb = max_bytes / (1024 * 1024)
    try:
        with open_url(url, timeout) as response:
            length = getattr(response, "headers", {}).get("Content-Length")
            if length is not None and length.isdigit() and int(length) > max_bytes:
                raise FetchError(
                    f"The {what} at {url} is {int(length):,} bytes; the limit is {limit_mb:g} MB."
                )
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"Could not download {url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"Could not download {url}: {reason}") from exc
    if len(data) > max_bytes:
        raise FetchError(f"The {what} at {url} is over the {limit_mb:g} MB limit.")
    return data
