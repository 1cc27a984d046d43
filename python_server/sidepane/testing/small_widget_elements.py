"""AppTest wrappers for `st.link_button`, `st.menu_button`, `st.datetime_input` and
`st.pagination`, with Streamlit 1.67 AppTest's names and methods."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sidepane.elements.widgets.menu_button import MenuDef
from sidepane.protocol.schema.elements.small_widgets import (
    DateTimeInputProps,
    LinkButtonProps,
    MenuButtonProps,
    PaginationProps,
)
from sidepane.testing.element_tree import Element, Widget, register
from sidepane.testing.errors import AppTestError

if TYPE_CHECKING:
    from typing_extensions import Self


@register
class LinkButton(Element[LinkButtonProps]):
    """`st.link_button`: read-only; `.value` is its label, `.url` where it leads."""

    node_type = "link_button"
    accessor = "link_button"

    @property
    def value(self) -> str:
        return self._props["label"]

    @property
    def url(self) -> str:
        return self._props["url"]

    @property
    def disabled(self) -> bool:
        return self._props.get("disabled", False)

    @property
    def shortcut(self) -> str:
        """Its keyboard shortcut; `""` when there is none, as in Streamlit."""
        return self._props.get("shortcut", "")

    def _unsupported(self, method: str) -> Callable[..., Any]:
        def unsupported(*_args: Any, **_kwargs: Any) -> Any:
            key = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(
                f"{method}() is not supported for link_button{key}. AppTest does not open URLs "
                "or trigger on_click. Use a browser test."
            )

        return unsupported


@register
class MenuButton(Widget[MenuButtonProps]):
    """`st.menu_button`: `.value` is the option clicked for this run (None otherwise);
    `click(option)`, `click_index(i)`."""

    node_type = "menu_button"
    accessor = "menu_button"

    @property
    def options(self) -> list[str]:
        """The options' labels, as shown."""
        return list(self._props["options"])

    @property
    def format_func(self) -> Callable[[Any], Any]:
        """The script's `format_func`, which made the labels."""
        spec = self.root._session.widgets.specs.get(self.id)
        menu = getattr(spec.serialize, "__self__", None) if spec is not None else None
        return menu.options.format_func if isinstance(menu, MenuDef) else str

    def click(self, v: Any) -> Self:
        """Click the option `v` (an option value): the next run returns it."""
        return self.set_value(v)

    def click_index(self, index: int) -> Self:
        """Click the option at `index`."""
        return self._set_wire(range(len(self.options))[index])


@register
class DateTimeInput(Widget[DateTimeInputProps]):
    """`st.datetime_input`: `.value` (a datetime or None), `.min`, `.max` (`YYYY-MM-DDTHH:MM`),
    `.step` (seconds), `.format`."""

    node_type = "datetime_input"
    accessor = "datetime_input"

    @property
    def type(self) -> str:
        return "date_time_input"

    @property
    def min(self) -> str:
        return self._props["min"]

    @property
    def max(self) -> str:
        return self._props["max"]

    @property
    def step(self) -> int:
        return self._props["step"]

    @property
    def format(self) -> str:
        return self._props["format"]

    def set_value(self, v: datetime | None) -> Self:
        """Set a datetime (to the minute), or None."""
        return super().set_value(v)


@register
class Pagination(Widget[PaginationProps]):
    """`st.pagination`: `.value` is the page (from 1); `select(page)` or `set_value(page)`."""

    node_type = "pagination"
    accessor = "pagination"

    @property
    def num_pages(self) -> int:
        return self._props["num_pages"]

    @property
    def max_visible_pages(self) -> int:
        """The cap on numbered pages; 0 also when there is none, as Streamlit's AppTest reads
        its unset proto field."""
        return self._props.get("max_visible_pages", 0)

    @property
    def default(self) -> int:
        """The page it starts on."""
        spec = self.root._session.widgets.specs.get(self.id)
        return 1 if spec is None else int(spec.default)

    def set_value(self, v: int) -> Self:
        """Go to page `v` (1 to `num_pages`) on the next run."""
        self._assert_can_interact()
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= self.num_pages:
            key = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(
                f"Cannot set pagination{key} to {v!r}. "
                f"Page must be an int between 1 and {self.num_pages}."
            )
        return super().set_value(v)

    def select(self, page: int) -> Self:
        """Go to `page`, as a click on its button does."""
        return self.set_value(page)
