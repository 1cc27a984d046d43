"""`streamlit.deprecation_util`: `show_deprecation_warning`, which packages built on Streamlit
use for their own deprecations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidepane.compat import missing_names
from sidepane.elements import deprecation


def show_deprecation_warning(
    message: str, show_in_browser: bool = True, show_once: bool = False
) -> None:
    """Warn that something is deprecated: in the app (as a warning where the script is drawing)
    when `show_in_browser`, and always in the log; `show_once` warns once per process."""
    deprecation.show_deprecation_warning(
        message, show_in_browser=show_in_browser, show_once=show_once
    )


if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.deprecation_util")

__all__ = ["show_deprecation_warning"]
