"""`st.connection` and `st.connections`: connections to databases and APIs, as Streamlit 1.67.

`BaseConnection` is what every connection derives from (custom ones too); `SQLConnection` is
SQLAlchemy's (tested against SQLite and PostgreSQL); the Snowflake ones need the connector.
Served as `streamlit.connections` to scripts.
"""

from sidepane.connections.base_connection import BaseConnection
from sidepane.connections.snowflake_connection import (
    SnowflakeCallersRightsConnection,
    SnowflakeConnection,
)
from sidepane.connections.sql_connection import SQLConnection

ExperimentalBaseConnection = BaseConnection

__all__ = [
    "BaseConnection",
    "ExperimentalBaseConnection",
    "SQLConnection",
    "SnowflakeCallersRightsConnection",
    "SnowflakeConnection",
]

_REMOVED = {
    "SnowparkConnection": (
        "The Snowpark connection was removed in favor of the Snowflake connection: use "
        '`st.connection("<name>", type="snowflake")` with `SnowflakeConnection` instead.'
    ),
}
_REMOVED["ExperimentalSnowparkConnection"] = _REMOVED["SnowparkConnection"]


def __getattr__(name: str) -> object:
    if name in _REMOVED:
        from sidepane.compat import called_by_from_import

        if called_by_from_import():
            raise ImportError(_REMOVED[name], name=__name__)
        raise AttributeError(_REMOVED[name], name=name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}", name=name)
