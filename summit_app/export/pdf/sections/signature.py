"""The signature page: what is being approved, the full plan fingerprint, and lines to sign and date."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.fonts import FACES
from summit_app.export.pdf.formatting import day
from summit_app.export.pdf.markup import escape
from summit_app.export.pdf.sections.common import note, opening
from summit_app.export.pdf.styles import FRAME_WIDTH, PALETTE
from summit_app.export.pdf.tagged import LayoutTable, Para
from summit_app.export.pdf.toc import Entry

ENTRY = Entry("signatures", "Approval and signatures", "")
BLANK = "\u00a0"  # a table row needs some content to keep its height


def _style(name: str, font: str = FACES.regular, size: float = 9, color: object = PALETTE.ink) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.35, textColor=color)


def _title_of(report: Report, name: str, fallback: str) -> str:
    """The title a signatory has on the team roster, or the usual one."""
    member = next((m for m in report.plan.members if name and m.name == name and m.title), None)
    return member.title if member else fallback


def _signatory(role: str, name: str, title: str) -> LayoutTable:
    kicker, bold, muted = _style("k", FACES.bold, 7.5, PALETTE.muted), _style("n", FACES.bold), \
        _style("t", size=8.5, color=PALETTE.muted)
    rows = [[Para(escape(role.upper()), kicker), "", ""],
            [BLANK, "", BLANK],
            [Para(escape(name or "Printed name: ______________________"), bold), "",
             Para("Date", muted)],
            [Para(escape(title), muted), "", ""]]
    # splitInRow: a name or title longer than a page must continue on the next (else LayoutError).
    table = LayoutTable(rows, colWidths=[FRAME_WIDTH * 0.6, FRAME_WIDTH * 0.08, FRAME_WIDTH * 0.32],
                  rowHeights=[None, 34, None, None], splitInRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FACES.regular), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEBELOW", (0, 1), (0, 1), 0.8, PALETTE.ink), ("LINEBELOW", (2, 1), (2, 1), 0.8, PALETTE.ink),
        ("TOPPADDING", (0, 2), (-1, 2), 4)]))
    return table


def _fingerprint(report: Report) -> LayoutTable:
    signed_at = report.signed_at
    lines = [[Para("PLAN FINGERPRINT (SHA-256 OF THE PLAN'S CONTENT)", _style("k", FACES.bold, 7.5,
                                                                                  PALETTE.muted))],
             [Para(report.fingerprint, _style("f", FACES.bold, 9.6, PALETTE.accent))]]
    if signed_at and not report.draft:
        lines.append([Para(escape(f"Issued for signature on {day(signed_at.date())} at "
                                       f"{signed_at:%H:%M} UTC"), _style("s", size=8.5, color=PALETTE.muted))])
    table = LayoutTable(lines, colWidths=[FRAME_WIDTH])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FACES.regular), ("BACKGROUND", (0, 0), (-1, -1), PALETTE.band),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, PALETTE.accent), ("LEFTPADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, 0), 9), ("BOTTOMPADDING", (0, -1), (-1, -1), 10)]))
    return table


def _board(report: Report) -> Flowable:
    """The board meeting the plan goes to, and lines to record the approval itself."""
    meeting = report.plan.approval.board_meeting_date
    text = (f"For approval by the Board of Education at its meeting of {day(meeting)}." if meeting
            else "For approval by the Board of Education.")
    blank = "______________________"
    return KeepTogether([Para("BOARD APPROVAL", _style("k", FACES.bold, 7.5, PALETTE.muted)), Spacer(1, 4),
                         Para(escape(text), _style("b", size=10)), Spacer(1, 10),
                         Para(f"Approved on {blank}&nbsp;&nbsp;&nbsp;&nbsp;Minute or resolution reference "
                                   f"{blank}", _style("r", size=9, color=PALETTE.muted))])


def build(report: Report) -> list[Flowable]:
    a = report.plan.approval
    intro = (f"By signing below, the undersigned approve the {report.district_name} Technology Plan "
             f"{report.fiscal_years} in the version identified by this fingerprint. Any change to the plan "
             "after this copy was issued gives a different fingerprint.")
    people = [("Superintendent", a.superintendent_name, a.superintendent_title or "Superintendent"),
              ("Board president", a.board_president, "President, Board of Education"),
              ("Technology director", a.technology_director,
               _title_of(report, a.technology_director, "Technology Director"))]
    out: list[Flowable] = [*opening(report, ENTRY), Para(escape(intro), report.styles.body), Spacer(1, 6),
                           _fingerprint(report), Spacer(1, 26)]
    for role, name, title in people:
        out += [_signatory(role, name, title), Spacer(1, 22)]
    out.append(_board(report))
    if report.draft:
        out += [Spacer(1, 18), note(report, "This is a draft copy: do not sign it. Export the plan for signature "
                                            "to record this fingerprint in the plan.")]
    return out
