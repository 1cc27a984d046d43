"""Where a slider keypress's time goes in code-server, hop by hop (vscode_bench.py -v).

Stamps come from four places:
- the panel: the keydown, and each `frames` message from the extension (vscode_bench's
  KEY_PROBE, on the panel's clock);
- the workbench: each WebSocket message it sends to or receives from the extension host, with
  its size (WEBSOCKET_PROBE, an init script that wraps the workbench's WebSocket);
- the extension host and the language server: SIDEPANE_TRACE_HOPS=<file> makes each append
  "<hop> <ms>" at its hops (extension/src/hopTrace.ts, sidepane/servers/lsp/hop_trace.py).

Browser stamps are `performance.timeOrigin + now()`; the other processes' are the system's wall
clock. Both come from the same machine clock, but a leg that crosses from one to the other
(browser → extension host, extension host → browser) can be off by a millisecond or so; the
legs within one process, and the total, are exact.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass
from pathlib import Path

# Init script: in the workbench (the top frame), `window.__ws` = [kind, ms, bytes] for each
# WebSocket message sent or received. Received messages are stamped at the event's creation.
WEBSOCKET_PROBE = """(() => {
  if (window.top !== window) return;
  const clock = () => performance.timeOrigin + performance.now();
  const size = (d) => (d ? d.byteLength ?? d.size ?? d.length ?? 0 : 0);
  window.__ws = [];
  const Native = window.WebSocket;
  const send = Native.prototype.send;
  Native.prototype.send = function (data) {
    window.__ws.push(["send", clock(), size(data)]);
    return send.call(this, data);
  };
  window.WebSocket = new Proxy(Native, {
    construct(target, args) {
      const socket = new target(...args);
      socket.addEventListener("message", (e) => {
        window.__ws.push(["recv", clock() - (performance.now() - e.timeStamp), size(e.data)]);
      });
      return socket;
    },
  });
})();"""

# The widget message and the frames message are a few hundred bytes on the wire; the
# protocol's acknowledgements are a few dozen.
_MIN_MESSAGE_BYTES = 100

LEGS = (
    ("panel keydown → workbench sends it on the WebSocket", "browser"),
    ("→ extension host has it (onDidReceiveMessage)", "code-server"),
    ("→ extension hands it to the language client", "ours"),
    ("→ language server has it (stdio)", "ours"),
    ("→ rerun done, frames notification written", "ours"),
    ("→ extension host has the frames (stdio)", "ours"),
    ("→ extension posts them to the panel", "ours"),
    ("→ workbench receives them on the WebSocket", "code-server"),
    ("→ the panel has them (message event)", "browser"),
    ("→ the new text is in the panel's DOM", "ours"),
)


@dataclass
class Press:
    down: float  # the panel's keydown, ms on the browser's clock
    hit: float  # the text in the DOM
    messages: list[float]  # the panel's `frames` messages


def read_hops(path: Path) -> list[tuple[str, float]]:
    hops = []
    for line in path.read_text(encoding="ascii").splitlines():
        name, _, ms = line.partition(" ")
        if ms:
            hops.append((name, float(ms)))
    return hops


def legs_of(
    press: Press, ws: list[list[float | str]], hops: list[tuple[str, float]]
) -> list[float] | None:
    """The ten legs of one press (ms), or None when a stamp is missing."""

    def first(name: str) -> float | None:
        times = [t for n, t in hops if n == name and press.down <= t <= press.hit]
        return min(times) if times else None

    def last(name: str) -> float | None:
        times = [t for n, t in hops if n == name and press.down <= t <= press.hit]
        return max(times) if times else None

    message = max((m for m in press.messages if press.down <= m <= press.hit), default=None)
    sent = min(
        (
            float(t)
            for kind, t, size in ws
            if kind == "send"
            and float(size) >= _MIN_MESSAGE_BYTES
            and press.down <= float(t) <= press.hit
        ),
        default=None,
    )
    received = None
    if message is not None:
        received = max(
            (
                float(t)
                for kind, t, size in ws
                if kind == "recv"
                and float(size) >= _MIN_MESSAGE_BYTES
                and press.down <= float(t) <= message
            ),
            default=None,
        )
    stamps = [
        press.down,
        sent,
        first("ext.in"),
        first("ext.out"),
        first("py.in"),
        last("py.out"),
        last("ext.frames"),
        last("ext.post"),
        received,
        message,
        press.hit,
    ]
    if any(s is None for s in stamps):
        return None
    times = [float(s) for s in stamps if s is not None]
    return [b - a for a, b in itertools.pairwise(times)]


def report(
    presses: list[Press], ws: list[list[float | str]], hops: list[tuple[str, float]]
) -> list[str]:
    """Lines for the bench's -v output: each leg's median over the presses."""
    rows = [legs for p in presses if (legs := legs_of(p, ws, hops)) is not None]
    if not rows:
        return ["  (no press had every hop stamped)"]
    lines = [f"  keypress, hop by hop (medians of {len(rows)} presses, ms):"]
    by_owner: dict[str, float] = {}
    for i, (label, owner) in enumerate(LEGS):
        median = statistics.median(r[i] for r in rows)
        by_owner[owner] = by_owner.get(owner, 0.0) + median
        lines.append(f"    {label:56} {median:5.2f}  ({owner})")
    total = statistics.median(sum(r) for r in rows)
    split = ", ".join(f"{owner} {ms:.1f}" for owner, ms in by_owner.items())
    lines.append(f"    {'total':56} {total:5.2f}  (sums of medians: {split})")
    return lines
