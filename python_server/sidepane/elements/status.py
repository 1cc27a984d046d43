"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any

from sidepane.elements.dg_core import DeltaGeneratorCore


class StatusMixin(DeltaGeneratorCore):
    def success(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def info(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def warning(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def error(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def progress(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def spinner(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def toast(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
