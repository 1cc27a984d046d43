"""TODO(helper): fill in."""

from __future__ import annotations

from typing import Any


def set_page_config(*args: Any, **kwargs: Any) -> None:
    raise NotImplementedError


def rerun(*args: Any, **kwargs: Any) -> None:
    raise NotImplementedError


def stop() -> None:
    raise NotImplementedError
