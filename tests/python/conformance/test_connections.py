"""`st.connection` and `streamlit.connections`: the same scripts and asserts pass on Streamlit 1.67
(`make conformance-streamlit`) and on Sidepane. The SQL cases need SQLAlchemy, which the
Streamlit bench venv lacks (they are skipped there unless it is installed); tests/python/
test_connections.py and test_connections_postgres.py cover SQL against real databases."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest


def _run(AppTest: Any, source: str) -> Any:
    return AppTest.from_string(textwrap.dedent(source), default_timeout=20).run()


def _errors(at: Any) -> list[str]:
    return [e.value for e in at.exception]


CUSTOM = """
import streamlit as st
from streamlit.connections import BaseConnection, ExperimentalBaseConnection

class Box(BaseConnection[dict]):
    def _connect(self, **kwargs):
        return {"made": st.session_state.get("made", 0) + 1, **kwargs}

    def made(self):
        return self._instance["made"]

box = st.connection("box", type=Box, colour="red")
st.session_state.made = box.made()
st.write(f"{box.made()} {box._instance['colour']} {box.scope()} {box._connection_name}")
st.write(str(box is st.connection("box", type=Box, colour="red")))
st.write(str(box is st.connection("box", type=Box, colour="blue")))
st.write(str(ExperimentalBaseConnection is BaseConnection))
st.write(str(box._secrets.to_dict()))
if st.button("reset"):
    box.reset()
    st.write(f"after reset: {box.made()}")
try:
    box.keys
except AttributeError as exc:
    st.write(f"hint: {exc}")
