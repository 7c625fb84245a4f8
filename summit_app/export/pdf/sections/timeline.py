"""Section 9, Timeline & evaluation: milestones in date order, then how each goal will be evaluated."""

from __future__ import annotations

from collections import Counter
from datetime import date

from reportlab.platypus import CondPageBreak, Flowable

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, short_day
from summit_app.export.pdf.sections.common import h2, note, opening
from summit_app.export.pdf.tables import Column, DataTable, Part, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan import model

#: Room the Evaluation heading needs below it, in points: its introduction and the first goal's row.
EVALUATION_START = 150
#: Undated milestones come last.
UNDATED = date.max


def entry(report: Report) -> Entry:
    return Entry("timeline", report.title("timeline"), "9")


def in_date_order(milestones: tuple[model.Milestone, ...]) -> list[model.Milestone]:
    """Milestones by date (undated last); on the same day in the order the team listed them."""
    return sorted(milestones, key=lambda m: m.due_date or UNDATED)


def _status_line(report: Report) -> str:
    counts = Counter(m.status for m in report.plan.milestones)
    parts = [f"{counts[e.id]} {e.name.lower()}" for e in report.content.vocabulary("statuses") if counts[e.id]]
    return f"{len(report.plan.milestones)} milestones: " + ", ".join(parts) + "."


def _milestones(report: Report) -> list[Flowable]:
    milestones = report.plan.milestones
    if not milestones:
        return [note(report, "No milestones have been set yet.")]
    columns = (Column("Date", 0.12), Column("Milestone", 0.38), Column("Kind", 0.13), Column("Owner", 0.17),
               Column("Status", 0.11), Column("Goals", 0.09))
    rows = [row(short_day(m.due_date), Part(m.title or NONE, "bold"), report.name("milestone_kinds", m.kind),
                m.owner or NONE,
                report.name("statuses", m.status), report.goals_label(m.goal_ids))
            for m in in_date_order(milestones)]
    return [note(report, _status_line(report)), DataTable(columns, rows)]


def _reviews(report: Report, goal: model.Goal) -> str:
    """The milestones at which the goal is reviewed: those linked to it, in date order."""
    linked = [m for m in in_date_order(report.plan.milestones) if goal.id in m.goal_ids]
    return "\n".join(f"{short_day(m.due_date)}  {m.title or NONE}" for m in linked) or "No milestone linked yet"


def _evaluation(report: Report) -> list[Flowable]:
    goals = report.plan.goals
    intro = note(report, "How the board will know each goal is met: what is measured, where it starts, the target "
                         "and its date, who reports on it, and the milestones at which progress is reviewed.")
    if not goals:
        return [intro, note(report, "No goals have been written yet.")]
    columns = (Column("Goal", 0.19), Column("Measure", 0.18), Column("Baseline", 0.13),
               Column("Target and date", 0.14), Column("Owner", 0.12), Column("Review milestones", 0.24))
    rows = [row((Part(report.goal_label(g.id), "bold"), Part(g.title or "Untitled goal")), g.measure or NONE,
                g.baseline or NONE, (Part(g.target or NONE), Part(f"by {short_day(g.due_date)}", "muted")),
                g.owner or NONE, _reviews(report, g))
            for g in goals]
    return [intro, DataTable(columns, rows)]


def build(report: Report) -> list[Flowable]:
    return [*opening(report, entry(report)), h2(report, "Milestones"), *_milestones(report),
            CondPageBreak(EVALUATION_START), h2(report, "Evaluation"), *_evaluation(report)]
