"""Parts of section 8, Budget: E-Rate as a discount with its local match, and the total cost of ownership.

E-Rate pays a share of an eligible line (the district's discount, capped by the
line's category); the district pays the rest, the local match, from a source it
names. E-Rate counts in funding years, which start on 1 July and are named for
the calendar year they start in: fiscal year 2028 is funding year 2027.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, count, fy_range, hours, money, money_column
from summit_app.export.pdf.sections.common import h2, note
from summit_app.export.pdf.tables import TOTAL, Column, DataTable, Part, Row, row
from summit_app.plan import model
from summit_app.plan.erate import ErateShare, category2_budget, erate_share, funding_year
from summit_app.plan.tco import TotalCost, total_cost

ZERO = Decimal(0)


def funding_years(years: range) -> str:
    """``FY2028–FY2031 (funding years 2027–2030)``: the fiscal years and the E-Rate funding years they are."""
    if not len(years):
        return NONE
    first, last = funding_year(years[0]), funding_year(years[-1])
    named = f"funding year {first}" if first == last else f"funding years {first}–{last}"
    return f"{fy_range(years[0], years[-1])} ({named})"


def figures(pairs: list[tuple[str, str]]) -> DataTable:
    """Labelled figures, the figures right-aligned in a column of their own (so the digits line up)."""
    columns = (Column("", 0.72), Column("", 0.28, "right"))
    return DataTable(columns, [row(Part(label, "muted"), value) for label, value in pairs], header=False,
                     row_headers=(0,))


def _source(report: Report, source_id: str | None) -> str:
    source = report.plan.item("funding", source_id) if source_id else None
    if source is None:
        return "No source named: unfunded"
    return source.name or report.name("funding_kinds", source.kind)


def _shares(report: Report) -> list[tuple[model.BudgetLine, ErateShare]]:
    out = []
    for line in report.plan.budget:
        share = erate_share(report.plan, report.content, line)
        if share is not None:
            out.append((line, share))
    return out


def _erate_row(report: Report, line: model.BudgetLine, share: ErateShare, amounts: list[str]) -> Row:
    category = report.name("erate_categories", share.category).split(":")[0] if share.category else NONE
    return row((Part(line.description or NONE), Part(category, "muted")), funding_years(line.years()),
               amounts[0], f"{share.rate_percent}%", amounts[1], amounts[2], _source(report, share.match_source_id))


def _erate_table(report: Report, shares: list[tuple[model.BudgetLine, ErateShare]]) -> DataTable:
    columns = (Column("E-Rate line", 0.21), Column("Years", 0.16), Column("Cost a year", 0.12, "right"),
               Column("Discount", 0.11, "right"), Column("E-Rate pays", 0.13, "right"),
               Column("Local match", 0.12, "right"), Column("Match paid by", 0.15))
    figures = [[line.cost_per_year(), s.discount_per_year, s.local_match_per_year] for line, s in shares]
    figures.append([sum((f[i] for f in figures), ZERO) for i in range(3)])
    text = money_column([a for f in figures for a in f])
    chunks = [text[i:i + 3] for i in range(0, len(text), 3)]
    rows = [_erate_row(report, line, share, chunks[i]) for i, (line, share) in enumerate(shares)]
    rows.append(Row(("Total", "", chunks[-1][0], "", chunks[-1][1], chunks[-1][2], ""), TOTAL))
    return DataTable(columns, rows)


def _erate_lead(report: Report) -> str:
    rate = report.plan.district.erate_discount_percent
    return (f"E-Rate is a discount, not a grant: it pays the district's discount ({rate}%; Category 2 at most "
            f"85%) of an eligible line's cost a year, and the district pays the rest, the local match, from a "
            f"source it names. E-Rate counts in funding years, which start on 1 July: FY2028 is funding year 2027.")


def _category2(report: Report) -> list[Flowable]:
    budget = category2_budget(report.plan, report.content)
    if budget is None:
        return []
    years = f"funding years {budget.first_funding_year}–{budget.last_funding_year}"
    amounts = money_column([budget.total, budget.committed, budget.left])
    table = figures([(f"Five-year budget, {years}", amounts[0]),
                     ("Committed by this plan's Category 2 lines (before the discount)", amounts[1]),
                     ("Left", amounts[2])])
    return [KeepTogether([h2(report, "E-Rate Category 2 budget"),
                          note(report, f"Category 2 (internal connections) has a five-year budget for {years}, "
                                       f"before the discount: $201.57 per student, at least $30,175."),
                          table])]


def erate_part(report: Report) -> list[Flowable]:
    """The E-Rate lines with their discount and local match, and the Category 2 budget."""
    shares = _shares(report)
    title = h2(report, "E-Rate: the discount and the local match")
    if not shares:
        return [title, note(report, "No budget line is paid by an E-Rate source."), *_category2(report)]
    # Kept on one page where it fits: a header repeated on a continuation page is an artifact, and
    # checkers read a header of several words there as prose hidden from readers.
    return [KeepTogether([title, note(report, _erate_lead(report)), _erate_table(report, shares)]),
            *_category2(report)]


def _per(value: Decimal | None) -> str:
    return money(value) if value is not None else NONE


def _tco_rows(cost: TotalCost) -> list[tuple[str, str]]:
    return [
        ("Direct cost per year (annualised)", money(cost.direct_per_year)),
        (f"Per student per year ({count(cost.students)} students)", _per(cost.per_student_per_year)),
        (f"Per device per year ({count(cost.devices)} devices)", _per(cost.per_device_per_year)),
        ("Indirect: staff time in training, per year (not budgeted)",
         f"{hours(cost.indirect_training_hours_per_year)} hours"),
        ("Device replacement needed per year", money(cost.replacement_need_per_year)),
        ("Device replacement budgeted per year (the plan's last year)", money(cost.replacement_budgeted_per_year)),
        ("Replacement gap per year", money(cost.replacement_gap_per_year)),
    ]


def tco_part(report: Report) -> list[Flowable]:
    """The total cost of ownership: what the plan costs a year once one-time purchases are spread out."""
    cost = total_cost(report.plan, report.content)
    table = figures(_tco_rows(cost))
    return [KeepTogether([
        h2(report, "Total cost of ownership"),
        note(report, "What owning the plan's technology costs a year: one-time device costs spread over their "
                     "refresh cycle, other one-time costs over the plan's years, recurring costs as budgeted. "
                     "Budgeted training is a direct cost; the staff time spent in training is an indirect one, "
                     "shown in hours. Replacement compares the devices' yearly refresh need with the recurring "
                     "replacement money in the plan's last year."),
        table])]
