"""`DeltaGenerator`: every `st.` element and widget method on one class, and the roots `st` uses."""

from __future__ import annotations

from sidepane.elements.exception import ExceptionMixin
from sidepane.elements.text import TextMixin
from sidepane.elements.write import WriteMixin


class DeltaGenerator(
    WriteMixin,
    TextMixin,
    ExceptionMixin,
):
    """A place in the app to draw into: `st` itself, `st.sidebar`, a column, a container…

    Every `st.` function is also a method here, so `left.write(...)` and
    `st.sidebar.slider(...)` draw into that place.
    """


main_dg = DeltaGenerator(("main",), "root", follows_with=True)
sidebar_dg = DeltaGenerator(("sidebar",), "root")
