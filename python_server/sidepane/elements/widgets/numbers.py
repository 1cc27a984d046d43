"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any

from sidepane.elements.dg_core import DeltaGeneratorCore


class NumberInputMixin(DeltaGeneratorCore):
    def number_input(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
