"""Section 10, Peers and communication: the districts "like us" the team visits, the schools that show the
vision in action, and who hears about the plan, how, in which languages and when."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import CondPageBreak, Flowable

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, count, plural, short_day
from summit_app.export.pdf.sections.common import h2, note, opening
from summit_app.export.pdf.tables import Column, DataTable, Part, Row, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan import model

TITLE = "Peers and communication"
#: Room a part's heading needs below it, in points: its note and the first rows of its table.
PART_START = 130
#: Undated items come last.
UNDATED = date.max


def entry(report: Report) -> Entry:
    return Entry("community", TITLE, "10")


def _peer_facts(p: model.PeerDistrict) -> tuple[Part, ...]:
    """The peer's name, then where it is and its size in a lighter line."""
    figures = [p.state, f"{count(p.enrollment)} students" if p.enrollment else "",
               f"{p.low_income_percent}% low-income" if p.low_income_percent else ""]
    about = ", ".join(f for f in figures if f)
    return (Part(p.name or NONE, "bold"), *((Part(about, "muted"),) if about else ()))


def _visit(p: model.PeerDistrict) -> tuple[Part, ...]:
    who = (Part(p.visitors, "muted"),) if p.visitors else ()
    return (Part(short_day(p.visit_date) if p.visit_date else "No date yet"), *who)


def _peer(report: Report, p: model.PeerDistrict) -> Row:
    return row(_peer_facts(p), report.names("peer_likenesses", p.alike_in), report.name("peer_relations", p.relation),
               _visit(p), p.adopt or NONE)


def _peers(report: Report) -> list[Flowable]:
    peers = report.plan.peers
    title = h2(report, f"Peer districts ({len(peers)})")
    if not peers:
        return [title, note(report, "The plan names no peer districts yet.")]
    # Short headers: a header repeated on a continuation page is an artifact, and checkers take a long
    # one there for prose hidden from readers.
    columns = (Column("Peer district", 0.22), Column("Alike in", 0.16), Column("Relation", 0.14),
               Column("Visit", 0.17), Column("To adopt", 0.31))
    return [title, note(report, "Districts like ours that the team will learn from or mentor, the visit that "
                                "makes it real, and what the team means to bring home."),
            DataTable(columns, [_peer(report, p) for p in peers])]


def _school(s: model.LighthouseSchool) -> tuple[Part, ...]:
    extra = [Part(x, "muted") for x in (s.district, s.contact) if x]
    return (Part(s.name or NONE, "bold"), *extra)


def _lighthouse(report: Report, s: model.LighthouseSchool) -> Row:
    opens = short_day(s.open_from) if s.open_from else "No date yet"
    return row(_school(s), s.shows or NONE, report.goals_label(s.goal_ids), opens,
               report.names("visit_audiences", s.open_to))


def _lighthouses(report: Report) -> list[Flowable]:
    schools = report.plan.lighthouses
    title = h2(report, f"Lighthouse schools ({len(schools)})")
    if not schools:
        return [title, note(report, "The plan names no lighthouse schools yet.")]
    columns = (Column("School", 0.24), Column("Shows", 0.34), Column("Goals", 0.1), Column("Open from", 0.12),
               Column("Open to", 0.2))
    return [title, note(report, "Schools that show the vision in action, from when they open their doors and "
                                "to whom."),
            DataTable(columns, [_lighthouse(report, s) for s in schools])]


def in_date_order(messages: tuple[model.Communication, ...]) -> list[model.Communication]:
    """The communication plan by date (undated last); on the same day in the order the team listed them."""
    return sorted(messages, key=lambda c: c.planned_date or UNDATED)


def _message(report: Report, c: model.Communication) -> Row:
    return row(short_day(c.planned_date), report.name("communication_kinds", c.kind),
               report.names("communication_audiences", c.audiences), report.name("communication_channels", c.channel),
               c.languages or NONE, c.owner or NONE, c.message or NONE)


def _communications(report: Report) -> list[Flowable]:
    messages = report.plan.communications
    title = h2(report, f"Communication plan ({len(messages)})")
    if not messages:
        return [title, note(report, "The plan has no communication plan yet: no board adoption, public posting, "
                                    "family session or progress report is scheduled.")]
    columns = (Column("Date", 0.11), Column("Kind", 0.14), Column("Audience", 0.13), Column("Channel", 0.12),
               Column("Languages", 0.14), Column("Owner", 0.13), Column("Message", 0.23))
    lead = (f"{plural(len(messages), 'message')} in date order: who hears about the plan, how, in which "
            f"languages, when, and from whom.")
    return [title, note(report, lead), DataTable(columns, [_message(report, c) for c in in_date_order(messages)])]


def build(report: Report) -> list[Flowable]:
    return [*opening(report, entry(report)), *_peers(report), CondPageBreak(PART_START), *_lighthouses(report),
            CondPageBreak(PART_START), *_communications(report)]
