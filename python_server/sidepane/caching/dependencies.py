"""Rules 2-4 of `@st.cache`: what a function's result depends on besides its arguments.

`fingerprint(func, hasher)` digests, for `func` and every user function it reaches:

- its normalized code (rule 3): bytecode, constants, names and flags, but no line numbers, file
  name or qualified name, so moving a function or editing other lines keeps the digest;
- the values of the globals and closure variables it reads (rule 2), following attribute chains
  (``cfg.THRESHOLD``, ``helpers.clean``) through the user's local modules;
- the same, transitively, for the user functions it uses (rule 4): helpers in the script or in
  local modules, every method of the local classes it touches, functions held in variables.

Installed packages and the stdlib count by name and version, never by their source; Sidepane
itself (``st``, also when imported as ``streamlit``) is skipped. A value read by a function and
not one of the above is hashed by ``hasher.hash``.

What a code object reads is worked out once per code object (a script's code objects live as long
as its file is unchanged); a call only looks up those names and hashes their current values.

Function values met by the hasher (arguments, or functions inside containers) should be
fingerprinted the same way; the hasher is wired for that with::

    hasher.hash_function = lambda f, h: fingerprint(f, h)
"""

from __future__ import annotations

import dis
import functools
import importlib.util
import os
import site
import sys
import sysconfig
import threading
import types
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import xxhash

from sidepane.caching.hashing import Hasher, UnhashableTypeError


@dataclass(frozen=True)
class Part:
    """One labelled input of a cache key, for explaining a miss."""

    rule: str  # "body" | "variable" | "package"
    name: str  # e.g. "load_data", "helpers.clean", "THRESHOLD", "pandas"
    digest: bytes


# Where a function, class or module comes from.
_USER: Final = 0  # the user's script or local modules: looked into
_PACKAGE: Final = 1  # installed package or stdlib: counted by name and version
_SKIP: Final = 2  # Sidepane itself (and `streamlit`, its alias): ignored

_Chain = tuple[str, ...]
# (level, module name) of an `import` inside a function, and the attributes read from it.
_Import = tuple[int, str, _Chain]


def fingerprint(func: Callable[..., Any], hasher: Hasher, parts: list[Part] | None = None) -> bytes:
    """Digest of `func`'s code, the variables it reads and the code it uses (rules 2-4).

    When `parts` is a list, one `Part` per input is appended to it, in a deterministic order,
    so two runs' parts can be compared to explain a cache miss.
    """
    active = _active_functions()
    key = id(func)
    if key in active:
        # A function reached again through a value it reads (``HANDLERS = {"a": f}`` read by
        # `f`): its inputs are already being counted by the outer call.
        return xxhash.xxh3_128_digest(b"cycle\0" + _display_name(func).encode())
    active.add(key)
    try:
        walk = _Walk(hasher, parts)
        if type(func) is types.FunctionType:
            walk.function(func)
        else:
            walk.value(_display_name(func), func, _display_name(func))
        return walk.digest.digest()
    finally:
        active.discard(key)


# --- Per code object: what it reads and its normalized digest ------------------------------


class _CodeInfo:
    __slots__ = ("derefs", "digest", "globals", "imports", "kind", "ref")

    def __init__(self, code: types.CodeType) -> None:
        self.ref = weakref.ref(code, functools.partial(_forget, id(code)))
        self.kind = _file_kind(code.co_filename)
        self.digest = xxhash.xxh3_128_digest(b"".join(_code_bytes(code, top=True)))
        globals_: dict[_Chain, None] = {}
        derefs: dict[_Chain, None] = {}
        imports: dict[_Import, None] = {}
        pending = [code]
        while pending:
            current = pending.pop(0)
            _scan(current, code.co_freevars, globals_, derefs, imports)
            pending.extend(c for c in current.co_consts if isinstance(c, types.CodeType))
        self.globals: tuple[_Chain, ...] = tuple(globals_)
        # Closure reads as (index into __closure__, chain).
        self.derefs: tuple[tuple[int, _Chain], ...] = tuple(
            (code.co_freevars.index(chain[0]), chain) for chain in derefs
        )
        self.imports: tuple[_Import, ...] = tuple(imports)


_infos: dict[int, _CodeInfo] = {}
_infos_lock = threading.Lock()


def _forget(key: int, _ref: object) -> None:
    _infos.pop(key, None)


def _code_info(code: types.CodeType) -> _CodeInfo:
    info = _infos.get(id(code))
    if info is not None and info.ref() is code:
        return info
    info = _CodeInfo(code)
    with _infos_lock:
        _infos[id(code)] = info
    return info


