"""Content hashing of Python values for cache keys.

`Hasher.hash(value, origin=...)` feeds `value` through one xxh3-128 hasher and returns the 16-byte
digest. The encoding is prefix-free: every value starts with a type tag and carries its own length,
so `1`, `1.0`, `"1"`, `True`, `(1,)` and `[1]` all differ, and `("ab", "c")` differs from
`("a", "bc")`. Equal content gives equal digests across `Hasher` instances and runs of the same
process; nothing depends on `id()` or on `hash()` (which is salted per process for str).

Dispatch is a dict keyed on the exact type of each value: the common types have fixed handlers,
any other type is classified once (hash_funcs, numpy, pandas, dataclass, pickle reduction, …) and
its handler remembered. Unordered containers (dict, set) are hashed order-independently.
"""

from __future__ import annotations

import copyreg
import functools
import io
import struct
import sys
import types
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Any, NoReturn

import xxhash

from sidepane.errors import SidepaneAPIException

HashFuncs = Mapping[type[Any] | str, Callable[[Any], Any]]


class UnhashableTypeError(SidepaneAPIException):
    """A cached function got (or reads) a value Sidepane cannot hash by content."""


_Handler = Callable[["_Walk", Any, Any], None]

_new_xxh = xxhash.xxh3_128
_pack_u64 = struct.Struct("<Q").pack
_pack_i64 = struct.Struct("<q").pack
_pack_f64 = struct.Struct("<d").pack
_pack_2f64 = struct.Struct("<dd").pack
_I64_MIN = -(1 << 63)
_I64_MAX = (1 << 63) - 1
_NAN = float("nan")

# Single-byte tags of the built-in handlers. Rarer kinds use `_named`: b"x" + a length-prefixed
# name, so the tag space stays prefix-free without a central registry of every type.
_T_NONE = b"N"
_T_TRUE = b"T"
_T_FALSE = b"F"
_T_INT = b"i"
_T_BIGINT = b"I"
_T_FLOAT = b"f"
_T_NAN = b"n"
_T_COMPLEX = b"c"
_T_STR = b"s"
_T_BYTES = b"b"
_T_BYTEARRAY = b"B"
_T_MEMORYVIEW = b"v"
_T_TUPLE = b"t"
_T_LIST = b"l"
_T_STRSEQ = b"L"  # a long list / tuple of str, hashed in one piece
_T_DICT_SORTED = b"d"
_T_DICT_DIGESTS = b"D"
_T_SET_SORTED = b"e"
_T_SET_DIGESTS = b"E"
_T_FROZENSET_SORTED = b"z"
_T_FROZENSET_DIGESTS = b"Z"
_T_BACKREF = b"@"  # a container met again while inside itself: its depth on the stack
_T_NAMED = b"x"
_ALL_TAGS = (
    _T_NONE,
    _T_TRUE,
    _T_FALSE,
    _T_INT,
    _T_BIGINT,
    _T_FLOAT,
    _T_NAN,
    _T_COMPLEX,
    _T_STR,
    _T_BYTES,
    _T_BYTEARRAY,
    _T_MEMORYVIEW,
    _T_TUPLE,
    _T_LIST,
    _T_STRSEQ,
    _T_DICT_SORTED,
    _T_DICT_DIGESTS,
    _T_SET_SORTED,
    _T_SET_DIGESTS,
    _T_FROZENSET_SORTED,
    _T_FROZENSET_DIGESTS,
    _T_BACKREF,
    _T_NAMED,
)

# Lists / tuples at least this long are first tried as "all str", hashed with one join.
_STRSEQ_MIN = 32
# Per-hasher memo of resolved handlers; reset past this size (scripts define new classes per run).
_MAX_HANDLERS = 4096


# ---------------------------------------------------------------------------------------------
# Errors


class _Unhashable(Exception):
    """Raised inside a walk; collects the path to the bad value while unwinding."""

    def __init__(self, bad_type: type[Any], reason: str | None = None) -> None:
        super().__init__(bad_type)
        self.bad_type = bad_type
        self.reason = reason
        # (segment of the path, type of the container holding it), innermost first
        self.path: list[tuple[str, type[Any]]] = []

    def at(self, segment: str, container: object) -> _Unhashable:
        self.path.append((segment, type(container)))
        return self


def _fqn(tp: type[Any]) -> str:
    """`module.QualName`, as hash_funcs keys and error messages spell a type."""
    module = getattr(tp, "__module__", None)
    qualname = getattr(tp, "__qualname__", None) or getattr(tp, "__name__", repr(tp))
    if not module or module == "builtins":
        return str(qualname)
    return f"{module}.{qualname}"


def _root_name(origin: str) -> str:
    start = origin.find("`")
    end = origin.find("`", start + 1) if start >= 0 else -1
    return origin[start + 1 : end] if end > start >= 0 else "value"


