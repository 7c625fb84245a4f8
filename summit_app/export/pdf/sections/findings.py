"""Appendix A: the plan checks' findings, pane by pane: the open ones with what to do, then the ones the team
accepted, each with who accepted it and why (the team's words, printed as typed)."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import plural
from summit_app.export.pdf.sections.common import h2, note, opening
from summit_app.export.pdf.tables import GROUP, Column, DataTable, Part, Row, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan import model
from summit_app.plan.checks import BLOCKING, PANES, Finding

ENTRY = Entry("findings", "Open and accepted findings", "A")


def _severity(f: Finding) -> Part:
    return Part(f.severity.capitalize(), "bold" if f.severity == BLOCKING else "regular")


def _by_pane(report: Report, findings: list[Finding], make: dict[int, Row]) -> list[Row]:
    """Rows grouped under their pane's title, in pane order; ``make`` maps a finding's id() to its row."""
    rows: list[Row] = []
    for pane in PANES:
        mine = [f for f in findings if f.pane == pane]
        if mine:
            rows.append(Row((report.title(pane),), GROUP))
            rows += [make[id(f)] for f in mine]
    return rows


def _open(report: Report) -> list[Flowable]:
    findings = list(report.findings)
    none_accepted = "" if report.accepted or report.lapsed else " The team has accepted no finding."
    if not findings:
        return [note(report, "The plan checks found nothing open when this copy was made." + none_accepted)]
    blocking = sum(f.blocking for f in findings)
    lead = note(report, f"{plural(len(findings), 'finding')} from the plan checks were open when this copy was "
                        f"made, {blocking} of them blocking. They are the team's to resolve or to accept."
                        + none_accepted)
    columns = (Column("Severity", 0.12), Column("Finding", 0.5), Column("What to do", 0.38))
    make = {id(f): row(_severity(f), f.message, Part(f.fix, "muted")) for f in findings}
    return [lead, DataTable(columns, _by_pane(report, findings, make))]


def accepted_by(report: Report, acceptance: model.Acceptance) -> str:
    """``Accepted by Superintendent: <the reason as typed>``."""
    role = report.name("roles", acceptance.role) if acceptance.role else "the team"
    return f"Accepted by {role}: {acceptance.reason}"


def _accepted(report: Report) -> list[Flowable]:
    accepted = list(report.accepted)
    lapsed = len(report.lapsed)
    out: list[Flowable] = []
    if not accepted:
        out.append(note(report, "The team has accepted no finding; the acceptances it made no longer hold."))
    else:
        out.append(note(report, f"{plural(len(accepted), 'finding')} the team looked at and accepted, each with "
                                "who accepted it and why. A finding stays accepted only while the facts behind "
                                "it stay as they were."))
        columns = (Column("Severity", 0.12), Column("Finding and why it was accepted", 0.88))
        make = {id(f): row(_severity(f), (Part(f.message), Part(accepted_by(report, a), "italic")))
                for f, a in accepted}
        out.append(DataTable(columns, _by_pane(report, [f for f, _ in accepted], make)))
    if lapsed:
        out.append(note(report, f"{plural(lapsed, 'acceptance')} lapsed because the facts behind "
                                f"{'it' if lapsed == 1 else 'them'} changed; such findings are listed as open."))
    return out


def build(report: Report) -> list[Flowable]:
    out = [*opening(report, ENTRY), h2(report, f"Open ({len(report.findings)})"), *_open(report)]
    if not report.accepted and not report.lapsed:  # said in the open list's lead: no page for a lone line
        return out
    accepted = _accepted(report)
    # The heading stays with what follows it (never the last line of a page).
    return [*out, KeepTogether([h2(report, f"Accepted ({len(report.accepted)})"), accepted[0]]), *accepted[1:]]
