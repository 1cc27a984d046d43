"""Rules 2-4 of `@st.cache`: `dependencies.fingerprint` on real files, edited between reruns."""

from __future__ import annotations

import functools
import importlib
import os
import sys
import textwrap
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import xxhash

from sidepane.caching import dependencies
from sidepane.caching.dependencies import Part, fingerprint
from sidepane.caching.hashing import Hasher
from sidepane.runtime.runner import _magic_write
from sidepane.runtime.script_cache import MAGIC_NAME, ScriptCache


class FakeHasher:
    """Stands in for `Hasher` while it is written: hashes `repr`, follows containers."""

    def __init__(self, hash_funcs: Any = None, hash_function: Any = None) -> None:
        self.hash_funcs = dict(hash_funcs or {})
        self.hash_function = hash_function
        self.origins: list[str] = []

    def hash(self, value: object, *, origin: str) -> bytes:
        self.origins.append(origin)
        return xxhash.xxh3_128_digest(self._bytes(value))

    def _bytes(self, value: object) -> bytes:
        if isinstance(value, types.FunctionType):
            assert self.hash_function is not None
            return b"F" + self.hash_function(value, self)  # type: ignore[no-any-return]
        if isinstance(value, (list, tuple)):
            return b"L(" + b",".join(self._bytes(v) for v in value) + b")"
        if isinstance(value, dict):
            items = b",".join(self._bytes(k) + b":" + self._bytes(v) for k, v in value.items())
            return b"D(" + items + b")"
        if hasattr(value, "__dict__") and not isinstance(value, type):
            return type(value).__qualname__.encode() + self._bytes(vars(value))
        return repr(value).encode()


def _real_hasher_works() -> bool:
    try:
        Hasher().hash(1, origin="probe")
    except NotImplementedError:
        return False
    return True


@pytest.fixture(params=["fake", "real"])
def hasher(request: pytest.FixtureRequest) -> Any:
    if request.param == "real":
        if not _real_hasher_works():
            pytest.skip("cache/hashing.py is not written yet")
        return Hasher(hash_function=lambda f, h: fingerprint(f, h))
    return FakeHasher(hash_function=lambda f, h: fingerprint(f, h))


class Project:
    """A script and its local modules on disk, rerun the way the runner does."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.codes = ScriptCache()
        self.dirty: list[str] = []
        self.stamp = time.time_ns()

    def write(self, name: str, source: str) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
        # Distinct mtimes, so no edit is mistaken for an unchanged file.
        self.stamp += 10_000_000
        os.utime(path, ns=(self.stamp, self.stamp))
        module = name.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
        if module in sys.modules:
            self.dirty.append(module)

    def run(self, source: str | None = None) -> dict[str, Any]:
        """Write the script (if given), reload edited modules, run it in a fresh namespace."""
        if source is not None:
            self.write("app.py", source)
        importlib.invalidate_caches()
        for name in self.dirty:
            importlib.reload(sys.modules[name])
        self.dirty.clear()
        path = str(self.root / "app.py")
        module = types.ModuleType("__main__")
        namespace = module.__dict__
        namespace.update(__file__=path, __builtins__=__builtins__, **{MAGIC_NAME: _magic_write})
        exec(self.codes.get_code(path), namespace)
        return namespace


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Project]:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    yield Project(tmp_path)
    for name in set(sys.modules) - before:
        if str(getattr(sys.modules[name], "__file__", "")).startswith(str(tmp_path)):
            del sys.modules[name]


def fp(func: Callable[..., Any], hasher: Any) -> bytes:
    return fingerprint(func, hasher)


def parts_of(func: Callable[..., Any], hasher: Any) -> list[tuple[str, str]]:
    parts: list[Part] = []
    fingerprint(func, hasher, parts)
    return [(p.rule, p.name) for p in parts]


def changed(parts_a: list[Part], parts_b: list[Part]) -> set[tuple[str, str]]:
    a = {(p.rule, p.name): p.digest for p in parts_a}
    b = {(p.rule, p.name): p.digest for p in parts_b}
    return {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}


# --- Rule 3: the function's own code -------------------------------------------------------

BASE = """
THRESHOLD = 3

def load(n):
    total = 0
    for i in range(n):
        total += i * THRESHOLD
    return total
