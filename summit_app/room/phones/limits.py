"""How much one phone may ask of the service: token buckets per client and per link.

A venue's phones each have their own address on the room's network. A client
may send a burst and then a steady trickle; a link (a member's token) a
smaller one; and a client whose requests name unknown or revoked links
(someone guessing) very few. Past a bucket, the answer is 429 and nothing is
read or stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Bucket:
    """``burst`` requests at once, then ``per_second`` more each second."""

    burst: float
    per_second: float


@dataclass(frozen=True)
class Limits:
    client: Bucket = Bucket(600, 60)
    link: Bucket = Bucket(30, 1)
    misses: Bucket = Bucket(20, 0.2)


class Limiter:
    """Token buckets by key; keys not seen for a while are forgotten so the table stays small."""

    FORGET_AFTER = 600.0

    def __init__(self, bucket: Bucket, clock: Callable[[], float] = time.monotonic) -> None:
        self.bucket = bucket
        self._clock = clock
        self._levels: dict[str, tuple[float, float]] = {}
        self._pruned = clock()

    def _level(self, key: str, now: float) -> float:
        level, at = self._levels.get(key, (self.bucket.burst, now))
        return min(self.bucket.burst, level + (now - at) * self.bucket.per_second)

    def allow(self, key: str) -> bool:
        """Take one request from ``key``'s bucket; False when it is empty (nothing taken)."""
        now = self._clock()
        self._prune(now)
        level = self._level(key, now)
        if level < 1:
            self._levels[key] = (level, now)
            return False
        self._levels[key] = (level - 1, now)
        return True

    def empty(self, key: str) -> bool:
        """True if ``key`` may not send another request now (without taking one)."""
        return self._level(key, self._clock()) < 1

    def _prune(self, now: float) -> None:
        if now - self._pruned < self.FORGET_AFTER:
            return
        self._pruned = now
        self._levels = {k: v for k, v in self._levels.items() if now - v[1] < self.FORGET_AFTER}
