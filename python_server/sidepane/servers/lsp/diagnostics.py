"""A failed run as an LSP diagnostic on the line a person should look at.

That line is the innermost traceback frame in the script or one of its local modules (under the
script's folder, not an installed package, not Sidepane itself); for a SyntaxError in one of
those files, the offending line itself. Columns are UTF-16 code units, the LSP default.
"""

from __future__ import annotations

import linecache
import os
import traceback
from dataclasses import dataclass

from lsprotocol import types

from sidepane.runtime.runner import RunResult

SOURCE = "sidepane"
_OWN_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@dataclass(frozen=True)
class Location:
    path: str
    line: int  # 0-based
    start: int  # UTF-16 units
    end: int


def diagnostics_for(
    result: RunResult, script_path: str
) -> dict[str, list[types.Diagnostic]] | None:
    """The diagnostics a finished run leaves, by file path: `{}` clears them (the run did not
    raise), None leaves them as they are (the run was interrupted, so it tells nothing, or it
    was a fragment's run that did not raise: the rest of the script did not run)."""
    if result.status == "interrupted":
        return None
    exc = result.error
    if exc is None:
        return {} if result.fragment is None else None
    where = locate(exc, os.path.dirname(script_path)) or Location(script_path, 0, 0, 0)
    diagnostic = types.Diagnostic(
        range=types.Range(
            start=types.Position(line=where.line, character=where.start),
            end=types.Position(line=where.line, character=where.end),
        ),
        message=describe(exc),
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
    return {where.path: [diagnostic]}


def describe(exc: BaseException) -> str:
    """`Type: message`, as the exception element shows it."""
    t = type(exc)
    name = (
        t.__qualname__
        if t.__module__ in ("builtins", "__main__")
        else f"{t.__module__}.{t.__qualname__}"
    )
    message = (exc.msg or "invalid syntax") if isinstance(exc, SyntaxError) else str(exc)
    return f"{name}: {message}" if message else name


def locate(exc: BaseException, script_dir: str) -> Location | None:
    """Where `exc` points in the app's own files, or None if it never passed through them."""
    if isinstance(exc, SyntaxError) and exc.filename and exc.lineno:
        path = os.path.abspath(exc.filename)
        if _is_local(path, script_dir):
            return _syntax_error_location(exc, path)
    for fs in reversed(traceback.extract_tb(exc.__traceback__)):
        if fs.filename.startswith("<") or fs.lineno is None:
            continue
        path = os.path.abspath(fs.filename)
        if _is_local(path, script_dir):
            return _frame_location(fs, path)
    return None


def _is_local(path: str, script_dir: str) -> bool:
    if not path.startswith(script_dir + os.sep) or path.startswith(_OWN_PACKAGE_DIR + os.sep):
        return False
    parts = path.split(os.sep)
    return "site-packages" not in parts and "dist-packages" not in parts


def _frame_location(fs: traceback.FrameSummary, path: str) -> Location:
    line_no = fs.lineno or 1
    text = linecache.getline(path, line_no).rstrip("\r\n")
    # Python 3.11+ knows the failing expression's columns (UTF-8 byte offsets in the line).
    colno, end_colno = getattr(fs, "colno", None), getattr(fs, "end_colno", None)
    if (
        colno is not None
        and end_colno is not None
        and getattr(fs, "end_lineno", line_no) == line_no
        and end_colno > colno
    ):
        raw = text.encode("utf-8")
        start = _utf16_len(raw[:colno].decode("utf-8", "replace"))
        end = _utf16_len(raw[:end_colno].decode("utf-8", "replace"))
        return Location(path, line_no - 1, start, end)
    return _whole_line(path, line_no, text)


def _syntax_error_location(exc: SyntaxError, path: str) -> Location:
    line_no = exc.lineno or 1
    linecache.checkcache(path)  # the file was just edited: never read a stale copy
    text = linecache.getline(path, line_no).rstrip("\r\n") or (exc.text or "").rstrip("\r\n")
    offset = exc.offset or 0  # 1-based, in characters
    if offset < 1 or offset > len(text) + 1:
        return _whole_line(path, line_no, text)
    end_offset = getattr(exc, "end_offset", None) or 0
    same_line = (getattr(exc, "end_lineno", None) or line_no) == line_no
    stop = end_offset - 1 if same_line and end_offset > offset else len(text)
    start = _utf16_len(text[: offset - 1])
    end = max(_utf16_len(text[: max(stop, offset)]), start + 1)
    return Location(path, line_no - 1, start, end)


def _whole_line(path: str, line_no: int, text: str) -> Location:
    indent = len(text) - len(text.lstrip())
    return Location(path, line_no - 1, _utf16_len(text[:indent]), _utf16_len(text.rstrip()))


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
