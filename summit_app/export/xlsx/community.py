"""The Community sheet: peer districts, lighthouse schools and the communication plan, one table each.

The three tables share the sheet's columns, so their columns are laid on one
grid: a name first, the long text (what the team will adopt, what a school
shows, the message) in the same wide column, dates in the same column, so no
table inherits a width meant for another's text. Each table keeps its own
header; the sheet repeats none on printed pages (three tables have no one
header row).
"""

from __future__ import annotations

from datetime import date

from summit_app.export.xlsx.book import Book
from summit_app.export.xlsx.grid import HEADER_ROW, Column, Placed, SheetWriter, TableSpec, Value
from summit_app.export.xlsx.styles import Kind
from summit_app.plan import model

SHEET = "Community"
PEERS, LIGHTHOUSES, COMMUNICATIONS = "PeerDistricts", "LighthouseSchools", "CommunicationPlan"
#: Column widths shared by the three tables: name, two short texts, a date, two lists, the long text, two figures.
GRID = (26.0, 18.0, 18.0, 14.0, 22.0, 22.0, 48.0, 12.0, 12.0)


def _on_grid(name: str, columns: tuple[Column, ...]) -> TableSpec:
    return TableSpec(name, tuple(Column(c.header, c.kind, GRID[i], choices=c.choices)
                                 for i, c in enumerate(columns)))


def peers_spec(book: Book) -> TableSpec:
    return _on_grid(PEERS, (
        Column("Peer district", Kind.WRAP),
        Column("State", Kind.WRAP),
        Column("Relation", Kind.WRAP, choices=book.lists["peer_relations"]),
        Column("Planned visit", Kind.DATE),
        Column("Who visits", Kind.WRAP),
        Column("Like us in", Kind.WRAP),
        Column("What we will adopt", Kind.WRAP),
        Column("Students enrolled", Kind.COUNT_INPUT),
        Column("Low-income students (%)", Kind.COUNT_INPUT),
    ))


def _peer_row(book: Book, peer: model.PeerDistrict) -> list[Value]:
    return [peer.name, peer.state, book.name_of("peer_relations", peer.relation), peer.visit_date, peer.visitors,
            book.names_of("peer_likenesses", peer.alike_in), peer.adopt, peer.enrollment or None,
            peer.low_income_percent or None]


def lighthouses_spec(book: Book) -> TableSpec:
    return _on_grid(LIGHTHOUSES, (
        Column("School", Kind.WRAP),
        Column("District", Kind.WRAP),
        Column("Contact", Kind.WRAP),
        Column("Open for visits from", Kind.DATE),
        Column("Open to", Kind.WRAP),
        Column("Goals it shows", Kind.WRAP),
        Column("What it shows", Kind.WRAP),
    ))


def _lighthouse_row(book: Book, school: model.LighthouseSchool) -> list[Value]:
    return [school.name, school.district, school.contact, school.open_from,
            book.names_of("visit_audiences", school.open_to), book.goal_labels(school.goal_ids), school.shows]


def communications_spec(book: Book) -> TableSpec:
    return _on_grid(COMMUNICATIONS, (
        Column("Kind", Kind.WRAP, choices=book.lists["communication_kinds"]),
        Column("Channel", Kind.WRAP, choices=book.lists["communication_channels"]),
        Column("Owner", Kind.WRAP),
        Column("Date", Kind.DATE),
        Column("Audience", Kind.WRAP),
        Column("Languages", Kind.WRAP),
        Column("Message", Kind.WRAP),
    ))


def in_date_order(messages: tuple[model.Communication, ...]) -> list[model.Communication]:
    """By date, undated last; on the same day in the order the team listed them."""
    return sorted(messages, key=lambda c: (c.planned_date is None, c.planned_date or date.min))


def _communication_row(book: Book, message: model.Communication) -> list[Value]:
    return [book.name_of("communication_kinds", message.kind), book.name_of("communication_channels", message.channel),
            message.owner, message.planned_date, book.names_of("communication_audiences", message.audiences),
            message.languages, message.message]


def _part(writer: SheetWriter, top: int, title: str, count: int) -> int:
    """A part's title (with a line saying when the plan has none yet); returns its table's header row."""
    writer.put(top, 1, title, Kind.SECTION)
    if count:
        return top + 1
    writer.put(top + 1, 1, "The plan has none yet.", Kind.NOTE)
    return top + 2


def write_community(book: Book) -> None:
    writer = book.sheet(SHEET)
    writer.title("Peers and communication", book.subtitle)
    plan = book.plan
    placed: Placed = writer.table(peers_spec(book), (_peer_row(book, p) for p in plan.peers),
                                  header_row=_part(writer, HEADER_ROW, "Peer districts", len(plan.peers)))
    header = _part(writer, placed.last_row + 2, "Lighthouse schools", len(plan.lighthouses))
    placed = writer.table(lighthouses_spec(book), (_lighthouse_row(book, s) for s in plan.lighthouses),
                          header_row=header)
    header = _part(writer, placed.last_row + 2, "Communication plan", len(plan.communications))
    writer.table(communications_spec(book), (_communication_row(book, c) for c in in_date_order(plan.communications)),
                 header_row=header)
    writer.finish(district=book.district, sheet_name=SHEET, freeze=None, title_rows=None)
