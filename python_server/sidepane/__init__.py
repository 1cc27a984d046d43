"""Sidepane: plain-Python data apps, live beside your editor.

Write a script with `import sidepane as st` and `st.` calls; `sidepane run app.py` shows it in a
browser, and the VS Code extension beside the editor. Streamlit's API, names and signatures.
"""

from __future__ import annotations

from sidepane.elements.delta_generator import DeltaGenerator, main_dg, sidebar_dg
from sidepane.errors import StreamlitAPIException
from sidepane.runtime.query_params import QueryParamsProxy
from sidepane.runtime.session_state import SessionStateProxy

__version__ = "0.1.0"

sidebar: DeltaGenerator = sidebar_dg
"""The sidebar: `st.sidebar.slider(...)` or `with st.sidebar:` draws there."""

session_state = SessionStateProxy()
query_params = QueryParamsProxy()

# Text
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

__all__ = [
    "DeltaGenerator",
    "StreamlitAPIException",
    "caption",
    "code",
    "divider",
    "exception",
    "header",
    "html",
    "json",
    "latex",
    "markdown",
    "query_params",
    "session_state",
    "sidebar",
    "subheader",
    "text",
    "title",
    "write",
    "write_stream",
]