def _code_bytes(code: types.CodeType, *, top: bool) -> list[bytes]:
    """A serialization of what the code does, without where it is written."""
    out = [b"code\0"]
    if not top:
        # A nested function's name is visible (`inner.__name__`); the top one's is the cache's
        # own key already.
        out.append(_str_bytes(code.co_name))
    out.append(
        b"%d,%d,%d,%d\0"
        % (code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_flags)
    )
    for raw in (code.co_code, getattr(code, "co_exceptiontable", b"")):
        out.append(b"%d:" % len(raw))
        out.append(raw)
    for names in (code.co_names, code.co_varnames, code.co_freevars, code.co_cellvars):
        out.append(b"%d(" % len(names))
        out.extend(_str_bytes(n) for n in names)
    out.append(b"%d[" % len(code.co_consts))
    for const in code.co_consts:
        out.extend(_const_bytes(const))
    return out


def _const_bytes(value: object) -> list[bytes]:
    if isinstance(value, types.CodeType):
        return _code_bytes(value, top=False)
    kind = type(value)
    if kind is str:
        return [b"s", _str_bytes(value)]  # type: ignore[arg-type]
    if kind is bytes:
        return [b"b%d:" % len(value), value]  # type: ignore[arg-type, list-item]
    if kind is tuple:
        out = [b"t%d(" % len(value)]  # type: ignore[arg-type]
        for item in value:  # type: ignore[attr-defined]
            out.extend(_const_bytes(item))
        return out
    if kind is frozenset:
        # Sorted: a frozenset of strings iterates in an order that varies between processes.
        items = sorted(b"".join(_const_bytes(item)) for item in value)  # type: ignore[attr-defined]
        return [b"f%d(" % len(items), *items]
    return [_str_bytes(f"{kind.__name__}:{value!r}")]


def _str_bytes(text: str) -> bytes:
    raw = text.encode("utf-8", "surrogatepass")
    return b"%d:%s" % (len(raw), raw)


_LOAD_GLOBAL: Final = frozenset({"LOAD_GLOBAL", "LOAD_NAME"})
_LOAD_DEREF: Final = frozenset({"LOAD_DEREF", "LOAD_CLASSDEREF"})
_LOAD_LOCAL: Final = frozenset(
    {"LOAD_FAST", "LOAD_FAST_CHECK", "LOAD_FAST_AND_CLEAR", "LOAD_DEREF", "LOAD_NAME"}
)
_LOAD_ATTR: Final = frozenset({"LOAD_ATTR", "LOAD_METHOD"})
_STORE: Final = frozenset({"STORE_FAST", "STORE_NAME", "STORE_DEREF", "STORE_GLOBAL"})


def _scan(
    code: types.CodeType,
    freevars: tuple[str, ...],
    globals_: dict[_Chain, None],
    derefs: dict[_Chain, None],
    imports: dict[_Import, None],
) -> None:
    """Collect the global, closure and imported-module reads of one code object."""
    ins = [i for i in dis.get_instructions(code) if i.opname not in ("EXTENDED_ARG", "CACHE")]
    # Local names bound by an `import` in this code object: name -> (level, module, attrs).
    aliases: dict[str, _Import] = {}
    count = len(ins)
    for at, instr in enumerate(ins):
        op = instr.opname
        if op == "IMPORT_NAME":
            _scan_import(ins, at, aliases, imports)
            continue
        name = instr.argval
        if not isinstance(name, str):
            continue
        target: dict[Any, None] | None = None
        prefix: _Import | None = None
        if name in aliases and op in _LOAD_LOCAL:
            target, prefix = imports, aliases[name]
        elif op in _LOAD_GLOBAL:
            target = globals_
        elif op in _LOAD_DEREF and name in freevars:
            target = derefs
        if target is None:
            continue
        chain = [name]
        nxt = at + 1
        while nxt < count and ins[nxt].opname in _LOAD_ATTR:
            chain.append(str(ins[nxt].argval))
            nxt += 1
        if prefix is not None:
            target[(prefix[0], prefix[1], prefix[2] + tuple(chain[1:]))] = None
        else:
            target[tuple(chain)] = None


