"""`sidepane snapshot`: run a script once, headless, and print the element tree it produced."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sidepane.protocol.frames import PROTOCOL_VERSION, decode_message, frame
from sidepane.runtime.app import App
from sidepane.testing.element_tree import Node, Tree


class SnapshotResult:
    """The tree and how the run ended."""

    def __init__(self, tree: Tree, status: str, ms: float, toasts: list[str]) -> None:
        self.tree = tree
        self.status = status
        self.ms = ms
        self.toasts = toasts


def take_snapshot(script: str, args: Sequence[str] = (), timeout: float = 30.0) -> SnapshotResult:
    """Run `script` once in a session of its own and rebuild the tree from its frames."""
    frames: list[bytes] = []
    app = App(script, args)
    session = app.new_session(frames.append)
    session.handle_message(frame("hello", v=PROTOCOL_VERSION))
    finished = session.wait_idle(timeout)
    if not finished:
        session.request_stop()
        session.wait_idle(2.0)
    session.close(timeout=1.0)
    tree = Tree()
    status, ms = "timeout", 0.0
    toasts: list[str] = []
    for data in frames:
        for f in decode_message(data):
            if f["t"] == "upsert":
                tree.upsert(tuple(f["path"]), f["type"], f["props"])
            elif f["t"] == "run_end":
                for path in f["remove"]:
                    tree.remove(tuple(path))
                status, ms = f["status"], f["ms"]
            elif f["t"] == "toast":
                toasts.append(f["body"])
    if not finished:
        status = "timeout"
    return SnapshotResult(tree, status, ms, toasts)


_SUMMARY_KEYS = ("body", "label", "value", "message", "type", "kind", "labels", "weight")


def _summary(node: Node) -> str:
    props = node.props
    if node.type == "exception":
        lines = [f"{props.get('type')}: {props.get('message')}"]
        lines += [f"    {f['file']}:{f['line']} in {f['name']}" for f in props.get("frames", [])]
        return "\n".join(lines)
    parts = []
    for key in _SUMMARY_KEYS:
        if key in props and key != "type":
            value = props[key]
            text = value if isinstance(value, str) else json.dumps(value, default=str)
            if len(text) > 200:
                text = text[:197] + "..."
            parts.append(f"{key}={text}" if key != "body" else text)
    style = props.get("style")
    return (f"({style}) " if style else "") + " ".join(parts)


def format_text(result: SnapshotResult) -> str:
    """The tree as indented lines: `path type: summary`."""
    out: list[str] = []

    def visit(node: Node, depth: int) -> None:
        for child in node.ordered_children():
            path = ",".join(str(p) for p in child.path)
            summary = _summary(child).replace("\n", "\n" + "  " * (depth + 1))
            out.append(f"{'  ' * depth}[{path}] {child.type}: {summary}".rstrip(": "))
            visit(child, depth + 1)

    for name in ("sidebar", "main", "bottom"):
        root = result.tree.roots[name]
        if root.children:
            out.append(f"{name}:")
            visit(root, 1)
    for body in result.toasts:
        out.append(f"toast: {body}")
    out.append(f"-- run {result.status} in {result.ms:.1f} ms")
    return "\n".join(out)


def to_json(result: SnapshotResult) -> dict[str, Any]:
    """The tree as JSON-ready data, for tools."""

    def node(n: Node) -> dict[str, Any]:
        d: dict[str, Any] = {"path": list(n.path), "type": n.type, "props": n.props}
        if n.children:
            d["children"] = [node(c) for c in n.ordered_children()]
        return d

    return {
        "status": result.status,
        "ms": result.ms,
        "toasts": result.toasts,
        "main": [node(c) for c in result.tree.roots["main"].ordered_children()],
        "sidebar": [node(c) for c in result.tree.roots["sidebar"].ordered_children()],
        "bottom": [node(c) for c in result.tree.roots["bottom"].ordered_children()],
    }
