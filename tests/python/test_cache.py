"""`@st.cache` and its four rules, `st.cache_data` and `st.cache_resource`, through AppTest.

Each script counts the real calls of its cached function by appending to a file, so the count
survives reruns; edits are made on disk between runs, as a person saving in an editor would.
"""

from __future__ import annotations

import os
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sidepane.caching.data_resource import data_registry, resource_registry
from sidepane.caching.legacy import registry as legacy_registry
from sidepane.testing import AppTest


class App:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.calls = folder / "calls.txt"
        self.at: AppTest | None = None

    def write(self, name: str, source: str) -> None:
        path = self.folder / name
        path.write_text(textwrap.dedent(source).replace("CALLS", repr(str(self.calls))))
        # A save a moment later than the last: mtime-based code caches must see it.
        stamp = time.time() + len(list(self.folder.iterdir())) * 0.001
        os.utime(path, (stamp, stamp))
        time.sleep(0.002)

    def run(self) -> AppTest:
        if self.at is None:
            self.at = AppTest.from_file(str(self.folder / "app.py"), default_timeout=10)
        self.at.run()
        assert not self.at.exception, [e.value for e in self.at.exception]
        return self.at

    def count(self) -> int:
        return len(self.calls.read_text()) if self.calls.exists() else 0


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    monkeypatch.setenv("SIDEPANE_CACHE_DIR", str(tmp_path / "persist"))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield App(tmp_path)
    for reg in (legacy_registry, data_registry, resource_registry):
        reg.clear_all()
    import sys

    for name in ("helpers", "shapes"):
        sys.modules.pop(name, None)


SCRIPT = """
import sidepane as st

THRESHOLD = 5
UNRELATED = 1

@st.cache
def slow(n):
    open(CALLS, "a").write("x")
    return [i * THRESHOLD for i in range(n)]

st.write(str(slow(3)))
"""


def test_rule1_arguments(app: App) -> None:
    app.write("app.py", SCRIPT)
    at = app.run()
    assert at.markdown[0].value == "[0, 5, 10]"
    app.run()
    assert app.count() == 1
    app.write("app.py", SCRIPT.replace("slow(3)", "slow(4)"))
    app.run()
    assert app.count() == 2


def test_rule2_external_variables(app: App) -> None:
    app.write("app.py", SCRIPT)
    app.run()
    app.write("app.py", SCRIPT.replace("UNRELATED = 1", "UNRELATED = 2"))
    app.run()
    assert app.count() == 1, "a variable the function does not read must not invalidate"
    app.write("app.py", SCRIPT.replace("THRESHOLD = 5", "THRESHOLD = 6"))
    at = app.run()
    assert app.count() == 2
    assert at.markdown[0].value == "[0, 6, 12]"


def test_rule3_body_not_position(app: App) -> None:
    app.write("app.py", SCRIPT)
    app.run()
    moved = SCRIPT.replace("import sidepane as st\n", "import sidepane as st\n# a comment\n\n\n")
    moved = moved.replace("UNRELATED = 1", "UNRELATED = 1  # reformatted   ")
    app.write("app.py", moved)
    app.run()
    assert app.count() == 1, "moving the function or editing other lines keeps the cache"
    app.write("app.py", moved.replace("i * THRESHOLD", "i * THRESHOLD + 1"))
    app.run()
    assert app.count() == 2


def test_rule4_functions_it_uses(app: App) -> None:
    app.write("helpers.py", "def scale(x):\n    return x * 2\n")
    app.write(
        "shapes.py",
        "class Square:\n    def __init__(self, s):\n        self.s = s\n"
        "    def area(self):\n        return self.s * self.s\n",
    )
    script = """
    import sidepane as st
    import helpers
    from shapes import Square

    def local(x):
        return x + 1

    def passed(x):
        return x

    @st.cache
    def slow(n, fn):
        open(CALLS, "a").write("x")
        return [fn(helpers.scale(local(i))) + Square(i).area() for i in range(n)]

    st.write(str(slow(2, passed)))
    """
    app.write("app.py", script)
    assert app.run().markdown[0].value == "[2, 5]"
    app.run()
    assert app.count() == 1
    app.write("app.py", script.replace("return x + 1", "return x + 2"))
    app.run()
    assert app.count() == 2, "a local helper's body changed"
    app.write("helpers.py", "def scale(x):\n    return x * 3\n")
    app.run()
    assert app.count() == 3, "a helper in a local module changed"
    app.write(
        "shapes.py",
        "class Square:\n    def __init__(self, s):\n        self.s = s\n"
        "    def area(self):\n        return self.s * self.s * 1\n",
    )
    app.run()
    assert app.count() == 4, "a method of a local class changed"
    app.write(
        "app.py",
        script.replace("return x + 1", "return x + 2").replace(
            "def passed(x):\n        return x", "def passed(x):\n        return -x"
        ),
    )
    app.run()
    assert app.count() == 5, "a function passed as an argument changed"


