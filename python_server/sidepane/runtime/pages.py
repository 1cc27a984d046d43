"""Multipage apps: which pages an app has, and which one a run runs.

Two forms, as in Streamlit 1.67. The `pages/` folder: the main script is the first page and
every `pages/*.py` beside it is another, ordered by a leading number, then by name. A page's URL
path is its file name without the number, an emoji or the `.py` (`pages/01_📈_Sales_report.py`
→ `/Sales_report`, labelled "Sales report" with the icon 📈); the main page's URL path is empty
(the app's root). Or `st.navigation` (elements/page_menu.py): the main script runs every time as
the frame around the page it names; once any session of the app calls it, the `pages/` folder is
ignored (`SharedPages.uses_navigation`).
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from sidepane.errors import StreamlitAPIException

PAGES_DIR = "pages"
_FILE_NAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


@dataclass(frozen=True)
class Page:
    """One page of an app."""

    script_path: str  # absolute (links resolved); "" for a callable or an external page
    url_path: str  # "" for the main (default) page
    label: str
    icon: str  # an emoji, ":material/name:", or ""
    section: str = ""
    hidden: bool = False
    help: str = ""
    external: str = ""  # an external page's URL

    def wire(self) -> dict[str, Any]:
        """The page as the `pages` frame lists it (docs/protocol.md)."""
        entry: dict[str, Any] = {"name": self.url_path, "label": self.label}
        for key, value in (
            ("icon", self.icon),
            ("section", self.section),
            ("hidden", self.hidden),
            ("help", self.help),
            ("url", self.external),
        ):
            if value:
                entry[key] = value
        return entry


Position = Literal["sidebar", "top", "hidden"]


@dataclass(frozen=True)
class Menu:
    """What one `st.navigation` call declared: its pages (in order) and how they are shown."""

    pages: list[Page]
    default: Page
    position: Position = "sidebar"
    expanded: bool | int = False

    def find(self, url_path: str) -> Page | None:
        """The internal page with this URL path (the default page's is "")."""
        return next((p for p in self.pages if p.url_path == url_path and not p.external), None)

    def frame_fields(self) -> dict[str, Any]:
        """The `pages` frame's fields beyond the list: `position` always (it says the pages are
        st.navigation's), `expanded` unless at its default."""
        fields: dict[str, Any] = {"position": self.position}
        if self.expanded is not False:
            fields["expanded"] = self.expanded
        return fields


@dataclass
class SharedPages:
    """What the sessions of one app share about its pages (Streamlit's PagesManager class
    state): whether `st.navigation` is in use, and the page files it named (watched for saves)."""

    uses_navigation: bool = False
    last_menu: Menu | None = None
    files: frozenset[str] = field(default_factory=frozenset)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def register(self, menu: Menu) -> None:
        files = frozenset(p.script_path for p in menu.pages if p.script_path)
        with self.lock:
            self.uses_navigation = True
            self.last_menu = menu
            self.files = self.files | files


@dataclass(frozen=True)
class PagesUpdate:
    """A `pages` frame to send: the pages, the current one, and how the menu looks."""

    pages: list[Page]
    current: str
    not_found: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def icon_and_name(file_name: str) -> tuple[str, str]:
    """A page file's (emoji, name): the number prefix goes, runs of `_`/space become one `_`."""
    match = _FILE_NAME.fullmatch(file_name)
    if match is None:
        return "", ""
    name = re.sub(r"[_ ]+", "_", match.group(2)).strip() or match.group(1)
    if not name or name.isascii():
        return "", name
    # Here, not at the top: the server imports this module before it opens its port, and the
    # elements (with the schema) load later, with the `st.` API.
    from sidepane.elements.status import _emoji_patterns

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


def find_page(
    pages: list[Page],
    main_script: str,
    requested: str | os.PathLike[str],
    *,
    uses_pages_folder: bool = True,
) -> Page:
    """The page `st.switch_page(requested)` means: a path relative to the main script's folder
    (or absolute) naming one of `pages` (the main script or a file in `pages/`, or a file
    given to st.navigation); else Streamlit's error."""
    requested_str = os.fspath(requested)
    if "\x00" in requested_str:
        raise StreamlitAPIException("Page paths must not contain null bytes.")
    main_dir = os.path.dirname(os.path.abspath(main_script))
    target = os.path.realpath(os.path.join(main_dir, requested_str))
    for page in pages:
        if page.script_path and os.path.realpath(page.script_path) == target:
            return page
    if not uses_pages_folder:
        raise StreamlitAPIException(
            f"Could not find page: `{requested_str}`. You must provide a `Page` object or file "
            "path relative to the entrypoint file. Only pages previously defined by `st.Page` "
            "and passed to `st.navigation` are allowed."
        )
    raise StreamlitAPIException(
        f"Could not find page: `{requested_str}`. You must provide a file path relative to the "
        f"entrypoint file (from the directory `{os.path.basename(main_dir)}`). Only the "
        "entrypoint file and files in the `pages/` directory are supported."
    )


class Navigation:
    """One session's page: the one the next run runs, as asked by the viewer (its URL, a click
    in the page list), `st.switch_page` or AppTest. Written by any thread, read at a run's start.
    """

    def __init__(self, main_script: str, shared: SharedPages | None = None) -> None:
        self._main = main_script
        self.shared = shared if shared is not None else SharedPages()
        self._lock = threading.Lock()
        # URL path of the page asked for (None: stay on the current one).
        self._requested: str | None = None
        self.current = ""
        # This run's wish, for st.navigation to resolve: (URL path, asked for explicitly).
        self._intent: tuple[str, bool] = ("", False)
        # A page asked for that the pages folder lacks, reported at the run's end unless the
        # run's st.navigation has it.
        self._pending_not_found: str | None = None
        self.menu: Menu | None = None  # this session's last st.navigation
        self.menu_this_run = False
        # st.switch_page asked for the page: the widget state goes with the page left, the
        # entry script's widgets' too (Streamlit's rerun then carries no widget states).
        self._from_script = False
        self.drop_widgets = False
        # The pages of the last run, by real path (page files only): what a save may affect.
        self._listed: dict[str, str] = {}
        # A page asked for by its file before any menu listed it (a VS Code panel's first run).
        self._requested_file: str | None = None
        self._intent_file: str | None = None

    def request_file(self, script_path: str) -> None:
        """Run the page whose script is `script_path` next (found among the pages listed by the
        last run, or by the pages folder; a file no page runs: the main page)."""
        real = os.path.realpath(script_path)
        if real == _resolved(self._main):
            self.request("")
            return
        listed = self._listed.get(real)
        if listed is None and not self.shared.uses_navigation:
            listed = next(
                (p.url_path for p in self._all_pages() if os.path.realpath(p.script_path) == real),
                None,
            )
        with self._lock:
            # Unknown yet (st.navigation has not run in this session): the run's st.navigation
            # finds it by its file.
            self._requested = listed if listed is not None else ""
            self._requested_file = None if listed is not None else real
            self._from_script = False

    def request(self, url_path: str, *, from_script: bool = False) -> None:
        """Run the page with this URL path next ("" is the main page; unknown: the main page).

        `from_script`: st.switch_page asked, which drops every widget's state on a page change.
        """
        with self._lock:
            self._requested = url_path
            self._requested_file = None
            self._from_script = from_script

    def pages(self) -> list[Page]:
        """The pages `st.switch_page` and `st.page_link` may name."""
        if self.shared.uses_navigation:
            menu = self.menu or self.shared.last_menu
            return [] if menu is None else menu.pages
        return discover_pages(self._main)

    def begin_run(self) -> tuple[str, PagesUpdate | None]:
        """The script this run runs, and the `pages` frame to send before it runs.

        Raises Streamlit's error when two page files claim one URL path.
        """
        with self._lock:
            requested, self._requested = self._requested, None
            from_script, self._from_script = self._from_script, False
            self._intent_file, self._requested_file = self._requested_file, None
        wanted = self.current if requested is None else requested
        self.drop_widgets = from_script and wanted != self.current
        self._intent = (wanted, requested is not None)
        self._pending_not_found = None
        self.menu_this_run = False
        if self.shared.uses_navigation:
            # The entry script runs; its st.navigation picks the page. Said now if the last
            # menu has it, so the viewer clears the page left before anything is drawn.
            menu = self.menu or self.shared.last_menu
            page = None if menu is None else menu.find(wanted)
            if menu is None or page is None or self._intent_file is not None:
                return self._main, None
            return self._main, PagesUpdate(menu.pages, page.url_path, None, menu.frame_fields())
        pages = discover_pages(self._main)
        page = next((p for p in pages if p.url_path == wanted), None)
        if page is None:
            # A page asked for by name that is not (or no longer) there: the main page runs,
            # unless its st.navigation has that page (said at the run's end).
            self._pending_not_found = wanted if requested is not None else None
            page = pages[0]
        self.current = page.url_path
        self._list(pages)
        return page.script_path, PagesUpdate(pages, page.url_path)

    def end_run(self) -> PagesUpdate | None:
        """A `pages` frame owed at the run's end: a page not found that no menu claimed."""
        missing, self._pending_not_found = self._pending_not_found, None
        if missing is None or self.menu_this_run:
            return None
        return PagesUpdate(discover_pages(self._main), self.current, missing)

    def resolve(self, menu: Menu) -> tuple[Page, str | None]:
        """st.navigation's page for this run: the one asked for, else the default (and the
        URL path asked for that no page has, which the viewer reports)."""
        self.shared.register(menu)
        self.menu = menu
        self.menu_this_run = True
        self._list(menu.pages)
        wanted, explicit = self._intent
        page = menu.find(wanted)
        if self._intent_file is not None:
            page = next(
                (p for p in menu.pages if p.script_path and p.script_path == self._intent_file),
                None,
            )
            explicit = False  # a file no page runs: the default page, without a banner
        not_found = None
        if page is None:
            not_found = wanted if explicit and wanted else None
            page = menu.default
        self.current = page.url_path
        return page, not_found

    def _all_pages(self) -> list[Page]:
        try:
            return self.pages()
        except StreamlitAPIException:
            return []

    def _list(self, pages: list[Page]) -> None:
        self._listed = {os.path.realpath(p.script_path): p.url_path for p in pages if p.script_path}

    def affected_by(self, path: str) -> bool:
        """Whether saving `path` changes what this session shows: not when it is the file of
        another page of the last run. The entry script, a module a page imports, a page file
        just added (the page list changed): yes."""
        real = os.path.realpath(path)
        owner = self._listed.get(real)
        if owner is None or real == _resolved(self._main):
            return True
        return owner == self.current


def page_url_path(main_script: str, page_script: str) -> str:
    """The URL path of a page file ("" for the main script), without looking at other pages."""
    if os.path.realpath(page_script) == os.path.realpath(main_script):
        return ""
    return icon_and_name(os.path.basename(page_script))[1]
