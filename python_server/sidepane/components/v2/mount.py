"""Mounting a v2 component (what the callable `st.components.v2.component` returns does): a
widget whose value is the component's state, plus a one-run trigger widget for its events.

As in Streamlit 1.67: `on_<name>_change` callbacks name the state and trigger keys the result
shows (None until set); `default` gives state keys their first values; with a `key`, the
instance keeps its identity (and state) whatever its data; a state change calls the callback
of each key that changed, a trigger the callback of each event it carries.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sidepane.components.v2 import definitions
from sidepane.components.v2.data import add_data, identity_of
from sidepane.components.v2.host_page import host_page_id
from sidepane.components.v2.result import ComponentResult
from sidepane.components.v2.state import ComponentState, ComponentStateView, StateBinding
from sidepane.elements.dg_core import compute_widget_id, to_key
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.protocol.schema.elements.components_v2 import BidiComponentFields
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import RunContext, get_run_context
from sidepane.runtime.widgets import WidgetSpec

ELEMENT = "bidi_component"
# Joins the state widget's id and "events" into the trigger widget's (Streamlit's EVENT_DELIM).
EVENT_DELIM = "__"

WidgetCallback = Callable[[], Any]


class BidiComponentError(SidepaneAPIException):
    """A v2 component was mounted with arguments Streamlit refuses."""


def _callbacks(kwargs: Mapping[str, object]) -> dict[str, WidgetCallback]:
    """`on_<event>_change` callables by event name; other keyword arguments are ignored."""
    found: dict[str, WidgetCallback] = {}
    for name, value in kwargs.items():
        if not callable(value) or not (name.startswith("on_") and name.endswith("_change")):
            continue
        event = name[3:-7]
        if not event or event == "_":
            raise BidiComponentError(
                f"The callback name `'{name}'` is not allowed. Callback names must follow "
                "the pattern `on_{event_name}_change` where `event_name` is not empty."
            )
        found[event] = value
    return found


def _check_default(default: Any, callbacks: Mapping[str, WidgetCallback]) -> dict[str, Any]:
    if default is None:
        return {}
    for name in default if isinstance(default, Iterable) else ():
        if name not in callbacks:
            available = list(callbacks) or "none"
            raise BidiComponentError(
                f"Key `'{name}'` in `default` is not a valid state name. Valid state names are "
                "those with corresponding `on_{state_name}_change` callbacks. Available state "
                f"names: `{available}`"
            )
    if not isinstance(default, Mapping):
        raise BidiComponentError("`default` must be a dict of state names and values.")
    return dict(default)


def _layout(width: object, height: object, fields: BidiComponentFields) -> None:
    if isinstance(width, bool) or not (
        (isinstance(width, int) and width > 0) or width in ("stretch", "content")
    ):
        raise SidepaneAPIException(
            f"Invalid width value: {width!r}. Width must be either a positive integer "
            "(pixels), 'stretch', or 'content'."
        )
    if isinstance(height, bool) or not (
        (isinstance(height, int) and height > 0) or height in ("stretch", "content")
    ):
        raise SidepaneAPIException(
            f"Invalid height value: {height!r}. Height must be either a positive integer "
            "(pixels), 'stretch', or 'content'."
        )
    if width != "stretch":
        fields["width"] = width  # type: ignore[typeddict-item]  # checked above
    if height != "content":
        fields["height"] = height  # type: ignore[typeddict-item]  # checked above


def _state_deserializer(
    default: Mapping[str, Any], binding: StateBinding
) -> Callable[[Any], ComponentState]:
    def deserialize(wire: Any) -> ComponentState:
        if wire is None:
            wire = {}
        if not isinstance(wire, Mapping) or not all(isinstance(k, str) for k in wire):
            raise InvalidWidgetValue("a component's state is a dict of names and values")
        state = dict(wire)
        for name, value in default.items():
            state.setdefault(name, copy.deepcopy(value))
        return ComponentState(state, binding)

    return deserialize


def _wire_state(state: Any) -> Any:
    """The state as the viewer gets it: JSON (a default the script gave that JSON cannot hold,
    such as a date, as its text; the script keeps the object itself)."""
    try:
        return json.loads(json.dumps(state))
    except (TypeError, ValueError):
        return json.loads(json.dumps(state, default=str))


def _trigger_list(wire: Any) -> list[Any] | None:
    """Trigger payloads (`{event, value}` dicts) as a list; None: no event."""
    if wire is None:
        return None
    return list(wire) if isinstance(wire, list) else [wire]


def _events_of(payloads: object) -> dict[str, Any]:
    events: dict[str, Any] = {}
    for payload in payloads if isinstance(payloads, list) else ():
        if isinstance(payload, Mapping) and isinstance(payload.get("event"), str):
            events[payload["event"]] = payload.get("value")
    return events


def _presenter(events_id: str) -> Callable[[Any], Any]:
    """What `st.session_state[key]` shows: the trigger values of the run over the state."""

    def present(state: Any) -> Any:
        if not isinstance(state, ComponentState):
            return state
        ctx = get_run_context()
        payloads = ctx.session.widgets.values.get(events_id) if ctx is not None else None
        return ComponentStateView(_events_of(payloads), state)

    return present


def _dispatch_state(
    callbacks: Mapping[str, WidgetCallback], before: Mapping[str, Any], widget_id: str
) -> WidgetCallback:
    """The state widget's on_change: the callback of each state key that changed."""

    def on_change() -> None:
        ctx = get_run_context()
        now = ctx.session.widgets.values.get(widget_id) if ctx is not None else None
        after: Mapping[str, Any] = now if isinstance(now, Mapping) else {}
        for name, callback in callbacks.items():
            if name in after and (name not in before or before[name] != after[name]):
                callback()

    return on_change


