"""`st.data_editor`: a `dataframe` element with `editing_mode`, registered as a widget whose value
is the edit state (`sidepane.column_config.edits`).

The element carries the data as given (cached column batches, exactly as `st.dataframe` sends
them); the viewer draws the edit state (`value`) over it. Python applies the edits to a copy
only for the rows edited, so opening a big frame costs what `st.dataframe` costs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

from sidepane.column_config.edits import (
    HIDDEN_INDEX_FORMATS,
    INDEX,
    Schema,
    StateReader,
    apply_edits,
    check_compatible,
    data_format,
    empty_state,
    from_dataframe,
    state_to_wire,
    to_input_dataframe,
)
from sidepane.column_config.wire import WireConfig, prepare_structured, wire_column_config
from sidepane.elements.widgets.buttons import check_not_written
from sidepane.errors import StreamlitAPIException
from sidepane.protocol.columns import encode_dataframe
from sidepane.protocol.schema.elements.data import ColumnSettings, DataEditorFields, EditingMode
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    import pandas as pd
    from typing_extensions import Unpack

    from sidepane.elements.data import DataMixin

NUM_ROWS = ("fixed", "dynamic", "add", "delete")


def _fix_headers(df: pd.DataFrame) -> None:
    """Flatten and stringify column names (edits name columns by text), as Streamlit does."""
    import pandas as pd

    if isinstance(df.columns, pd.MultiIndex):
        df.columns = pd.Index(["_".join(map(str, h)) for h in df.columns.to_flat_index()])
    elif any(not isinstance(c, str) for c in df.columns):
        df.columns = pd.Index([str(c) for c in df.columns], name=df.columns.name)


def _check_index(df: pd.DataFrame) -> None:
    import pandas as pd

    if type(df.index) not in (pd.RangeIndex, pd.Index, pd.DatetimeIndex, pd.CategoricalIndex):
        raise StreamlitAPIException(
            f"The type of the dataframe index - {type(df.index).__name__} - is not "
            "yet supported by the data editor."
        )


def _check_column_names(df: pd.DataFrame) -> None:
    if df.columns.empty:
        return
    duplicated = df.columns[df.columns.duplicated()]
    if len(duplicated) > 0:
        raise StreamlitAPIException(
            "All column names are required to be unique for usage with data editor. "
            f"The following column names are duplicated: {list(duplicated)}. "
            "Please rename the duplicated columns in the provided data."
        )
    if INDEX in df.columns:
        raise StreamlitAPIException(
            f"The column name '{INDEX}' is reserved for the index column "
            "and can't be used for data columns. Please rename the column in the "
            "provided data."
        )


def _set(config: WireConfig, key: str | int, **settings: Unpack[ColumnSettings]) -> None:
    name = f"_pos:{key}" if isinstance(key, int) else str(key)
    config.setdefault(name, {}).update(settings)


def draw_data_editor(
    dg: DataMixin,
    data: Any,
    *,
    width: int | str,
    height: int | str,
    use_container_width: bool | None,
    hide_index: bool | None,
    column_order: Iterable[str] | None,
    column_config: Mapping[Any, Any] | None,
    num_rows: str,
    disabled: bool | Iterable[str | int],
    key: str | int | None,
    on_change: Callable[..., Any] | str | None,
    args: tuple[Any, ...] | list[Any] | None,
    kwargs: Mapping[str, Any] | None,
    row_height: int | None,
    placeholder: str | None,
    alt: str | None,
) -> Any:
    from sidepane.elements.data import (
        _button_columns,
        check_height,
        resolve_width,
        send_payloads,
        table_layout,
    )
    from sidepane.elements.dg_core import to_key

    if not (on_change in (None, "rerun", "ignore") or callable(on_change)):
        raise StreamlitAPIException(
            f"You have passed {on_change!r} to `on_change`. But only 'rerun', 'ignore', "
            "None, or a callable are supported."
        )
    if num_rows not in NUM_ROWS:
        raise StreamlitAPIException(
            f"Invalid num_rows value: {num_rows!r}. "
            "Valid values are 'fixed', 'dynamic', 'add' and 'delete'."
        )
    user_key = to_key(key)
    check_not_written(user_key)
    width = resolve_width(width, use_container_width)
    height = check_height(height, ("auto", "content", "stretch"))
    fmt = data_format(data)
    if fmt == "unknown":
        raise StreamlitAPIException(
            f"The data type ({type(data).__name__}) or format is not supported by "
            "the data editor. Please convert your data into a Pandas Dataframe or "
            "another supported data format."
        )
    df = to_input_dataframe(data, fmt)
    _check_index(df)
    _check_column_names(df)
    config = wire_column_config(column_config)
    if fmt in HIDDEN_INDEX_FORMATS:
        _set(config, INDEX, hidden=True)
    _fix_headers(df)
    import pandas as pd

    has_range_index = isinstance(df.index, pd.RangeIndex)
    if not has_range_index:
        # People must type an index value for a new row.
        _set(config, INDEX, required=True)
    if hide_index is None and has_range_index and num_rows in ("dynamic", "add"):
        hide_index = True
    if hide_index is not None:
        _set(config, INDEX, hidden=hide_index)
    if not isinstance(disabled, bool):
        disabled = list(disabled)
        for column in disabled:
            _set(config, column, disabled=True)
    schema = Schema(df)
    check_compatible(df, config, schema)
    columns = [str(c) for c in df.columns]
    shown = prepare_structured(df, config, 1)
    table, payloads = encode_dataframe(shown)
    button_columns = _button_columns(column_config)
    buttons = (
        dg._register_button_columns(button_columns)
        if button_columns and disabled is not True
        else None
    )
    order = [str(c) for c in column_order] if column_order is not None else None
    layout = table_layout(
        table,
        buttons=buttons,
        width=width,
        height=height,
        hide_index=hide_index,
        column_order=order,
        config=config,
        row_height=row_height,
        placeholder=placeholder,
    )
    # Every TableLayout is a DataEditorFields but for the keys set here (the rest NotRequired).
    props = cast("DataEditorFields", layout)
    props["editing_mode"] = cast("EditingMode", num_rows)  # checked against NUM_ROWS above
    if alt is not None and alt.strip():
        props["alt"] = alt.strip()
    if on_change == "ignore":
        props["ignore_rerun"] = True
    reader = StateReader(
        len(df),
        columns,
        config,
        num_rows=num_rows,
        index_editable=not has_range_index and disabled is not True,
    )
    if disabled is True:
        reader.editable.clear()
    # With a key and fixed rows, the id ignores the values (edits survive a value change).
    signature = repr(
        (
            fmt,
            columns,
            [str(t) for t in df.dtypes.tolist()],
            type(df.index).__name__,
            len(df),
            disabled if isinstance(disabled, bool) else sorted(map(str, disabled)),
            sorted(k for k, v in config.items() if v.get("disabled") is True),
        )
    )
    identity: dict[str, Any] = {
        "data": signature
        if user_key is not None and num_rows == "fixed"
        else repr((props["index"], props["columns"])),
        "width": width,
        "height": height,
        "use_container_width": use_container_width,
        "column_order": order,
        "column_config_mapping": repr(config),
        "num_rows": num_rows,
        "row_height": row_height,
        "placeholder": placeholder,
        "alt": alt,
    }
    state = dg._widget(
        "data_editor",
        label="",
        key=user_key,
        identity=identity,
        key_identity=frozenset({"data", "num_rows"}) if num_rows == "fixed" else False,
        props=as_props(props),
        default=empty_state(),
        deserialize=reader,
        serialize=state_to_wire,
        on_change=on_change if callable(on_change) else None,
        args=args,
        kwargs=kwargs,
        disabled=disabled is True,
        label_visibility="visible",
        help=None,
    )
    send_payloads(payloads, "column")
    if state is None:
        state = empty_state()
    if state.get("edited_rows") or state.get("added_rows") or state.get("deleted_rows"):
        df = apply_edits(df, state, schema)
    return from_dataframe(df, fmt)
