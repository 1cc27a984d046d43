"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any

from sidepane.elements.dg_core import DeltaGeneratorCore


class FileUploaderMixin(DeltaGeneratorCore):
    def file_uploader(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
