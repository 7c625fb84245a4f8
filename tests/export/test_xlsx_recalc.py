"""The workbook's formulas computed by a real spreadsheet engine (LibreOffice) equal the plan's own totals.

One LibreOffice run converts both the demo workbook and a copy in which a unit
cost was changed with openpyxl, as a finance officer would change it in Excel.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook import Workbook

from summit_app.export.xlsx import write_xlsx
from summit_app.plan import model
from summit_app.plan.budget import BudgetSummary, line_cost, line_total, summarize
from summit_app.plan.content import Content
from summit_app.plan.readiness import gear_scores, overall_score

pytestmark = pytest.mark.slow

CENT = Decimal("0.01")
ReadTable = Callable[[Workbook, str], list[dict[str, Any]]]


def money(value: Any) -> Decimal:
    """A computed figure to the cent (LibreOffice stores binary floats)."""
    return Decimal(repr(float(value))).quantize(CENT, rounding=ROUND_HALF_UP)


def changed_line(plan: model.Plan) -> int:
    """A recurring line that spends in several years: its unit cost moves many totals at once."""
    return next(i for i, line in enumerate(plan.budget) if len(line.years()) > 2)


def with_unit_cost(plan: model.Plan, index: int, unit_cost: Decimal) -> model.Plan:
    lines = list(plan.budget)
    lines[index] = dataclasses.replace(lines[index], unit_cost=unit_cost)
    return plan.replace(budget=tuple(lines))


NEW_UNIT_COST = Decimal("123456.78")


def loose_ends(plan: model.Plan) -> model.Plan:
    """The plan with a line of no source, a line of no category, and two sources named alike."""
    lines = list(plan.budget)
    lines[0] = dataclasses.replace(lines[0], funding_source_id=None)
    lines[1] = dataclasses.replace(lines[1], category="")
    sources = list(plan.funding)
    sources[1] = dataclasses.replace(sources[1], name=sources[0].name.upper())
    return plan.replace(budget=tuple(lines), funding=tuple(sources))


@pytest.fixture(scope="module")
def computed(demo: model.Plan, tmp_path_factory: pytest.TempPathFactory,
             recalculate: Callable[..., list[Path]]) -> tuple[Workbook, ...]:
    """The demo workbook, the same after a unit cost was edited, and the loose-ends plan's: recalculated."""
    folder = tmp_path_factory.mktemp("recalc")
    original, edited, loose = folder / "demo.xlsx", folder / "edited.xlsx", folder / "loose.xlsx"
    write_xlsx(demo, original)
    write_xlsx(loose_ends(demo), loose)
    book = openpyxl.load_workbook(original)
    budget = book["Budget"]
    header = [c.value for c in budget[4]]
    budget.cell(5 + changed_line(demo), header.index("Unit cost") + 1).value = NEW_UNIT_COST
    book.save(edited)
    return tuple(openpyxl.load_workbook(path, data_only=True) for path in recalculate(original, edited, loose))


def rows_after(ws: Any, title: str, count: int) -> dict[str, list[Any]]:
    """The ``count`` rows under the header that follows section ``title``: label → figures."""
    start = next(c.row for c in ws["A"] if c.value == title) + 2
    return {ws.cell(r, 1).value: [c.value for c in ws[r][1:]] for r in range(start, start + count)}


def check_investment(book: Workbook, plan: model.Plan, summary: BudgetSummary) -> None:
    years = list(summary.years)
    rows = rows_after(book["Summary"], "Investment by fiscal year", 4)
    assert [money(v) for v in rows["Planned cost"][:6]] == [summary.by_year[y] for y in years] + [summary.total]
    assert [money(v) for v in rows["Funding available"][:6]] == [
        summary.funding_by_year[y] for y in years] + [summary.funding_total]
    gaps = summary.gaps()
    assert [money(v) for v in rows["Funding gap (cost not funded)"][:6]] == [gaps[y] for y in years] + [
        sum(gaps.values(), Decimal(0))]
    enrollment = plan.district.enrollment
    assert [money(v) for v in rows["Cost per student"][:6]] == [
        summary.per_student(enrollment, y) for y in years] + [summary.per_student(enrollment)]


def check_categories(book: Workbook, plan: model.Plan, summary: BudgetSummary, content: Content) -> None:
    names = content.vocabulary("cost_categories")
    rows = rows_after(book["Summary"], "Investment by category", len(names) + 2)
    for entry in names:
        mine = [line for line in plan.budget if line.category == entry.id]
        by_year = [sum((line_cost(line, y) for line in mine), Decimal(0)) for y in summary.years]
        assert [money(v) for v in rows[entry.name][:6]] == [
            *by_year, summary.by_category.get(entry.id, Decimal(0))], entry.name
    no_category = [line for line in plan.budget if not line.category]
    assert [money(v) for v in rows["Not in a category above"][:6]] == [
        *(sum((line_cost(line, y) for line in no_category), Decimal(0)) for y in summary.years),
        summary.by_category.get("", Decimal(0))]
    assert money(rows["Total"][5]) == summary.total


