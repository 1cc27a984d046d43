"""`st.exception` and the element a failed run leaves where the script stopped."""

from __future__ import annotations

import os
import traceback
from typing import TYPE_CHECKING

from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.errors import MarkdownFormattedException, SidepaneAPIException
from sidepane.protocol.schema.elements.text import ExceptionProps, TracebackFrame
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import get_run_context

if TYPE_CHECKING:
    from typing_extensions import Self

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _is_library(path: str) -> bool:
    return "site-packages" in path or "dist-packages" in path or path.startswith("<")


def exception_props(exc: BaseException, script_dir: str | None) -> ExceptionProps:
    """The `exception` element for `exc`: type, message and the frames a person can act on.

    Sidepane's own frames are cut; each remaining frame says whether it is the user's code
    (under the script's folder) so a viewer can fold library frames.
    """
    frames: list[TracebackFrame] = []
    for fs in traceback.extract_tb(exc.__traceback__):
        path = os.path.abspath(fs.filename) if not fs.filename.startswith("<") else fs.filename
        if path.startswith(_PACKAGE_DIR + os.sep):
            continue
        user = (
            script_dir is not None
            and path.startswith(script_dir + os.sep)
            and not _is_library(path)
        )
        frames.append(
            {
                "file": path,
                "line": fs.lineno or 0,
                "name": fs.name,
                "code": fs.line or "",
                "user": user,
            }
        )
    # Stripped, as Streamlit shows it (messages such as the form errors end in a newline).
    message = str(exc).strip()
    if isinstance(exc, SyntaxError):
        message = exc.msg or "invalid syntax"
        if exc.filename and exc.lineno:
            frames.append(
                {
                    "file": os.path.abspath(exc.filename),
                    "line": exc.lineno,
                    "name": "<module>",
                    "code": (exc.text or "").rstrip("\n"),
                    "user": True,
                    "col": exc.offset or 0,
                }
            )
    t = type(exc)
    if t is SidepaneAPIException:
        # Scripts import it as streamlit.errors.StreamlitAPIException: the name they know.
        type_name = "StreamlitAPIException"
    elif t.__module__ in ("builtins", "__main__") or t.__module__.startswith("sidepane."):
        type_name = t.__qualname__
    else:
        type_name = f"{t.__module__}.{t.__qualname__}"
    props: ExceptionProps = {"type": type_name, "message": message, "frames": frames}
    if isinstance(exc, MarkdownFormattedException):
        props["markdown"] = True
    if isinstance(exc, Warning):
        props["warning"] = True
    notes = getattr(exc, "__notes__", None)
    if notes:
        props["note"] = "\n".join(str(n) for n in notes)
    return props


# Streamlit's words for an uncaught exception whose message `client.showErrorDetails` withholds.
REDACTED_MESSAGE = (
    "This app has encountered an error. The original error message is redacted to prevent data "
    "leaks. Full error details have been recorded in the logs (if you're on Streamlit Cloud, "
    "click on 'Manage app' in the lower right of your app)."
)


def redact(props: ExceptionProps, show_error_details: object) -> ExceptionProps:
    """An uncaught exception as `client.showErrorDetails` lets the page show it: `full` (or
    true) all; `stacktrace` (or false) the type and traceback; `type` the type; `none` nothing
    but Streamlit's generic message. Whatever is withheld never leaves the runtime."""
    from sidepane.runtime.config import full_error_details

    setting = show_error_details
    show_message = full_error_details(setting)
    show_trace = show_message or setting == "stacktrace" or setting in (False, "false", "False")
    show_type = show_trace or setting == "type"
    if show_message:
        return props
    out: ExceptionProps = {
        "type": props["type"] if show_type else "",
        "message": REDACTED_MESSAGE,
        "frames": props["frames"] if show_trace else [],
    }
    if "warning" in props:
        out["warning"] = props["warning"]
    return out


class ExceptionMixin(DeltaGeneratorCore):
    def exception(self, exception: BaseException, width: int | str = "stretch") -> Self:
        """Display an exception: its type, message and traceback, with file and line per frame."""
        ctx = get_run_context()
        script_dir = ctx.session.app.script_dir if ctx is not None else None
        return self._enqueue("exception", as_props(exception_props(exception, script_dir)))

    def _uncaught_exception(self, exception: BaseException) -> None:
        """Where a run stopped on an exception: drawn as `client.showErrorDetails` says
        (`st.exception` itself always shows everything, as in Streamlit)."""
        from sidepane.runtime.config import current_config

        ctx = get_run_context()
        script_dir = ctx.session.app.script_dir if ctx is not None else None
        props = exception_props(exception, script_dir)
        setting = current_config().get("client.showErrorDetails")
        self._enqueue("exception", as_props(redact(props, setting)))
