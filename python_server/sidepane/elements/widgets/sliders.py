"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any

from sidepane.elements.dg_core import DeltaGeneratorCore


class SliderMixin(DeltaGeneratorCore):
    def slider(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
