"""`streamlit.logger`: `get_logger`, which Streamlit's app templates use."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sidepane.compat import missing_names


def get_logger(name: str) -> logging.Logger:
    """The standard `logging` logger `name` ("root": Streamlit's own, here "sidepane")."""
    return logging.getLogger("sidepane" if name == "root" else name)


if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.logger")

__all__ = ["get_logger"]
