"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any

from sidepane.elements.dg_core import DeltaGeneratorCore


class DateTimeInputMixin(DeltaGeneratorCore):
    def date_input(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def time_input(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
