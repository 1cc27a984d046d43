"""Status elements: alerts (success, info, warning, error), progress bars, spinners and toasts."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Literal

from sidepane.elements.arguments import type_error, value_error
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.errors import StreamlitAPIException
from sidepane.protocol.schema.elements.data import AlertProps, ProgressProps, SpinnerProps
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import get_run_context

if TYPE_CHECKING:
    from typing_extensions import Self

AlertKind = Literal["success", "info", "warning", "error"]

_ICON_FORMAT_HINT = (
    "Please use a single emoji or a Material icon shortcode like `:material\u200b/thumb_up:`."
)
_MATERIAL_ICON = re.compile(r"^\s*:(.+)/(.+):\s*$")
_EMOJI_SHORTCODE = re.compile(r"^:[a-z0-9_+-]+:$", re.IGNORECASE)
# One emoji, approximately: a pictographic code point (or a keycap / flag pair) followed by
# modifiers, variation selectors and zero-width-joined parts. Streamlit matches against its full
# emoji list; this covers what people type without shipping that list.
_PICTO = (
    "[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2190-\u21ff\u231a-\u23ff\u24c2\u25a0-\u27bf"
    "\u2934\u2935\u2b00-\u2bff\u3030\u303d\u3297\u3299\U0001f000-\U0001faff]"
)
_EMOJI = (
    f"(?:[0-9#*]\ufe0f?\u20e3|[\U0001f1e6-\U0001f1ff]{{2}}|{_PICTO}"
    f"(?:[\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]|\u200d{_PICTO})*)"
)


@cache
def _emoji_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(leading emoji + rest, exactly one emoji), compiled on first use to keep imports fast."""
    return re.compile(f"^({_EMOJI})[_ -]*(.*)", re.DOTALL), re.compile(f"^{_EMOJI}$")


def is_emoji(text: str) -> bool:
    """Whether `text` is exactly one emoji (as a chat avatar or an icon may be)."""
    return bool(_emoji_patterns()[1].match(text))


def clean_text(text: object) -> str:
    """Dedent and strip, as Streamlit does to bodies and labels."""
    return textwrap.dedent(str(text)).strip()


def validate_material_icon(icon: str) -> str:
    """`:material/name:` normalized, or Streamlit's error."""
    match = _MATERIAL_ICON.match(icon)
    shown = icon.replace("/", "\u200b/")
    if not match:
        raise StreamlitAPIException(
            f'The value `"{shown}"` is not a valid Material icon. Please use a Material icon '
            "shortcode like **`:material\u200b/thumb_up:`**"
        )
    pack, name = match.groups()
    if pack != "material" or not re.fullmatch(r"[a-z0-9_]+", name):
        raise StreamlitAPIException(
            f'The value `"{shown}"` is not a valid Material icon. Please use a Material icon '
            "shortcode like **`:material\u200b/thumb_up:`**."
        )
    return f":{pack}/{name}:"


def validate_icon(icon: str | None) -> str:
    """An element's `icon` argument checked like Streamlit's (`""` when there is none)."""
    if icon is None:
        return ""
    if not isinstance(icon, str):
        raise type_error("icon", type(icon).__name__, ["str", "None"])
    icon = icon.strip()
    if not icon or icon == "spinner":
        return icon
    if icon.startswith(":"):
        if icon.lower().startswith(":material"):
            return validate_material_icon(icon)
        if _EMOJI_SHORTCODE.fullmatch(icon):
            raise StreamlitAPIException(
                f'The value "{icon}" is not a valid icon. Emoji shortcodes are not supported. '
                f"{_ICON_FORMAT_HINT}"
            )
    if "://" in icon or icon[:5].lower() == "data:" or icon.startswith("//"):
        shown = icon if len(icon) <= 60 else f"{icon[:60]}\u2026"
        raise StreamlitAPIException(
            f'The value "{shown}" looks like a URL. Images are not supported for `icon`. '
            f"{_ICON_FORMAT_HINT} To follow support for image icons, see "
            "https://github.com/streamlit/streamlit/issues/9770."
        )
    if icon.isascii():
        raise StreamlitAPIException(f'The value "{icon}" is not a valid icon. {_ICON_FORMAT_HINT}')
    if not _emoji_patterns()[1].match(icon):
        raise StreamlitAPIException(
            f'The value "{icon}" is not a valid emoji. Please use a single emoji.'
        )
    return icon


def _leading_icon(body: str) -> tuple[str, str]:
    """Split a leading emoji or Material icon off an alert's body, as Streamlit does."""
    if body.startswith(":material"):
        match = re.match(r"^(:[^:]+:)\s*(.*)", body, re.DOTALL)
        if match:
            try:
                return validate_material_icon(match.group(1)), match.group(2)
            except StreamlitAPIException:
                pass
    if not body or body.isascii():
        return "", body
    match = _emoji_patterns()[0].match(body)
    if match is None:
        return "", body
    return match.group(1), match.group(2)


def _progress_value(value: object) -> int:
    if not isinstance(value, int | float):
        raise type_error("value", type(value).__name__, ["int", "float"])
    if isinstance(value, int):
        if not 0 <= value <= 100:
            raise StreamlitAPIException(
                f"The `value` parameter, set to {value}, is outside the required range [0, 100]."
            )
        return value
    # Float arithmetic lands slightly outside [0, 1] (1.0000000000000002); accept that.
    if not (0.0 <= value <= 1.0 or abs(value) <= 1e-9 or abs(value - 1.0) <= 1e-9):
        raise StreamlitAPIException(
            f"The `value` parameter, set to {value}, is outside the required range [0.0, 1.0]."
        )
    return min(100, max(0, int(value * 100)))


