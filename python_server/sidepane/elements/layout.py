"""Layout containers: container, columns, tabs, expander, form, and the `st.empty` placeholder.

Streamlit 1.67 has no nesting limits (columns in columns in columns, expanders in expanders,
columns in the sidebar all work); the only rule left is that forms do not nest.

An expander's open state and the chosen tab are the viewer's own unless the script sets
`on_change`: then they are widgets (a change reruns, `.open` and `st.session_state[key]` read
them), as in Streamlit 1.67.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from numbers import Integral
from typing import TYPE_CHECKING, Any, Literal, get_args

from sidepane.elements.arguments import callback, check_binding, type_error, value_error
from sidepane.elements.container_types import (
    ExpanderContainer,
    OnChange,
    TabContainer,
    check_on_change,
    open_state,
    register_key,
    specialize,
    tracks_state,
)
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.status import validate_icon
from sidepane.errors import DuplicateWidgetKey, InvalidWidgetValue, StreamlitAPIException
from sidepane.protocol.schema.elements.layout import (
    ColumnProps,
    ColumnsProps,
    ContainerProps,
    EmptyProps,
    ExpanderProps,
    FormProps,
    GapName,
    TabProps,
    TabsProps,
)
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import get_run_context

if TYPE_CHECKING:
    from typing_extensions import Self

    from sidepane.runtime.session import AppSession

Gap = GapName | int

_GAPS: tuple[GapName, ...] = get_args(GapName)
_ALIGN_H = ("left", "center", "right", "distribute")
_ALIGN_V = ("top", "center", "bottom", "distribute")
_COLUMN_ALIGN = ("top", "center", "bottom")
_EXPANDER_TYPES = ("default", "compact", "step")

# Form keys used by each session's current run (forms have their own key space in Streamlit:
# a form and a widget may share a key, two forms may not).
_forms_this_run: weakref.WeakKeyDictionary[AppSession, tuple[int, set[str]]] = (
    weakref.WeakKeyDictionary()
)


def _gap(gap: object, detail: str | None = None) -> GapName | int | None:
    """A gap argument checked; `detail` ends the error instead of "Got <gap>."."""
    if isinstance(gap, int) and not isinstance(gap, bool) and gap >= 0:
        return gap
    if gap is None:
        return None
    if isinstance(gap, str):
        for name in _GAPS:
            if gap.lower() == name:
                return name
    valid = [*(f"'{g}'" for g in _GAPS), "None", "a non-negative integer (pixels)"]
    raise value_error("gap", valid, detail or f"Got {gap!r}.")


def _size_error(what: str, value: object, allow_content: bool) -> Exception:
    valid = "a positive integer (pixels) or 'stretch'"
    if allow_content:
        valid = "a positive integer (pixels), 'stretch', or 'content'"
    return StreamlitAPIException(
        f"Invalid {what} value: {value!r}. {what.capitalize()} must be either {valid}."
    )


def _check_size(what: str, value: object, allow_content: bool) -> None:
    if isinstance(value, str):
        if value != "stretch" and not (allow_content and value == "content"):
            raise _size_error(what, value, allow_content)
    elif not isinstance(value, int) or value <= 0:
        raise _size_error(what, value, allow_content)


def _check_bind(bind: object) -> None:
    if bind is not None and bind != "query-params":
        raise value_error("bind", ["'query-params'", "None"])


class LayoutMixin(DeltaGeneratorCore):
    # Set on the DeltaGenerator that `form()` returns: the props to redraw with a flag when its
    # `with` block ends without a submit button.
    _form_props: FormProps | None = None

    def container(
        self,
        *,
        border: bool | None = None,
        key: str | int | None = None,
        width: int | Literal["stretch", "content"] = "stretch",
        height: int | Literal["content", "stretch"] = "content",
        horizontal: bool = False,
        wrap: bool = True,
        horizontal_alignment: Literal["left", "center", "right", "distribute"] = "left",
        vertical_alignment: Literal["top", "center", "bottom", "distribute"] = "top",
        gap: Gap | None = "small",
        autoscroll: bool | None = None,
    ) -> Self:
        """Insert an invisible container to hold several elements, drawn where it was created.

        Write into it with `with st.container():` or its methods (`c.write(...)`), even after
        elements that come later in the script. `border=True` draws a border; an integer
        `height` (pixels) makes it scroll, with a border unless `border=False`, and
        `height="stretch"` fills the height of its parent (a row, a fixed-height container).
        `width` is "stretch" (default), "content" or pixels.

        `horizontal=True` lays its elements out in a row, wrapping onto more rows unless
        `wrap=False` (then the row scrolls sideways). `horizontal_alignment` ("left", "center",
        "right", "distribute") and `vertical_alignment` ("top", "center", "bottom",
        "distribute") place the elements; `gap` is the space between them ("xxsmall" to
        "xxlarge", pixels, or None). `autoscroll` makes a fixed-height container follow new
        content (by default only when it holds chat messages).
        """
        gap_size = _gap(gap)
        if horizontal_alignment not in _ALIGN_H:
            valid = [f"'{a}'" for a in _ALIGN_H]
            raise value_error("horizontal_alignment", valid, f"Got {horizontal_alignment!r}.")
        if vertical_alignment not in _ALIGN_V:
            valid = [f"'{a}'" for a in _ALIGN_V]
            raise value_error("vertical_alignment", valid, f"Got {vertical_alignment!r}.")
        if wrap is False and not horizontal:
            raise StreamlitAPIException(
                "`wrap=False` and `horizontal=False` cannot be used together. A vertical "
                "container has no horizontal row of elements to keep in a single, scrolling "
                "row. Set `horizontal=True` to use `wrap=False`, or remove the `wrap` argument."
            )
        _check_size("width", width, True)
        _check_size("height", height, True)
        props: ContainerProps = {}
        if isinstance(height, int) or height == "stretch":
            props["height"] = height
        # A fixed height scrolls, so it gets a border unless the script says border=False.
        if border if border is not None else isinstance(height, int):
            props["border"] = True
        if horizontal:
            props["horizontal"] = True
            if not wrap:
                props["wrap"] = False
        if width != "stretch":
            props["width"] = width
        if gap_size != "small":
            props["gap"] = gap_size
        if horizontal_alignment != "left":
            props["horizontal_alignment"] = horizontal_alignment
        if vertical_alignment != "top":
            props["vertical_alignment"] = vertical_alignment
        if autoscroll is not None:
            props["autoscroll"] = bool(autoscroll)
        if key is not None:
            props["key"] = str(key)
            register_key("container", str(key))
        return self._block("container", as_props(props))

    def columns(
        self,
        spec: int | Sequence[int | float],
        *,
        gap: Gap | None = "small",
        vertical_alignment: Literal["top", "center", "bottom"] = "top",
        border: bool = False,
        width: int | Literal["stretch"] = "stretch",
        wrap: bool = True,
    ) -> list[Self]:
        """Insert containers laid out side by side; returns one per column.

        `spec` is the number of equal columns, or their relative widths (`[2, 1]` makes the
        first twice as wide). Use `with col:` or `col.write(...)` to fill them.
        `gap` sets the space between them; `vertical_alignment` is "top", "center" or "bottom";
        `border=True` draws a border around each column; `width` is "stretch" or pixels for the
        whole row; `wrap=False` keeps them side by side on narrow screens.
        """
        weights: Sequence[int | float]
        if isinstance(spec, int):
            weights = (1,) * spec
        elif isinstance(spec, Integral):
            weights = (1,) * int(spec)
        else:
            weights = spec
        try:
            invalid = len(weights) == 0 or any(w <= 0 for w in weights)
        except TypeError as exc:
            raise type_error("spec", type(spec).__name__, ["int", "sequence of numbers"]) from exc
        if invalid:
            raise StreamlitAPIException(
                "The `spec` argument to `st.columns` must be either a positive integer (number "
                "of columns) or a list of positive numbers (width ratios of the columns). See "
                "[documentation]"
                "(https://docs.streamlit.io/develop/api-reference/layout/st.columns) "
                "for more information."
            )
        if not isinstance(wrap, bool):
            raise value_error("wrap", ["True", "False"])
        if vertical_alignment not in _COLUMN_ALIGN:
            valid = [f"'{a}'" for a in _COLUMN_ALIGN]
            raise value_error("vertical_alignment", valid, f"Got {vertical_alignment!r}.")
        row_props: ColumnsProps = {"gap": _gap(gap), "vertical_alignment": vertical_alignment}
        _check_size("width", width, False)
        if not wrap:
            row_props["wrap"] = False
        if isinstance(width, int):
            row_props["width"] = width
        row = self._block("columns", as_props(row_props))
        total = float(sum(weights))
        columns: list[Self] = []
        for w in weights:
            props: ColumnProps = {"weight": float(w) / total}
            if border:
                props["border"] = True
            columns.append(row._block("column", as_props(props)))
        return columns

    def tabs(
        self,
        tabs: Sequence[str],
        *,
        width: int | Literal["stretch"] = "stretch",
        height: int | Literal["content", "stretch"] = "content",
        default: str | None = None,
        key: str | int | None = None,
        on_change: OnChange = "ignore",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        bind: Literal["query-params"] | None = None,
    ) -> tuple[TabContainer, ...]:
        """Insert tabs with the given labels; returns one container per tab.

        ```python
        tab1, tab2 = st.tabs(["Chart", "Data"])
        with tab1:
            st.line_chart(df)
        ```
        Every tab's content is computed on each run; `default` is the label shown first.
        With `on_change="rerun"` (or a callback) the chosen tab is state: choosing one reruns
        the script, each tab's `.open` says whether it is the chosen one, and
        `st.session_state[key]` holds its label. Otherwise `.open` is None.
        """
        if not tabs:
            raise StreamlitAPIException(
                "The `tabs` parameter is required. Provide at least one tab label."
            )
        if default and default not in tabs:
            raise value_error(
                "default", ["a tab label from `tabs`"], f"`{default}` is not in the list of tabs."
            )
        for label in tabs:
            if not isinstance(label, str):
                raise type_error("tabs", type(label).__name__, ["a string for each tab label"])
        check_on_change(on_change)
        _check_bind(bind)
        labels = list(tabs)
        if bind == "query-params":
            if not all(labels):
                raise value_error(
                    "tabs",
                    ["non-empty labels"],
                    "Tab labels must be non-empty when bind='query-params'.",
                )
            if len(set(labels)) != len(labels):
                raise value_error(
                    "tabs", ["unique labels"], "Tab labels must be unique when bind='query-params'."
                )
        default_label = default or labels[0]
        stateful = tracks_state(on_change, bind)
        spec, chosen = None, default_label
        if stateful:
            check_binding(bind, None, key)

            def deserialize(wire: object) -> str:
                if not isinstance(wire, str) or wire not in labels:
                    raise InvalidWidgetValue(f"not one of the tab labels: {wire!r}")
                return wire

            identity = {"tabs": tuple(labels), "width": width, "height": height, "default": default}
            spec, chosen = self._register_block_widget(
                "tabs",
                key=key,
                identity=identity,
                default=default_label,
                deserialize=deserialize,
                on_change=callback(on_change),
                args=args,
                kwargs=kwargs,
            )
            if chosen not in labels:
                # The script put a label that is not a tab in session_state: back to the default.
                chosen = default_label
                ctx = get_run_context()
                if ctx is not None and spec is not None:
                    ctx.session.widgets.set_by_script(spec.id, chosen)
        elif key is not None:
            register_key("tabs", str(key))
        _check_size("width", width, False)
        _check_size("height", height, True)
        props: TabsProps = {"labels": labels}
        index = labels.index(chosen)
        if index:
            props["default"] = index
        if isinstance(height, int) or height == "stretch":
            props["height"] = height
        if isinstance(width, int):
            props["width"] = width
        if key is not None:
            props["key"] = str(key)
        if spec is not None:
            props["id"] = spec.id
            props["value"] = chosen
        container = self._block("tabs", as_props(props), widget=spec)
        made: list[TabContainer] = []
        for label in labels:
            tab = specialize(container._block("tab", as_props(TabProps(label=label))), TabContainer)
            if stateful:
                tab.open = label == chosen
            made.append(tab)
        return tuple(made)

    def expander(
        self,
        label: str,
        expanded: bool = False,
        *,
        key: str | int | None = None,
        icon: str | None = None,
        type: Literal["default", "compact", "step"] = "default",
        width: int | Literal["stretch"] = "stretch",
        on_change: OnChange = "ignore",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        bind: Literal["query-params"] | None = None,
    ) -> ExpanderContainer:
        """Insert a container that can be expanded and collapsed, with a Markdown `label`.

        `expanded=True` shows it open at first; `icon` is an emoji or `":material/name:"`.
        Its content is computed on each run, open or not. With `on_change="rerun"` (or a
        callback) its open state is state: opening or closing it reruns the script, `.open`
        says whether it is open (to skip slow work while it is closed) and
        `st.session_state[key]` holds it. Otherwise `.open` is None.
        """
        if label is None:
            raise StreamlitAPIException("The `label` parameter is required.")
        check_on_change(on_change)
        if type not in _EXPANDER_TYPES:
            raise value_error("type", [repr(t) for t in _EXPANDER_TYPES])
        _check_bind(bind)
        stateful = tracks_state(on_change, bind)
        spec, current = None, bool(expanded)
        if stateful:
            check_binding(bind, None, key)
            identity = {
                "label": label,
                "expanded": expanded,
                "icon": icon,
                "width": width,
                "type": type,
            }
            spec, current = self._register_block_widget(
                "expander",
                key=key,
                identity=identity,
                default=bool(expanded),
                deserialize=open_state,
                on_change=callback(on_change),
                args=args,
                kwargs=kwargs,
            )
        elif key is not None:
            register_key("expander", str(key))
        props: ExpanderProps = {"label": str(label), "expanded": bool(current)}
        if icon is not None:
            shown_icon = validate_icon(icon)
            if shown_icon:
                props["icon"] = shown_icon
        if type != "default":
            props["type"] = type
        _check_size("width", width, False)
        if isinstance(width, int):
            props["width"] = width
        if key is not None:
            props["key"] = str(key)
        if spec is not None:
            props["id"] = spec.id
            props["value"] = bool(current)
        block = self._block("expander", as_props(props), widget=spec)
        container = specialize(block, ExpanderContainer)
        if stateful:
            container.open = bool(current)
        return container

    def form(
        self,
        key: str,
        clear_on_submit: bool = False,
        *,
        enter_to_submit: bool = True,
        border: bool = True,
        width: int | Literal["stretch", "content"] = "stretch",
        height: int | Literal["content", "stretch"] = "content",
    ) -> Self:
        """Create a form: widgets inside it send their values together, when its submit button
        (`st.form_submit_button`) is pressed, in one rerun.

        `key` names the form and must be unique. `clear_on_submit=True` resets its widgets after
        a submit; `enter_to_submit=False` stops Enter from submitting.
        """
        if self._current_form_id() is not None:
            raise StreamlitAPIException("Forms cannot be nested in other forms.")
        form_id = str(key)
        ctx = get_run_context()
        if ctx is not None:
            run, used = _forms_this_run.get(ctx.session, (0, set()))
            if run != ctx.run:
                used = set()
                _forms_this_run[ctx.session] = (ctx.run, used)
            if form_id in used:
                raise DuplicateWidgetKey(
                    f"There are multiple elements with the same `key='{form_id}'`. To fix this, "
                    "please make sure that the `key` argument is unique for each element you "
                    "create."
                )
            used.add(form_id)
        _check_size("width", width, True)
        _check_size("height", height, True)
        props: FormProps = {
            "id": form_id,
            "border": bool(border),
            "clear_on_submit": bool(clear_on_submit),
        }
        if not enter_to_submit:
            props["enter_to_submit"] = False
        if isinstance(height, int) or height == "stretch":
            props["height"] = height
        form = self._block("form", as_props(props), form_id=form_id)
        if form is not self:
            form._form_props = props
        return form

    def __exit__(self, *exc: object) -> Literal[False]:
        result = super().__exit__(*exc)
        if self._form_props is not None and (not exc or exc[0] is None):
            self._flag_missing_submit(self._form_props)
        return result

    def _flag_missing_submit(self, props: FormProps) -> None:
        """Mark the form if no submit button was drawn in it (Streamlit shows "Missing Submit
        Button" in the form). Sent only when the flag changes: the writer skips equal props."""
        ctx = get_run_context()
        if ctx is None:
            return
        specs = ctx.session.widgets.specs
        form_id = self._form_id
        has_submit = False
        for wid in ctx.widget_ids:
            spec = specs.get(wid)
            if spec is not None and spec.trigger and spec.form_id == form_id:
                has_submit = True
                break
        # Not `ctx.emit`: that would un-produce the form's children.
        shown: FormProps = props if has_submit else {**props, "missing_submit": True}
        ctx.restate(self._path, "form", as_props(shown))

    def empty(self) -> Self:
        """Insert a placeholder that holds one element at a time.

        Draw into it with its methods: each call replaces what it shows
        (`ph = st.empty()`, then `ph.text("step 1")`, later `ph.text("step 2")`).
        `ph.container()` makes it hold several elements; `ph.empty()` clears it.
        """
        return self._enqueue("empty", as_props(EmptyProps()))
