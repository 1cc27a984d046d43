"""`st.cache_data` and `st.cache_resource`, with Streamlit's current semantics.

Both key a call by the function's source code and its arguments (parameters whose name starts
with `_` are not hashed). `cache_data` stores a pickle and hands each caller its own copy;
`cache_resource` hands every caller the same object.
"""

from __future__ import annotations

import inspect
import pickle
import threading
from collections.abc import Callable
from datetime import timedelta
from types import CodeType
from typing import Any, Literal, TypeVar, overload

import xxhash

from sidepane.caching.cached_function import CachedFunction, ttl_seconds
from sidepane.caching.dependencies import Part
from sidepane.caching.hashing import HashFuncs
from sidepane.caching.replay import Recording
from sidepane.caching.store import Entry, Registry
from sidepane.errors import SidepaneAPIException

F = TypeVar("F", bound=Callable[..., Any])

_source_lock = threading.Lock()
_source_digests: dict[CodeType, bytes] = {}


def _source_digest(func: Callable[..., Any]) -> bytes:
    """The digest of the function's source text, computed once per code object."""
    code = getattr(func, "__code__", None)
    if code is not None:
        hit = _source_digests.get(code)
        if hit is not None:
            return hit
    try:
        text: str | bytes = inspect.getsource(func)
    except (OSError, TypeError):
        text = code.co_code if code is not None else repr(func)
    digest = xxhash.xxh3_128_digest(text.encode() if isinstance(text, str) else text)
    if code is not None:
        with _source_lock:
            _source_digests[code] = digest
    return digest


def _check_scope(scope: object) -> None:
    if scope not in ("global", "session"):
        raise SidepaneAPIException(
            f"Invalid `scope` value. Supported values: 'global', 'session'. Got {scope!r}."
        )


class _StreamlitStyleCachedFunction(CachedFunction[..., Any]):
    def _function_parts(self, parts: list[Part]) -> None:
        parts.append(Part("body", self._qualname, _source_digest(self._func)))

    def _skips_argument(self, name: str | None) -> bool:
        return name is not None and name.startswith("_")


# ---- cache_data ----

data_registry = Registry("data")


class DataCachedFunction(_StreamlitStyleCachedFunction):
    kind = "data"

    def _make_entry(self, value: Any, recording: Recording) -> Entry:
        try:
            pickled = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            raise SidepaneAPIException(
                f"Cannot serialize the return value (of type `{type(value).__module__}."
                f"{type(value).__qualname__}`) in `{self._qualname}()`. `st.cache_data` uses "
                "pickle to serialize the function's return value and safely store it in the "
                "cache without mutating the original object. Please convert the return value to "
                "a pickle-serializable type. If you want to cache unserializable objects such as "
                "database connections or Tensorflow sessions, use `st.cache_resource` instead."
            ) from None
        return Entry(pickled, recording)

    def _value_from_hit(self, entry: Entry, key: str) -> tuple[bool, Any]:
        return True, pickle.loads(entry.value)


class CacheDataAPI:
    """`st.cache_data`: cache what a function returns, as a fresh copy for each caller.

    Use it for data: DataFrames, query results, API responses. Calls are keyed by the function's
    source code and its arguments (parameters named with a leading `_` are not hashed). The
    value is pickled; each call gets its own copy, so callers cannot change each other's.

    - `ttl`: seconds, a timedelta, or a string like "10m"; `max_entries`: an LRU bound.
    - `persist="disk"`: keep results on disk across restarts.
    - `show_spinner`: True, False or the text to show while computing.
    - `hash_funcs`: `{type: function}` for argument types Sidepane cannot hash.
    - `scope="session"`: each session (browser tab) gets its own entries.

    `st.cache_data.clear()` empties every `cache_data` cache; `f.clear()` just `f`'s.
    """

    @overload
    def __call__(self, func: F) -> F: ...

    @overload
    def __call__(
        self,
        func: None = None,
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: Literal["disk"] | bool | None = None,
        hash_funcs: HashFuncs | None = None,
        scope: Literal["global", "session"] = "global",
        refresh_mode: str = "foreground",
    ) -> Callable[[F], F]: ...

    def __call__(
        self,
        func: F | None = None,
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: Literal["disk"] | bool | None = None,
        hash_funcs: HashFuncs | None = None,
        scope: Literal["global", "session"] = "global",
        refresh_mode: str = "foreground",
    ) -> F | Callable[[F], F]:
        if persist not in (None, False, True, "disk"):
            raise SidepaneAPIException(
                f"Unsupported persist option '{persist}'. Valid values are 'disk' or None."
            )
        _check_scope(scope)
        seconds = ttl_seconds(ttl)

        def decorate(f: F) -> F:
            wrapped = DataCachedFunction(
                f,
                data_registry,
                show_spinner=show_spinner,
                hash_funcs=hash_funcs,
                max_entries=max_entries,
                ttl=seconds,
                persist=persist in (True, "disk"),
            )
            wrapped.session_scoped = scope == "session"
            return wrapped  # type: ignore[return-value]

        return decorate(func) if func is not None else decorate

    def clear(self) -> None:
        """Empty every `st.cache_data` cache."""
        data_registry.clear_all()


# ---- cache_resource ----

resource_registry = Registry("resource")


class ResourceCachedFunction(_StreamlitStyleCachedFunction):
    kind = "resource"

    def __init__(
        self, func: Callable[..., Any], *, validate: Callable[[Any], bool] | None, **kw: Any
    ) -> None:
        super().__init__(func, resource_registry, **kw)
        self._validate = validate

    def _value_from_hit(self, entry: Entry, key: str) -> tuple[bool, Any]:
        if self._validate is not None and not self._validate(entry.value):
            return False, None
        return True, entry.value


class CacheResourceAPI:
    """`st.cache_resource`: create a shared resource once and hand every caller the same object.

    Use it for database connections, ML models, clients: things that should exist once per
    process, shared by all sessions. Calls are keyed by the function's source code and its
    arguments (parameters named with a leading `_` are not hashed).

    - `validate(value) -> bool`: checked on each hit; False recreates the resource.
    - `on_release(value)`: called when an entry is evicted or cleared.
    - `ttl`, `max_entries`, `show_spinner`, `hash_funcs` as in `st.cache_data`.

    `st.cache_resource.clear()` empties every `cache_resource` cache; `f.clear()` just `f`'s.
    """

    @overload
    def __call__(self, func: F) -> F: ...

    @overload
    def __call__(
        self,
        func: None = None,
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], None] | None = None,
        scope: Literal["global", "session"] = "global",
        refresh_mode: str = "foreground",
    ) -> Callable[[F], F]: ...

    def __call__(
        self,
        func: F | None = None,
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], None] | None = None,
        scope: Literal["global", "session"] = "global",
        refresh_mode: str = "foreground",
    ) -> F | Callable[[F], F]:
        _check_scope(scope)
        seconds = ttl_seconds(ttl)

        def decorate(f: F) -> F:
            wrapped = ResourceCachedFunction(
                f,
                validate=validate,
                show_spinner=show_spinner,
                hash_funcs=hash_funcs,
                max_entries=max_entries,
                ttl=seconds,
                persist=False,
                on_release=on_release,
            )
            wrapped.session_scoped = scope == "session"
            return wrapped  # type: ignore[return-value]

        return decorate(func) if func is not None else decorate

    def clear(self) -> None:
        """Empty every `st.cache_resource` cache."""
        resource_registry.clear_all()


cache_data = CacheDataAPI()
cache_resource = CacheResourceAPI()
