"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any

from sidepane.elements.dg_core import DeltaGeneratorCore


class ChartMixin(DeltaGeneratorCore):
    def line_chart(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def area_chart(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def bar_chart(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def scatter_chart(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def altair_chart(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def vega_lite_chart(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def pyplot(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
