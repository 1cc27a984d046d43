"""`declare_component`: make a custom component from its frontend's folder or URL."""

from __future__ import annotations

import inspect
import os
from pathlib import Path
from types import FrameType

from sidepane.components.custom_component import CustomComponent, new_component


def _module_name(frame: FrameType) -> str:
    """The calling module's name; for the script run itself, its file name without `.py`."""
    name = str(frame.f_globals.get("__name__", ""))
    if name in ("", "__main__"):
        name = os.path.splitext(os.path.basename(frame.f_code.co_filename))[0]
    return name


def declare_component(
    name: str,
    path: str | Path | None = None,
    url: str | None = None,
) -> CustomComponent:
    """Create a custom component from its frontend, to call like a function in the app.

    To use it, import it from `streamlit.components.v1`.

    Parameters
    ----------
    name : str
        A short name for the component, like "slider". Its full name is the calling module's
        name and this (`my_package.slider`).
    path : str, Path or None
        The folder of the component's built frontend (with its `index.html`); the app's server
        serves its files. Either `path` or `url` is required.
    url : str or None
        Where the component's frontend is served instead (e.g. its development server);
        it wins over `path` when both are given.

    Returns
    -------
    CustomComponent
        Call it with keyword arguments to draw the component; it returns the component's value.

    Example
    -------
    >>> import streamlit.components.v1 as components
    >>> my_component = components.declare_component("my_component", path="frontend/build")
    >>> value = my_component(greeting="Hello", default=0)
    """
    frame = inspect.currentframe()
    caller = frame.f_back if frame is not None else None
    module_name = _module_name(caller) if caller is not None else "__main__"
    return new_component(
        f"{module_name}.{name}",
        str(path) if path is not None else None,
        url,
        module_name,
    )