_TOAST_DURATIONS = {"short": 4, "long": 10, "infinite": 0}


class StatusMixin(DeltaGeneratorCore):
    def _alert(self, kind: AlertKind, body: object, icon: str | None, title: object) -> Self:
        text = clean_text(body)
        if icon is not None:
            shown_icon = validate_icon(icon)
        else:
            shown_icon, text = _leading_icon(text)
        props: AlertProps = {"kind": kind, "body": text}
        if shown_icon:
            props["icon"] = shown_icon
        if title is not None:
            props["title"] = clean_text(title)
        return self._enqueue("alert", as_props(props))

    def success(
        self,
        body: object,
        *,
        icon: str | None = None,
        width: int | str = "stretch",
        title: object | None = None,
    ) -> Self:
        """Display a success message (a green box) with Markdown `body`.

        `icon` is an emoji or `":material/name:"`; a leading emoji in `body` becomes the icon.
        `title` is shown in bold above the body.
        """
        return self._alert("success", body, icon, title)

    def info(
        self,
        body: object,
        *,
        icon: str | None = None,
        width: int | str = "stretch",
        title: object | None = None,
    ) -> Self:
        """Display an informational message (a blue box) with Markdown `body`.

        `icon` is an emoji or `":material/name:"`; a leading emoji in `body` becomes the icon.
        `title` is shown in bold above the body.
        """
        return self._alert("info", body, icon, title)

    def warning(
        self,
        body: object,
        *,
        icon: str | None = None,
        width: int | str = "stretch",
        title: object | None = None,
    ) -> Self:
        """Display a warning message (a yellow box) with Markdown `body`.

        `icon` is an emoji or `":material/name:"`; a leading emoji in `body` becomes the icon.
        `title` is shown in bold above the body.
        """
        return self._alert("warning", body, icon, title)

    def error(
        self,
        body: object,
        *,
        icon: str | None = None,
        width: int | str = "stretch",
        title: object | None = None,
    ) -> Self:
        """Display an error message (a red box) with Markdown `body`.

        `icon` is an emoji or `":material/name:"`; a leading emoji in `body` becomes the icon.
        `title` is shown in bold above the body.
        """
        return self._alert("error", body, icon, title)

    def progress(
        self, value: int | float, text: str | None = None, width: int | str = "stretch"
    ) -> Self:
        """Display a progress bar: `value` is an int from 0 to 100 or a float from 0.0 to 1.0.

        Call `.progress(...)` on the returned object to update the same bar in place:
        `bar = st.progress(0)` then `bar.progress(50, text="Halfway")`.
        """
        props: ProgressProps = {"value": _progress_value(value)}
        if text is not None:
            if not isinstance(text, str):
                raise type_error("text", type(text).__name__, ["str"])
            props["text"] = clean_text(text)
        return self._enqueue("progress", as_props(props))

    @contextmanager
    def spinner(
        self,
        text: str = "In progress...",
        *,
        show_time: bool = False,
        _cache: bool = False,
        width: int | str = "content",
    ) -> Iterator[None]:
        """Show a spinner with `text` while the `with` block runs.

        ```python
        with st.spinner("Loading data..."):
            df = load()
        ```
        `show_time=True` also shows the elapsed time.
        """
        ctx = get_run_context()
        if ctx is None:
            yield
            return
        ctx.yield_point()
        target = self._active(ctx)
        # Like Streamlit's transient spinner, it does not take an index: it sits where the
        # block's next element goes, and that element (or the cleanup below) replaces it.
        if target._kind == "element":
            path = target._path
        else:
            path = (*target._path, ctx.cursors.get(target._path, 0))
        props: SpinnerProps = {"text": clean_text(text)}
        if show_time:
            props["show_time"] = True
        if _cache:
            props["cache"] = True
        writer = ctx.writer
        writer.upsert(path, "spinner", as_props(props))
        try:
            yield
        finally:
            held = writer.model.nodes.get(path)
            if held is not None and held[0] == "spinner":
                # Not marked as produced: the next element here replaces it, or run_end
                # removes it if nothing comes.
                writer.upsert(path, "empty", {})

    def toast(
        self,
        body: object,
        *,
        icon: str | None = None,
        duration: Literal["short", "long", "infinite"] | int = "short",
    ) -> Self:
        """Show a short notification ("toast") in the corner of the app.

        `duration` is "short" (4 s, default), "long" (10 s), "infinite" or a number of seconds.
        """
        if str(body) == "":
            raise StreamlitAPIException(
                "The `body` parameter is required. Please provide a message."
            )
        text = clean_text(body)
        shown_icon = validate_icon(icon)
        valid_duration = duration in _TOAST_DURATIONS or (
            isinstance(duration, int) and not isinstance(duration, bool) and duration > 0
        )
        if not valid_duration:
            raise value_error("duration", ["short", "long", "infinite", "a positive integer"])
        ctx = get_run_context()
        if ctx is None:
            return self
        ctx.yield_point()
        seconds = _TOAST_DURATIONS[duration] if isinstance(duration, str) else duration
        ctx.writer.toast(text, shown_icon or None, seconds)
        return self