def test_st_calls_inside_are_replayed_on_hits(app: App) -> None:
    app.write(
        "app.py",
        """
        import sidepane as st
        st.title("top")
        @st.cache
        def load():
            open(CALLS, "a").write("x")
            st.write("loading done")
            st.sidebar.write("in the sidebar")
            return 42
        with st.container():
            value = load()
        st.write("value", value)
        """,
    )
    first = app.run()
    snapshot = (first.markdown.values, first.sidebar.markdown.values)
    second = app.run()
    assert app.count() == 1
    assert (second.markdown.values, second.sidebar.markdown.values) == snapshot
    assert second.main.markdown.values == ["loading done", "value `42`"]
    assert second.sidebar.markdown.values == ["in the sidebar"]


def test_mutating_a_cached_result_is_reported_and_undone(app: App) -> None:
    script = """
    import sidepane as st
    @st.cache{args}
    def data():
        open(CALLS, "a").write("x")
        return [1, 2, 3]
    d = data()
    st.write(str(d))
    d.append(4)
    """
    app.write("app.py", script.format(args=""))
    app.run()
    at = app.run()
    assert app.count() == 1
    assert "mutated" in at.warning[0].value
    assert at.markdown[0].value == "[1, 2, 3]"
    app.write("app.py", script.format(args="(allow_output_mutation=True)"))
    at = app.run()
    assert at.markdown[0].value == "[1, 2, 3, 4]", "the same object, as the last caller left it"
    at = app.run()
    assert len(at.warning) == 0
    assert at.markdown[0].value == "[1, 2, 3, 4, 4]"
    assert app.count() == 1


def test_ttl_max_entries_and_clear(app: App) -> None:
    app.write(
        "app.py",
        """
        import sidepane as st
        @st.cache(ttl=0.2, max_entries=2)
        def f(n):
            open(CALLS, "a").write("x")
            return n
        for n in st.session_state.get("ns", [1]):
            f(n)
        """,
    )
    at = app.run()
    app.run()
    assert app.count() == 1
    time.sleep(0.25)
    app.run()
    assert app.count() == 2, "expired"
    at.session_state["ns"] = [1, 2, 3, 1]
    app.run()
    assert app.count() == 5, "1 was evicted by 3 (LRU of 2)"


def test_persist_survives_a_restart(app: App) -> None:
    app.write(
        "app.py",
        """
        import sidepane as st
        @st.cache(persist=True)
        def f():
            open(CALLS, "a").write("x")
            return {"answer": 42}
        st.write(f()["answer"])
        """,
    )
    app.run()
    legacy_registry._stores.clear()  # as in a new process: nothing in memory
    app.at = None
    assert app.run().markdown[0].value == "`42`"
    assert app.count() == 1


def test_unhashable_argument_names_it_and_suggests_hash_funcs(app: App) -> None:
    script = """
    import threading
    import sidepane as st
    @st.cache{args}
    def f(lock):
        return 1
    st.write(f(threading.Lock()))
    """
    app.write("app.py", script.format(args=""))
    at = AppTest.from_file(str(app.folder / "app.py")).run()
    message = at.exception[0].value
    assert "lock" in message and "hash_funcs" in message
    app.write("app.py", script.format(args="(hash_funcs={type(threading.Lock()): id})"))
    at = AppTest.from_file(str(app.folder / "app.py")).run()
    assert not at.exception and at.markdown[0].value == "`1`"


def test_cache_data_returns_copies_and_skips_underscore_args(app: App) -> None:
    app.write(
        "app.py",
        """
        import sidepane as st
        @st.cache_data
        def rows(n, _conn):
            open(CALLS, "a").write("x")
            return list(range(n))
        a = rows(3, object())
        a.append("changed")
        st.write(str(rows(3, object())))
        if st.session_state.get("clear"):
            rows.clear()
        """,
    )
    at = app.run()
    assert at.markdown[0].value == "[0, 1, 2]"
    assert app.count() == 1
    at.session_state["clear"] = True
    app.run()
    app.run()
    assert app.count() == 2


