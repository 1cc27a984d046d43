"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any

from sidepane.elements.dg_core import DeltaGeneratorCore


class MediaMixin(DeltaGeneratorCore):
    def image(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def audio(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def video(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
