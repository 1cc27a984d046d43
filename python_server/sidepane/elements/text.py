"""Text elements: markdown, headings, captions, code, LaTeX, JSON, dividers, HTML."""

from __future__ import annotations

import json as _json
from typing import TYPE_CHECKING, Literal

from sidepane.elements.arguments import value_error
from sidepane.elements.deprecation import show_deprecation_warning
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.json_text import to_json_text
from sidepane.elements.layout import _check_size
from sidepane.elements.status import clean_text, validate_icon
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.schema.elements.text import (
    CodeProps,
    HtmlProps,
    JsonProps,
    LatexProps,
    MarkdownProps,
    TextLayout,
    TextProps,
)
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    from typing_extensions import Self

Divider = (
    bool | Literal["blue", "green", "orange", "red", "violet", "yellow", "gray", "grey", "rainbow"]
)


class TextMixin(DeltaGeneratorCore):
    def markdown(
        self,
        body: object,
        unsafe_allow_html: bool = False,
        *,
        help: str | None = None,
        width: int | str = "auto",
        text_alignment: str = "left",
        anchors: bool = True,
        wrap: bool = True,
    ) -> Self:
        """Display Markdown text (GitHub-flavoured, with `$math$`, emoji shortcodes and colours).

        Raw HTML in `body` is shown as text unless `unsafe_allow_html=True`. `body` is dedented
        and stripped, so an indented triple-quoted string is not taken for a code block.
        `width` ("auto", "stretch", "content" or pixels), `text_alignment` ("left", "center",
        "right", "justify") and `wrap` (False: one line, cut with an ellipsis) lay it out.
        """
        props: MarkdownProps = {"body": clean_text(body)}
        if unsafe_allow_html:
            props["unsafe_allow_html"] = True
        if help is not None:
            props["help"] = help
        _check_wrap_with_html(wrap, unsafe_allow_html)
        add_text_layout(props, width, text_alignment, wrap, "auto")
        return self._enqueue("markdown", as_props(props))

    def _heading(
        self,
        style: Literal["title", "header", "subheader"],
        body: object,
        anchor: str | Literal[False] | None,
        help: str | None,
        divider: Divider,
        icon: str | None,
        layout: tuple[object, object, object],
    ) -> Self:
        props: MarkdownProps = {"body": clean_text(body), "style": style}
        add_text_layout(props, *layout, "stretch")
        if help is not None:
            props["help"] = help
        if divider is not False:
            props["divider"] = divider
        icon = validate_icon(icon)
        if icon:
            props["icon"] = icon
        if anchor is not None:
            props["anchor"] = anchor
        return self._enqueue("markdown", as_props(props))

    def title(
        self,
        body: object,
        anchor: str | Literal[False] | None = None,
        *,
        help: str | None = None,
        icon: str | None = None,
        width: int | str = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> Self:
        """Display text in title formatting (the page's largest heading).

        `anchor` sets the heading's URL anchor; `False` hides it. `icon` (an emoji or
        `:material/name:`) is shown before the text.
        """
        layout = (width, text_alignment, wrap)
        return self._heading("title", body, anchor, help, False, icon, layout)

    def header(
        self,
        body: object,
        anchor: str | Literal[False] | None = None,
        *,
        help: str | None = None,
        icon: str | None = None,
        divider: Divider = False,
        width: int | str = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> Self:
        """Display text in header formatting, optionally with a coloured divider below it.

        `anchor` sets the heading's URL anchor; `False` hides it. `icon` (an emoji or
        `:material/name:`) is shown before the text.
        """
        layout = (width, text_alignment, wrap)
        return self._heading("header", body, anchor, help, divider, icon, layout)

    def subheader(
        self,
        body: object,
        anchor: str | Literal[False] | None = None,
        *,
        help: str | None = None,
        icon: str | None = None,
        divider: Divider = False,
        width: int | str = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> Self:
        """Display text in subheader formatting, optionally with a coloured divider below it.

        `anchor` sets the heading's URL anchor; `False` hides it. `icon` (an emoji or
        `:material/name:`) is shown before the text.
        """
        layout = (width, text_alignment, wrap)
        return self._heading("subheader", body, anchor, help, divider, icon, layout)

    def caption(
        self,
        body: object,
        unsafe_allow_html: bool = False,
        *,
        help: str | None = None,
        width: int | str = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> Self:
        """Display small, muted Markdown text, for captions, asides and footnotes.

        `width`, `text_alignment` and `wrap` lay it out as `st.markdown`'s do.
        """
        props: MarkdownProps = {"body": clean_text(body), "style": "caption"}
        if unsafe_allow_html:
            props["unsafe_allow_html"] = True
        if help is not None:
            props["help"] = help
        _check_wrap_with_html(wrap, unsafe_allow_html)
        add_text_layout(props, width, text_alignment, wrap, "stretch")
        return self._enqueue("markdown", as_props(props))

    def text(
        self,
        body: object,
        *,
        help: str | None = None,
        width: int | str = "content",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> Self:
        """Display fixed-width, preformatted text, exactly as given (no Markdown).

        It is as wide as its text unless `width` says otherwise ("stretch" or pixels);
        `text_alignment` aligns it, and `wrap=False` keeps each line whole, cut with an ellipsis.
        """
        props: TextProps = {"body": clean_text(body)}
        if help is not None:
            props["help"] = help
        add_text_layout(props, width, text_alignment, wrap, "content")
        return self._enqueue("text", as_props(props))

    def code(
        self,
        body: object,
        language: str | None = "python",
        *,
        line_numbers: bool = False,
        wrap_lines: bool = False,
        height: int | str | None = "content",
        width: int | str = "stretch",
    ) -> Self:
        """Display a code block with syntax highlighting for `language` (None: plain text)."""
        props: CodeProps = {"body": str(body), "language": language}
        if line_numbers:
            props["line_numbers"] = True
        if wrap_lines:
            props["wrap"] = True
        return self._enqueue("code", as_props(props))

    def latex(self, body: object, *, help: str | None = None, width: int | str = "stretch") -> Self:
        """Display a mathematical expression written in LaTeX (a string or a SymPy expression)."""
        if type(body).__module__.startswith("sympy"):
            import sympy  # type: ignore[import-not-found, unused-ignore]

            body = sympy.latex(body)
        props: LatexProps = {"body": clean_text(body)}
        if help is not None:
            props["help"] = help
        return self._enqueue("latex", as_props(props))

    def json(
        self, body: object, *, expanded: bool | int = True, width: int | str = "stretch"
    ) -> Self:
        """Display an object or a JSON string as a collapsible, pretty-printed JSON tree.

        `expanded` is True (all open), False (collapsed) or the depth to open.
        """
        if isinstance(body, str):
            # JSON text is shown as given; any other string as a JSON string.
            try:
                _json.loads(body)
                text = body
            except ValueError:
                text = _json.dumps(body)
        else:
            text, warning = to_json_text(body)
            if warning is not None:
                self._enqueue("alert", {"kind": "warning", "body": f"Warning: {warning}"})
        props: JsonProps = {"body": text, "expanded": expanded}
        return self._enqueue("json", as_props(props))

    def divider(self, *, width: int | str = "stretch") -> Self:
        """Display a horizontal rule."""
        return self._enqueue("divider", {})

    def html(
        self, body: object, *, width: int | str = "stretch", unsafe_allow_javascript: bool = False
    ) -> Self:
        """Insert HTML into the app, sanitized by the viewer (scripts are removed).

        `body` may be a string, a `pathlib.Path` to an .html (or .css) file, or an object with
        `_repr_html_`. `width`: "stretch" (default), "content" or pixels. With
        `unsafe_allow_javascript=True` the HTML's scripts run: Sidepane's page allows no inline
        script, so that HTML is drawn in a sandboxed frame of its own, as tall as its content
        (its scripts cannot reach the app's page). Never pass untrusted input.
        """
        from pathlib import Path

        if hasattr(body, "_repr_html_"):
            text = str(body._repr_html_())
        elif isinstance(body, Path):
            text = body.read_text(encoding="utf-8")
            if body.suffix.lower() == ".css":
                text = f"<style>{text}</style>"
        else:
            text = clean_text(body)
            if isinstance(body, str) and _is_file(body):
                # Streamlit 1.67 reads only Path objects; a path string is shown as it is.
                show_deprecation_warning(
                    "Passing a local file path as a string to `st.html` is no longer supported. "
                    "To load a local file, pass a `pathlib.Path` object instead."
                )
        if not text:
            raise SidepaneAPIException("The `body` parameter is required.")
        _check_size("width", width, allow_content=True)
        props: HtmlProps = {"body": text}
        if width != "stretch":
            props["width"] = width  # type: ignore[typeddict-item]  # checked above
        if _only_styles(text):
            # As 1.67: styles take no place in the layout (they still apply to the page).
            from sidepane.elements.delta_generator import event_dg

            return event_dg._enqueue("html", as_props({"body": text}))  # type: ignore[return-value]
        if unsafe_allow_javascript:
            # The app's page runs no inline script (its CSP): the HTML and its scripts run in
            # a sandboxed frame of their own instead, as tall as their content.
            from sidepane.components.registry import register_html
            from sidepane.elements.iframe import HEIGHT_REPORTER

            props["javascript"] = register_html(text + HEIGHT_REPORTER)
        return self._enqueue("html", as_props(props))


def _only_styles(text: str) -> bool:
    """Whether the HTML is nothing but `<style>` blocks and comments (Streamlit then draws it
    without a place in the layout)."""
    import re

    rest = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    rest = re.sub(r"<style[^>]*>.*?</style>", "", rest, flags=re.DOTALL | re.IGNORECASE)
    return rest.strip() == ""


def _is_file(text: str) -> bool:
    """Whether `text` names a file (never for HTML-looking or overlong text)."""
    from pathlib import Path

    if len(text) > 4096 or "<" in text:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


_ALIGNMENTS = ("left", "center", "right", "justify")


def add_text_layout(
    props: TextLayout, width: object, text_alignment: object, wrap: object, default_width: str
) -> None:
    """Add a text element's `width`, `text_alignment` and `wrap` props to `props`, checked as
    Streamlit checks them; each is left out at the element's default (`default_width` for the
    width)."""
    if text_alignment not in _ALIGNMENTS:
        raise value_error("text_alignment", [f"'{a}'" for a in _ALIGNMENTS])
    if not isinstance(wrap, bool):
        raise value_error("wrap", ["True", "False"])
    valid = ("stretch", "content", "auto") if default_width == "auto" else ("stretch", "content")
    if isinstance(width, bool) or not ((isinstance(width, int) and width > 0) or width in valid):
        raise SidepaneAPIException(
            f"Invalid width value: {width!r}. Width must be either a positive integer "
            "(pixels), 'stretch', or 'content'."
        )
    if width != default_width:
        props["width"] = width  # type: ignore[typeddict-item]  # checked above
    if text_alignment != "left":
        props["text_alignment"] = text_alignment  # type: ignore[typeddict-item]  # checked above
    if not wrap:
        props["wrap"] = False


def _check_wrap_with_html(wrap: object, unsafe_allow_html: bool) -> None:
    if wrap is False and unsafe_allow_html:
        raise SidepaneAPIException(
            "`wrap=False` and `unsafe_allow_html=True` cannot be used together. One-line "
            "markdown cannot ellipsize raw HTML. Pass `wrap=True` to render HTML, or omit "
            "`unsafe_allow_html` to truncate."
        )
