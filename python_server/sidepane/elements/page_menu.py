"""`st.Page` and `st.navigation`: a multipage app declared in its entry script.

The entry script runs on every rerun as the frame around the page: `st.navigation` names the
page this run shows (the one the viewer asked for, else the default) and returns it; the script
calls `.run()` on it. Runtime side in runtime/pages.py (`Navigation.resolve`).
"""

from __future__ import annotations

import os
import re
import types
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from textwrap import dedent
from typing import Literal, TypeAlias

from sidepane.elements.arguments import type_error, value_error
from sidepane.elements.status import validate_icon
from sidepane.errors import StreamlitAPIException, StreamlitMissingRequiredParameterError
from sidepane.runtime.context import get_run_context
from sidepane.runtime.pages import Menu, PagesUpdate, Position, icon_and_name
from sidepane.runtime.pages import Page as PageInfo
from sidepane.runtime.script_cache import MAGIC_NAME

PageSource: TypeAlias = "str | Path | Callable[[], None]"


class StreamlitPageNotFoundError(StreamlitAPIException):
    """A page file given to `st.Page` (or a path given to `st.switch_page`) is not there."""


class Page:
    """A page of a multipage app, for `st.navigation`.

    `page` is a Python file (a path relative to the entry script, or absolute), a function
    (called to draw the page), or an `http(s)://` URL (a menu link that opens in a new tab; it
    needs a `title`). `title` and `icon` default to what the file or function name gives
    (`01_📈_Sales.py` → "Sales" with 📈); `url_path` (one segment) defaults to the file or
    function name; `default=True` makes it the page at the app's root URL (otherwise the first
    page is). `visibility="hidden"` leaves it out of the menu, still reachable by URL,
    `st.switch_page` and `st.page_link`. `help` is the menu item's tooltip.

    `st.navigation` returns the page to show: call `.run()` on it, once per run.
    """

    def __init__(
        self,
        page: str | Path | Callable[[], None],
        *,
        title: str | None = None,
        icon: str | None = None,
        url_path: str | None = None,
        default: bool = False,
        visibility: Literal["visible", "hidden"] = "visible",
        help: str | None = None,
    ) -> None:
        self._default = bool(default)
        self._external_url: str | None = None
        if visibility not in ("visible", "hidden"):
            raise value_error("visibility", ["visible", "hidden"])
        self._visibility: Literal["visible", "hidden"] = visibility
        self._help = "" if help is None or not str(help).strip() else dedent(str(help)).strip()
        self._page: Path | Callable[[], None] | None = None
        self._title = ""
        self._icon = ""
        self._url_path = ""
        self._can_be_called = False
        ctx = get_run_context()
        if ctx is None:  # `python app.py`: nothing to resolve against
            return
        if isinstance(page, str) and re.match(r"https?://", page):
            self._init_external(page, title, icon, url_path)
            return
        if isinstance(page, str | Path):
            if "\x00" in str(page):
                raise StreamlitAPIException(
                    "Unable to create Page. Page paths must not contain null bytes."
                )
            resolved = (Path(ctx.session.app.script_dir) / page).resolve()
            if not resolved.is_file():
                raise StreamlitPageNotFoundError(
                    f"Unable to create Page. The file `{resolved.name}` could not be found."
                )
            self._page = resolved
            inferred_icon, inferred_name = icon_and_name(resolved.name)
        elif callable(page):
            self._page = page
            inferred_icon, inferred_name = "", str(getattr(page, "__name__", ""))
            if not inferred_name and title is None:
                raise StreamlitMissingRequiredParameterError(
                    "title", detail="Streamlit cannot infer a title from this callable."
                )
        else:
            raise type_error("page", type(page).__name__, ["str", "Path", "callable"])
        self._title = title or inferred_name.replace("_", " ")
        self._icon = validate_icon(icon if icon is not None else inferred_icon)
        if self._title.strip() == "":
            raise StreamlitMissingRequiredParameterError(
                "title", detail="It cannot be empty or consist of underscores/spaces only."
            )
        self._url_path = inferred_name
        if url_path is not None:
            stripped = str(url_path).strip().strip("/")
            if not stripped.strip() and not default:
                raise StreamlitMissingRequiredParameterError(
                    "url_path", detail="It can only be empty for the default page."
                )
            self._url_path = stripped
            _check_single_segment(stripped)

    def _init_external(
        self, url: str, title: str | None, icon: str | None, url_path: str | None
    ) -> None:
        if title is None or title.strip() == "":
            raise StreamlitMissingRequiredParameterError(
                "title",
                detail=(
                    "External URL pages require a non-empty title. "
                    f"Please provide a title for the URL: {url}"
                ),
            )
        if self._default:
            raise StreamlitAPIException(
                "The parameters `page=<external URL>` and `default=True` are incompatible. "
                "External URL pages cannot be set as the default page."
            )
        self._external_url = url
        self._title = title
        self._icon = validate_icon(icon)
        path = (_url_path_of_title(title) if url_path is None else url_path).strip().strip("/")
        if path == "":
            raise StreamlitMissingRequiredParameterError(
                "url_path",
                detail=(
                    "Provide a non-empty `url_path`, or omit it and provide a `title` that "
                    "can be converted to a valid URL path."
                ),
            )
        _check_single_segment(path)
        self._url_path = path

    @property
    def title(self) -> str:
        """The page's title (from the file or function name unless given)."""
        return self._title

    @property
    def icon(self) -> str:
        """The page's icon, or `""`."""
        return self._icon

    @property
    def help(self) -> str:
        """The page's tooltip in the menu, or `""`."""
        return self._help

    @property
    def url_path(self) -> str:
        """The page's URL path relative to the app's root; `""` for the default page."""
        return "" if self._default else self._url_path

    @property
    def visibility(self) -> Literal["visible", "hidden"]:
        """`"visible"`, or `"hidden"` for a page left out of the menu."""
        return self._visibility

    @property
    def is_external(self) -> bool:
        """Whether the page is a link to an external URL."""
        return self._external_url is not None

    @property
    def external_url(self) -> str | None:
        """An external page's URL, else None."""
        return self._external_url

    def run(self) -> None:
        """Draw the page: run its file, or call its function. Only the page `st.navigation`
        returned can run, once per run of the entry script."""
        if not self._can_be_called:
            raise StreamlitAPIException(
                "This page cannot be called directly. Only the page returned from "
                "st.navigation can be called once."
            )
        self._can_be_called = False
        if self.is_external or get_run_context() is None:
            return
        if isinstance(self._page, Path):
            _run_file(str(self._page))
        elif self._page is not None:
            self._page()

    def info(self, section: str) -> PageInfo:
        """The page as the runtime lists it."""
        return PageInfo(
            str(self._page) if isinstance(self._page, Path) else "",
            self.url_path,
            self._title,
            self._icon,
            section,
            self._visibility == "hidden",
            self._help,
            self._external_url or "",
        )

    def __repr__(self) -> str:
        return f"Page(title={self._title!r}, url_path={self.url_path!r})"


