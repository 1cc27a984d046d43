"""A declared custom component (`declare_component`): calling it draws the component's frame
and returns its value, a widget's (docs/protocol.md, "Custom components")."""

from __future__ import annotations

import json
from typing import Any

import xxhash

from sidepane.components import arrow_tables
from sidepane.components.frames import check_tab_index
from sidepane.components.registry import register_component
from sidepane.elements.arguments import resolve_callback
from sidepane.elements.write import is_dataframe_like
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.schema.elements.components import ArrowTable, ComponentInstanceFields
from sidepane.protocol.schema.registry import as_props


class MarshallComponentException(SidepaneAPIException):
    """A component's arguments could not be sent (not JSON, or a table without PyArrow)."""


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
            The component's arguments (`args` in its frontend): JSON-serialisable values,
            bytes, or tables (a pandas DataFrame or Styler, a NumPy array, a PyArrow or Polars
            table… anything `st.dataframe` takes), which the frontend receives as Arrow tables
            (streamlit-component-lib's `ArrowTable`) and which need `pyarrow`.

        Returns
        -------
        any
            The component's value: the last one it sent, else `default`. A table the component
            sends (`Streamlit.setComponentValue(arrowTable)`) is a pandas DataFrame.
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
        dataframe_args: dict[str, ArrowTable] = {}
        for name, value in {**kwargs, "default": default, "key": key}.items():
            if isinstance(value, (bytes, bytearray, memoryview)):
                bytes_args[name] = bytes(value)
            elif is_dataframe_like(value):
                dataframe_args[name] = _arrow_arg(name, value)
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
        if dataframe_args:
            props["dataframe_args"] = dataframe_args
        if tab_index is not None:
            props["tab_index"] = tab_index

        from sidepane.elements.delta_generator import main_dg

        identity = {
            "name": self._name,
            "url": self._url,
            "json_args": serialized,
            "special_args": tuple(sorted(bytes_args.items())),
            # A digest, not the tables' bytes: the id is made of the identity's text.
            "dataframe_args": tuple(
                (name, _digest(table)) for name, table in sorted(dataframe_args.items())
            ),
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
            deserialize=_from_wire,
            serialize=_to_wire,
            on_change=callback,
            args=None,
            kwargs=None,
            disabled=False,
            label_visibility="visible",
            help=None,
        )
        return default if value is None else value


def _arrow_arg(name: str, value: Any) -> ArrowTable:
    try:
        return arrow_tables.to_arrow_table(value)
    except ModuleNotFoundError as exc:
        if exc.name != "pyarrow":
            raise
        raise _no_arrow(name) from exc


def _digest(table: ArrowTable) -> str:
    h = xxhash.xxh3_128()
    for stream in (table["data"], table["index"], table["columns"]):
        h.update(stream)
    styler = table.get("styler")
    if styler is not None:
        h.update(repr(sorted(styler.items())).encode())
    return h.hexdigest()


def _from_wire(wire: Any) -> Any:
    """The component's value as the script gets it: a table it sent is a DataFrame."""
    return arrow_tables.to_dataframe_value(wire) if arrow_tables.is_arrow_table(wire) else wire


def _to_wire(value: Any) -> Any:
    # A DataFrame value (the component sent a table, or the script set one) goes back as the
    # streams it came in.
    if is_dataframe_like(value):
        table = arrow_tables.to_arrow_table(value)
        return {key: table[key] for key in ("data", "index", "columns")}
    return value


def new_component(
    name: str, path: str | None, url: str | None, module_name: str | None
) -> CustomComponent:
    """A component, registered for the server to serve its folder."""
    component = CustomComponent(name=name, path=path, url=url, module_name=module_name)
    register_component(component.name, component.abspath if url is None else None)
    return component
