"""Fragments: functions that rerun on their own (`@st.fragment`, and `@st.dialog` built on it).

A fragment draws into a block of its own at its call site. A full run calls it like any function;
a widget it drew (or its `run_every` tick) asks for a *fragment run*: the script thread calls just
that function again, with the arguments of its last call, at the same place, and the viewer keeps
everything outside it (docs/protocol.md, "Fragment runs"). What the run may touch is its *scope*:
the fragment's block and the blocks it keeps in containers created outside it ("outside writes":
`st.sidebar.write` from a fragment, or a column made before it was called), which it reserves in
a full run and refills in place in its own runs, as Streamlit 1.67 does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import xxhash

from sidepane.errors import StreamlitAPIException, StreamlitInvalidLayoutContextError
from sidepane.protocol.frames import Path

if TYPE_CHECKING:
    from sidepane.elements.dg_core import DeltaGeneratorCore
    from sidepane.runtime.context import RunContext

# `st.rerun(scope=...)` reads these as levels, so they cannot name a fragment.
RESERVED_KEYS = frozenset({"app", "fragment"})

OUTSIDE_WRITE_ERROR = (
    "A fragment tried to write to a container created outside it, but the fragment did not "
    "write to that container during the last full app run, so Streamlit could not reserve a "
    "stable position for it.\n\n"
    "If this fragment uses `parallel=True`, writing to containers created outside it is not "
    "supported, including `st.sidebar` and `st.bottom`. Move the element inside the fragment "
    "body.\n\n"
    "Otherwise, inside the fragment function, write to the container on every full app run "
    "(e.g. `outside_container.empty()` or `with outside_container: st.empty()`), then fill it "
    "during fragment reruns."
)


PARALLEL_OUTSIDE_WRITE_ERROR = (
    "Writing to a container created outside a parallel fragment, including `st.sidebar` and "
    "`st.bottom`, is not supported on a full app run or a later fragment rerun.\n\n"
    "To fix this, move the element inside the fragment body."
)


def parallel_unsafe_error(api_name: str) -> StreamlitInvalidLayoutContextError:
    """Streamlit's error for a command a parallel fragment may not call in a full run."""
    return StreamlitInvalidLayoutContextError(
        f"`{api_name}` cannot be called from a parallel fragment during the initial page load, "
        f"because parallel fragments run concurrently on separate threads where `{api_name}` is "
        "not safe.\n\nTo fix this, gate the call behind a widget interaction (e.g., "
        "`if st.button(...):`) so it runs during a sequential fragment rerun instead."
    )


class FragmentHandledException(Exception):
    """A fragment raised; its error is already drawn inside it, and the run ends (Streamlit's)."""


@dataclass(eq=False)
class Fragment:
    """One call site of a fragment function, as its latest run drew it."""

    id: str
    path: Path  # its block
    block: tuple[str, dict[str, Any]]  # the block's type and props
    func: Callable[..., Any]  # the decorated function
    body: Callable[[], Any]  # the function with the arguments of its last call
    parent: str | None  # the fragment it was called in
    chain: tuple[str, ...]  # the ids of the fragments it runs in, outermost first, its own last
    stack: list[DeltaGeneratorCore]  # the `with` stack at its call
    form_id: str | None
    run_every: float | None = None
    key: str | None = None
    # `parallel=True` here or in a fragment it runs in: Streamlit runs it on a worker thread in
    # a full run, where writing outside it and some commands are refused (Sidepane runs it in
    # order, and refuses the same).
    parallel: bool = False
    # Outside containers it writes to: the container's path -> the block it keeps there.
    outside: dict[Path, Path] = field(default_factory=dict)


