"""Exports build tens of thousands of short-lived objects (cells, flowables, structure elements).

Python's cyclic collector would walk them again and again while they are made:
on the large plan that is a quarter of the export's time. The writers pause it
while they run; reference counting still frees everything at once, and the
collector resumes (if it was on) when the file is written.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector's own state is put back after it."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