"""


def test_same_code_same_fingerprint_across_reruns(project: Project, hasher: Any) -> None:
    first = fp(project.run(BASE)["load"], hasher)
    assert len(first) == 16
    assert fp(project.run()["load"], hasher) == first


@pytest.mark.parametrize(
    "edited",
    [
        # moved down the file
        "\n\n\n\n\n\n\n\n\n\n" + BASE,
        # comments inside and outside, blank lines
        """
        # a comment at the top
        THRESHOLD = 3  # trailing

        def load(n):
            # explains the loop
            total = 0

            for i in range(n):  # each one
                total += i * THRESHOLD
            return total
        """,
        # unrelated code added and reformatted
        """
        import os
        UNUSED = [
            1,
            2,
        ]
        THRESHOLD = 3
        def other(): return   UNUSED
        def load(n):
            total = 0
            for i in range(n):
                total += (
                    i * THRESHOLD
                )
            return total
        """,
    ],
)
def test_position_comments_and_layout_keep_the_fingerprint(
    project: Project, hasher: Any, edited: str
) -> None:
    before = fp(project.run(BASE)["load"], hasher)
    assert fp(project.run(edited)["load"], hasher) == before


def test_same_function_compiled_at_different_lines_is_equal(hasher: Any) -> None:
    source = textwrap.dedent(BASE)
    funcs = []
    for offset in (0, 1, 40, 1000):
        namespace: dict[str, Any] = {}
        exec(compile("\n" * offset + source, f"<file{offset}>", "exec"), namespace)
        funcs.append(namespace["load"])
    digests = {fp(f, hasher) for f in funcs}
    assert len(digests) == 1


@pytest.mark.parametrize(
    "edited",
    [
        BASE.replace("total = 0", "total = 1"),  # a constant
        BASE.replace("total", "acc"),  # a name
        BASE.replace("return total", "return -total"),  # a statement
        BASE.replace("for i in range(n):", "for i in range(1, n):"),
        BASE.replace("def load(n):", "def load(n, m=0):"),
        BASE.replace("def load(n):", 'def load(n):\n    "Docstring."'),
    ],
)
def test_code_changes_change_the_fingerprint(project: Project, hasher: Any, edited: str) -> None:
    before = fp(project.run(BASE)["load"], hasher)
    assert fp(project.run(edited)["load"], hasher) != before


def test_nested_code_counts(project: Project, hasher: Any) -> None:
    src = """
    def load(xs):
        squares = [x * x for x in xs]
        key = lambda v: -v
        def inner(a):
            return a + 1
        return sorted(map(inner, squares), key=key)
    """
    before = fp(project.run(src)["load"], hasher)
    assert fp(project.run("\n\n" + src)["load"], hasher) == before
    for old, new in [("x * x", "x * 2"), ("-v", "v"), ("a + 1", "a + 2")]:
        assert fp(project.run(src.replace(old, new))["load"], hasher) != before


def test_defaults_count_by_value(project: Project, hasher: Any) -> None:
    src = """
    LIMIT = 5
    def load(n=LIMIT, *, scale=2.0):
        return n * scale
    """
    before = fp(project.run(src)["load"], hasher)
    assert fp(project.run(src.replace("LIMIT = 5", "LIMIT = 6"))["load"], hasher) != before
    assert fp(project.run(src.replace("2.0", "3.0"))["load"], hasher) != before
    assert fp(project.run(src)["load"], hasher) == before


# --- Rule 2: variables read ----------------------------------------------------------------


def test_globals_read_count_by_value_others_do_not(project: Project, hasher: Any) -> None:
    src = """
    THRESHOLD = 3
    NAME = "a"
    OTHER = 1
    def load():
        return THRESHOLD, NAME
    """
    before = fp(project.run(src)["load"], hasher)
    assert fp(project.run(src.replace("OTHER = 1", "OTHER = 2"))["load"], hasher) == before
    assert fp(project.run(src.replace("THRESHOLD = 3", "THRESHOLD = 4"))["load"], hasher) != before
    assert fp(project.run(src.replace('"a"', '"b"'))["load"], hasher) != before


def test_global_value_change_without_code_change(project: Project, hasher: Any) -> None:
    src = """
    CONFIG = {"rate": 1, "items": [1, 2]}
    def load():
        return CONFIG["rate"]
    """
    namespace = project.run(src)
    before = fp(namespace["load"], hasher)
    namespace["CONFIG"]["items"].append(3)  # mutated in place: same object, new value
    after_parts: list[Part] = []
    assert fingerprint(namespace["load"], hasher, after_parts) != before
    assert ("variable", "CONFIG") in [(p.rule, p.name) for p in after_parts]
    if isinstance(hasher, FakeHasher):
        assert "variable `CONFIG` read by `load`" in hasher.origins


def test_global_read_only_by_a_nested_function(project: Project, hasher: Any) -> None:
    src = """
    FACTOR = 2
    def load(xs):
        return [x * FACTOR for x in xs]
    """
    before = fp(project.run(src)["load"], hasher)
    assert fp(project.run(src.replace("FACTOR = 2", "FACTOR = 3"))["load"], hasher) != before


def test_closure_variables(project: Project, hasher: Any) -> None:
    src = """
    def make(factor):
        def load(x):
            return x * factor
        return load
    a1, a2, b = make(2), make(2), make(3)
    """
    namespace = project.run(src)
    assert fp(namespace["a1"], hasher) == fp(namespace["a2"], hasher)
    assert fp(namespace["a1"], hasher) != fp(namespace["b"], hasher)
    assert ("variable", "make.<locals>.load.<closure>.factor") in parts_of(namespace["b"], hasher)


def test_closure_over_a_function(project: Project, hasher: Any) -> None:
    src = """
    def helper(x):
        return x + 1
    def make(f):
        def load(x):
            return f(x)
        return load
    load = make(helper)
    """
    before = fp(project.run(src)["load"], hasher)
    assert fp(project.run(src.replace("x + 1", "x + 2"))["load"], hasher) != before


def test_builtins_and_missing_names_are_not_inputs(project: Project, hasher: Any) -> None:
    src = """
    def load(xs):
        return len(xs), sorted(xs), LATER
    """
    assert parts_of(project.run(src)["load"], hasher) == [("body", "load")]


# --- Rule 4: functions used, transitively --------------------------------------------------

HELPERS = """
FACTOR = 10

