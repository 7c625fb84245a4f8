"""The Team and Readiness sheets: who planned, and where the district stands.

Readiness lists every framework element under its gear with the team's agreed
score; the level is a formula of the score, and the Summary's gear scores
average this table, so a corrected score updates both. Members' silent ratings
appear only as a spread, and only once the team revealed them.
"""

from __future__ import annotations

from summit_app.export.xlsx.book import Book
from summit_app.export.xlsx.grid import Column, TableSpec, Value
from summit_app.export.xlsx.styles import Kind
from summit_app.plan.readiness import spread

TEAM = "TeamMembers"
READINESS = "ReadinessRatings"
#: The Gear cell of a rating on a retired element (it matches no gear, so no gear's mean counts it).
EARLIER = "Rated under an earlier version"


def write_team(book: Book) -> None:
    writer = book.sheet("Team")
    writer.title("Leadership team", book.subtitle)
    spec = TableSpec(TEAM, (
        Column("Name", Kind.TEXT, 26),
        Column("Role", Kind.TEXT, 30, choices=book.lists["roles"]),
        Column("Title", Kind.WRAP, 44),
        Column("E-mail", Kind.TEXT, 36),
    ))
    rows = ([m.name, book.name_of("roles", m.role), m.title, m.email] for m in book.plan.members)
    writer.table(spec, rows)
    writer.finish(district=book.district, sheet_name="Team", freeze="A5", title_rows="4:4")


def _member_spread(book: Book, element_id: str, revealed: bool) -> str:
    """"3–8 (6 members)" once revealed; a reminder that ratings exist while they are hidden."""
    scores = spread(book.plan, element_id)
    if not scores.scores:
        return ""
    if not revealed:
        return f"Hidden until revealed ({len(scores.scores)} members rated)"
    return f"{scores.low}–{scores.high} ({len(scores.scores)} members)"


def readiness_spec(book: Book) -> TableSpec:
    partial = TableSpec(READINESS, ())
    score = partial.this_row("Score")
    level = f'IF(ISNUMBER({score}),LOOKUP({score},{book.lists["levels"]},{book.lists["level_names"]}),"")'
    return TableSpec(READINESS, (
        Column("Gear", Kind.WRAP, 26),
        Column("Element", Kind.WRAP, 40),
        Column("Score", Kind.SCORE_INPUT, 9, limits=(0, 10)),
        Column("Level", Kind.TEXT, 14, formula=level),
        Column("Notes", Kind.WRAP, 56),
        Column("Member ratings", Kind.WRAP, 24),
    ))


def _readiness_rows(book: Book) -> list[list[Value]]:
    ratings = {r.id: r for r in book.plan.readiness}
    rows: list[list[Value]] = []
    for gear in book.content.gears:
        for element in gear.elements:
            rating = ratings.get(element.id)
            score = rating.score if rating else None
            notes = rating.notes if rating else ""
            revealed = rating.revealed if rating else False
            rows.append([gear.label, element.name, score, notes, _member_spread(book, element.id, revealed)])
    return rows + _earlier_rows(book)


def _earlier_rows(book: Book) -> list[list[Value]]:
    """Ratings of elements an earlier version of the framework had: kept as given, in no gear's mean."""
    ratings = {r.id: r for r in book.plan.readiness}
    rated = set(ratings) | {r.element_id for r in book.plan.member_ratings}
    rows: list[list[Value]] = []
    for element in book.content.retired_elements():
        if element.id in rated:
            rating = ratings.get(element.id)
            gear = book.content.gear(element.gear_id).name
            rows.append([f"{EARLIER}: {gear}", element.name, rating.score if rating else None,
                         rating.notes if rating else "",
                         _member_spread(book, element.id, bool(rating and rating.revealed))])
    return rows


def write_readiness(book: Book) -> None:
    writer = book.sheet("Readiness")
    writer.title("Readiness self-assessment (Future Ready framework, scores 0–10)", book.subtitle)
    writer.table(readiness_spec(book), _readiness_rows(book))
    writer.finish(district=book.district, sheet_name="Readiness", freeze="C5", title_rows="4:4")
