"""The roll-up's suggested peers, read back from the workbook and PDF: shown, and nobody named who did not opt in."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from seed_plans import PEER_REGION, UNLISTED, peer_region

from summit_app.export.rollup_pdf import write_rollup_pdf
from summit_app.export.rollup_xlsx import write_rollup_xlsx
from summit_app.plan.content import Content
from summit_app.plan.rollup import RollupReport, summarize_region
from summit_app.store.plan_file import PlanFile
from summit_app.store.rollup_reader import read_plans

OPTED_IN = [name for name, *_, opted_in in PEER_REGION if opted_in]
NOT_OPTED_IN = [name for name, *_, opted_in in PEER_REGION if not opted_in]


@pytest.fixture(scope="module")
def region_files(content: Content, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("region")
    paths = []
    for plan in peer_region(content):
        path = folder / f"{plan.district.name}.techplan"
        PlanFile.create(path, plan).close()
        paths.append(path)
    return paths


def write_both(paths: list[Path], content: Content, folder: Path, *, named: bool) -> tuple[Path, Path]:
    result = read_plans(paths)
    report = RollupReport(summarize_region(result.plans, content, named=named), (), result.listed, date(2026, 3, 20))
    write_rollup_xlsx(report, folder / "region.xlsx")
    write_rollup_pdf(report, folder / "region.pdf")
    return folder / "region.xlsx", folder / "region.pdf"


@pytest.fixture(scope="module")
def anonymous(region_files: list[Path], content: Content,
              tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return write_both(region_files, content, tmp_path_factory.mktemp("anonymous"), named=False)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def pdf_info(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout


def every_cell(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    props = book.properties
    return [*(str(c.value) for ws in book.worksheets for r in ws.iter_rows() for c in r if c.value is not None),
            *(ws.title for ws in book.worksheets), *map(str, (props.title, props.subject, props.creator,
                                                             props.keywords, props.description))]


def sheet_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))


def test_the_workbook_lists_each_districts_peers_named_only_between_opted_in_districts(
        anonymous: tuple[Path, Path]) -> None:
    rows = sheet_rows(anonymous[0], "Suggested peers")
    lines = [r[:4] for r in rows if r[0] is not None]
    assert ("Alder Creek Unified", "Birchmont Schools",
            "Enrollment within 9%, low-income share 3 points apart, readiness profile close in 8 of 8 gears", None) \
        in lines
    assert ("Birchmont Schools", "Alder Creek Unified") in [line[:2] for line in lines]
    anonymous_lines = [line for line in lines if str(line[0]).startswith("District ")]
    assert {line[0] for line in anonymous_lines} == {f"District {c}" for c in "ABCDEF"}
    assert all(str(line[1]).startswith("District ") or line[1] == "none similar enough" for line in anonymous_lines)
    described = [line for line in anonymous_lines if line[3]]
    assert described
    assert all("low-income" in str(line[3]) for line in described)
    assert any("6 districts compared; 15 peer suggestions (2 by name)" in str(r[0]) for r in rows)
    assert any("Left out of peer matching: 1 district with no enrollment" in str(r[0]) for r in rows)


def test_the_pdf_shows_the_suggestions(anonymous: tuple[Path, Path]) -> None:
    text = " ".join(pdf_text(anonymous[1]).split())
    assert "Suggested peers" in text
    assert "Named: both districts opted in" in text
    assert "Alder Creek Unified Birchmont Schools Enrollment within 9%" in text
    assert "Anonymous suggestions" in text
    assert "District A" in text
    assert "District F" in text
    assert "none similar enough" in text
    assert "15 peer suggestions (2 by name)" in text


def test_no_district_that_did_not_opt_in_is_named_anywhere(anonymous: tuple[Path, Path]) -> None:
    xlsx, pdf = anonymous
    cells = "\n".join(every_cell(xlsx))
    text = pdf_text(pdf) + pdf_info(pdf)
    for name in NOT_OPTED_IN:
        assert name not in cells
        assert name not in " ".join(text.split())
    assert UNLISTED.split()[0] not in cells + text  # not even in part
    # Nor its exact enrollment (12,500) or its scores (every gear but one at 5): only bands and rounded gaps.
    assert "12,500" not in cells + text
    assert "12500" not in cells + text
    for name in OPTED_IN[:2]:
        assert name in cells
        assert name in text


def test_a_named_copy_keeps_the_rule_in_its_peers_and_gives_the_facilitator_the_pseudonyms(
        region_files: list[Path], content: Content, tmp_path: Path, anonymous: tuple[Path, Path]) -> None:
    xlsx, pdf = write_both(region_files, content, tmp_path, named=True)
    peers = "\n".join(str(v) for r in sheet_rows(xlsx, "Suggested peers")[2:] for v in r if v is not None)
    for name in NOT_OPTED_IN:
        assert name not in peers
    districts = {r[0]: r[8] for r in sheet_rows(xlsx, "Districts")[4:]}
    assert districts[UNLISTED].startswith("District ")
    assert districts["Foxglen Schools"] == "—"  # nothing to compare: no pseudonym
    # The same pseudonyms as the room's anonymous copy of the same plans.
    anonymous_peers = "\n".join(str(v) for r in sheet_rows(anonymous[0], "Suggested peers")[2:] for v in r
                                 if v is not None)
    assert peers == anonymous_peers
    text = " ".join(pdf_text(pdf).split())
    alder = districts["Alder Creek Unified"]
    assert "Pseudonym" in text
    assert re.search(rf"Alder Creek Unified 12,000 .* {alder} Birchmont", text)  # its row ends in its pseudonym


def test_a_small_group_gets_no_anonymous_suggestions(region_files: list[Path], content: Content,
                                                     tmp_path: Path) -> None:
    result = read_plans(region_files)
    report = RollupReport(summarize_region(result.plans, content, min_group=7), (), result.listed, None)
    write_rollup_xlsx(report, tmp_path / "small.xlsx")
    write_rollup_pdf(report, tmp_path / "small.pdf")
    text = " ".join(pdf_text(tmp_path / "small.pdf").split())
    assert "Anonymous suggestions suppressed: fewer than 7 districts could be compared" in text
    assert "District A" not in text
    cells = every_cell(tmp_path / "small.xlsx")
    assert not any(re.fullmatch(r"District [A-Z]+", c) for c in cells)
    assert "Birchmont Schools" in cells
