"""The Goals and Professional Learning sheets.

Goals and their actions share one table, each goal followed by its actions
(G1, G1.1, G1.2…), so it filters, sorts back by reference, and prints as the
plan reads. Budget lines, learning activities and milestones name goals by the
same reference.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from summit_app.export.xlsx.book import Book
from summit_app.export.xlsx.grid import HEADER_ROW, Column, Formula, Styled, TableSpec, Value
from summit_app.export.xlsx.styles import Kind
from summit_app.plan import model

GOALS = "GoalsAndActions"
LEARNING = "LearningActivities"
GOAL_SHADE = "DDEBF7"


def goals_spec(book: Book) -> TableSpec:
    return TableSpec(GOALS, (
        Column("Ref", Kind.CENTERED, 6),
        Column("Type", Kind.TEXT, 8),
        Column("Goal or action", Kind.WRAP, 34),
        Column("Description", Kind.WRAP, 36),
        Column("Future Ready gear", Kind.WRAP, 17),
        Column("Priority", Kind.CENTERED, 8),
        Column("Measure", Kind.WRAP, 22),
        Column("Baseline", Kind.WRAP, 12),
        Column("Target", Kind.WRAP, 12),
        Column("Owner", Kind.WRAP, 15),
        Column("Due date", Kind.DATE, 13),
        Column("Status", Kind.TEXT, 11, choices=book.lists["statuses"]),
        Column("ISTE Essential Conditions", Kind.WRAP, 22),
        Column("E-Rate technology-plan checklist (historical, pre-2015)", Kind.WRAP, 24),
    ))


def _goal_row(book: Book, ref: str, goal: model.Goal) -> list[Value]:
    return [ref, "Goal", Styled(goal.title, Kind.EMPHASIS), goal.description, book.name_of("gears", goal.gear),
            goal.priority, goal.measure, goal.baseline, goal.target, goal.owner, goal.due_date, None,
            book.names_of("iste_conditions", goal.iste_conditions),
            book.names_of("erate_elements", goal.erate_elements)]


def _action_row(book: Book, ref: str, action: model.GoalAction) -> list[Value]:
    return [ref, "Action", Styled(action.text, Kind.INDENTED), None, None, None, None, None, None, action.owner,
            action.due_date, book.name_of("statuses", action.status), None, None]


def _goal_rows(book: Book) -> list[list[Value]]:
    rows: list[list[Value]] = []
    for goal in book.plan.goals:
        ref = book.goal_refs[goal.id]
        rows.append(_goal_row(book, ref, goal))
        mine = [a for a in book.plan.actions if a.goal_id == goal.id]
        rows += [_action_row(book, f"{ref}.{i}", a) for i, a in enumerate(mine, start=1)]
    known = set(book.goal_refs)
    loose = [a for a in book.plan.actions if a.goal_id not in known]
    rows += [_action_row(book, f"A{i}", a) for i, a in enumerate(loose, start=1)]
    return rows


def write_goals(book: Book) -> None:
    writer = book.sheet("Goals")
    writer.title("Goals and actions", book.subtitle)
    spec = goals_spec(book)
    placed = writer.table(spec, _goal_rows(book))
    # Goal rows shaded (live: follows the Type column), so each goal heads its actions visibly.
    last = get_column_letter(len(spec.columns))
    writer.sheet.conditional_formatting.add(
        f"A{HEADER_ROW + 1}:{last}{placed.last_row}",
        FormulaRule(formula=[f'$B{HEADER_ROW + 1}="Goal"'], fill=PatternFill("solid", bgColor=GOAL_SHADE)))
    writer.finish(district=book.district, sheet_name="Goals", freeze="D5", title_rows="4:4")


def learning_spec(book: Book) -> TableSpec:
    partial = TableSpec(LEARNING, ())
    return TableSpec(LEARNING, (
        Column("Activity", Kind.WRAP, 34),
        Column("Type", Kind.WRAP, 24, choices=book.lists["pd_components"]),
        Column("Audience", Kind.TEXT, 18, choices=book.lists["pd_audiences"]),
        Column("Format", Kind.TEXT, 11, choices=book.lists["pd_formats"]),
        Column("Purpose", Kind.WRAP, 16, choices=book.lists["pd_purposes"]),
        Column("Participants", Kind.COUNT_INPUT, 13),
        Column("Hours each", Kind.HOURS_INPUT, 11),
        Column("Participant hours", Kind.HOURS, 13,
               formula=f"{partial.this_row('Participants')}*{partial.this_row('Hours each')}"),
        Column("Starts", Kind.DATE, 13),
        Column("Ends", Kind.DATE, 13),
        Column("Goals", Kind.WRAP, 36),
    ))


def _learning_row(book: Book, activity: model.LearningActivity) -> list[Value]:
    return [activity.title, book.name_of("pd_components", activity.component),
            book.name_of("pd_audiences", activity.audience), book.name_of("pd_formats", activity.format),
            book.name_of("pd_purposes", activity.purpose),
            activity.participants, activity.hours, activity.start_date, activity.end_date,
            book.goal_labels(activity.goal_ids)]


def write_learning(book: Book) -> None:
    writer = book.sheet("Professional Learning")
    writer.title("Professional learning", book.subtitle)
    spec = learning_spec(book)
    placed = writer.table(spec, (_learning_row(book, a) for a in book.plan.learning))
    total = placed.last_row + 2
    writer.put(total, 1, "Total", Kind.TOTAL_LABEL)
    for col, column in enumerate(spec.columns, start=1):
        if col == 1:
            continue
        summed = column.header in ("Participants", "Participant hours")
        kind = {"Participants": Kind.TOTAL_COUNT, "Participant hours": Kind.TOTAL_HOURS}.get(column.header,
                                                                                             Kind.TOTAL_LABEL)
        writer.put(total, col, Formula(f"SUM({spec.ref(column.header)})") if summed else None, kind)
    writer.finish(district=book.district, sheet_name="Professional Learning", freeze="B5", title_rows="4:4")
