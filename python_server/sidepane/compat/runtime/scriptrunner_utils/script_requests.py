"""`streamlit.runtime.scriptrunner_utils.script_requests`: `RerunData`, what a rerun carries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sidepane.compat import missing_names


@dataclass(frozen=True)
class RerunData:
    """The data of a rerun, built by apps only to raise `RerunException(RerunData())`.

    Sidepane keeps the widgets' values and the page on such a rerun, as a plain `st.rerun()`
    does; the fields are accepted with Streamlit's names and defaults.
    """

    query_string: str = ""
    widget_states: Any = None
    page_script_hash: str = ""
    page_name: str = ""
    fragment_id: str | None = None
    fragment_id_queue: list[str] = field(default_factory=list)
    is_fragment_scoped_rerun: bool = False
    is_auto_rerun: bool = False


if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.runtime.scriptrunner_utils.script_requests")
