"""`st.switch_page`: move a multipage app (a `pages/` folder beside the script) to another page."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import NoReturn

from sidepane.elements.arguments import type_error
from sidepane.runtime.context import get_run_context
from sidepane.runtime.control import RerunRequested
from sidepane.runtime.pages import find_page


def switch_page(
    page: str | os.PathLike[str],
    *,
    query_params: Mapping[str, str | Iterable[str]] | Iterable[tuple[str, str]] | None = None,
) -> NoReturn:
    """Stop this run and run another page of the app, as a click on it in the page list would.

    `page` is a path relative to the main script (the file passed to `sidepane run`): the main
    script itself (`"app.py"`) or a file in its `pages/` folder (`"pages/page_1.py"`). Widgets
    of the page left behind are dropped; `st.session_state` keys the script set are kept.
    `query_params` (a dict or (key, value) pairs) become the new page's query string; by
    default it has none.
    """
    if not isinstance(page, str | os.PathLike):
        raise type_error("page", type(page).__name__, ["str", "Path"])
    items = _query_items(query_params)
    ctx = get_run_context()
    if ctx is None:
        return  # type: ignore[misc]  # bare mode: there is no app to switch
    session = ctx.session
    target = find_page(session.navigation.pages(), session.app.script_path, page)
    ctx.yield_point()
    session.query_params.items = items
    ctx.writer.query_params([[k, v] for k, v in items])
    session.navigation.request(target.url_path)
    session.request_rerun()
    raise RerunRequested


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