StreamlitPage = Page


def _run_file(path: str) -> None:
    from sidepane.runtime.runner import _magic_write  # the runner imports the elements

    ctx = get_run_context()
    assert ctx is not None
    code = ctx.session.app.code_cache.get_code(path)
    module = types.ModuleType("__main__")
    module.__dict__.update({"__file__": path, MAGIC_NAME: _magic_write})
    exec(code, module.__dict__)


def _url_path_of_title(title: str) -> str:
    # An external page's URL path, from its title (Streamlit's rule).
    path = re.sub(r"\s+", "_", title.lower())
    path = re.sub(r"[&#?/\\:*\"<>|']", "", path).strip("_")
    return re.sub(r"_+", "_", path)


def _check_single_segment(url_path: str) -> None:
    if "/" in url_path:
        raise StreamlitAPIException(
            f"The `url_path` `{url_path}` cannot include `/`. Streamlit does not support "
            "nested URL pathnames yet, so use a single path segment (e.g. `foo_bar`)."
        )


PageLike: TypeAlias = "str | Path | Callable[[], None] | Page"


def _as_page(page: PageLike) -> Page:
    if isinstance(page, Page):
        return page
    if isinstance(page, str | Path) or callable(page):
        return Page(page)
    raise type_error("pages", type(page).__name__, ["str", "Path", "callable", "st.Page"])


