"""`SnowflakeConnection`: `st.connection("snowflake")` over the Snowflake Connector for Python.

Sidepane does not ship the connector: without `snowflake-connector-python` installed, creating
the connection fails with `st.connection`'s "install X" message, as in Streamlit 1.67.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import timedelta
from types import FrameType
from typing import TYPE_CHECKING, Any, Final, Literal

from sidepane.caching.data_resource import cache_data
from sidepane.connections.base_connection import BaseConnection
from sidepane.connections.retry import retry
from sidepane.errors import StreamlitAPIException

if TYPE_CHECKING:
    from uuid import UUID

    from pandas import DataFrame

log = logging.getLogger("sidepane.connections")

# The SQLSTATE of "connection was not established": the one error a query is retried on (the
# connector retries HTTP errors itself).
_NOT_ESTABLISHED: Final = "08001"
_TOKEN_FILE: Final = "/snowflake/session/token"
_USER_TOKEN_HEADER: Final = "Sf-Context-Current-User-Token"
_IMPORT_MACHINERY: Final = frozenset(
    [
        "_frozen_importlib",
        "_frozen_importlib_external",
        "importlib._bootstrap",
        "importlib._bootstrap_external",
    ]
)


def _running_in_sis() -> bool:
    """Whether the app runs in Streamlit in Snowflake (a Snowpark stored procedure)."""
    try:
        from snowflake.snowpark._internal.utils import (  # type: ignore[import-not-found]
            is_in_stored_procedure,
        )
    except ModuleNotFoundError:
        return False
    return bool(is_in_stored_procedure())


class BaseSnowflakeConnection(BaseConnection[Any]):
    """What both Snowflake connections offer: `query`, `write_pandas`, `cursor`,
    `raw_connection`, `session`."""

    def query(
        self,
        sql: str,
        *,
        ttl: float | int | timedelta | None = None,
        show_spinner: bool | str = "Running `snowflake.query(...)`.",
        params: Any = None,
        **kwargs: Any,
    ) -> DataFrame:
        """Run a read-only query and return a pandas DataFrame, cached like `st.cache_data`
        (`ttl` seconds, or until cleared when None). Parameters use qmark style (`?`)."""

        @retry(
            max_attempts=3,
            wait_seconds=1,
            retry_on=lambda exc: getattr(exc, "sqlstate", None) == _NOT_ESTABLISHED,
            after=self.reset,
        )
        def _query(instance_id: UUID, sql: str, params: Any = None) -> DataFrame:
            cursor = self._instance.cursor()
            cursor.execute(sql, params=params, **kwargs)
            result: DataFrame = cursor.fetch_pandas_all()
            return result

        ttl_str = str(ttl).replace(".", "_")
        _query.__qualname__ = f"{_query.__qualname__}_{self._connection_name}_{ttl_str}"
        # A session-scoped connection's results (a user's identity) stay in that session.
        cached = cache_data(show_spinner=show_spinner, ttl=ttl, scope=self.scope())(_query)
        return cached(self._connection_instance_id, sql, params)

    def write_pandas(
        self,
        df: DataFrame,
        table_name: str,
        database: str | None = None,
        schema: str | None = None,
        chunk_size: int | None = None,
        **kwargs: Any,
    ) -> tuple[bool, int, int]:
        """Write a DataFrame to a table (`snowflake.connector.pandas_tools.write_pandas`);
        returns (success, number of chunks, number of rows)."""
        from snowflake.connector.pandas_tools import (  # type: ignore[import-not-found]
            write_pandas,
        )

        success, nchunks, nrows, _ = write_pandas(
            conn=self._instance,
            df=df,
            table_name=table_name,
            database=database,
            schema=schema,
            chunk_size=chunk_size,
            **kwargs,
        )
        return (success, nchunks, nrows)

    def cursor(self) -> Any:
        """A new cursor of the connection (PEP 249); its results are not cached."""
        return self._instance.cursor()

    @property
    def raw_connection(self) -> Any:
        """The underlying `snowflake.connector.SnowflakeConnection`."""
        return self._instance

    def session(self) -> Any:
        """A Snowpark Session on this connection (needs `snowflake-snowpark-python`)."""
        from snowflake.snowpark.context import (  # type: ignore[import-not-found]
            get_active_session,
        )
        from snowflake.snowpark.session import Session  # type: ignore[import-not-found]

        if _running_in_sis():
            return get_active_session()
        return Session.builder.configs({"connection": self._instance}).create()

    def close(self) -> None:
        """Close the underlying Snowflake connection."""
        if self._raw_instance is not None:
            self._raw_instance.close()
            self._raw_instance = None


class SnowflakeConnection(BaseSnowflakeConnection):
    """A connection to Snowflake through the Snowflake Connector for Python.

    Create it with `st.connection("snowflake")` or `st.connection("<name>", type="snowflake")`.
    Its parameters (given to `snowflake.connector.connect()`) come from
    `[connections.<name>]` in `secrets.toml` and keyword arguments; without either, the
    connector's own default connection (`st.connection("snowflake")`) or the named connection of
    its `connections.toml` is used. Needs `pip install snowflake-connector-python`.

    Example
    -------
    >>> conn = st.connection("snowflake")
    >>> df = conn.query("SELECT * FROM my_table", ttl=600)
    """

    def _connect(self, **kwargs: Any) -> Any:
        import snowflake.connector  # type: ignore[import-not-found]
        from snowflake.connector import Error as SnowflakeError

        if _running_in_sis():
            from snowflake.snowpark.context import get_active_session

            session = get_active_session()
            return session.connection if hasattr(session, "connection") else session._conn._conn
        # Parameters in qmark style (`?`) wherever the connection is used.
        snowflake.connector.paramstyle = "qmark"
        section = self._secrets.to_dict()
        try:
            if section:
                log.info("Connecting to Snowflake with [connections.%s]", self._connection_name)
                return snowflake.connector.connect(**{**section, **kwargs})
            if self._connection_name == "snowflake":
                return snowflake.connector.connect()
            if self._connection_name and not kwargs:
                return snowflake.connector.connect(connection_name=self._connection_name)
            return snowflake.connector.connect(**kwargs)
        except SnowflakeError:
            if not section and not kwargs:
                raise StreamlitAPIException(
                    "Missing Snowflake connection configuration. Did you forget to set this in "
                    "`secrets.toml`, a Snowflake configuration file, or as kwargs to "
                    "`st.connection`? See the [SnowflakeConnection configuration documentation]"
                    "(https://docs.streamlit.io/st.connections.snowflakeconnection-configuration)"
                    " for more details and examples."
                ) from None
            raise


def _module_being_imported() -> bool:
    """Whether the caller runs at the top level of a module being imported."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_globals.get("__name__") in _IMPORT_MACHINERY:
            return True
        frame = frame.f_back
    return False


