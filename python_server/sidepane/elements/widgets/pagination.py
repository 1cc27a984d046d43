"""`st.pagination`: numbered page buttons between previous/next arrows; its value is the page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sidepane.elements.arguments import OnChange, check_binding, resolve_callback, type_error
from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.elements.layout import _check_size as check_size
from sidepane.elements.widgets.choices import _out_of_range
from sidepane.elements.widgets.numbers import drop_unfit
from sidepane.errors import InvalidWidgetValue, SidepaneAPIException
from sidepane.protocol.schema.elements.small_widgets import PaginationFields


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


class _PageDef:
    __slots__ = ("num_pages",)

    def __init__(self, num_pages: int) -> None:
        self.num_pages = num_pages

    def deserialize(self, wire: Any) -> int:
        if not _is_int(wire) or not 1 <= wire <= self.num_pages:
            raise InvalidWidgetValue(f"{wire!r} is not a page from 1 to {self.num_pages}")
        page: int = wire
        return page

    def fits(self, value: Any) -> bool:
        return _is_int(value) and 1 <= value <= self.num_pages


class PaginationMixin(DeltaGeneratorCore):
    def pagination(
        self,
        num_pages: int,
        *,
        default: int = 1,
        max_visible_pages: int | None = 7,
        width: int | str = "content",
        key: str | int | None = None,
        on_change: OnChange = "rerun",
        args: tuple[Any, ...] | list[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        disabled: bool = False,
        bind: str | None = None,
        persist_state: Any = None,
    ) -> int:
        """Display page buttons (1 to `num_pages`) with previous/next arrows; return the page.

        One page is always selected, `default` (1) at first. `max_visible_pages` caps the
        numbered buttons shown (7; None: no cap; 0: only the arrows); the first and last pages
        stay visible, with "…" for the pages left out. `on_change` is "rerun" (default),
        "ignore" (keep the page without a rerun) or a callback run before the rerun; `width` is
        "content" (default), "stretch" or pixels.
        """
        callback, ignore = resolve_callback(on_change)
        if not _is_int(num_pages) or num_pages < 1:
            raise SidepaneAPIException(
                f"`num_pages` must be an integer of at least 1. Got {num_pages}."
            )
        if not _is_int(default):
            raise type_error("default", type(default).__name__, ["int"])
        if not 1 <= default <= num_pages:
            raise SidepaneAPIException(_out_of_range("default", default, 1, num_pages))
        if max_visible_pages is not None and (
            not _is_int(max_visible_pages) or max_visible_pages < 0
        ):
            raise SidepaneAPIException(
                "`max_visible_pages` must be a non-negative integer or None. "
                f"Got {max_visible_pages}."
            )
        check_size("width", width, True)
        check_binding(bind, persist_state, key)
        spec = _PageDef(num_pages)
        # A page the script put in session_state that is no page here (or one kept from a
        # widget with more pages) gives way to the default, as in Streamlit.
        drop_unfit(key, spec.fits)
        fields: PaginationFields = {"num_pages": num_pages}
        if max_visible_pages is not None:
            fields["max_visible_pages"] = max_visible_pages
        if width == "stretch":
            fields["width"] = "stretch"
        elif isinstance(width, int):
            fields["width"] = width
        if ignore:
            fields["ignore_rerun"] = True
        page: int = self._widget(
            "pagination",
            label="",
            key=key,
            identity={
                "num_pages": num_pages,
                "default": default,
                "max_visible_pages": max_visible_pages,
                "width": width,
            },
            key_identity=True,
            props=fields,
            default=default,
            deserialize=spec.deserialize,
            serialize=int,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility="visible",
            help=None,
        )
        return page
