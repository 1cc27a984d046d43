"""`st.grid`: a responsive grid whose direct children are its cells, and `grid.cell()`, a cell
that holds several elements or spans tracks (Streamlit 1.67's layout).

The viewer does the placing (docs/protocol.md, "grid"): the runtime only checks the arguments
as Streamlit does and sends the grid's settings, each left out at its default.
"""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral
from typing import TYPE_CHECKING, Literal, cast

from sidepane.elements.arguments import type_error, value_error
from sidepane.elements.container_types import ReturnedContainer, register_key, specialize
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.layout import Gap, _check_size, _gap
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.schema.elements.layout import GridCellProps, GridProps
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    from sidepane.elements.delta_generator import DeltaGenerator

MAX_COLUMNS = 24
# Streamlit stores these sizes in protobuf uint32 fields and refuses what does not fit.
_UINT32_MAX = 2**32 - 1
_ALIGNMENTS = ("top", "center", "bottom")


def _is_int(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _out_of_range(parameter: str, value: object, lo: int, hi: int) -> SidepaneAPIException:
    return SidepaneAPIException(
        f"The `{parameter}` parameter, set to {value}, is outside the required range [{lo}, {hi}]."
    )


def _positive_or(parameter: str, value: object, word: str) -> int | None:
    """`value` as pixels or a count, or None when it is the word (`"auto"`, `"content"`...)
    that means the default, with Streamlit's message for anything else."""
    if isinstance(value, str):
        if value == word:
            return None
        raise value_error(parameter, [f'"{word}"', "a positive integer"], f"Got {value!r}.")
    if not _is_int(value):
        raise type_error(parameter, type(value).__name__, ["int", f'"{word}"'])
    number = int(cast(Integral, value))
    if number < 1:
        raise value_error(parameter, [f'"{word}"', "a positive integer"], f"Got {value!r}.")
    if number > _UINT32_MAX:
        raise _out_of_range(parameter, number, 1, _UINT32_MAX)
    return number


def _columns(columns: object) -> int | None:
    if isinstance(columns, str):
        if columns == "auto":
            return None
        valid = ['"auto"', f"an integer from 1 to {MAX_COLUMNS}"]
        raise value_error("columns", valid, f"Got {columns!r}.")
    if not _is_int(columns):
        raise type_error("columns", type(columns).__name__, ["int", '"auto"'])
    count = int(cast(Integral, columns))
    if not 1 <= count <= MAX_COLUMNS:
        raise _out_of_range("columns", count, 1, MAX_COLUMNS)
    return count


def _gaps(gap: object) -> tuple[Gap | None, Gap | None]:
    """The (row, column) gaps of `gap`: one size for both, or a pair."""
    if isinstance(gap, (tuple, list)):
        if len(gap) != 2:
            raise value_error(
                "gap",
                ["a gap size", "a 2-tuple or 2-list of (row_gap, column_gap)"],
                f"Got a sequence with {len(gap)} elements.",
            )
        row, column = gap
        return (
            _gap(row, f"Got {row!r} for the row gap in `gap`."),
            _gap(column, f"Got {column!r} for the column gap in `gap`."),
        )
    size = _gap(gap)
    return size, size


def _check_bool(parameter: str, value: object) -> None:
    if not isinstance(value, bool):
        raise type_error(parameter, type(value).__name__, ["bool"])


class GridContainer(ReturnedContainer):
    """What `st.grid` returns: a container whose direct children are its cells, with `cell()`
    to group several elements in one cell or to span columns and rows."""

    # The grid's declared column count (None: "auto"), which a cell's span may not exceed.
    _declared_columns: int | None = None

    def cell(self, *, column_span: int | Literal["all"] = 1, row_span: int = 1) -> DeltaGenerator:
        """Create the grid's next cell, to hold several elements or to span tracks.

        Use it with `with grid.cell():` or its methods (`grid.cell().metric(...)`).

        Parameters
        ----------
        column_span : int or "all"
            How many columns the cell spans (default 1; fewer when the grid has wrapped to
            fewer columns; no more than an integer `columns` of the grid), or `"all"`: every
            column, on a row of its own.
        row_span : int
            How many rows the cell spans (default 1). With a pixel `row_height` the cell covers
            that many rows and the gaps between them.

        Returns
        -------
        DeltaGenerator
            A container for the cell's elements.
        """
        props: GridCellProps = {}
        if isinstance(column_span, str):
            if column_span != "all":
                valid = ['"all"', "a positive integer"]
                raise value_error("column_span", valid, f"Got {column_span!r}.")
            props["column_span"] = "all"
        else:
            span = _positive_or("column_span", column_span, "all")
            assert span is not None
            declared = self._declared_columns
            if declared is not None and span > declared:
                raise _out_of_range("column_span", span, 1, declared)
            if span > 1:
                props["column_span"] = span
        if not _is_int(row_span):
            raise type_error("row_span", type(row_span).__name__, ["int"])
        rows = int(cast(Integral, row_span))
        if rows < 1:
            raise value_error("row_span", ["a positive integer"], f"Got {row_span!r}.")
        if rows > _UINT32_MAX:
            raise _out_of_range("row_span", rows, 1, _UINT32_MAX)
        if rows > 1:
            props["row_span"] = rows
        cell: DeltaGenerator = self._block("grid_cell", as_props(props))
        return cell


class GridMixin(DeltaGeneratorCore):
    def grid(
        self,
        columns: Literal["auto"] | int = "auto",
        *,
        min_column_width: Literal["auto"] | int = "auto",
        wrap: bool = True,
        gap: Gap | Sequence[Gap | None] | None = "small",
        vertical_alignment: Literal["top", "center", "bottom"] = "top",
        border: bool = False,
        row_height: Literal["content"] | int = "content",
        width: Literal["stretch"] | int = "stretch",
        height: Literal["content", "stretch"] | int = "content",
        key: str | int | None = None,
        dense: bool = False,
    ) -> GridContainer:
        """Insert a responsive grid for cards, metric walls, galleries and dashboard panels.

        Each element written directly into the grid is one cell, placed in order, and the
        cells reflow with the available width. `grid.cell()` groups several elements in one
        cell or spans columns and rows. `st.empty()` in the grid reserves a cell (what is
        later written into it replaces it there); a heading in the grid also takes a cell, so
        keep section headings outside it. Use `st.columns` for a known side-by-side split.

        ```python
        grid = st.grid(4)
        for label, value in [("Revenue", "$1.2M"), ("Users", "3,400")]:
            grid.metric(label, value, border=True)
        ```

        Parameters
        ----------
        columns : "auto" or int
            `"auto"` (default): as many columns as fit at `min_column_width` each, at most 24.
            An integer from 1 to 24: at most that many columns; with `wrap=True` fewer when a
            column would be narrower than `min_column_width`, with `wrap=False` always that many.
        min_column_width : "auto" or int
            A column's smallest width in pixels (borders and padding included), or `"auto"`
            (default): the theme's, about 200 pixels.
        wrap : bool
            Whether the grid may use fewer columns as it gets narrower (default True). `False`
            keeps `columns` columns and scrolls sideways instead; it needs an integer `columns`.
        gap : str, int, None, or a pair of them
            The space between cells: "xxsmall", "xsmall", "small" (default, 1rem), "medium",
            "large", "xlarge", "xxlarge", pixels, or None; a pair `(row_gap, column_gap)` sets
            the two apart.
        vertical_alignment : "top", "center" or "bottom"
            Where content sits in its cell (the cell itself fills the row); default "top".
        border : bool
            Whether each cell has a border (default False).
        row_height : "content" or int
            `"content"` (default): each row as tall as its tallest cell. Pixels: every row that
            tall, taller content scrolls in its cell.
        width : "stretch" or int
            The grid's width: its parent's (default) or pixels (never wider than its parent).
        height : "content", "stretch" or int
            As tall as its content (default), filling its parent's height, or pixels (its
            content scrolls).
        key : str, int or None
            A stable identity; also the CSS class `st-key-<key>` of the grid.
        dense : bool
            Whether later cells may fill holes left by spanning cells (default False: cells
            keep their order on screen, which keyboard and screen-reader order follow).

        Returns
        -------
        GridContainer
            A container for `with` or its methods, with a `cell()` method.
        """
        if not isinstance(wrap, bool):
            raise value_error("wrap", ["True", "False"])
        _check_bool("border", border)
        _check_bool("dense", dense)
        count = _columns(columns)
        if count is None and not wrap:
            raise SidepaneAPIException(
                '`columns="auto"` and `wrap=False` cannot be used together. `wrap=False` '
                "requires an explicit column count. Pass an integer, such as "
                "`st.grid(3, wrap=False)`."
            )
        min_width = _positive_or("min_column_width", min_column_width, "auto")
        row_gap, column_gap = _gaps(gap)
        if vertical_alignment not in _ALIGNMENTS:
            valid = [f"'{a}'" for a in _ALIGNMENTS]
            raise value_error("vertical_alignment", valid, f"Got {vertical_alignment!r}.")
        pixel_row_height = _positive_or("row_height", row_height, "content")
        _check_size("width", width, False)
        _check_size("height", height, True)

        props: GridProps = {}
        if count is not None:
            props["columns"] = count
        if min_width is not None:
            props["min_column_width"] = min_width
        if not wrap:
            props["wrap"] = False
        if row_gap != "small":
            props["row_gap"] = row_gap
        if column_gap != "small":
            props["column_gap"] = column_gap
        if vertical_alignment != "top":
            props["vertical_alignment"] = vertical_alignment
        if border:
            props["border"] = True
        if pixel_row_height is not None:
            props["row_height"] = pixel_row_height
        if isinstance(width, int):
            props["width"] = width
        if isinstance(height, int) or height == "stretch":
            props["height"] = height
        if dense:
            props["dense"] = True
        if key is not None:
            props["key"] = str(key)
            register_key("grid", str(key))
        grid = specialize(self._block("grid", as_props(props)), GridContainer)
        grid._declared_columns = count
        return grid