def clean(x):
    return x * FACTOR

def unused(x):
    return x
"""


def test_local_helper_in_the_same_file(project: Project, hasher: Any) -> None:
    src = """
    def helper(x):
        return x + 1
    def unrelated():
        return 0
    def load(x):
        return helper(x) * 2
    """
    before = fp(project.run(src)["load"], hasher)
    assert fp(project.run(src.replace("return 0", "return 1"))["load"], hasher) == before
    assert fp(project.run(src.replace("x + 1", "x + 2"))["load"], hasher) != before
    assert parts_of(project.run(src)["load"], hasher) == [("body", "load"), ("body", "helper")]


@pytest.mark.parametrize(
    "script",
    [
        "import helpers\ndef load(x):\n    return helpers.clean(x)\n",
        "from helpers import clean\ndef load(x):\n    return clean(x)\n",
        "import helpers as h\ndef load(x):\n    return h.clean(x)\n",
        "def load(x):\n    import helpers\n    return helpers.clean(x)\n",
        "def load(x):\n    from helpers import clean\n    return clean(x)\n",
    ],
)
def test_helper_in_a_local_module(project: Project, hasher: Any, script: str) -> None:
    project.write("helpers.py", HELPERS)
    project.run(script)
    import helpers  # type: ignore[import-not-found]

    helpers.clean(1)  # an import inside the function has run once
    before_parts: list[Part] = []
    before = fingerprint(project.run()["load"], hasher, before_parts)
    assert ("body", "helpers.clean") in [(p.rule, p.name) for p in before_parts]

    project.write("helpers.py", HELPERS.replace("return x\n", "return -x\n"))  # not used
    assert fp(project.run()["load"], hasher) == before
    project.write("helpers.py", "# moved\n\n" + HELPERS)
    assert fp(project.run()["load"], hasher) == before

    project.write("helpers.py", HELPERS.replace("x * FACTOR", "x + FACTOR"))
    after_parts: list[Part] = []
    assert fingerprint(project.run()["load"], hasher, after_parts) != before
    assert changed(before_parts, after_parts) == {("body", "helpers.clean")}

    project.write("helpers.py", HELPERS.replace("FACTOR = 10", "FACTOR = 11"))
    after_parts = []
    assert fingerprint(project.run()["load"], hasher, after_parts) != before
    assert changed(before_parts, after_parts) == {("variable", "helpers.FACTOR")}


def test_module_attribute_values(project: Project, hasher: Any) -> None:
    project.write("cfg.py", "THRESHOLD = 1\nOTHER = 1\n")
    src = "import cfg\ndef load():\n    return cfg.THRESHOLD\n"
    before = fp(project.run(src)["load"], hasher)
    assert ("variable", "cfg.THRESHOLD") in parts_of(project.run()["load"], hasher)
    project.write("cfg.py", "THRESHOLD = 1\nOTHER = 2\n")
    assert fp(project.run()["load"], hasher) == before
    project.write("cfg.py", "THRESHOLD = 2\nOTHER = 2\n")
    assert fp(project.run()["load"], hasher) != before


def test_helper_in_a_local_package(project: Project, hasher: Any) -> None:
    project.write("pkg/__init__.py", "")
    project.write("pkg/tools.py", "def clean(x):\n    return x + 1\n")
    src = "import pkg.tools\ndef load(x):\n    return pkg.tools.clean(x)\n"
    before = fp(project.run(src)["load"], hasher)
    assert ("body", "pkg.tools.clean") in parts_of(project.run()["load"], hasher)
    project.write("pkg/tools.py", "def clean(x):\n    return x + 2\n")
    assert fp(project.run()["load"], hasher) != before


def test_transitive_helpers(project: Project, hasher: Any) -> None:
    project.write("helpers.py", "import deep\ndef clean(x):\n    return deep.work(x)\n")
    project.write("deep.py", "def work(x):\n    return x + 1\n")
    src = "from helpers import clean\ndef load(x):\n    return clean(x)\n"
    before = fp(project.run(src)["load"], hasher)
    project.write("deep.py", "def work(x):\n    return x + 2\n")
    assert fp(project.run()["load"], hasher) != before


CLASSES = """
class Base:
    def shared(self):
        return 1

