"""Appendix A: the plan checks' open findings, pane by pane, each with what to do about it."""

from __future__ import annotations

from reportlab.platypus import Flowable

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import plural
from summit_app.export.pdf.sections.common import note, opening
from summit_app.export.pdf.tables import GROUP, Column, DataTable, Part, Row, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan.checks import BLOCKING, PANES

ENTRY = Entry("findings", "Open findings", "A")


def build(report: Report) -> list[Flowable]:
    findings = report.findings
    out = [*opening(report, ENTRY)]
    if not findings:
        return [*out, note(report, "The plan checks found nothing open when this copy was made.")]
    blocking = sum(f.blocking for f in findings)
    out.append(note(report, f"{plural(len(findings), 'finding')} from the plan checks were open when this copy "
                            f"was made, {blocking} of them blocking. They are the team's to resolve or to accept."))
    columns = (Column("Severity", 0.12), Column("Finding", 0.5), Column("What to do", 0.38))
    rows: list[Row] = []
    for pane in PANES:
        mine = [f for f in findings if f.pane == pane]
        if mine:
            rows.append(Row((report.title(pane),), GROUP))
            rows += [row(Part(f.severity.capitalize(), "bold" if f.severity == BLOCKING else "regular"),
                         f.message, Part(f.fix, "muted")) for f in mine]
    return [*out, DataTable(columns, rows)]
