"""Cache workloads run identically on both sides: executed by Sidepane's python and by the
Streamlit venv's python (`python cache_workloads.py sidepane|streamlit`), printing JSON."""

from __future__ import annotations

import json
import logging
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def per_call_us(fn: Callable[[], Any], n: int) -> float:
    fn()  # the miss
    rounds = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(n):
            fn()
        rounds.append((time.perf_counter() - t) / n * 1e6)
    return min(rounds)


def per_call_ms(fn: Callable[[], Any], n: int) -> float:
    fn()
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    side = sys.argv[1]
    logging.disable(logging.WARNING)  # Streamlit warns about running without `streamlit run`
    import numpy as np
    import pandas as pd

    if side == "streamlit":
        import streamlit as st
    else:
        import sidepane as st

    decorators: dict[str, Any] = {"cache_data": st.cache_data}
    if side == "sidepane":
        decorators["cache"] = st.cache
    df = pd.DataFrame(np.random.default_rng(0).random((1_000_000, 5)), columns=list("abcde"))
    result: dict[str, float] = {}
    for name, decorate in decorators.items():

        def small(a: int, b: str, c: tuple[int, int]) -> int:
            return a + len(b) + c[0]

        def frame(data: pd.DataFrame) -> int:
            return len(data)

        small_c = decorate(small)
        frame_c = decorate(frame)
        result[f"{name}_small_hit_us"] = per_call_us(lambda f=small_c: f(1, "two", (3, 4)), 2000)
        result[f"{name}_df_hit_ms"] = per_call_ms(lambda f=frame_c: f(df), 15)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
