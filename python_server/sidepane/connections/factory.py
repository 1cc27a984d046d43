"""`st.connection(name, type=...)`: find the connection class, create it once, cache it.

The class comes from `type` (a class, a dotted path or a first-party name), else from
`[connections.<name>] type = ...` in the secrets, else from the name itself ("sql",
"snowflake"). Connections are cached with `st.cache_resource` per name, class and keyword
arguments, so every rerun (and every session, for a "global" connection) gets the same one.
"""

from __future__ import annotations

import builtins
import importlib
import math
import os
import re
from datetime import timedelta
from typing import Any, Final, Literal, TypeVar, overload

from sidepane.caching.data_resource import cache_resource
from sidepane.connections.base_connection import BaseConnection
from sidepane.connections.snowflake_connection import (
    SnowflakeCallersRightsConnection,
    SnowflakeConnection,
)
from sidepane.connections.sql_connection import SQLConnection
from sidepane.errors import StreamlitAPIException, StreamlitValueError
from sidepane.runtime.secrets import secrets

FIRST_PARTY_CONNECTIONS: Final[dict[str, type[BaseConnection[Any]]]] = {
    "snowflake": SnowflakeConnection,
    "snowflake-callers-rights": SnowflakeCallersRightsConnection,
    "sql": SQLConnection,
}
_SNOWPARK: Final = "snowpark"
_SNOWPARK_REMOVED: Final = (
    "The Snowpark connection was removed in favor of the Snowflake connection. "
    'Update your app to use `st.connection("<name>", type="snowflake")` with '
    "`SnowflakeConnection` instead."
)
_MISSING_MODULE = re.compile(r"No module named '(.+)'")
# The package to install for a module a connection needs (what 1.67 names).
_PACKAGES: Final = {
    "MySQLdb": "mysqlclient",
    "psycopg2": "psycopg2-binary",
    "sqlalchemy": "sqlalchemy",
    "snowflake": "snowflake-connector-python",
    "snowflake.connector": "snowflake-connector-python",
    "snowflake.snowpark": "snowflake-snowpark-python",
}
_ENV_PREFIX: Final = "env:"
_DEFAULT_TTL_OPTION: Final = "runner.connectionDefaultTTL"


class _TTLNotGiven:
    """`ttl` omitted (the server's `runner.connectionDefaultTTL` applies), told apart from an
    explicit `ttl=None` (never expires)."""

    def __repr__(self) -> str:
        return "<unset>"


_TTL_NOT_GIVEN: Any = _TTLNotGiven()

ConnectionClass = TypeVar("ConnectionClass", bound=BaseConnection[Any])


def _first_party(name: str) -> type[BaseConnection[Any]]:
    if name == _SNOWPARK:
        raise StreamlitAPIException(_SNOWPARK_REMOVED)
    if name in FIRST_PARTY_CONNECTIONS:
        return FIRST_PARTY_CONNECTIONS[name]
    raise StreamlitAPIException(
        f"Invalid connection '{name}'. Supported connection classes: {FIRST_PARTY_CONNECTIONS}"
    )


def _resolve_class(name: str, type_: Any) -> Any:
    if type_ is None:
        if name == _SNOWPARK or name in FIRST_PARTY_CONNECTIONS:
            return _first_party(name)
        # No type given: secrets.toml must name it (a missing key raises, saying so).
        secrets.load_if_toml_exists()
        type_ = secrets["connections"][name]["type"]
    if isinstance(type_, str):
        if "." not in type_:
            return _first_party(type_)
        module_name, _, class_name = type_.rpartition(".")
        return getattr(importlib.import_module(module_name), class_name)
    return type_


def _invalid_default_ttl(value: object) -> StreamlitAPIException:
    return StreamlitAPIException(
        "Invalid `runner.connectionDefaultTTL` value. Use a finite, non-negative number of "
        "seconds, or leave the option unset to keep connections cached until they are cleared. "
        f"Received {value!r}."
    )


def _default_ttl() -> float | None:
    """`runner.connectionDefaultTTL`, in seconds (None: unset)."""
    from sidepane.runtime.config import get_option

    value = get_option(_DEFAULT_TTL_OPTION)
    if value is None:
        return None
    seconds = value
    if isinstance(value, str):
        try:
            seconds = float(value.strip())
        except ValueError:
            raise _invalid_default_ttl(value) from None
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, int | float)
        or not math.isfinite(seconds)
        or seconds < 0
    ):
        raise _invalid_default_ttl(value)
    return float(seconds)


def _create(
    name: str,
    connection_class: type[ConnectionClass],
    max_entries: int | None,
    ttl: float | timedelta | None,
    **kwargs: Any,
) -> ConnectionClass:
    if not (isinstance(connection_class, type) and issubclass(connection_class, BaseConnection)):
        raise StreamlitAPIException(f"{connection_class} is not a subclass of BaseConnection!")
    if isinstance(ttl, timedelta):
        ttl = ttl.total_seconds()
    elif isinstance(ttl, int | float) and not isinstance(ttl, bool):
        ttl = float(ttl)
    scope = connection_class.scope()
    if scope not in ("global", "session"):
        raise StreamlitValueError(
            "scope",
            ["'global'", "'session'"],
            detail=f"Connection class {connection_class.__name__} has scope {scope!r}.",
        )

    def create_connection(
        name: str, connection_class: type[ConnectionClass], **kwargs: Any
    ) -> ConnectionClass:
        return connection_class(connection_name=name, **kwargs)

    # One cache per ttl and max_entries: calls with other values must not reset this one.
    ttl_str = str(ttl).replace(".", "_")
    create_connection.__qualname__ = f"{create_connection.__qualname__}_{ttl_str}_{max_entries}"
    cached = cache_resource(
        max_entries=max_entries,
        show_spinner="Running `st.connection(...)`.",
        ttl=ttl,
        scope=scope,
        on_release=lambda connection: connection.close(),
    )(create_connection)
    return cached(name, connection_class, **kwargs)


