"""Compiled script code, once per file version, with magic applied."""

from __future__ import annotations

import ast
import importlib.util
import os
import threading
from collections.abc import Callable
from types import CodeType

from sidepane.runtime.magic import add_magic

MAGIC_NAME = "__sidepane_magic__"


class ScriptCache:
    """Compiles a script when its (mtime, size) changes; an unchanged file's code is reused.

    `magic_enabled` (the app's `runner.magicEnabled`) is asked at each compile."""

    def __init__(self, magic_enabled: Callable[[], bool] = lambda: True) -> None:
        self._lock = threading.Lock()
        self._magic_enabled = magic_enabled
        self._codes: dict[str, tuple[int, int, CodeType]] = {}

    def changed_since_compiled(self) -> list[str]:
        """The scripts whose file changed (or went away) since their code was compiled."""
        with self._lock:
            compiled = [(path, hit[0], hit[1]) for path, hit in self._codes.items()]
        changed = []
        for path, mtime_ns, size in compiled:
            try:
                st = os.stat(path)
            except OSError:
                changed.append(path)
                continue
            if (st.st_mtime_ns, st.st_size) != (mtime_ns, size):
                changed.append(path)
        return changed

    def get_code(self, path: str) -> CodeType:
        """The script's code object; raises OSError or SyntaxError like the import system would."""
        st = os.stat(path)
        with self._lock:
            hit = self._codes.get(path)
        if hit is not None and hit[0] == st.st_mtime_ns and hit[1] == st.st_size:
            return hit[2]
        with open(path, "rb") as f:
            source = importlib.util.decode_source(f.read())
        tree = ast.parse(source, filename=path)
        if self._magic_enabled():
            tree = add_magic(tree, magic_name=MAGIC_NAME)
        code = compile(tree, path, "exec", dont_inherit=True)
        with self._lock:
            self._codes[path] = (st.st_mtime_ns, st.st_size, code)
        return code