def _scan_import(
    ins: list[dis.Instruction],
    at: int,
    aliases: dict[str, _Import],
    imports: dict[_Import, None],
) -> None:
    module = str(ins[at].argval)
    level = ins[at - 2].argval if at >= 2 and ins[at - 2].opname == "LOAD_CONST" else 0
    fromlist = ins[at - 1].argval if at >= 1 and ins[at - 1].opname == "LOAD_CONST" else None
    level = level if isinstance(level, int) else 0
    # `import a.b` binds the top package `a`; `from a.b import c` works on `a.b` itself.
    base = module.split(".")[0] if fromlist is None and level == 0 else module
    nxt = at + 1
    if nxt < len(ins) and ins[nxt].opname in _STORE:
        imports[(level, base, ())] = None
        aliases[str(ins[nxt].argval)] = (level, base, ())
        return
    while nxt + 1 < len(ins) and ins[nxt].opname == "IMPORT_FROM":
        attr = (str(ins[nxt].argval),)
        imports[(level, base, attr)] = None
        if ins[nxt + 1].opname in _STORE:
            aliases[str(ins[nxt + 1].argval)] = (level, base, attr)
        nxt += 2


# --- Where code comes from ------------------------------------------------------------------


_kinds_by_file: dict[str, int] = {}
_kinds_by_module: dict[str, int] = {}
_SKIPPED_TOP: Final = frozenset({"sidepane", "streamlit"})
_SIDEPANE_DIR: Final = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


@functools.cache
def _installed_dirs() -> tuple[str, ...]:
    paths = sysconfig.get_paths()
    dirs = {paths[k] for k in ("stdlib", "platstdlib", "purelib", "platlib") if k in paths}
    if hasattr(site, "getsitepackages"):
        dirs.update(site.getsitepackages())
    if hasattr(site, "getusersitepackages"):
        dirs.add(site.getusersitepackages())
    cwd = os.getcwd()
    for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}:
        # An app kept inside the interpreter's prefix (say /usr/local/app) is still the user's.
        if not (cwd + os.sep).startswith(os.path.realpath(prefix) + os.sep):
            dirs.add(prefix)
    return tuple(sorted({os.path.realpath(d) + os.sep for d in dirs if d}))


def _file_kind(filename: str) -> int:
    kind = _kinds_by_file.get(filename)
    if kind is None:
        kind = _kinds_by_file[filename] = _compute_file_kind(filename)
    return kind


def _compute_file_kind(filename: str) -> int:
    if filename.startswith("<frozen "):
        return _PACKAGE
    if filename.startswith("<"):
        return _USER  # code made by exec/compile of a string
    path = os.path.realpath(filename)
    if path.startswith(_SIDEPANE_DIR):
        return _SKIP
    parts = path.split(os.sep)
    if "site-packages" in parts or "dist-packages" in parts:
        return _PACKAGE
    if path.startswith(_installed_dirs()):
        return _PACKAGE
    return _USER


def _module_kind(name: str | None) -> int:
    """Where the module called `name` comes from (for classes and builtins)."""
    if not name:
        return _PACKAGE
    kind = _kinds_by_module.get(name)
    if kind is None:
        kind = _kinds_by_module[name] = _compute_module_kind(name)
    return kind


def _compute_module_kind(name: str) -> int:
    top = name.partition(".")[0]
    if top in _SKIPPED_TOP:
        return _SKIP
    if name == "__main__":
        return _USER
    module = sys.modules.get(name)
    filename = getattr(module, "__file__", None)
    if isinstance(filename, str):
        return _file_kind(filename)
    if top in sys.stdlib_module_names or top == "builtins" or module is None:
        return _PACKAGE
    # A namespace package: where its folders are.
    folders = list(getattr(module, "__path__", []))
    if folders and all(_file_kind(os.path.join(f, "")) == _PACKAGE for f in folders):
        return _PACKAGE
    return _USER


def _package_of(name: str | None) -> str:
    return (name or "builtins").partition(".")[0]


_package_digests: dict[str, bytes] = {}


def _package_digest(top: str) -> bytes:
    digest = _package_digests.get(top)
    if digest is None:
        version = _package_version(top)
        digest = _package_digests[top] = xxhash.xxh3_128_digest(f"{top}\0{version}".encode())
    return digest


def _package_version(top: str) -> str:
    if top in sys.stdlib_module_names or top in ("builtins", "__future__"):
        return f"python {sys.version}"
    import importlib.metadata  # ~20 ms to import: only when a package is first met

    names = _distributions().get(top, [top])
    for dist in names:
        try:
            return importlib.metadata.version(dist)
        except (importlib.metadata.PackageNotFoundError, ValueError):
            continue
    version = getattr(sys.modules.get(top), "__version__", None)
    return str(version) if version is not None else "unknown"


@functools.cache
def _distributions() -> dict[str, list[str]]:
    import importlib.metadata

    return dict(importlib.metadata.packages_distributions())


# --- The walk done on each call -------------------------------------------------------------


