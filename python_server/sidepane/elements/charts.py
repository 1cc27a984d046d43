"""Charts: the built-in Altair charts, `st.altair_chart`, `st.vega_lite_chart` and `st.pyplot`.

Every chart is sent as a `vega_lite` element whose spec holds no rows: each dataset travels as
dataframe columns (docs/protocol.md), referenced from the spec by a content-hash name, so an
unchanged chart costs nothing on rerun and large data is binary, not JSON.
"""

from __future__ import annotations

import io
import json
import re
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import xxhash

from sidepane.elements.arguments import type_error, value_error
from sidepane.elements.data import check_height, resolve_width, send_payloads
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.columns import Payload, encode_dataframe, to_dataframe

if TYPE_CHECKING:
    import pandas as pd
    from typing_extensions import Self

_altair_lock = threading.Lock()

# Names Streamlit gives generated columns, so user column names never collide with them.
_SUFFIX = " -- streamlit-generated"
_INDEX_COL = "index" + _SUFFIX
_MELTED_Y = "value" + _SUFFIX
_MELTED_COLOR = "color" + _SUFFIX
_MISSING_COL = "DOES_NOT_EXIST" + _SUFFIX
_ALIAS_PREFIX = "col" + _SUFFIX + "-"
_COLOR_LEGEND = {"titlePadding": 5, "offset": 5, "orient": "bottom"}
_SIZE_LEGEND = {"titlePadding": 0.5, "offset": 5, "orient": "bottom"}
_BUILTIN_COLORS = frozenset(
    {"red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary"}
)


# ---- datasets out of the spec ----


class _Datasets:
    """Collects a chart's tables as dataframe columns, named by content."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, Any]] = {}
        self.payloads: list[Payload] = []

    def add(self, data: Any) -> str:
        props, payloads = encode_dataframe(data, include_index=False)
        h = xxhash.xxh3_128()
        h.update(str(props["rows"]).encode())
        for column in props["columns"]:
            h.update(column["name"].encode() + b"\0" + "".join(column["batches"]).encode())
        name = h.hexdigest()
        if name not in self.tables:
            self.tables[name] = props
            self.payloads.extend(payloads)
        return name


def _is_geo(data: Any) -> bool:
    if isinstance(data, dict):
        kind = data.get("type")
        if kind in ("FeatureCollection", "Feature", "GeometryCollection", "Topology"):
            return True
        return isinstance(data.get("arcs"), list) and isinstance(data.get("objects"), dict)
    if isinstance(data, list) and data:
        first = data[0]
        return isinstance(first, dict) and first.get("type") == "Feature"
    return False


def _is_table_values(values: Any) -> bool:
    return not _is_geo(values) and not isinstance(values, str)


def _extract_data(spec: dict[str, Any], data: Any, datasets: _Datasets) -> None:
    """Move inline tables (`datasets`, `data.values`, `data`) out of the spec, in place."""
    inline = spec.get("datasets")
    if isinstance(inline, dict):
        keep = {}
        for name, values in inline.items():
            if _is_geo(values):
                keep[str(name)] = values
                continue
            # A named dataset keeps its name in the spec: rename the reference.
            new_name = datasets.add(values)
            _rename_data_refs(spec, str(name), new_name)
        if keep:
            spec["datasets"] = keep
        else:
            spec.pop("datasets", None)
    spec_data = spec.get("data")
    if isinstance(spec_data, dict) and "values" in spec_data:
        if _is_table_values(spec_data["values"]):
            rest = {k: v for k, v in spec_data.items() if k != "values"}
            rest["name"] = datasets.add(spec_data["values"])
            spec["data"] = rest
    elif spec_data is not None and not isinstance(spec_data, dict) and not _is_geo(spec_data):
        spec["data"] = {"name": datasets.add(spec_data)}
    if data is not None:
        spec["data"] = {"name": datasets.add(data)}


def _rename_data_refs(node: Any, old: str, new: str) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "data" and isinstance(value, dict) and value.get("name") == old:
                value["name"] = new
            elif key == "from" and isinstance(value, dict):
                _rename_data_refs(value, old, new)
            else:
                _rename_data_refs(value, old, new)
    elif isinstance(node, list):
        for item in node:
            _rename_data_refs(item, old, new)


def _stable_names(text: str, prefix: str) -> str:
    """Altair names unnamed params/views with a global counter or hash: renumber them from 1
    in order of appearance so the spec (and so the frame) is the same on every rerun."""
    pattern = re.compile(rf'"{prefix}[0-9a-f]+(?:_[0-9]+)?"')
    found = list(dict.fromkeys(pattern.findall(text)))
    if not found:
        return text
    mapping = {old: f'"{prefix}{i}"' for i, old in enumerate(found, start=1)}
    return pattern.sub(lambda m: mapping[m.group(0)], text)


def _stabilize(spec: dict[str, Any]) -> dict[str, Any]:
    text = json.dumps(spec, sort_keys=False, default=str)
    if '"params"' in text:
        text = _stable_names(text, "param_")
    if re.search(r'"(vconcat|hconcat|facet|layer|concat|repeat)"', text):
        text = _stable_names(text, "view_")
    result: dict[str, Any] = json.loads(text)
    return result


def _altair_to_spec(chart: Any, datasets: _Datasets) -> dict[str, Any]:
    """Altair's `to_dict()`, with every DataFrame replaced by a named dataset reference."""
    import altair as alt

    def transformer(data: Any) -> dict[str, str]:
        if _is_geo(data):
            name = xxhash.xxh3_128_hexdigest(json.dumps(data, sort_keys=True).encode())
            geo[name] = data
            return {"name": name}
        return {"name": datasets.add(data)}

    geo: dict[str, Any] = {}
    alt.data_transformers.register("sidepane", transformer)
    theme = alt.theme if hasattr(alt, "theme") else alt.themes
    with _altair_lock:
        # Altair's default theme sets a fixed size, which fights the container's width.
        previous = theme.active
        if previous == "default":
            theme.enable("none")
        try:
            with alt.data_transformers.enable("sidepane"):
                spec: dict[str, Any] = chart.to_dict()
        finally:
            if previous == "default":
                theme.enable(previous)
    if geo:
        spec.setdefault("datasets", {}).update(geo)
    return spec


