"""Section 8, Budget: totals by year, category and source (tables and charts), funding, every line."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from summit_app.export.pdf.charts import hbars, year_bars
from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import (
    NONE,
    amount,
    count,
    fy,
    fy_range,
    money,
    money_column,
    plural,
    short_day,
)
from summit_app.export.pdf.sections import costs
from summit_app.export.pdf.sections.access import needs_report, report_status
from summit_app.export.pdf.sections.common import h2, note, opening
from summit_app.export.pdf.styles import FRAME_WIDTH
from summit_app.export.pdf.tables import DATA, TOTAL, Column, DataTable, Part, Row, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan import model
from summit_app.plan.budget import line_cost, line_total
from summit_app.plan.formats import share
from summit_app.plan.rollout import delivery_of

_TABLE_ABOVE = "Planned cost beside funding in each fiscal year; the table above gives the exact amounts."
_TABLE_BELOW = "Amounts rounded as on the bars; the table below gives each to the cent, with its share of the total."
#: Room the budget lines' heading needs below it on a page, in points (its note and a few rows).
LINES_START = 160
#: The bar charts show this many categories or sources; the rest are summed as "All others".
CHART_ROWS = 9


def entry(report: Report) -> Entry:
    return Entry("budget", report.title("budget"), "8")


def _lead(report: Report) -> str:
    s, d = report.summary, report.plan.district
    per = s.per_student(d.enrollment)
    gaps = [fy(y) for y, gap in s.gaps().items() if gap]
    text = (f"The plan invests {amount(s.total)} over {plural(len(s.years), 'fiscal year')} in "
            f"{plural(len(report.plan.budget), 'budget line')}")
    text += f", {amount(per)} per student. " if per is not None else ". "
    text += f"Funding sources provide {amount(s.funding_total)}. "
    if gaps:
        return text + f"Funding falls short in {', '.join(gaps)}."
    if s.unassigned():
        return text + (f"Every year's funding covers its cost, but {amount(s.unassigned())} is charged to no "
                       "funding source.")
    return text + "Every year is fully funded."


def _by_year(report: Report) -> DataTable:
    s, enrollment = report.summary, report.plan.district.enrollment
    columns = (Column("Fiscal year", 0.2), Column("Planned cost", 0.2, "right"), Column("Funding", 0.2, "right"),
               Column("Gap", 0.2, "right"), Column("Per student", 0.2, "right"))
    gap = sum(s.gaps().values(), Decimal(0))
    figures = [[s.by_year[y], s.funding_by_year[y], s.gap(y)] for y in s.years] + [[s.total, s.funding_total, gap]]
    text = _chunked(money_column([a for line in figures for a in line]), 3)
    per = [s.per_student(enrollment, y) for y in s.years] + [s.per_student(enrollment)]
    labels = [fy(y) for y in s.years] + ["Total"]
    rows = [Row((labels[i], text[i][0], text[i][1], text[i][2] if figures[i][2] else NONE, _per(per[i])),
                TOTAL if i == len(s.years) else DATA) for i in range(len(labels))]
    return DataTable(columns, rows)


def _per(amount: Decimal | None) -> str:
    return money(amount) if amount is not None else NONE


def _ranked(items: dict[str, Decimal]) -> list[tuple[str, Decimal]]:
    ranked = sorted(((k, v) for k, v in items.items() if v), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > CHART_ROWS:
        rest = sum((v for _, v in ranked[CHART_ROWS - 1:]), Decimal(0))
        ranked = [*ranked[:CHART_ROWS - 1], ("All others", rest)]
    return ranked


def _source_name(report: Report, source_id: str | None) -> str:
    source = report.plan.item("funding", source_id) if source_id else None
    return (source.name or report.name("funding_kinds", source.kind)) if source else "No funding source"


def _share(part: Decimal, whole: Decimal) -> str:
    """``42.5%`` of the plan's total (to a tenth of a percent, half up); a dash when there is no total."""
    if not whole:
        return NONE
    return share(part, whole, places=1)


