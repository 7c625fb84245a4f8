"""``summit-app rollup PLAN... --xlsx OUT [--pdf OUT] [--min-group N] [--named]``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from seed_plans import peer_region

from summit_app.cli import main
from summit_app.plan.content import Content
from summit_app.plan.samples import small_plan
from summit_app.store.plan_file import PlanFile

NAMES = ("Harrowgate Falls", "Linchmere Bay", "Orrick Meadows", "Pellston Vale", "Quarrington Cross")


@pytest.fixture(scope="module")
def plan_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("plans")
    for seed, name in enumerate(NAMES):
        PlanFile.create(folder / f"{name}.techplan", small_plan(seed, name)).close()
    return [folder / f"{name}.techplan" for name in NAMES]


def rollup(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "summit_app", "rollup", *map(str, args)],
                          capture_output=True, text=True, timeout=120, check=False)


def test_rollup_writes_both_files_and_warns_of_each_skipped_one(plan_files: list[Path], tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.techplan"
    damaged.write_bytes(plan_files[0].read_bytes()[:1500])
    result = rollup(*plan_files[:2], damaged, *plan_files[2:], tmp_path / "missing.techplan",
                    "--xlsx", tmp_path / "region.xlsx", "--pdf", tmp_path / "region.pdf")
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2
    assert warnings[0].startswith(f"summit-app: warning: {damaged}: the file is damaged")
    assert warnings[1] == f"summit-app: warning: {tmp_path / 'missing.techplan'}: no such file"
    assert "Rolled up 5 of 7 plan files" in result.stdout
    book = openpyxl.load_workbook(tmp_path / "region.xlsx")
    assert book.sheetnames == ["Summary", "Readiness", "Goal areas", "Measures", "Suggested peers", "Files skipped"]
    assert book["Summary"]["B5"].value == "5"
    assert (tmp_path / "region.pdf").read_bytes().startswith(b"%PDF")


def test_rollup_counts_the_suggested_peers(content: Content, tmp_path: Path) -> None:
    paths = []
    for plan in peer_region(content):
        PlanFile.create(tmp_path / f"{plan.district.name}.techplan", plan).close()
        paths.append(tmp_path / f"{plan.district.name}.techplan")
    result = rollup(*paths, "--xlsx", tmp_path / "region.xlsx")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"Rolled up 7 of 7 plan files into {tmp_path / 'region.xlsx'}, "
                             "with 15 peer suggestions (2 by name)\n")
    sheet = openpyxl.load_workbook(tmp_path / "region.xlsx")["Suggested peers"]
    assert sheet["A9"].value == "Alder Creek Unified"
    assert sheet["B9"].value == "Birchmont Schools"


def test_named_and_min_group_options(plan_files: list[Path], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "named.xlsx"
    assert main(["rollup", *map(str, plan_files), "--xlsx", str(out), "--named", "--min-group", "6"]) == 0
    book = openpyxl.load_workbook(out)
    assert [book["Districts"].cell(row=r, column=1).value for r in range(5, 10)] == list(NAMES)
    assert book["Readiness"]["B5"].value == "suppressed (fewer than 6 districts)"
    assert capsys.readouterr().err == ""


def test_no_readable_plan_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    result = rollup(notes, "--xlsx", tmp_path / "region.xlsx")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"summit-app: warning: {notes}: not a Summit Planner plan (the file is not a plan database)",
        "summit-app: error: rollup: no listed file could be read as a plan (1 listed)"]
    assert not (tmp_path / "region.xlsx").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--min-group", "0"], "summit-app: error: --min-group: give a whole number of districts, at least 1"),
    (["--pdf", "/nonexistent-folder/r.pdf"], "summit-app: error: /nonexistent-folder/r.pdf: its folder does not exist"),
])
def test_bad_options_are_one_line_errors(plan_files: list[Path], tmp_path: Path, args: list[str], message: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rollup", str(plan_files[0]), "--xlsx", str(tmp_path / "r.xlsx"), *args]) == 2
    assert capsys.readouterr().err.splitlines() == [message]
    assert not (tmp_path / "r.xlsx").exists()


def test_xlsx_is_required(plan_files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["rollup", str(plan_files[0])])
    assert exit_info.value.code == 2
    assert "--xlsx" in capsys.readouterr().err
