"""The text family's props: markdown (and its heading and caption styles), text, code, LaTeX,
JSON, dividers, HTML, exceptions and `st.help`."""

from typing import Annotated, Literal

from typing_extensions import NotRequired, TypedDict

from sidepane.protocol.schema.registry import element

Width = Annotated[
    int | Literal["stretch", "content"],
    "Pixels, `content` (as wide as the content) or `stretch` (the container's width).",
]


class TextLayout(TypedDict):
    """Text layout props, each absent at its default."""

    width: NotRequired[
        Annotated[Width, "Absent: stretch (content for `text`); never wider than the container."]
    ]
    text_alignment: NotRequired[Annotated[Literal["center", "right", "justify"], "Absent: left."]]
    wrap: NotRequired[
        Annotated[Literal[False], "One line, cut with an ellipsis (inline Markdown only)."]
    ]


@element("markdown")
class MarkdownProps(TextLayout):
    """`st.markdown`, `st.title`/`header`/`subheader` (by `style`) and `st.caption`."""

    body: Annotated[str, "Markdown."]
    unsafe_allow_html: NotRequired[Literal[True]]
    help: NotRequired[Annotated[str, "Tooltip text."]]
    style: NotRequired[Literal["title", "header", "subheader", "caption"]]
    anchor: NotRequired[Annotated[str | Literal[False], "A heading's anchor; false: none."]]
    divider: NotRequired[Annotated[str | Literal[True], "A colour name, or true (the next)."]]
    icon: NotRequired[Annotated[str, "An emoji or `:material/name:` shown before a heading."]]


@element("text")
class TextProps(TextLayout):
    """`st.text`: fixed-width text exactly as given."""

    body: str
    help: NotRequired[str]


@element("code")
class CodeProps(TypedDict):
    body: str
    language: Annotated[str | None, "The language to highlight; null: plain text."]
    line_numbers: NotRequired[Literal[True]]
    wrap: NotRequired[Annotated[Literal[True], "Wrap long lines."]]


@element("latex")
class LatexProps(TypedDict):
    body: Annotated[str, "LaTeX."]
    help: NotRequired[str]


@element("json")
class JsonProps(TypedDict):
    body: Annotated[str, "The JSON text."]
    expanded: Annotated[bool | int, "True: all open, false: collapsed, a number: the depth."]


@element("divider")
class DividerProps(TypedDict):
    """A horizontal rule: no props."""


@element("html")
class HtmlProps(TypedDict):
    body: Annotated[str, "HTML, sanitized by the viewer."]
    width: NotRequired[Annotated[int | Literal["content"], "Absent: stretch."]]
    javascript: NotRequired[
        Annotated[
            str,
            "`unsafe_allow_javascript`: the page's id (served at `component/_html/<id>`); the "
            "viewer runs it in a sandboxed frame at its content's height, as the page allows "
            "no inline script.",
        ]
    ]


class TracebackFrame(TypedDict):
    file: str
    line: int
    name: str
    code: str
    user: Annotated[bool, "The app's own file (under the script's folder, not a library)."]
    col: NotRequired[Annotated[int, "A syntax error's column."]]


@element("exception")
class ExceptionProps(TypedDict):
    type: Annotated[str, "The exception type's name (qualified outside builtins)."]
    message: str
    frames: Annotated[list[TracebackFrame], "Innermost last, without Sidepane's own frames."]
    note: NotRequired[Annotated[str, "The exception's notes."]]
    markdown: NotRequired[Annotated[Literal[True], "The message is Markdown."]]
    warning: NotRequired[Annotated[Literal[True], "The exception is a Warning."]]


class HelpMember(TypedDict):
    name: str
    type: str
    doc: NotRequired[Annotated[str, "The docstring's first line."]]
    value: NotRequired[str]


@element("help")
class HelpProps(TypedDict):
    type: Annotated[str, "`class` or the type's name."]
    name: NotRequired[Annotated[str, "The expression passed."]]
    doc: NotRequired[str]
    value: NotRequired[
        Annotated[str, "A readable repr, or `module.name(signature)` for callables and classes."]
    ]
    members: Annotated[list[HelpMember], "Public attributes."]
