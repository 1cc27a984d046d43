"""`SQLConnection`: `st.connection("sql")`, a SQLAlchemy engine with cached read queries."""

from __future__ import annotations

from collections import ChainMap
from copy import deepcopy
from datetime import timedelta
from typing import TYPE_CHECKING, Any, cast

from sidepane.caching.data_resource import cache_data
from sidepane.connections.base_connection import BaseConnection, unreadable_secrets
from sidepane.connections.retry import retry
from sidepane.errors import StreamlitAPIException, StreamlitMissingRequiredParameterError

if TYPE_CHECKING:
    from uuid import UUID

    from pandas import DataFrame
    from sqlalchemy.engine import Connection as SQLAlchemyConnection
    from sqlalchemy.engine import Engine
    from sqlalchemy.engine.url import URL
    from sqlalchemy.orm import Session

# What makes the URL (the rest of the section goes to create_engine only through
# `create_engine_kwargs`; keyword arguments that are none of these go to create_engine).
_URL_PARAMS = frozenset(
    ["url", "driver", "dialect", "username", "password", "host", "port", "database", "query"]
)
_REQUIRED_PARAMS = ("dialect", "username", "host")


def _pop_url_params(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {key: kwargs.pop(key) for key in _URL_PARAMS if key in kwargs}


def _make_url(params: ChainMap[str, Any]) -> URL:
    from sqlalchemy.engine import URL, make_url
    from sqlalchemy.exc import ArgumentError

    if "url" in params:
        try:
            return make_url(params["url"])
        except ArgumentError:
            # SQLAlchemy's message quotes the whole URL, password included.
            raise StreamlitAPIException(
                "Could not parse the SQL connection's `url`. It should look like "
                "`dialect+driver://username:password@host:port/database`."
            ) from None
    for name in _REQUIRED_PARAMS:
        if name not in params:
            raise StreamlitMissingRequiredParameterError(
                name,
                detail=(
                    "Set this SQL DB connection parameter in `secrets.toml` "
                    "or pass it as a kwarg to `st.connection`."
                ),
            )
    driver = f"+{params['driver']}" if "driver" in params else ""
    return URL.create(
        drivername=f"{params['dialect']}{driver}",
        username=params["username"],
        password=params.get("password"),
        host=params["host"],
        port=int(params["port"]) if "port" in params else None,
        database=params.get("database"),
        query=params.get("query", {}),
    )


def _worth_retrying(exc: BaseException) -> bool:
    """Whether a failed query may work on a new connection: a database error, or the
    connection was lost. pandas wraps SQLAlchemy's errors in its own (the cause is SQLAlchemy's)."""
    from sqlalchemy.exc import (
        DatabaseError,
        DBAPIError,
        InternalError,
        OperationalError,
        PendingRollbackError,
    )

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, DatabaseError | InternalError | OperationalError):
            return True
        if isinstance(seen, DBAPIError) and seen.connection_invalidated:
            return True
        if isinstance(seen, PendingRollbackError):  # the connection was invalidated mid-way
            return True
        seen = seen.__cause__
    return False


