"""The executive summary: vision, goals, investment, readiness, open findings, on one or two pages."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, fy, money, money_column, plural, score, short_day
from summit_app.export.pdf.markup import para, prose
from summit_app.export.pdf.sections.common import KeyFigures, h2, note, opening
from summit_app.export.pdf.tables import DATA, TOTAL, Column, DataTable, Part, Row, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan.readiness import gear_scores, overall_score

ENTRY = Entry("summary", "Executive summary", "")


def _readiness_words(report: Report) -> tuple[str, str]:
    overall = overall_score(report.plan, report.content)
    if overall is None:
        return "—", "not assessed yet"
    return f"{overall} / 10", report.level_of(overall).name


def _figures(report: Report) -> KeyFigures:
    summary, d = report.summary, report.plan.district
    per_student = summary.per_student(d.enrollment)
    score, level = _readiness_words(report)
    return KeyFigures([
        ("TOTAL INVESTMENT", money(summary.total, cents=False), f"over {plural(len(summary.years), 'fiscal year')}"),
        ("PER STUDENT", money(per_student, cents=False) if per_student is not None else "—",
         f"for {plural(d.enrollment, 'student')}" if d.enrollment else "enrollment not given"),
        ("OVERALL READINESS", score, level),
        ("GOALS", str(len(report.plan.goals)), f"{plural(len(report.plan.budget), 'budget line')}"),
    ])


def _goals(report: Report) -> list[Flowable]:
    if not report.plan.goals:
        return [note(report, "No goals have been written yet.")]
    columns = (Column("#", 0.06), Column("Goal", 0.4), Column("Measure and target", 0.34), Column("Owner", 0.2))
    rows = [row(report.goal_label(g.id), Part(g.title or "—", "bold"),
                (Part(g.measure or "—"), Part(f"Target: {g.target or '—'} by {short_day(g.due_date)}", "muted")),
                g.owner or "—")
            for g in report.plan.goals]
    return [DataTable(columns, rows)]


def _by_year(report: Report) -> DataTable:
    summary = report.summary
    columns = (Column("Fiscal year", 0.25), Column("Planned cost", 0.25, "right"),
               Column("Funding", 0.25, "right"), Column("Gap", 0.25, "right"))
    gap = sum(summary.gaps().values(), Decimal(0))
    figures = [[summary.by_year[y], summary.funding_by_year[y], summary.gap(y)] for y in summary.years]
    figures.append([summary.total, summary.funding_total, gap])
    flat = money_column([a for line in figures for a in line])
    labels = [fy(y) for y in summary.years] + ["Total"]
    rows = [Row((label, flat[3 * i], flat[3 * i + 1], flat[3 * i + 2] if figures[i][2] else NONE),
                TOTAL if label == "Total" else DATA) for i, label in enumerate(labels)]
    return DataTable(columns, rows)


def _readiness_line(report: Report) -> str:
    scores = {g.name: s for g in report.content.gears
              for s in (gear_scores(report.plan, report.content).get(g.id),) if s is not None}
    score, level = _readiness_words(report)
    if not scores:
        return "The team has not scored its readiness yet."
    strongest = max(scores, key=lambda k: scores[k])
    weakest = min(scores, key=lambda k: scores[k])
    return (f"Overall readiness is {score} ({level}). Strongest: {strongest} ({scores[strongest]}). "
            f"Most room to grow: {weakest} ({scores[weakest]}).")


def _findings_line(report: Report) -> str:
    findings, accepted = report.findings, len(report.accepted)
    also = f" The team accepted {plural(accepted, 'finding')}, each with its reason; Appendix A lists them." \
        if accepted else ""
    if not findings:
        return "The plan checks found nothing open." + also
    blocking = sum(f.blocking for f in findings)
    return (f"{plural(len(findings), 'finding')} from the plan checks remain open ({blocking} blocking); "
            "Appendix A lists them." + also)


def build(report: Report) -> list[Flowable]:
    s = report.styles
    vision = report.plan.vision.statement
    return [
        *opening(report, ENTRY), _figures(report),
        h2(report, "Vision"), *(prose(vision, s.quote) if vision.strip() else [note(report, "No vision yet.")]),
        h2(report, "Goals"), *_goals(report),
        KeepTogether([h2(report, "Investment and funding by year"), _by_year(report)]),
        KeepTogether([h2(report, "Readiness"), para(_readiness_line(report), s.body), _gears(report)]),
        KeepTogether([h2(report, "Open findings"), para(_findings_line(report), s.body)]),
    ]


def _gears(report: Report) -> DataTable:
    """Each gear's score and level, in two side-by-side halves to stay short."""
    scores = gear_scores(report.plan, report.content)
    cells = []
    for gear in report.content.gears:
        value = scores.get(gear.id)
        level = report.level_of(value).name if value is not None else "Not rated"
        cells.append((gear.label, score(value), level))
    half = (len(cells) + 1) // 2
    rows = [row(*cells[i], *(cells[i + half] if i + half < len(cells) else ("", "", ""))) for i in range(half)]
    columns = (Column("Gear", 0.3), Column("Score", 0.07, "right"), Column("Level", 0.13),
               Column("Gear", 0.3), Column("Score", 0.07, "right"), Column("Level", 0.13))
    return DataTable(columns, rows)