def _prepare_spec(spec: dict[str, Any], stretch: bool) -> dict[str, Any]:
    spec = dict(spec)
    if not spec:
        raise SidepaneAPIException(
            "The `spec` parameter is required. Vega-Lite charts require a non-empty spec dict."
        )
    if "autosize" not in spec:
        encoding = spec.get("encoding")
        facet = "facet" in spec or (
            isinstance(encoding, dict) and any(k in encoding for k in ("row", "column", "facet"))
        )
        nested = "vconcat" in spec and any(
            isinstance(item, dict)
            and any(k in item for k in ("hconcat", "vconcat", "concat", "layer", "facet", "repeat"))
            for item in spec["vconcat"]
        )
        if "vconcat" in spec and stretch:
            kind = "pad" if nested else "fit-x"
        elif facet or (nested and not stretch):
            kind = "pad"
        else:
            kind = "fit"
        spec["autosize"] = {"type": kind, "contains": "padding"}
    color = (
        spec.get("encoding", {}).get("color") if isinstance(spec.get("encoding"), dict) else None
    )
    if isinstance(color, dict):
        if "title" in color and color["title"] is None:
            color["title"] = " "
        legend = color.get("legend")
        if isinstance(legend, dict) and "title" in legend and legend["title"] is None:
            legend["title"] = " "
    return spec


# ---- built-in charts (Streamlit's rules for picking x, y, colour and melting) ----


def _not_found(df: pd.DataFrame, name: str) -> SidepaneAPIException:
    available = ", ".join(str(c) for c in df.columns)
    return SidepaneAPIException(
        f'Data does not have a column named `"{name}"`. Available columns are `{available}`'
    )


def _is_hex(color: object) -> bool:
    return (
        isinstance(color, str)
        and color.startswith("#")
        and color[1:].isalnum()
        and len(color) in (4, 5, 7, 9)
    )


def _is_tuple_color(color: object) -> bool:
    return (
        isinstance(color, (tuple, list))
        and len(color) in (3, 4)
        and all(isinstance(c, (int, float)) for c in color)
    )


