"""`st.secrets`: read-only settings from `secrets.toml` files, as Streamlit 1.67 reads them.

Files, each later one winning key by key at the top level: `~/.streamlit/secrets.toml`,
`<cwd>/.streamlit/secrets.toml`, then `<the main script's folder>/.streamlit/secrets.toml` (skipped
when it is the cwd's). Top-level str/int/float values are also put in `os.environ`. An edited file
is read again on the next run; `AppTest.secrets`, when filled, replaces the files for that test.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from copy import deepcopy
from typing import Any, NoReturn

from sidepane.errors import StreamlitSecretNotFoundError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 has no tomllib (the package depends on tomli there)
    import tomli as tomllib

_HINT = (
    "Did you forget to add it to secrets.toml, mount it to secret directory, or the app settings "
    "on Streamlit Cloud? More info: "
    "https://docs.streamlit.io/deploy/streamlit-community-cloud/deploy-your-app/secrets-management"
)
# Top-level values of these types are copied into os.environ (bool deliberately not: 1.67).
_ENV_TYPES = (str, int, float)

Stamp = tuple[int, int] | None


def _missing_key(key: object) -> KeyError:
    return KeyError(f'st.secrets has no key "{key}". {_HINT}')


def _missing_attr(name: str) -> AttributeError:
    return AttributeError(f'st.secrets has no attribute "{name}". {_HINT}')


def _wrap(value: Any) -> Any:
    return AttrDict(value) if isinstance(value, Mapping) else value


class _ReadOnly:
    """Secrets are read-only, with Streamlit's messages for each way of writing to them."""

    def __setitem__(self, key: str, value: object) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __delitem__(self, key: str) -> NoReturn:
        raise TypeError("Secrets does not support item deletion.")

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")


