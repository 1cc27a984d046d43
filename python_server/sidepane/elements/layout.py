"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any

from sidepane.elements.dg_core import DeltaGeneratorCore


class LayoutMixin(DeltaGeneratorCore):
    def container(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def columns(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def tabs(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def expander(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def form(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def empty(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
