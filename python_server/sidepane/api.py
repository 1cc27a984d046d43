"""The `st.` API: every name `import sidepane as st` (or `import streamlit as st` in a script)
gives, which the package `sidepane` loads from here on first use (see sidepane/__init__.py).

A new element or widget adds its line here, and its name to `__all__`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from sidepane import column_config as column_config
from sidepane.auth.user import login, logout, user
from sidepane.caching.data_resource import cache_data, cache_resource
from sidepane.caching.legacy import cache
from sidepane.elements.bottom import BottomContainer
from sidepane.elements.delta_generator import DeltaGenerator, bottom_dg, main_dg, sidebar_dg
from sidepane.elements.echo import echo
from sidepane.elements.fragment import dialog, fragment
from sidepane.elements.logo import logo
from sidepane.elements.navigation import switch_page
from sidepane.elements.page import rerun, set_page_config, stop
from sidepane.elements.page_menu import Page, navigation
from sidepane.errors import StreamlitAPIException
from sidepane.runtime.config import get_option, set_option
from sidepane.runtime.query_params import QueryParamsProxy
from sidepane.runtime.secrets import secrets
from sidepane.runtime.session_state import SessionStateProxy
from sidepane.runtime.st_context import ContextProxy

if TYPE_CHECKING:
    from sidepane import components as components
    from sidepane import connections as connections
    from sidepane import typing as typing
    from sidepane.connections.factory import connection

sidebar: DeltaGenerator = sidebar_dg
"""The sidebar: `st.sidebar.slider(...)` or `with st.sidebar:` draws there."""
bottom: DeltaGenerator = cast("DeltaGenerator", BottomContainer(bottom_dg))
"""Pinned to the bottom of the app body: `st.bottom.button(...)` or `with st.bottom:`."""

session_state = SessionStateProxy()
query_params = QueryParamsProxy()
context = ContextProxy()
"""The viewer's headers, cookies, locale, time zone, theme, URL and address (read-only)."""

# Every element and widget, drawn where the script is (`with` blocks included).
write = main_dg.write
write_stream = main_dg.write_stream
markdown = main_dg.markdown
title = main_dg.title
header = main_dg.header
subheader = main_dg.subheader
caption = main_dg.caption
text = main_dg.text
code = main_dg.code
latex = main_dg.latex
json = main_dg.json
divider = main_dg.divider
html = main_dg.html
exception = main_dg.exception
button = main_dg.button
download_button = main_dg.download_button
form_submit_button = main_dg.form_submit_button
link_button = main_dg.link_button
menu_button = main_dg.menu_button
checkbox = main_dg.checkbox
toggle = main_dg.toggle
radio = main_dg.radio
selectbox = main_dg.selectbox
multiselect = main_dg.multiselect
select_slider = main_dg.select_slider
color_picker = main_dg.color_picker
pills = main_dg.pills
segmented_control = main_dg.segmented_control
feedback = main_dg.feedback
slider = main_dg.slider
text_input = main_dg.text_input
text_area = main_dg.text_area
number_input = main_dg.number_input
date_input = main_dg.date_input
time_input = main_dg.time_input
datetime_input = main_dg.datetime_input
pagination = main_dg.pagination
file_uploader = main_dg.file_uploader
camera_input = main_dg.camera_input
audio_input = main_dg.audio_input
dataframe = main_dg.dataframe
data_editor = main_dg.data_editor
table = main_dg.table
metric = main_dg.metric
line_chart = main_dg.line_chart
area_chart = main_dg.area_chart
bar_chart = main_dg.bar_chart
scatter_chart = main_dg.scatter_chart
altair_chart = main_dg.altair_chart
vega_lite_chart = main_dg.vega_lite_chart
plotly_chart = main_dg.plotly_chart
pydeck_chart = main_dg.pydeck_chart
map = main_dg.map
graphviz_chart = main_dg.graphviz_chart
mermaid_chart = main_dg.mermaid_chart
echarts_chart = main_dg.echarts_chart
pdf = main_dg.pdf
iframe = main_dg.iframe
pyplot = main_dg.pyplot
image = main_dg.image
audio = main_dg.audio
video = main_dg.video
help = main_dg.help
container = main_dg.container
columns = main_dg.columns
grid = main_dg.grid
tabs = main_dg.tabs
expander = main_dg.expander
popover = main_dg.popover
form = main_dg.form
empty = main_dg.empty
success = main_dg.success
info = main_dg.info
warning = main_dg.warning
error = main_dg.error
progress = main_dg.progress
spinner = main_dg.spinner
toast = main_dg.toast
page_link = main_dg.page_link
status = main_dg.status
chat_message = main_dg.chat_message
chat_input = main_dg.chat_input
balloons = main_dg.balloons
snow = main_dg.snow
badge = main_dg.badge
space = main_dg.space
skeleton = main_dg.skeleton


__all__ = [
    "DeltaGenerator",
    "Page",
    "StreamlitAPIException",
    "altair_chart",
    "area_chart",
    "audio",
    "audio_input",
    "badge",
    "balloons",
    "bar_chart",
    "bottom",
    "button",
    "cache",
    "cache_data",
    "cache_resource",
    "camera_input",
    "caption",
    "chat_input",
    "chat_message",
    "checkbox",
    "code",
    "color_picker",
    "columns",
    "components",
    "connection",
    "connections",
    "container",
    "context",
    "data_editor",
    "dataframe",
    "date_input",
    "datetime_input",
    "dialog",
    "divider",
    "download_button",
    "echarts_chart",
    "echo",
    "empty",
    "error",
    "exception",
    "expander",
    "feedback",
    "file_uploader",
    "form",
    "form_submit_button",
    "fragment",
    "get_option",
    "graphviz_chart",
    "grid",
    "header",
    "help",
    "html",
    "iframe",
    "image",
    "info",
    "json",
    "latex",
    "line_chart",
    "link_button",
    "login",
    "logo",
    "logout",
    "map",
    "markdown",
    "menu_button",
    "mermaid_chart",
    "metric",
    "multiselect",
    "navigation",
    "number_input",
    "page_link",
    "pagination",
    "pdf",
    "pills",
    "plotly_chart",
    "popover",
    "progress",
    "pydeck_chart",
    "pyplot",
    "query_params",
    "radio",
    "rerun",
    "scatter_chart",
    "secrets",
    "segmented_control",
    "select_slider",
    "selectbox",
    "session_state",
    "set_option",
    "set_page_config",
    "sidebar",
    "skeleton",
    "slider",
    "snow",
    "space",
    "spinner",
    "status",
    "stop",
    "subheader",
    "success",
    "switch_page",
    "table",
    "tabs",
    "text",
    "text_area",
    "text_input",
    "time_input",
    "title",
    "toast",
    "toggle",
    "user",
    "vega_lite_chart",
    "video",
    "warning",
    "write",
    "write_stream",
]
