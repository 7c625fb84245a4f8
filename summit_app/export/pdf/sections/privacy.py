"""Section 5, Data privacy: the app and vendor inventory, and the privacy program's practices."""

from __future__ import annotations

from reportlab.platypus import Flowable

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, plural, short_day
from summit_app.export.pdf.sections.access import report_status
from summit_app.export.pdf.sections.common import h2, note, opening
from summit_app.export.pdf.tables import GROUP, Column, DataTable, Part, Row, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan import model


def entry(report: Report) -> Entry:
    return Entry("privacy", report.title("privacy"), "5")


def _app(report: Report, a: model.AppEntry) -> Row:
    agreement = report.name("agreement_statuses", a.agreement_status)
    return row(
        (Part(a.name or NONE, "bold"), Part(a.vendor, "muted"), Part(a.purpose)),
        report.names("app_audiences", a.audience),
        report.names("data_categories", a.data_categories),
        (Part(agreement), *((Part(short_day(a.agreement_date), "muted"),) if a.agreement_date else ()),
         Part(f"COPPA: {report.name('consent_routes', a.consent_route)}", "muted")),
        a.retention or NONE,
        (Part(report.name("approval_statuses", a.approval)),
         Part(f"Accessibility report: {report_status(report, a.accessibility_report)}", "muted")))


def _apps(report: Report) -> list[Flowable]:
    apps = report.plan.apps
    if not apps:
        return [note(report, "No apps or services have been inventoried yet.")]
    signed = sum(a.agreement_status == "signed" for a in apps)
    columns = (Column("App, vendor and purpose", 0.21), Column("Used by", 0.1), Column("Student data", 0.23),
               Column("Agreement and consent", 0.15), Column("Retention and deletion", 0.16),
               Column("Approval and accessibility", 0.15))
    return [note(report, f"{plural(len(apps), 'app or service', 'apps and services')} in the inventory; "
                         f"{signed} with a signed data privacy agreement."),
            DataTable(columns, [_app(report, a) for a in apps])]


def _rating(report: Report, rating: int | None) -> str:
    if rating is None:
        return "Not rated"
    names = {e.id: e.name for e in report.content.practice_levels}
    return f"{rating} · {names.get(str(rating), '')}"


def _practices(report: Report) -> DataTable:
    ratings = {p.id: p for p in report.plan.practices}
    columns = (Column("Practice", 0.42), Column("Rating", 0.18), Column("Notes", 0.4))
    rows: list[Row] = []
    for area in report.content.practice_areas:
        rows.append(Row((area.name,), GROUP))
        for practice in area.practices:
            p = ratings.get(practice.id)
            rows.append(row(practice.name, _rating(report, p.rating if p else None), (p.notes if p else "") or ""))
    return DataTable(columns, rows)


def build(report: Report) -> list[Flowable]:
    return [*opening(report, entry(report)), h2(report, "App and vendor inventory"), *_apps(report),
            h2(report, "Privacy program practices"),
            note(report, "Each practice is self-rated from 1 (not yet considered) to 4 (mature)."),
            _practices(report)]
