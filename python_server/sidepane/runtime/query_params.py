"""`st.query_params`: the page URL's query string, read and written by the script."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from sidepane.errors import SidepaneAPIException


class QueryParamsData:
    """One session's query parameters; a key may hold several values, as in a URL."""

    def __init__(self, query_string: str = "") -> None:
        self.items: list[tuple[str, str]] = []
        self.load(query_string)

    def load(self, query_string: str) -> None:
        self.items = parse_qsl(query_string.lstrip("?"), keep_blank_values=True)

    def get_all(self, key: str) -> list[str]:
        return [v for k, v in self.items if k == key]

    def set(self, key: str, value: object) -> None:
        if isinstance(value, dict):
            raise SidepaneAPIException("st.query_params values cannot be dictionaries")
        values = [str(v) for v in value] if isinstance(value, (list, tuple, set)) else [str(value)]
        self.items = [(k, v) for k, v in self.items if k != key]
        self.items.extend((key, v) for v in values)

    def remove(self, key: str) -> bool:
        before = len(self.items)
        self.items = [(k, v) for k, v in self.items if k != key]
        return len(self.items) != before

    def keys(self) -> list[str]:
        return list(dict.fromkeys(k for k, _ in self.items))


class QueryParamsProxy(MutableMapping[str, str]):
    """`st.query_params`: like a dict of str; `get_all(key)` returns every value of a key.

    Changes made by the script update the viewer's URL.
    """

    def _data(self) -> QueryParamsData:
        from sidepane.runtime.context import get_run_context

        ctx = get_run_context()
        return _bare if ctx is None else ctx.session.query_params

    def _changed(self) -> None:
        from sidepane.runtime.context import get_run_context

        ctx = get_run_context()
        if ctx is not None:
            ctx.writer.query_params([[k, v] for k, v in ctx.session.query_params.items])

    def __getitem__(self, key: str) -> str:
        values = self._data().get_all(key)
        if not values:
            raise KeyError(f'st.query_params has no key "{key}".')
        return values[-1]

    def __setitem__(self, key: str, value: Any) -> None:
        self._data().set(key, value)
        self._changed()

    def __delitem__(self, key: str) -> None:
        if not self._data().remove(key):
            raise KeyError(f'st.query_params has no key "{key}".')
        self._changed()

    def __iter__(self) -> Iterator[str]:
        return iter(self._data().keys())

    def __len__(self) -> int:
        return len(self._data().keys())

    def __getattr__(self, key: str) -> str:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def get_all(self, key: str) -> list[str]:
        """Every value of `key`, in order (empty if absent)."""
        return self._data().get_all(key)

    def clear(self) -> None:
        """Remove every query parameter."""
        self._data().items = []
        self._changed()

    def to_dict(self) -> dict[str, str]:
        """The parameters as a dict; a repeated key gives its last value."""
        return {k: self[k] for k in self}

    def from_dict(self, params: Mapping[str, str | Iterable[str]]) -> None:
        """Replace every parameter with those of `params`."""
        data = self._data()
        data.items = []
        for key, value in params.items():
            data.set(key, value)
        self._changed()

    def __repr__(self) -> str:
        return repr(self.to_dict())


_bare = QueryParamsData()
