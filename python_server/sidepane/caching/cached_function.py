"""The call path every cached function shares: key, lookup, single-flight compute, replay.

The three decorators (`st.cache`, `st.cache_data`, `st.cache_resource`) differ only in how they
build a key and how they store and hand back a value; those are the hooks subclasses fill in.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, ParamSpec, TypeVar

import xxhash

from sidepane.caching import explain
from sidepane.caching.dependencies import Part
from sidepane.caching.hashing import Hasher, HashFuncs
from sidepane.caching.replay import Recorder, Recording, replay
from sidepane.caching.store import DiskStore, Entry, FunctionStore, Registry, cache_root
from sidepane.runtime.context import RunContext, get_run_context

P = ParamSpec("P")
R = TypeVar("R")

log = logging.getLogger("sidepane.cache")

# How often a caller waiting for another session's computation checks for a rerun or stop.
_WAIT_SLICE = 0.05


class CachedFunction(Generic[P, R]):
    """A function whose results are cached; call it like the function itself.

    `.clear()` forgets every stored result of this function; `.clear(*args, **kwargs)` only the
    one for those arguments.
    """

    kind = "cache"
    allow_widgets = False
    # Legacy `suppress_st_warning`: no "widget in a cached function" warning.
    quiet = False
    # `scope="session"`: each session has its own entries.
    session_scoped = False

    def __init__(
        self,
        func: Callable[P, R],
        registry: Registry,
        *,
        show_spinner: bool | str,
        hash_funcs: HashFuncs | None,
        max_entries: int | None,
        ttl: float | None,
        persist: bool,
        on_release: Callable[[Any], None] | None = None,
    ) -> None:
        functools.update_wrapper(self, func)
        self._func = func
        code = getattr(func, "__code__", None)
        self._filename: str = code.co_filename if code is not None else repr(func)
        self._qualname: str = getattr(func, "__qualname__", repr(func))
        self._arg_names: tuple[str, ...] = (
            code.co_varnames[: code.co_argcount + code.co_kwonlyargcount] if code else ()
        )
        self._store: FunctionStore = registry.store_for(self._filename, self._qualname)
        disk = None
        if persist:
            ident = xxhash.xxh3_128_hexdigest(f"{self._filename}\0{self._qualname}".encode())
            disk = DiskStore(cache_root() / registry.kind / ident)
        self._store.configure(max_entries=max_entries, ttl=ttl, disk=disk, on_release=on_release)
        self._show_spinner = show_spinner
        self._hasher = Hasher(hash_funcs, hash_function=self._hash_function)

    # ---- hooks ----

    def _hash_function(self, func: Callable[..., Any], hasher: Hasher) -> bytes:
        from sidepane.caching.dependencies import fingerprint

        return fingerprint(func, hasher)

    def _function_parts(self, parts: list[Part]) -> None:
        """Append the parts of the key that come from the function itself (not its args)."""
        raise NotImplementedError

    def _skips_argument(self, name: str | None) -> bool:
        return False

    def _make_entry(self, value: Any, recording: Recording) -> Entry:
        return Entry(value, recording)

    def _value_from_hit(self, entry: Entry, key: str) -> tuple[bool, Any]:
        """(still valid, value to return) for a stored entry."""
        return True, entry.value

    def _value_from_miss(self, entry: Entry, value: Any) -> Any:
        return value

    # ---- calling ----

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key, parts = self._key(args, kwargs)
        ctx = get_run_context()
        store = self._store
        while True:
            entry = store.get(key)
            if entry is not None:
                valid, value = self._value_from_hit(entry, key)
                if valid:
                    explain.note_hit(self._qualname)
                    if ctx is not None and entry.recording:
                        replay(ctx, entry.recording, _active_path(ctx))
                    result: R = value
                    return result
                store.remove(key)
                continue
            event = store.begin(key)
            if event is None:
                break
            _wait(ctx, event)
        try:
            explain.note_miss(
                self.kind, self._filename, self._qualname, parts, persisted=store.disk is not None
            )
            value, recording = self._compute(ctx, args, kwargs)
            entry = self._make_entry(value, recording)
            store.put(key, entry)
        finally:
            store.end(key)
        result = self._value_from_miss(entry, value)
        return result

    def _key(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, list[Part]]:
        parts: list[Part] = []
        self._function_parts(parts)
        if self.session_scoped:
            ctx = get_run_context()
            session_id = ctx.session.id if ctx is not None else ""
            parts.append(Part("session", "", session_id.encode()))
        hasher = self._hasher
        names = self._arg_names
        where = f"`{self._qualname}`"
        for i, value in enumerate(args):
            name = names[i] if i < len(names) else None
            if self._skips_argument(name):
                continue
            label = name if name is not None else f"#{i}"
            digest = hasher.hash(value, origin=f"argument `{label}` of {where}")
            parts.append(Part("argument", label, digest))
        for name, value in kwargs.items():
            if self._skips_argument(name):
                continue
            digest = hasher.hash(value, origin=f"argument `{name}` of {where}")
            parts.append(Part("argument", name, digest))
        h = xxhash.xxh3_128()
        h.update(self._qualname.encode())
        for part in parts:
            h.update(part.rule.encode())
            h.update(part.name.encode())
            h.update(part.digest)
        return h.hexdigest(), parts

    def _compute(
        self, ctx: RunContext | None, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> tuple[Any, Recording]:
        if ctx is None:
            return self._func(*args, **kwargs), Recording()
        recorder = Recorder(ctx, _active_path(ctx), allow_widgets=self.allow_widgets)
        recorder.warned = self.quiet
        ctx.recorders.append(recorder)
        try:
            message = self._spinner_message(args, kwargs)
            if message is None:
                value = self._func(*args, **kwargs)
            else:
                from sidepane.elements.delta_generator import main_dg

                with main_dg.spinner(message, _cache=True):
                    value = self._func(*args, **kwargs)
        finally:
            ctx.recorders.remove(recorder)
        return value, recorder.recording

    def _spinner_message(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str | None:
        if isinstance(self._show_spinner, str):
            return self._show_spinner
        if self._show_spinner:
            return f"Running `{self._qualname}({'...' if args or kwargs else ''})`."
        return None

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget this function's cached results (only those for these arguments, if given)."""
        if args or kwargs:
            key, _ = self._key(args, kwargs)
            self._store.remove(key)
        else:
            self._store.clear()


