"""The roll-up workbook and PDF, read back: right numbers, no names when anonymous, small groups hidden."""

from __future__ import annotations

import re
import statistics
import subprocess
import zipfile
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from summit_app.export.rollup_pdf import write_rollup_pdf
from summit_app.export.rollup_xlsx import write_rollup_xlsx
from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.rollup import RollupReport, SkippedFile, summarize_region
from summit_app.plan.samples import small_plan
from summit_app.plan.tco import total_cost
from summit_app.store.plan_file import PlanFile
from summit_app.store.rollup_reader import read_plans

NAMES = ("Quillfeather Valley", "Marrowdene Unified", "Oxbriar Consolidated", "Tamsworth Heights",
         "Vellacourt County", "Ashgrove Ridge", "Brindlemoor Public", "Corvane Springs", "Duskhollow Joint",
         "Embervale Township", "Fennick Harbor", "Gildersleeve Plains")
PREPARED = date(2026, 3, 20)


@pytest.fixture(scope="module")
def plans() -> list[model.Plan]:
    return [small_plan(seed, name) for seed, name in enumerate(NAMES)]


@pytest.fixture(scope="module")
def listed(plans: list[model.Plan], tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The twelve plan files, named after their districts, with a damaged file sixth in the list."""
    folder = tmp_path_factory.mktemp("plans")
    paths = []
    for plan in plans:
        PlanFile.create(folder / f"{plan.district.name}.techplan", plan).close()
        paths.append(folder / f"{plan.district.name}.techplan")
    damaged = folder / "Zephyrine Lakes.techplan"
    damaged.write_bytes(paths[0].read_bytes()[:2048])
    return [*paths[:5], damaged, *paths[5:]]


def report_for(listed: list[Path], content: Content, **options: object) -> RollupReport:
    result = read_plans(listed)
    summary = summarize_region(result.plans, content, **options)  # type: ignore[arg-type]
    return RollupReport(summary, tuple(result.skipped), result.listed, PREPARED)


@pytest.fixture(scope="module")
def anonymous(listed: list[Path], content: Content, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("anonymous")
    report = report_for(listed, content)
    write_rollup_xlsx(report, folder / "region.xlsx")
    write_rollup_pdf(report, folder / "region.pdf")
    return folder / "region.xlsx", folder / "region.pdf"


def cell_texts(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [str(c.value) for ws in book.worksheets for r in ws.iter_rows() for c in r if c.value is not None]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def rows_by_label(path: Path, sheet: str) -> dict[str, list[object]]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {str(r[0]): list(r[1:]) for r in ws.iter_rows(min_row=5, values_only=True) if r[0] is not None}


def quartiles(values: list[Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    q1, median, q3 = statistics.quantiles(sorted(values), n=4, method="inclusive")
    return q1, median, q3


def cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- anonymity ------------------------------------------------------------------------------


def test_anonymous_workbook_names_no_district_anywhere(anonymous: tuple[Path, Path]) -> None:
    xlsx, _ = anonymous
    texts = "\n".join(cell_texts(xlsx))
    props = openpyxl.load_workbook(xlsx).properties
    meta = " ".join(str(getattr(props, k) or "") for k in ("title", "subject", "creator", "description", "keywords",
                                                          "lastModifiedBy", "category", "identifier"))
    with zipfile.ZipFile(xlsx) as archive:  # every part, charts and document properties included
        raw = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    for name in (*NAMES, "Zephyrine"):
        assert name not in texts, name
        assert name not in meta, name
        assert name not in raw, name
    assert "File 6 of 13 in the list" in texts  # the damaged file, by its place only


def test_anonymous_pdf_names_no_district_anywhere(anonymous: tuple[Path, Path]) -> None:
    _, pdf = anonymous
    text = pdf_text(pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    metadata = " ".join(str(v) for v in (PdfReader(pdf).metadata or {}).values())
    for name in (*NAMES, "Zephyrine"):
        assert name not in text, name
        assert name not in info, name
        assert name not in metadata, name
    assert "Regional roll-up of district technology plans" in text
    assert "12 district plans · anonymous" in text


def test_named_output_has_a_table_of_districts(listed: list[Path], content: Content, tmp_path: Path) -> None:
    report = report_for(listed, content, named=True)
    write_rollup_xlsx(report, tmp_path / "named.xlsx")
    write_rollup_pdf(report, tmp_path / "named.pdf")
    districts = rows_by_label(tmp_path / "named.xlsx", "Districts")
    assert [n for n in districts if n != "District"] == list(NAMES)
    text = pdf_text(tmp_path / "named.pdf")
    assert all(name in text for name in NAMES)
    assert "Zephyrine Lakes.techplan" in "\n".join(cell_texts(tmp_path / "named.xlsx"))


# --- the numbers ------------------------------------------------------------------------------


def test_workbook_figures_equal_those_of_the_plans(anonymous: tuple[Path, Path], plans: list[model.Plan],
                                                   content: Content) -> None:
    xlsx, _ = anonymous
    summary = rows_by_label(xlsx, "Summary")
    assert summary["District plans in the roll-up (1 of 13 files skipped)"][0] == "12"
    readiness = rows_by_label(xlsx, "Readiness")
    gear = content.gears[0]
    ids = {e.id for e in gear.elements}
    scores = [(sum(Decimal(r.score) for r in p.readiness if r.id in ids) / len(ids)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP) for p in plans]
    q1, median, q3 = (v.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) for v in quartiles(scores))
    row = readiness[gear.name]
    assert row[0] == 12
    assert row[2:7] == [float(min(scores)), float(q1), float(median), float(q3), float(max(scores))]
    per_student = [cents(sum((ln.unit_cost * ln.quantity * len(ln.years()) for ln in p.budget), Decimal(0))
                         / p.district.enrollment) for p in plans]
    measures = rows_by_label(xlsx, "Measures")
    got = measures["Planned investment per student"]
    assert got[2:7] == [float(cents(v)) for v in (min(per_student), *quartiles(per_student), max(per_student))]
    cell = openpyxl.load_workbook(xlsx)["Measures"]["F5"]
    assert cell.number_format == '"$"#,##0.00'
    assert cell.font.b is False
    assert openpyxl.load_workbook(xlsx)["Measures"]["A4"].font.b is True  # bold headers


def test_pdf_shows_the_same_figures(anonymous: tuple[Path, Path], plans: list[model.Plan]) -> None:
    _, pdf = anonymous
    text = pdf_text(pdf)
    per_student = sorted(cents(sum((ln.unit_cost * ln.quantity * len(ln.years()) for ln in p.budget), Decimal(0))
                               / p.district.enrollment) for p in plans)
    median = cents(quartiles(per_student)[1])
    assert f"${median:,.2f}" in text
    assert f"${per_student[0]:,.2f}" in text
    assert f"${per_student[-1]:,.2f}" in text
    for heading in ("Readiness by gear", "Most common goal areas", "Planned investment per student",
                    "Privacy-agreement coverage", "PD hours per teacher", "Files skipped", "About these figures"):
        assert heading in text
    assert re.search(r"Page 1 of \d", text)


# --- suppression, skipped files, hostile text, fonts --------------------------------------------


def test_small_groups_are_suppressed_in_both_files(listed: list[Path], content: Content, tmp_path: Path) -> None:
    report = report_for(listed, content, min_group=13)
    write_rollup_xlsx(report, tmp_path / "small.xlsx")
    write_rollup_pdf(report, tmp_path / "small.pdf")
    readiness = rows_by_label(tmp_path / "small.xlsx", "Readiness")
    for gear in content.gears:
        assert readiness[gear.label][0] == "suppressed (fewer than 13 districts)"
        assert readiness[gear.label][1:] == [None] * 6
    goals = rows_by_label(tmp_path / "small.xlsx", "Goal areas")
    assert all(row[0] == "suppressed (fewer than 13 districts)" for name, row in goals.items()
               if name != "Future Ready gear")
    text = " ".join(pdf_text(tmp_path / "small.pdf").split())
    assert "suppressed (fewer than 13 districts)" in text
    assert "$" not in text.split("Planned investment per student")[-1].split("Privacy")[0]


def test_damaged_file_is_listed_with_its_reason(anonymous: tuple[Path, Path]) -> None:
    xlsx, pdf = anonymous
    skipped = rows_by_label(xlsx, "Files skipped")
    assert "damaged" in str(skipped["File 6 of 13 in the list"][0])
    text = " ".join(pdf_text(pdf).split())
    assert "Files skipped" in text
    assert "File 6 of 13 in the list" in text
    assert "damaged" in text


def test_hostile_district_names_stay_text(plans: list[model.Plan], content: Content, tmp_path: Path) -> None:
    hostile = ["=HYPERLINK(\"http://x\",\"y\")", "<b>R&D</b> Schools", "+1 District", "@SUM(A1)"]
    renamed = [p.replace(district=model.District(**{**p.district.__dict__, "name": n}))
               for p, n in zip(plans, hostile, strict=False)]
    report = RollupReport(summarize_region(renamed, content, named=True),
                          (SkippedFile("=cmd|' /C calc'!A0", "not a plan", 5),), 5, PREPARED)
    write_rollup_xlsx(report, tmp_path / "h.xlsx")
    write_rollup_pdf(report, tmp_path / "h.pdf")
    ws = openpyxl.load_workbook(tmp_path / "h.xlsx")["Districts"]
    assert [ws.cell(row=r, column=1).value for r in range(5, 9)] == hostile
    assert all(ws.cell(row=r, column=1).data_type == "s" for r in range(5, 9))
    text = pdf_text(tmp_path / "h.pdf")
    assert "<b>R&D</b> Schools" in text
    assert "=cmd|' /C calc'!A0" in text


def test_pdf_embeds_its_fonts_and_is_deterministic(listed: list[Path], content: Content, tmp_path: Path,
                                                   anonymous: tuple[Path, Path]) -> None:
    fonts = subprocess.run(["pdffonts", str(anonymous[1])], check=True, capture_output=True, text=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines
    assert all(" yes " in line for line in lines)
    write_rollup_pdf(report_for(listed, content), tmp_path / "again.pdf")
    assert (tmp_path / "again.pdf").read_bytes() == anonymous[1].read_bytes()


def test_both_files_report_the_cost_of_ownership_per_student_per_year(anonymous: tuple[Path, Path],
                                                                      plans: list[model.Plan],
                                                                      content: Content) -> None:
    """Each district's annualised direct cost ÷ enrollment (plan/tco.py), summarized like every measure."""
    xlsx, pdf = anonymous
    per_year = sorted(v for v in (total_cost(p, content).per_student_per_year for p in plans) if v is not None)
    assert len(per_year) == len(plans)
    # Not the plan's whole budget per student: a year of owning it.
    assert per_year != sorted(cents(sum((ln.unit_cost * ln.quantity * len(ln.years()) for ln in p.budget),
                                        Decimal(0)) / p.district.enrollment) for p in plans)
    got = rows_by_label(xlsx, "Measures")["Cost of ownership per student per year"]
    assert got[0] == len(plans)
    assert got[2:7] == [float(cents(v)) for v in (per_year[0], *quartiles(per_year), per_year[-1])]
    text = pdf_text(pdf)
    assert "Cost of ownership per student per year" in text
    assert f"${cents(quartiles(per_year)[1]):,.2f}" in text
    assert "Cost per student per year: the plan's total cost of ownership a year" in " ".join(text.split())
