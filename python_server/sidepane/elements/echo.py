"""`st.echo`: show the code of a `with` block in the app, then run it."""

from __future__ import annotations

import ast
import logging
import sys
import textwrap
import tokenize
from types import TracebackType
from typing import Literal

log = logging.getLogger("sidepane.echo")


def _block_source(filename: str, line: int) -> str:
    """The dedented source of the body of the `with` statement that starts at `line`."""
    with tokenize.open(filename) as f:  # honours a `# -*- coding` line, as Python does
        lines = f.readlines()
    tree = ast.parse("".join(lines), filename)
    # The frame's line is somewhere in the statement's header (`with (\n st.echo()\n):`).
    headers = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.With | ast.AsyncWith) and node.lineno <= line <= header_end(node)
    ]
    statement = max(headers, key=lambda node: node.lineno, default=None)
    if statement is None:
        raise LookupError(f"no `with` statement on line {line} of {filename}")
    first = statement.body[0]
    # A decorated function or class starts at its first decorator, not at `def`.
    start = min([first.lineno] + [d.lineno for d in getattr(first, "decorator_list", [])])
    end = statement.end_lineno or statement.body[-1].end_lineno or start
    shown = lines[start - 1 : end]
    if first.lineno == start and start <= header_end(statement):
        # `with st.echo(): st.write(...)` on one line: the body only (offsets are in bytes).
        shown[0] = shown[0].encode()[first.col_offset :].decode()
    # Without the last line break, as `st.code` shows a block.
    return textwrap.dedent("".join(shown)).rstrip("\n")


def header_end(statement: ast.With | ast.AsyncWith) -> int:
    """The last line of a `with` statement's header (its context expressions)."""
    return statement.items[-1].context_expr.end_lineno or statement.lineno


class _Echo:
    def __init__(self, code_location: str) -> None:
        from sidepane.elements.delta_generator import main_dg

        self._below = code_location == "below"
        # "above": hold the code's place before the block draws anything.
        self._placeholder = None if self._below else main_dg.empty()
        self._code: str | None = None
        self._error: str | None = None

    def __enter__(self) -> None:
        caller = sys._getframe(1)
        try:
            self._code = _block_source(caller.f_code.co_filename, caller.f_lineno)
        except (OSError, SyntaxError, LookupError, UnicodeDecodeError) as exc:
            self._error = f"Unable to display code. {exc}"
            log.warning("%s", self._error)

    def __exit__(
        self,
        typ: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> Literal[False]:
        if typ is not None:
            return False  # as in Streamlit: a block that raised shows no code
        from sidepane.elements.delta_generator import main_dg

        target = main_dg if self._placeholder is None else self._placeholder
        if self._code is not None:
            target.code(self._code, "python")
        elif self._error is not None:
            target.warning(self._error)
        return False


def echo(code_location: Literal["above", "below"] = "above") -> _Echo:
    """Use in a `with` block to show its code in the app, then run it.

    ```python
    with st.echo():
        st.write("This code will be printed")
    ```
    `code_location="below"` shows the code after what the block draws.
    """
    return _Echo(code_location)