def _active_path(ctx: RunContext) -> tuple[str | int, ...]:
    from sidepane.elements.delta_generator import main_dg

    return main_dg._active(ctx)._path


def _wait(ctx: RunContext | None, event: threading.Event) -> None:
    """Wait for another caller's computation, still obeying a rerun or stop request."""
    while not event.wait(_WAIT_SLICE):
        if ctx is not None:
            ctx.yield_point()


def ttl_seconds(ttl: float | Any | str | None) -> float | None:
    """`ttl` as seconds: a number, a timedelta, or a string like "1h", "30m", "10s", "1d"."""
    if ttl is None:
        return None
    if hasattr(ttl, "total_seconds"):
        return float(ttl.total_seconds())
    if isinstance(ttl, str):
        import re

        from sidepane.errors import SidepaneAPIException

        total = 0.0
        units = {"d": 86400, "h": 3600, "m": 60, "s": 1}
        text = ttl.strip().lower().replace(" ", "")
        matches = re.findall(r"(\d+(?:\.\d+)?)(d|h|m|s)", text)
        if not matches or "".join(n + u for n, u in matches) != text:
            raise SidepaneAPIException(f"Invalid `ttl` value: {ttl!r}. Use e.g. 30, '10m' or '1h'.")
        for number, unit in matches:
            total += float(number) * units[unit]
        return total
    return float(ttl)
