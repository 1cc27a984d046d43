"""Streamlit 1.67's public names, so a name Sidepane lacks fails with a clear message.

Both `st.x` (the module's `__getattr__`) and `container.x` (`DeltaGeneratorCore.__getattr__`) get
here only when normal lookup failed, i.e. for what Sidepane does not have: a Streamlit name gets
"Sidepane has no `st.x`", anything else a plain AttributeError, as for any Python object. The
sets below are Streamlit's whole API (tests/python/test_missing_api.py checks them against
Streamlit 1.67 when it is installed), not a list of what Sidepane lacks today.
"""

from __future__ import annotations

from typing import Final

# `dir(streamlit.delta_generator.DeltaGenerator)`: what every container (and `st`) can call.
CONTAINER_METHODS: Final = frozenset(
    [
        "altair_chart",
        "area_chart",
        "audio",
        "audio_input",
        "badge",
        "balloons",
        "bar_chart",
        "button",
        "camera_input",
        "caption",
        "chat_input",
        "chat_message",
        "checkbox",
        "code",
        "color_picker",
        "columns",
        "container",
        "data_editor",
        "dataframe",
        "date_input",
        "datetime_input",
        "divider",
        "download_button",
        "echarts_chart",
        "empty",
        "error",
        "exception",
        "expander",
        "feedback",
        "file_uploader",
        "form",
        "form_submit_button",
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
        "map",
        "markdown",
        "menu_button",
        "mermaid_chart",
        "metric",
        "multiselect",
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
        "radio",
        "scatter_chart",
        "segmented_control",
        "select_slider",
        "selectbox",
        "skeleton",
        "slider",
        "snow",
        "space",
        "spinner",
        "status",
        "subheader",
        "success",
        "table",
        "tabs",
        "text",
        "text_area",
        "text_input",
        "time_input",
        "title",
        "toast",
        "toggle",
        "vega_lite_chart",
        "video",
        "warning",
        "write",
        "write_stream",
    ]
)

# `st.` names that are not container methods (Streamlit's internal modules left out).
MODULE_ONLY_NAMES: Final = frozenset(
    [
        "App",
        "Page",
        "bottom",
        "cache_data",
        "cache_resource",
        "column_config",
        "components",
        "connection",
        "connections",
        "context",
        "dialog",
        "echo",
        "errors",
        "fragment",
        "get_option",
        "login",
        "logo",
        "logout",
        "navigation",
        "query_params",
        "rerun",
        "secrets",
        "session_state",
        "set_option",
        "set_page_config",
        "sidebar",
        "stop",
        "switch_page",
        "typing",
        "user",
    ]
)

MODULE_NAMES: Final = CONTAINER_METHODS | MODULE_ONLY_NAMES

# Attributes only some containers have: name -> the `st.` calls whose containers have it.
CONTAINER_ATTRIBUTES: Final = {
    "open": ("st.expander", "st.tabs", "st.popover", "st.dialog"),
    "close": ("st.dialog",),
    "update": ("st.status",),
    "cell": ("st.grid",),
}

# Names older Streamlit versions had, and what replaced them.
RENAMED: Final = {
    "beta_columns": "columns",
    "beta_container": "container",
    "beta_expander": "expander",
    "beta_set_page_config": "set_page_config",
    "experimental_connection": "connection",
    "experimental_data_editor": "data_editor",
    "experimental_dialog": "dialog",
    "experimental_fragment": "fragment",
    "experimental_get_query_params": "query_params",
    "experimental_set_query_params": "query_params",
    "experimental_memo": "cache_data",
    "experimental_singleton": "cache_resource",
    "experimental_rerun": "rerun",
    "experimental_user": "user",
}

# Names Streamlit removed with no `st.` successor (1.67 says so in its error), and what to use.
REMOVED: Final = {
    "bokeh_chart": "the streamlit-bokeh component",
}


def _successor(name: str, prefix: str) -> str | None:
    """What replaced Streamlit's removed `name`, as a message says it (`prefix`: "st." or "")."""
    if name in RENAMED:
        return f"`{prefix}{RENAMED[name]}`"
    return REMOVED.get(name)


def _not_yet(name: str) -> str:
    return (
        f"Sidepane has no `st.{name}`: it covers Streamlit's core API, and `{name}` is not "
        "part of it yet."
    )


def module_attribute_error(module: str, name: str) -> AttributeError:
    """The error for `st.<name>` when the module has no such attribute."""
    if name in MODULE_NAMES:
        return AttributeError(_not_yet(name), name=name)
    successor = _successor(name, "st.")
    if successor is not None:
        return AttributeError(
            f"`st.{name}` was removed from Streamlit: use {successor} instead.", name=name
        )
    return AttributeError(f"module {module!r} has no attribute {name!r}", name=name)


def container_attribute_error(container: object, name: str, where: str) -> AttributeError:
    """The error for `<container>.<name>` when the container has no such attribute; `where`
    names the container in messages (`st.sidebar`, a column…)."""
    if name in CONTAINER_METHODS:
        return AttributeError(_not_yet(name), name=name, obj=container)
    if name in CONTAINER_ATTRIBUTES:
        owners = ", ".join(f"`{owner}`" for owner in CONTAINER_ATTRIBUTES[name])
        return AttributeError(
            f"There is no `.{name}` on {where}: only the containers that {owners} return have it, "
            "in Streamlit as in Sidepane.",
            name=name,
            obj=container,
        )
    if name in MODULE_ONLY_NAMES:
        # As Streamlit says it: the command exists, but only as `st.<name>`.
        return AttributeError(
            f"Method `{name}()` does not exist for {where}. Did you mean `st.{name}()`?",
            name=name,
            obj=container,
        )
    successor = _successor(name, "")
    if successor is not None:
        return AttributeError(
            f"`{name}` was removed from Streamlit: use {successor} instead.",
            name=name,
            obj=container,
        )
    return AttributeError(
        f"{type(container).__name__!r} object has no attribute {name!r}", name=name, obj=container
    )