"""


def test_a_custom_connection_cached_and_reset(AppTest: Any) -> None:
    at = _run(AppTest, CUSTOM)
    assert _errors(at) == []
    assert at.markdown.values == [
        "1 red global box",
        "True",
        "False",
        "True",
        "{}",
        "hint: `keys` doesn't exist here, but you can call `._instance.keys` instead",
    ]
    at.button[0].click().run()
    assert at.markdown.values[0] == "1 red global box"  # the same connection object
    assert at.markdown.values[5] == "after reset: 2"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'st.connection("snowpark")',
            "The Snowpark connection was removed in favor of the Snowflake connection. Update "
            'your app to use `st.connection("<name>", type="snowflake")` with '
            "`SnowflakeConnection` instead.",
        ),
        (
            'st.connection("x", type="snowpark")',
            "The Snowpark connection was removed in favor of the Snowflake connection.",
        ),
        (
            'st.connection("snowflake")',
            "No module named 'snowflake'. You need to install the 'snowflake-connector-python' "
            "package to use this connection.",
        ),
        (
            'st.connection("x", type="snowflake")',
            "No module named 'snowflake'. You need to install the 'snowflake-connector-python' "
            "package to use this connection.",
        ),
        ('st.connection("x", type="nope")', "Invalid connection 'nope'. Supported connection"),
        ('st.connection("x", type=dict)', "<class 'dict'> is not a subclass of BaseConnection!"),
        ('st.connection("x", type="collections.OrderedDict")', "<class 'collections.OrderedDict'>"),
    ],
)
def test_errors(AppTest: Any, call: str, message: str) -> None:
    at = _run(AppTest, f"import streamlit as st\n{call}\n")
    (error,) = _errors(at)
    assert error.startswith(message), error


def test_a_scope_other_than_global_or_session(AppTest: Any) -> None:
    at = _run(
        AppTest,
        """
        import streamlit as st
        from streamlit.connections import BaseConnection

        class Odd(BaseConnection[int]):
            def _connect(self, **kwargs):
                return 1

            @classmethod
            def scope(cls):
                return "app"

        st.connection("odd", type=Odd)
        """,
    )
    assert _errors(at) == [
        "Invalid `scope` value. Supported values: 'global', 'session'. "
        "Connection class Odd has scope 'app'."
    ]


SQL_CASES = [
    (
        """
        conn = st.connection("sql", url="sqlite://")
        st.write(conn.driver)
        st.write(type(conn).__name__)
        with conn.session as s:
            s.execute(text("CREATE TABLE t (k TEXT, v INTEGER)"))
            s.execute(text("INSERT INTO t VALUES ('a', 1), ('b', 2), ('c', 3)"))
            s.commit()
            st.write(str(s.execute(text("SELECT sum(v) FROM t")).scalar()))
        """,
        ["pysqlite", "SQLConnection", "6"],
    ),
    (
        """
        conn = st.connection("x", type="sql", url="sqlite://", autocommit=True)
        st.write(conn.engine.get_execution_options()["isolation_level"])
        """,
        ["AUTOCOMMIT"],
    ),
    (
        """
        conn = st.connection(
            "pg", type="sql", dialect="postgresql", driver="pg8000", username="ann",
            password="hunter2", host="db.example", port=6543, database="shop",
            query={"application_name": "x"},
        )
        st.write(str(conn.engine.url))
        """,
        ["postgresql+pg8000://ann:***@db.example:6543/shop?application_name=x"],
    ),
    (
        """
        conn = st.connection("q", type="streamlit.connections.SQLConnection", url="sqlite://")
        df = conn.query(
            "SELECT 'a' AS k, :n AS v UNION ALL SELECT 'b', :n + 1", params={"n": 5}, index_col="k"
        )
        st.write(str(df.to_dict()))
        st.write(str(df is conn.query(
            "SELECT 'a' AS k, :n AS v UNION ALL SELECT 'b', :n + 1", params={"n": 5}, index_col="k"
        )))
        """,
        ["{'v': {'a': 5, 'b': 6}}", "False"],
    ),
]


@pytest.mark.parametrize(("body", "expected"), SQL_CASES)
def test_sql_connection(AppTest: Any, body: str, expected: list[str]) -> None:
    pytest.importorskip("sqlalchemy")
    if "pg8000" in body:
        pytest.importorskip("pg8000")
    at = _run(
        AppTest, "import streamlit as st\nfrom sqlalchemy import text\n" + textwrap.dedent(body)
    )
    assert _errors(at) == []
    assert at.markdown.values == expected


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'st.connection("x", type="sql")',
            "Missing SQL DB connection configuration. Did you forget to set this in "
            "`secrets.toml` or as kwargs to `st.connection`?",
        ),
        (
            'st.connection("x", type="sql", dialect="postgresql", host="h")',
            "The `username` parameter is required. Set this SQL DB connection parameter in "
            "`secrets.toml` or pass it as a kwarg to `st.connection`.",
        ),
        (
            'st.connection("x", type="sql", url="mysql://u:p@h/db")',
            "No module named 'MySQLdb'. You need to install the 'mysqlclient' package to use "
            "this connection.",
        ),
    ],
)
def test_sql_errors(AppTest: Any, call: str, message: str) -> None:
    pytest.importorskip("sqlalchemy")
    at = _run(AppTest, f"import streamlit as st\n{call}\n")
    assert _errors(at) == [message]


# Snowflake cannot run here: a stand-in for `snowflake.connector` (what SnowflakeConnection
# calls: connect, cursor, execute, fetch_pandas_all, close, pandas_tools.write_pandas) records
# the calls, so both sides' SnowflakeConnection can be checked against it.
FAKE_CONNECTOR = """
paramstyle = "pyformat"
log = []


class Error(Exception):
    def __init__(self, msg="", sqlstate=None):
        super().__init__(msg)
        self.sqlstate = sqlstate


class Cursor:
    def __init__(self, conn):
        self.conn = conn

    def execute(self, sql, params=None, **kwargs):
        log.append(("execute", sql, params, paramstyle))
        self.sql, self.params = sql, params

    def fetch_pandas_all(self):
        import pandas as pd

        return pd.DataFrame({"sql": [self.sql], "params": [repr(self.params)]})


class SnowflakeConnection:
    def __init__(self, **kwargs):
        self.kwargs = kwargs

    def cursor(self):
        return Cursor(self)

    def close(self):
        log.append(("close",))


