"""What a session knows of its viewer, for `st.context`: what the browser says of itself in
`hello`, and the request its WebSocket came in on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class ViewerFacts:
    """The browser's locale, time zone, theme, address and whether it is framed (None: the
    viewer did not say, as an AppTest's does not)."""

    theme: Literal["light", "dark"] | None = None
    locale: str | None = None
    timezone: str | None = None
    timezone_offset: int | None = None
    url: str | None = None
    embedded: bool | None = None
    page: str | None = None  # the page the viewer asked for in `hello` (its URL names it)

    @classmethod
    def from_hello(cls, frame: dict[str, Any]) -> ViewerFacts:
        """The facts of a `hello` frame; a field of the wrong type counts as not said."""

        def text(name: str) -> str | None:
            value = frame.get(name)
            return value if isinstance(value, str) else None

        theme = frame.get("theme")
        offset = frame.get("timezone_offset")
        embedded = frame.get("embedded")
        return cls(
            theme=theme if theme in ("light", "dark") else None,
            locale=text("locale"),
            timezone=text("timezone"),
            timezone_offset=offset
            if isinstance(offset, int) and not isinstance(offset, bool)
            else None,
            url=text("url"),
            embedded=embedded if isinstance(embedded, bool) else None,
            page=text("page"),
        )


@dataclass(frozen=True)
class ClientFacts:
    """The request a browser tab connected with (none for a VS Code panel or an AppTest)."""

    headers: list[tuple[str, str]] = field(default_factory=list)
    cookies: dict[str, str] = field(default_factory=dict)
    remote_ip: str | None = None
