"""`st.fragment` and `st.dialog`: functions that rerun on their own (runtime/fragments.py)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import timedelta
from typing import Any, Literal, TypeVar, overload

from sidepane.elements.arguments import resolve_callback, value_error
from sidepane.elements.dg_core import compute_widget_id, to_key
from sidepane.elements.status import validate_icon
from sidepane.errors import StreamlitAPIException, StreamlitInvalidLayoutContextError
from sidepane.protocol.schema.elements.layout import DialogProps
from sidepane.runtime import fragments
from sidepane.runtime.context import get_run_context
from sidepane.runtime.run_every import interval_seconds
from sidepane.runtime.widgets import WidgetSpec

F = TypeVar("F", bound=Callable[..., Any])

RunEvery = int | float | timedelta | str | None

# Dialogs live in a root of their own (docs/protocol.md, Paths): wherever the function is called
# from (a column, a callback, a fragment), the overlay is the page's.
EVENT_ROOT = ("event",)


@overload
def fragment(
    func: F, *, run_every: RunEvery = None, parallel: bool = False, key: str | int | None = None
) -> F: ...


@overload
def fragment(
    func: None = None,
    *,
    run_every: RunEvery = None,
    parallel: bool = False,
    key: str | int | None = None,
) -> Callable[[F], F]: ...


def fragment(
    func: F | None = None,
    *,
    run_every: RunEvery = None,
    parallel: bool = False,
    key: str | int | None = None,
) -> F | Callable[[F], F]:
    """Turn a function into a fragment, which reruns on its own.

    A widget drawn inside the fragment reruns only the fragment (with the arguments of its last
    call), not the whole script: what the app drew outside it stays as it is. `run_every`
    (seconds, a `timedelta`, or a string such as `"2s"` or `"1m"`) also reruns it on that
    interval while the app is open. `st.rerun(scope="fragment")` inside it reruns just the
    fragment, `st.rerun()` the whole app; `key` lets a widget callback rerun it with
    `st.rerun("<key>")`. Share values with the rest of the app through `st.session_state`.

    A fragment may also write to containers made outside it (`st.sidebar`, a column): its
    writes there are redrawn in place by its reruns, if it wrote there in the last full run.
    `parallel=True` (Streamlit runs such a fragment on a worker thread during a full run) is
    accepted with Streamlit's rules, that it may not write outside itself nor open a dialog in a
    full run; Sidepane runs it in order with the script, which keeps its output deterministic.
    """
    user_key = _fragment_key(key)
    if func is None:

        def decorator(f: F) -> F:
            return fragment(f, run_every=run_every, parallel=parallel, key=user_key)

        return decorator
    body: Callable[..., Any] = func

    @functools.wraps(body)
    def wrap(*args: Any, **kwargs: Any) -> Any:
        ctx = get_run_context()
        if ctx is None:
            return None  # no app: Streamlit runs nothing either
        interval = interval_seconds(run_every)
        return fragments.call(
            ctx, body, args, kwargs, run_every=interval, key=user_key, parallel=bool(parallel)
        )

    return wrap


def _fragment_key(key: str | int | None) -> str | None:
    text = to_key(key)
    if text in fragments.RESERVED_KEYS:
        raise StreamlitAPIException(
            f"`{text}` is a reserved name and cannot be used as a fragment key, because "
            "`st.rerun(scope=...)` reads it as a rerun level. Choose a different key for "
            "`@st.fragment(key=...)`."
        )
    return text


DialogWidth = Literal["small", "medium", "large"] | int
DialogPosition = Literal["left", "center", "right"]
OnDismiss = Literal["ignore", "rerun"] | Callable[..., Any]

_MAX_PIXEL_WIDTH = 2**32 - 1


@overload
def dialog(
    title: str,
    *,
    width: DialogWidth = "small",
    position: DialogPosition = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: OnDismiss = "ignore",
) -> Callable[[F], F]: ...


@overload
def dialog(
    title: F,
    *,
    width: DialogWidth = "small",
    position: DialogPosition = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: OnDismiss = "ignore",
) -> F: ...


def dialog(
    title: F | str,
    *,
    width: DialogWidth = "small",
    position: DialogPosition = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: OnDismiss = "ignore",
) -> F | Callable[[F], F]:
    """Turn a function into a modal dialog, opened by calling it.

    What the function draws appears in an overlay titled `title` (Markdown). A dialog is a
    fragment: a widget inside it reruns only the dialog. Call `st.rerun()` in it to close it
    (the next run does not call it again). `width` is "small" (up to 500 px), "medium" (750),
    "large" (1280) or pixels; `position` "left" or "right" makes it a side drawer. When
    `dismissible`, Escape, the close button or a click outside close it; `on_dismiss="rerun"`
    (or a callback, called first) then reruns the app. Only one dialog may open per run.
    """
    if isinstance(title, str):
        text = title

        def decorator(f: F) -> F:
            return _dialog(
                f,
                text,
                width=width,
                position=position,
                dismissible=dismissible,
                icon=icon,
                on_dismiss=on_dismiss,
            )

        return decorator
    return _dialog(
        title,
        "",
        width=width,
        position=position,
        dismissible=dismissible,
        icon=icon,
        on_dismiss=on_dismiss,
    )


def _dialog(
    func: F,
    title: str,
    *,
    width: DialogWidth,
    position: DialogPosition,
    dismissible: bool,
    icon: str | None,
    on_dismiss: OnDismiss,
) -> F:
    if title is None or title == "":
        raise StreamlitAPIException(
            'The `title` parameter is required. For example: `@st.dialog("Example Title")`.'
        )

    @functools.wraps(func)
    def wrap(*args: Any, **kwargs: Any) -> None:
        ctx = get_run_context()
        if ctx is None:
            return
        if fragments.in_parallel_full_run(ctx):
            raise fragments.parallel_unsafe_error("@st.dialog")
        if ctx.fragment is not None and ctx.fragment.block[0] == "dialog":
            raise StreamlitInvalidLayoutContextError(
                "Dialogs may not be nested inside other dialogs."
            )
        props = _dialog_props(title, width, position, dismissible, icon)
        callback, ignore = resolve_callback(on_dismiss, ("rerun", "ignore"), "on_dismiss")
        if ctx.dialog_opened:
            raise StreamlitInvalidLayoutContextError(
                "Only one dialog is allowed to be opened at the same time. Please make sure to "
                "not call a dialog-decorated function more than once in a script run."
            )
        ctx.dialog_opened = True
        if not ignore:
            props["dismiss"] = _register_dismiss(props, on_dismiss, callback)

        def content() -> None:
            func(*args, **kwargs)  # a dialog returns nothing, as in Streamlit

        content.__qualname__ = getattr(func, "__qualname__", "dialog")
        content.__module__ = getattr(func, "__module__", "")
        fragments.call(
            ctx,
            content,
            (),
            {},
            block=("dialog", dict(props)),
            at_root=EVENT_ROOT,
            extra=content.__qualname__,
        )

    return wrap  # type: ignore[return-value]


def _dialog_props(
    title: str,
    width: DialogWidth,
    position: DialogPosition,
    dismissible: bool,
    icon: str | None,
) -> DialogProps:
    props: DialogProps = {"title": str(title), "width": "small", "dismissible": bool(dismissible)}
    if width in ("small", "medium", "large"):
        props["width"] = width
    elif isinstance(width, int) and not isinstance(width, bool) and 0 < width <= _MAX_PIXEL_WIDTH:
        props["pixel_width"] = width
    else:
        raise value_error(
            "width", ["'small'", "'medium'", "'large'", "a positive integer"], f"Got {width!r}."
        )
    if position == "left" or position == "right":
        props["position"] = position
    elif position != "center":
        raise value_error("position", ["'left'", "'center'", "'right'"])
    shown_icon = validate_icon(icon)
    if shown_icon:
        props["icon"] = shown_icon
    return props


def _register_dismiss(
    props: DialogProps, on_dismiss: OnDismiss, callback: Callable[..., Any] | None
) -> str:
    """The dismissal as a trigger widget with no node of its own (as a dataframe's button
    column): closing the dialog reruns the app, its callback first (`on_dismiss`)."""
    ctx = get_run_context()
    assert ctx is not None
    identity = {**props, "on_dismiss": "callback" if callable(on_dismiss) else str(on_dismiss)}
    widget_id = compute_widget_id(
        "dialog",
        user_key=None,
        identity=identity,
        key_identity=False,
        form_id=None,
        root=EVENT_ROOT[0],
    )
    ctx.register_widget_id(widget_id, "dialog", None)
    spec = WidgetSpec(
        id=widget_id,
        kind="dialog",
        key=None,
        default=False,
        deserialize=bool,
        serialize=bool,
        on_change=callback,
        trigger=True,
        fragments=ctx.fragment.chain if ctx.fragment is not None else (),
    )
    ctx.session.widgets.register(spec, ctx.session.session_state.user)
    return widget_id
