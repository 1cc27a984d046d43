"""The container cursor under every `st.` call: where an element goes, and how it is sent.

`DeltaGeneratorCore` is a position in the element tree: a root (`st` itself, `st.sidebar`), a
block (a column, an expander, a form…) or one element (what `st.empty()` and every element call
return, so calling an element method on it replaces that element). The element methods live in
mixins, one module per family, combined in `delta_generator.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import xxhash

from sidepane.elements.arguments import value_error
from sidepane.elements.deprecation import warn_empty_label
from sidepane.elements.streamlit_api import container_attribute_error
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.frames import Path
from sidepane.protocol.schema.elements.widgets import WidgetProps
from sidepane.protocol.schema.registry import is_trigger
from sidepane.runtime import fragments
from sidepane.runtime.context import RunContext, get_run_context
from sidepane.runtime.thread_context import warn_missing_run_context
from sidepane.runtime.widgets import WidgetSpec

if TYPE_CHECKING:
    from typing_extensions import Self

Kind = Literal["root", "block", "element"]
LabelVisibility = Literal["visible", "hidden", "collapsed"]


class DeltaGeneratorCore:
    """A place in the tree that elements can be written to (see the module docstring)."""

    def __init__(
        self,
        path: Path,
        kind: Kind,
        *,
        form_id: str | None = None,
        follows_with: bool = False,
    ) -> None:
        self._path = path
        self._kind = kind
        self._form_id = form_id
        # Only the module-level `st` root follows `with` blocks: `st.write` inside `with col:`
        # writes to the column, while `st.sidebar.write` always writes to the sidebar.
        self._follows_with = follows_with

    def __repr__(self) -> str:
        return f"DeltaGenerator(path={list(self._path)!r}, kind={self._kind!r})"

    if not TYPE_CHECKING:  # hidden from type checkers, so `col.wirte(...)` is still flagged

        def __getattr__(self, name: str) -> object:
            # Only reached for attributes this container lacks: a Streamlit method gets the
            # same "Sidepane has no `st.x`" error as the module-level `st.x` (still an
            # AttributeError, so hasattr() keeps working); other names a plain one.
            if name.startswith("_"):
                raise AttributeError(name)
            path = self.__dict__.get("_path")
            where = "`st.sidebar`" if path == ("sidebar",) else "`DeltaGenerator` objects"
            raise container_attribute_error(self, name, where)

    # ---- where things go ----

    def _active(self, ctx: RunContext) -> DeltaGeneratorCore:
        if self._follows_with and ctx.dg_stack:
            return ctx.dg_stack[-1]
        return self

    def _place(self, ctx: RunContext) -> tuple[Path, DeltaGeneratorCore]:
        target = self._active(ctx)
        if ctx.fragment is not None:
            target = fragments.redirect(ctx, target)
        if target._kind == "element":
            return target._path, target
        return ctx.next_path(target._path), target

    def _enqueue(self, type_: str, props: dict[str, Any]) -> Self:
        """Draw an element here; return a handle whose element calls replace it."""
        return self._draw(type_, props, "element", None)

    def _block(
        self,
        type_: str,
        props: dict[str, Any],
        *,
        form_id: str | None = None,
        widget: WidgetSpec | None = None,
    ) -> Self:
        """Draw a container here; return it, to write into with `with` or its methods.

        `widget`: the spec from `_register_block_widget`, when the block's state is a widget.
        """
        return self._draw(type_, props, "block", form_id, widget)

    def _draw(
        self,
        type_: str,
        props: dict[str, Any],
        kind: Kind,
        form_id: str | None,
        widget: WidgetSpec | None = None,
    ) -> Self:
        """Draw `type_` here; return its `kind` handle, in `form_id` or else the target's form."""
        ctx = get_run_context()
        if ctx is None:
            warn_missing_run_context()
            return self
        ctx.yield_point()
        path, target = self._place(ctx)
        ctx.emit(path, type_, props, widget)
        return self._new(path, kind, form_id if form_id is not None else target._form_id)

    def _new(self, path: Path, kind: Kind, form_id: str | None) -> Self:
        return type(self)(path, kind, form_id=form_id)

    def _current_form_id(self) -> str | None:
        ctx = get_run_context()
        if ctx is None:
            return None
        return self._active(ctx)._form_id

    def _root_name(self) -> str:
        ctx = get_run_context()
        target = self._active(ctx) if ctx is not None else self
        return str(target._path[0])

    # ---- `with` blocks ----

    def __enter__(self) -> Self:
        ctx = get_run_context()
        if ctx is not None:
            ctx.dg_stack.append(self)
        return self

    def __exit__(self, *exc: object) -> Literal[False]:
        ctx = get_run_context()
        if ctx is not None and ctx.dg_stack:
            ctx.dg_stack.pop()
        return False

    # ---- widgets ----

    def _widget(
        self,
        kind: str,
        *,
        label: str,
        key: str | int | None,
        identity: Mapping[str, object],
        key_identity: bool | frozenset[str],
        props: Mapping[str, Any],
        default: Any,
        deserialize: Callable[[Any], Any],
        serialize: Callable[[Any], Any],
        on_change: Callable[..., Any] | None,
        args: tuple[Any, ...] | list[Any] | None,
        kwargs: Mapping[str, Any] | None,
        disabled: bool,
        label_visibility: LabelVisibility,
        help: str | None,
        allow_callback_in_form: bool = False,
        element_type: str | None = None,
    ) -> Any:
        """Register and draw a widget; return its value for this run.

        `identity` holds the parameters that make the widget's id (Streamlit's rule: type,
        label and parameters; with a key, only the key and the names in `key_identity`).
        `kind` is the `st.` command (ids and messages name it); the element drawn is
        `element_type`, when several commands share one (pills and segmented_control are both a
        `button_group`). Its value is a one-run trigger when the schema marks the element's
        `value` so (`registry.TRIGGER`).
        """
        ctx = get_run_context()
        if ctx is None:
            warn_missing_run_context()
            return default
        ctx.yield_point()
        warn_empty_label(kind, label)
        if ctx.recorders:
            _warn_cached_widget(self, ctx)
        check_label_visibility(label_visibility)
        path, target = self._place(ctx)
        spec, value = target._register_widget(
            ctx,
            kind,
            key=key,
            identity={"label": label, **identity},
            key_identity=key_identity,
            default=default,
            deserialize=deserialize,
            serialize=serialize,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            trigger=is_trigger(element_type or kind),
            allow_callback_in_form=allow_callback_in_form,
        )
        widget_id, user_key, form_id = spec.id, spec.key, spec.form_id
        # The keys every widget carries, declared once (schema: WidgetProps).
        common: WidgetProps = {"id": widget_id, "label": label}
        if disabled:
            common["disabled"] = True
        if label_visibility == "hidden" or label_visibility == "collapsed":
            common["label_visibility"] = label_visibility
        if help is not None:
            common["help"] = str(help)
        if user_key is not None:
            common["key"] = user_key
        if form_id is not None:
            common["form"] = form_id
        element = element_type or kind
        ctx.emit(path, element, {**common, **props, "value": serialize(value)}, spec)
        return value

    def _register_block_widget(
        self,
        kind: str,
        *,
        key: str | int | None,
        identity: Mapping[str, object],
        default: Any,
        deserialize: Callable[[Any], Any],
        on_change: Callable[..., Any] | None,
        args: Sequence[Any] | None,
        kwargs: Mapping[str, Any] | None,
        disabled: bool = False,
    ) -> tuple[WidgetSpec | None, Any]:
        """Register the state of a block about to be drawn here (a stateful expander's open
        state, tabs' chosen label) as a widget; return its spec for `_block` and its value.

        Its id comes from all of `identity`, with a key too (Streamlit's rule for containers).
        The wire value is the Python value (a bool or a label). Outside a run: (None, default).
        """
        ctx = get_run_context()
        if ctx is None:
            return None, default
        if ctx.recorders:
            _warn_cached_widget(self, ctx)
        return self._active(ctx)._register_widget(
            ctx,
            kind,
            key=key,
            identity=identity,
            key_identity=False,
            default=default,
            deserialize=deserialize,
            serialize=lambda value: value,
            on_change=on_change,
            args=tuple(args or ()),
            kwargs=kwargs,
            disabled=disabled,
        )

    def _register_widget(
        self,
        ctx: RunContext,
        kind: str,
        *,
        key: str | int | None,
        identity: Mapping[str, object],
        key_identity: bool | frozenset[str],
        default: Any,
        deserialize: Callable[[Any], Any],
        serialize: Callable[[Any], Any],
        on_change: Callable[..., Any] | None,
        args: tuple[Any, ...] | list[Any] | None,
        kwargs: Mapping[str, Any] | None,
        disabled: bool,
        trigger: bool = False,
        allow_callback_in_form: bool = False,
    ) -> tuple[WidgetSpec, Any]:
        """Register a widget drawn in this container (an element, or a block whose state is a
        widget: a stateful expander, tabs, popover); return its spec and its value for this run.

        `identity` holds the parameters that make the widget's id (Streamlit's rule: type,
        label and parameters; with a key, only the key and the names in `key_identity`).
        A caller warns about a widget in a cached function first (`_warn_cached_widget`).
        """
        form_id = self._form_id
        user_key = to_key(key)
        if form_id is not None and on_change is not None and not allow_callback_in_form:
            raise SidepaneAPIException(
                "Within a form, callbacks can only be defined on `st.form_submit_button`. "
                "Defining callbacks on other widgets inside a form is not allowed."
            )
        widget_id = compute_widget_id(
            kind,
            user_key=user_key,
            identity=identity,
            key_identity=key_identity,
            form_id=form_id,
            root=str(self._path[0]),
        )
        ctx.register_widget_id(widget_id, kind, user_key)
        spec = WidgetSpec(
            id=widget_id,
            kind=kind,
            key=user_key,
            default=default,
            deserialize=deserialize,
            serialize=serialize,
            form_id=form_id,
            on_change=on_change,
            args=tuple(args or ()),
            kwargs=dict(kwargs or {}),
            trigger=trigger,
            disabled=disabled,
            fragments=ctx.fragment.chain if ctx.fragment is not None else (),
        )
        session = ctx.session
        return spec, session.widgets.register(spec, session.session_state.user)


