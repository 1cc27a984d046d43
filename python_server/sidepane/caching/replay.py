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

# Where a recorded element goes: the container active at call time ("active"), another container
# that existed before the call (an absolute path, e.g. the sidebar), or a node that existed
# before the call (a placeholder passed in) at a fixed path.
_ACTIVE = "active"


@dataclass
class Recording:
    """The elements and payloads one call drew, in order."""

    # (anchor, index within the anchor, rest of the path, type, props, restate)
    elements: list[tuple[object, int, Path, str, dict[str, Any], bool]] = field(
        default_factory=list
    )
    payloads: list[tuple[str, str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.elements or self.payloads)


class Recorder:
    """Records, during one cached call, what the call draws (attached to the RunContext)."""

    def __init__(self, ctx: RunContext, active: Path) -> None:
        self._active = active
        # Indexes already used in each container when the call began: a path at an index
        # below this existed before the call (a placeholder handed to the function).
        self._start = dict(ctx.cursors)
        self.recording = Recording()

    def element(self, path: Path, type_: str, props: dict[str, Any], restate: bool = False) -> None:
        for k in range(1, len(path)):
            prefix, index = path[:k], path[k]
            if isinstance(index, int) and index >= self._start.get(prefix, 0):
                anchor: object = _ACTIVE if prefix == self._active else prefix
                self.recording.elements.append(
                    (anchor, index, path[k + 1 :], type_, props, restate)
                )
                return
        self.recording.elements.append((path, -1, (), type_, props, restate))

    def payload(self, digest: str, kind: str, data: Any) -> None:
        self.recording.payloads.append((digest, kind, data))


def replay(ctx: RunContext, recording: Recording, active: Path) -> None:
    """Draw a recording again, anchored at the container active for this call."""
    placed: dict[tuple[object, int], int] = {}
    for anchor, index, rest, type_, props, restate in recording.elements:
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
        else:
            ctx.emit(path, type_, props)  # type: ignore[arg-type]
    for digest, kind, data in recording.payloads:
        ctx.payload(digest, kind, data)