@overload
def connection(
    name: Literal["sql"],
    type: Literal["sql"] | None = None,
    max_entries: int | None = None,
    ttl: float | timedelta | None = _TTL_NOT_GIVEN,
    *,
    autocommit: bool = False,
    **kwargs: Any,
) -> SQLConnection: ...


@overload
def connection(
    name: str,
    type: Literal["sql"],
    max_entries: int | None = None,
    ttl: float | timedelta | None = _TTL_NOT_GIVEN,
    *,
    autocommit: bool = False,
    **kwargs: Any,
) -> SQLConnection: ...


@overload
def connection(
    name: Literal["snowflake"],
    type: Literal["snowflake"] | None = None,
    max_entries: int | None = None,
    ttl: float | timedelta | None = _TTL_NOT_GIVEN,
    **kwargs: Any,
) -> SnowflakeConnection: ...


@overload
def connection(
    name: str,
    type: Literal["snowflake"],
    max_entries: int | None = None,
    ttl: float | timedelta | None = _TTL_NOT_GIVEN,
    **kwargs: Any,
) -> SnowflakeConnection: ...


@overload
def connection(
    name: str,
    type: type[ConnectionClass],
    max_entries: int | None = None,
    ttl: float | timedelta | None = _TTL_NOT_GIVEN,
    **kwargs: Any,
) -> ConnectionClass: ...


@overload
def connection(
    name: str,
    type: str | None = None,
    max_entries: int | None = None,
    ttl: float | timedelta | None = _TTL_NOT_GIVEN,
    **kwargs: Any,
) -> BaseConnection[Any]: ...


def connection(
    name: str,
    type: Any = None,
    max_entries: int | None = None,
    ttl: float | timedelta | None = _TTL_NOT_GIVEN,
    **kwargs: Any,
) -> Any:
    """Create a connection to a data store or API, or return the one already made.

    Its settings combine the keyword arguments (which win), the app's `secrets.toml`
    (`[connections.<name>]`) and any configuration files of the connection type. The connection
    is cached with `st.cache_resource`: a `"global"` connection (the usual) is shared by every
    session.

    Parameters
    ----------
    name : str
        The connection's name: its settings are `[connections.<name>]` in `secrets.toml`.
        `"sql"`, `"snowflake"` and `"snowflake-callers-rights"` also give the type. A name
        `"env:VAR"` is read from the environment variable `VAR`.
    type : str, connection class or None
        `"sql"` (`SQLConnection`), `"snowflake"` (`SnowflakeConnection`), a dotted path to a
        class (`"my_pkg.MyConnection"`), or a class; it must derive from
        `st.connections.BaseConnection`. None (the default): the `type` in
        `[connections.<name>]`, else the one `name` gives.
    max_entries : int or None
        How many connections of this kind the cache keeps (None: no limit).
    ttl : float, timedelta or None
        Seconds to keep the connection cached; an expired connection is closed and the next
        call opens a new one. Omitted: the `runner.connectionDefaultTTL` option (unset by
        default: cached until cleared); None: cached until cleared, whatever the option says.
    **kwargs
        Passed to the connection class's `_connect()` (for SQL: URL parts, `autocommit`,
        `create_engine` arguments).

    Returns
    -------
    A subclass of BaseConnection, made and connected.

    Examples
    --------
    ``.streamlit/secrets.toml``::

        [connections.sql]
        url = "sqlite:///shop.db"

    >>> conn = st.connection("sql")
    >>> st.dataframe(conn.query("SELECT * FROM orders", ttl=600))

    A named connection says its type in the call or in secrets.toml:

    >>> conn = st.connection("orders_db", type="sql")
    >>> from streamlit.connections import SQLConnection
    >>> conn = st.connection("orders_db", type=SQLConnection)
    """
    if not isinstance(name, str):
        raise StreamlitAPIException(
            f"`st.connection`'s name must be a string (its `[connections.<name>]` section in "
            f"secrets.toml), not {builtins.type(name).__name__}."
        )
    if name.startswith(_ENV_PREFIX):
        name = os.environ[name[len(_ENV_PREFIX) :]]
    connection_class = _resolve_class(name, type)
    if ttl is _TTL_NOT_GIVEN:
        ttl = _default_ttl()
    try:
        return _create(name, connection_class, max_entries, ttl, **kwargs)
    except ModuleNotFoundError as exc:
        missing = _MISSING_MODULE.search(str(exc))
        package = _PACKAGES.get(missing.group(1)) if missing else None
        extra = (
            f"You need to install the '{package}' package to use this connection."
            if package
            else "You may be missing a dependency required to use this connection."
        )
        raise ModuleNotFoundError(f"{exc}. {extra}") from None
