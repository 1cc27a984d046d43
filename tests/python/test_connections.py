"""st.connection against a real SQLite file: the factory's rules, SQLConnection, BaseConnection,
the streamlit.connections module, caching with ttl, secrets, and Streamlit 1.67's errors."""

from __future__ import annotations

import sqlite3
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import sidepane as st
from sidepane.testing import AppTest


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    # Connections and query results live in process-wide caches: each test starts empty.
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "pets.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE pets (name TEXT, owner TEXT, age INTEGER)")
        conn.executemany(
            "INSERT INTO pets VALUES (?, ?, ?)",
            [("fido", "ann", 3), ("rex", "bob", 5), ("tom", "ann", 7)],
        )
    conn.close()
    return path


@pytest.fixture
def app_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An app folder, also the working folder, with a home folder without secrets."""
    home, app = tmp_path / "home", tmp_path / "app"
    home.mkdir()
    app.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(app)
    return app


def _secrets(folder: Path, text: str) -> None:
    path = folder / ".streamlit" / "secrets.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def _app(folder: Path, source: str) -> AppTest:
    script = folder / "app.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    return AppTest.from_file(script, default_timeout=20)


def _run(source: str, **secrets: object) -> AppTest:
    at = AppTest.from_string(textwrap.dedent(source), default_timeout=20)
    at.secrets.update(secrets)
    return at.run()


def _errors(at: AppTest) -> list[str]:
    return [e.value for e in at.exception]


def test_query_with_params_and_index_col_from_keyword_url(db: Path) -> None:
    at = _run(
        f"""
        import streamlit as st
        conn = st.connection("pets", type="sql", url="sqlite:///{db}")
        df = conn.query(
            "SELECT * FROM pets WHERE owner = :owner ORDER BY name",
            params={{"owner": "ann"}},
            index_col="name",
        )
        st.dataframe(df)
        st.text(conn.driver)
        st.text(type(conn).__name__)
        """
    )
    assert _errors(at) == []
    df = at.dataframe[0].value
    assert list(df.index) == ["fido", "tom"]
    assert list(df["age"]) == [3, 7]
    assert [t.value for t in at.text] == ["pysqlite", "SQLConnection"]


def test_type_from_secrets_section_and_parts_of_the_url(app_dir: Path, db: Path) -> None:
    _secrets(
        app_dir,
        f"""
        [connections.shop]
        type = "sql"
        url = "sqlite:///{db}"

        [connections.pg]
        type = "streamlit.connections.SQLConnection"
        dialect = "postgresql"
        driver = "pg8000"
        username = "ann"
        password = "hunter2-secret"
        host = "db.example"
        port = 6543
        database = "shop"
        [connections.pg.query]
        application_name = "sidepane"
        [connections.pg.create_engine_kwargs]
        pool_size = 3
        """,
    )
    at = _app(
        app_dir,
        """
        import streamlit as st
        shop = st.connection("shop")
        st.text(str(len(shop.query("SELECT * FROM pets"))))
        pg = st.connection("pg")  # made, not connected: SQLAlchemy connects on first use
        st.text(str(pg.engine.url))
        st.text(pg.driver)
        st.text(str(pg.engine.pool.size()))
        """,
    ).run()
    assert _errors(at) == []
    texts = [t.value for t in at.text]
    assert texts[0] == "3"
    # The password is masked wherever SQLAlchemy renders the URL.
    assert texts[1] == "postgresql+pg8000://ann:***@db.example:6543/shop?application_name=sidepane"
    assert texts[2:] == ["pg8000", "3"]


def test_keyword_arguments_win_over_secrets(app_dir: Path, db: Path) -> None:
    _secrets(app_dir, '[connections.sql]\nurl = "sqlite://"\n')
    at = _app(
        app_dir,
        f"""
        import streamlit as st
        conn = st.connection("sql", url="sqlite:///{db}")
        st.text(str(conn.query("SELECT count(*) AS n FROM pets")["n"][0]))
        """,
    ).run()
    assert [t.value for t in at.text] == ["3"]


def test_the_same_call_returns_the_same_connection_other_kwargs_a_new_one(db: Path) -> None:
    at = _run(
        f"""
        import streamlit as st
        a = st.connection("sql", url="sqlite:///{db}")
        b = st.connection("sql", url="sqlite:///{db}")
        c = st.connection("sql", url="sqlite://")
        st.text(str((a is b, a is c)))
        """
    )
    assert _errors(at) == []
    assert [t.value for t in at.text] == ["(True, False)"]


@pytest.fixture
def env_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SP_H11_NAME", "sql")


def test_env_prefix_reads_the_name_from_the_environment(db: Path, env_name: None) -> None:
    at = _run(
        f"""
        import streamlit as st
        a = st.connection("env:SP_H11_NAME", url="sqlite:///{db}")
        st.text(a._connection_name)
        """
    )
    assert _errors(at) == []
    assert [t.value for t in at.text] == ["sql"]


def test_query_results_are_cached_until_ttl_per_connection(db: Path) -> None:
    at = AppTest.from_string(
        textwrap.dedent(
            f"""
            import streamlit as st
            from sqlalchemy import text
            conn = st.connection("sql", url="sqlite:///{db}")
            other = st.connection("other", type="sql", url="sqlite:///{db}")
            if st.session_state.get("add"):
                with conn.session as s:
                    s.execute(text("INSERT INTO pets VALUES ('new', 'cy', 1)"))
                    s.commit()
            q = "SELECT count(*) AS n FROM pets"
            st.text(str(conn.query(q)["n"][0]))
            st.text(str(conn.query(q, ttl=0.3)["n"][0]))
            st.text(str(other.query(q)["n"][0]))
            """
        ),
        default_timeout=20,
    )
    at.run()
    assert [t.value for t in at.text] == ["3", "3", "3"]
    at.session_state["add"] = True
    at.run()
    # Kept (no ttl), kept (ttl not over), and the other connection's cache too.
    assert [t.value for t in at.text] == ["3", "3", "3"]
    at.session_state["add"] = False
    time.sleep(0.35)
    at.run()
    assert [t.value for t in at.text] == ["3", "4", "3"]
    st.cache_data.clear()
    at.run()
    assert [t.value for t in at.text] == ["4", "4", "4"]


def test_chunksize_gives_the_chunks(db: Path) -> None:
    at = _run(
        f"""
        import streamlit as st
        conn = st.connection("sql", url="sqlite:///{db}")
        chunks = conn.query("SELECT * FROM pets ORDER BY name", chunksize=2)
        st.text(str([len(c) for c in chunks]))
        """
    )
    assert _errors(at) == []
    assert [t.value for t in at.text] == ["[2, 1]"]


def test_session_engine_connect_and_autocommit() -> None:
    at = _run(
        """
        import streamlit as st
        from sqlalchemy import text
        conn = st.connection("mem", type="sql", url="sqlite://", autocommit=True)
        with conn.session as s:
            s.execute(text("CREATE TABLE t (x INTEGER)"))
            s.execute(text("INSERT INTO t VALUES (4)"))
            s.commit()
        with conn.connect() as c:
            st.text(str(c.execute(text("SELECT x FROM t")).scalar()))
        st.text(conn.engine.get_execution_options()["isolation_level"])
        """
    )
    assert _errors(at) == []
    assert [t.value for t in at.text] == ["4", "AUTOCOMMIT"]


def test_a_custom_base_connection_with_secrets_reset_and_scope(app_dir: Path) -> None:
    _secrets(app_dir, "[connections.counter]\nstart = 10\n")
    (app_dir / "my_conn.py").write_text(
        textwrap.dedent(
            """
            from streamlit.connections import BaseConnection

            class Counter(BaseConnection[list]):
                def _connect(self, step=1):
                    return [self._secrets["start"], step]

                def next(self):
                    self._instance[0] += self._instance[1]
                    return self._instance[0]
            """
        ),
        encoding="utf-8",
    )
    at = _app(
        app_dir,
        """
        import streamlit as st
        import my_conn
        c = st.connection("counter", type=my_conn.Counter, step=2)
        st.text(str(c.next()))
        if st.session_state.get("reset"):
            c.reset()
        st.text(str(c.next()))
        st.text(c.scope())
        d = st.connection("counter", type="my_conn.Counter", step=2)
        st.text(str(d is c))
        """,
    )
    at.run()
    assert _errors(at) == []
    assert [t.value for t in at.text] == ["12", "14", "global", "True"]
    at.run()
    assert [t.value for t in at.text] == ["16", "18", "global", "True"]
    at.session_state["reset"] = True
    at.run()
    # After reset() the next use connects again, reading the secrets again.
    assert [t.value for t in at.text] == ["20", "12", "global", "True"]


def test_editing_the_connections_secrets_reconnects(app_dir: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    for path, n in ((first, 1), (second, 2)):
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE t (n INTEGER)")
            conn.execute("INSERT INTO t VALUES (?)", (n,))
        conn.close()
    _secrets(app_dir, f'[connections.sql]\nurl = "sqlite:///{first}"\nother = 1\n')
    at = _app(
        app_dir,
        """
        import streamlit as st
        conn = st.connection("sql")
        with conn.connect() as c:
            st.text(str(c.exec_driver_sql("SELECT n FROM t").scalar()))
        st.text(str(id(conn)))
        """,
    )
    at.run()
    texts = [t.value for t in at.text]
    assert texts[0] == "1"
    # Another section changing does not reset this connection; its own section does.
    _secrets(
        app_dir,
        f'[connections.sql]\nurl = "sqlite:///{first}"\nother = 1\n[connections.x]\na = 22\n',
    )
    at.run()
    assert [t.value for t in at.text] == texts
    _secrets(app_dir, f'[connections.sql]\nurl = "sqlite:///{second}"\nother = 1\n')
    at.run()
    assert [t.value for t in at.text] == ["2", texts[1]]  # the same connection, reconnected


def test_streamlit_connections_module_paths() -> None:
    at = _run(
        """
        import streamlit as st
        import streamlit.connections as sc
        from streamlit.connections import (
            BaseConnection, ExperimentalBaseConnection, SQLConnection, SnowflakeConnection,
        )
        st.text(str(ExperimentalBaseConnection is BaseConnection))
        st.text(str(st.connections.SQLConnection is SQLConnection is sc.SQLConnection))
        st.text(str(issubclass(SnowflakeConnection, BaseConnection)))
        try:
            from streamlit.connections import SnowparkConnection
        except ImportError as e:
            st.text(str(e))
        """
    )
    assert _errors(at) == []
    texts = [t.value for t in at.text]
    assert texts[:3] == ["True", "True", "True"]
    assert texts[3].startswith("The Snowpark connection was removed")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            'st.connection("x", type="sql")',
            "Missing SQL DB connection configuration. Did you forget to set this in "
            "`secrets.toml` or as kwargs to `st.connection`?",
        ),
        (
            'st.connection("x", type="sql", dialect="postgresql", username="u")',
            "The `host` parameter is required. Set this SQL DB connection parameter in "
            "`secrets.toml` or pass it as a kwarg to `st.connection`.",
        ),
        ('st.connection("x", type="nope")', "Invalid connection 'nope'. Supported connection"),
        ('st.connection("snowpark")', "The Snowpark connection was removed in favor of"),
        ('st.connection("x", type="snowpark")', "The Snowpark connection was removed in favor"),
        (
            'st.connection("snowflake")',
            "No module named 'snowflake'. You need to install the "
            "'snowflake-connector-python' package to use this connection.",
        ),
        (
            'st.connection("x", type="snowflake-callers-rights")',
            "No module named 'snowflake'. You need to install the 'snowflake-connector-python'",
        ),
        ('st.connection("x", type=dict)', "<class 'dict'> is not a subclass of BaseConnection!"),
        ("st.connection(5)", "`st.connection`'s name must be a string"),
        (
            'st.connection("x", type="sql", url="mysql://u:hunter2@h/db")',
            "No module named 'MySQLdb'. You need to install the 'mysqlclient' package",
        ),
    ],
)
def test_errors_as_streamlit_gives_them(source: str, message: str) -> None:
    at = _run(f"import streamlit as st\n{source}\n")
    errors = _errors(at)
    assert len(errors) == 1
    assert errors[0].startswith(message), errors[0]


def test_type_missing_from_secrets(app_dir: Path) -> None:
    _secrets(app_dir, '[connections.mydb]\nurl = "sqlite://"\n')
    at = _app(app_dir, 'import streamlit as st\nst.connection("mydb")\n').run()
    (error,) = _errors(at)
    assert error.startswith('\'st.secrets has no key "type". Did you forget to add it')


def test_sqlalchemy_missing_says_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.abc
    import sys

    class NoSQLAlchemy(importlib.abc.MetaPathFinder):
        """Imports SQLAlchemy as if it were not installed (users install it themselves)."""

        def find_spec(self, fullname: str, path: object, target: object = None) -> None:
            if fullname.partition(".")[0] == "sqlalchemy":
                raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)

    for name in [m for m in sys.modules if m.partition(".")[0] == "sqlalchemy"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [NoSQLAlchemy(), *sys.meta_path])
    at = _run('import streamlit as st\nst.connection("sql", url="sqlite://")\n')
    assert _errors(at) == [
        "No module named 'sqlalchemy'. You need to install the 'sqlalchemy' package to use "
        "this connection."
    ]


def test_passwords_stay_out_of_errors() -> None:
    password = "hunter2-Very-Secret"
    source = """
        import streamlit as st
        conn = st.connection("sql")
        st.text(str(conn.engine.url))
        conn.query("SELECT 1")
        """
    url = f"postgresql+pg8000://bob:{password}@127.0.0.1:1/db"
    at = _run(source, connections={"sql": {"url": url}})
    assert [t.value for t in at.text] == ["postgresql+pg8000://bob:***@127.0.0.1:1/db"]
    (error,) = at.exception
    assert "Can't create a connection to host 127.0.0.1 and port 1" in error.value
    assert password not in error.value + "\n".join(error.stack_trace)
    bad = _run(source, connections={"sql": {"url": f"nonsense {password}"}})
    (error,) = bad.exception
    assert error.value.startswith("Could not parse the SQL connection's `url`")
    assert password not in error.value + "\n".join(error.stack_trace)


def test_a_hint_for_attributes_of_the_underlying_object() -> None:
    at = _run('import streamlit as st\nst.connection("sql", url="sqlite://").dispose\n')
    assert _errors(at) == [
        "`dispose` doesn't exist here, but you can call `._instance.dispose` instead"
    ]


def test_the_gallery_queries_its_bundled_database() -> None:
    gallery = Path(__file__).resolve().parents[2] / "examples" / "gallery.py"
    at = AppTest.from_file(gallery, default_timeout=30).run()
    assert _errors(at) == ["an example exception"]  # the gallery's st.exception
    category = at.selectbox(key="gallery_sql_category")
    assert category.options == ["Coffee", "Gear", "Tea"]
    sales = at.dataframe[-1].value
    assert list(sales.index) == ["Espresso beans 1 kg", "Filter beans 1 kg", "Decaf 500 g"]
    category.set_value("Tea").run()
    sales = at.dataframe[-1].value
    assert sales.to_dict() == {
        "sold": {"Green tea 100 g": 7, "Earl Grey 250 g": 4},
        "revenue": {"Green tea 100 g": 52.5, "Earl Grey 250 g": 36.0},
    }


def test_what_st_connection_returns_type_checks(tmp_path: Path) -> None:
    """mypy infers the connection class from the name or `type`, as with Streamlit's overloads."""
    pytest.importorskip("mypy")  # the dev environment's, not the lowest-dependency one
    import subprocess
    import sys

    user_script = tmp_path / "app.py"
    user_script.write_text(
        textwrap.dedent(
            """
            from typing import Any, assert_type
            import pandas as pd
            import sidepane as st
            from sidepane.connections import BaseConnection, SnowflakeConnection, SQLConnection

            class Counter(BaseConnection[int]):
                def _connect(self, **kwargs: Any) -> int:
                    return 1

            sql = st.connection("sql")
            assert_type(sql, SQLConnection)
            assert_type(st.connection("shop", type="sql", url="sqlite://"), SQLConnection)
            assert_type(st.connection("snowflake"), SnowflakeConnection)
            assert_type(st.connection("c", type=Counter), Counter)
            assert_type(st.connection("other"), BaseConnection[Any])
            assert_type(sql.query("SELECT 1", ttl=60, params={"a": 1}), pd.DataFrame)
            assert_type(sql.driver, str)
            """
        )
    )
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir=/dev/null", "--follow-imports=silent",
         "--config-file=/dev/null", str(user_script)],
        capture_output=True, text=True, cwd=tmp_path, timeout=180,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout


