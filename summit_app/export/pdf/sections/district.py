"""Section 1, District & team: the district's facts, the summit, the plan's years and the team."""

from __future__ import annotations

from reportlab.platypus import Flowable

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, count, day, plural
from summit_app.export.pdf.sections.common import facts, h2, note, opening
from summit_app.export.pdf.tables import Column, DataTable, Part, row
from summit_app.export.pdf.toc import Entry


def entry(report: Report) -> Entry:
    return Entry("district", report.title("district"), "1")


def _count(n: int) -> str:
    return count(n) if n else NONE


def _district(report: Report) -> DataTable:
    d = report.plan.district
    return facts([
        ("District", d.name or NONE),
        ("State", d.state or NONE),
        ("Students enrolled", _count(d.enrollment)),
        ("Schools", _count(d.schools)),
        ("Staff", _count(d.staff)),
        ("Teachers", _count(d.teachers)),
        ("Summit", ", ".join(x for x in (d.summit_city, day(d.summit_date) if d.summit_date else "") if x) or NONE),
        ("Plan years", f"{report.fiscal_years} ({plural(d.plan_years, 'fiscal year')})"),
        ("E-Rate discount", _discount(report)),
    ])


def _discount(report: Report) -> str:
    """The district's E-Rate discount: its Category 1 rate, and Category 2's, which is capped lower."""
    rate = report.plan.district.erate_discount_percent
    if not rate:
        return "None entered (0%)"
    caps = [(f"Category {i}", int(e.get("max_discount_percent", 100)))
            for i, e in enumerate(report.content.vocabulary("erate_categories"), start=1)]
    return ", ".join(f"{min(rate, cap)}% for {name}" for name, cap in caps)


def _team(report: Report) -> list[Flowable]:
    members = report.plan.members
    if not members:
        return [note(report, "No team members have been added yet.")]
    columns = (Column("Name", 0.3), Column("Role at the table", 0.25), Column("Title", 0.45))
    rows = [row(Part(m.name or NONE, "bold"), report.name("roles", m.role), m.title or NONE) for m in members]
    return [DataTable(columns, rows)]


def build(report: Report) -> list[Flowable]:
    return [*opening(report, entry(report)), _district(report),
            h2(report, f"Leadership team ({len(report.plan.members)})"), *_team(report)]