def _exact(report: Report, label: str, items: dict[str, Decimal], counts: dict[str, int] | None = None, *,
           ranked: bool = True) -> DataTable:
    """Every item's planned cost to the cent and its share, largest first (or in the given order), with the
    total."""
    order = sorted(items.items(), key=lambda kv: (-kv[1], kv[0])) if ranked else list(items.items())
    total = report.summary.total
    amounts = money_column([v for _, v in order] + [total])
    lines = [Column("Lines", 0.1, "right")] if counts is not None else []
    columns = (Column(label, 0.5 if counts is not None else 0.6), *lines, Column("Planned cost", 0.25, "right"),
               Column("Share", 0.15, "right"))
    rows = [Row((name, *((count(counts[name]),) if counts is not None else ()), amounts[i], _share(v, total)))
            for i, (name, v) in enumerate(order)]
    every = (count(sum(counts.values())),) if counts is not None else ()
    rows.append(Row(("Total", *every, amounts[-1], "100%" if total else NONE), TOTAL))
    return DataTable(columns, rows)


def by_category(report: Report) -> dict[str, Decimal]:
    """Planned cost per category name, as the summary counts it (the plan's years only)."""
    out: dict[str, Decimal] = {}
    for key, v in report.summary.by_category.items():
        name = report.name("cost_categories", key) if key else "No category"
        out[name] = out.get(name, Decimal(0)) + v
    return out


def by_source(report: Report) -> dict[str, Decimal]:
    """Planned cost per funding source name (the plan's years only)."""
    out: dict[str, Decimal] = {}
    for source_id, v in report.summary.by_source.items():
        name = _source_name(report, source_id)
        out[name] = out.get(name, Decimal(0)) + v
    return out


def by_goal(report: Report) -> tuple[dict[str, Decimal], dict[str, int]]:
    """Planned cost and number of lines per goal ("G1  Title") in the plan's years; a line serves one goal."""
    labels = {g.id: f"{report.goal_label(g.id)}  {g.title or 'Untitled goal'}" for g in report.plan.goals}
    cost = dict.fromkeys(labels.values(), Decimal(0))
    lines = dict.fromkeys(labels.values(), 0)
    for line in report.plan.budget:
        label = labels.get(line.goal_id or "", "Not linked to a goal")
        spent = sum((line_cost(line, y) for y in report.summary.years), Decimal(0))
        cost[label] = cost.get(label, Decimal(0)) + spent
        lines[label] = lines.get(label, 0) + 1
    return cost, lines


def _charts(report: Report) -> list[Flowable]:
    s = report.summary
    years = [fy(y) for y in s.years]
    categories, sources = by_category(report), by_source(report)
    goals, goal_lines = by_goal(report)
    series = [("Planned cost", [s.by_year[y] for y in s.years]), ("Funding", [s.funding_by_year[y] for y in s.years])]
    return [KeepTogether([h2(report, "Planned cost and funding by year"),
                          year_bars(years, series, FRAME_WIDTH, caption=_TABLE_ABOVE)]),
            KeepTogether([h2(report, "Planned cost by category"),
                          hbars("planned cost by category", _ranked(categories), FRAME_WIDTH, caption=_TABLE_BELOW),
                          _exact(report, "Category", categories)]),
            KeepTogether([h2(report, "Planned cost by funding source"),
                          hbars("planned cost by funding source", _ranked(sources), FRAME_WIDTH,
                                caption=_TABLE_BELOW),
                          _exact(report, "Funding source", sources)]),
            KeepTogether([h2(report, "Planned cost by goal"),
                          note(report, "Each budget line serves at most one goal; lines without one are listed "
                                       "apart. Costs count the plan's fiscal years, as every total in this section "
                                       "does."),
                          _exact(report, "Goal", goals, goal_lines, ranked=False)])]


