"""Section 3, Vision & goals: the vision statement, then each goal with its measure and actions."""

from __future__ import annotations

from functools import partial

from reportlab.platypus import Flowable, KeepTogether

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, short_day
from summit_app.export.pdf.markup import prose
from summit_app.export.pdf.sections.common import h2, h3, note, opening
from summit_app.export.pdf.tables import Column, DataTable, Part, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan import model


def entry(report: Report) -> Entry:
    return Entry("vision", report.title("vision"), "3")


def _facts(report: Report, goal: model.Goal) -> DataTable:
    """Alignment on the left, who and when on the right."""
    columns = (Column("", 0.2), Column("", 0.42), Column("", 0.12), Column("", 0.26))
    label = partial(Part, face="muted")
    return DataTable(columns, [
        row(label("Future Ready gear"), report.name("gears", goal.gear), label("Owner"), goal.owner or NONE),
        row(label("ISTE Essential Conditions"), report.names("iste_conditions", goal.iste_conditions),
            label("Due date"), short_day(goal.due_date)),
        row(label("E-Rate checklist (historical, pre-2015)"), report.names("erate_elements", goal.erate_elements),
            label("Priority"),
            str(goal.priority) if goal.priority is not None else NONE),
    ], header=False, space_after=6, row_headers=(0, 2))


def _measure(goal: model.Goal) -> DataTable:
    columns = (Column("Measure", 0.44), Column("Baseline", 0.28), Column("Target", 0.28))
    return DataTable(columns, [row(goal.measure or NONE, goal.baseline or NONE, goal.target or NONE)],
                     space_after=6)


def _actions(report: Report, actions: list[model.GoalAction]) -> list[Flowable]:
    if not actions:
        return []
    columns = (Column("Action", 0.52), Column("Owner", 0.2), Column("Due", 0.13), Column("Status", 0.15))
    rows = [row(a.text or NONE, a.owner or NONE, short_day(a.due_date), report.name("statuses", a.status))
            for a in actions]
    return [DataTable(columns, rows, space_after=14)]


def _goal(report: Report, goal: model.Goal) -> list[Flowable]:
    s = report.styles
    head = [h3(report, f"{report.goal_label(goal.id)}  {goal.title or 'Untitled goal'}"),
            *prose(goal.description, s.body), _facts(report, goal), _measure(goal)]
    actions = [a for a in report.plan.actions if a.goal_id == goal.id]
    return [KeepTogether(head), *_actions(report, actions)]


def _unlinked(report: Report) -> list[Flowable]:
    known = {g.id for g in report.plan.goals}
    loose = [a for a in report.plan.actions if a.goal_id not in known]
    return [h3(report, "Actions not linked to a goal"), *_actions(report, loose)] if loose else []


def build(report: Report) -> list[Flowable]:
    s = report.styles
    vision = report.plan.vision.statement
    out = [*opening(report, entry(report)), h2(report, "Vision")]
    out += prose(vision, s.quote) if vision.strip() else [note(report, "No vision statement yet.")]
    out.append(h2(report, f"Goals ({len(report.plan.goals)})"))
    if not report.plan.goals:
        out.append(note(report, "No goals have been written yet."))
    for goal in report.plan.goals:
        out += _goal(report, goal)
    return out + _unlinked(report)
