"""Page-level commands: `st.set_page_config`, `st.rerun` and `st.stop`.

Outside a run (a script started with plain `python app.py`) they validate their arguments and
otherwise do nothing, as Streamlit's do in bare mode.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any, Literal, NoReturn

from sidepane.elements.arguments import type_error, value_error
from sidepane.elements.status import validate_material_icon
from sidepane.errors import StreamlitAPIException
from sidepane.runtime import fragments
from sidepane.runtime.context import get_run_context
from sidepane.runtime.control import RerunRequested, StopRequested

_SIDEBAR_VALUES = [
    "'auto'",
    "'expanded'",
    "'collapsed'",
    "'locked'",
    "a positive integer (width in pixels)",
]
_MENU_KEYS = ("get help", "report a bug", "about")
_RANDOM_EMOJIS = (
    "🔥🎉🚀🌌✨🌙🎆💥🤩💡⚡🌠🎊🍿🔮🌃🍃🎈🎬🌀🎨🥳🌞🌟🦄🌻🌈🍬🌅🍜"
    "🧡🌸🍹🌊🌿🦋🌹💎⭐🍳🌎🌵🍒🍄🎵🍰🌲🎮📈🌺🌱👑🍩📣🎀🍪🌼📖🎸🍕"
    "🎯🐧🏀🐳🍀🐙🐝🐬🍉🐻⛳🎾🎣"
)
_IMAGE_MAGIC = (
    (b"\x89PNG", "image/png"),
    (b"\xff\xd8", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"RIFF", "image/webp"),
    (b"\x00\x00\x01\x00", "image/x-icon"),
    (b"<svg", "image/svg+xml"),
    (b"<?xml", "image/svg+xml"),
)


def _data_url(data: bytes) -> str:
    import base64

    mimetype = next((m for magic, m in _IMAGE_MAGIC if data.lstrip()[:5].startswith(magic)), None)
    return f"data:{mimetype or 'image/png'};base64,{base64.b64encode(data).decode()}"


def _page_icon(icon: object) -> str:
    """The favicon as the viewer takes it: an emoji, `:material/name:`, or a URL."""
    if isinstance(icon, str):
        if icon == "random":
            import random

            return random.choice(_RANDOM_EMOJIS)
        if icon.startswith(":material"):
            return validate_material_icon(icon)
        if os.path.isfile(icon):
            with open(icon, "rb") as f:
                return _data_url(f.read())
        return icon
    if isinstance(icon, os.PathLike):
        with open(icon, "rb") as f:
            return _data_url(f.read())
    if isinstance(icon, bytes | bytearray):
        return _data_url(bytes(icon))
    # A PIL image or an array: encode it as PNG (PIL imported only when needed).
    import io

    from PIL import Image

    image = icon if isinstance(icon, Image.Image) else Image.fromarray(icon)  # type: ignore[arg-type]
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return _data_url(buffer.getvalue())


def _check_menu_items(menu_items: Mapping[str, str | None]) -> None:
    from urllib.parse import urlparse

    for raw_key, url in menu_items.items():
        key = str(raw_key).lower().strip()
        if key not in _MENU_KEYS:
            raise value_error(
                "menu_items",
                ["'Get help'", "'Report a bug'", "'About'"],
                f"`{key}` is not a supported menu item key.",
            )
        if url is None or key == "about":
            continue
        parsed = urlparse(str(url))
        ok = (parsed.scheme in ("http", "https") and bool(parsed.netloc)) or (
            parsed.scheme == "mailto" and bool(parsed.path)
        )
        if not ok:
            raise StreamlitAPIException(
                f'"{url}" is not a valid URL. You must use a fully qualified domain beginning '
                'with "http://", "https://", or "mailto:".'
            )


def set_page_config(
    page_title: str | None = None,
    page_icon: Any = None,
    layout: Literal["centered", "wide"] | None = None,
    initial_sidebar_state: Literal["auto", "expanded", "collapsed", "locked"] | int | None = None,
    menu_items: Mapping[str, str | None] | None = None,
) -> None:
    """Configure the page: its browser-tab title and icon, layout and sidebar.

    `layout` is "centered" (default) or "wide"; `initial_sidebar_state` is "auto", "expanded",
    "collapsed", "locked" or a width in pixels; `page_icon` is an emoji, `":material/name:"`,
    "random", an image URL or file. It may be called more than once; arguments left as `None`
    keep their earlier value.
    """
    if layout not in (None, "centered", "wide"):
        raise value_error("layout", ["'centered'", "'wide'"])
    sidebar: str | None
    if initial_sidebar_state is None or initial_sidebar_state in ("auto", "expanded", "collapsed"):
        sidebar = initial_sidebar_state
    elif initial_sidebar_state == "locked":
        # An open sidebar the person cannot close; the protocol knows only "expanded".
        sidebar = "expanded"
    elif isinstance(initial_sidebar_state, int) and not isinstance(initial_sidebar_state, bool):
        if initial_sidebar_state <= 0:
            raise value_error(
                "initial_sidebar_state", _SIDEBAR_VALUES, f"Got {initial_sidebar_state}."
            )
        sidebar = "auto"
    else:
        raise value_error(
            "initial_sidebar_state", _SIDEBAR_VALUES, f"Got {initial_sidebar_state!r}."
        )
    if menu_items is not None:
        _check_menu_items(menu_items)
    icon = None if page_icon is None else _page_icon(page_icon)
    ctx = get_run_context()
    if ctx is None:
        return
    ctx.yield_point()
    config = ctx.session.page_config
    if not config:
        config.update(title=None, icon=None, layout="centered", sidebar="auto")
    if page_title is not None:
        config["title"] = str(page_title)
    if icon is not None:
        config["icon"] = icon
    if layout is not None:
        config["layout"] = layout
    if sidebar is not None:
        config["sidebar"] = sidebar
    ctx.writer.page_config(dict(config))


def rerun(scope: Literal["app", "fragment"] | str | int | Sequence[str | int] = "app") -> NoReturn:
    """Stop the current run now and run the script again from the top.

    Widget values and `st.session_state` are kept. Use it sparingly: a script that always calls
    `st.rerun()` never stops running.
    """
    if isinstance(scope, int) and not isinstance(scope, bool):
        scope = str(scope)
    if isinstance(scope, bytes | bytearray) or not isinstance(scope, str | Sequence):
        raise type_error("scope", type(scope).__name__, ["str", "int", "list[str | int]"])
    valid = ["'app'", "'fragment'", "a fragment key", "a list of keys"]
    if scope == "":
        raise value_error("scope", valid, "Got an empty string.")
    if not isinstance(scope, str) and len(scope) == 0:
        raise value_error("scope", valid, "Got an empty list.")
    ctx = get_run_context()
    if ctx is None:
        return  # type: ignore[misc]  # bare mode: nothing to stop
    session = ctx.session
    if scope == "fragment":
        record = fragments.check_in_fragment_run(ctx)
        session.request_fragment(record.id, preempt=True)
        raise RerunRequested
    if scope != "app":
        if not ctx.in_callbacks:
            raise StreamlitAPIException(
                "Passing a fragment key to `st.rerun()` is only allowed from a widget callback "
                "(e.g. `on_change` / `on_click`). Calling it from the main script body or a "
                "fragment body would abort the current run. If you meant to rerun the whole app "
                "or the current fragment, use `scope='app'` or `scope='fragment'`."
            )
        names = [scope] if isinstance(scope, str) else [str(name) for name in scope]
        targets = session.fragments.resolve_keys(names)
        # Even AppTest (which reruns the whole script for a widget in a fragment) reruns only
        # the named fragments here, as Streamlit's does.
        for fragment_id in reversed(targets):
            session.request_fragment(fragment_id, preempt=True)
        raise RerunRequested
    session.request_rerun()
    raise RerunRequested


def stop() -> NoReturn:
    """Stop the script here. What it drew so far stays; what it drew last run below this point
    is removed. The app then waits for the next interaction."""
    if get_run_context() is None:
        return  # type: ignore[misc]  # bare mode: nothing to stop
    raise StopRequested