def _is_color(color: object) -> bool:
    return (
        _is_hex(color)
        or (isinstance(color, str) and color.startswith(("rgb(", "rgba(")))
        or _is_tuple_color(color)
    )


def _css_color(color: Any) -> str:
    if isinstance(color, str) and (_is_hex(color) or color.startswith(("rgb(", "rgba("))):
        return color
    if _is_tuple_color(color):

        def rgb(c: float) -> int:
            return max(0, min(255, int(c * 255) if isinstance(c, float) else int(c)))

        def alpha(c: float) -> float:
            return max(0.0, min(1.0, c / 255 if isinstance(c, int) else float(c)))

        if len(color) == 3:
            return f"rgb({rgb(color[0])}, {rgb(color[1])}, {rgb(color[2])})"
        return f"rgba({rgb(color[0])}, {rgb(color[1])}, {rgb(color[2])}, {alpha(color[3])})"
    raise SidepaneAPIException(f"This does not look like a valid color: {color!r}")


def _vl_type(series: pd.Series) -> str:
    from pandas.api.types import infer_dtype

    kind = infer_dtype(series)
    if kind in ("floating", "mixed-integer-float", "integer", "mixed-integer", "complex"):
        return "quantitative"
    if kind == "categorical" and series.cat.ordered:
        return "ordinal"
    if kind in ("datetime", "datetime64", "timedelta", "timedelta64", "date", "time", "period"):
        return "temporal"
    return "nominal"


def _is_date_column(df: pd.DataFrame, name: str | None) -> bool:
    from datetime import date

    return name is not None and len(df[name]) > 0 and isinstance(df[name].iat[0], date)


def _color_error(color: Any) -> SidepaneAPIException:
    return SidepaneAPIException(
        f"""
This does not look like a valid color argument: `{color}`.

The color argument can be:

* A hex string like "#ffaa00" or "#ffaa0088".
* An RGB or RGBA tuple with the red, green, blue, and alpha
  components specified as ints from 0 to 255 or floats from 0.0 to
  1.0.
* The name of a column.
* Or a list of colors, matching the number of y columns to draw.
            """
    )


def _length_error(colors: Any, y_columns: list[str]) -> SidepaneAPIException:
    return SidepaneAPIException(
        f"The list of colors `{colors}` must have the same length as the list of columns to "
        f"be colored `{y_columns}`."
    )


