"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any

from sidepane.elements.dg_core import DeltaGeneratorCore


class DataMixin(DeltaGeneratorCore):
    def dataframe(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def table(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def metric(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
