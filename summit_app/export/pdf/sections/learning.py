"""Section 4, Professional learning: every activity, whom it reaches, for how long, toward which goals."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, count, hours, plural, short_day
from summit_app.export.pdf.sections.common import note, opening
from summit_app.export.pdf.tables import TOTAL, Column, DataTable, Part, Row, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan import model


def entry(report: Report) -> Entry:
    return Entry("learning", report.title("learning"), "4")


def _dates(activity: model.LearningActivity) -> str:
    start, end = short_day(activity.start_date), short_day(activity.end_date)
    return start if start == end or activity.end_date is None else f"{start} to {end}"


def _kind(report: Report, a: model.LearningActivity) -> str:
    """The activity's type and purpose: only teaching with technology counts as training for devices."""
    return f"{report.name('pd_components', a.component)} · {report.name('pd_purposes', a.purpose)}"


def _row(report: Report, a: model.LearningActivity) -> Row:
    return row(
        (Part(a.title or NONE, "bold"), Part(_kind(report, a), "muted")),
        report.name("pd_audiences", a.audience), report.name("pd_formats", a.format),
        count(a.participants), hours(a.hours), hours(a.hours * a.participants), _dates(a),
        report.goals_label(a.goal_ids))


def build(report: Report) -> list[Flowable]:
    activities = report.plan.learning
    out = [*opening(report, entry(report))]
    if not activities:
        return [*out, note(report, "No professional learning has been planned yet.")]
    total_hours = sum((a.hours * a.participants for a in activities), Decimal(0))
    people = sum(a.participants for a in activities)
    out.append(note(report, f"{plural(len(activities), 'activity', 'activities')}, "
                            f"{count(people)} participant places and {hours(total_hours)} participant-hours in all."))
    columns = (Column("Activity, type and purpose", 0.27), Column("Audience", 0.12), Column("Format", 0.09),
               Column("People", 0.08, "right"), Column("Hours each", 0.08, "right"),
               Column("Total hours", 0.09, "right"), Column("Dates", 0.17), Column("Goals", 0.1))
    rows = [_row(report, a) for a in activities]
    rows.append(Row(("Total", "", "", count(people), "", hours(total_hours), "", ""), TOTAL))
    return [*out, DataTable(columns, rows)]
