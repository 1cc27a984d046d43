"""Retrying a query a few times when the database dropped the connection, as Streamlit does."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def retry(
    *,
    max_attempts: int,
    wait_seconds: float,
    retry_on: Callable[[Exception], bool],
    after: Callable[[], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Call the function up to `max_attempts` times while it raises what `retry_on` accepts,
    calling `after` (e.g. the connection's reset) after each such failure and waiting
    `wait_seconds` before the next try. Other exceptions propagate at once."""
    if max_attempts < 1:
        raise ValueError(f"max_attempts must be at least 1, got {max_attempts!r}.")

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            attempt = 1
            while True:
                try:
                    return func(*args, **kwargs)
                except Exception as exc:
                    if not retry_on(exc):
                        raise
                    if after is not None:
                        after()
                    if attempt >= max_attempts:
                        raise
                    sleep(wait_seconds)
                    attempt += 1

        return wrapper

    return decorate