class AttrDict(_ReadOnly, Mapping[str, Any]):
    """A read-only section of the secrets (a TOML table): `section.key` or `section["key"]`."""

    def __init__(self, value: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", dict(value))

    def __len__(self) -> int:
        return len(self._data)

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __getitem__(self, key: str) -> Any:
        try:
            return _wrap(self._data[key])
        except KeyError:
            raise _missing_key(key) from None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return _wrap(self._data[name])
        except KeyError:
            raise _missing_attr(name) from None

    def __repr__(self) -> str:
        return repr(self._data)

    def to_dict(self) -> dict[str, Any]:
        """The section as a plain (deep-copied) dict."""
        return deepcopy(self._data)


def secrets_paths(script_dir: str | None) -> list[str]:
    """Where secrets are looked for, first to last (a later file wins)."""
    paths = [
        os.path.join(os.path.expanduser("~"), ".streamlit", "secrets.toml"),
        os.path.join(os.getcwd(), ".streamlit", "secrets.toml"),
    ]
    if script_dir is not None:
        own = os.path.join(os.path.abspath(script_dir), ".streamlit", "secrets.toml")
        if own not in paths:
            paths.append(own)
    return paths


def _stamp(path: str) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class SecretsStore:
    """One app's secrets: parsed on first use, parsed again once a file's size or mtime changed.

    `override` (AppTest.secrets) replaces the files when set. Safe to use from any thread.
    """

    def __init__(self, script_dir: str | None) -> None:
        self._script_dir = script_dir
        self._lock = threading.Lock()
        self._secrets: dict[str, Any] | None = None
        self._stamps: list[tuple[str, Stamp]] = []
        self._checked_for: object = None
        self.override: dict[str, Any] | None = None
        if script_dir is not None:
            global _last_store
            _last_store = self

    def paths(self) -> list[str]:
        return secrets_paths(self._script_dir)

    def load(self, check: object = None) -> dict[str, Any]:
        """The secrets, read again if a file changed. `check` names the run asking: files are
        looked at once per run (a loop reading a secret costs no system calls)."""
        if self.override is not None:
            return self.override
        secrets = self._secrets
        if secrets is not None and check is not None and check == self._checked_for:
            return secrets
        with self._lock:
            paths = self.paths()
            stamps = [(p, _stamp(p)) for p in paths]
            if self._secrets is None or stamps != self._stamps:
                self._reparse(paths, stamps)
            self._checked_for = check
            assert self._secrets is not None
            return self._secrets

    def _reparse(self, paths: list[str], stamps: list[tuple[str, Stamp]]) -> None:
        merged: dict[str, Any] = {}
        found = False
        for path, stamp in stamps:
            if stamp is None:
                continue
            try:
                with open(path, encoding="utf-8") as f:
                    text = f.read()
            except FileNotFoundError:
                continue
            found = True
            try:
                merged.update(tomllib.loads(text))
            except tomllib.TOMLDecodeError as exc:
                # Forget what was read, so the next run tries again once the file is fixed.
                self._forget()
                raise StreamlitSecretNotFoundError(
                    f"Error parsing secrets file at {path}: {exc}", path
                ) from None
        if not found:
            self._forget()
            raise StreamlitSecretNotFoundError(
                "No secrets found. Valid paths for a secrets.toml file or secret directories "
                f"are: {', '.join(paths)}"
            )
        self._forget()
        for key, value in merged.items():
            if type(value) in _ENV_TYPES:
                os.environ[key] = str(value)
        self._secrets = merged
        self._stamps = stamps

    def _forget(self) -> None:
        """Drop the parsed secrets and the environment variables they set (if still theirs)."""
        if self._secrets is not None:
            for key, value in self._secrets.items():
                if type(value) in _ENV_TYPES and os.environ.get(key) == str(value):
                    del os.environ[key]
        self._secrets = None
        self._stamps = []


_bare_store = SecretsStore(None)
# What a thread the script started (no run context of its own) reads: the store a run used
# last, or the newest app's before any run used one.
_last_store: SecretsStore | None = None


def _current() -> tuple[SecretsStore, object]:
    """The store of the app whose run is calling, and that run's identity; outside a run, the
    last app's (a script's own thread) or, in a plain `python app.py`, one without a script."""
    global _last_store
    from sidepane.runtime.context import get_run_context

    ctx = get_run_context()
    if ctx is None:
        return _last_store or _bare_store, None
    _last_store = ctx.session.app.secrets
    return _last_store, (ctx.session.id, ctx.run)


def _load() -> dict[str, Any]:
    store, check = _current()
    return store.load(check)


class Secrets(_ReadOnly, Mapping[str, Any]):
    """`st.secrets`: the app's secrets.toml as a read-only mapping.

    `st.secrets["db"]["user"]` and `st.secrets.db.user` both work; tables are read-only mappings
    (`to_dict()` gives plain dicts). A missing key raises KeyError (AttributeError for attribute
    access) saying so; with no secrets.toml at all, the error lists where one may be put.
    """

    def __getitem__(self, key: str) -> Any:
        try:
            return _wrap(_load()[key])
        except StreamlitSecretNotFoundError:
            raise
        except KeyError:
            raise _missing_key(key) from None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return _wrap(_load()[name])
        except StreamlitSecretNotFoundError as exc:
            # Still an AttributeError (hasattr() must work), but a broken file is named.
            if exc.file is not None:
                raise AttributeError(f'st.secrets has no attribute "{name}": {exc}') from None
            raise _missing_attr(name) from None
        except KeyError:
            raise _missing_attr(name) from None

    def __len__(self) -> int:
        return len(_load())

    def __iter__(self) -> Iterator[str]:
        return iter(_load())

    def __contains__(self, key: object) -> bool:
        return key in _load()

    def has_key(self, key: str) -> bool:
        """Whether `key` is a top-level secret."""
        return key in _load()

    def keys(self) -> KeysView[str]:
        return _load().keys()

    def values(self) -> ValuesView[Any]:
        return _load().values()

    def items(self) -> ItemsView[str, Any]:
        return _load().items()

    def to_dict(self) -> dict[str, Any]:
        """Every secret as plain (deep-copied) dicts."""
        return deepcopy(_load())

    def load_if_toml_exists(self) -> bool:
        """True if a secrets file was found and parsed (never raises)."""
        try:
            _load()
        except StreamlitSecretNotFoundError:
            return False
        return True

    def __repr__(self) -> str:
        try:
            return repr(_load())
        except StreamlitSecretNotFoundError:
            return "Secrets"


secrets = Secrets()
# Its name in `streamlit.runtime.secrets`, which this module also is (streamlit_alias.py).
secrets_singleton = secrets
