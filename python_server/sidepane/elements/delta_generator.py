"""`DeltaGenerator`: every `st.` element and widget method on one class, and the roots `st` uses."""

from __future__ import annotations

from sidepane.elements.bottom import BOTTOM
from sidepane.elements.charts import ChartMixin
from sidepane.elements.chat import ChatMixin
from sidepane.elements.data import DataMixin
from sidepane.elements.deck_chart import DeckMixin
from sidepane.elements.decorations import DecorationMixin
from sidepane.elements.echarts_chart import EChartsMixin
from sidepane.elements.exception import ExceptionMixin
from sidepane.elements.graphviz_chart import GraphvizMixin
from sidepane.elements.grid import GridMixin
from sidepane.elements.help import HelpMixin
from sidepane.elements.iframe import IframeMixin
from sidepane.elements.layout import LayoutMixin
from sidepane.elements.map_chart import MapMixin
from sidepane.elements.media import MediaMixin
from sidepane.elements.mermaid_chart import MermaidMixin
from sidepane.elements.navigation import PageLinkMixin
from sidepane.elements.pdf import PdfMixin
from sidepane.elements.plotly_chart import PlotlyMixin
from sidepane.elements.popover import PopoverMixin
from sidepane.elements.status import StatusMixin
from sidepane.elements.status_container import StatusContainerMixin
from sidepane.elements.text import TextMixin
from sidepane.elements.widgets.button_groups import ButtonGroupMixin
from sidepane.elements.widgets.buttons import ButtonMixin
from sidepane.elements.widgets.choices import ChoiceMixin
from sidepane.elements.widgets.dates import DateTimeInputMixin
from sidepane.elements.widgets.datetime_input import DateTimeMixin
from sidepane.elements.widgets.feedback import FeedbackMixin
from sidepane.elements.widgets.file_uploader import FileUploaderMixin
from sidepane.elements.widgets.media_inputs import MediaInputMixin
from sidepane.elements.widgets.menu_button import MenuButtonMixin
from sidepane.elements.widgets.numbers import NumberInputMixin
from sidepane.elements.widgets.pagination import PaginationMixin
from sidepane.elements.widgets.sliders import SliderMixin
from sidepane.elements.widgets.text_inputs import TextInputMixin
from sidepane.elements.write import WriteMixin


class DeltaGenerator(
    WriteMixin,
    TextMixin,
    ExceptionMixin,
    ButtonMixin,
    ChoiceMixin,
    ButtonGroupMixin,
    FeedbackMixin,
    SliderMixin,
    TextInputMixin,
    NumberInputMixin,
    DateTimeInputMixin,
    DateTimeMixin,
    MenuButtonMixin,
    PaginationMixin,
    FileUploaderMixin,
    MediaInputMixin,
    DataMixin,
    ChartMixin,
    PlotlyMixin,
    DeckMixin,
    MapMixin,
    GraphvizMixin,
    MermaidMixin,
    EChartsMixin,
    PdfMixin,
    IframeMixin,
    MediaMixin,
    HelpMixin,
    LayoutMixin,
    GridMixin,
    PopoverMixin,
    StatusMixin,
    StatusContainerMixin,
    ChatMixin,
    DecorationMixin,
    PageLinkMixin,
):
    """A place in the app to draw into: `st` itself, `st.sidebar`, a column, a container…

    Every `st.` function is also a method here, so `left.write(...)` and
    `st.sidebar.slider(...)` draw into that place.
    """


main_dg = DeltaGenerator(("main",), "root", follows_with=True)
sidebar_dg = DeltaGenerator(("sidebar",), "root")
bottom_dg = DeltaGenerator(BOTTOM, "root")
# Drawn outside the layout (beside an open dialog), as Streamlit's event container: style-only
# `st.html`.
event_dg = DeltaGenerator(("event",), "root")
