"""Streamlit's configuration: `.streamlit/config.toml`, `STREAMLIT_*` variables, `--section.option`
flags, and `st.get_option` / `st.set_option`.

An `App` loads its `Config` once (`Config.load(script_dir)`); code that runs outside any app
(a plain `python app.py`, the LSP before a panel opens) reads one loaded for the working folder.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any

from sidepane.errors import StreamlitAPIException
from sidepane.runtime.config.options import OPTIONS
from sidepane.runtime.config.store import Config, set_command_line_options

__all__ = [
    "Config",
    "current_config",
    "default_headless",
    "full_error_details",
    "get_option",
    "set_command_line_options",
    "set_option",
]

_fallback: Config | None = None
_fallback_lock = threading.Lock()


def current_config() -> Config:
    """The options of the app whose script is running on this thread, else the working
    folder's."""
    from sidepane.runtime.context import get_run_context

    ctx = get_run_context()
    if ctx is not None:
        return ctx.session.app.config
    global _fallback
    with _fallback_lock:
        if _fallback is None:
            _fallback = Config.load(None)
        return _fallback


def default_headless() -> bool:
    """Streamlit's default for `server.headless`: no browser to open on Linux without a
    display."""
    return sys.platform.startswith("linux") and not os.environ.get("DISPLAY")


def full_error_details(setting: object = None) -> bool:
    """Whether `client.showErrorDetails` (`setting`, else the running app's) lets the page show
    everything (`full`, or the older true): error messages, and deprecation warnings at all."""
    if setting is None:
        setting = current_config().get("client.showErrorDetails")
    return setting == "full" or setting in (True, "true", "True")


def get_option(key: str) -> Any:
    """Return the current value of a given Streamlit configuration option.

    Run ``streamlit config show`` in a terminal to see all available options.

    Parameters
    ----------
    key : str
        The config option key of the form "section.optionName".

    Examples
    --------
    >>> import streamlit as st
    >>>
    >>> color = st.get_option("theme.primaryColor")
    """
    config = current_config()
    if key not in OPTIONS:
        raise RuntimeError(f'Config key "{key}" not defined.')
    value = config.get(key)
    if value is None and key == "browser.serverPort":
        return config.get("server.port")
    if value is None and key == "server.headless":
        return default_headless()
    return value


def set_option(key: str, value: Any) -> None:
    """Set a configuration option.

    Only ``client`` options can be set within the script itself:
    ``client.showErrorDetails``, ``client.disableDataExport``,
    ``client.showSidebarNavigation`` and ``client.toolbarMode``. Any other option raises a
    ``StreamlitAPIException``: set it in ``.streamlit/config.toml`` or as a command-line flag.
    The change shows from the next rerun on.

    Parameters
    ----------
    key : str
        The config option key of the form "section.optionName".

    value
        The new value to assign to this config option.

    Examples
    --------
    >>> import streamlit as st
    >>>
    >>> st.set_option("client.showErrorDetails", True)
    """
    option = OPTIONS.get(key)
    if option is None:
        raise StreamlitAPIException(f"Unrecognized config option: {key}")
    if not option.scriptable:
        raise StreamlitAPIException(
            f"{key} cannot be set on the fly. Set as command line option, e.g. "
            f"streamlit run script.py --{key}, or in config.toml instead."
        )
    current_config().set(key, value)
