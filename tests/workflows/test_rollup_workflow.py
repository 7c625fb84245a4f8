"""The roll-up workflow: real plan files in, the workbook and PDF out, bad files reported, all or none."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from summit_app.outputs import OutputError
from summit_app.plan.rollup import SkippedFile
from summit_app.plan.samples import small_plan
from summit_app.store.plan_file import PlanFile
from summit_app.workflows.rollup import NoPlanRead, RollupRequest, roll_up

NAMES = ("Harrowgate Unified", "Linden Brook Schools", "Merriweather County")


@pytest.fixture
def plans(tmp_path: Path) -> list[Path]:
    """Three real plan files and, second in the list, a file that is not a plan."""
    folder = tmp_path / "plans"
    folder.mkdir()
    paths = []
    for seed, name in enumerate(NAMES):
        PlanFile.create(folder / f"{name}.techplan", small_plan(seed, name)).close()
        paths.append(folder / f"{name}.techplan")
    notes = folder / "notes.techplan"
    notes.write_text("not a plan", encoding="utf-8")
    return [paths[0], notes, *paths[1:]]


def test_the_roll_up_writes_both_outputs_and_reports_progress_and_skips(plans: list[Path], tmp_path: Path) -> None:
    progress: list[float] = []
    heard: list[Sequence[SkippedFile]] = []
    request = RollupRequest(tuple(plans), tmp_path / "region.xlsx", tmp_path / "region.pdf", min_group=2, named=True)
    report = roll_up(request, progress=progress.append, skipped=heard.append)
    assert (report.summary.district_count, report.listed) == (3, 4)
    assert [[s.path for s in skipped] for skipped in heard] == [[str(plans[1])]]
    assert progress == sorted(progress)
    assert progress[-1] == 1.0
    assert any(0 < p <= 0.8 for p in progress)  # reading reported as it goes
    book = openpyxl.load_workbook(tmp_path / "region.xlsx")
    assert [book["Districts"].cell(row=r, column=1).value for r in range(5, 8)] == list(NAMES)
    text = subprocess.run(["pdftotext", str(tmp_path / "region.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Readiness" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans", "region.pdf", "region.xlsx"]


def test_no_readable_plan_writes_nothing(plans: list[Path], tmp_path: Path) -> None:
    heard: list[Sequence[SkippedFile]] = []
    with pytest.raises(NoPlanRead) as refused:
        roll_up(RollupRequest((plans[1],), tmp_path / "region.xlsx"), skipped=heard.append)
    assert refused.value.listed == 1
    assert len(heard[0]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans"]


def test_an_output_named_as_one_of_the_plans_is_refused_before_any_plan_is_read(plans: list[Path],
                                                                                tmp_path: Path) -> None:
    before = plans[0].read_bytes()
    heard: list[Sequence[SkippedFile]] = []
    with pytest.raises(OutputError, match="is one of the plans being rolled up; an export never replaces"):
        roll_up(RollupRequest(tuple(plans), tmp_path / "region.xlsx", plans[0]), skipped=heard.append)
    assert heard == []  # refused before reading
    assert plans[0].read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans"]
