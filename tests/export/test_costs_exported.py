"""E-Rate as a discount, the total cost of ownership and accepted findings, read back from both exports.

The PDF is read with pdftotext; the workbook after LibreOffice recalculated it
(so its formulas, not only the cached values, give the plan's own figures).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook import Workbook
from plan_facts import REASON, erate_lines, with_accepted, with_new_facts

from summit_app.export.pdf import write_pdf
from summit_app.export.xlsx import write_xlsx
from summit_app.plan import model
from summit_app.plan.budget import summarize
from summit_app.plan.checks import Finding, assess
from summit_app.plan.content import Content
from summit_app.plan.erate import category2_budget, erate_share
from summit_app.plan.tco import total_cost

CENT = Decimal("0.01")
ReadTable = Callable[[Workbook, str], list[dict[str, Any]]]


def money(value: Any) -> Decimal:
    return Decimal(repr(float(value))).quantize(CENT, rounding=ROUND_HALF_UP)


def squashed(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *options, str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


@pytest.fixture(scope="module")
def accepted(demo: model.Plan, content: Content) -> tuple[model.Plan, Finding]:
    return with_accepted(with_new_facts(), content)


@pytest.fixture(scope="module")
def plan(accepted: tuple[model.Plan, Finding]) -> model.Plan:
    return accepted[0]


@pytest.fixture(scope="module")
def pdf(plan: model.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("costs") / "plan.pdf"
    write_pdf(plan, path)
    return path


@pytest.fixture(scope="module")
def text(pdf: Path) -> str:
    return squashed(pdf_text(pdf))


@pytest.fixture(scope="module")
def rows(pdf: Path) -> list[str]:
    return [squashed(line) for line in pdf_text(pdf, "-layout").splitlines()]


# --- the PDF ---------------------------------------------------------------------------------


def test_the_pdf_splits_each_erate_line_into_discount_and_local_match(plan: model.Plan, content: Content,
                                                                     rows: list[str], text: str) -> None:
    internet = next(line for line in erate_lines(plan) if line.id == "line-02")
    share = erate_share(plan, content, internet)
    assert share is not None
    assert (share.rate_percent, share.discount_per_year, share.local_match_per_year) == (80, 76800, 19200)
    assert any(r.startswith("Internet access, 4 Gbps FY2027–FY2031 $96,000 80% $76,800 $19,200 General fund")
               for r in rows)
    assert "(funding years 2026–2030)" in text
    assert "Wi-Fi 6 access points, phase 2 (8 schools) Category 2" in text
    assert "FY2028 (funding year 2027)" in text
    assert "FY2028 is funding year 2027" in text
    assert "No source named: unfunded" in text  # line-04 names no source for its match
    shares = [erate_share(plan, content, line) for line in erate_lines(plan)]
    total = sum((s.discount_per_year for s in shares if s), Decimal(0))
    assert any(r.startswith("Total") and f"${total:,.0f}" in r for r in rows)


def test_the_pdf_shows_the_category2_budget_and_what_is_left(plan: model.Plan, content: Content,
                                                             rows: list[str]) -> None:
    budget = category2_budget(plan, content)
    assert budget is not None
    assert budget.committed == Decimal("234000") + Decimal("201500")
    assert f"Five-year budget, funding years 2026–2030 ${budget.total:,.2f}" in rows
    assert f"Left ${budget.left:,.2f}" in rows


def test_the_pdf_shows_the_total_cost_of_ownership(plan: model.Plan, content: Content, rows: list[str]) -> None:
    cost = total_cost(plan, content)
    assert cost.per_student_per_year is not None
    assert cost.per_device_per_year is not None
    assert f"Direct cost per year (annualised) ${cost.direct_per_year:,.2f}" in rows
    assert f"Per student per year ({cost.students:,} students) ${cost.per_student_per_year:,.2f}" in rows
    assert f"Per device per year ({cost.devices:,} devices) ${cost.per_device_per_year:,.2f}" in rows
    hours = f"{cost.indirect_training_hours_per_year:,.2f}".rstrip("0").rstrip(".")
    assert f"Indirect: staff time in training, per year (not budgeted) {hours} hours" in rows
    assert f"Replacement gap per year ${cost.replacement_gap_per_year:,.2f}" in rows


def test_an_accepted_finding_is_listed_with_who_accepted_it_and_the_reason_as_typed(
        accepted: tuple[model.Plan, Finding], pdf: Path) -> None:
    _, finding = accepted
    text = squashed(pdf_text(pdf))
    appendix = text[text.rindex("Appendix A: Open and accepted findings"):text.rindex("Approval and signatures")]
    opened, accepted_part = appendix.split("Accepted (1)", 1)
    assert squashed(finding.message) in accepted_part
    assert squashed(finding.message) not in opened
    # The reason follows the finding, markup and the leading "=" printed as typed, the line break kept.
    assert squashed(f"{finding.message} Accepted by Superintendent: {REASON}") in accepted_part
    assert "The team accepted 1 finding, each with its reason" in text


def test_a_plan_without_e_rate_lines_says_so(tmp_path: Path) -> None:
    plan = model.Plan(district=model.District(enrollment=500), budget=(
        model.BudgetLine("b1", description="Laptops", category="devices", unit_cost=Decimal("500"), quantity=10),))
    write_pdf(plan, tmp_path / "plain.pdf")
    text = squashed(pdf_text(tmp_path / "plain.pdf"))
    assert "No budget line is paid by an E-Rate source." in text
    assert "They are the team's to resolve or to accept. The team has accepted no finding." in text
    assert "Accepted (" not in text


# --- the workbook, recalculated by LibreOffice -----------------------------------------------


@pytest.fixture(scope="module")
def book(plan: model.Plan, tmp_path_factory: pytest.TempPathFactory,
         recalculate: Callable[..., list[Path]]) -> Workbook:
    path = tmp_path_factory.mktemp("costs-xlsx") / "plan.xlsx"
    write_xlsx(plan, path)
    return openpyxl.load_workbook(recalculate(path)[0], data_only=True)


def labelled(ws: Any, col: int) -> dict[str, Any]:
    """Column A's labels → the value in column ``col`` of the same row."""
    return {r[0].value: r[col - 1].value for r in ws.iter_rows(min_col=1, max_col=col) if r[0].value}


