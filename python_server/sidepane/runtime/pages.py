"""Multipage apps, the `pages/` folder form: which pages an app has, and which one a run runs.

As in Streamlit 1.67, the main script is the first page and every `pages/*.py` beside it is
another, ordered by a leading number, then by name. A page's URL path is its file name without
the number, an emoji or the `.py` (`pages/01_📈_Sales_report.py` → `/Sales_report`, labelled
"Sales report" with the icon 📈); the main page's URL path is empty (the app's root).
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from sidepane.elements.status import _emoji_patterns
from sidepane.errors import StreamlitAPIException

PAGES_DIR = "pages"
_FILE_NAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


@dataclass(frozen=True)
class Page:
    """One page of an app."""

    script_path: str  # absolute (the main script's and the pages folder's links resolved)
    url_path: str  # "" for the main page
    label: str
    icon: str  # an emoji, or ""

    def wire(self) -> dict[str, str]:
        """The page as the `pages` frame lists it (docs/protocol.md)."""
        entry = {"name": self.url_path, "label": self.label}
        if self.icon:
            entry["icon"] = self.icon
        return entry


def icon_and_name(file_name: str) -> tuple[str, str]:
    """A page file's (emoji, name): the number prefix goes, runs of `_`/space become one `_`."""
    match = _FILE_NAME.fullmatch(file_name)
    if match is None:
        return "", ""
    name = re.sub(r"[_ ]+", "_", match.group(2)).strip() or match.group(1)
    if not name or name.isascii():
        return "", name
    emoji = _emoji_patterns()[0].match(name)
    return (emoji.group(1), emoji.group(2)) if emoji else ("", name)


def _sort_key(file_name: str) -> tuple[float, str]:
    match = _FILE_NAME.fullmatch(file_name)
    number, label = match.groups() if match else ("", file_name)
    return (float(number) if number else float("inf"), label.lower())


def _page(path: str, *, main: bool) -> Page:
    icon, name = icon_and_name(os.path.basename(path))
    return Page(path, "" if main else name, name.replace("_", " "), icon)


@lru_cache(maxsize=64)
def _resolved(path: str) -> str:
    # Resolving costs a system call per path component; the main script does not move.
    return os.path.realpath(path)


def discover_pages(main_script: str) -> list[Page]:
    """The app's pages: the main script, then `pages/*.py` in order (read from disk each call).

    Two files whose names give the same URL path are Streamlit's error.
    """
    main = _resolved(main_script)
    folder = os.path.join(os.path.dirname(main), PAGES_DIR)
    pages = [_page(main, main=True)]
    try:
        names = os.listdir(folder)
    except OSError:  # no pages folder: a single-page app
        return pages
    files = [n for n in names if n.endswith(".py") and not n.startswith(".") and n != "__init__.py"]
    seen = {icon_and_name(os.path.basename(main))[1]: os.path.basename(main)}
    for name in sorted(files, key=_sort_key):
        page = _page(os.path.join(folder, name), main=False)
        if page.url_path in seen:
            raise StreamlitAPIException(
                f"Two pages resolve to the URL pathname `/{page.url_path}`: "
                f'"{seen[page.url_path]}" and "{PAGES_DIR}/{name}". Rename one of '
                "them: a page's URL pathname comes from its file name."
            )
        seen[page.url_path] = f"{PAGES_DIR}/{name}"
        pages.append(page)
    return pages


def find_page(pages: list[Page], main_script: str, requested: str | os.PathLike[str]) -> Page:
    """The page `st.switch_page(requested)` means: a path relative to the main script's folder
    (or absolute) naming the main script or a file in `pages/`; else Streamlit's error."""
    requested_str = os.fspath(requested)
    if "\x00" in requested_str:
        raise StreamlitAPIException("Page paths must not contain null bytes.")
    main_dir = os.path.dirname(os.path.abspath(main_script))
    target = os.path.realpath(os.path.join(main_dir, requested_str))
    for page in pages:
        if os.path.realpath(page.script_path) == target:
            return page
    raise StreamlitAPIException(
        f"Could not find page: `{requested_str}`. You must provide a file path relative to the "
        f"entrypoint file (from the directory `{os.path.basename(main_dir)}`). Only the "
        "entrypoint file and files in the `pages/` directory are supported."
    )


class Navigation:
    """One session's page: the one the next run runs, as asked by the viewer (its URL, a click
    in the page list), `st.switch_page` or AppTest. Written by any thread, read at a run's start.
    """

    def __init__(self, main_script: str) -> None:
        self._main = main_script
        self._lock = threading.Lock()
        # URL path of the page asked for (None: stay on the current one).
        self._requested: str | None = None
        self.current = ""

    def request(self, url_path: str) -> None:
        """Run the page with this URL path next ("" is the main page; unknown: the main page)."""
        with self._lock:
            self._requested = url_path

    def pages(self) -> list[Page]:
        return discover_pages(self._main)

    def begin_run(self) -> tuple[Page, list[Page], str | None]:
        """The page this run runs, every page, and the URL path asked for if no page has it.

        Raises Streamlit's error when two page files claim one URL path.
        """
        pages = self.pages()
        with self._lock:
            requested, self._requested = self._requested, None
        wanted = self.current if requested is None else requested
        page = next((p for p in pages if p.url_path == wanted), None)
        not_found = None
        if page is None:
            # A page asked for by name that is not (or no longer) there: the main page runs.
            not_found = wanted if requested is not None else None
            page = pages[0]
        self.current = page.url_path
        return page, pages, not_found


def page_url_path(main_script: str, page_script: str) -> str:
    """The URL path of a page file ("" for the main script), without looking at other pages."""
    if os.path.realpath(page_script) == os.path.realpath(main_script):
        return ""
    return icon_and_name(os.path.basename(page_script))[1]
