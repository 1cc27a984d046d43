"""A chart whose selection is a widget (`on_select="rerun"` or a callback): said once for the
Vega-Lite, Plotly and deck.gl charts.

Such a chart is a label-less widget that is never disabled; its value is the selection the
viewer reports, and `st.session_state[key]` shows it (read-only, as in Streamlit).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sidepane.elements.arguments import WidgetCallback, resolve_callback, value_error
from sidepane.elements.dg_core import DeltaGeneratorCore, to_key
from sidepane.elements.widgets.buttons import check_not_written


def on_select_callback(on_select: object) -> tuple[WidgetCallback | None, bool]:
    """`on_select` checked as Streamlit checks it: (the callback or None, whether selecting)."""
    if on_select is None:
        raise value_error("on_select", ["'rerun'", "'ignore'", "a callback function"])
    callback, ignore = resolve_callback(on_select, param="on_select")
    return callback, not ignore


class ChartSelectionMixin(DeltaGeneratorCore):
    def _chart_selection(
        self,
        kind: str,
        *,
        key: str | int | None,
        identity: Mapping[str, object],
        key_identity: frozenset[str],
        props: Mapping[str, Any],
        default: Any,
        deserialize: Callable[[Any], Any],
        serialize: Callable[[Any], Any],
        on_select: WidgetCallback | None,
        element_type: str | None = None,
    ) -> Any:
        """Draw the chart as a widget; return its selection for this run.

        `kind` is the `st.` command that names the widget in ids and errors; `identity` the
        parameters that make its id (with a key, only the names in `key_identity` join it).
        A selection is read-only: a value the script put in `st.session_state[key]` is an error.
        """
        check_not_written(to_key(key))
        return self._widget(
            kind,
            label="",
            key=key,
            identity=identity,
            key_identity=key_identity,
            props=props,
            default=default,
            deserialize=deserialize,
            serialize=serialize,
            on_change=on_select,
            args=None,
            kwargs=None,
            disabled=False,
            label_visibility="visible",
            help=None,
            element_type=element_type,
        )