@pytest.mark.slow
def test_the_workbook_splits_erate_lines_as_the_plan_does(book: Workbook, plan: model.Plan, content: Content,
                                                         read_table: ReadTable) -> None:
    lines = {r["Budget line"]: r for r in read_table(book, "BudgetLines")}
    for line in plan.budget:
        row, share = lines[line.description], erate_share(plan, content, line)
        if share is None:
            assert (row["E-Rate discount (%)"], money(row["Local match per year"])) in ((None, 0), ("", 0))
        else:
            assert row["E-Rate discount (%)"] == share.rate_percent
            assert money(row["E-Rate pays per year"]) == share.discount_per_year
            assert money(row["Local match per year"]) == share.local_match_per_year
    summary = summarize(plan, content)
    ws = book["Funding"]
    start = next(c.row for c in ws["A"] if c.value == "Planned cost charged to each source") + 2
    for i, source in enumerate(plan.funding):
        figures = [money(ws.cell(start + i, 4 + j).value) for j in range(len(summary.years))]
        assert figures == [summary.charged.get((source.id, y), Decimal(0)) for y in summary.years], source.name
    unassigned = [money(ws.cell(start + len(plan.funding), 4 + j).value) for j in range(len(summary.years))]
    assert unassigned == [summary.charged.get((None, y), Decimal(0)) for y in summary.years]


@pytest.mark.slow
def test_the_workbook_shows_erate_by_funding_year_and_the_category2_budget(book: Workbook, plan: model.Plan,
                                                                          content: Content) -> None:
    ws = book["Funding"]
    values = labelled(ws, 4)
    shares = [s for s in (erate_share(plan, content, line) for line in plan.budget) if s]
    first_year = plan.fiscal_years()[0]
    in_year = [s for s, line in zip(shares, erate_lines(plan), strict=True) if first_year in line.years()]
    assert values["E-Rate funding year"] == str(first_year - 1)
    assert money(values["E-Rate pays: the discount"]) == sum((s.discount_per_year for s in in_year), Decimal(0))
    assert money(values["The district pays: the local match"]) == sum(
        (s.local_match_per_year for s in in_year), Decimal(0))
    budget = category2_budget(plan, content)
    assert budget is not None
    assert values["Funding years"] == f"{budget.first_funding_year}–{budget.last_funding_year}"
    assert money(values["Five-year budget"]) == budget.total
    assert money(values["Committed by this plan's Category 2 lines"]) == budget.committed
    assert money(values["Left"]) == budget.left


@pytest.mark.slow
def test_the_workbook_shows_the_total_cost_of_ownership(book: Workbook, plan: model.Plan, content: Content) -> None:
    cost = total_cost(plan, content)
    values = labelled(book["Summary"], 3)
    assert money(values["Direct cost per year (annualised, at export)"]) == cost.direct_per_year
    assert money(values["Per student per year"]) == cost.per_student_per_year
    assert money(values["Per device per year"]) == cost.per_device_per_year
    assert money(values["Staff hours in training a year (indirect)"]) == cost.indirect_training_hours_per_year
    assert money(values["Replacement gap per year"]) == cost.replacement_gap_per_year
    assert labelled(book["Summary"], 2)["Open findings at export"] == len(assess(plan, content).open)


def test_the_workbook_lists_the_accepted_finding_with_its_reason_as_inert_text(
        accepted: tuple[model.Plan, Finding], content: Content, tmp_path: Path, read_table: ReadTable) -> None:
    plan, finding = accepted
    write_xlsx(plan, tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    rows = read_table(book, "Findings")
    assert [r["Finding"] for r in rows if r["Status"] == "Open"] == [f.message for f in assess(plan, content).open]
    assert [(r["Finding"], r["Accepted by"], r["Why it was accepted"]) for r in rows if r["Status"] == "Accepted"] \
        == [(finding.message, "Superintendent", REASON)]
    ws = book["Findings"]
    [cell] = [c for row in ws.iter_rows() for c in row if c.value == REASON]
    assert (cell.data_type, cell.quotePrefix) == ("s", True)  # "=SUM(…" stays text, never a formula
    assert not [c for row in ws.iter_rows() for c in row if c.data_type == "f"]
    summary = labelled(book["Summary"], 3)
    assert "1 more accepted by the team, with a reason" in summary["Open findings at export"]