def build_chart(
    mark: Literal["line", "area", "bar", "circle"],
    data: Any,
    *,
    x: str | None,
    y: str | Sequence[str] | None,
    x_label: str | None,
    y_label: str | None,
    color: Any,
    size: Any = None,
    width: int | str = "stretch",
    height: int | str = "content",
    horizontal: bool = False,
    stack: bool | str | None = None,
    sort: bool | str = True,
) -> Any:
    """An Altair chart built exactly as Streamlit builds its built-in charts."""
    import altair as alt
    import pandas as pd
    from pandas.api.types import infer_dtype, is_integer_dtype

    df = to_dataframe(data).copy()
    if x is not None and not isinstance(x, str):
        raise type_error(
            "x",
            type(x).__name__,
            ["str", "None"],
            "Pass a column name or None to use the dataframe's index.",
        )
    if x is not None and x not in df.columns:
        raise _not_found(df, x)
    if y is None:
        y_list = list(df.columns)
    elif isinstance(y, str):
        y_list = [y]
    else:
        y_list = [str(c) for c in y]
    for col in y_list:
        if col not in df.columns:
            raise _not_found(df, col)
    if x in y_list and (not y or x not in y):
        y_list.remove(x)
    color_col = color if isinstance(color, str) and color in df.columns else None
    color_value = None if color_col is not None else color
    size_col = size if isinstance(size, str) and size in df.columns else None
    size_value = None if size_col is not None else size
    sort_col: str | None = None
    if sort is not True and sort is not False:
        sort_col = str(sort).removeprefix("-")
        if sort_col not in df.columns:
            raise _not_found(df, sort_col)

    # The index becomes x when no x is given.
    x_col: str | None = x
    if x_col is None and y_list:
        x_col = _INDEX_COL if df.index.name is None else str(df.index.name)
        df.index.name = x_col
        df = df.reset_index()
    keep: list[Any] = []
    for c in (x_col, color_col, size_col, sort_col, *y_list):
        if c is not None and c not in keep:
            keep.append(c)
    df = df[keep]
    if color_col is not None and len(df[color_col]) and _is_tuple_color(df[color_col].iat[0]):
        df[color_col] = df[color_col].apply(_css_color)

    # Vega-Lite field names must be strings without `.`, `[`, `]` or `\`.
    names = [str(c) for c in df.columns]
    alias: dict[str, str] = {}
    renamed: list[str] = []
    for i, name in enumerate(names):
        if any(ch in name for ch in ".[]\\"):
            new = f"{_ALIAS_PREFIX}{i}"
            alias.setdefault(name, new)
            renamed.append(new)
        else:
            renamed.append(name)
    original = {v: k for k, v in alias.items()}
    df.columns = pd.Index(renamed)

    def remap(c: str | None) -> str | None:
        return None if c is None else alias.get(str(c), str(c))

    x_col, color_col, size_col, sort_col = (
        remap(x_col),
        remap(color_col),
        remap(size_col),
        remap(sort_col),
    )
    y_list = [alias.get(c, c) for c in y_list]

    # Several y columns are melted into long form: one value column, one colour column.
    y_col: str | None = y_list[0] if len(y_list) == 1 else None
    if len(y_list) > 1 and x_col is not None:
        leave = [x_col] + [c for c in (size_col, sort_col) if c and c != x_col]
        df = pd.melt(
            df, id_vars=leave, value_vars=y_list, var_name=_MELTED_COLOR, value_name=_MELTED_Y
        )
        y_col, color_col = _MELTED_Y, _MELTED_COLOR
        melted = df[_MELTED_Y]
        if melted.dtype == "object" and "mixed" in infer_dtype(melted):
            if len(melted.unique()) > 100:
                raise SidepaneAPIException(
                    "The columns used for rendering the chart contain too many values with "
                    "mixed types. Please select the columns manually via the y parameter."
                )
            # Streamlit's Arrow conversion turns mixed columns into text; match its types.
            df[_MELTED_Y] = melted.astype(str)
        if original:
            df[_MELTED_COLOR] = df[_MELTED_COLOR].map(lambda v: original.get(v, v))
        y_list = [original.get(c, c) for c in y_list]

    horizontal_bar = mark == "bar" and horizontal

    def axis(column: str | None, grid: bool) -> Any:
        if column is not None and is_integer_dtype(df[column]):
            return alt.Axis(tickMinStep=1, grid=grid)
        return alt.Axis(grid=grid)

    def x_enc(column: str | None, user: Any, label: str | None, discrete: bool) -> Any:
        kind: Any
        if column is None:
            field, title = _MISSING_COL, ""
        elif column == _INDEX_COL:
            field, title = column, ""
        else:
            field, title = column, ("" if user is None else original.get(column, column))
        if label is not None:
            title = label
        if column is None:
            kind = "quantitative"
        elif discrete and not _is_date_column(df, column):
            kind = "ordinal"
        else:
            kind = _vl_type(df[column])
        return alt.X(
            field, title=title, type=kind, scale=alt.Scale(), axis=axis(column, horizontal_bar)
        )

    def y_enc(column: str | None, user: Any, label: str | None, discrete: bool) -> Any:
        kind: Any
        if column is None:
            field, title = _MISSING_COL, ""
        elif column == _MELTED_Y:
            field, title = column, ""
        else:
            field, title = column, ("" if user is None else original.get(column, column))
        if label is not None:
            title = label
        if discrete and not _is_date_column(df, column):
            kind = "ordinal"
        elif column:
            kind = _vl_type(df[column])
        else:
            kind = "quantitative"
        return alt.Y(
            field=field,
            title=title,
            type=kind,
            scale=alt.Scale(),
            axis=axis(column, not horizontal_bar),
        )

    if horizontal_bar:
        x_encoding = x_enc(y_col, y, y_label, False)
        y_encoding = y_enc(x_col, x, x_label, True)
        stack_enc, sort_enc = x_encoding, y_encoding
    else:
        x_encoding = x_enc(x_col, x, x_label, mark == "bar")
        y_encoding = y_enc(y_col, y, y_label, False)
        stack_enc, sort_enc = y_encoding, x_encoding
    if stack is not None:
        stack_enc["stack"] = False if stack == "layered" else stack
    if mark == "bar":
        if sort is False:
            sort_enc["sort"] = None
        elif sort is not True:
            order: Any = "descending" if str(sort).startswith("-") else "ascending"
            sort_enc["sort"] = alt.SortField(field=sort_col or alt.Undefined, order=order)

    chart_width = width if isinstance(width, int) else 0
    chart_height = height if isinstance(height, int) else 0
    chart = alt.Chart(data=df, mark=mark, width=chart_width, height=chart_height).encode(
        x=x_encoding, y=y_encoding
    )
    if stack is False and color_col is not None and mark == "bar":
        if horizontal_bar:
            chart = chart.encode(xOffset=alt.XOffset(), yOffset=alt.YOffset(field=color_col))
        else:
            chart = chart.encode(xOffset=alt.XOffset(field=color_col), yOffset=alt.YOffset())
    if color_col and (mark == "area" or stack == "layered"):
        chart = chart.encode(opacity=alt.OpacityValue(0.7))

    color_enc: Any = None
    if color_value not in (None, [], ()):
        if _is_color(color_value) or (
            isinstance(color_value, str) and color_value.lower() in _BUILTIN_COLORS
        ):
            if len(y_list) != 1:
                raise _length_error([color_value], y_list)
            value = (
                color_value
                if isinstance(color_value, str) and not _is_color(color_value)
                else _css_color(color_value)
            )
            color_enc = alt.ColorValue(value)
        elif isinstance(color_value, (list, tuple)):
            if len(color_value) != len(y_list):
                raise _length_error(color_value, y_list)
            resolved = [
                c if isinstance(c, str) and c.lower() in _BUILTIN_COLORS else _css_color(c)
                for c in color_value
            ]
            if len(resolved) == 1:
                color_enc = alt.ColorValue(resolved[0])
            else:
                color_enc = alt.Color(
                    field=color_col if color_col is not None else alt.Undefined,
                    scale=alt.Scale(domain=y_list, range=resolved),
                    legend=_COLOR_LEGEND,
                    type="nominal",
                    title=" ",
                )
        else:
            raise _color_error(color)
    elif color_col is not None:
        color_kind: Any = "nominal" if color_col == _MELTED_COLOR else _vl_type(df[color_col])
        color_enc = alt.Color(field=color_col, legend=_COLOR_LEGEND, type=color_kind)
        if color_col == _MELTED_COLOR:
            color_enc["title"] = " "
        else:
            if color_col in original:
                color_enc["title"] = original[color_col]
            if len(df[color_col]) and _is_color(df[color_col].iat[0]):
                color_enc["scale"] = alt.Scale(
                    range=[_css_color(c) for c in df[color_col].unique()]
                )
                color_enc["legend"] = None
    if color_enc is not None:
        chart = chart.encode(color=color_enc)

    if mark == "circle":
        if size_col is not None:
            chart = chart.encode(
                size=alt.Size(size_col, title=original.get(size_col, size_col), legend=_SIZE_LEGEND)
            )
        elif isinstance(size_value, (int, float)):
            chart = chart.encode(size=alt.SizeValue(size_value))
        elif size_value is None:
            chart = chart.encode(size=alt.SizeValue(100))
        else:
            raise value_error("size", ["a column name", "a number"], f"Got {size_value!r}.")

    if x_col is not None and y_col is not None:
        tips = [
            alt.Tooltip(x_col, title="index")
            if x_col == _INDEX_COL
            else alt.Tooltip(x_col, title=original[x_col])
            if x_col in original
            else alt.Tooltip(x_col)
        ]
        if y_col == _MELTED_Y:
            tips.append(alt.Tooltip(y_col, title="value", type="quantitative"))
        else:
            tips.append(
                alt.Tooltip(y_col, title=original.get(y_col, y_col))
                if y_col in original
                else alt.Tooltip(y_col)
            )
        if color_col and getattr(color_enc, "legend", True) is not None:
            if color_col == _MELTED_COLOR:
                tips.append(alt.Tooltip(color_col, title="color", type="nominal"))
            else:
                tips.append(
                    alt.Tooltip(color_col, title=original.get(color_col, color_col))
                    if color_col in original
                    else alt.Tooltip(color_col)
                )
        if size_col:
            tips.append(
                alt.Tooltip(size_col, title=original.get(size_col, size_col))
                if size_col in original
                else alt.Tooltip(size_col)
            )
        chart = chart.encode(tooltip=tips)

    if mark == "line" and x_col is not None:
        hover = "mousemove{16}" if len(df) > 1000 else "mousemove"
        nearest = alt.selection_point(
            nearest=True, on=hover, fields=[x_col], empty=False, clear="mouseleave"
        )
        detection = chart.mark_point(opacity=0).add_params(nearest)
        highlight = chart.mark_point(filled=True, size=65).transform_filter(nearest)
        layered = (
            alt.layer(chart, detection, highlight)
            .configure_legend(symbolType="stroke")
            .properties(width=chart_width, height=chart_height)
        )
        return layered.interactive()
    return chart.interactive()