class Model(Base):
    LIMIT = 3

    def __init__(self, k):
        self.k = k

    def predict(self, x):
        return x * self.k

    @staticmethod
    def make():
        return Model(2)

    @classmethod
    def build(cls):
        return cls(3)

    @property
    def double(self):
        return self.k * 2

MODEL = Model(4)

def load(x):
    return Model.make().predict(x)

def use_instance(x):
    return MODEL.predict(x)
"""


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("return x * self.k", "return x + self.k"),
        ("return Model(2)", "return Model(5)"),
        ("return cls(3)", "return cls(4)"),
        ("return self.k * 2", "return self.k * 3"),
        ("return 1", "return 2"),  # in a local base class
        ("LIMIT = 3", "LIMIT = 4"),
    ],
)
def test_methods_of_local_classes(project: Project, hasher: Any, old: str, new: str) -> None:
    namespace = project.run(CLASSES)
    before = fp(namespace["load"], hasher), fp(namespace["use_instance"], hasher)
    again = project.run()
    assert (fp(again["load"], hasher), fp(again["use_instance"], hasher)) == before
    edited = project.run(CLASSES.replace(old, new))
    assert fp(edited["load"], hasher) != before[0]
    assert fp(edited["use_instance"], hasher) != before[1]


def test_instance_state_counts(project: Project, hasher: Any) -> None:
    before = fp(project.run(CLASSES)["use_instance"], hasher)
    after = fp(project.run(CLASSES.replace("Model(4)", "Model(5)"))["use_instance"], hasher)
    assert after != before


def test_class_in_a_local_module(project: Project, hasher: Any) -> None:
    project.write("models.py", "class M:\n    def run(self):\n        return 1\n")
    src = "from models import M\ndef load():\n    return M().run()\n"
    before = fp(project.run(src)["load"], hasher)
    assert ("body", "models.M.run") in parts_of(project.run()["load"], hasher)
    project.write("models.py", "class M:\n    def run(self):\n        return 2\n")
    assert fp(project.run()["load"], hasher) != before


def test_dataclasses_enums_and_slots(project: Project, hasher: Any) -> None:
    src = """
    import dataclasses
    import enum

    class Color(enum.Enum):
        RED = 1
        BLUE = 2

    @dataclasses.dataclass
    class Point:
        x: int
        y: int = 0

        def norm(self):
            return abs(self.x) + abs(self.y)

    class Slotted:
        __slots__ = ("a",)

        def get(self):
            return self.a

    def load(p):
        s = Slotted()
        s.a = Color.RED
        return Point(p).norm(), s.get()
    """
    before = fp(project.run(src)["load"], hasher)
    assert fp(project.run()["load"], hasher) == before
    for old, new in [
        ("abs(self.x)", "self.x"),
        ("BLUE = 2", "BLUE = 3"),
        ("y: int = 0", "y: int = 1"),
    ]:
        assert fp(project.run(src.replace(old, new))["load"], hasher) != before


def test_recursion_and_mutual_recursion(project: Project, hasher: Any) -> None:
    src = """
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    def even(n):
        return True if n == 0 else odd(n - 1)
    def odd(n):
        return False if n == 0 else even(n - 1)
    """
    namespace = project.run(src)
    before = fp(namespace["fact"], hasher), fp(namespace["even"], hasher)
    assert parts_of(namespace["even"], hasher) == [("body", "even"), ("body", "odd")]
    edited = project.run(src.replace("else even(n - 1)", "else even(n - 2)"))
    assert fp(edited["fact"], hasher) == before[0]
    assert fp(edited["even"], hasher) != before[1]


def test_function_values_via_the_hasher_hook(project: Project, hasher: Any) -> None:
    src = """
    def double(x):
        return x * 2
    def apply(f, xs):
        return [f(x) for x in xs]
    """
    namespace = project.run(src)
    before = hasher.hash(namespace["double"], origin="argument `f` of `apply`")
    assert hasher.hash(project.run()["double"], origin="a") == before
    edited = project.run(src.replace("x * 2", "x * 3"))
    assert hasher.hash(edited["double"], origin="a") != before


def test_functions_in_containers_and_cycles(project: Project, hasher: Any) -> None:
    src = """
    def a(x):
        return HANDLERS["b"](x)
    def b(x):
        return x + 1
    HANDLERS = {"a": a, "b": b}
    """
    before = fp(project.run(src)["a"], hasher)
    assert fp(project.run()["a"], hasher) == before
    assert fp(project.run(src.replace("x + 1", "x + 2"))["a"], hasher) != before


def test_decorated_functions(project: Project, hasher: Any) -> None:
    src = """
    import functools

    def logged(f):
        @functools.wraps(f)
        def wrapper(*args):
            return f(*args)
        return wrapper

    @logged
    def helper(x):
        return x + 1

    @functools.lru_cache
    def memo(x):
        return x * 2

    def load(x):
        return helper(x) + memo(x)
    """
    before = fp(project.run(src)["load"], hasher)
    assert fp(project.run()["load"], hasher) == before
    assert fp(project.run(src.replace("x + 1", "x + 2"))["load"], hasher) != before
    assert fp(project.run(src.replace("x * 2", "x * 3"))["load"], hasher) != before


def test_partial_and_bound_methods(project: Project, hasher: Any) -> None:
    src = """
    import functools
    def scale(x, k):
        return x * k
    class Acc:
        def __init__(self):
            self.total = 0
        def add(self, x):
            return self.total + x
    triple = functools.partial(scale, k=3)
    add = Acc().add
    def load(x):
        return triple(x) + add(x)
    """
    before = fp(project.run(src)["load"], hasher)
    assert fp(project.run()["load"], hasher) == before
    assert fp(project.run(src.replace("k=3", "k=4"))["load"], hasher) != before
    assert fp(project.run(src.replace("x * k", "x ** k"))["load"], hasher) != before
    assert fp(project.run(src.replace("self.total + x", "self.total - x"))["load"], hasher) != (
        before
    )


# --- Packages and Sidepane itself ----------------------------------------------------------


def test_sidepane_and_streamlit_are_skipped(project: Project, hasher: Any) -> None:
    src = """
    import sidepane as st
    from sidepane import write
    def load(x):
        st.write(x)
        write(x)
        x
        return x
    """
    assert parts_of(project.run(src)["load"], hasher) == [("body", "load")]


def test_installed_packages_count_by_name_and_version(
    project: Project, hasher: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_packages = project.root / "venv" / "lib" / "site-packages"
    monkeypatch.syspath_prepend(str(site_packages))
    project.write("venv/lib/site-packages/fakepkg/__init__.py", "def work(x):\n    return x\n")
    src = """
    import json
    import os.path
    from xxhash import xxh3_128_digest
    import fakepkg
    def load(x):
        fakepkg.work(x)
        os.path.join("a", "b")
        xxh3_128_digest(b"")
        return json.dumps(x)
    """
    parts: list[Part] = []
    before = fingerprint(project.run(src)["load"], hasher, parts)
    assert [(p.rule, p.name) for p in parts] == [
        ("body", "load"),
        ("package", "fakepkg"),
        ("package", "os"),
        ("package", "xxhash"),
        ("package", "json"),
    ]
    # Its source is not read: an edit to the installed package does not count...
    project.write("venv/lib/site-packages/fakepkg/__init__.py", "def work(x):\n    return -x\n")
    assert fp(project.run()["load"], hasher) == before
    # ...its version does.
    real_version = dependencies._package_version
    monkeypatch.setattr(
        dependencies,
        "_package_version",
        lambda top: "9.9" if top == "fakepkg" else real_version(top),
    )
    monkeypatch.setattr(dependencies, "_package_digests", {})
    after: list[Part] = []
    assert fingerprint(project.run()["load"], hasher, after) != before
    assert changed(parts, after) == {("package", "fakepkg")}


def test_package_version_from_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    assert dependencies._package_version("xxhash") == xxhash.VERSION
    assert dependencies._package_version("json").startswith("python 3.")
    monkeypatch.setattr(dependencies.importlib.metadata, "version", lambda name: "1.2.3")
    assert dependencies._package_version("xxhash") == "1.2.3"


def test_parts_order_and_names(project: Project, hasher: Any) -> None:
    project.write("helpers.py", HELPERS)
    project.write("cfg.py", "THRESHOLD = 0.5\n")
    src = """
    import json
    import cfg
    import helpers
    THRESHOLD = 3
    def load(x):
        y = helpers.clean(x) * THRESHOLD
        return json.dumps([y, cfg.THRESHOLD])
    """
    names = parts_of(project.run(src)["load"], hasher)
    assert names == [
        ("body", "load"),
        ("body", "helpers.clean"),
        ("variable", "helpers.FACTOR"),
        ("variable", "THRESHOLD"),
        ("package", "json"),
        ("variable", "cfg.THRESHOLD"),
    ]
    assert parts_of(project.run()["load"], hasher) == names


def test_analysis_is_memoized_per_code_object(project: Project, hasher: Any) -> None:
    namespace = project.run(BASE)
    fp(namespace["load"], hasher)
    info = dependencies._code_info(namespace["load"].__code__)
    assert dependencies._code_info(project.run()["load"].__code__) is info
    assert dependencies._code_info(project.run("\n" + BASE)["load"].__code__) is not info


def test_warm_fingerprint_is_fast(project: Project, hasher: Any) -> None:
    src = """
    THRESHOLD = 3
    NAME = "rows"
    SCALE = 1.5
    def helper(x):
        return x * SCALE
    def load(x):
        return helper(x) + THRESHOLD, NAME
    """
    load = project.run(src)["load"]
    for _ in range(200):
        fingerprint(load, hasher)
    rounds = 2000
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(rounds):
            fingerprint(load, hasher)
        best = min(best, (time.perf_counter() - start) / rounds)
    print(f"warm fingerprint: {best * 1e6:.2f} µs")
    assert best < 50e-6


class _CachedWrapper:
    """Like the decorator's wrapper object: `functools.update_wrapper` sets `__wrapped__`."""

    def __init__(self, func: Callable[..., Any]) -> None:
        functools.update_wrapper(self, func)

    def __call__(self, *args: Any) -> Any:
        return self.__wrapped__(*args)  # type: ignore[attr-defined]