def test_scope_session_and_close_on_eviction(app_dir: Path) -> None:
    (app_dir / "scoped.py").write_text(
        textwrap.dedent(
            """
            from streamlit.connections import BaseConnection

            class PerSession(BaseConnection[dict]):
                def _connect(self, **kwargs):
                    return {"closed": False}

                @classmethod
                def scope(cls):
                    return "session"

                def close(self):
                    self._instance["closed"] = True

            class Bad(PerSession):
                @classmethod
                def scope(cls):
                    return "app"
            """
        ),
        encoding="utf-8",
    )
    source = """
        import streamlit as st
        import scoped
        a = st.connection("a", type=scoped.PerSession, max_entries=1, tag=1)
        st.text(str(a._connection_instance_id))
        st.text(str(a is st.connection("a", type=scoped.PerSession, max_entries=1, tag=1)))
        b = st.connection("a", type=scoped.PerSession, max_entries=1, tag=2)
        st.text(str((a._instance["closed"], b._instance["closed"])))
        st.connection("bad", type=scoped.Bad)
        """
    first = _app(app_dir, source).run()
    second = _app(app_dir, source).run()
    one, two = [t.value for t in first.text], [t.value for t in second.text]
    assert one[1:] == ["True", "(True, False)"]  # the first left the cache: closed
    assert two[1:] == one[1:]
    assert one[0] != two[0]  # each session its own
    assert [e.value for e in first.exception] == [
        "Invalid `scope` value. Supported values: 'global', 'session'. "
        "Connection class Bad has scope 'app'."
    ]


