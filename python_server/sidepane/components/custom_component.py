"""A declared custom component (`declare_component`): calling it draws the component's frame
and returns its value, a widget's (docs/protocol.md, "Custom components")."""

from __future__ import annotations

import json
from typing import Any

from sidepane.components.frames import check_tab_index
from sidepane.components.registry import register_component
from sidepane.elements.arguments import resolve_callback
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.schema.elements.components import ComponentInstanceFields
from sidepane.protocol.schema.registry import as_props

# Libraries whose tables and arrays Streamlit sends to a component as Arrow tables.
_DATAFRAME_MODULES = ("pandas", "numpy", "polars", "pyarrow", "modin", "dask", "xarray")


class MarshallComponentException(SidepaneAPIException):
    """A component's arguments could not be sent (not JSON, or a table without PyArrow)."""


def _is_dataframe_like(value: object) -> bool:
    module = type(value).__module__.partition(".")[0]
    return module in _DATAFRAME_MODULES and not isinstance(value, (int, float, bool, str))


def _no_arrow(name: str) -> MarshallComponentException:
    # Streamlit needs PyArrow for every component; Sidepane only for tables, which the
    # component protocol sends as Arrow IPC. Packages such as streamlit-aggrid recognise the
    # word "pyarrow" here and fall back to sending JSON.
    return MarshallComponentException(
        f"Could not convert the component argument `{name}` (a table) to an Arrow table: "
        "custom components receive tables as Arrow data, which needs pyarrow "
        "(`pip install pyarrow`). Pass plain data instead, such as `df.to_dict('records')`."
    )


class CustomComponent:
    """A declared component: call it (keyword arguments only) to draw an instance."""

    def __init__(
        self,
        name: str,
        path: str | None = None,
        url: str | None = None,
        module_name: str | None = None,
    ) -> None:
        if path is None and url is None:
            raise SidepaneAPIException("Either 'path' or 'url' must be set.")
        self._name = name
        self._path = path
        self._url = url
        self._module_name = module_name

    @property
    def name(self) -> str:
        return self._name

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def url(self) -> str | None:
        return self._url

    @property
    def module_name(self) -> str | None:
        return self._module_name

    @property
    def abspath(self) -> str | None:
        """The component's folder as an absolute path (None for a `url=` component)."""
        import os

        return None if self._path is None else os.path.abspath(self._path)

    def __repr__(self) -> str:
        return f"CustomComponent(name={self._name!r}, path={self._path!r}, url={self._url!r})"

    def __str__(self) -> str:
        return f"'{self._name}': {self._path if self._path is not None else self._url}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CustomComponent) and (
            self._name,
            self._path,
            self._url,
            self._module_name,
        ) == (other._name, other._path, other._url, other._module_name)

    def __hash__(self) -> int:
        return hash((self._name, self._path, self._url, self._module_name))

    def __call__(
        self,
        *args: Any,
        default: Any = None,
        key: str | None = None,
        on_change: Any = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Draw an instance of the component and return its value.

        Parameters
        ----------
        default : any
            What to return until the component sends a value (`setComponentValue`).
        key : str or None
            The component's widget key (its value in `st.session_state`); with a key, new
            arguments keep the component (and its value) rather than make a new one.
        on_change : callable or None
            Called, before the script reruns, when the component sends a new value.
        tab_index : int or None
            The frame's place in keyboard (Tab) navigation (-1: none, 0 or more: HTML's
            `tabindex`).
        **kwargs
            The component's arguments (`args` in its frontend): JSON-serialisable values, or
            bytes.

        Returns
        -------
        any
            The component's value: the last one it sent, else `default`.
        """
        return self.create_instance(
            *args, default=default, key=key, on_change=on_change, tab_index=tab_index, **kwargs
        )

    def create_instance(
        self,
        *args: Any,
        default: Any = None,
        key: str | None = None,
        on_change: Any = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Draw an instance of the component and return its value (see `__call__`)."""
        if args:
            raise MarshallComponentException(f"Argument '{args[0]}' needs a label")
        callback, _ = resolve_callback(on_change, supported=())
        check_tab_index(tab_index)

        json_args: dict[str, Any] = {}
        bytes_args: dict[str, bytes] = {}
        for name, value in {**kwargs, "default": default, "key": key}.items():
            if isinstance(value, (bytes, bytearray, memoryview)):
                bytes_args[name] = bytes(value)
            elif _is_dataframe_like(value):
                raise _no_arrow(name)
            else:
                json_args[name] = value
        try:
            # Through JSON text, as Streamlit sends them: tuples become lists and so on.
            serialized = json.dumps(json_args)
        except (TypeError, ValueError) as exc:
            raise MarshallComponentException(
                "Could not convert component args to JSON", exc
            ) from exc

        props: ComponentInstanceFields = {"name": self._name, "args": json.loads(serialized)}
        if self._url is not None:
            props["url"] = self._url
        if bytes_args:
            props["bytes_args"] = bytes_args
        if tab_index is not None:
            props["tab_index"] = tab_index

        from sidepane.elements.delta_generator import main_dg

        identity = {
            "name": self._name,
            "url": self._url,
            "json_args": serialized,
            "special_args": tuple(sorted(bytes_args.items())),
        }
        value = main_dg._widget(
            "component_instance",
            label="",
            key=key,
            identity=identity,
            # As Streamlit: with a key, new arguments keep the component (and its value).
            key_identity=frozenset({"name", "url"}),
            props=as_props(props),
            default=None,
            deserialize=lambda wire: wire,
            serialize=lambda value: value,
            on_change=callback,
            args=None,
            kwargs=None,
            disabled=False,
            label_visibility="visible",
            help=None,
        )
        return default if value is None else value


def new_component(
    name: str, path: str | None, url: str | None, module_name: str | None
) -> CustomComponent:
    """A component, registered for the server to serve its folder."""
    component = CustomComponent(name=name, path=path, url=url, module_name=module_name)
    register_component(component.name, component.abspath if url is None else None)
    return component