def navigation(
    pages: Sequence[PageLike] | Mapping[str, Sequence[PageLike]],
    *,
    position: Position = "sidebar",
    expanded: bool | int = False,
) -> Page:
    """Declare the pages of a multipage app, and get the page to show.

    Call it in the entry script (the file given to `sidepane run`), which then runs on every
    rerun as the frame around the page: what it draws is shared by all pages. Call `.run()` on
    the returned page to draw it. `pages` is a list of `st.Page`s (or files and functions,
    made into pages), or a dict of section header → list, drawn as labelled groups. Each page
    needs its own URL path. `position`: the menu at the top of the sidebar (`"sidebar"`), in a
    bar across the top (`"top"`), or not shown (`"hidden"`); a single page shows no menu.
    `expanded`: `True` never collapses a long menu; a number is how many pages a collapsed menu
    shows (default 10, collapsed past 12). Once an app calls it, its `pages/` folder is ignored.
    """
    if not isinstance(position, str) or position not in ("sidebar", "hidden", "top"):
        raise value_error("position", ["'sidebar'", "'hidden'", "'top'"])
    if not isinstance(expanded, bool | int):
        raise type_error("expanded", type(expanded).__name__, ["bool", "int"])
    if not isinstance(expanded, bool) and expanded < 0:
        raise value_error(
            "expanded",
            ["True", "False", "a non-negative integer"],
            f"Provided value: {expanded!r}.",
        )
    if isinstance(pages, Mapping):
        sections = {str(h): [_as_page(p) for p in ps] for h, ps in pages.items()}
    elif isinstance(pages, Sequence) and not isinstance(pages, str):
        sections = {"": [_as_page(p) for p in pages]}
    else:
        raise type_error("pages", type(pages).__name__, ["list", "dict"])
    listed = [(header, page) for header, ps in sections.items() for page in ps]
    if not listed:
        raise StreamlitMissingRequiredParameterError(
            "pages", detail="Provide at least one `st.Page`."
        )
    default = _default_page([page for _, page in listed])
    ctx = get_run_context()
    if ctx is None:
        default._can_be_called = True
        return default
    _check_unique_paths(listed, ctx.session.app.script_dir)
    infos = [page.info(header) for header, page in listed]
    menu = Menu(
        infos,
        infos[next(i for i, (_, p) in enumerate(listed) if p is default)],
        position,
        expanded if expanded is True or expanded > 0 else False,
    )
    session = ctx.session
    previous = session.navigation.current
    info, not_found = session.navigation.resolve(menu)
    chosen = next(p for (_, p), i in zip(listed, infos, strict=True) if i is info)
    # The entry script may have drawn into the body before this call: if the page changed
    # now, the viewer keeps that and this run's end prunes the page left.
    drew = any(path[0] == "main" for path in ctx.produced)
    update = PagesUpdate(infos, info.url_path, not_found, menu.frame_fields())
    session.show_pages(update, keep_body=drew and previous != info.url_path)
    chosen._can_be_called = True
    return chosen


def _default_page(pages: list[Page]) -> Page:
    defaults = [p for p in pages if p._default]
    if len(defaults) > 1:
        raise StreamlitAPIException(
            "Multiple Pages specified with `default=True`. At most one Page can be set to default."
        )
    if defaults:
        return defaults[0]
    internal = [p for p in pages if not p.is_external]
    if not internal:
        raise StreamlitAPIException(
            "At least one non-external page is required. External URL pages cannot be the "
            "default page."
        )
    internal[0]._default = True
    return internal[0]


def _describe(page: Page, section: str, root: Path) -> str:
    if page.external_url is not None:
        text = f"external URL `{page.external_url}`"
    elif isinstance(page._page, Path):
        shown = page._page.relative_to(root) if page._page.is_relative_to(root) else page._page
        text = f"`{shown}`"
    else:
        text = f'callable titled "{page.title}"'
    notes = [f'section "{section}"'] if section else []
    if page.visibility == "hidden":
        notes.append("hidden")
    if page._default:
        notes.append("default page")
    return f"{text} ({', '.join(notes)})" if notes else text


def _check_unique_paths(listed: list[tuple[str, Page]], script_dir: str) -> None:
    # A default page keeps its own URL path reserved, as in Streamlit.
    seen: dict[str, tuple[str, Page]] = {}
    root = Path(os.path.realpath(script_dir))
    for section, page in listed:
        first = seen.get(page._url_path)
        if first is None:
            seen[page._url_path] = (section, page)
            continue
        note = (
            " The default page is served at the app root, but it still reserves this pathname."
            if first[1]._default or page._default
            else ""
        )
        raise StreamlitAPIException(
            f"Two pages resolve to the URL pathname `/{page._url_path}`: "
            f"{_describe(first[1], first[0], root)} and {_describe(page, section, root)}. "
            "Each page passed to `st.navigation` needs a unique URL pathname, including pages "
            "in different sections, hidden pages, and external URL pages. Streamlit infers the "
            "pathname from the filename, callable name, or the title of an external URL page."
            f"{note} Set a unique `url_path` in `st.Page` for one of these pages."
        )
