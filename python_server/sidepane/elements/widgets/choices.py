"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any

from sidepane.elements.dg_core import DeltaGeneratorCore


class ChoiceMixin(DeltaGeneratorCore):
    def checkbox(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def toggle(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def radio(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def selectbox(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def multiselect(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def select_slider(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def color_picker(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
