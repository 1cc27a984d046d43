"""`AppTestError`: a test asked AppTest for something a person using the app could not do."""

from __future__ import annotations


class AppTestError(Exception):
    """An AppTest query or interaction that is not possible, e.g. setting a disabled widget's
    value, or `set_value()` / `click()` on an element that is not a widget."""