def _error_message(err: _Unhashable, origin: str) -> str:
    type_name = _fqn(err.bad_type)
    chain = list(reversed(err.path))
    where = origin
    if chain:
        where += f", at `{_root_name(origin)}{''.join(seg for seg, _ in chain)}`"
    caching = origin if origin.startswith("the ") else f"the {origin}"
    reason = f" ({err.reason})" if err.reason else ""
    msg = (
        f"Cannot hash object of type `{type_name}`, found in {where}.\n\n"
        f"While caching {caching}, Sidepane encountered an object of type `{type_name}`, "
        f"which it does not know how to hash{reason}.\n\n"
        "To address this, please try helping Sidepane understand how to hash that type by "
        "passing the `hash_funcs` argument into `@st.cache`. For example:\n\n"
        f"```\n@st.cache(hash_funcs={{{type_name}: my_hash_func}})\ndef my_func(...):\n"
        "    ...\n```"
    )
    if chain:
        root = _root_name(origin)
        lines = []
        expr = root
        for segment, container in chain:
            lines.append(f"`{expr}`: {_fqn(container)}")
            expr += segment
        lines.append(f"`{expr}`: {type_name}")
        msg += (
            f"\n\nIf you don't know where the object of type `{type_name}` is coming from, look "
            "at the chain below for an object that you do recognize, then pass its type to "
            "`hash_funcs` instead:\n\n```\n" + "\n".join(lines) + "\n```"
        )
    return msg


def _short_repr(value: object) -> str:
    try:
        text = repr(value)
    except Exception:
        text = f"<{_fqn(type(value))}>"
    return text if len(text) <= 40 else text[:37] + "..."


# ---------------------------------------------------------------------------------------------
# The walk: one per top-level call, so re-entrant calls (hash_function hooks) and threads sharing
# a Hasher never share state.


class _Walk:
    __slots__ = ("handlers", "hasher", "origin", "stack")

    def __init__(self, hasher: Hasher, origin: str) -> None:
        self.hasher = hasher
        self.handlers = hasher._handlers
        self.origin = origin
        # id of each container being hashed → its depth, to hash cycles as back-references.
        self.stack: dict[int, int] = {}

    def update(self, h: Any, v: object) -> None:
        fn = self.handlers.get(type(v))
        if fn is None:
            fn = self.hasher._resolve(type(v))
        fn(self, h, v)

    def update_plain(self, h: Any, v: object) -> None:
        """Hash `v` ignoring hash_funcs for `v` itself (not its contents): a hash_funcs output."""
        fn = _BASE.get(type(v))
        if fn is None:
            fn = _resolve_plain(type(v))
        fn(self, h, v)

    def digest_of(self, v: object) -> bytes:
        sub = _new_xxh()
        self.update(sub, v)
        return sub.digest()

    def enter(self, h: Any, v: object) -> bool:
        """Push a container; False (and a back-reference written) when it is already open."""
        key = id(v)
        depth = self.stack.get(key)
        if depth is not None:
            h.update(_T_BACKREF + _pack_u64(depth))
            return False
        self.stack[key] = len(self.stack)
        return True

    def leave(self, v: object) -> None:
        del self.stack[id(v)]


def _named(h: Any, name: str) -> None:
    data = name.encode("utf-8", "surrogatepass")
    h.update(_T_NAMED + _pack_u64(len(data)) + data)


def _put_str(h: Any, s: str) -> None:
    data = s.encode("utf-8", "surrogatepass")
    if len(data) < 4096:
        h.update(_T_STR + _pack_u64(len(data)) + data)
    else:
        h.update(_T_STR + _pack_u64(len(data)))
        h.update(data)


def _unhashable(v: object, reason: str | None = None) -> NoReturn:
    raise _Unhashable(type(v), reason)


# ---------------------------------------------------------------------------------------------
# Built-in scalars


def _h_none(w: _Walk, h: Any, v: None) -> None:
    h.update(_T_NONE)


def _h_bool(w: _Walk, h: Any, v: bool) -> None:
    h.update(_T_TRUE if v else _T_FALSE)


