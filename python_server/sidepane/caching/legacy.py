"""`@st.cache`: the original promise, kept exact.

A call is skipped when its arguments, the external variables the function reads, its body and the
bodies of the functions it uses are all unchanged (see dependencies.py). The result is the same
object each time; unless `allow_output_mutation=True`, a caller's mutation of it is detected on
the next call, reported in the app, and undone.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar, overload

from sidepane.caching.cached_function import CachedFunction, ttl_seconds
from sidepane.caching.dependencies import Part, fingerprint
from sidepane.caching.hashing import HashFuncs, UnhashableTypeError
from sidepane.caching.replay import Recording, widget_values
from sidepane.caching.store import Entry, Registry
from sidepane.runtime.context import get_run_context

F = TypeVar("F", bound=Callable[..., Any])

registry = Registry("cache")


class LegacyCachedFunction(CachedFunction[..., Any]):
    kind = "cache"

    def __init__(
        self,
        func: Callable[..., Any],
        *,
        allow_output_mutation: bool,
        allow_widgets: bool,
        quiet: bool,
        **kw: Any,
    ) -> None:
        super().__init__(func, registry, **kw)
        self._allow_mutation = allow_output_mutation
        self.allow_widgets = allow_widgets
        self.quiet = quiet

    def _function_parts(self, parts: list[Part]) -> None:
        fingerprint(self._func, self._hasher, parts)

    def _make_entry(self, value: Any, recording: Recording) -> Entry:
        entry = Entry(value, recording)
        specs = [w for *_, w in recording.elements if w is not None]
        if self.allow_widgets and specs:
            entry.widget_values = widget_values(get_run_context(), specs)
        if not self._allow_mutation:
            try:
                entry.output_digest = self._hasher.hash(
                    value, origin=f"the return value of `{self._qualname}()`"
                )
            except UnhashableTypeError as exc:
                raise UnhashableTypeError(
                    f"{exc}\n\nSidepane hashes the return value of a cached function to notice "
                    "if your code changes it later. If the value is meant to be shared and "
                    "changed (a database connection, a model), pass "
                    "`allow_output_mutation=True` to `@st.cache`."
                ) from None
            try:
                entry.pristine = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                entry.pristine = None  # mutation is still detected, just not undone
        return entry

    def _value_from_hit(self, entry: Entry, key: str) -> tuple[bool, Any]:
        if entry.widget_values is not None:
            specs = [w for *_, w in entry.recording.elements if w is not None]
            if widget_values(get_run_context(), specs) != entry.widget_values:
                return False, None  # a widget inside moved: compute again
        if entry.output_digest is None or self._allow_mutation:
            return True, entry.value
        try:
            digest = self._hasher.hash(
                entry.value, origin=f"the return value of `{self._qualname}()`"
            )
        except UnhashableTypeError:
            digest = b""
        if digest != entry.output_digest:
            self._warn_mutated(restored=entry.pristine is not None)
            if entry.pristine is not None:
                entry.value = pickle.loads(entry.pristine)
        return True, entry.value

    def _warn_mutated(self, *, restored: bool) -> None:
        from sidepane.elements.delta_generator import main_dg

        name = self._qualname
        main_dg.warning(
            f"**Cached object mutated.** The return value of `{name}()` was changed after it was "
            "returned from the cache.\n\n"
            f"`@st.cache` returns the same object to every caller, so a change made by one caller "
            f"would silently reach the next. "
            + ("The stored value has been restored. " if restored else "")
            + f"Copy the value before changing it, or pass `allow_output_mutation=True` to "
            f"`@st.cache` on `{name}` if it is meant to be shared and changed."
        )


@overload
def cache(func: F) -> F: ...


@overload
def cache(
    func: None = None,
    persist: bool = False,
    allow_output_mutation: bool = False,
    show_spinner: bool = True,
    suppress_st_warning: bool = False,
    hash_funcs: HashFuncs | None = None,
    max_entries: int | None = None,
    ttl: float | timedelta | None = None,
    experimental_allow_widgets: bool = False,
) -> Callable[[F], F]: ...


def cache(
    func: F | None = None,
    persist: bool = False,
    allow_output_mutation: bool = False,
    show_spinner: bool = True,
    suppress_st_warning: bool = False,
    hash_funcs: HashFuncs | None = None,
    max_entries: int | None = None,
    ttl: float | timedelta | None = None,
    experimental_allow_widgets: bool = False,
) -> F | Callable[[F], F]:
    """Skip a slow function when nothing it depends on has changed.

    A call returns the stored result when all four are unchanged: the arguments, the values of
    the global and closure variables the function reads, its body, and the bodies of the
    functions it uses (local helpers, methods of local classes, functions passed in).
    Moving the function or editing unrelated code keeps the cache.

    - `persist`: also keep results on disk, across restarts.
    - `allow_output_mutation`: return the shared object without checking that callers leave it
      unchanged (for connections, models…).
    - `show_spinner`: show "Running `f(...)`." while it computes.
    - `suppress_st_warning`: no warning for widgets drawn inside the function.
    - `experimental_allow_widgets`: widgets inside are fine; a hit needs their values unchanged.
    - `hash_funcs`: `{type: function}` to hash values of types Sidepane cannot hash.
    - `max_entries`, `ttl` (seconds or timedelta): bound the cache.
    - `st.` calls inside the function are drawn again on every hit.
    """

    def decorate(f: F) -> F:
        wrapped = LegacyCachedFunction(
            f,
            allow_output_mutation=allow_output_mutation,
            allow_widgets=experimental_allow_widgets,
            quiet=suppress_st_warning,
            show_spinner=show_spinner,
            hash_funcs=hash_funcs,
            max_entries=max_entries,
            ttl=ttl_seconds(ttl),
            persist=persist,
        )
        return wrapped  # type: ignore[return-value]

    if func is not None:
        return decorate(func)
    return decorate
