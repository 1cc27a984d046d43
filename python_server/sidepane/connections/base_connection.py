"""`BaseConnection`: what every `st.connection` type derives from, as in Streamlit 1.67.

A subclass implements `_connect(**kwargs)`, returning the underlying connection object (an engine,
a client…); the base keeps it in `_instance`, recreates it after `reset()`, and reads the
connection's own `[connections.<name>]` section of the secrets as `_secrets`. When that section
changes (the secrets file was edited), the next use of `_instance` reconnects with the new values.
"""

from __future__ import annotations

import json
import uuid
from abc import ABC, abstractmethod
from typing import Any, Generic, Literal, TypeVar

import xxhash

from sidepane.errors import StreamlitSecretNotFoundError
from sidepane.runtime.secrets import AttrDict, secrets

RawConnectionT = TypeVar("RawConnectionT")


def _section_hash(section: AttrDict) -> str:
    # default=str: a section is TOML (json-able) except for dates, which str() renders stably.
    text = json.dumps(section.to_dict(), sort_keys=True, default=str)
    return xxhash.xxh3_64_hexdigest(text.encode())


def unreadable_secrets() -> str | None:
    """Why the secrets file could not be parsed, if that is why `_secrets` is empty (as in
    Streamlit, a broken file reads as no secrets; an error about missing settings names it)."""
    try:
        secrets.to_dict()
    except StreamlitSecretNotFoundError as exc:
        return str(exc) if exc.file is not None else None
    return None


class BaseConnection(ABC, Generic[RawConnectionT]):
    """The base class of every Streamlit connection (`st.connection` creates them).

    To write a connection, subclass it and implement `_connect(**kwargs)`, which returns the
    underlying connection object; then give users methods that use `self._instance` (created
    on first use, and again after `reset()`). `self._secrets` is the connection's section of
    `secrets.toml` (`[connections.<name>]`); `self._connection_name` its name.

    A connection is shared by every session of the app (`scope()` returns `"global"`); override
    `scope()` to return `"session"` for one connection per session. `close()` is called when
    the connection leaves `st.connection`'s cache.
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        """Create the connection; `st.connection` calls this (subclasses that override it must
        call it too).

        `connection_name` names the `[connections.<connection_name>]` section of the secrets;
        `kwargs` go to `_connect`.
        """
        self._connection_name = connection_name
        self._kwargs = kwargs
        # Unique for the life of the process (id() is not): keys this connection's query cache.
        self._connection_instance_id = uuid.uuid4()
        self._config_section_hash = _section_hash(self._secrets)
        self._raw_instance: RawConnectionT | None = self._connect(**kwargs)

    def __getattr__(self, name: str) -> Any:
        # Only reached when normal lookup failed: point at the underlying object if it has it.
        known = not name.startswith("_") and "_raw_instance" in self.__dict__
        if known and hasattr(self._instance, name):
            raise AttributeError(
                f"`{name}` doesn't exist here, but you can call `._instance.{name}` instead"
            )
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _on_secrets_changed(self, _: str = "") -> None:
        """Reset the connection if its own section of the secrets changed."""
        new_hash = _section_hash(self._secrets)
        if new_hash != self._config_section_hash:
            self._config_section_hash = new_hash
            self.reset()

    @property
    def _secrets(self) -> AttrDict:
        """This connection's `[connections.<name>]` section of `st.secrets` (empty if none).

        For connection authors, mostly in `_connect`.
        """
        section: Any = None
        if secrets.load_if_toml_exists():
            section = secrets.get("connections")
        if not isinstance(section, AttrDict):
            return AttrDict({})
        own = section.get(self._connection_name)
        return own if isinstance(own, AttrDict) else AttrDict({})

    def reset(self) -> None:
        """Reset this connection, so it reconnects the next time it is used.

        Useful when a connection went stale or its credentials expired; some connection
        methods call it themselves when a query fails.

        Examples
        --------
        >>> conn = st.connection("my_conn")
        >>> if not conn.is_healthy():  # is_healthy() stands for your own check
        ...     conn.reset()
        """
        self._raw_instance = None

    @property
    def _instance(self) -> RawConnectionT:
        """The underlying connection object, created again if it was reset (or its secrets
        changed since it was made)."""
        self._on_secrets_changed()
        if self._raw_instance is None:
            self._raw_instance = self._connect(**self._kwargs)
        return self._raw_instance

    @abstractmethod
    def _connect(self, **kwargs: Any) -> RawConnectionT:
        """Create the underlying connection object: the one method a subclass must implement.

        Called when the connection is created and again after a reset, with the keyword
        arguments given to `st.connection`.
        """
        raise NotImplementedError

    @classmethod
    def scope(cls) -> Literal["global", "session"]:
        """`"global"`: one connection shared by every session (the default); `"session"`: one
        per session. Override in a subclass to change it."""
        return "global"

    def close(self) -> None:
        """Clean up when the connection leaves `st.connection`'s cache (nothing by default)."""
