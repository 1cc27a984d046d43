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
    from sidepane.compat import called_by_from_import

    if name.startswith("__"):
        raise AttributeError(name)
    message = _REMOVED.get(name) or (
        f"`streamlit.connections` has no `{name}`: it has {', '.join(__all__)}, as in "
        "Streamlit 1.67."
    )
    if called_by_from_import():
        raise ImportError(message, name=__name__)
    raise AttributeError(message, name=name)
