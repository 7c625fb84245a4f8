"""Section 2, Readiness: the radar, a score per gear, and every element's score and notes.

The radar has the seven gears; Collaborative Leadership, the ring around them,
is listed after them as "across the gears". Ratings a plan holds on elements of
an earlier version of the framework are printed in their own group, as rated.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable

from summit_app.export.pdf.charts import Spoke, radar
from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, score
from summit_app.export.pdf.sections.common import h2, note, opening
from summit_app.export.pdf.styles import FRAME_WIDTH
from summit_app.export.pdf.tables import GROUP, Column, DataTable, Part, Row, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan import model
from summit_app.plan.content import Element
from summit_app.plan.readiness import gear_scores, overall_score, rated_count, spread

RADAR_CAPTION = ("Each of the seven gears' score out of 10 on rings at 2, 4, 6, 8 and 10; the tables below list "
                 "every score, Collaborative Leadership's (across the gears) too.")
EARLIER = "Rated under an earlier version of the framework"
#: Room (points) the element guide's heading, note and first rows need at the foot of a page.
GUIDE_START = 160


def entry(report: Report) -> Entry:
    return Entry("readiness", report.title("readiness"), "2")


def _scale(report: Report) -> str:
    levels = ", ".join(f"{lv.name} {lv.low}–{lv.high}" for lv in report.content.levels)
    rated, total = rated_count(report.plan, report.content)
    overall = overall_score(report.plan, report.content)
    head = f"Overall readiness {overall} out of 10. " if overall is not None else ""
    return (f"{head}Scores are the team's agreed ratings on a 0–10 scale ({levels}); a gear's score is the mean "
            f"of its rated elements. {rated} of {total} elements are rated.")


def _gears(report: Report) -> DataTable:
    scores = gear_scores(report.plan, report.content)
    columns = (Column("Gear", 0.62), Column("Score", 0.14, "right"), Column("Level", 0.24))
    rows = []
    for gear in report.content.gears:
        value = scores.get(gear.id)
        rows.append(row(Part(gear.label, "bold"), score(value), report.level_of(value).name if value is not None
                        else "Not rated"))
    return DataTable(columns, rows)


def _spread(report: Report, element_id: str) -> str:
    s = spread(report.plan, element_id)
    if s.low is None:
        return NONE
    return f"{s.low}–{s.high} ({len(s.scores)})" if s.low != s.high else f"{s.low} ({len(s.scores)})"


ELEMENT_COLUMNS = (Column("Element", 0.31), Column("Score", 0.08, "right"), Column("Level", 0.12),
                   Column("Members", 0.1), Column("Notes", 0.39))


def _element_row(report: Report, element: Element, rating: model.ReadinessRating | None) -> Row:
    value = rating.score if rating else None
    level = report.content.level_for(value).name if value is not None else "Not rated"
    members = _spread(report, element.id) if rating and rating.revealed else NONE
    return row(element.name, score(value), level, members, (rating.notes if rating else "") or "")


def _elements(report: Report) -> DataTable:
    ratings = {r.id: r for r in report.plan.readiness}
    rows: list[Row] = []
    for gear in report.content.gears:
        rows.append(Row((gear.label,), GROUP))
        rows.extend(_element_row(report, element, ratings.get(element.id)) for element in gear.elements)
    return DataTable(ELEMENT_COLUMNS, rows)


def _guide_row(report: Report, element: Element, rating: model.ReadinessRating | None) -> Row:
    """What the element is about, what the team's level looks like for it, and a possible next step."""
    value = rating.score if rating else None
    if value is None:
        where: tuple[Part, ...] = (Part("Not rated", "bold"),)
    else:
        level = report.content.level_for(value)
        where = (Part(f"{level.name} ({level.low}–{level.high})", "bold"), Part(element.anchor(level.id)))
    return row((Part(element.name, "bold"), Part(element.description, "muted")), where, element.next_step)


def _guide(report: Report) -> DataTable:
    ratings = {r.id: r for r in report.plan.readiness}
    columns = (Column("Element and what it is about", 0.36), Column("The team's level looks like", 0.34),
               Column("Possible next step", 0.30))
    rows: list[Row] = []
    for gear in report.content.gears:
        rows.append(Row((gear.label,), GROUP))
        rows.extend(_guide_row(report, element, ratings.get(element.id)) for element in gear.elements)
    return DataTable(columns, rows)


def _earlier(report: Report) -> list[Flowable]:
    """Ratings of retired elements, kept as the team gave them (never dropped, never moved)."""
    ratings = {r.id: r for r in report.plan.readiness}
    rated = {r.element_id for r in report.plan.member_ratings} | set(ratings)
    retired = [e for e in report.content.retired_elements() if e.id in rated]
    if not retired:
        return []
    rows: list[Row] = []
    for gear in report.content.gears:
        mine = [e for e in retired if e.gear_id == gear.id]
        if mine:
            rows.append(Row((gear.name,), GROUP))
            rows.extend(_element_row(report, e, ratings.get(e.id)) for e in mine)
    return [h2(report, EARLIER),
            note(report, "These elements belonged to an earlier version of the framework content. The team's "
                         "scores and notes are kept as given; they count towards no gear score."),
            DataTable(ELEMENT_COLUMNS, rows)]


def build(report: Report) -> list[Flowable]:
    scores = gear_scores(report.plan, report.content)
    spokes = [Spoke(g.name, scores.get(g.id)) for g in report.content.gears if not g.across_gears]
    return [*opening(report, entry(report)), note(report, _scale(report)),
            radar(spokes, FRAME_WIDTH, 330, caption=RADAR_CAPTION),
            h2(report, "Readiness by gear"), _gears(report),
            h2(report, "Readiness by element"),
            note(report, "Members: the spread of the members' silent ratings (lowest–highest, and how many "
                         "rated), shown once the team revealed them."),
            _elements(report),
            CondPageBreak(GUIDE_START),  # the heading never ends a page without its table
            h2(report, "What each element means, and a possible next step"),
            note(report, "For each element: a sentence on what it covers, what it typically looks like at the "
                         "level the team agreed, and one step that would move it forward."),
            _guide(report), *_earlier(report)]
