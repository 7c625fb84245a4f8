"""The writers pause Python's cyclic collector while they build (a quarter of their time) and put it back."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from summit_app.export.pdf import write_pdf
from summit_app.export.xlsx import write_xlsx
from summit_app.plan import model


@pytest.mark.parametrize("write", [write_pdf, write_xlsx])
def test_the_collector_is_paused_while_writing_and_back_after(write, demo: model.Plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seen: list[bool] = []
    assert gc.isenabled()
    write(demo, tmp_path / "out", lambda _done: seen.append(gc.isenabled()))
    assert seen
    assert not any(seen)
    assert gc.isenabled()
    gc.disable()
    try:
        write(demo, tmp_path / "again", None)
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
