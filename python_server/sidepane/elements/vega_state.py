"""`VegaLiteState`: the type of a Vega-Lite chart's event state, as Streamlit 1.67 names it.

Only the standard library is imported here, so `st.typing` stays cheap to import.
"""

from __future__ import annotations

from typing import Any, Literal, overload

from sidepane.column_config.state import ReadOnlyAttributeDict


class VegaLiteState(ReadOnlyAttributeDict):
    """The event state of a Vega-Lite chart (`st.altair_chart`, `st.vega_lite_chart`), read by
    key or attribute and never written.

    `.selection` holds one entry per selection parameter of the chart, named as in the chart's
    spec; what each holds is decided by that parameter's Vega-Lite definition.
    """

    selection: ReadOnlyAttributeDict

    @overload
    def __getitem__(self, key: Literal["selection"]) -> ReadOnlyAttributeDict: ...

    @overload
    def __getitem__(self, key: Any) -> Any: ...

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(key)