_SCALARS: Final = frozenset({int, float, str, bytes, bool, complex, type(None)})
_BUILTIN_CALLABLES: Final = (
    types.BuiltinFunctionType,
    types.MethodDescriptorType,
    types.WrapperDescriptorType,
    types.MethodWrapperType,
    types.ClassMethodDescriptorType,
)
_MISSING: Final = object()
_MISSING_DIGEST: Final = xxhash.xxh3_128_digest(b"missing")
_thread_state = threading.local()


def _active_functions() -> set[int]:
    active: set[int] | None = getattr(_thread_state, "active", None)
    if active is None:
        active = _thread_state.active = set()
    return active


def _display_name(obj: object) -> str:
    module = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    if not isinstance(qualname, str):
        return type(obj).__qualname__
    if not isinstance(module, str) or module == "__main__":
        return qualname
    return f"{module}.{qualname}"


def _scalar_digest(value: object) -> bytes:
    kind = type(value)
    if isinstance(value, str):
        raw = value.encode("utf-8", "surrogatepass")
    elif isinstance(value, bytes):
        raw = value
    else:
        raw = repr(value).encode()
    return xxhash.xxh3_128_digest(kind.__name__.encode() + b"\0" + raw)


class _Walk:
    """One fingerprint: visits each function, class, variable and package once."""

    __slots__ = ("digest", "fast", "hasher", "parts", "seen")

    def __init__(self, hasher: Hasher, parts: list[Part] | None) -> None:
        self.hasher = hasher
        self.parts = parts
        self.digest = xxhash.xxh3_128()
        self.seen: set[object] = set()
        # Scalars are hashed here, faster, unless the user asked to hash some type their way.
        self.fast = not hasher.hash_funcs

    def add(self, rule: str, name: str, digest: bytes) -> None:
        self.digest.update(f"{rule}\0{name}\0".encode("utf-8", "surrogatepass"))
        self.digest.update(digest)
        if self.parts is not None:
            self.parts.append(Part(rule, name, digest))

    def function(self, func: types.FunctionType) -> None:
        if id(func) in self.seen:
            return
        self.seen.add(id(func))
        code = func.__code__
        info = _code_info(code)
        if info.kind != _USER:
            self.package_or_skip(func.__module__)
            self.wrapped(func)
            return
        module = func.__module__
        prefix = "" if module == "__main__" or not module else module + "."
        qualname = prefix + func.__qualname__
        self.add("body", qualname, info.digest)
        if func.__defaults__:
            for index, default in enumerate(func.__defaults__):
                self.value(f"{qualname}.__defaults__[{index}]", default, qualname)
        if func.__kwdefaults__:
            for key, default in func.__kwdefaults__.items():
                self.value(f"{qualname}.__kwdefaults__[{key}]", default, qualname)
        namespace = func.__globals__
        for chain in info.globals:
            value = namespace.get(chain[0], _MISSING)
            if value is _MISSING:
                # A builtin, or a name not defined yet (the call would fail).
                continue
            self.chain((id(namespace), chain), prefix, chain, value, qualname)
        if info.derefs:
            closure = func.__closure__ or ()
            for index, chain in info.derefs:
                try:
                    value = closure[index].cell_contents
                except (IndexError, ValueError):
                    continue  # an empty cell: the variable is not assigned yet
                label = f"{qualname}.<closure>."
                self.chain((id(func), chain), label, chain, value, qualname)
        for level, module_name, attrs in info.imports:
            self.imported(func, level, module_name, attrs, qualname)

    def chain(self, key: object, prefix: str, chain: _Chain, value: object, reader: str) -> None:
        """A variable read as `a.b.c`: follow the attributes through the user's modules."""
        if key in self.seen:
            return
        self.seen.add(key)
        depth = 1
        owner: types.ModuleType | None = None
        while depth < len(chain) and type(value) is types.ModuleType:
            if _module_kind(value.__name__) != _USER:
                break
            owner = value
            value = getattr(value, chain[depth], _MISSING)
            depth += 1
        if owner is not None:
            # The same module attribute may be reached by several paths (`helpers.FACTOR` read
            # by the script and `FACTOR` read by `helpers.clean`): count it once.
            location = (id(owner.__dict__), (chain[depth - 1],))
            if location in self.seen:
                return
            self.seen.add(location)
        name = prefix + ".".join(chain[:depth])
        if value is _MISSING:
            self.add("variable", name, _MISSING_DIGEST)
            return
        self.value(name, value, reader)

    def imported(
        self, func: types.FunctionType, level: int, module: str, attrs: _Chain, reader: str
    ) -> None:
        """A module imported inside the function, and the attributes read from it."""
        if level:
            package = func.__globals__.get("__package__") or ""
            try:
                module = importlib.util.resolve_name("." * level + module, package)
            except (ImportError, ValueError):
                return
        found = sys.modules.get(module)
        if found is None:
            # Not imported yet, so this is the first call: nothing it imports ran before.
            return
        self.chain(("import", module, attrs), "", (module, *attrs), found, reader)

    def value(self, name: str, value: object, reader: str) -> None:
        """Count one value a function reads, by what it is."""
        kind = type(value)
        if kind in _SCALARS and self.fast:
            self.add("variable", name, _scalar_digest(value))
        elif kind is types.FunctionType:
            self.function(value)  # type: ignore[arg-type]
        elif isinstance(value, type):
            self.cls(value)
        elif kind is types.ModuleType:
            self.module(name, value)  # type: ignore[arg-type]
        elif kind is types.MethodType:
            self.value(name, value.__func__, reader)  # type: ignore[attr-defined]
            self.value(f"{name}.__self__", value.__self__, reader)  # type: ignore[attr-defined]
        elif isinstance(value, _BUILTIN_CALLABLES):
            owner = getattr(value, "__module__", None) or getattr(
                getattr(value, "__objclass__", None), "__module__", None
            )
            self.package_or_skip(owner if isinstance(owner, str) else "builtins")
        elif kind is functools.partial:
            self.value(f"{name}.func", value.func, reader)  # type: ignore[attr-defined]
            self.hashed(f"{name}.args", (value.args, value.keywords), reader)  # type: ignore[attr-defined]
        elif callable(value) and self.wrapped(value):
            self.cls(kind)
        elif callable(value) and kind.__name__ == "ufunc" and kind.__module__ == "numpy":
            self.package_or_skip("numpy")
        else:
            owner = _module_kind(kind.__module__)
            if owner == _SKIP:
                return  # `st.session_state`, a DeltaGenerator...
            if owner == _USER:
                self.cls(kind)  # methods called on it
            self.hashed(name, value, reader)

    def hashed(self, name: str, value: object, reader: str) -> None:
        origin = f"variable `{name}` read by `{reader}`"
        self.add("variable", name, self.hasher.hash(value, origin=origin))

    def wrapped(self, value: object) -> bool:
        """Follow a decorator's `__wrapped__` (``functools.wraps``, cached functions)."""
        attrs = getattr(value, "__dict__", None)
        inner = attrs.get("__wrapped__") if isinstance(attrs, dict) else None
        if inner is None or inner is value:
            return False
        self.value(_display_name(inner), inner, _display_name(value))
        return True

    def module(self, name: str, module: types.ModuleType) -> None:
        kind = _module_kind(module.__name__)
        if kind == _PACKAGE:
            self.package_or_skip(module.__name__)
        # A local module used whole (passed on, or its attributes set) adds nothing: what is
        # read from it is only known through the attribute chains.

    def cls(self, cls: type) -> None:
        """A class: an installed one by package; a local one by all its methods and data."""
        if cls in self.seen:
            return
        self.seen.add(cls)
        kind = _module_kind(cls.__module__)
        if kind != _USER:
            self.package_or_skip(cls.__module__)
            return
        name = _display_name(cls)
        for base in cls.__mro__[1:]:
            if base is not object:
                self.cls(base)
        for attr, member in list(vars(cls).items()):
            if attr.startswith("__") and attr.endswith("__") and not callable(member):
                continue  # __module__, __dict__, __doc__...
            label = f"{name}.{attr}"
            if isinstance(member, (staticmethod, classmethod)):
                self.value(label, member.__func__, name)
            elif isinstance(member, property):
                for accessor in (member.fget, member.fset, member.fdel):
                    if accessor is not None:
                        self.value(label, accessor, name)
            elif isinstance(member, (types.FunctionType, type)):
                self.value(label, member, name)
            elif isinstance(member, (types.MemberDescriptorType, types.GetSetDescriptorType)):
                continue  # a slot: its values live on the instances
            else:
                try:
                    self.value(label, member, name)
                except UnhashableTypeError:
                    # Class-level helpers (locks, caches) must not make the class unusable.
                    digest = xxhash.xxh3_128_digest(_display_name(type(member)).encode())
                    self.add("variable", label, digest)

    def package_or_skip(self, module: str | None) -> None:
        if _module_kind(module) == _SKIP:
            return
        top = _package_of(module)
        key = ("package", top)
        if key in self.seen:
            return
        self.seen.add(key)
        self.add("package", top, _package_digest(top))