def check_sources(book: Workbook, plan: model.Plan, summary: BudgetSummary) -> None:
    rows = list(rows_after(book["Funding"], "Planned cost charged to each source", len(plan.funding) + 2).items())
    # What each source is charged: an E-Rate line's discount on E-Rate, its local match on the match's source.
    for source, (_, values) in zip(plan.funding, rows, strict=False):
        by_year = [summary.charged.get((source.id, y), Decimal(0)) for y in summary.years]
        figures = [money(v) for v in values[2:8]]
        assert figures == [*by_year, summary.by_source.get(source.id, Decimal(0))], source.name
    labelled = dict(rows)
    assert money(labelled["Not assigned to a source above"][7]) == summary.by_source.get(None, Decimal(0))
    assert money(labelled["Total planned cost"][7]) == summary.total


def check_lines(book: Workbook, plan: model.Plan, read_table: ReadTable) -> None:
    for row, line in zip(read_table(book, "BudgetLines"), plan.budget, strict=True):
        assert money(row["Cost per year"]) == line.cost_per_year()
        assert [money(row[f"FY{y}"]) for y in plan.fiscal_years()] == [line_cost(line, y) for y in plan.fiscal_years()]
        assert money(row["Line total"]) == line_total(line)


def test_totals_equal_the_plans_own_to_the_cent(computed: tuple[Workbook, ...], demo: model.Plan,
                                                content: Content, read_table: ReadTable) -> None:
    book = computed[0]
    summary = summarize(demo, content)
    check_lines(book, demo, read_table)
    check_investment(book, demo, summary)
    check_categories(book, demo, summary, content)
    check_sources(book, demo, summary)


def test_changing_a_unit_cost_moves_every_dependent_total(computed: tuple[Workbook, ...],
                                                          demo: model.Plan, content: Content,
                                                          read_table: ReadTable) -> None:
    before, after = computed[:2]
    plan = with_unit_cost(demo, changed_line(demo), NEW_UNIT_COST)
    summary = summarize(plan, content)
    assert summary.total != summarize(demo, content).total
    check_lines(after, plan, read_table)
    check_investment(after, plan, summary)
    check_categories(after, plan, summary, content)
    check_sources(after, plan, summary)
    assert money(rows_after(before["Summary"], "Investment by fiscal year", 1)["Planned cost"][5]) != summary.total


def test_lines_without_a_source_or_category_and_sources_named_alike(computed: tuple[Workbook, ...],
                                                                   demo: model.Plan, content: Content,
                                                                   read_table: ReadTable) -> None:
    plan = loose_ends(demo)
    summary = summarize(plan, content)
    book = computed[2]
    assert summary.by_source.get(None)
    assert summary.by_category.get("")
    check_lines(book, plan, read_table)
    check_categories(book, plan, summary, content)
    check_sources(book, plan, summary)
    names = [r["Funding source"] for r in read_table(book, "FundingSources")]
    assert names[:2] == [plan.funding[0].name, f"{plan.funding[1].name} (2)"]


def test_readiness_and_other_derived_figures(computed: tuple[Workbook, ...], demo: model.Plan,
                                             content: Content, read_table: ReadTable) -> None:
    book = computed[0]
    gears = rows_after(book["Summary"], "Readiness by Future Ready gear", len(content.gears) + 1)
    expected = gear_scores(demo, content)
    for gear in content.gears:
        score = gears[gear.label][0]
        shown = Decimal(repr(score)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        assert shown == expected[gear.id], gear.name
        assert gears[gear.label][1] == content.level_for(int(shown.quantize(Decimal(1), ROUND_HALF_UP))).name
    assert Decimal(repr(gears["Overall (gears weigh the same)"][0])) == overall_score(demo, content)
    levels = {r["Element"]: r["Level"] for r in read_table(book, "ReadinessRatings")}
    for rating in demo.readiness:
        name = content.name_of("elements", rating.id)
        assert levels[name] == (content.level_for(rating.score).name if rating.score is not None else None)
    hours = sum((a.hours * a.participants for a in demo.learning), Decimal(0))
    assert sum(money(r["Participant hours"]) for r in read_table(book, "LearningActivities")) == hours
    net = book["Infrastructure"]
    values = {row[0].value: row[3].value for row in net.iter_rows(min_col=1, max_col=4) if row[0].value}
    users = demo.district.enrollment + demo.district.staff
    assert values["Users: students and staff"] == users
    assert values["Internet bandwidth the target calls for (Mbps)"] == -(-users * demo.network.target_mbps_per_1000
                                                                        // 1000)
