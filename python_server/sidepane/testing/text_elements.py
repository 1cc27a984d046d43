"""AppTest wrappers for text elements (markdown, headings, code, JSON, exceptions…)."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from sidepane.testing.element_tree import Element, register


class _MarkdownBase(Element):
    """What Streamlit's AppTest reads off every markdown-like element."""

    @property
    def value(self) -> Any:
        return self.node.props.get("body", "")

    @property
    def allow_html(self) -> bool:
        return bool(self.node.props.get("unsafe_allow_html", False))

    @property
    def is_caption(self) -> bool:
        return self.node.props.get("style") == "caption"


@register
class Markdown(_MarkdownBase):
    node_type = "markdown"
    accessor = "markdown"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return "style" not in props


@register
class Caption(_MarkdownBase):
    node_type = "markdown"
    accessor = "caption"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return props.get("style") == "caption"


class _Heading(_MarkdownBase):
    """`st.title`, `st.header`, `st.subheader`: `.tag`, `.anchor`, `.hide_anchor`, `.icon`."""

    tag: ClassVar[str] = ""

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return props.get("style") == cls.accessor

    @property
    def anchor(self) -> str:
        """The anchor given to the heading; `""` when it has none (an automatic one)."""
        anchor = self.node.props.get("anchor")
        return anchor if isinstance(anchor, str) else ""

    @property
    def hide_anchor(self) -> bool:
        return self.node.props.get("anchor") is False

    @property
    def icon(self) -> str:
        icon: str = self.node.props.get("icon") or ""
        return icon

    @property
    def divider(self) -> str:
        """The divider colour; `"auto"` for `divider=True`, `""` for none."""
        divider = self.node.props.get("divider", False)
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
class Text(Element):
    node_type = "text"
    accessor = "text"


@register
class Code(Element):
    node_type = "code"
    accessor = "code"

    @property
    def language(self) -> str:
        """The highlighting language; `"plaintext"` for `language=None`, as in Streamlit."""
        lang: str | None = self.node.props.get("language")
        return lang or "plaintext"

    @property
    def show_line_numbers(self) -> bool:
        return bool(self.node.props.get("line_numbers", False))

    @property
    def wrap_lines(self) -> bool:
        return bool(self.node.props.get("wrap", False))


@register
class Latex(_MarkdownBase):
    """`.value` is the body in `$$` fences, as Streamlit's AppTest gives it."""

    node_type = "latex"
    accessor = "latex"

    @property
    def value(self) -> Any:
        return f"$$\n{self.node.props.get('body', '')}\n$$"


@register
class Json(Element):
    node_type = "json"
    accessor = "json"

    @property
    def expanded(self) -> bool:
        """Whether the tree starts open (`expanded=2` opens it, two levels deep)."""
        return self.node.props.get("expanded", True) is not False

    @property
    def max_expand_depth(self) -> int:
        """The depth `expanded` opens the tree to when an int was given, else 0."""
        expanded = self.node.props.get("expanded", True)
        return 0 if isinstance(expanded, bool) else int(expanded)


@register
class Divider(_MarkdownBase):
    node_type = "divider"
    accessor = "divider"

    @property
    def value(self) -> Any:
        return "---"


@register
class Html(Element):
    node_type = "html"
    accessor = "html"


@register
class Exception_(Element):
    """`at.exception[0].value` is the message; `.stack_trace` the frames as lines."""

    node_type = "exception"
    accessor = "exception"

    @property
    def value(self) -> Any:
        return self.node.props.get("message")

    @property
    def message(self) -> str:
        msg: str = self.node.props.get("message", "")
        return msg

    @property
    def type_name(self) -> str:
        name: str = self.node.props.get("type", "")
        return name

    @property
    def stack_trace(self) -> list[str]:
        return [
            f'File "{f["file"]}", line {f["line"]}, in {f["name"]}\n    {f["code"]}'
            for f in self.node.props.get("frames", [])
        ]

    @property
    def is_markdown(self) -> bool:
        """Whether the message is Markdown (a `MarkdownFormattedException`, as in Streamlit)."""
        return bool(self.node.props.get("markdown", False))

    @property
    def is_warning(self) -> bool:
        return bool(self.node.props.get("warning", False))


def json_value(text: str) -> Any:
    return json.loads(text)
