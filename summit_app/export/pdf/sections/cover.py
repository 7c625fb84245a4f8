"""The cover: district, plan title and years, summit, date, status and the leadership team."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepInFrame, Spacer, TableStyle

from summit_app.export.pdf.canvas import DRAFT_MARK
from summit_app.export.pdf.context import Report
from summit_app.export.pdf.fonts import FACES
from summit_app.export.pdf.formatting import count, day
from summit_app.export.pdf.markup import escape
from summit_app.export.pdf.styles import FRAME_HEIGHT, FRAME_WIDTH, PALETTE
from summit_app.export.pdf.tables import Column, DataTable, Part, Row
from summit_app.export.pdf.tagged import H1, LayoutTable, Para
from summit_app.export.pdf.toc import SectionStart

#: The cover lists at most this many team members.
COVER_TEAM = 14


def _facts_line(report: Report) -> str:
    d = report.plan.district
    bits = [d.state] if d.state else []
    if d.enrollment:
        bits.append(f"{count(d.enrollment)} students")
    if d.schools:
        bits.append(f"{count(d.schools)} schools")
    return " · ".join(bits)


def _summit_line(report: Report) -> str:
    d = report.plan.district
    where = f"the {d.summit_city} summit" if d.summit_city else "the regional summit"
    return f"Prepared by the district leadership team at {where}" + (f", {day(d.summit_date)}" if d.summit_date else "")


def _status(report: Report) -> Flowable:
    """A boxed line saying whether this copy is for signature, and of which date."""
    signed_at = report.signed_at
    if report.draft:
        text, color = f"{DRAFT_MARK}. This copy shows the plan as it stands; it is not the signed version.", \
            PALETTE.danger
    else:
        when = f" on {day(signed_at.date())}" if signed_at else ""
        text, color = f"Issued for signature{when}", PALETTE.accent
    style = ParagraphStyle("status", fontName=FACES.bold, fontSize=9.5, leading=13, textColor=color)
    table = LayoutTable([[Para(escape(text), style)]], colWidths=[FRAME_WIDTH])
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.9, color), ("FONTNAME", (0, 0), (-1, -1), FACES.regular),
                               ("LEFTPADDING", (0, 0), (-1, -1), 10), ("TOPPADDING", (0, 0), (-1, -1), 7),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return table


def _team(report: Report) -> list[Flowable]:
    """The team in two columns; a team too large for the cover is listed in full in section 1."""
    members = report.plan.members
    if not members:
        return []
    shown = members[:COVER_TEAM]
    cells = [(Part(m.name or "—", "bold"), Part(m.title or report.name("roles", m.role), "muted")) for m in shown]
    half = (len(cells) + 1) // 2
    rows = [Row((cells[i], cells[i + half] if i + half < len(cells) else "")) for i in range(half)]
    out = [Para("LEADERSHIP TEAM", report.styles.kicker), Spacer(1, 4),
           DataTable((Column("", 1), Column("", 1)), rows, header=False, as_list=True)]
    if len(members) > len(shown):
        out.append(Para(escape(f"and {len(members) - len(shown)} more: the whole team is listed in section 1."),
                             report.styles.muted))
    return out


def build(report: Report) -> list[Flowable]:
    s = report.styles
    out: list[Flowable] = [Spacer(1, 70), Para("DISTRICT TECHNOLOGY PLAN", s.kicker), Spacer(1, 6),
                           H1(escape(report.district_name), s.cover_title),
                           Para(escape(f"Technology Plan {report.fiscal_years}"), s.cover_district)]
    facts = _facts_line(report)
    if facts:
        out.append(Para(escape(facts), s.cover_line))
    out += [Spacer(1, 26), Para(escape(_summit_line(report)), s.cover_line), Spacer(1, 16), _status(report),
            Spacer(1, 40), *_team(report)]
    # One page, always: a very long district name or title is set smaller rather than spill over.
    return [SectionStart(), KeepInFrame(FRAME_WIDTH, FRAME_HEIGHT, out, mode="shrink")]
