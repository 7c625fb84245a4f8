"""Section 2, Readiness: the radar, a score and next step per gear, and every element's score and notes."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable

from summit_app.export.pdf.charts import Spoke, radar
from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, score
from summit_app.export.pdf.sections.common import h2, note, opening
from summit_app.export.pdf.styles import FRAME_WIDTH
from summit_app.export.pdf.tables import GROUP, Column, DataTable, Part, Row, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan.content import Gear
from summit_app.plan.readiness import gear_scores, overall_score, rated_count, spread

RADAR_CAPTION = "Each gear's score out of 10 on rings at 2, 4, 6, 8 and 10; the tables below list every score."


def entry(report: Report) -> Entry:
    return Entry("readiness", report.title("readiness"), "2")


def _scale(report: Report) -> str:
    levels = ", ".join(f"{lv.name} {lv.low}–{lv.high}" for lv in report.content.levels)
    rated, total = rated_count(report.plan, report.content)
    overall = overall_score(report.plan, report.content)
    head = f"Overall readiness {overall} out of 10. " if overall is not None else ""
    return (f"{head}Scores are the team's agreed ratings on a 0–10 scale ({levels}); a gear's score is the mean "
            f"of its rated elements. {rated} of {total} elements are rated.")


def _next_step(report: Report, gear: Gear, value: Decimal | None) -> str:
    if value is None:
        return "Rate this gear's elements with the team."
    level = report.level_of(value)
    return gear.next_steps.get(level.id, level.next_step)


def _gears(report: Report) -> DataTable:
    scores = gear_scores(report.plan, report.content)
    columns = (Column("Gear", 0.3), Column("Score", 0.09, "right"), Column("Level", 0.13),
               Column("Possible next step", 0.48))
    rows = []
    for gear in report.content.gears:
        value = scores.get(gear.id)
        rows.append(row(Part(gear.name, "bold"), score(value), report.level_of(value).name if value is not None
                        else "Not rated", _next_step(report, gear, value)))
    return DataTable(columns, rows)


def _spread(report: Report, element_id: str) -> str:
    s = spread(report.plan, element_id)
    if s.low is None:
        return NONE
    return f"{s.low}–{s.high} ({len(s.scores)})" if s.low != s.high else f"{s.low} ({len(s.scores)})"


def _elements(report: Report) -> DataTable:
    ratings = {r.id: r for r in report.plan.readiness}
    columns = (Column("Element", 0.31), Column("Score", 0.08, "right"), Column("Level", 0.12),
               Column("Members", 0.1), Column("Notes", 0.39))
    rows: list[Row] = []
    for gear in report.content.gears:
        rows.append(Row((gear.name,), GROUP))
        for element in gear.elements:
            r = ratings.get(element.id)
            value = r.score if r else None
            level = report.content.level_for(value).name if value is not None else "Not rated"
            members = _spread(report, element.id) if r and r.revealed else NONE
            rows.append(row(element.name, score(value), level, members, (r.notes if r else "") or ""))
    return DataTable(columns, rows)


def build(report: Report) -> list[Flowable]:
    scores = gear_scores(report.plan, report.content)
    spokes = [Spoke(g.name, scores.get(g.id)) for g in report.content.gears]
    return [*opening(report, entry(report)), note(report, _scale(report)),
            radar(spokes, FRAME_WIDTH, 330, caption=RADAR_CAPTION),
            h2(report, "Readiness by gear"), _gears(report),
            h2(report, "Readiness by element"),
            note(report, "Members: the spread of the members' silent ratings (lowest–highest, and how many "
                         "rated), shown once the team revealed them."),
            _elements(report)]