def connect(**kwargs):
    if not kwargs:
        raise Error("no default connection")
    log.append(("connect", sorted(kwargs.items())))
    return SnowflakeConnection(**kwargs)
"""

FAKE_PANDAS_TOOLS = """
from snowflake.connector import log


def write_pandas(conn, df, table_name, database=None, schema=None, chunk_size=None, **kwargs):
    log.append(("write_pandas", table_name, len(df), sorted(kwargs)))
    return True, 1, len(df), []
"""


@pytest.fixture
def fake_snowflake(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    import sys

    package = tmp_path / "fake_snowflake" / "snowflake"
    (package / "connector").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "connector" / "__init__.py").write_text(FAKE_CONNECTOR)
    (package / "connector" / "pandas_tools.py").write_text(FAKE_PANDAS_TOOLS)
    monkeypatch.syspath_prepend(str(package.parent))
    yield
    for name in [m for m in sys.modules if m == "snowflake" or m.startswith("snowflake.")]:
        del sys.modules[name]


def test_snowflake_connection_over_the_connector(AppTest: Any, fake_snowflake: None) -> None:
    at = _run(
        AppTest,
        """
        import pandas as pd
        import streamlit as st
        import snowflake.connector as sc

        conn = st.connection("sf", type="snowflake", account="acme", user="ann")
        df = conn.query("SELECT * FROM t WHERE a = ?", params=[1], ttl=60)
        again = conn.query("SELECT * FROM t WHERE a = ?", params=[1], ttl=60)
        st.write(str(df.to_dict()))
        st.write(str(again.equals(df)))
        st.write(str(conn.write_pandas(pd.DataFrame({"a": [1, 2]}), "T", auto_create_table=True)))
        st.write(type(conn.cursor()).__name__)
        st.write(type(conn.raw_connection).__name__)
        st.write(str(sc.log))
        """,
    )
    assert _errors(at) == []
    assert at.markdown.values == [
        "{'sql': {0: 'SELECT * FROM t WHERE a = ?'}, 'params': {0: '[1]'}}",
        "True",
        "(True, 1, 2)",
        "Cursor",
        "SnowflakeConnection",
        "[('connect', [('account', 'acme'), ('user', 'ann')]), "
        "('execute', 'SELECT * FROM t WHERE a = ?', [1], 'qmark'), "
        "('write_pandas', 'T', 2, ['auto_create_table'])]",
    ]


def test_snowflake_named_and_default_connections(AppTest: Any, fake_snowflake: None) -> None:
    named = _run(
        AppTest,
        """
        import streamlit as st
        import snowflake.connector as sc
        st.connection("warehouse", type="snowflake")
        st.write(str(sc.log))
        """,
    )
    assert _errors(named) == []
    assert named.markdown.values == ["[('connect', [('connection_name', 'warehouse')])]"]
    default = _run(AppTest, 'import streamlit as st\nst.connection("snowflake")\n')
    assert _errors(default) == [
        "Missing Snowflake connection configuration. Did you forget to set this in "
        "`secrets.toml`, a Snowflake configuration file, or as kwargs to `st.connection`? "
        "See the [SnowflakeConnection configuration documentation]"
        "(https://docs.streamlit.io/st.connections.snowflakeconnection-configuration) "
        "for more details and examples."
    ]


def test_snowflake_callers_rights_outside_snowflake(
    AppTest: Any, fake_snowflake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = 'import streamlit as st\nst.connection("snowflake-callers-rights")\n'
    monkeypatch.delenv("SNOWFLAKE_ACCOUNT", raising=False)
    assert _errors(_run(AppTest, source)) == [
        "Environment variable `SNOWFLAKE_ACCOUNT` not found. Is this app running in a "
        "Snowflake container environment?"
    ]
    monkeypatch.setenv("SNOWFLAKE_ACCOUNT", "acme")
    monkeypatch.setenv("SNOWFLAKE_HOST", "acme.snowflakecomputing.com")
    assert _errors(_run(AppTest, source)) == [
        "Token file `/snowflake/session/token` not found. Is this app running in a Snowflake "
        "container environment?"
    ]
