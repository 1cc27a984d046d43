"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any

from sidepane.elements.dg_core import DeltaGeneratorCore


class TextInputMixin(DeltaGeneratorCore):
    def text_input(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def text_area(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
