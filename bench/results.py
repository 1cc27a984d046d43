"""What the browser and VS Code benchmarks measure into: samples, or why there are none."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


class BenchError(Exception):
    """A measurement could not be made; the message is the reason printed in the table."""


@dataclass
class Result:
    """Samples in ms, or the reason there are none."""

    samples: list[float]
    error: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None