class ChartMixin(DeltaGeneratorCore):
    def _vega_lite(
        self,
        spec: dict[str, Any],
        datasets: _Datasets,
        data: Any,
        *,
        width: int | str | None,
        height: int | str,
        use_container_width: bool | None,
        theme: str | None,
        on_select: Any,
    ) -> Self:
        if theme not in ("streamlit", None):
            raise value_error("theme", ["'streamlit'", "None"])
        if on_select != "ignore":
            raise SidepaneAPIException(
                "Chart selections (`on_select`) are not supported by Sidepane yet. "
                "Use `on_select='ignore'` (the default)."
            )
        if isinstance(data, dict) and not spec:
            spec, data = dict(data), None
        if width is None and use_container_width is None:
            encoding = spec.get("encoding")
            multi = (
                "facet" in spec
                or "hconcat" in spec
                or "repeat" in spec
                or (
                    isinstance(encoding, dict)
                    and any(k in encoding for k in ("row", "column", "facet"))
                )
            )
            width = "content" if multi else "stretch"
        resolved = resolve_width(width, use_container_width)
        check_height(height, ("content", "stretch"))
        stretch = use_container_width if use_container_width is not None else resolved == "stretch"
        spec = _prepare_spec(spec, stretch)
        _extract_data(spec, data, datasets)
        spec = _stabilize(spec)
        props: dict[str, Any] = {
            "spec": spec,
            "datasets": datasets.tables,
            "use_container_width": stretch,
        }
        if isinstance(resolved, int):
            props["width"] = resolved
        elif resolved == "content":
            props["width"] = "content"
        if height != "content":
            props["height"] = height
        if theme is None:
            props["theme"] = False
        handle = self._enqueue("vega_lite", props)
        send_payloads(datasets.payloads, "column")
        return handle

    def _builtin(
        self,
        mark: Literal["line", "area", "bar", "circle"],
        data: Any,
        width: int | str,
        height: int | str,
        use_container_width: bool | None,
        **options: Any,
    ) -> Self:
        if "stack" in options and options["stack"] not in (
            None,
            True,
            False,
            "normalize",
            "center",
            "layered",
        ):
            raise value_error(
                "stack", ["True", "False", "'normalize'", "'center'", "'layered'", "None"]
            )
        chart = build_chart(mark, data, width=width, height=height, **options)
        datasets = _Datasets()
        spec = _altair_to_spec(chart, datasets)
        return self._vega_lite(
            spec,
            datasets,
            None,
            width=width,
            height=height,
            use_container_width=use_container_width,
            theme="streamlit",
            on_select="ignore",
        )

    def line_chart(
        self,
        data: Any = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: Any = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display a line chart: one line per y column (all columns by default), the index
        (or `x`) on the x axis. `color` is a colour, a list of colours or a column name."""
        return self._builtin(
            "line", data, width, height, use_container_width,
            x=x, y=y, x_label=x_label, y_label=y_label, color=color,
        )  # fmt: skip

    def area_chart(
        self,
        data: Any = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: Any = None,
        stack: bool | Literal["normalize", "center", "layered"] | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display an area chart: one area per y column, stacked by default (`stack` is
        True, False/"layered", "normalize" or "center")."""
        return self._builtin(
            "area", data, width, height, use_container_width,
            x=x, y=y, x_label=x_label, y_label=y_label, color=color, stack=stack,
        )  # fmt: skip

    def bar_chart(
        self,
        data: Any = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: Any = None,
        horizontal: bool = False,
        sort: bool | str = True,
        stack: bool | Literal["normalize", "center", "layered"] | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display a bar chart. `horizontal=True` draws bars sideways; `stack=False` groups
        bars side by side; `sort` is True, False or a column name ("-col" for descending)."""
        return self._builtin(
            "bar", data, width, height, use_container_width,
            x=x, y=y, x_label=x_label, y_label=y_label, color=color,
            horizontal=horizontal, sort=sort, stack=stack,
        )  # fmt: skip

    def scatter_chart(
        self,
        data: Any = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: Any = None,
        size: str | float | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display a scatter chart of circles; `size` is a number or a column name."""
        return self._builtin(
            "circle", data, width, height, use_container_width,
            x=x, y=y, x_label=x_label, y_label=y_label, color=color, size=size,
        )  # fmt: skip

    def altair_chart(
        self,
        altair_chart: Any,
        *,
        width: int | str | None = None,
        height: int | str = "content",
        use_container_width: bool | None = None,
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Any = "ignore",
        selection_mode: str | Sequence[str] | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display a chart made with Altair. `theme=None` keeps Altair's own styling."""
        datasets = _Datasets()
        spec = _altair_to_spec(altair_chart, datasets)
        return self._vega_lite(
            spec,
            datasets,
            None,
            width=width,
            height=height,
            use_container_width=use_container_width,
            theme=theme,
            on_select=on_select,
        )

    def vega_lite_chart(
        self,
        data: Any = None,
        spec: dict[str, Any] | None = None,
        *,
        width: int | str | None = None,
        height: int | str = "content",
        use_container_width: bool | None = None,
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Any = "ignore",
        selection_mode: str | Sequence[str] | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display a chart from a Vega-Lite spec (a dict); `data` (any table) becomes its data.

        The spec may also carry its data in `data.values` or `datasets`.
        """
        return self._vega_lite(
            dict(spec or {}),
            _Datasets(),
            data,
            width=width,
            height=height,
            use_container_width=use_container_width,
            theme=theme,
            on_select=on_select,
        )

    def pyplot(
        self,
        fig: Any = None,
        clear_figure: bool = False,
        *,
        width: int | str = "stretch",
        use_container_width: bool | None = None,
        alt: str | None = None,
        **kwargs: Any,
    ) -> Self:
        """Display a Matplotlib figure as an image (saved with `dpi=200`, tight bounding box).

        Pass the figure (`fig, ax = plt.subplots()`); Matplotlib's global figure is not
        supported. `clear_figure=True` clears the figure after drawing it.
        """
        from sidepane.elements.media import image_entry

        if fig is None:
            raise SidepaneAPIException(
                "The `fig` parameter is required. Passing `None` is not supported because "
                "Matplotlib's global figure object\nis not thread-safe.\n\nPass a figure "
                "explicitly:\n\n```python\nfig, ax = plt.subplots()\nax.scatter([1, 2, 3], "
                "[1, 2, 3])\n# other plotting actions...\nst.pyplot(fig)\n```"
            )
        if use_container_width is not None:
            width = "stretch" if use_container_width else "content"
        width = resolve_width(width, None)
        buffer = io.BytesIO()
        fig.savefig(buffer, **{"bbox_inches": "tight", "dpi": 200, "format": "png", **kwargs})
        png = buffer.getvalue()
        entry, payloads = image_entry(png, None, width, False, "RGB", "PNG")
        props: dict[str, Any] = {"images": [entry]}
        if width != "content":
            props["width"] = width
        handle = self._enqueue("image", props)
        send_payloads(payloads, "media")
        if clear_figure:
            fig.clf()
        return handle
