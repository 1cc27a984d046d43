"""`st.status`: an expander-like container whose icon tells a task's state.

Its state, label and expansion change during the run (`status.update(...)`, or the end of its
`with` block), so the object `st.status` returns remembers its props and re-sends them in place.
"""

from __future__ import annotations

from typing import Literal

from sidepane.elements.arguments import value_error
from sidepane.elements.container_types import ReturnedContainer, specialize
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.layout import _check_size as check_size
from sidepane.protocol.schema.elements.layout import StatusProps
from sidepane.protocol.schema.registry import as_props
from sidepane.runtime.context import get_run_context
from sidepane.runtime.control import RerunRequested, StopRequested

State = Literal["running", "complete", "error"]
_STATES = ("running", "complete", "error")
_TYPES = ("default", "compact", "step")


def _check_state(state: object) -> None:
    if state not in _STATES:
        raise value_error("state", [f"'{s}'" for s in _STATES])


class StatusContainer(ReturnedContainer):
    """What `st.status` returns: a container (`with` it, or call its methods) with `update()`.

    Used as a context manager, it turns "complete" when its block ends, or "error" when the
    block raised, unless `update()` set another state first.
    """

    _props: StatusProps
    _run: int

    def update(
        self,
        *,
        label: str | None = None,
        expanded: bool | None = None,
        state: State | None = None,
    ) -> None:
        """Change the label, the expanded state or the state ("running", "complete",
        "error": the icon); arguments left at None keep their current value."""
        props = self._props.copy()
        if label is not None:
            props["label"] = str(label)
        if expanded is not None:
            props["expanded"] = bool(expanded)
        if state is not None:
            _check_state(state)
            props["state"] = state
        self._props = props
        ctx = get_run_context()
        # Outside the run that drew it, the path may hold something else by now.
        if ctx is not None and ctx.run == self._run:
            ctx.restate(self._path, "status", as_props(props))

    @property
    def state(self) -> State:
        return self._props["state"]

    def __exit__(self, *exc: object) -> Literal[False]:
        error = exc[0] if exc else None
        # A rerun or stop passing through is not the block failing: the next run redraws it.
        control = isinstance(error, type) and issubclass(error, RerunRequested | StopRequested)
        if self._props["state"] == "running" and not control:
            self.update(state="error" if error is not None else "complete")
        return super().__exit__(*exc)


class StatusContainerMixin(DeltaGeneratorCore):
    def status(
        self,
        label: str,
        *,
        expanded: bool = False,
        state: State = "running",
        type: Literal["default", "compact", "step"] = "default",
        width: int | Literal["stretch"] = "stretch",
    ) -> StatusContainer:
        """Insert a container that shows the status of a long task, with its output inside.

        ```python
        with st.status("Downloading data...", expanded=True) as status:
            st.write("Searching for data...")
            time.sleep(2)
            status.update(label="Download complete!", state="complete", expanded=False)
        ```
        It starts "running" (a spinner), collapsed unless `expanded=True`; the person can open
        and close it like `st.expander`. In a `with` block it turns "complete" (a check) when
        the block ends, or "error" if the block raised. `.update(label=, expanded=, state=)`
        changes it in place.
        """
        if type not in _TYPES:
            raise value_error("type", [repr(t) for t in _TYPES])
        _check_state(state)
        check_size("width", width, False)
        props: StatusProps = {
            "label": "" if label is None else str(label),
            "state": state,
            "expanded": bool(expanded),
        }
        if type != "default":
            props["type"] = type
        if isinstance(width, int):
            props["width"] = width
        status = specialize(self._block("status", as_props(props)), StatusContainer)
        status._props = props
        ctx = get_run_context()
        status._run = ctx.run if ctx is not None else 0
        return status