CACHED_WIDGET_WARNING = (
    "Your script uses a widget command in a cached function\n"
    "(function decorated with `@st.cache_data` or `@st.cache_resource`).\n"
    'This code will only be called when we detect a cache "miss",\n'
    "which can lead to unexpected results.\n\n"
    "To fix this, move all widget commands outside the cached function."
)


def _warn_cached_widget(dg: DeltaGeneratorCore, ctx: RunContext) -> None:
    """A widget drawn while a cached function computes: warn once per call, as Streamlit does,
    unless the function allows widgets (`@st.cache(experimental_allow_widgets=True)`)."""
    recorder = ctx.recorders[-1]
    if recorder.allow_widgets or recorder.warned:
        return
    recorder.warned = True
    dg._enqueue(
        "exception",
        {"type": "CachedWidgetWarning", "message": CACHED_WIDGET_WARNING, "frames": []},
    )


def check_label_visibility(label_visibility: object) -> None:
    """A widget's `label_visibility`: "visible", "hidden" or "collapsed"."""
    if label_visibility not in ("visible", "hidden", "collapsed"):
        raise value_error("label_visibility", ["'visible'", "'hidden'", "'collapsed'"])


def to_key(key: str | int | None) -> str | None:
    """The user's widget key as a string, checked as Streamlit checks it."""
    if key is None:
        return None
    text = str(key)
    if text == "":
        raise value_error("key", ["a non-empty string"])
    if text.startswith("$$ID"):
        raise SidepaneAPIException("Keys beginning with $$ID are reserved.")
    return text


def compute_widget_id(
    kind: str,
    *,
    user_key: str | None,
    identity: Mapping[str, object],
    key_identity: bool | frozenset[str],
    form_id: str | None,
    root: str,
) -> str:
    """A widget's stable id, `$$ID-<hash>-<key>`, derived as Streamlit derives it."""
    keyed = user_key is not None and key_identity is not False
    if keyed and isinstance(key_identity, frozenset):
        parts = {k: v for k, v in identity.items() if k in key_identity}
    elif keyed:
        parts = {}
    else:
        parts = dict(identity)
    if not keyed:
        parts["form_id"] = form_id or ""
        parts["root"] = root
    h = xxhash.xxh3_128()
    h.update(kind.encode())
    if user_key:
        h.update(user_key.encode())
    for k, v in parts.items():
        h.update(k.encode())
        h.update(str(v).encode())
    return f"$$ID-{h.hexdigest()}-{user_key}"
