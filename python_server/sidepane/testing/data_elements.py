"""AppTest wrappers for data, chart, media and help elements.

Tables are rebuilt from the `payload` frames the AppTest received, exactly as a viewer would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from typing_extensions import TypeVar

from sidepane.protocol.columns import decode_columns
from sidepane.protocol.schema.elements.data import (
    DataEditorProps,
    DataframeProps,
    ImageItem,
    ImageProps,
    MetricProps,
    PlayerProps,
    TableLayout,
    VegaLiteProps,
)
from sidepane.protocol.schema.elements.text import HelpMember, HelpProps
from sidepane.testing.element_tree import Element, register

if TYPE_CHECKING:
    import pandas as pd


_Table = TypeVar(
    "_Table", bound=DataframeProps | DataEditorProps, covariant=True, default=DataframeProps
)


class _Frame(Element[_Table]):
    @property
    def value(self) -> pd.DataFrame:
        """The table as a pandas DataFrame, equal to the one the script gave."""
        return decode_columns(self._props, self.root.payloads)


@register
class Dataframe(_Frame[_Table]):
    """`st.dataframe`: `.value` is the table as a pandas DataFrame."""

    node_type = "dataframe"
    accessor = "dataframe"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return not cast(DataframeProps, props).get("table", False)

    @property
    def editing_mode(self) -> str:
        return "read_only"

    def click_button(
        self, column: str | int, row: int, label: str | None = None
    ) -> Dataframe[_Table]:
        """Click the button in `column` (a name, or a position counting index columns first)
        at `row` (a position in the data as given to `st.dataframe`) on the next `run()`.

        `label` is the clicked button's text; by default the cell's (first) label. Streamlit's
        AppTest has no way to click a `ButtonColumn`; this is Sidepane's.
        """
        key = f"_pos:{column}" if isinstance(column, int) else str(column)
        table: TableLayout = self._props  # what a dataframe and a data editor share
        widget_id = table.get("buttons", {}).get(key)
        if widget_id is None:
            raise ValueError(
                f"Column {column!r} has no clickable buttons: give its "
                "`st.column_config.ButtonColumn` a `key`."
            )
        if label is None:
            label = self._cell_label(key, row)
        self.root._set_widget_wire(widget_id, {"row": row, "label": label})
        return self

    def _cell_label(self, key: str, row: int) -> str:
        import json

        df = self.value
        if key.startswith("_pos:"):
            position = int(key[5:])
            levels = df.index.nlevels
            if position < levels:
                value = df.index.get_level_values(position)[row]
            else:
                value = df.iloc[row, position - levels]
        else:
            value = df[key].iloc[row]
        text = "" if value is None else str(value)
        if text.startswith("["):
            try:
                items = json.loads(text)
            except ValueError:
                items = None
            if isinstance(items, list):
                return str(items[0]) if items else ""
        return text


@register
class DataEditor(Dataframe[DataEditorProps]):
    """`st.data_editor` (also listed by `at.dataframe`, as in Streamlit's AppTest).

    `.value` is the input table without edits and `.editing_mode` the `num_rows` given, as in
    Streamlit. Streamlit's AppTest cannot edit; Sidepane adds `edit(row, column, value)`,
    `add_row({column: value})` and `delete_rows([row, ...])`, each applied on the next `run()`
    (the viewer's edit state is sent whole, as a viewer does). `.edit_state` is the state sent.
    """

    node_type = "data_editor"
    accessor = "data_editor"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return True

    @property
    def id(self) -> str:
        return self._props["id"]

    @property
    def key(self) -> str | None:
        return self._props.get("key")

    @property
    def editing_mode(self) -> str:
        return self._props["editing_mode"]

    @property
    def edit_state(self) -> dict[str, Any]:
        """The pending edit state (or the last one the app got): Streamlit's dict form."""
        import json

        pending = self.root._pending_wire.get(self.id)
        wire = pending if pending is not None else self._props["value"]
        state = json.loads(wire) if isinstance(wire, str) and wire else {}
        return {
            "edited_rows": dict(state.get("edited_rows", {})),
            "added_rows": list(state.get("added_rows", [])),
            "deleted_rows": list(state.get("deleted_rows", [])),
        }

    def _send(self, state: dict[str, Any]) -> DataEditor:
        import json

        self.root._set_widget_wire(self.id, json.dumps(state, default=str))
        return self

    def edit(self, row: int, column: str, value: Any) -> DataEditor:
        """Set the cell at `row` (a position in the data given) of `column` (a name, or
        "_index") to `value` (a JSON-like value, as a viewer sends it)."""
        state = self.edit_state
        state["edited_rows"].setdefault(str(row), {})[column] = value
        return self._send(state)

    def add_row(self, values: dict[str, Any] | None = None) -> DataEditor:
        """Add a row with `values` ({column: value}); columns left out stay empty."""
        state = self.edit_state
        state["added_rows"].append(dict(values or {}))
        return self._send(state)

    def delete_rows(self, rows: list[int]) -> DataEditor:
        """Delete the rows at these positions in the data given."""
        state = self.edit_state
        state["deleted_rows"] = sorted(set(state["deleted_rows"]) | {int(r) for r in rows})
        return self._send(state)


@register
class Table(_Frame[DataframeProps]):
    """`st.table`: `.value` is the table as a pandas DataFrame (not in `at.dataframe`)."""

    node_type = "dataframe"
    accessor = "table"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return cast(DataframeProps, props).get("table", False)


@register
class Metric(Element[MetricProps]):
    """`st.metric`: `.value` is the displayed value text; `.label`, `.delta`, `.color`."""

    node_type = "metric"
    accessor = "metric"

    @property
    def value(self) -> str:
        return self._props["value"]

    @property
    def label(self) -> str:
        return self._props["label"]

    @property
    def delta(self) -> str:
        return self._props.get("delta", "")

    @property
    def color(self) -> str:
        return self._props["color"]

    @property
    def direction(self) -> str:
        return self._props["direction"]


class ArrowVegaLiteChart(Element[VegaLiteProps]):
    """Streamlit's AppTest name for charts: `at.get("arrow_vega_lite_chart")`."""

    node_type = "vega_lite"
    accessor = "arrow_vega_lite_chart"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return False  # VegaLiteChart (a subclass) wraps the nodes; this class only names them

    @property
    def spec(self) -> dict[str, Any]:
        """The Vega-Lite spec as sent (data referenced by dataset name, no inline rows)."""
        return self._props["spec"]

    @property
    def datasets(self) -> dict[str, pd.DataFrame]:
        """Each dataset the spec references, rebuilt from the payloads received."""
        return {
            name: decode_columns(props, self.root.payloads)
            for name, props in self._props["datasets"].items()
        }

    @property
    def value(self) -> Any:
        return self.spec


@register
class VegaLiteChart(ArrowVegaLiteChart):
    """A chart (`st.line_chart`, `st.altair_chart`, `st.vega_lite_chart`…): `.spec`, `.datasets`."""

    accessor = "vega_lite_chart"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return True


register(ArrowVegaLiteChart)


def _media_url(item: ImageItem | PlayerProps) -> str:
    if "url" in item:
        return item["url"]
    mimetype = item["mimetype"].split("/")[-1].split("+")[0]
    return f"/media/{item.get('hash', '')}.{mimetype}"


@register
class Image(Element[ImageProps]):
    """`st.image` / `st.pyplot`: `.value` lists the image URLs (`/media/<hash>.<ext>` for
    sent bytes), `.captions` the captions and `.data` the bytes received."""

    node_type = "image"
    accessor = "image"

    @property
    def _images(self) -> list[ImageItem]:
        return self._props["images"]

    @property
    def value(self) -> list[str]:
        return [_media_url(i) for i in self._images]

    @property
    def captions(self) -> list[str]:
        return [i.get("caption", "") for i in self._images]

    @property
    def mimetypes(self) -> list[str]:
        return [i["mimetype"] for i in self._images]

    @property
    def data(self) -> list[bytes | None]:
        return [self.root.payloads.get(i["hash"]) if "hash" in i else None for i in self._images]


class _Media(Element[PlayerProps]):
    @property
    def value(self) -> str:
        return _media_url(self._props)

    @property
    def mimetype(self) -> str:
        return self._props["mimetype"]

    @property
    def data(self) -> bytes | None:
        digest = self._props.get("hash")
        return None if digest is None else self.root.payloads.get(digest)


@register
class Audio(_Media):
    node_type = "audio"
    accessor = "audio"


@register
class Video(_Media):
    node_type = "video"
    accessor = "video"


class HelpInfo(Element[HelpProps]):
    """Streamlit's node type name for `st.help`: `at.get("help_info")`."""

    node_type = "help"
    accessor = "help_info"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return False

    @property
    def name(self) -> str:
        return self._props.get("name", "")

    @property
    def doc_string(self) -> str:
        return self._props.get("doc", "")

    @property
    def members(self) -> list[HelpMember]:
        return self._props["members"]

    @property
    def value(self) -> str:
        """The object's readable value, or its name when the stored text is a signature."""
        raw = self._props.get("value", "")
        kind = self._props["type"]
        callable_kinds = ("class", "function", "method", "builtin_function_or_method", "module")
        if self.name and (not raw or kind in callable_kinds):
            return self.name
        return raw


@register
class Help(HelpInfo):
    """`st.help`: `.name`, `.value`, `.doc_string`, `.members` (use `at.get("help")`)."""

    accessor = "help"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return True


register(HelpInfo)