def test_cache_resource_shares_one_object_and_validates(app: App) -> None:
    app.write(
        "app.py",
        """
        import sidepane as st
        @st.cache_resource(validate=lambda r: r["ok"])
        def connect():
            open(CALLS, "a").write("x")
            return {"ok": True}
        c = connect()
        st.write(c is connect())
        if st.session_state.get("break"):
            c["ok"] = False
        """,
    )
    at = app.run()
    assert at.markdown[0].value == "`True`"
    at.session_state["break"] = True
    app.run()
    app.run()
    assert app.count() == 2


def test_concurrent_sessions_compute_once(app: App) -> None:
    app.write(
        "app.py",
        """
        import time
        import sidepane as st
        @st.cache_data
        def slow():
            open(CALLS, "a").write("x")
            time.sleep(0.3)
            return 1
        st.write(slow())
        """,
    )
    tests = [AppTest.from_file(str(app.folder / "app.py"), default_timeout=10) for _ in range(3)]
    threads = [threading.Thread(target=t.run) for t in tests]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert app.count() == 1
    assert all(t.markdown[0].value == "`1`" for t in tests)


def test_legacy_cache_with_widgets_allowed_reruns_when_they_move(app: App) -> None:
    app.write(
        "app.py",
        """
        import sidepane as st
        @st.cache(experimental_allow_widgets=True)
        def f():
            open(CALLS, "a").write("x")
            return st.slider("inside") * 2
        st.write(f())
        """,
    )
    at = app.run()
    assert not at.exception and at.markdown[0].value == "`0`"
    app.run()
    assert app.count() == 1
    at.slider[0].set_value(10).run()
    assert at.markdown[0].value == "`20`"
    assert app.count() == 2


def test_a_corrupt_persisted_file_is_a_miss_not_a_crash(app: App) -> None:
    app.write(
        "app.py",
        """
        import sidepane as st
        @st.cache(persist=True)
        def f():
            open(CALLS, "a").write("x")
            return 7
        st.write(f())
        """,
    )
    app.run()
    for path in (app.folder / "persist").rglob("*.pickle"):
        path.write_bytes(b"\x80\x05garbage")  # a half-written file from a crash
    legacy_registry._stores.clear()
    app.at = None
    assert app.run().markdown[0].value == "`7`"
    assert app.count() == 2


def test_session_scoped_cache_data_is_per_session(app: App) -> None:
    app.write(
        "app.py",
        """
        import sidepane as st
        @st.cache_data(scope="session")
        def f():
            open(CALLS, "a").write("x")
            return 1
        f()
        """,
    )
    a = AppTest.from_file(str(app.folder / "app.py")).run()
    a.run()
    AppTest.from_file(str(app.folder / "app.py")).run()
    assert app.count() == 2


def test_show_spinner_and_suppress_st_warning(app: App) -> None:
    app.write(
        "app.py",
        """
        import sidepane as st
        @st.cache(suppress_st_warning=True)
        def slow(n):
            return st.checkbox("inside", key=str(n))
        @st.cache(show_spinner=False)
        def quiet():
            return 1
        @st.cache_data(show_spinner="Crunching numbers...")
        def custom():
            return 2
        slow(1)
        quiet()
        custom()
        """,
    )
    at = app.run()
    spinners = [f["props"]["text"] for f in at.frames if f.get("type") == "spinner"]
    assert spinners == ["Running `slow(...)`.", "Crunching numbers..."]
    assert not at.exception, "suppress_st_warning silences the widget warning"
    assert len(at.checkbox) == 1


def test_global_clear_of_cache_data_and_cache_resource(app: App) -> None:
    app.write(
        "app.py",
        """
        import sidepane as st
        @st.cache_data
        def d():
            open(CALLS, "a").write("d")
            return 1
        @st.cache_resource
        def r():
            open(CALLS, "a").write("r")
            return object()
        d(); r()
        if st.session_state.get("clear"):
            st.cache_data.clear()
            st.cache_resource.clear()
        """,
    )
    at = app.run()
    app.run()
    assert app.count() == 2
    at.session_state["clear"] = True
    app.run()  # hits, then clears both
    assert app.count() == 2
    app.run()  # both computed again
    assert app.count() == 4
