"""Unusable input, said in one line: the command line exits 2 with it, the window shows it."""

from __future__ import annotations


class UsageError(Exception):
    """Input that cannot be used (a missing file, invalid JSON, a bad option): ``<what>: <why>``."""

    def __init__(self, what: str, why: str) -> None:
        super().__init__(f"{what}: {why}")
        self.what = what
        self.why = why