class SQLConnection(BaseConnection["Engine"]):
    """A connection to a SQL database through a SQLAlchemy engine.

    Create it with `st.connection("sql")` or `st.connection("<name>", type="sql")`. Its
    parameters come from `[connections.<name>]` in `secrets.toml` and/or keyword arguments
    (which win):

    - `url` (given to `sqlalchemy.engine.make_url()`), or `dialect`, `username` and `host`
      at least, with `driver`, `password`, `port`, `database` and `query` if needed (given to
      `sqlalchemy.engine.URL.create()`);
    - `create_engine_kwargs` (a table in secrets.toml) or any other keyword argument: given to
      `sqlalchemy.create_engine()`;
    - `autocommit=True`: the engine runs in autocommit (non-transactional) mode.

    `.query()` runs a read-only query, cached like `st.cache_data` and retried if the connection
    dropped; `.session` gives a SQLAlchemy Session for writes and transactions; `.engine`,
    `.driver` and `.connect()` reach the engine itself. SQLAlchemy and your database's driver
    must be installed (`pip install SQLAlchemy`).

    Examples
    --------
    ``.streamlit/secrets.toml``::

        [connections.sql]
        url = "postgresql+pg8000://user:password@localhost:5432/shop"

    >>> conn = st.connection("sql")
    >>> df = conn.query("SELECT * FROM pet_owners")
    >>> st.dataframe(df)
    """

    def _connect(self, autocommit: bool = False, **kwargs: Any) -> Engine:
        import sqlalchemy

        kwargs = deepcopy(kwargs)
        params = ChainMap(_pop_url_params(kwargs), self._secrets.to_dict())
        if not params:
            problem = unreadable_secrets()
            raise StreamlitAPIException(
                "Missing SQL DB connection configuration. "
                "Did you forget to set this in `secrets.toml` or as kwargs to `st.connection`?"
                + (f" ({problem})" if problem else "")
            )
        url = _make_url(params)
        engine_kwargs = ChainMap(kwargs, self._secrets.to_dict().get("create_engine_kwargs", {}))
        engine = sqlalchemy.create_engine(url, **engine_kwargs)
        if autocommit:
            return engine.execution_options(isolation_level="AUTOCOMMIT")
        return engine

    def query(
        self,
        sql: str,
        *,
        show_spinner: bool | str = "Running `sql.query(...)`.",
        ttl: float | int | timedelta | None = None,
        index_col: str | list[str] | None = None,
        chunksize: int | None = None,
        params: Any | None = None,
        **kwargs: Any,
    ) -> DataFrame:
        """Run a read-only query and return its result as a pandas DataFrame, cached.

        The result is cached as `st.cache_data` caches, per connection, query and arguments:
        without `ttl` it is kept until the cache is cleared. A query that fails because the
        database dropped the connection is retried (up to 3 times, reconnecting in between).

        Parameters
        ----------
        sql : str
            The query. Use named parameters (`WHERE owner = :owner`) with `params`.
        show_spinner : bool or str
            Show a spinner while the query runs (not on a cache hit); a string is its text.
        ttl : float, int, timedelta or None
            How many seconds to keep the result cached; None (the default) keeps it.
        index_col : str, list of str or None
            Column(s) to make the DataFrame's index.
        chunksize : int or None
            The result as a list of DataFrames of at most that many rows each (pandas gives an
            iterator, which cannot be cached: Streamlit 1.67 fails there).
        params : list, tuple, dict or None
            The query's parameters, e.g. `{"owner": "barbara"}` for `:owner`.
        **kwargs
            Passed to `pandas.read_sql`.

        Example
        -------
        >>> conn = st.connection("sql")
        >>> df = conn.query(
        ...     "SELECT * FROM pet_owners WHERE owner = :owner",
        ...     ttl=3600,
        ...     params={"owner": "barbara"},
        ... )
        >>> st.dataframe(df)
        """
        from sqlalchemy import text

        @retry(max_attempts=3, wait_seconds=1, retry_on=_worth_retrying, after=self.reset)
        def _query(
            instance_id: UUID,  # only to key the cache per connection
            sql: str,
            index_col: str | list[str] | None = None,
            chunksize: int | None = None,
            params: Any | None = None,
            **kwargs: Any,
        ) -> DataFrame:
            import pandas as pd

            with self._instance.connect() as connection:
                # Materialised inside the block, so the connection goes back to the pool.
                result = pd.read_sql(
                    text(sql),
                    connection,
                    index_col=index_col,
                    chunksize=chunksize,
                    params=params,
                    **kwargs,
                )
                return cast("DataFrame", result if chunksize is None else list(result))

        # One cache per connection name and ttl: a different ttl must not reset the others.
        ttl_str = str(ttl).replace(".", "_")
        _query.__qualname__ = f"{_query.__qualname__}_{self._connection_name}_{ttl_str}"
        cached = cache_data(show_spinner=show_spinner, ttl=ttl)(_query)
        return cached(
            self._connection_instance_id,
            sql,
            index_col=index_col,
            chunksize=chunksize,
            params=params,
            **kwargs,
        )

    def reset(self) -> None:
        """Drop the engine (closing its idle pooled connections); the next use makes a new one."""
        engine = self._raw_instance
        super().reset()
        if engine is not None:
            engine.dispose()

    def close(self) -> None:
        """Close the engine's pooled connections (when the connection leaves the cache)."""
        self.reset()

    def connect(self) -> SQLAlchemyConnection:
        """A new SQLAlchemy Connection from the engine (`self.engine.connect()`)."""
        return self._instance.connect()

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy Engine."""
        return self._instance

    @property
    def driver(self) -> str:
        """The name of the engine's driver, e.g. `"pysqlite"` or `"pg8000"`."""
        return str(self._instance.driver)

    @property
    def session(self) -> Session:
        """A new SQLAlchemy Session on the engine, for writes, transactions and anything more
        than a read query; use it as a context manager.

        Example
        -------
        >>> from sqlalchemy import text
        >>> with conn.session as session:
        ...     session.execute(text("INSERT INTO numbers (val) VALUES (:n)"), {"n": n})
        ...     session.commit()
        """
        from sqlalchemy.orm import Session

        return Session(self._instance)
