"""What one viewer holds, so that nothing unchanged is sent to it again."""

from __future__ import annotations

from collections.abc import Iterable

from sidepane.protocol.frames import Path


class ViewerModel:
    """Per-connection record of each path's (type, props hash) and of the payloads sent.

    Only the script thread of the session touches it, so it needs no lock.
    """

    def __init__(self) -> None:
        self.nodes: dict[Path, tuple[str, int]] = {}
        self.payloads: set[str] = set()

    def reset(self) -> None:
        self.nodes.clear()
        self.payloads.clear()

    def holds(self, path: Path, type_: str, props_hash: int) -> bool:
        return self.nodes.get(path) == (type_, props_hash)

    def record(self, path: Path, type_: str, props_hash: int) -> None:
        old = self.nodes.get(path)
        if old is not None and old[0] != type_:
            # The viewer drops a replaced node's subtree (docs/protocol.md, upsert).
            self._forget_below(path)
        self.nodes[path] = (type_, props_hash)

    def forget_root(self, root: str) -> None:
        """The viewer dropped everything under `root` by itself (a page change)."""
        for p in [p for p in self.nodes if p[0] == root]:
            del self.nodes[p]

    def _forget_below(self, path: Path) -> None:
        n = len(path)
        for p in [p for p in self.nodes if len(p) > n and p[:n] == path]:
            del self.nodes[p]

    def removals(self, produced: Iterable[Path], scope: list[Path] | None = None) -> list[Path]:
        """Forget what a finished run did not produce; return the minimal roots to remove.

        `scope` (a fragment's run): only paths under one of these count; the rest stays."""
        keep = set(produced)
        gone = [
            p
            for p in self.nodes
            if p not in keep and (scope is None or any(p[: len(s)] == s for s in scope))
        ]
        if not gone:
            return []
        gone_set = set(gone)
        for p in gone:
            del self.nodes[p]
        return [
            p
            for p in sorted(gone, key=_sort_key)
            if not any(p[:k] in gone_set for k in range(2, len(p)))
        ]


def _sort_key(path: Path) -> tuple[object, ...]:
    return (len(path), tuple(str(x) if isinstance(x, str) else f"{x:09d}" for x in path))