def test_a_broken_secrets_file_is_named_when_settings_are_missing(app_dir: Path) -> None:
    _secrets(app_dir, '[connections.sql]\nurl = "sqlite://"\npassword = \n')
    at = _app(app_dir, 'import streamlit as st\nst.connection("sql")\n').run()
    (error,) = _errors(at)
    assert error.startswith(
        "Missing SQL DB connection configuration. Did you forget to set this in `secrets.toml` "
        "or as kwargs to `st.connection`? (Error parsing secrets file at "
    )
    assert "secrets.toml" in error


def _config(folder: Path, text: str) -> None:
    path = folder / ".streamlit" / "config.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_runner_connection_default_ttl(app_dir: Path) -> None:
    _config(app_dir, "[runner]\nconnectionDefaultTTL = 0.3\n")
    at = _app(
        app_dir,
        """
        import streamlit as st
        a = st.connection("a", type="sql", url="sqlite://")
        b = st.connection("b", type="sql", url="sqlite://", ttl=None)
        st.text(str(a._connection_instance_id))  # unique for the process, unlike id()
        st.text(str(b._connection_instance_id))
        st.text(str(a.engine is not None))
        """,
    )
    first = [t.value for t in at.run().text]
    assert first[2] == "True"
    assert [t.value for t in at.run().text] == first  # within the ttl: the same ones
    time.sleep(0.35)
    second = [t.value for t in at.run().text]
    assert second[0] != first[0]  # the option's ttl ran out: a new connection
    assert second[1] == first[1]  # ttl=None wins over the option


