"""Every frame of docs/protocol.md: runtime → viewer and viewer → runtime, one TypedDict per `t`.

Each frame's `t` is its registry key (not a field here): the validator and the TypeScript
generator add it. An upsert's `props` are `dict[str, Any]` in the frame and are checked per
element type against `ELEMENTS` (schema/elements/).
"""

from typing import Annotated, Any, Literal

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.registry import runtime_frame, viewer_frame

Path = Annotated[
    list[str | int],
    "A node's address: a root name (`main`, `sidebar`), then child indexes.",
]

# ---- runtime → viewer ----


@runtime_frame("run_start")
class RunStartFrame(TypedDict):
    """A run of the script began; the viewer keeps what it shows until `run_end`."""

    session: str
    run: Annotated[int, "Increases by one for each run of the session, starting at 1."]
    script: Annotated[str, "The main script's absolute path."]
    fragment: NotRequired[
        Annotated[str, "A fragment's run: its id. Absent: the whole script runs."]
    ]
    scope: NotRequired[
        Annotated[
            list[Path],
            "A fragment's run: the only paths it may redraw or remove (its block, and the "
            "blocks it keeps in containers outside it); everything else stays as it is.",
        ]
    ]


@runtime_frame("upsert")
class UpsertFrame(TypedDict):
    """Put a node at `path`: same type keeps its children, another type replaces its subtree."""

    run: int
    path: Path
    type: Annotated[str, "The element or block type; its props are declared per type."]
    props: dict[str, Any]


RunStatus = Literal["ok", "error", "stopped", "interrupted"]


@runtime_frame("run_end")
class RunEndFrame(TypedDict):
    """The run finished; the viewer removes `remove` now."""

    run: int
    status: RunStatus
    remove: Annotated[list[Path], "Paths this run did not produce (minimal: no descendants)."]
    ms: Annotated[float, "The run's duration in milliseconds."]
    fragment: NotRequired[Annotated[str, "A fragment's run: its id (as in its `run_start`)."]]


@runtime_frame("payload")
class PayloadFrame(TypedDict):
    """A large piece of data referenced from props by `hash`, sent once per connection."""

    hash: Annotated[str, "xxh3-128 of the content, 32 lower-case hex characters."]
    kind: Literal["column", "media"]
    data: Annotated[Any, "`column`: one batch of a dataframe column; `media`: the bytes."]


@runtime_frame("page_config")
class PageConfigFrame(TypedDict):
    """`st.set_page_config` changed the page's configuration."""

    title: str | None
    icon: str | None
    layout: Literal["centered", "wide"]
    sidebar: Literal["auto", "expanded", "collapsed"]


class PageEntry(TypedDict):
    name: Annotated[str, "The page's URL path; `''` for the main (default) page."]
    label: Annotated[str, "The page's title (Markdown, inline)."]
    icon: NotRequired[Annotated[str, "An emoji or `:material/name:`."]]
    section: NotRequired[
        Annotated[str, "`st.navigation`'s section header the page is listed under."]
    ]
    hidden: NotRequired[Annotated[bool, "Left out of the menu (still reachable by its URL)."]]
    help: NotRequired[Annotated[str, "The page's tooltip in the menu (Markdown)."]]
    url: NotRequired[Annotated[str, "An external page: the URL it opens in a new tab."]]


@runtime_frame("pages")
class PagesFrame(TypedDict):
    """The app's pages and the one this run runs (sent when the viewer does not hold them)."""

    pages: list[PageEntry]
    current: Annotated[str, "The `name` of the page this run runs."]
    not_found: NotRequired[Annotated[str, "A page the viewer asked for that no page has."]]
    position: NotRequired[
        Annotated[
            Literal["sidebar", "top", "hidden"],
            "Where the menu is drawn (`st.navigation`'s `position`); absent: the sidebar.",
        ]
    ]
    expanded: NotRequired[
        Annotated[
            bool | int,
            "`True`: never collapsed; a number: pages shown collapsed (absent: 10).",
        ]
    ]
    keep_body: NotRequired[
        Annotated[
            bool,
            "The page changed after this run drew elements (the entry script's frame around "
            "the page): keep the body, the run's end removes what it did not draw.",
        ]
    ]


@runtime_frame("app_config")
class AppConfigFrame(TypedDict):
    """The app's `.streamlit/config.toml` options the viewer applies: sent before the first run
    of a connection and whenever they change (`st.set_option`)."""

    theme: Annotated[
        dict[str, Any],
        "The `[theme]` options set, keyed as in config.toml after `theme.` (`primaryColor`, "
        "`sidebar.backgroundColor`, `dark.textColor`…). Empty: the viewer keeps its own theme "
        "(VS Code's in the panel, else the system's); any key: it wins over VS Code's colours.",
    ]
    show_sidebar_navigation: Annotated[
        bool, "`client.showSidebarNavigation`: false hides the page list of a multipage app."
    ]


class LogoImage(TypedDict):
    kind: Literal["image", "icon", "emoji"]
    value: Annotated[
        str,
        "`image`: a URL, or a `media` payload's hash when `mimetype` is given; `icon`: "
        "`:material/name:`; `emoji`: the emoji.",
    ]
    mimetype: NotRequired[Annotated[str, "An image held in a payload: its type."]]


