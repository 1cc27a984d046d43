"""st.connection("sql") against a real PostgreSQL server, started by the tests (postgres_server.py)
and reached with pg8000, configured from secrets.toml as an app would be."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from postgres_server import Server, create_database, running_server, why_unavailable

import sidepane as st
from sidepane.testing import AppTest

_WHY = why_unavailable()
if _WHY is not None:
    print(f"test_connections_postgres skipped: {_WHY}", file=sys.stderr)
pytestmark = pytest.mark.skipif(_WHY is not None, reason=f"no PostgreSQL server: {_WHY}")


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with ExitStack() as stack:
        try:
            s = stack.enter_context(running_server())
        except (OSError, subprocess.CalledProcessError, RuntimeError) as exc:
            detail = getattr(exc, "stderr", None) or b""
            reason = f"the PostgreSQL server did not start: {exc} {detail.decode()[-500:]}"
            print(f"test_connections_postgres skipped: {reason}", file=sys.stderr)
            pytest.skip(reason)
        create_database(s, "shop")
        yield s


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()  # closes the connections (their engines' pools)
    st.cache_data.clear()


@pytest.fixture
def app_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: Server) -> Path:
    """An app folder (the working folder too) whose secrets.toml points at the server."""
    home, app = tmp_path / "home", tmp_path / "app"
    home.mkdir()
    (app / ".streamlit").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(app)
    (app / ".streamlit" / "secrets.toml").write_text(
        textwrap.dedent(
            f"""
            [connections.shop]
            type = "sql"
            dialect = "postgresql"
            driver = "pg8000"
            username = "{server.user}"
            password = "{server.password}"
            host = "{server.host}"
            port = {server.port}
            database = "shop"

            [connections.wrong]
            type = "sql"
            url = "{server.url("shop", password="not-the-" + server.password)}"
            """
        ),
        encoding="utf-8",
    )
    return app


def _app(folder: Path, source: str) -> AppTest:
    script = folder / "app.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    return AppTest.from_file(script, default_timeout=30)


def test_write_with_a_session_then_query_with_params(app_dir: Path) -> None:
    at = _app(
        app_dir,
        """
        import streamlit as st
        from sqlalchemy import text
        conn = st.connection("shop")
        with conn.session as s:
            s.execute(text("DROP TABLE IF EXISTS orders"))
            s.execute(text("CREATE TABLE orders (id serial PRIMARY KEY, who text, total numeric)"))
            s.execute(
                text("INSERT INTO orders (who, total) VALUES (:who, :total)"),
                [
                    {"who": "ann", "total": 12.5},
                    {"who": "bob", "total": 3},
                    {"who": "ann", "total": 1},
                ],
            )
            s.commit()
        df = conn.query(
            "SELECT who, sum(total)::float AS spent FROM orders WHERE who = ANY(:who) "
            "GROUP BY who ORDER BY who",
            params={"who": ["ann", "bob"]},
            index_col="who",
        )
        st.dataframe(df)
        st.text(conn.driver)
        st.text(str(conn.engine.url))
        """,
    ).run()
    assert [e.value for e in at.exception] == []
    df = at.dataframe[0].value
    assert df.to_dict() == {"spent": {"ann": 13.5, "bob": 3.0}}
    texts = [t.value for t in at.text]
    assert texts[0] == "pg8000"
    assert "***" in texts[1] and "s3cret" not in texts[1]


def test_cached_across_reruns_and_sessions_until_ttl(app_dir: Path) -> None:
    source = """
        import streamlit as st
        from sqlalchemy import text
        conn = st.connection("shop")
        if st.session_state.get("setup"):
            with conn.session as s:
                s.execute(text("DROP TABLE IF EXISTS hits"))
                s.execute(text("CREATE TABLE hits (n int)"))
                s.commit()
        if st.session_state.get("add"):
            with conn.session as s:
                s.execute(text("INSERT INTO hits VALUES (1)"))
                s.commit()
        st.text(str(conn.query("SELECT count(*) AS n FROM hits", ttl=3600)["n"][0]))
        st.text(str(conn.query("SELECT count(*) AS n FROM hits", ttl=0)["n"][0]))
        """
    first = _app(app_dir, source)
    first.session_state["setup"] = True
    first.run()
    assert [t.value for t in first.text] == ["0", "0"]
    first.session_state["setup"] = False
    first.session_state["add"] = True
    first.run()
    # ttl=3600 still has the result; ttl=0 (expired at once) reads the new row.
    assert [t.value for t in first.text] == ["0", "1"]
    other = _app(app_dir, source).run()  # another session: the same cached result
    assert [t.value for t in other.text] == ["0", "1"]


def test_a_wrong_password_fails_without_showing_it(app_dir: Path, server: Server) -> None:
    at = _app(app_dir, 'import streamlit as st\nst.connection("wrong").query("SELECT 1")\n')
    at.run()
    (error,) = at.exception
    assert "password authentication failed" in error.value
    shown = error.value + "\n".join(error.stack_trace)
    assert server.password not in shown


def test_a_dropped_connection_is_retried(app_dir: Path) -> None:
    at = _app(
        app_dir,
        """
        import streamlit as st
        from sqlalchemy import text
        conn = st.connection("shop")
        st.text(str(conn.query("SELECT 1 AS one", ttl=0)["one"][0]))
        if st.session_state.get("kill"):
            # The server ends the pooled connection, as a restart would (from outside the pool).
            import sqlalchemy
            url = conn.engine.url.render_as_string(hide_password=False)
            outside = sqlalchemy.create_engine(url, poolclass=sqlalchemy.NullPool)
            with outside.connect() as c:
                ended = c.execute(text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = 'shop' AND pid <> pg_backend_pid()"
                )).scalar()
            st.text(f"ended {ended}")
        st.text(str(conn.query("SELECT 2 AS two", ttl=0)["two"][0]))
        """,
    )
    at.run()
    assert [t.value for t in at.text] == ["1", "2"]
    at.session_state["kill"] = True
    at.run()
    assert [e.value for e in at.exception] == []
    assert [t.value for t in at.text] == ["1", "ended 1", "2"]
