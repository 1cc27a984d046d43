"""`st.context`: the headers, cookies, locale, time zone, theme, URL and address of the viewer
the script is running for, read-only, as in Streamlit 1.67."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit, urlunsplit

from sidepane.runtime.context import get_run_context

if TYPE_CHECKING:
    from sidepane.runtime.viewer_facts import ClientFacts, ViewerFacts

_KEYS = frozenset(
    [
        "headers",
        "cookies",
        "theme",
        "timezone",
        "timezone_offset",
        "locale",
        "url",
        "ip_address",
        "is_embedded",
    ]
)
_LOOPBACK = frozenset(["::1", "127.0.0.1"])


@lru_cache
def _normalize_header(name: str) -> str:
    return "-".join(word.capitalize() for word in name.split("-"))


class StreamlitHeaders(Mapping[str, str]):
    """The request's headers, case-insensitive; a repeated header gives its first value
    (`get_all` gives them all)."""

    def __init__(self, headers: Iterable[tuple[str, str]]) -> None:
        self._headers: dict[str, list[str]] = {}
        for key, value in headers:
            self._headers.setdefault(_normalize_header(key), []).append(value)

    def get_all(self, key: str) -> list[str]:
        return list(self._headers.get(_normalize_header(key), []))

    def __getitem__(self, key: str) -> str:
        try:
            return self._headers[_normalize_header(key)][0]
        except LookupError:
            raise KeyError(key) from None

    def __len__(self) -> int:
        return len(self._headers)

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def to_dict(self) -> dict[str, str]:
        return {key: self[key] for key in self}


class StreamlitCookies(Mapping[str, str]):
    """The request's cookies by name."""

    def __init__(self, cookies: Mapping[str, str]) -> None:
        self._cookies = dict(cookies)

    def __getitem__(self, key: str) -> str:
        return self._cookies[key]

    def __len__(self) -> int:
        return len(self._cookies)

    def __iter__(self) -> Iterator[str]:
        return iter(self._cookies)

    def to_dict(self) -> dict[str, str]:
        return dict(self._cookies)


class StreamlitTheme(dict[str, Any]):
    """`st.context.theme`: `type` is `"light"`, `"dark"` or None, by key or attribute."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no attribute {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("st.context.theme is read-only")


def _viewer() -> ViewerFacts | None:
    ctx = get_run_context()
    return None if ctx is None else ctx.session.viewer


def _client() -> ClientFacts | None:
    ctx = get_run_context()
    return None if ctx is None else ctx.session.client


class ContextProxy:
    """An interface to the context of the viewer the script runs for.

    ``st.context.headers`` and ``st.context.cookies`` are read-only mappings of the request
    the browser tab connected with; ``theme``, ``timezone``, ``timezone_offset``, ``locale``,
    ``url`` and ``is_embedded`` are what the browser reports; ``ip_address`` is the address
    the connection came from (None on localhost). Outside a browser tab (a VS Code panel, an
    AppTest) what is unknown is empty or None.

    Examples
    --------
    >>> import streamlit as st
    >>>
    >>> st.write(st.context.headers.get("User-Agent"))
    >>> st.write(f"The current theme type is {st.context.theme.type}.")
    """

    @property
    def headers(self) -> StreamlitHeaders:
        """The headers of the request that opened the session (case-insensitive keys)."""
        client = _client()
        return StreamlitHeaders([] if client is None else client.headers)

    @property
    def cookies(self) -> StreamlitCookies:
        """The cookies sent with the request that opened the session."""
        client = _client()
        return StreamlitCookies({} if client is None else client.cookies)

    @property
    def theme(self) -> StreamlitTheme:
        """The theme's `type` (`"light"` or `"dark"`) the viewer shows, or None."""
        viewer = _viewer()
        return StreamlitTheme({"type": None if viewer is None else viewer.theme})

    @property
    def timezone(self) -> str | None:
        """The browser's time zone, such as `"Europe/Berlin"`."""
        viewer = _viewer()
        return None if viewer is None else viewer.timezone

    @property
    def timezone_offset(self) -> int | None:
        """Minutes from the browser's local time to UTC (-120 in Berlin in summer)."""
        viewer = _viewer()
        return None if viewer is None else viewer.timezone_offset

    @property
    def locale(self) -> str | None:
        """The browser's language, such as `"en-US"`."""
        viewer = _viewer()
        return None if viewer is None else viewer.locale

    @property
    def url(self) -> str | None:
        """The app's address in the browser (the page shown), without query string or anchor."""
        ctx = get_run_context()
        viewer = None if ctx is None else ctx.session.viewer
        if ctx is None or viewer is None or viewer.url is None:
            return None
        parts = urlsplit(viewer.url)
        path = parts.path
        if viewer.page is not None:
            # The URL names the page the tab opened on; the page shown now may be another.
            opened = quote(viewer.page) if viewer.page else ""
            if opened and path.endswith("/" + opened):
                path = path[: -len(opened)]
            # As Streamlit 1.67 words it: no trailing slash, the page after one.
            path = path.rstrip("/")
            current = ctx.session.navigation.current
            if current:
                path += "/" + quote(current)
        return urlunsplit((parts.scheme, parts.netloc, path, "", ""))

    @property
    def ip_address(self) -> str | None:
        """The address the connection came from; None on localhost."""
        client = _client()
        if client is None or client.remote_ip in _LOOPBACK:
            return None
        return client.remote_ip

    @property
    def is_embedded(self) -> bool | None:
        """Whether the app is shown embedded (`?embed=true` in its URL)."""
        viewer = _viewer()
        return None if viewer is None else viewer.embedded

    def __getitem__(self, key: str) -> Any:
        if key not in _KEYS:
            raise KeyError(
                f'st.context has no key "{key}". Valid keys are: {", ".join(sorted(_KEYS))}.'
            )
        return getattr(self, key)

    def __contains__(self, key: object) -> bool:
        return key in _KEYS
