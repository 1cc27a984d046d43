"""What a cached function draws: recorded on a miss, drawn again on a hit.

A cached `load()` that calls `st.write("loaded")` must show that line on every run, not only on
runs that computed it. While a cached function runs, a Recorder notes each element it draws,
relative to where the call happened; a hit replays them at the place of the new call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sidepane.protocol.frames import Path
from sidepane.runtime.context import RunContext
from sidepane.runtime.widgets import WidgetSpec

# Where a recorded element goes: the container active at call time ("active"), another container
# that existed before the call (an absolute path, e.g. the sidebar), or a node that existed
# before the call (a placeholder passed in) at a fixed path.
_ACTIVE = "active"


@dataclass
class Recording:
    """The elements and payloads one call drew, in order."""

    # (anchor, index within the anchor, rest of the path, type, props, restate, widget spec)
    elements: list[tuple[object, int, Path, str, dict[str, Any], bool, WidgetSpec | None]] = field(
        default_factory=list
    )
    payloads: list[tuple[str, str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.elements or self.payloads)


class Recorder:
    """Records, during one cached call, what the call draws (attached to the RunContext)."""

    def __init__(self, ctx: RunContext, active: Path, *, allow_widgets: bool = False) -> None:
        self._active = active
        self.allow_widgets = allow_widgets
        # Whether the "widget in a cached function" warning was drawn for this call.
        self.warned = False
        # Indexes already used in each container when the call began: a path at an index
        # below this existed before the call (a placeholder handed to the function).
        self._start = dict(ctx.cursors)
        self.recording = Recording()

    def element(
        self,
        path: Path,
        type_: str,
        props: dict[str, Any],
        restate: bool = False,
        widget: WidgetSpec | None = None,
    ) -> None:
        elements = self.recording.elements
        for k in range(1, len(path)):
            prefix, index = path[:k], path[k]
            if isinstance(index, int) and index >= self._start.get(prefix, 0):
                anchor: object = _ACTIVE if prefix == self._active else prefix
                elements.append((anchor, index, path[k + 1 :], type_, props, restate, widget))
                return
        elements.append((path, -1, (), type_, props, restate, widget))

    def payload(self, digest: str, kind: str, data: Any) -> None:
        self.recording.payloads.append((digest, kind, data))


def replay(ctx: RunContext, recording: Recording, active: Path) -> None:
    """Draw a recording again, anchored at the container active for this call."""
    placed: dict[tuple[object, int], int] = {}
    for anchor, index, rest, type_, props, restate, widget in recording.elements:
        if index < 0:
            path = anchor  # a node that existed before the call: same place
        else:
            prefix: Path = active if anchor == _ACTIVE else anchor  # type: ignore[assignment]
            new_index = placed.get((anchor, index))
            if new_index is None:
                new_index = int(ctx.next_path(prefix)[-1])
                placed[(anchor, index)] = new_index
            path = (*prefix, new_index, *rest)
        if restate:
            ctx.restate(path, type_, props)  # type: ignore[arg-type]
        elif widget is not None:
            _replay_widget(ctx, path, type_, props, widget)  # type: ignore[arg-type]
        else:
            ctx.emit(path, type_, props)  # type: ignore[arg-type]
    for digest, kind, data in recording.payloads:
        ctx.payload(digest, kind, data)


def _replay_widget(
    ctx: RunContext, path: Path, type_: str, props: dict[str, Any], spec: WidgetSpec
) -> None:
    """A widget drawn by a cached function is a live widget on hits too: registered again, so
    the person can still move it, and shown with its current value."""
    ctx.register_widget_id(spec.id, spec.kind, spec.key)
    session = ctx.session
    value = session.widgets.register(spec, session.session_state.user)
    ctx.emit(path, type_, {**props, "value": spec.serialize(value)}, spec)


def widget_values(ctx: RunContext | None, specs: list[WidgetSpec]) -> dict[str, Any]:
    """The current values of these widgets in this session (their default if never drawn)."""
    values = ctx.session.widgets.values if ctx is not None else {}
    return {spec.id: values.get(spec.id, spec.default) for spec in specs}
