"""Section 8, Timeline & evaluation: milestones with dates, owners, status and the goals they serve."""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, short_day
from summit_app.export.pdf.sections.common import note, opening
from summit_app.export.pdf.tables import Column, DataTable, Part, row
from summit_app.export.pdf.toc import Entry


def entry(report: Report) -> Entry:
    return Entry("timeline", report.title("timeline"), "8")


def _status_line(report: Report) -> str:
    counts = Counter(m.status for m in report.plan.milestones)
    parts = [f"{counts[e.id]} {e.name.lower()}" for e in report.content.vocabulary("statuses") if counts[e.id]]
    return f"{len(report.plan.milestones)} milestones: " + ", ".join(parts) + "."


def build(report: Report) -> list[Flowable]:
    milestones = report.plan.milestones
    out = [*opening(report, entry(report))]
    if not milestones:
        return [*out, note(report, "No milestones have been set yet.")]
    columns = (Column("Date", 0.13), Column("Milestone", 0.45), Column("Owner", 0.2), Column("Status", 0.12),
               Column("Goals", 0.1))
    rows = [row(short_day(m.due_date), Part(m.title or NONE, "bold"), m.owner or NONE,
                report.name("statuses", m.status), report.goals_label(m.goal_ids)) for m in milestones]
    return [*out, note(report, _status_line(report)), DataTable(columns, rows)]
