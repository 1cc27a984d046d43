"""The custom `sidepane/*` LSP methods between the extension and `python -m sidepane lsp`.

Client = the extension, server = the language server (docs/protocol.md, "VS Code").
"""

from dataclasses import dataclass
from typing import Annotated, Literal

from typing_extensions import NotRequired, TypedDict

RunOnSave = Literal["always", "ask", "never"]
RunState = Literal["running", "idle", "error", "paused"]

Base64 = Annotated[str, "A transport message's msgpack bytes, base64-encoded."]


class OpenSessionParams(TypedDict):
    session: str
    script: Annotated[str, "The script's path (a `.py` file)."]
    args: NotRequired[Annotated[list[str], "The script's sys.argv[1:]."]]
    runOnSave: NotRequired[RunOnSave]


class OpenSessionResult(TypedDict):
    session: str
    script: Annotated[str, "The script's absolute path."]
    version: Annotated[str, "The sidepane package's version."]


class MessageParams(TypedDict):
    session: str
    data: Base64


class CloseSessionParams(TypedDict):
    session: str


class ConfigureParams(TypedDict):
    runOnSave: NotRequired[RunOnSave]
    args: NotRequired[list[str]]


class FramesParams(TypedDict):
    session: str
    data: Base64


class StatusParams(TypedDict):
    session: str
    script: str
    state: RunState
    run: int
    ms: NotRequired[Annotated[float, "The run's wall time (at its end)."]]
    file: NotRequired[Annotated[str, "Where a debugger holds the run (state `paused`)."]]
    line: NotRequired[int]


class RunOnSaveChangedParams(TypedDict):
    session: str
    enabled: bool


class StartDebugParams(TypedDict):
    pass


class StartDebugResult(TypedDict):
    """Where the in-process debug adapter (debugpy) listens."""

    host: str
    port: int


class ServeComponentsParams(TypedDict):
    port: Annotated[int, "The loopback port to serve custom components on (0: any free one)."]


class ServeComponentsResult(TypedDict):
    """Where custom components' files are served: http://127.0.0.1:<port>/component/…"""

    port: Annotated[int, "The port bound: the one asked for unless it was taken."]


@dataclass(frozen=True)
class LspMethod:
    """One custom method: who sends it, whether it is answered, and its shapes."""

    name: str
    direction: Literal["client→server", "server→client"]
    kind: Literal["request", "notification"]
    params: type
    result: type | None


OPEN_SESSION = "sidepane/openSession"
MESSAGE = "sidepane/message"
CLOSE_SESSION = "sidepane/closeSession"
CONFIGURE = "sidepane/configure"
FRAMES = "sidepane/frames"
STATUS = "sidepane/status"
RUN_ON_SAVE_CHANGED = "sidepane/runOnSaveChanged"
START_DEBUG = "sidepane/startDebug"
SERVE_COMPONENTS = "sidepane/serveComponents"

_TO_SERVER: Literal["client→server"] = "client→server"
_TO_CLIENT: Literal["server→client"] = "server→client"

LSP_METHODS: dict[str, LspMethod] = {
    m.name: m
    for m in (
        LspMethod(OPEN_SESSION, _TO_SERVER, "request", OpenSessionParams, OpenSessionResult),
        LspMethod(MESSAGE, _TO_SERVER, "notification", MessageParams, None),
        LspMethod(CLOSE_SESSION, _TO_SERVER, "notification", CloseSessionParams, None),
        LspMethod(CONFIGURE, _TO_SERVER, "notification", ConfigureParams, None),
        LspMethod(FRAMES, _TO_CLIENT, "notification", FramesParams, None),
        LspMethod(STATUS, _TO_CLIENT, "notification", StatusParams, None),
        LspMethod(RUN_ON_SAVE_CHANGED, _TO_CLIENT, "notification", RunOnSaveChangedParams, None),
        LspMethod(START_DEBUG, _TO_SERVER, "request", StartDebugParams, StartDebugResult),
        LspMethod(
            SERVE_COMPONENTS,
            _TO_SERVER,
            "request",
            ServeComponentsParams,
            ServeComponentsResult,
        ),
    )
}
"""Every custom method, by name."""
