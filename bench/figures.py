"""A measured figure: value, target, and (when a peer was measured side by side) the ratio."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str  # "ms", "s", "MB", "x"
    target: float | None = None  # the value must be <= target
    peer: str | None = None
    peer_value: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.peer_value in (None, 0):
            return None
        return self.value / self.peer_value  # type: ignore[operator]

    @property
    def meets(self) -> bool | None:
        return None if self.target is None else self.value <= self.target

    def line(self) -> str:
        target = f"target <= {self.target:.3g} {self.unit}" if self.target is not None else "no target"
        verdict = {True: "ok", False: "MISSED", None: ""}[self.meets]
        text = f"{self.name:<52} {self.value:10.2f} {self.unit:<3} {target:<22} {verdict}"
        if self.ratio is not None:
            text += f"  {self.ratio:.2f}x {self.peer} ({self.peer_value:.2f} {self.unit})"
        if self.note:
            text += f"  [{self.note}]"
        return text

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio, "meets_target": self.meets}


def timed(fn: Callable[[], Any], repeat: int = 5) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls of ``fn``."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000
