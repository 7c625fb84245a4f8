"""The Findings sheet: what the plan checks report for the plan as exported, open ones first, then the ones the
team accepted with who accepted each and why.

The reasons are the team's words and reach their cells as text like every
other user string (grid.py): a reason starting with ``=`` stays text.
"""

from __future__ import annotations

from summit_app.export.xlsx.book import Book
from summit_app.export.xlsx.grid import Column, TableSpec, Value
from summit_app.export.xlsx.styles import Kind
from summit_app.plan import model
from summit_app.plan.checks import Finding, assess

FINDINGS = "Findings"


def findings_spec() -> TableSpec:
    return TableSpec(FINDINGS, (
        Column("Status", Kind.TEXT, 11),
        Column("Severity", Kind.TEXT, 10),
        Column("Pane", Kind.WRAP, 18),
        Column("Finding", Kind.WRAP, 60),
        Column("What to do", Kind.WRAP, 44),
        Column("Accepted by", Kind.WRAP, 18),
        Column("Why it was accepted", Kind.WRAP, 50),
    ))


def _row(book: Book, finding: Finding, acceptance: model.Acceptance | None) -> list[Value]:
    pane = book.content.guidance.get(finding.pane)
    common: list[Value] = [finding.severity.capitalize(), pane.title if pane else finding.pane, finding.message,
                           finding.fix]
    if acceptance is None:
        return ["Open", *common, "", ""]
    return ["Accepted", *common, book.name_of("roles", acceptance.role), acceptance.reason]


def write_findings(book: Book) -> None:
    writer = book.sheet("Findings")
    writer.title("Findings of the plan checks", f"{book.subtitle} · as exported")
    assessment = assess(book.plan, book.content)
    # In the checks' own order: most severe first, then pane by pane.
    rows = [_row(book, f, None) for f in assessment.open] + [_row(book, f, a) for f, a in assessment.accepted]
    placed = writer.table(findings_spec(), rows)
    writer.put(placed.last_row + 2, 1, "The findings describe the plan as exported; edits in this workbook do not "
                                       "change them. A finding stays accepted only while the facts behind it stay "
                                       "as they were.", Kind.NOTE)
    writer.finish(district=book.district, sheet_name="Findings", freeze="A5", title_rows="4:4")
