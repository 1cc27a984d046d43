"""A v2 component's state as `st.session_state[key]` shows it: a dict readable by attribute,
the run's trigger values first and the state over them, which the script may change before the
component is drawn in a run (then the component gets the new state), but not after, and only
for the keys it has callbacks for — as in Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sidepane.errors import SidepaneAPIException
from sidepane.runtime.context import get_run_context


@dataclass(frozen=True)
class StateBinding:
    """Which instance a state belongs to: its widget id, key, and state names (empty: any)."""

    widget_id: str
    key: str | None
    names: frozenset[str]


class _ByAttribute(dict[str, Any]):
    """A dict whose keys read and write as attributes too (`_names` are the object's own)."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.get(name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            self[name] = value


class ComponentState(_ByAttribute):
    """The state values of one component instance (see the module docstring)."""

    def __init__(self, values: Mapping[str, Any], binding: StateBinding) -> None:
        super().__init__(values)
        object.__setattr__(self, "_binding", binding)

    def _check(self, name: str) -> bool:
        """Whether `name` may be set now (raises once the component is drawn in this run)."""
        binding: StateBinding = self._binding
        ctx = get_run_context()
        if ctx is not None and binding.widget_id in ctx.widget_ids:
            raise SidepaneAPIException(
                f"`st.session_state.{binding.key}.{name}` cannot be modified after the "
                f"component with key `{binding.key}` is instantiated."
            )
        return not binding.names or name in binding.names

    def __setitem__(self, name: str, value: Any) -> None:
        # A name the component has no callback for is ignored, as Streamlit ignores it.
        if self._check(name):
            super().__setitem__(name, value)

    def __delitem__(self, name: str) -> None:
        self._check(name)
        super().__delitem__(name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (ComponentState, (dict(self), self._binding))


class ComponentStateView(_ByAttribute):
    """`st.session_state[key]`: the run's trigger values and the state over them; changes go
    to the state (`ComponentState`, which checks them)."""

    def __init__(self, triggers: Mapping[str, Any], state: ComponentState) -> None:
        super().__init__({**triggers, **state})
        object.__setattr__(self, "_state", state)

    def __setitem__(self, name: str, value: Any) -> None:
        state: ComponentState = self._state
        state[name] = value
        if name in state:
            super().__setitem__(name, state[name])

    def __delitem__(self, name: str) -> None:
        state: ComponentState = self._state
        del state[name]
        super().__delitem__(name)

    def __deepcopy__(self, memo: dict[int, Any]) -> ComponentStateView:
        # A view of the live state: copying it would cut it off.
        memo[id(self)] = self
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self),))
