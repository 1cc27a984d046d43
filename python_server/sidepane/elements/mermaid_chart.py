"""`st.mermaid_chart`: as in Streamlit 1.67, Markdown holding one ```mermaid fence; the viewer
draws such fences (in any Markdown) with Mermaid, loaded on the first diagram."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Final, Literal

from sidepane.elements.arguments import normalize_alt
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.status import clean_text
from sidepane.elements.text import add_text_layout
from sidepane.protocol.schema.elements.text import MarkdownProps
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    from typing_extensions import Self

log = logging.getLogger(__name__)

# The accessible name travels in the diagram as a Mermaid comment the viewer reads back.
_ALT_PREFIX: Final = "%% stAlt: "
_ALT_LINE: Final = re.compile(r"^\s*%%\s*stAlt\s*:[^\n]*\n?", re.MULTILINE)
_AUTHOR_A11Y: Final = re.compile(r"^\s*(accTitle\s*:|accDescr\s*[:{])", re.MULTILINE)


def _preamble_end(lines: list[str]) -> int:
    """The index of the diagram's type line: after blank lines, `%%` comments, `%%{…}%%`
    directives and a `---` front-matter block."""
    i = 0
    while i < len(lines):
        text = lines[i].strip()
        if not text:
            i += 1
        elif text.startswith("%%{"):
            while i < len(lines) and "}%%" not in lines[i]:
                i += 1
            i += 1
        elif text.startswith("%%"):
            i += 1
        elif text == "---":
            i += 1
            while i < len(lines) and lines[i].strip() != "---":
                i += 1
            i += 1
        else:
            break
    return min(i, len(lines))


def with_alt(body: str, alt: str) -> str:
    """`body` with one `%% stAlt:` line (an earlier one replaced) before its type line."""
    if _AUTHOR_A11Y.search(body):
        log.warning(
            "The Mermaid diagram already sets accessibility directives. The alt=%r parameter "
            "overrides them for the accessible name.",
            alt,
        )
    lines = _ALT_LINE.sub("", body).splitlines(keepends=True)
    at = _preamble_end(lines)
    if at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    lines.insert(at, f"{_ALT_PREFIX}{' '.join(alt.split())}\n")
    return "".join(lines)


class MermaidMixin(DeltaGeneratorCore):
    def mermaid_chart(
        self,
        body: str,
        *,
        width: int | Literal["stretch", "content"] = "stretch",
        alt: str | None = None,
    ) -> Self:
        """Display a Mermaid diagram (flowchart, sequence, class, state, ER, Gantt, pie…).

        The diagram follows the app's light or dark theme; a syntax error is shown in its
        place.

        Parameters
        ----------
        body : str
            The diagram in Mermaid's syntax.
        width : "stretch", "content" or int
            "stretch" (default): the container's width; "content": the diagram's own width;
            an int: pixels.
        alt : str or None
            A description of the diagram for screen readers (it replaces the diagram's own
            `accTitle` / `accDescr` as its accessible name).

        Example
        -------
        >>> import streamlit as st
        >>> st.mermaid_chart('''
        ... flowchart LR
        ...     A[Script] --> B{Rerun?}
        ...     B -->|yes| A
        ... ''', alt="A script reruns")
        """
        text = normalize_alt(alt)
        if text is not None:
            body = with_alt(body, text)
        longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
        fence = "`" * max(4, longest + 1)
        props: MarkdownProps = {"body": clean_text(f"{fence}mermaid\n{body}\n{fence}")}
        add_text_layout(props, width, "left", True, "auto")
        return self._enqueue("markdown", as_props(props))
