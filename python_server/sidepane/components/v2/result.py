"""What mounting a v2 component returns: its state and trigger values, by key or attribute."""

from __future__ import annotations

from typing import Any


class ComponentResult(dict[str, Any]):
    """The component's state and trigger values, read as `result["name"]` or `result.name`.

    Attributes
    ----------
    <state_keys> : Any
        The component's state values (`setStateValue` in its JavaScript): they persist across
        reruns until the component changes them.
    <trigger_keys> : Any
        The component's trigger values (`setTriggerValue`): set for the one run the event
        started, None otherwise.
    """

    def __init__(
        self,
        state_vals: dict[str, Any] | None = None,
        trigger_vals: dict[str, Any] | None = None,
    ) -> None:
        # Triggers first and state over them, as Streamlit merges the two.
        super().__init__({**(trigger_vals or {}), **(state_vals or {})})

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        try:
            del self[name]
        except KeyError:
            raise AttributeError(name) from None


# Streamlit's former name, still importable there.
BidiComponentResult = ComponentResult