def _funding(report: Report) -> list[Flowable]:
    sources, years = report.plan.funding, report.summary.years
    if not sources:
        return [note(report, "No funding sources have been entered yet.")]
    share = 0.7 / (len(years) + 1)
    columns = (Column("Funding source", 0.3), *(Column(fy(y), share, "right") for y in years),
               Column("Total", share, "right"))
    totals = [report.summary.funding_by_year[y] for y in years]
    figures = [[*s.amounts[:len(years)], sum(s.amounts[:len(years)], Decimal(0))] for s in sources]
    figures.append([*totals, sum(totals, Decimal(0))])
    text = _chunked(money_column([a for line in figures for a in line]), len(years) + 1)
    rows = []
    for src, amounts in zip(sources, text, strict=False):
        kind = report.name("funding_kinds", src.kind) + (", recurring" if src.recurring else ", one-time")
        rows.append(row((Part(src.name or NONE, "bold"), Part(kind, "muted")), *amounts))
    rows.append(Row(("Total", *text[-1]), TOTAL))
    return [DataTable(columns, rows)]


def _chunked(items: list[str], size: int) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _device(report: Report, line: model.BudgetLine) -> str:
    """What a device line buys: the device, for whom, whether it replaces devices, when it arrives."""
    users = report.name("device_users", line.device_users).lower()
    what = f"{report.name('device_types', line.device_type)} for {users}"
    if line.replaces_devices:
        what += ", replacing devices in service"
    if line.pilot:
        what += ", a device pilot or test"
    when = f"delivery {short_day(delivery_of(line))}"
    if line.delivery_date is None:
        when += f" (the start of {fy(line.first_year)})"
    return f"{what}; {when}"


def _category(report: Report, category: str) -> str:
    """``Category 1``: the short form of an E-Rate category's name (the name goes on to say what it covers)."""
    return report.name("erate_categories", category).split(":")[0]


def _erate(report: Report, line: model.BudgetLine) -> str:
    """An E-Rate line's category and who pays its local match."""
    category = f"E-Rate {_category(report, line.erate_category)}" if line.erate_category else "E-Rate"
    if line.match_source_id:
        return f"{category}; local match from {_source_name(report, line.match_source_id)}"
    return f"{category}; no source named for the local match"


def _line_facts(report: Report, line: model.BudgetLine) -> tuple[Part, ...]:
    parts = [Part(line.description or NONE), Part(report.name("cost_categories", line.category), "muted")]
    if line.device_type:
        parts.append(Part(_device(report, line), "muted"))
    elif line.pilot:
        parts.append(Part("Device pilot or test", "muted"))
    if line.erate_category or line.match_source_id:
        parts.append(Part(_erate(report, line), "muted"))
    if line.accessibility_report or needs_report(report, line):
        parts.append(Part(f"Accessibility report: {report_status(report, line.accessibility_report)}", "muted"))
    return tuple(parts)


def _line(report: Report, line: model.BudgetLine) -> Row:
    years = line.years()
    when = fy_range(years[0], years[-1]) if len(years) else NONE
    return row(
        _line_facts(report, line),
        report.goal_label(line.goal_id), _source_name(report, line.funding_source_id),
        (Part(when), Part("recurring" if line.recurring else "one-time", "muted")),
        money(line.unit_cost), count(line.quantity), money(line_total(line)))


def _lines(report: Report) -> list[Flowable]:
    lines = report.plan.budget
    if not lines:
        return [note(report, "No budget lines have been entered yet.")]
    columns = (Column("Budget line and details", 0.32), Column("Goal", 0.06), Column("Funding source", 0.16),
               Column("Years", 0.15), Column("Unit cost", 0.11, "right"), Column("Qty", 0.06, "right"),
               Column("Total", 0.14, "right"))
    rows = [_line(report, line) for line in lines]
    rows.append(Row(("Total", "", "", "", "", "", money(sum((line_total(x) for x in lines), Decimal(0)))), TOTAL))
    return [DataTable(columns, rows)]


def build(report: Report) -> list[Flowable]:
    return [*opening(report, entry(report)), note(report, _lead(report)), h2(report, "Totals by year"),
            _by_year(report), *_charts(report), h2(report, "Funding sources"), *_funding(report),
            *costs.erate_part(report), *costs.tco_part(report),
            CondPageBreak(LINES_START),  # the heading and its note never end a page without rows under them
            h2(report, f"Budget lines ({len(report.plan.budget)})"),
            note(report, "Total: unit cost × quantity × the years the line spends in (one year when one-time)."),
            *_lines(report)]
