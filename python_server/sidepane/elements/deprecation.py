"""Deprecation and usage warnings, shown as Streamlit 1.67 shows them: an `st.warning` where the
script is drawing (unless the warning is log-only) and always a line in the log."""

from __future__ import annotations

import logging
import threading
from typing import Final

log = logging.getLogger("sidepane.deprecation")

_shown: set[str] = set()
_shown_lock = threading.Lock()

USE_COLUMN_WIDTH_REMOVED: Final = (
    "`use_column_width` was removed and has no effect. "
    "Use `width='stretch'`, `width='content'`, or an integer pixel value instead."
)
# The extra line after `use_container_width`'s rename notice: charts also accept pixel widths.
WIDTH_HINT: Final = (
    "For `use_container_width=True`, use `width='stretch'`. "
    "For `use_container_width=False`, use `width='content'`."
)
CHART_WIDTH_HINT: Final = (
    "For `use_container_width=True`, use `width='stretch'`. "
    "For `use_container_width=False`, use `width='content'` or specify an integer width."
)


def show_deprecation_warning(
    message: str, *, show_in_browser: bool = True, show_once: bool = False
) -> None:
    """Warn that something is deprecated: in the app (as `st.warning`, where the script is
    drawing) when `show_in_browser`, and always in the log. `show_once` warns once per
    process for the same message."""
    if show_once:
        with _shown_lock:
            if message in _shown:
                return
            _shown.add(message)
    if show_in_browser:
        from sidepane.runtime.config import full_error_details

        # As Streamlit 1.67: shown in the page only while client.showErrorDetails is full.
        show_in_browser = full_error_details()
    if show_in_browser:
        from sidepane.elements.delta_generator import main_dg

        main_dg.warning(message)
    log.warning(message)


def renamed_warning(
    old_name: str, new_name: str, removal_date: str, extra: str | None = None, *, st_prefix: bool
) -> str:
    """Streamlit's text for a renamed function or parameter."""
    if st_prefix:
        old_name, new_name = f"st.{old_name}", f"st.{new_name}"
    text = (
        f"Please replace `{old_name}` with `{new_name}`.\n\n"
        f"`{old_name}` will be removed after {removal_date}."
    )
    return text + (f"\n\n{extra}" if extra else "")


def warn_use_container_width(hint: str = WIDTH_HINT) -> None:
    """`use_container_width=` was given: Streamlit 1.67 only logs this one."""
    show_deprecation_warning(
        renamed_warning("use_container_width", "width", "2025-12-31", hint, st_prefix=False),
        show_in_browser=False,
    )


# Widgets whose empty label Streamlit 1.67 warns about (buttons and chat inputs it does not).
LABELLED_WIDGETS: Final = frozenset(
    {
        "checkbox",
        "toggle",
        "radio",
        "selectbox",
        "multiselect",
        "slider",
        "select_slider",
        "color_picker",
        "file_uploader",
        "number_input",
        "text_input",
        "text_area",
        "date_input",
        "time_input",
        "datetime_input",
        "camera_input",
        "audio_input",
        "pills",
        "segmented_control",
    }
)


def warn_empty_label(kind: str, label: object) -> None:
    """An empty widget label: Streamlit 1.67 logs this (with the caller's stack)."""
    if kind in LABELLED_WIDGETS and (label is None or str(label) == ""):
        log.warning(
            "`label` got an empty value. This is discouraged for accessibility reasons and may "
            "be disallowed in the future by raising an exception. Please provide a non-empty "
            "label and hide it with label_visibility if needed.",
            stack_info=True,
        )