def _dispatch_events(callbacks: Mapping[str, WidgetCallback], events_id: str) -> WidgetCallback:
    """The trigger widget's on_change: the callback of each event the trigger carries."""

    def on_change() -> None:
        ctx = get_run_context()
        payloads = ctx.session.widgets.values.get(events_id) if ctx is not None else None
        for name in _events_of(payloads):
            callback = callbacks.get(name)
            if callback is not None:
                callback()

    return on_change


def _register_events(
    ctx: RunContext, events_id: str, form_id: str | None, on_change: WidgetCallback | None
) -> Any:
    """The instance's trigger widget: no node of its own (the viewer sends its values with the
    id the component's node names), a one-run value like a button's."""
    ctx.register_widget_id(events_id, ELEMENT, None)
    spec = WidgetSpec(
        id=events_id,
        kind=ELEMENT,
        key=None,
        default=None,
        deserialize=_trigger_list,
        serialize=lambda value: value,
        form_id=form_id,
        on_change=on_change,
        trigger=True,
        fragments=ctx.fragment.chain if ctx.fragment is not None else (),
    )
    session = ctx.session
    return session.widgets.register(spec, session.session_state.user)


def mount(
    component_name: str,
    *,
    key: str | int | None,
    isolate_styles: bool,
    data: Any,
    default: Any,
    width: Any,
    height: Any,
    callback_kwargs: Mapping[str, object],
) -> ComponentResult:
    """Draw an instance of the registered component `component_name`; return its values."""
    from sidepane.elements.delta_generator import main_dg

    # As Streamlit: an empty key is no key; a key with the events' delimiter would make the
    # trigger widget's id ambiguous.
    user_key = to_key(None if key == "" else key)
    if user_key is not None and EVENT_DELIM in user_key:
        raise BidiComponentError(
            "The `base` of a bidirectional component's ID must not contain the delimiter "
            f"sequence `{EVENT_DELIM}`."
        )
    ctx = get_run_context()
    if ctx is None:
        return ComponentResult({}, {})
    definition = definitions.get(component_name)
    if definition is None:
        raise SidepaneAPIException(f"Component '{component_name}' is not registered.")
    callbacks = _callbacks(callback_kwargs)
    defaults = _check_default(default, callbacks)

    fields: BidiComponentFields = {"name": component_name, "events_id": "", "host": ""}
    for name in ("html", "css", "js", "css_path", "js_path"):
        value = getattr(definition, name)
        if value:
            fields[name] = value
    if not isolate_styles:
        fields["isolate_styles"] = False
    _layout(width, height, fields)
    add_data(data, fields)

    identity: dict[str, object] = {
        "component_name": component_name,
        "isolate_styles": bool(isolate_styles),
        "width": width,
        "height": height,
        "default": repr(sorted(defaults.items())),
        "data": identity_of(fields),
    }
    form_id = main_dg._current_form_id()
    # The id `_widget` gives the state widget (Streamlit's rule: with a key, the key alone);
    # the trigger widget's is derived from it, as Streamlit derives its events' id.
    state_id = compute_widget_id(
        ELEMENT,
        user_key=user_key,
        identity={"label": "", **identity},
        key_identity=True,
        form_id=form_id,
        root=main_dg._root_name(),
    )
    events_id = f"{state_id}{EVENT_DELIM}events"
    fields["events_id"] = events_id
    fields["host"] = host_page_id("data_arrow" in fields or "arrow_refs" in fields)

    # The state widget's callback compares with the state this run starts from.
    before: dict[str, Any] = {}
    binding = StateBinding(state_id, user_key, frozenset(callbacks))
    value = main_dg._widget(
        ELEMENT,
        label="",
        key=user_key,
        identity=identity,
        key_identity=True,
        props=as_props(fields),
        default=ComponentState(defaults, binding),
        deserialize=_state_deserializer(defaults, binding),
        serialize=_wire_state,
        on_change=_dispatch_state(callbacks, before, state_id) if callbacks else None,
        args=None,
        kwargs=None,
        disabled=False,
        label_visibility="visible",
        help=None,
        allow_callback_in_form=True,
    )
    widgets = ctx.session.widgets
    if isinstance(value, ComponentState):
        object.__setattr__(value, "_binding", binding)  # this run's callbacks name the keys
    elif isinstance(value, Mapping):
        # Set through st.session_state before the component first existed: held as its state.
        widgets.values[state_id] = ComponentState(value, binding)
    spec = widgets.specs.get(state_id)
    if spec is not None:
        spec.present = _presenter(events_id)
    state: dict[str, Any] = dict(value) if isinstance(value, Mapping) else {}
    try:
        before.update(copy.deepcopy(state))
    except Exception:  # a default the script gave that cannot be copied
        before.update(state)

    payloads = _register_events(
        ctx, events_id, form_id, _dispatch_events(callbacks, events_id) if callbacks else None
    )
    events = _events_of(payloads)
    # Every key with a callback shows, None until set; state keys over triggers of one name.
    return ComponentResult(state, {name: events.get(name) for name in callbacks})
