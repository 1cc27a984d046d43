"""`st.switch_page` and `st.page_link`: move a multipage app (a `pages/` folder beside the
script, or `st.navigation`'s pages) to another of its pages."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from textwrap import dedent
from typing import TYPE_CHECKING, Literal, NoReturn
from urllib.parse import urlencode, urlsplit

from sidepane.elements.arguments import type_error
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.layout import _check_size as check_size
from sidepane.elements.page_menu import Page
from sidepane.elements.status import validate_icon
from sidepane.elements.widgets.buttons import _check_icon_position, _width
from sidepane.errors import NoSessionContext, StreamlitAPIException
from sidepane.protocol.schema.elements.widgets import PageLinkProps
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import get_run_context
from sidepane.runtime.control import RerunRequested
from sidepane.runtime.pages import Page as PageInfo
from sidepane.runtime.pages import find_page

if TYPE_CHECKING:
    from typing_extensions import Self

    from sidepane.runtime.session import AppSession


def switch_page(
    page: str | os.PathLike[str] | Page,
    *,
    query_params: Mapping[str, str | Iterable[str]] | Iterable[tuple[str, str]] | None = None,
) -> NoReturn:
    """Stop this run and run another page of the app, as a click on it in the page list would.

    `page` is an `st.Page` given to `st.navigation`, or a path relative to the main script (the
    file passed to `sidepane run`): a page file given to `st.navigation`, or without it the main
    script itself (`"app.py"`) or a file in its `pages/` folder (`"pages/page_1.py"`). Widgets
    of the page left behind are dropped; `st.session_state` keys the script set are kept.
    `query_params` (a dict or (key, value) pairs) become the new page's query string; by
    default it has none.
    """
    if not isinstance(page, str | os.PathLike | Page):
        raise type_error("page", type(page).__name__, ["str", "Path", "st.Page"])
    if isinstance(page, Page) and page.is_external:
        raise StreamlitAPIException(
            "Cannot use st.switch_page with external URL pages. Use st.page_link instead to "
            "create a link to external pages."
        )
    items = _query_items(query_params)
    ctx = get_run_context()
    if ctx is None:  # `python app.py`: there is no app to switch (Streamlit raises this too)
        raise NoSessionContext(
            "st.switch_page needs a running app: start it with `sidepane run app.py`."
        )
    session = ctx.session
    target = _linked_page(session, page)
    ctx.yield_point()
    session.query_params.items = items
    ctx.writer.query_params([[k, v] for k, v in items])
    session.navigation.request(target.url_path, from_script=True)
    session.request_rerun()
    raise RerunRequested


def _linked_page(session: AppSession, page: str | os.PathLike[str] | Page) -> PageInfo:
    """The page of the app `page` names (an st.Page, or a file path)."""
    pages = session.navigation.pages()
    uses_folder = not session.navigation.shared.uses_navigation
    if not isinstance(page, Page):
        return find_page(pages, session.app.script_path, page, uses_pages_folder=uses_folder)
    info = page.info("")
    registered = next((p for p in pages if p.url_path == info.url_path), None)
    if registered is None:
        return info
    if info.script_path and info.script_path != registered.script_path:
        raise StreamlitAPIException(
            f"The page references `{info.script_path}`, but a different page is registered "
            f"with `st.navigation` for URL pathname `/{info.url_path}` "
            f"(`{registered.script_path or 'a callable'}`). Pass the page object returned by "
            "`st.navigation` or re-create the page with the matching source."
        )
    if not info.script_path and registered.script_path:
        raise StreamlitAPIException(
            "The page is a callable, but a file-based page "
            f"(`{registered.script_path}`) is registered with `st.navigation` for URL "
            f"pathname `/{info.url_path}`. Pass the page object returned by `st.navigation` "
            "or re-create the page with the matching source."
        )
    return registered


def _query_items(
    params: Mapping[str, str | Iterable[str]] | Iterable[tuple[str, str]] | None,
) -> list[tuple[str, str]]:
    if params is None:
        return []
    if isinstance(params, str | bytes):
        raise type_error(
            "query_params", type(params).__name__, ["mapping", "iterable of (key, value) pairs"]
        )
    pairs = params.items() if isinstance(params, Mapping) else params
    items: list[tuple[str, str]] = []
    for pair in pairs:
        key, value = pair
        if isinstance(value, dict):
            raise type_error("query_params", "dict", ["str", "iterable of str"])
        if isinstance(value, str) or not isinstance(value, Iterable):
            items.append((str(key), str(value)))
        else:
            items.extend((str(key), str(v)) for v in value)
    return items


class PageLinkMixin(DeltaGeneratorCore):
    def page_link(
        self,
        page: str | os.PathLike[str] | Page,
        *,
        label: str | None = None,
        icon: str | None = None,
        icon_position: Literal["left", "right"] = "left",
        help: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: int | str = "content",
        query_params: Mapping[str, str | Iterable[str]] | Iterable[tuple[str, str]] | None = None,
    ) -> Self:
        """Display a link to another page of the app, or to a web page.

        `page` is an `st.Page` given to `st.navigation`, or a path relative to the main script
        (`"app.py"`, `"pages/page_1.py"`): a click runs that page, as a click on it in the
        page menu does (its label, icon and help, unless given, are the page's). Or an http(s)
        URL, which opens in a new tab (`label` is then required). `icon` is an emoji or
        `":material/name:"`; `query_params` become the linked page's query string. In the
        sidebar the link spans its width.
        """
        if not isinstance(page, str | os.PathLike | Page):
            raise type_error("page", type(page).__name__, ["str", "Path", "st.Page"])
        _check_icon_position(icon_position)
        query = urlencode(_query_items(query_params))
        width = _width(width, use_container_width)
        check_size("width", width, True)
        if width == "content" and use_container_width is None and self._root_name() == "sidebar":
            width = "stretch"
        target = page.external_url or "" if isinstance(page, Page) else os.fspath(page)
        if isinstance(page, Page):
            label = page.title if label is None else label
            icon = page.icon if icon is None else icon
            help = page.help or None if help is None else help
        props: PageLinkProps
        if _is_url(target):
            if not label:
                raise StreamlitAPIException(
                    "The `label` parameter is required. Streamlit cannot infer a label for an "
                    "external URL."
                )
            props = {"page": target, "label": str(label), "external": True}
        else:
            ctx = get_run_context()
            if ctx is None:
                return self
            linked = _linked_page(ctx.session, page)
            if linked.help and help is None:
                help = linked.help
            props = {
                "page": linked.url_path,
                "label": linked.label if label is None else str(label),
            }
        if icon is not None and icon != "":
            props["icon"] = validate_icon(icon)
        if icon_position == "right":
            props["icon_position"] = "right"
        tip = None if help is None else dedent(str(help)).strip()
        if tip:
            props["help"] = tip
        if disabled:
            props["disabled"] = True
        if query:
            props["query"] = query
        if width == "stretch":
            props["width"] = "stretch"
        elif isinstance(width, int):
            props["width"] = width
        return self._enqueue("page_link", as_props(props))


def _is_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https")