class Fragments:
    """One session's fragments, by id. Only the script thread writes it."""

    def __init__(self) -> None:
        self.by_id: dict[str, Fragment] = {}

    def get(self, fragment_id: str) -> Fragment | None:
        return self.by_id.get(fragment_id)

    def descendants(self, fragment_id: str) -> list[Fragment]:
        """The fragment and every fragment called inside it (at any depth)."""
        found = [f for f in self.by_id.values() if f.id == fragment_id]
        ids = {fragment_id}
        grew = True
        while grew:
            grew = False
            for f in self.by_id.values():
                if f.parent in ids and f.id not in ids:
                    ids.add(f.id)
                    found.append(f)
                    grew = True
        return found

    def scope(self, fragment_id: str) -> list[Path]:
        """What a run of this fragment may redraw: its block and its outside blocks (nested
        fragments' included), minimal (no path under another)."""
        paths: list[Path] = []
        for f in self.descendants(fragment_id):
            paths.append(f.path)
            paths.extend(f.outside.values())
        paths.sort(key=len)
        minimal: list[Path] = []
        for p in paths:
            if not any(p[: len(q)] == q for q in minimal):
                minimal.append(p)
        return minimal

    def resolve_keys(self, names: Iterable[str]) -> list[str]:
        """The fragments named by `@st.fragment(key=...)`, each name's call sites in order."""
        ids: list[str] = []
        for name in names:
            found = [f.id for f in self.by_id.values() if f.key == name]
            if not found:
                raise StreamlitAPIException(
                    f"No fragment found for target '{name}'. Pass the same `key` you set on "
                    "`@st.fragment(key=...)`, and make sure that fragment has rendered at least "
                    "once."
                )
            ids.extend(i for i in found if i not in ids)
        return ids

    def end_run(self, seen: set[str], fragment_run: str | None) -> list[str]:
        """Forget the fragments the run did not call again: after a full run, every such one;
        after a fragment's run, those inside it. Returns the ids forgotten."""
        if fragment_run is None:
            gone = [i for i in self.by_id if i not in seen]
        else:
            gone = [
                f.id
                for f in self.descendants(fragment_run)
                if f.id != fragment_run and f.id not in seen
            ]
        for i in gone:
            del self.by_id[i]
        return gone


def fragment_id(func: Callable[..., Any], path: Path, extra: str = "") -> str:
    """A call site's id: the function's name and the place of its block."""
    name = f"{getattr(func, '__module__', '')}.{getattr(func, '__qualname__', repr(func))}"
    return xxhash.xxh3_128_hexdigest(f"{name}{list(path)}{extra}".encode())


def call(
    ctx: RunContext,
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    *,
    block: tuple[str, dict[str, Any]] = ("container", {}),
    run_every: float | None = None,
    key: str | None = None,
    parallel: bool = False,
    extra: str = "",
    at_root: Path | None = None,
) -> Any:
    """Call a fragment function in the run in progress: reserve its block here (or, `at_root`,
    at the end of that root, belonging to no other fragment: a dialog), remember it, and run it
    inside the block."""
    from sidepane.elements.delta_generator import main_dg

    ctx.yield_point()
    if at_root is not None:
        parent = None
        path = ctx.next_path(at_root)
        form_id = None
    else:
        parent = ctx.fragment
        target = redirect(ctx, main_dg._active(ctx))
        path = target._path if target._kind == "element" else ctx.next_path(target._path)
        form_id = target._form_id
    fid = fragment_id(func, path, extra)
    fragments = ctx.session.fragments
    if key is not None:
        for other in ctx.fragments_seen:
            known = fragments.get(other)
            if known is not None and known.key == key and known.func is not func:
                raise _duplicate_key(key)
    record = Fragment(
        id=fid,
        path=path,
        block=block,
        func=func,
        body=lambda: func(*args, **kwargs),
        parent=parent.id if parent is not None else None,
        chain=(*(parent.chain if parent is not None else ()), fid),
        stack=list(ctx.dg_stack) if at_root is None else [],
        form_id=form_id,
        run_every=run_every,
        key=key,
        parallel=parallel or (parent is not None and parent.parallel),
    )
    old = fragments.get(fid)
    running = fragments.get(ctx.fragment_run) if ctx.fragment_run is not None else None
    if old is not None and running is not None:
        # Its outside blocks stay in a fragment run (a full run reserves them again), except
        # in containers the running fragment draws again now: those are reserved anew.
        record.outside = {c: b for c, b in old.outside.items() if not within(c, running.path)}
    fragments.by_id[fid] = record
    ctx.session.ticker.set(fid, run_every)
    result = execute(ctx, record)
    # Streamlit hands a parallel fragment to a worker in a full run: the call returns None.
    return None if parallel and ctx.fragment_run is None else result


