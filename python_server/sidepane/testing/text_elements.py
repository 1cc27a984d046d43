"""AppTest wrappers for text elements (markdown, headings, code, JSON, exceptions…)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar, cast

from typing_extensions import TypeVar

from sidepane.protocol.schema.elements.text import (
    CodeProps,
    DividerProps,
    ExceptionProps,
    HtmlProps,
    JsonProps,
    LatexProps,
    MarkdownProps,
    TextProps,
)
from sidepane.testing.element_tree import Element, register

_M = TypeVar("_M", bound=Mapping[str, Any], covariant=True)


class _MarkdownBase(Element[_M]):
    """What Streamlit's AppTest reads off every markdown-like element (its Markdown's
    subclasses there); only `markdown` itself carries these keys."""

    @property
    def allow_html(self) -> bool:
        return False

    @property
    def is_caption(self) -> bool:
        return False


class _Markdown(_MarkdownBase[MarkdownProps]):
    """`st.markdown` in any of its styles."""

    @property
    def value(self) -> Any:
        return self._props["body"]

    @property
    def allow_html(self) -> bool:
        return self._props.get("unsafe_allow_html", False)

    @property
    def is_caption(self) -> bool:
        return self._props.get("style") == "caption"


@register
class Markdown(_Markdown):
    node_type = "markdown"
    accessor = "markdown"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return "style" not in props


@register
class Caption(_Markdown):
    node_type = "markdown"
    accessor = "caption"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return cast(MarkdownProps, props).get("style") == "caption"


class _Heading(_Markdown):
    """`st.title`, `st.header`, `st.subheader`: `.tag`, `.anchor`, `.hide_anchor`, `.icon`."""

    tag: ClassVar[str] = ""

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return cast(MarkdownProps, props).get("style") == cls.accessor

    @property
    def anchor(self) -> str:
        """The anchor given to the heading; `""` when it has none (an automatic one)."""
        anchor = self._props.get("anchor")
        return anchor if isinstance(anchor, str) else ""

    @property
    def hide_anchor(self) -> bool:
        return self._props.get("anchor") is False

    @property
    def icon(self) -> str:
        return self._props.get("icon", "")

    @property
    def divider(self) -> str:
        """The divider colour; `"auto"` for `divider=True`, `""` for none."""
        divider = self._props.get("divider", False)
        if divider is True:
            return "auto"
        return divider if isinstance(divider, str) else ""


@register
class Title(_Heading):
    node_type = "markdown"
    accessor = "title"
    tag = "h1"


@register
class Header(_Heading):
    node_type = "markdown"
    accessor = "header"
    tag = "h2"


@register
class Subheader(_Heading):
    node_type = "markdown"
    accessor = "subheader"
    tag = "h3"


@register
class Text(Element[TextProps]):
    node_type = "text"
    accessor = "text"


@register
class Code(Element[CodeProps]):
    node_type = "code"
    accessor = "code"

    @property
    def language(self) -> str:
        """The highlighting language; `"plaintext"` for `language=None`, as in Streamlit."""
        return self._props["language"] or "plaintext"

    @property
    def show_line_numbers(self) -> bool:
        return self._props.get("line_numbers", False)

    @property
    def wrap_lines(self) -> bool:
        return self._props.get("wrap", False)


@register
class Latex(_MarkdownBase[LatexProps]):
    """`.value` is the body in `$$` fences, as Streamlit's AppTest gives it."""

    node_type = "latex"
    accessor = "latex"

    @property
    def value(self) -> Any:
        return f"$$\n{self._props['body']}\n$$"


@register
class Json(Element[JsonProps]):
    node_type = "json"
    accessor = "json"

    @property
    def expanded(self) -> bool:
        """Whether the tree starts open (`expanded=2` opens it, two levels deep)."""
        return self._props["expanded"] is not False

    @property
    def max_expand_depth(self) -> int:
        """The depth `expanded` opens the tree to when an int was given, else 0."""
        expanded = self._props["expanded"]
        return 0 if isinstance(expanded, bool) else int(expanded)


@register
class Divider(_MarkdownBase[DividerProps]):
    node_type = "divider"
    accessor = "divider"

    @property
    def value(self) -> Any:
        return "---"


@register
class Html(Element[HtmlProps]):
    node_type = "html"
    accessor = "html"


@register
class Exception_(Element[ExceptionProps]):
    """`at.exception[0].value` is the message; `.stack_trace` the frames as lines."""

    node_type = "exception"
    accessor = "exception"

    @property
    def value(self) -> Any:
        return self._props["message"]

    @property
    def message(self) -> str:
        return self._props["message"]

    @property
    def type_name(self) -> str:
        return self._props["type"]

    @property
    def stack_trace(self) -> list[str]:
        return [
            f'File "{f["file"]}", line {f["line"]}, in {f["name"]}\n    {f["code"]}'
            for f in self._props["frames"]
        ]

    @property
    def is_markdown(self) -> bool:
        """Whether the message is Markdown (a `MarkdownFormattedException`, as in Streamlit)."""
        return self._props.get("markdown", False)

    @property
    def is_warning(self) -> bool:
        return self._props.get("warning", False)


def json_value(text: str) -> Any:
    return json.loads(text)
