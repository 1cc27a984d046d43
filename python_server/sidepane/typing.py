"""Types of values Sidepane commands return or keep in session state, for annotations.

As `streamlit.typing`: import them from here (`from sidepane.typing import ...`) rather than
from the modules that define them.
"""

from __future__ import annotations

from sidepane.column_config.edits import DataEditorState
from sidepane.column_config.state import ButtonColumnClickState, DataframeState
from sidepane.elements.chat_values import ChatInputValue
from sidepane.elements.deck_state import PydeckState
from sidepane.elements.echarts_chart import EChartsState
from sidepane.elements.plotly_state import PlotlyState
from sidepane.elements.vega_state import VegaLiteState
from sidepane.elements.widgets.file_uploader import UploadedFile

__all__ = [
    "ButtonColumnClickState",
    "ChatInputValue",
    "DataEditorState",
    "DataframeState",
    "EChartsState",
    "PlotlyState",
    "PydeckState",
    "UploadedFile",
    "VegaLiteState",
]
