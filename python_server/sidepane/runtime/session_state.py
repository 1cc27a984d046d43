"""`st.session_state`: per-session values that live across reruns, by key or by attribute."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

from sidepane.errors import UnserializableSessionStateError, WidgetAlreadyInstantiatedError
from sidepane.runtime.widgets import MISSING, WidgetManager

if TYPE_CHECKING:
    from sidepane.runtime.context import RunContext


class SessionStateData(MutableMapping[str, Any]):
    """One session's state: user keys, plus the values of widgets that have a key."""

    def __init__(self, widgets: WidgetManager) -> None:
        self.user: dict[str, Any] = {}
        self._widgets = widgets

    def __getitem__(self, key: str) -> Any:
        value = self._widgets.value_for_key(key)
        if value is not MISSING:
            return value
        if key in self.user:
            return self.user[key]
        raise KeyError(_missing_message(key))

    def set(self, key: str, value: Any, ctx: RunContext | None) -> None:
        wid = self._widgets.key_to_id.get(key)
        if ctx is not None and wid is not None and key in ctx.widget_keys:
            raise WidgetAlreadyInstantiatedError(key)
        if wid is not None:
            self._widgets.set_by_script(wid, value)
        else:
            self.user[key] = value

    def __setitem__(self, key: str, value: Any) -> None:
        self.set(key, value, None)

    def __delitem__(self, key: str) -> None:
        wid = self._widgets.key_to_id.get(key)
        found = False
        if wid is not None:
            found = self._widgets.values.pop(wid, MISSING) is not MISSING
            del self._widgets.key_to_id[key]
        if key in self.user:
            del self.user[key]
            found = True
        if not found:
            raise KeyError(_missing_message(key))

    def _keys(self) -> list[str]:
        keys = [k for k, w in self._widgets.key_to_id.items() if w in self._widgets.values]
        keys.extend(k for k in self.user if k not in self._widgets.key_to_id)
        return keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def check_serializable(self) -> None:
        """Every value pickles, or Streamlit 1.67's error for the first that does not (run's end,
        while `runner.enforceSerializableSessionState` is on)."""
        import pickle

        for key in self:
            value = self[key]
            try:
                pickle.dumps(value)
            except Exception as exc:
                raise UnserializableSessionStateError(
                    f"Cannot serialize the value (of type `{type(value)}`) of '{key}' in "
                    "st.session_state. Streamlit has been configured to use "
                    "[pickle](https://docs.python.org/3/library/pickle.html) to serialize "
                    "session_state values. Please convert the value to a pickle-serializable "
                    "type. To learn more about this behavior, see [our docs]"
                    "(https://docs.streamlit.io/knowledge-base/using-streamlit/"
                    "serializable-session-state)."
                ) from exc

    def __len__(self) -> int:
        return len(self._keys())

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        return self._widgets.value_for_key(key) is not MISSING or key in self.user

    def to_dict(self) -> dict[str, Any]:
        return {k: self[k] for k in self._keys()}

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError(_missing_attr_message(key)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        if key in ("user", "_widgets"):
            object.__setattr__(self, key, value)
        else:
            self[key] = value


def _missing_attr_message(key: str) -> str:
    return f'st.session_state has no attribute "{key}". Did you forget to initialize it?'


def _missing_message(key: str) -> str:
    return f'st.session_state has no key "{key}". Did you forget to initialize it?'


class SessionStateProxy(MutableMapping[str, Any]):
    """`st.session_state`: the calling run's session state, by key (`s["k"]`) or attribute (`s.k`).

    Outside a run (a script started with plain `python`), reads and writes go to a process-wide
    state so the script still works.
    """

    def _data(self) -> tuple[SessionStateData, RunContext | None]:
        from sidepane.runtime.context import get_run_context

        ctx = get_run_context()
        if ctx is None:
            return _bare_state, None
        return ctx.session.session_state, ctx

    def __getitem__(self, key: str) -> Any:
        return self._data()[0][key]

    def __setitem__(self, key: str, value: Any) -> None:
        data, ctx = self._data()
        data.set(key, value, ctx)

    def __delitem__(self, key: str) -> None:
        del self._data()[0][key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data()[0])

    def __len__(self) -> int:
        return len(self._data()[0])

    def __contains__(self, key: object) -> bool:
        return key in self._data()[0]

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(_missing_attr_message(key)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(_missing_message(key)) from None

    def to_dict(self) -> dict[str, Any]:
        return self._data()[0].to_dict()

    def __repr__(self) -> str:
        return repr(self.to_dict())


_bare_state = SessionStateData(WidgetManager())