def _h_int(w: _Walk, h: Any, v: int) -> None:
    if _I64_MIN <= v <= _I64_MAX:
        h.update(_T_INT + _pack_i64(v))
    else:
        data = v.to_bytes((v.bit_length() + 8) // 8, "little", signed=True)
        h.update(_T_BIGINT + _pack_u64(len(data)) + data)


def _h_float(w: _Walk, h: Any, v: float) -> None:
    if v != v:
        h.update(_T_NAN)
    else:
        h.update(_T_FLOAT + _pack_f64(v))


def _h_complex(w: _Walk, h: Any, v: complex) -> None:
    re, im = v.real, v.imag
    h.update(_T_COMPLEX + _pack_2f64(_NAN if re != re else re, _NAN if im != im else im))


def _h_str(w: _Walk, h: Any, v: str) -> None:
    _put_str(h, v)


def _h_bytes(w: _Walk, h: Any, v: bytes) -> None:
    h.update(_T_BYTES + _pack_u64(len(v)))
    h.update(v)


def _h_bytearray(w: _Walk, h: Any, v: bytearray) -> None:
    h.update(_T_BYTEARRAY + _pack_u64(len(v)))
    h.update(v)


def _h_memoryview(w: _Walk, h: Any, v: memoryview) -> None:
    data = v if v.c_contiguous else v.tobytes()
    h.update(_T_MEMORYVIEW + _pack_u64(v.nbytes))
    _put_str(h, f"{v.format}{v.shape}")
    h.update(data)


# ---------------------------------------------------------------------------------------------
# Containers


def _put_str_seq(h: Any, items: list[Any] | tuple[Any, ...], kind: bytes) -> bool:
    """Hash a sequence of str in one piece; False (nothing written) if not all are str.

    `kind` tells apart what holds them (a list, a tuple, an array), which is otherwise lost.
    """
    try:
        joined = "\0".join(items)
    except TypeError:
        return False
    n = len(items)
    h.update(_T_STRSEQ + kind + _pack_u64(n))
    if joined.count("\0") == n - 1:
        # The separators alone split it back into the n items: unambiguous.
        h.update(b"\0")
        h.update(joined.encode("utf-8", "surrogatepass"))
    else:
        # Some item holds a NUL: add every length (code points) to keep the split unambiguous.
        lengths = b"".join(_pack_u64(len(s)) for s in items)
        h.update(b"\1")
        h.update(lengths)
        h.update("".join(items).encode("utf-8", "surrogatepass"))
    return True


def _h_items(w: _Walk, h: Any, v: list[Any] | tuple[Any, ...]) -> None:
    """Hash a list's or tuple's items in order; an unhashable one is reported by its index."""
    get = w.handlers.get
    i = 0
    try:
        for i, x in enumerate(v):  # noqa: B007 - i is read by the error path
            fn = get(type(x))
            if fn is None:
                fn = w.hasher._resolve(type(x))
            fn(w, h, x)
    except _Unhashable as e:
        raise e.at(f"[{i}]", v) from None


def _h_tuple(w: _Walk, h: Any, v: tuple[Any, ...]) -> None:
    if len(v) >= _STRSEQ_MIN and w.hasher._str_seq and _put_str_seq(h, v, _T_TUPLE):
        return
    h.update(_T_TUPLE + _pack_u64(len(v)))
    _h_items(w, h, v)


def _h_list(w: _Walk, h: Any, v: list[Any]) -> None:
    if not w.enter(h, v):
        return
    if len(v) >= _STRSEQ_MIN and w.hasher._str_seq and _put_str_seq(h, v, _T_LIST):
        w.leave(v)
        return
    h.update(_T_LIST + _pack_u64(len(v)))
    _h_items(w, h, v)
    w.leave(v)


def _same_sortable_type(items: Iterable[Any]) -> bool:
    """True when all items are str, or all are int: then sorting them is total and stable."""
    kind: type[Any] | None = None
    for x in items:
        t = type(x)
        if kind is None:
            if t is not str and t is not int:
                return False
            kind = t
        elif t is not kind:
            return False
    return True


def _hash_mapping(
    w: _Walk, h: Any, v: Mapping[Any, Any], attrs: bool = False, owner: object = None
) -> None:
    """Order-independent: equal dicts are equal whatever their insertion order."""
    where = v if owner is None else owner
    n = len(v)
    key: Any = None
    try:
        if _same_sortable_type(v):
            h.update(_T_DICT_SORTED + _pack_u64(n))
            for key in sorted(v):
                w.update(h, key)
                w.update(h, v[key])
        else:
            digests = []
            for key, x in v.items():
                sub = _new_xxh()
                w.update(sub, key)
                w.update(sub, x)
                digests.append(sub.digest())
            digests.sort()
            h.update(_T_DICT_DIGESTS + _pack_u64(n))
            h.update(b"".join(digests))
    except _Unhashable as e:
        segment = f".{key}" if attrs and isinstance(key, str) else f"[{_short_repr(key)}]"
        raise e.at(segment, where) from None


def _h_dict(w: _Walk, h: Any, v: dict[Any, Any]) -> None:
    if w.enter(h, v):
        _hash_mapping(w, h, v)
        w.leave(v)


def _hash_set(w: _Walk, h: Any, v: set[Any] | frozenset[Any], sorted_tag: bytes) -> None:
    n = len(v)
    x: Any = None
    try:
        if _same_sortable_type(v):
            h.update(sorted_tag + _pack_u64(n))
            for x in sorted(v):
                w.update(h, x)
        else:
            digests = []
            for x in v:
                digests.append(w.digest_of(x))
            digests.sort()
            h.update(_T_SET_DIGESTS if sorted_tag == _T_SET_SORTED else _T_FROZENSET_DIGESTS)
            h.update(_pack_u64(n) + b"".join(digests))
    except _Unhashable as e:
        raise e.at(f"{{{_short_repr(x)}}}", v) from None


def _h_set(w: _Walk, h: Any, v: set[Any]) -> None:
    if w.enter(h, v):
        _hash_set(w, h, v, _T_SET_SORTED)
        w.leave(v)


def _h_frozenset(w: _Walk, h: Any, v: frozenset[Any]) -> None:
    if w.enter(h, v):
        _hash_set(w, h, v, _T_FROZENSET_SORTED)
        w.leave(v)


def _h_ordered_dict(w: _Walk, h: Any, v: OrderedDict[Any, Any]) -> None:
    # OrderedDict equality is order-sensitive, so its hash is too.
    if not w.enter(h, v):
        return
    _named(h, "collections.OrderedDict")
    h.update(_pack_u64(len(v)))
    key: Any = None
    try:
        for key, x in v.items():
            w.update(h, key)
            w.update(h, x)
    except _Unhashable as e:
        raise e.at(f"[{_short_repr(key)}]", v) from None
    _hash_instance_dict(w, h, v)
    w.leave(v)


def _h_defaultdict(w: _Walk, h: Any, v: defaultdict[Any, Any]) -> None:
    if not w.enter(h, v):
        return
    _named(h, "collections.defaultdict")
    try:
        w.update(h, v.default_factory)
    except _Unhashable as e:
        raise e.at(".default_factory", v) from None
    _hash_mapping(w, h, v)
    _hash_instance_dict(w, h, v)
    w.leave(v)


def _hash_instance_dict(w: _Walk, h: Any, v: object) -> None:
    attrs = getattr(v, "__dict__", None)
    if attrs:
        h.update(b"\1")
        _hash_mapping(w, h, attrs, attrs=True, owner=v)
    else:
        h.update(b"\0")


def _builtin_subclass_handler(tp: type[Any], base_handler: _Handler) -> _Handler:
    """A subclass of a built-in (namedtuple, Counter, str enum-likes…): type + content + attrs."""
    name = "sub:" + _fqn(tp)

    def handler(w: _Walk, h: Any, v: Any) -> None:
        _named(h, name)
        base_handler(w, h, v)
        _hash_instance_dict(w, h, v)

    return handler


def _h_range(w: _Walk, h: Any, v: range) -> None:
    _named(h, "range")
    for x in (v.start, v.stop, v.step):
        _h_int(w, h, x)


def _h_slice(w: _Walk, h: Any, v: slice) -> None:
    _named(h, "slice")
    try:
        w.update(h, v.start)
        w.update(h, v.stop)
        w.update(h, v.step)
    except _Unhashable as e:
        raise e.at(".start/stop/step", v) from None


def _h_singleton(w: _Walk, h: Any, v: object) -> None:
    _named(h, repr(v))  # Ellipsis, NotImplemented


# ---------------------------------------------------------------------------------------------
# Code, functions, classes, modules


def _h_class(w: _Walk, h: Any, v: type[Any]) -> None:
    _named(h, "class:" + _fqn(v))


def _h_module(w: _Walk, h: Any, v: types.ModuleType) -> None:
    _named(h, "module:" + v.__name__)


def _h_code(w: _Walk, h: Any, c: types.CodeType) -> None:
    # The body, not its position: no file name, line numbers or qualified name.
    _named(h, "code")
    _put_str(h, c.co_name)
    h.update(
        _pack_u64(c.co_argcount)
        + _pack_u64(c.co_posonlyargcount)
        + _pack_u64(c.co_kwonlyargcount)
        + _pack_u64(c.co_flags)
    )
    _h_bytes(w, h, c.co_code)
    for names in (c.co_names, c.co_varnames, c.co_freevars, c.co_cellvars):
        h.update(_pack_u64(len(names)))
        for name in names:
            _put_str(h, name)
    w.update(h, c.co_consts)


def _h_function(w: _Walk, h: Any, v: types.FunctionType) -> None:
    hook = w.hasher.hash_function
    if hook is not None:
        _named(h, "function")
        digest = hook(v, w.hasher)
        h.update(_pack_u64(len(digest)) + digest)
        return
    if not w.enter(h, v):
        return
    _named(h, "function:" + str(v.__module__) + "." + v.__qualname__)
    try:
        _h_code(w, h, v.__code__)
        w.update(h, v.__defaults__)
        w.update(h, v.__kwdefaults__)
    except _Unhashable as e:
        raise e.at(".__defaults__", v) from None
    w.leave(v)


def _h_method(w: _Walk, h: Any, v: types.MethodType) -> None:
    _named(h, "method")
    try:
        w.update(h, v.__self__)
    except _Unhashable as e:
        raise e.at(".__self__", v) from None
    w.update(h, v.__func__)


def _h_builtin_function(w: _Walk, h: Any, v: types.BuiltinFunctionType) -> None:
    owner = v.__self__
    if owner is None or isinstance(owner, types.ModuleType):
        _named(h, f"builtin:{v.__module__}.{v.__qualname__}")
        return
    _named(h, "builtin-method:" + v.__name__)  # e.g. [].append: the list and the name
    try:
        w.update(h, owner)
    except _Unhashable as e:
        raise e.at(".__self__", v) from None


def _h_partial(w: _Walk, h: Any, v: functools.partial[Any]) -> None:
    if not w.enter(h, v):
        return
    _named(h, "functools.partial")
    try:
        w.update(h, v.func)
        w.update(h, v.args)
        w.update(h, v.keywords)
    except _Unhashable as e:
        raise e.at(".func/args/keywords", v) from None
    w.leave(v)


def _h_never(w: _Walk, h: Any, v: object) -> None:
    _unhashable(v)


# ---------------------------------------------------------------------------------------------
# Generic objects: pickle's reduction (type, constructor arguments, state)


def _callable_name(c: object) -> str:
    module = getattr(c, "__module__", None) or ""
    name = getattr(c, "__qualname__", None) or getattr(c, "__name__", None)
    return f"{module}.{name}" if name else _fqn(type(c))


def _h_reduce(w: _Walk, h: Any, v: object) -> None:
    try:
        # As pickle does: a reducer registered with copyreg (re.Pattern…) comes first.
        reducer = _copyreg_dispatch.get(type(v))
        rv = reducer(v) if reducer is not None else v.__reduce_ex__(4)
    except Exception as exc:
        raise _Unhashable(type(v), str(exc) or None) from None
    if isinstance(rv, str):  # a module-level singleton, pickled by name
        _named(h, f"global:{type(v).__module__}.{rv}")
        return
    if not isinstance(rv, tuple) or len(rv) < 2:
        _unhashable(v, "its pickle reduction is not understood")
    if not w.enter(h, v):
        return
    _named(h, "object:" + _fqn(type(v)))
    _named(h, _callable_name(rv[0]))
    args = rv[1]
    if rv[0] is _copyreg_newobj and args and args[0] is type(v):
        args = args[1:]  # the class is already in the tag
    try:
        w.update(h, args)
    except _Unhashable as e:
        raise e.at(".__reduce__()", v) from None
    state = rv[2] if len(rv) > 2 else None
    if type(state) is dict:
        h.update(b"\1")
        _hash_mapping(w, h, state, attrs=True, owner=v)  # names the attribute on errors
    elif (
        type(state) is tuple
        and len(state) == 2
        and (state[0] is None or type(state[0]) is dict)
        and type(state[1]) is dict
    ):  # (__dict__, __slots__ values)
        h.update(b"\2")
        if state[0] is not None:
            _hash_mapping(w, h, state[0], attrs=True, owner=v)
        _hash_mapping(w, h, state[1], attrs=True, owner=v)
    else:
        h.update(b"\3")
        try:
            w.update(h, state)
        except _Unhashable as e:
            raise e.at(".__getstate__()", v) from None
    try:
        for extra in rv[3:5]:  # list items, dict items (list / dict subclasses)
            w.update(h, None if extra is None else list(extra))
    except _Unhashable as e:
        raise e.at("[…]", v) from None
    w.leave(v)


_copyreg_newobj: object = copyreg.__newobj__  # type: ignore[attr-defined]
_copyreg_dispatch = copyreg.dispatch_table


# ---------------------------------------------------------------------------------------------
# Standard-library value types (resolved by module name so they are not imported up front)


def _std_handler(tp: type[Any]) -> _Handler | None:
    module = tp.__module__
    name = "value:" + _fqn(tp)
    if module == "datetime" or _is_sub(tp, "datetime", ("date", "time", "timedelta", "tzinfo")):
        import datetime as dt

        if issubclass(tp, dt.datetime | dt.time):

            def h_clock(w: _Walk, h: Any, v: Any) -> None:
                _named(h, name)
                _put_str(h, v.isoformat())
                h.update(b"\1" if v.fold else b"\0")
                try:
                    w.update(h, v.tzinfo)
                except _Unhashable as e:
                    raise e.at(".tzinfo", v) from None

            return h_clock
        if issubclass(tp, dt.date):

            def h_date(w: _Walk, h: Any, v: Any) -> None:
                _named(h, name)
                _put_str(h, v.isoformat())

            return h_date
        if issubclass(tp, dt.timedelta):

            def h_delta(w: _Walk, h: Any, v: Any) -> None:
                _named(h, name)
                h.update(_pack_i64(v.days) + _pack_i64(v.seconds) + _pack_i64(v.microseconds))
                if type(v) is not dt.timedelta:  # pandas.Timedelta: nanoseconds too
                    h.update(_pack_i64(getattr(v, "nanoseconds", 0)))

            return h_delta
        return None
    if module == "decimal" or module == "fractions" or module == "_pydecimal":

        def h_text(w: _Walk, h: Any, v: Any) -> None:
            _named(h, name)
            _put_str(h, str(v))

        return h_text
    if module == "uuid" and tp.__name__ == "UUID":

        def h_uuid(w: _Walk, h: Any, v: Any) -> None:
            _named(h, name)
            h.update(v.bytes)

        return h_uuid
    pathlib = sys.modules.get("pathlib")
    if pathlib is not None and issubclass(tp, pathlib.PurePath):

        def h_path(w: _Walk, h: Any, v: Any) -> None:
            _named(h, name)
            _put_str(h, str(v))

        return h_path
    return None


def _is_sub(tp: type[Any], module_name: str, names: tuple[str, ...]) -> bool:
    module = sys.modules.get(module_name)
    if module is None:
        return False
    bases = tuple(getattr(module, n) for n in names)
    return issubclass(tp, bases)


def _h_enum(w: _Walk, h: Any, v: Enum) -> None:
    _named(h, f"enum:{_fqn(type(v))}.{v.name}")


def _dataclass_handler(tp: type[Any]) -> _Handler:
    import dataclasses

    names = tuple(f.name for f in dataclasses.fields(tp))
    tag = "dataclass:" + _fqn(tp)

    def handler(w: _Walk, h: Any, v: Any) -> None:
        if not w.enter(h, v):
            return
        _named(h, tag)
        name = ""
        try:
            for name in names:
                w.update(h, getattr(v, name))
        except _Unhashable as e:
            raise e.at(f".{name}", v) from None
        w.leave(v)

    return handler


def _h_file(w: _Walk, h: Any, v: io.IOBase) -> None:
    """A file opened for reading: its path, modification time and read position."""
    import os

    name = getattr(v, "name", None)
    try:
        writable = v.writable()
        position = v.tell()
    except (ValueError, OSError):  # closed, or not seekable
        writable, position = False, -1
    if writable or not isinstance(name, str | bytes | os.PathLike):
        _unhashable(v, "only files opened for reading are hashed (by path and modification time)")
    path = os.fsdecode(name)
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        mtime = -1
    _named(h, "file:" + _fqn(type(v)))
    _put_str(h, os.path.abspath(path))
    h.update(_pack_i64(mtime) + _pack_i64(position))


# ---------------------------------------------------------------------------------------------
# numpy


def _put_dtype(h: Any, dtype: Any) -> None:
    _put_str(h, str(dtype.descr) if dtype.names else dtype.str)


def _put_shape(h: Any, shape: tuple[int, ...]) -> None:
    h.update(_pack_u64(len(shape)) + b"".join(_pack_u64(n) for n in shape))


def _hash_object_items(w: _Walk, h: Any, items: list[Any]) -> None:
    """A flat sequence of Python objects; runs of str (text columns) are hashed in one piece."""
    str_plain = w.hasher._str_seq
    if str_plain and _put_str_seq(h, items, b"a"):
        return
    # Text with holes (None / NaN / pd.NA) or mixed objects: the non-str items one by one with
    # their positions, then all the str in one piece. The str mask is built at C speed.
    import itertools

    import numpy as np

    n = len(items)
    if str_plain:
        is_str = np.fromiter(map(str.__instancecheck__, items), dtype=bool, count=n)
        positions = np.flatnonzero(~is_str).tolist()
    else:  # hash_funcs has a say on str: every item its own way
        positions = list(range(n))
    h.update(b"O" + _pack_u64(n) + _pack_u64(len(positions)))
    i = 0
    try:
        for i in positions:
            h.update(_pack_u64(i))
            w.update(h, items[i])
    except _Unhashable as e:
        raise e.at(f"[{i}]", items) from None
    if str_plain:
        _put_str_seq(h, list(itertools.compress(items, is_str.tolist())), b"o")


def _h_ndarray(w: _Walk, h: Any, a: Any) -> None:
    dtype = a.dtype
    _named(h, "ndarray")
    _put_dtype(h, dtype)
    _put_shape(h, a.shape)
    if dtype.hasobject:
        if not w.enter(h, a):
            return
        items = a.ravel().tolist() if dtype.kind == "O" else a.tolist()
        _hash_object_items(w, h, items)
        w.leave(a)
        return
    _put_buffer(h, a)


def _put_buffer(h: Any, a: Any) -> None:
    import numpy as np

    if not a.flags.c_contiguous:
        a = np.ascontiguousarray(a)
    try:
        h.update(a)
    except (ValueError, TypeError, BufferError):  # dtypes without a buffer format
        h.update(a.reshape(-1).view(np.uint8))


def _ndarray_subclass_handler(tp: type[Any]) -> _Handler:
    import numpy as np

    name = "ndarray-sub:" + _fqn(tp)
    masked = issubclass(tp, np.ma.MaskedArray)

    def handler(w: _Walk, h: Any, v: Any) -> None:
        _named(h, name)
        _h_ndarray(w, h, np.asarray(v))
        if masked:
            _h_ndarray(w, h, np.ma.getmaskarray(v))

    return handler


def _h_numpy_scalar(w: _Walk, h: Any, v: Any) -> None:
    if v.dtype.hasobject:
        _named(h, "numpy-object")
        w.update(h, v.item())
        return
    _named(h, "numpy:" + v.dtype.str)
    h.update(v.tobytes())


# ---------------------------------------------------------------------------------------------
# pandas: column buffers hashed directly, no per-row Python work for numeric columns


def _hash_array_like(w: _Walk, h: Any, arr: Any) -> None:
    """A column's values: a numpy array or a pandas ExtensionArray."""
    import numpy as np

    if type(arr) is np.ndarray:
        _h_ndarray(w, h, arr)
        return
    import pandas as pd

    _named(h, "ea:" + str(arr.dtype))
    if isinstance(arr, pd.Categorical):
        w.update(h, arr.categories)
        _h_ndarray(w, h, arr.codes)
        h.update(b"\1" if arr.ordered else b"\0")
    elif hasattr(arr, "_data") and hasattr(arr, "_mask"):  # nullable Int64 / Float64 / boolean
        data, mask = arr._data, arr._mask
        if mask.any():  # what sits under the mask is arbitrary
            data = data.copy()
            data[mask] = 0
        _h_ndarray(w, h, data)
        _h_ndarray(w, h, mask)
    elif isinstance(getattr(arr, "_ndarray", None), np.ndarray):  # str, datetime, period…
        _h_ndarray(w, h, arr._ndarray)
    else:
        _h_ndarray(w, h, np.asarray(arr, dtype=object))


def _values_of(obj: Any) -> Any:
    values = getattr(obj, "_values", None)
    return values if values is not None else obj.array


def _h_pd_index(w: _Walk, h: Any, idx: Any) -> None:
    _named(h, "pandas-index:" + _fqn(type(idx)))
    try:
        w.update(h, idx.name)
    except _Unhashable as e:
        raise e.at(".name", idx) from None
    _hash_array_like(w, h, _values_of(idx))


def _h_pd_range_index(w: _Walk, h: Any, idx: Any) -> None:
    _named(h, "pandas-range-index")
    for x in (idx.start, idx.stop, idx.step):
        _h_int(w, h, x)
    try:
        w.update(h, idx.name)
    except _Unhashable as e:
        raise e.at(".name", idx) from None


def _h_pd_multi_index(w: _Walk, h: Any, idx: Any) -> None:
    _named(h, "pandas-multi-index")
    try:
        w.update(h, tuple(idx.names))
    except _Unhashable as e:
        raise e.at(".names", idx) from None
    h.update(_pack_u64(idx.nlevels))
    for level, codes in zip(idx.levels, idx.codes, strict=True):
        w.update(h, level)
        _h_ndarray(w, h, codes)


def _h_pd_series(w: _Walk, h: Any, s: Any) -> None:
    _named(h, "pandas-series")
    try:
        w.update(h, s.name)
    except _Unhashable as e:
        raise e.at(".name", s) from None
    w.update(h, s.index)
    try:
        _hash_array_like(w, h, _values_of(s))
    except _Unhashable as e:
        raise e.at(".values", s) from None


def _frame_columns(df: Any) -> list[Any]:
    """Each column's values in position order, as views of the frame's blocks (no copies)."""
    ncols = df.shape[1]
    try:
        columns: list[Any] = [None] * ncols
        for block in df._mgr.blocks:
            values = block.values
            locs = block.mgr_locs.as_array
            if getattr(values, "ndim", 1) == 2:
                for k, loc in enumerate(locs):
                    columns[loc] = values[k]
            else:
                columns[locs[0]] = values
        if all(c is not None for c in columns):
            return columns
    except (AttributeError, IndexError, TypeError):
        pass  # another pandas layout: the public, slower way
    return [_values_of(df.iloc[:, j]) for j in range(ncols)]


def _h_pd_frame(w: _Walk, h: Any, df: Any) -> None:
    _named(h, "pandas-frame")
    _put_shape(h, df.shape)
    w.update(h, df.columns)
    w.update(h, df.index)
    j = 0
    try:
        for j, values in enumerate(_frame_columns(df)):  # noqa: B007 - j is read by the error path
            _hash_array_like(w, h, values)
    except _Unhashable as e:
        raise e.at(f"[{_short_repr(df.columns[j])}]", df) from None


def _pandas_handler(tp: type[Any]) -> _Handler | None:
    import pandas as pd

    if issubclass(tp, pd.DataFrame):
        return _h_pd_frame
    if issubclass(tp, pd.Series):
        return _h_pd_series
    if issubclass(tp, pd.RangeIndex):
        return _h_pd_range_index
    if issubclass(tp, pd.MultiIndex):
        return _h_pd_multi_index
    if issubclass(tp, pd.Index):
        return _h_pd_index
    if issubclass(tp, pd.api.extensions.ExtensionArray):
        return _hash_array_like
    return None


def _h_pil_image(w: _Walk, h: Any, im: Any) -> None:
    _named(h, "PIL.Image")
    _put_str(h, im.mode)
    _put_shape(h, im.size)
    palette = im.getpalette() if im.mode in ("P", "PA") else None
    w.update(h, palette)
    data = im.tobytes()
    h.update(_pack_u64(len(data)))
    h.update(data)


# ---------------------------------------------------------------------------------------------
# Dispatch


_BASE: dict[type[Any], _Handler] = {
    type(None): _h_none,
    bool: _h_bool,
    int: _h_int,
    float: _h_float,
    complex: _h_complex,
    str: _h_str,
    bytes: _h_bytes,
    bytearray: _h_bytearray,
    memoryview: _h_memoryview,
    tuple: _h_tuple,
    list: _h_list,
    dict: _h_dict,
    set: _h_set,
    frozenset: _h_frozenset,
    OrderedDict: _h_ordered_dict,
    defaultdict: _h_defaultdict,
    range: _h_range,
    slice: _h_slice,
    type(...): _h_singleton,
    type(NotImplemented): _h_singleton,
    type: _h_class,
    types.ModuleType: _h_module,
    types.CodeType: _h_code,
    types.FunctionType: _h_function,
    types.MethodType: _h_method,
    types.BuiltinFunctionType: _h_builtin_function,
    functools.partial: _h_partial,
    types.GeneratorType: _h_never,
    types.CoroutineType: _h_never,
    types.AsyncGeneratorType: _h_never,
    types.FrameType: _h_never,
    types.TracebackType: _h_never,
}

# Checked in this order for subclasses of built-ins (bool cannot be subclassed).
_BUILTIN_BASES: tuple[type[Any], ...] = (
    OrderedDict,
    defaultdict,
    dict,
    list,
    tuple,
    set,
    frozenset,
    str,
    bytes,
    bytearray,
    int,
    float,
    complex,
)

_PLAIN_CACHE: dict[type[Any], _Handler] = {}


def _resolve_plain(tp: type[Any]) -> _Handler:
    """The handler for a type by the rules alone (no hash_funcs); memoized."""
    fn = _PLAIN_CACHE.get(tp)
    if fn is None:
        fn = _classify(tp)
        if len(_PLAIN_CACHE) >= _MAX_HANDLERS:
            _PLAIN_CACHE.clear()
        _PLAIN_CACHE[tp] = fn
    return fn


def _classify(tp: type[Any]) -> _Handler:
    base = _BASE.get(tp)
    if base is not None:
        return base
    module = getattr(tp, "__module__", "") or ""
    top = module.partition(".")[0]
    if issubclass(tp, Enum):
        return _h_enum
    if issubclass(tp, type):
        return _h_class
    if top == "numpy":
        import numpy as np

        if tp is np.ndarray:
            return _h_ndarray
        if issubclass(tp, np.ndarray):
            return _ndarray_subclass_handler(tp)
        if issubclass(tp, np.generic):
            return _h_numpy_scalar
    if top == "pandas":
        handler = _pandas_handler(tp)
        if handler is not None:
            return handler
    if top == "PIL":
        image = sys.modules.get("PIL.Image")
        if image is not None and issubclass(tp, image.Image):
            return _h_pil_image
    if hasattr(tp, "__dataclass_fields__"):
        return _dataclass_handler(tp)
    std = _std_handler(tp)
    if std is not None:
        return std
    if issubclass(tp, io.IOBase) and not issubclass(tp, io.BytesIO | io.StringIO):
        return _h_file
    threading = sys.modules.get("threading")
    if threading is not None and issubclass(tp, threading.Thread):
        return _h_never
    for builtin in _BUILTIN_BASES:
        if issubclass(tp, builtin):
            return _builtin_subclass_handler(tp, _BASE[builtin])
    return _h_reduce


def _lookup_dotted(name: str) -> object:
    """The object a dotted name points to, among modules already imported (never imports)."""
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = sys.modules.get(".".join(parts[:cut]))
        if module is not None:
            obj: object = module
            for attr in parts[cut:]:
                obj = getattr(obj, attr, None)
                if obj is None:
                    return None
            return obj
    return None


def _may_apply_to_str(key: type[Any] | str) -> bool:
    if isinstance(key, str):
        if key in ("str", "builtins.str", "object", "builtins.object"):
            return True
        found = _lookup_dotted(key)
        if not isinstance(found, type):
            return False
        key = found
    return issubclass(key, str) or issubclass(str, key)


def _hash_funcs_handler(func: Callable[[Any], Any], tp: type[Any]) -> _Handler:
    label = _fqn(tp)

    def handler(w: _Walk, h: Any, v: Any) -> None:
        try:
            out = func(v)
        except Exception as exc:
            exc.add_note(f"(raised by the `hash_funcs` entry for `{label}`, hashing {w.origin})")
            raise
        _named(h, "hash_funcs")
        try:
            w.update_plain(h, out)
        except _Unhashable as e:
            raise e.at(f" → hash_funcs[{label}]", v) from None

    return handler


class Hasher:
    """Hashes values by content into 16-byte digests (xxh3-128).

    `hash_funcs` maps a type (or its fully qualified name, e.g. "pandas.core.frame.DataFrame")
    to a function whose result is hashed instead of values of that type or its subclasses.
    `hash_function(func, hasher)` digests function values (arguments, functions in containers);
    without it a function is hashed by its code and defaults.
    """

    def __init__(
        self,
        hash_funcs: HashFuncs | None = None,
        hash_function: Callable[[Callable[..., Any], Hasher], bytes] | None = None,
    ) -> None:
        self.hash_funcs = dict(hash_funcs or {})
        self.hash_function = hash_function
        self._handlers: dict[type[Any], _Handler] = dict(_BASE)
        # Many str are hashed in one piece unless hash_funcs may want a say on some of them.
        self._str_seq = not any(_may_apply_to_str(key) for key in self.hash_funcs)
        if self.hash_funcs:
            for tp in _BASE:
                override = self._hash_funcs_for(tp)
                if override is not None:
                    self._handlers[tp] = override

    def hash(self, value: object, *, origin: str) -> bytes:
        """The 16-byte digest of `value`'s content.

        `origin` says where the value came from ("argument `df` of `load`"); it is only used
        in the `UnhashableTypeError` raised for a value that cannot be hashed by content.
        """
        h = _new_xxh()
        try:
            _Walk(self, origin).update(h, value)
        except _Unhashable as e:
            raise UnhashableTypeError(_error_message(e, origin)) from None
        except RecursionError:
            raise UnhashableTypeError(
                f"Cannot hash {origin}: it is nested too deeply. Pass `hash_funcs` to "
                "`@st.cache` to tell Sidepane how to hash its type."
            ) from None
        return h.digest()

    def _hash_funcs_for(self, tp: type[Any]) -> _Handler | None:
        funcs = self.hash_funcs
        for base in getattr(tp, "__mro__", (tp,)):
            func = funcs.get(base)
            if func is None:
                name = _fqn(base)
                func = funcs.get(name)
                if func is None and base.__module__ == "builtins":
                    func = funcs.get("builtins." + name)
            if func is None:
                # A name spelled by where the class is defined ("pandas.core.frame.DataFrame")
                # while the class says it lives elsewhere (`DataFrame.__module__ == "pandas"`).
                for key, candidate in funcs.items():
                    if isinstance(key, str) and _lookup_dotted(key) is base:
                        func = candidate
                        break
            if func is not None:
                return _hash_funcs_handler(func, tp)
        return None

    def _resolve(self, tp: type[Any]) -> _Handler:
        fn = self._hash_funcs_for(tp) if self.hash_funcs else None
        if fn is None:
            fn = _resolve_plain(tp)
        handlers = self._handlers
        if len(handlers) >= _MAX_HANDLERS:
            handlers.clear()
            handlers.update(_BASE)
            for base_tp in _BASE:
                override = self._hash_funcs_for(base_tp) if self.hash_funcs else None
                if override is not None:
                    handlers[base_tp] = override
        handlers[tp] = fn
        return fn
