"""AppTest wrappers for text elements (markdown, headings, code, JSON, exceptions…)."""

from __future__ import annotations

import json
from typing import Any

from sidepane.testing.element_tree import Element, register


@register
class Markdown(Element):
    node_type = "markdown"
    accessor = "markdown"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return "style" not in props


def _styled(style: str, name: str) -> type[Element]:
    class Styled(Element):
        node_type = "markdown"
        accessor = style

        @classmethod
        def matches(cls, props: dict[str, Any]) -> bool:
            return props.get("style") == style

        @property
        def tag(self) -> str:
            return {"title": "h1", "header": "h2", "subheader": "h3"}.get(style, "")

    Styled.__name__ = Styled.__qualname__ = name
    return register(Styled)


Title = _styled("title", "Title")
Header = _styled("header", "Header")
Subheader = _styled("subheader", "Subheader")
Caption = _styled("caption", "Caption")


@register
class Text(Element):
    node_type = "text"
    accessor = "text"


@register
class Code(Element):
    node_type = "code"
    accessor = "code"

    @property
    def language(self) -> str | None:
        lang: str | None = self.node.props.get("language")
        return lang


@register
class Latex(Element):
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
    def expanded(self) -> bool | int:
        expanded: bool | int = self.node.props.get("expanded", True)
        return expanded


@register
class Divider(Element):
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
            f'File "{f["file"]}", line {f["line"]}, in {f["name"]}\n  {f["code"]}'
            for f in self.node.props.get("frames", [])
        ]

    @property
    def is_markdown(self) -> bool:
        return False


def json_value(text: str) -> Any:
    return json.loads(text)
