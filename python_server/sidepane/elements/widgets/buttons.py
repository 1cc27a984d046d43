"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any

from sidepane.elements.dg_core import DeltaGeneratorCore


class ButtonMixin(DeltaGeneratorCore):
    def button(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def download_button(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def form_submit_button(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