@pytest.mark.parametrize("value", ["-1", '"soon"', "true", "inf"])
def test_a_bad_runner_connection_default_ttl(app_dir: Path, value: str) -> None:
    _config(app_dir, f"[runner]\nconnectionDefaultTTL = {value}\n")
    at = _app(app_dir, 'import streamlit as st\nst.connection("sql", url="sqlite://")\n').run()
    (error,) = _errors(at)
    assert error.startswith(
        "Invalid `runner.connectionDefaultTTL` value. Use a finite, non-negative number of "
        "seconds, or leave the option unset to keep connections cached until they are cleared. "
        "Received "
    ), error


def test_no_frame_carries_the_password(
    harness: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the runtime sends a viewer, byte for byte, for a connection that fails to connect
    with a password in its URL (secrets.toml) and a bad URL."""
    from sidepane.protocol.frames import decode_message

    from conftest import run_ends

    password = "Pw-4-frames-only"
    monkeypatch.setenv("HOME", str(tmp_path))
    _secrets(
        tmp_path,
        f"""
        [connections.down]
        type = "sql"
        url = "postgresql+pg8000://bob:{password}@127.0.0.1:1/db"
        [connections.broken]
        type = "sql"
        url = "postgresql+pg8000:/bob:{password}@@:x"
        """,
    )
    session, viewer = harness.session(
        """
        import streamlit as st
        st.write(str(st.connection("down").engine.url))
        try:
            st.connection("broken")
        except Exception as e:
            st.exception(e)
        st.connection("down").query("SELECT 1")
        """
    )
    harness.hello(session)
    sent: list[bytes] = []
    frames: list[dict[str, Any]] = []

    def done() -> bool:
        with viewer._lock:
            new, viewer.messages = viewer.messages, []
        sent.extend(new)
        frames.extend(f for m in new for f in decode_message(m))
        return bool(run_ends(frames))

    assert harness.wait_for(done, timeout=20)
    assert sent and all(password.encode() not in message for message in sent)
    shown = repr(frames)
    assert password not in shown
    assert "bob:***@127.0.0.1:1/db" in shown
    assert "Could not parse the SQL connection" in shown
    assert "Can't create a connection to host 127.0.0.1 and port 1" in shown


def test_streamlit_runtime_connection_factory_and_unknown_names() -> None:
    at = _run(
        """
        import streamlit as st
        from streamlit.runtime.connection_factory import connection_factory
        st.text(str(connection_factory is st.connection))
        try:
            from streamlit.connections import NoSuchConnection
        except ImportError as e:
            st.text(str(e))
        """
    )
    assert _errors(at) == []
    assert [t.value for t in at.text] == [
        "True",
        "`streamlit.connections` has no `NoSuchConnection`: it has BaseConnection, "
        "ExperimentalBaseConnection, SQLConnection, SnowflakeCallersRightsConnection, "
        "SnowflakeConnection, as in Streamlit 1.67.",
    ]
