"""The built-in charts (`st.line_chart`, `area_chart`, `bar_chart`, `scatter_chart`) as Altair
charts, encoded exactly as Streamlit encodes them (the data side is in `chart_data.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from sidepane.elements.arguments import value_error
from sidepane.elements.chart_colors import (
    color_error,
    css_color,
    is_builtin_color,
    is_color,
    length_error,
)
from sidepane.elements.chart_data import (
    INDEX_COL,
    MELTED_COLOR,
    MELTED_Y,
    SUFFIX,
    prepare_chart_data,
)

if TYPE_CHECKING:
    import pandas as pd

# A field no table has: an empty chart still needs x and y encodings to take up space.
_MISSING_COL = "DOES_NOT_EXIST" + SUFFIX
_COLOR_LEGEND = {"titlePadding": 5, "offset": 5, "orient": "bottom"}
_SIZE_LEGEND = {"titlePadding": 0.5, "offset": 5, "orient": "bottom"}
STACK_VALUES = (None, True, False, "normalize", "center", "layered")


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
    from pandas.api.types import is_integer_dtype

    if stack not in STACK_VALUES:
        raise value_error(
            "stack", ["True", "False", "'normalize'", "'center'", "'layered'", "None"]
        )
    prepared = prepare_chart_data(data, x=x, y=y, color=color, size=size, sort=sort)
    df, original, y_list = prepared.df, prepared.original, prepared.y_list
    x_col, y_col = prepared.x, prepared.y
    color_col, color_value = prepared.color_column, prepared.color_value
    size_col, size_value = prepared.size_column, prepared.size_value
    sort_col = prepared.sort_column

    horizontal_bar = mark == "bar" and horizontal

    def axis(column: str | None, grid: bool) -> Any:
        if column is not None and is_integer_dtype(df[column]):
            return alt.Axis(tickMinStep=1, grid=grid)
        return alt.Axis(grid=grid)

    def x_enc(column: str | None, user: Any, label: str | None, discrete: bool) -> Any:
        kind: Any
        if column is None:
            field, title = _MISSING_COL, ""
        elif column == INDEX_COL:
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
        elif column == MELTED_Y:
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
    # Offsets group bars side by side; Streamlit sets (empty) offsets on every mark.
    if stack is False and color_col is not None:
        if horizontal_bar:
            chart = chart.encode(xOffset=alt.XOffset(), yOffset=alt.YOffset(field=color_col))
        elif mark == "bar":
            chart = chart.encode(xOffset=alt.XOffset(field=color_col), yOffset=alt.YOffset())
        else:
            chart = chart.encode(xOffset=alt.XOffset(), yOffset=alt.YOffset())
    if color_col and (mark == "area" or stack == "layered"):
        chart = chart.encode(opacity=alt.OpacityValue(0.7))

    color_enc: Any = None
    if color_value not in (None, [], ()):
        if is_color(color_value) or is_builtin_color(color_value):
            if len(y_list) != 1:
                raise length_error([color_value], y_list)
            value = (
                color_value
                if isinstance(color_value, str) and not is_color(color_value)
                else css_color(color_value)
            )
            color_enc = alt.ColorValue(value)
        elif isinstance(color_value, (list, tuple)):
            if len(color_value) != len(y_list):
                raise length_error(color_value, y_list)
            resolved = [c if is_builtin_color(c) else css_color(c) for c in color_value]
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
            raise color_error(color)
    elif color_col is not None:
        color_kind: Any = "nominal" if color_col == MELTED_COLOR else _vl_type(df[color_col])
        color_enc = alt.Color(field=color_col, legend=_COLOR_LEGEND, type=color_kind)
        if color_col == MELTED_COLOR:
            color_enc["title"] = " "
        else:
            if color_col in original:
                color_enc["title"] = original[color_col]
            if len(df[color_col]) and is_color(df[color_col].iat[0]):
                color_enc["scale"] = alt.Scale(range=[css_color(c) for c in df[color_col].unique()])
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
            if x_col == INDEX_COL
            else alt.Tooltip(x_col, title=original[x_col])
            if x_col in original
            else alt.Tooltip(x_col)
        ]
        if y_col == MELTED_Y:
            tips.append(alt.Tooltip(y_col, title="value", type="quantitative"))
        else:
            tips.append(
                alt.Tooltip(y_col, title=original.get(y_col, y_col))
                if y_col in original
                else alt.Tooltip(y_col)
            )
        if color_col and getattr(color_enc, "legend", True) is not None:
            if color_col == MELTED_COLOR:
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
