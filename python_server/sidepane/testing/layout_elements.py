"""AppTest wrappers for layout blocks (columns, tabs, expanders, containers, forms) and status
elements (alerts, progress bars, toasts), with the attributes of Streamlit's AppTest classes."""

from __future__ import annotations

from typing import Any, cast

from sidepane.protocol.schema.elements.data import AlertProps, ProgressProps
from sidepane.protocol.schema.elements.layout import (
    ColumnProps,
    ColumnsProps,
    ContainerProps,
    ExpanderProps,
    FormProps,
    GridCellProps,
    GridProps,
    PopoverProps,
    TabProps,
    TabsProps,
)
from sidepane.testing.app_test import AppTest
from sidepane.testing.element_tree import Block, Element, ElementList, Node, P, register


class _LayoutBlock(Block[P]):
    """A block whose `.type` is its node type ("column", "tab"…), as in Streamlit's AppTest."""

    @property
    def type(self) -> str:
        return self.node.type


@register
class Root(Block):
    """The app body or the sidebar (`at[0]`, `at[1]`): `.type` is "main" or "sidebar"."""

    node_type = "root"

    @property
    def type(self) -> str:
        return str(self.node.path[0])


@register
class ColumnsRow(_LayoutBlock[ColumnsProps]):
    """The row that holds a `st.columns` call's columns (no accessor of its own)."""

    node_type = "columns"


@register
class Column(_LayoutBlock[ColumnProps]):
    """One column: `.weight` is its share of the row (the weights of a row add up to 1)."""

    node_type = "column"
    accessor = "columns"

    @property
    def weight(self) -> float:
        return self._props["weight"]

    @property
    def gap(self) -> str | None:
        row = _parent(self)
        gap = cast("ColumnsProps", row.props)["gap"] if row is not None else "small"
        return gap if isinstance(gap, str) else None


@register
class TabsBlock(_LayoutBlock[TabsProps]):
    """The block that holds a `st.tabs` call's tabs (no accessor of its own)."""

    node_type = "tabs"


@register
class Tab(_LayoutBlock[TabProps]):
    node_type = "tab"
    accessor = "tabs"

    @property
    def label(self) -> str:
        return self._props["label"]


@register
class Expander(_LayoutBlock[ExpanderProps]):
    node_type = "expander"
    accessor = "expander"

    @property
    def label(self) -> str:
        return self._props["label"]

    @property
    def icon(self) -> str:
        return self._props.get("icon", "")

    @property
    def expanded(self) -> bool:
        return self._props["expanded"]


@register
class Popover(_LayoutBlock[PopoverProps]):
    """`st.popover`'s panel (Streamlit's AppTest: a block of type "popover", found with
    `at.get("popover")`); `.label`, `.help`, `.icon`, `.disabled` are its button's."""

    node_type = "popover"
    accessor = "popover"

    @property
    def label(self) -> str:
        return self._props["label"]

    @property
    def icon(self) -> str:
        return self._props.get("icon", "")

    @property
    def disabled(self) -> bool:
        return self._props.get("disabled", False)


@register
class Container(_LayoutBlock[ContainerProps]):
    node_type = "container"
    accessor = "container"


@register
class Form(_LayoutBlock[FormProps]):
    node_type = "form"
    accessor = "form"

    @property
    def form_id(self) -> str:
        return self._props["id"]

    @property
    def key(self) -> str | None:
        return self.form_id or None

    @property
    def clear_on_submit(self) -> bool:
        return self._props["clear_on_submit"]

    @property
    def missing_submit_button(self) -> bool:
        """True when the form's `with` block ended without a `st.form_submit_button`."""
        return self._props.get("missing_submit", False)


@register
class Grid(Block[GridProps]):
    """`st.grid` (`at.grid`), with the arguments it was drawn with as Streamlit's AppTest
    gives them back; its children are its cells. `.column_count`, not `.columns` (which, as
    on every block, lists the `st.columns` inside)."""

    node_type = "grid"
    accessor = "grid"

    @property
    def type(self) -> str:
        return "grid_container"

    @property
    def column_count(self) -> int | str:
        return self._props.get("columns", "auto")

    @property
    def min_column_width(self) -> int | str:
        return self._props.get("min_column_width", "auto")

    @property
    def wrap(self) -> bool:
        return self._props.get("wrap", True)

    @property
    def gap(self) -> str | int | tuple[str | int | None, str | int | None] | None:
        row = self._props.get("row_gap", "small")
        column = self._props.get("column_gap", "small")
        return row if row == column else (row, column)

    @property
    def vertical_alignment(self) -> str:
        return self._props.get("vertical_alignment", "top")

    @property
    def border(self) -> bool:
        return self._props.get("border", False)

    @property
    def row_height(self) -> int | str:
        return self._props.get("row_height", "content")

    @property
    def width(self) -> int | str:
        return self._props.get("width", "stretch")

    @property
    def height(self) -> int | str:
        return self._props.get("height", "content")

    @property
    def dense(self) -> bool:
        return self._props.get("dense", False)


@register
class GridCell(Block[GridCellProps]):
    """A `grid.cell()` (Streamlit's AppTest: a `flex_container` block, not in `at.container`);
    `.column_span` (1, n or "all") and `.row_span`."""

    node_type = "grid_cell"

    @property
    def type(self) -> str:
        return "flex_container"

    @property
    def column_span(self) -> int | str:
        return self._props.get("column_span", 1)

    @property
    def row_span(self) -> int:
        return self._props.get("row_span", 1)


class _Alert(Element[AlertProps]):
    node_type = "alert"

    @classmethod
    def matches(cls, props: dict[str, Any]) -> bool:
        return cast(AlertProps, props)["kind"] == cls.accessor

    @property
    def icon(self) -> str:
        return self._props.get("icon", "")

    @property
    def title(self) -> str:
        return self._props.get("title", "")


@register
class Success(_Alert):
    accessor = "success"


@register
class Info(_Alert):
    accessor = "info"


@register
class Warning(_Alert):  # Streamlit's AppTest name
    accessor = "warning"


@register
class Error(_Alert):
    accessor = "error"


@register
class Progress(Element[ProgressProps]):
    """`.value` is the bar's value from 0 to 100; `.text` its label."""

    node_type = "progress"
    accessor = "progress"

    @property
    def value(self) -> int:
        return self._props["value"]

    @property
    def text(self) -> str:
        return self._props.get("text", "")


class Toast(Element):
    """A `st.toast` of the last run: `.value` is its body, `.icon` its icon ("" if none)."""

    node_type = "toast"
    accessor = "toast"

    @property
    def icon(self) -> str:
        icon: str | None = self.node.props.get("icon")
        return icon or ""


def toasts(at: AppTest) -> ElementList[Toast]:
    """The toasts of `at`'s last run, in order (they are frames, not tree nodes)."""
    return ElementList(
        [
            Toast(Node(("toast", i), "toast", {"body": f.get("body"), "icon": f.get("icon")}), at)
            for i, f in enumerate(at.toasts)
        ]
    )


def _parent(element: Element) -> Node | None:
    tree = getattr(element.root, "_tree", None)
    path = element.node.path
    if tree is None or len(path) < 2:
        return None
    node: Node | None = tree.roots.get(str(path[0]))
    for index in path[1:-1]:
        if node is None:
            return None
        node = node.children.get(int(index))
    return node