def _duplicate_key(key: str) -> StreamlitAPIException:
    from sidepane.errors import StreamlitDuplicateElementKey

    return StreamlitDuplicateElementKey(
        f"There are multiple elements with the same `key='{key}'`. To fix this, please make sure "
        "that the `key` argument is unique for each element you create."
    )


def enter_block(ctx: RunContext, record: Fragment) -> None:
    """Make the fragment's block where `st.` calls draw (a callback, an error in its run)."""
    from sidepane.elements.delta_generator import main_dg

    ctx.fragment = record
    ctx.dg_stack = [main_dg._new(record.path, "block", record.form_id)]


def execute(ctx: RunContext, record: Fragment) -> Any:
    """Run a fragment inside its block (drawn again at its path), as the innermost fragment."""
    from sidepane.elements.delta_generator import main_dg

    type_, props = record.block
    ctx.emit(record.path, type_, props)
    ctx.cursors.pop(record.path, None)  # its children count from 0 again
    container = main_dg._new(record.path, "block", record.form_id)
    outer_fragment, outer_stack = ctx.fragment, ctx.dg_stack
    ctx.fragment = record
    ctx.fragments_seen.add(record.id)
    if ctx.fragment_run == record.id:
        ctx.dg_stack = list(record.stack)  # its own run: the `with` blocks of its call
    if ctx.fragment_run is not None:
        _refresh_outside(ctx, record)
    try:
        with container:
            return record.body()
    except FragmentHandledException:
        raise
    except Exception as exc:
        # Drawn inside the fragment, where it failed; the run then ends (Streamlit's way).
        ctx.dg_stack = [container]
        main_dg.exception(exc)
        raise FragmentHandledException(exc) from exc
    finally:
        ctx.fragment = outer_fragment
        ctx.dg_stack = outer_stack


def _refresh_outside(ctx: RunContext, record: Fragment) -> None:
    """In a fragment run, the blocks it keeps outside are drawn again, their children from 0."""
    for block_path in record.outside.values():
        ctx.emit(block_path, "container", {})
        ctx.cursors.pop(block_path, None)


def within(path: Path, root: Path) -> bool:
    return path[: len(root)] == root


def redirect(ctx: RunContext, target: DeltaGeneratorCore) -> DeltaGeneratorCore:
    """Where an `st.` call of the innermost running fragment really draws: its own block, or for
    a container created outside it, the block it keeps there (reserved by a full run)."""
    record = ctx.fragment
    if record is None:
        return target
    path = target._path
    if within(path, record.path) or any(within(path, w) for w in record.outside.values()):
        return target
    container_path = path
    block_path = record.outside.get(container_path)
    if block_path is None and record.parallel and ctx.fragment_run is None:
        raise StreamlitInvalidLayoutContextError(PARALLEL_OUTSIDE_WRITE_ERROR)
    if block_path is None:
        created_now = ctx.fragment_run is None or path in ctx.produced
        if not created_now:
            raise StreamlitInvalidLayoutContextError(OUTSIDE_WRITE_ERROR)
        block_path = path if target._kind == "element" else ctx.next_path(path)
        record.outside[container_path] = block_path
        ctx.emit(block_path, "container", {})
    elif block_path not in ctx.produced:
        ctx.emit(block_path, "container", {})
        ctx.cursors.pop(block_path, None)
    if target._kind == "element":
        # A placeholder (`st.empty()`) holds one element: each write replaces it.
        return target._new((*block_path, 0), "element", target._form_id)
    return target._new(block_path, "block", target._form_id)


def in_parallel_full_run(ctx: RunContext) -> bool:
    """Whether a parallel fragment runs now as part of a full run (Streamlit's worker thread)."""
    return ctx.fragment is not None and ctx.fragment.parallel and ctx.fragment_run is None


def check_in_fragment_run(ctx: RunContext) -> Fragment:
    """The fragment `st.rerun(scope="fragment")` reruns; Streamlit's error outside one's run."""
    if ctx.fragment_run is None or ctx.fragment is None:
        raise StreamlitInvalidLayoutContextError(
            'scope="fragment" can only be specified from `@st.fragment`-decorated functions '
            "during fragment reruns."
        )
    return ctx.fragment
