"""Widget values across reruns: what the viewer set, what the script set, and callbacks.

Values arrive from a viewer on a server thread (validated at once against the widget's latest
definition) and are applied by the script thread at the start of the next run, where changed
widgets' `on_change` callbacks run before the script, as in Streamlit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sidepane.errors import InvalidWidgetValue

log = logging.getLogger("sidepane.widgets")

_MISSING: Any = object()


@dataclass(eq=False)
class WidgetSpec:
    """A widget's definition as drawn by the latest run that drew it."""

    id: str
    kind: str
    key: str | None
    default: Any
    # Wire value -> Python value; raises InvalidWidgetValue (or TypeError/ValueError) if invalid.
    deserialize: Callable[[Any], Any]
    # Python value -> wire value.
    serialize: Callable[[Any], Any]
    form_id: str | None = None
    on_change: Callable[..., Any] | None = None
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    # A trigger (button) is True for the one run its click started.
    trigger: bool = False
    disabled: bool = False
    # The fragments it was drawn in, outermost first: a change reruns the innermost only.
    fragments: tuple[str, ...] = ()
    # What `st.session_state[key]` shows for the value, when not the value itself (a view).
    present: Callable[[Any], Any] | None = None


class WidgetManager:
    """One session's widget values. Thread-safe where a viewer's thread touches it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.values: dict[str, Any] = {}
        self.specs: dict[str, WidgetSpec] = {}
        self.key_to_id: dict[str, str] = {}
        # Values the script set through session_state; the widget sends them to the viewer.
        self.script_set: set[str] = set()
        self._pending: dict[str, Any] = {}
        # Wire values a reconnecting viewer held for widgets this session has not drawn yet;
        # each is validated when its widget is drawn, then used instead of the default.
        self._provisional: dict[str, Any] = {}

    # ---- viewer side (any thread) ----

    def accept(self, updates: Mapping[str, Any], *, provisional: bool = False) -> bool:
        """Validate values from a viewer and queue them for the next run.

        Invalid entries are dropped with a warning; returns True if anything was queued. With
        `provisional` (a reconnect), values for widgets not drawn yet are kept until they are.
        """
        parsed: dict[str, Any] = {}
        with self._lock:
            for wid, wire in updates.items():
                spec = self.specs.get(wid) if isinstance(wid, str) else None
                if spec is None and provisional and isinstance(wid, str):
                    self._provisional[wid] = wire
                    continue
                if spec is None:
                    log.warning("ignored a value for unknown widget %r", wid)
                    continue
                if spec.disabled:
                    log.warning("ignored a value for disabled widget %r", wid)
                    continue
                try:
                    parsed[wid] = spec.deserialize(wire)
                except (InvalidWidgetValue, TypeError, ValueError, OverflowError) as exc:
                    log.warning("ignored an invalid value for %s %r: %s", spec.kind, wid, exc)
            self._pending.update(parsed)
        return bool(parsed)

    # ---- script thread ----

    def begin_run(self) -> list[WidgetSpec]:
        """Apply queued values; return the specs whose callbacks must run before the script."""
        with self._lock:
            pending, self._pending = self._pending, {}
        # A click counts for one run, however that run ended: a run cut short (by st.rerun, a
        # newer value) reports no end, and a button left pressed would rerun forever.
        self._reset_triggers()
        callbacks: list[WidgetSpec] = []
        for wid, value in pending.items():
            spec = self.specs.get(wid)
            if spec is None:
                continue
            old = self.values.get(wid, _MISSING)
            self.values[wid] = value
            self.script_set.discard(wid)
            if spec.trigger:
                # Any value but the resting one is a click (a menu's first option is 0).
                changed = not _same(value, spec.default)
            else:
                changed = old is _MISSING or not _same(old, value)
            if changed and spec.on_change is not None:
                callbacks.append(spec)
        return callbacks

    def register(self, spec: WidgetSpec, user_state: dict[str, Any]) -> Any:
        """Record a widget drawn by this run; return its value.

        `user_state` is the session's non-widget state: a key set there before the widget
        existed becomes the widget's value, as `st.session_state.k = v` does in Streamlit.
        """
        with self._lock:
            self.specs[spec.id] = spec
        if spec.key is not None:
            old_id = self.key_to_id.get(spec.key)
            if old_id is not None and old_id != spec.id:
                # Same key, new identity parameters (e.g. a slider's bounds): a new widget that
                # starts from its default, as in Streamlit.
                self.values.pop(old_id, None)
            self.key_to_id[spec.key] = spec.id
            if spec.key in user_state:
                self.values[spec.id] = user_state.pop(spec.key)
                self.script_set.add(spec.id)
        if spec.id not in self.values:
            self.values[spec.id] = self._from_provisional(spec)
        return self.values[spec.id]

    def _from_provisional(self, spec: WidgetSpec) -> Any:
        if not self._provisional:
            return spec.default
        with self._lock:
            wire = self._provisional.pop(spec.id, _MISSING)
        if wire is _MISSING or spec.disabled:
            return spec.default
        try:
            return spec.deserialize(wire)
        except (InvalidWidgetValue, TypeError, ValueError, OverflowError) as exc:
            log.warning("ignored a reconnecting viewer's value for %s: %s", spec.kind, exc)
            return spec.default

    def set_by_script(self, widget_id: str, value: Any) -> None:
        self.values[widget_id] = value
        self.script_set.add(widget_id)

    def end_run(self, drawn: Iterable[str] | None, fragment: str | None = None) -> None:
        """After a run that was not interrupted: reset triggers, and forget the widgets it did not
        draw (`drawn` is None when the run ended too early to say, e.g. a viewer's Stop). A
        fragment's run (`fragment`) can only forget the widgets drawn inside that fragment."""
        self._reset_triggers()
        if drawn is None:
            return
        keep = set(drawn)
        with self._lock:
            gone = [
                w
                for w, spec in self.specs.items()
                if w not in keep and (fragment is None or fragment in spec.fragments)
            ]
            for wid in gone:
                del self.specs[wid]
                self.values.pop(wid, None)
                self.script_set.discard(wid)
            gone_ids = set(gone)
            for key in [k for k, w in self.key_to_id.items() if w in gone_ids]:
                del self.key_to_id[key]

    def _reset_triggers(self) -> None:
        for wid, spec in self.specs.items():
            if spec.trigger and wid in self.values:
                self.values[wid] = spec.default

    def value_for_key(self, key: str) -> Any:
        wid = self.key_to_id.get(key)
        if wid is None or wid not in self.values:
            return _MISSING
        spec = self.specs.get(wid)
        value = self.values[wid]
        return value if spec is None or spec.present is None else spec.present(value)


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:
        # `==` that is elementwise (a DataFrame a custom component sent): pandas' `equals`.
        equals = getattr(a, "equals", None)
        if callable(equals) and type(a) is type(b):
            try:
                return bool(equals(b))
            except Exception:
                pass
        return a is b


MISSING = _MISSING