@runtime_frame("logo")
class LogoFrame(TypedDict):
    """`st.logo`: the logo at the top of the sidebar and of the app, sent when it changes. Absent
    `image`: no logo (a whole run that did not call `st.logo`)."""

    image: NotRequired[LogoImage]
    size: NotRequired[Literal["small", "medium", "large"]]
    link: NotRequired[Annotated[str, "An http(s) URL the logo opens in a new tab."]]
    icon_image: NotRequired[
        Annotated[LogoImage, "Shown instead of `image` at the top of the app (sidebar closed)."]
    ]


@runtime_frame("toast")
class ToastFrame(TypedDict):
    """Show a transient notification."""

    run: int
    body: str
    icon: str | None
    duration: Annotated[int, "Seconds to show it; 0: until the person closes it."]


@runtime_frame("query_params")
class QueryParamsFrame(TypedDict):
    """The script changed `st.query_params`; the viewer updates its URL (a key may repeat)."""

    params: list[tuple[str, str]]


@runtime_frame("auth_redirect")
class AuthRedirectFrame(TypedDict):
    """`st.login()` / `st.logout()`: the browser leaves the page for a sign-in route."""

    url: Annotated[
        str, "A path on the app's server (`/auth/login?provider=…`, `/auth/logout`) to navigate to."
    ]
    app_url: NotRequired[
        Annotated[
            str,
            "The app's address in a browser (the origin of `[auth] redirect_uri`): a viewer that "
            "cannot navigate (the VS Code panel) offers to open it there instead.",
        ]
    ]


@runtime_frame("error")
class ErrorFrame(TypedDict):
    """A protocol-level problem for the viewer to show (e.g. `code: "version"`)."""

    code: str
    message: str


@runtime_frame("source_changed")
class SourceChangedFrame(TypedDict):
    """A file of the app changed on disk and run-on-save is off: offer Rerun / Always rerun."""

    path: Annotated[str, "The absolute path of the file saved."]


@runtime_frame("debug")
class DebugFrame(TypedDict):
    """A debugger holds run `run` at file:line (`paused`), or let it go on."""

    run: int
    paused: bool
    file: NotRequired[str]
    line: NotRequired[int]


@runtime_frame("upload_status")
class UploadStatusFrame(TypedDict):
    """The answer to an `upload` chunk: exactly one of `received` and `error`."""

    id: Annotated[str, "The uploader widget's id."]
    hash: str
    received: NotRequired[Annotated[int, "Bytes of the file held so far."]]
    error: NotRequired[Annotated[str, "Why the file is refused, in words for the person."]]


# ---- viewer → runtime ----


class Viewport(TypedDict):
    w: int
    h: int


@viewer_frame("hello")
class HelloFrame(TypedDict):
    """The first message of a connection (and again after bytes that were not msgpack)."""

    v: Annotated[int, "The viewer's protocol version."]
    viewport: NotRequired[Viewport]
    theme: NotRequired[Literal["light", "dark"]]
    query: NotRequired[Annotated[str, "The page's query string, without `?`."]]
    page: NotRequired[Annotated[str, "The page to run (a `name` of the `pages` frame)."]]
    page_file: NotRequired[
        Annotated[
            str,
            "A page's script (absolute path) to run instead of `page`: the runtime runs the page "
            "that runs that file (Preview App on a page file in VS Code).",
        ]
    ]
    widgets: NotRequired[Annotated[dict[str, Any], "Widget ids → wire values held."]]
    locale: NotRequired[Annotated[str, "The browser's language (`navigator.language`)."]]
    timezone: NotRequired[Annotated[str, "The browser's IANA time zone (`Europe/Berlin`)."]]
    timezone_offset: NotRequired[
        Annotated[int, "Minutes from local time to UTC (`Date.getTimezoneOffset()`)."]
    ]
    url: NotRequired[Annotated[str, "The page's address as the browser shows it."]]
    embedded: NotRequired[Annotated[bool, "The viewer runs inside a frame (`?embed=true`)."]]


@viewer_frame("widget_value")
class WidgetValueFrame(TypedDict):
    """The person changed widget `id` to `value` while the viewer showed run `run`."""

    id: str
    value: Annotated[Any, "The widget's wire value (docs/protocol.md, Widgets)."]
    run: int
    values: NotRequired[
        Annotated[dict[str, Any], "Other widget ids → wire values, applied together."]
    ]


@viewer_frame("rerun")
class RerunFrame(TypedDict):
    """Run the script again with the current widget values (with `page`: that page)."""

    page: NotRequired[str]
    page_file: NotRequired[Annotated[str, "As `hello`'s: the page that runs this file."]]
    query: NotRequired[str]


@viewer_frame("stop")
class StopFrame(TypedDict):
    """Stop the run in progress."""


@viewer_frame("run_on_save")
class RunOnSaveFrame(TypedDict):
    """Turn rerun-on-save on or off for this viewer."""

    enabled: bool


@viewer_frame("upload")
class UploadFrame(TypedDict):
    """One chunk of a file chosen in uploader widget `id`, in a message of its own."""

    id: str
    hash: Annotated[str, "Names the file (the viewer uses the hex SHA-256 of its bytes)."]
    name: str
    type: Annotated[str, "The file's MIME type."]
    size: NotRequired[Annotated[int, "The whole file's length in bytes (default: this chunk's)."]]
    offset: NotRequired[Annotated[int, "Where this chunk starts (default 0)."]]
    data: bytes


@viewer_frame("visibility")
class VisibilityFrame(TypedDict):
    """The viewer was hidden or shown again (a VS Code panel): `run_every` fragments pause
    while it is hidden."""

    visible: bool