def test_cached_function_called_inside_another(
    project: Project, hasher: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if _CachedWrapper were Sidepane's: its own code is skipped, the wrapped one is not.
    monkeypatch.setitem(dependencies._kinds_by_module, __name__, dependencies._SKIP)
    src = """
    def inner(x):
        return x + 1
    def outer(x):
        return cached_inner(x) * 2
    """
    namespace = project.run(src)
    namespace["cached_inner"] = _CachedWrapper(namespace["inner"])
    before = parts_of(namespace["outer"], hasher)
    assert before == [("body", "outer"), ("body", "inner")]
    namespace = project.run(src.replace("x + 1", "x + 2"))
    namespace["cached_inner"] = _CachedWrapper(namespace["inner"])
    assert fp(namespace["outer"], hasher) != fingerprint(project.run(src)["outer"], hasher)


def test_module_attributes_counted_once_and_siblings_kept(project: Project, hasher: Any) -> None:
    project.write("pkg/__init__.py", "")
    project.write("pkg/tools.py", "A = 1\nB = 2\ndef clean(x):\n    return x + A\n")
    src = """
    import pkg.tools
    def load(x):
        return pkg.tools.clean(x) + pkg.tools.A + pkg.tools.B
    """
    names = parts_of(project.run(src)["load"], hasher)
    assert names == [
        ("body", "load"),
        ("body", "pkg.tools.clean"),
        ("variable", "pkg.tools.A"),
        ("variable", "pkg.tools.B"),
    ]