def _current_session_id() -> str:
    from sidepane.runtime.context import get_run_context

    ctx = get_run_context()
    if ctx is None:
        raise StreamlitAPIException(
            "Caller's rights connections can only be created and used in an app execution "
            "thread. To use one from a thread you started, attach the session's context with "
            "`streamlit.runtime.scriptrunner.add_script_run_ctx`."
        )
    return ctx.session.id


class SnowflakeCallersRightsConnection(SnowflakeConnection):
    """A Snowflake connection with the identity of the user viewing the app (caller's rights).

    Only works where Snowflake provides that identity (Snowpark Container Services, Snowflake
    serverless compute): the account and host from the environment, the service token from
    its file and the user's token from the request headers. One per session.
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._raise_if_module_being_imported()
        self._owner_session_id = _current_session_id()
        super().__init__(connection_name, **kwargs)

    @staticmethod
    def _raise_if_module_being_imported() -> None:
        if _module_being_imported():
            raise StreamlitAPIException(
                "Caller's rights connections can't be requested while a module is being "
                "imported, because every user would then share the first user's identity. "
                'Call `st.connection("snowflake-callers-rights")` inside the functions that use '
                "it or in your app script."
            )

    def _verify_owner_session(self) -> None:
        if _current_session_id() != self._owner_session_id:
            raise StreamlitAPIException(
                "This caller's rights connection belongs to a different session and can't be "
                "shared. Call `st.connection` inside the functions that use it instead of "
                "storing the connection in a module-level variable or a global "
                "`st.cache_resource` function."
            )

    @property
    def _instance(self) -> Any:
        self._verify_owner_session()
        return super()._instance

    def query(
        self,
        sql: str,
        *,
        ttl: float | int | timedelta | None = None,
        show_spinner: bool | str = "Running `snowflake.query(...)`.",
        params: Any = None,
        **kwargs: Any,
    ) -> DataFrame:
        # A cache hit never touches _instance: check the owner first.
        self._verify_owner_session()
        return super().query(sql, ttl=ttl, show_spinner=show_spinner, params=params, **kwargs)

    @classmethod
    def scope(cls) -> Literal["session"]:
        """`"session"`: the connection carries one user's identity."""
        return "session"

    @staticmethod
    def _connection_params() -> dict[str, str | bool]:
        params: dict[str, str | bool] = {
            "authenticator": "oauth",
            "ocsp_fail_open": True,
            "client_session_keep_alive": True,
        }
        for name, variable in (("account", "SNOWFLAKE_ACCOUNT"), ("host", "SNOWFLAKE_HOST")):
            value = os.getenv(variable)
            if value is None:
                raise StreamlitAPIException(
                    f"Environment variable `{variable}` not found. Is this app running in a "
                    "Snowflake container environment?"
                )
            params[name] = value
        for name, variable in (
            ("database", "SNOWFLAKE_DATABASE"),
            ("schema", "SNOWFLAKE_SCHEMA"),
            ("protocol", "SNOWFLAKE_PROTOCOL"),
            ("port", "SNOWFLAKE_PORT"),
        ):
            value = os.getenv(variable)
            if value is not None:
                params[name] = value
        if not os.path.exists(_TOKEN_FILE):
            raise StreamlitAPIException(
                f"Token file `{_TOKEN_FILE}` not found. Is this app running in a Snowflake "
                "container environment?"
            )
        with open(_TOKEN_FILE, encoding="utf-8") as f:
            login_token = f.read().strip()
        from sidepane import context

        headers = context.headers
        if _USER_TOKEN_HEADER not in headers:
            raise StreamlitAPIException(
                "Token header not found. Is this app running with caller's rights enabled, and "
                "is this connection being created in an app execution thread?"
            )
        user_token = headers[_USER_TOKEN_HEADER]
        # A service token with a dot (Container Services) is joined to the user's; an opaque
        # one (serverless) means the header is already the whole token.
        params["token"] = f"{login_token}.{user_token}" if "." in login_token else user_token
        return params

    def _connect(self, **kwargs: Any) -> Any:
        import snowflake.connector

        snowflake.connector.paramstyle = "qmark"
        return snowflake.connector.connect(**{**self._connection_params(), **kwargs})
