"""Professional learning: the activities that prepare people before new tools arrive, each tied to goals."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLabel, QWidget

from summit_app.plan import model
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields.collection_edits import new_id
from summit_app.ui.fields.collection_model import CollectionModel, Column
from summit_app.ui.fields.formats import number
from summit_app.ui.fields.table_section import TableSection
from summit_app.ui.pane import Pane

COLUMNS = [Column("title"), Column("component"), Column("audience"), Column("participants"),
           Column("hours", fmt="number"), Column("purpose"), Column("format"), Column("start_date"), Column("end_date"),
           Column("goal_ids")]


def new_activity(plan: model.Plan) -> model.LearningActivity:
    return model.LearningActivity(new_id(plan, "learning", "pd"), title="New activity")


def learning_summary(plan: model.Plan) -> str:
    """One line the table can read aloud: how much learning, for how many, toward how many goals."""
    hours = sum((a.hours * a.participants for a in plan.learning), Decimal("0"))
    goals = {g for a in plan.learning for g in a.goal_ids}
    unlinked = sum(1 for a in plan.learning if not a.goal_ids)
    text = (f"{len(plan.learning)} activities · {number(hours)} participant-hours · "
            f"serving {len(goals)} of {len(plan.goals)} goals")
    return text + (f" · {unlinked} not linked to a goal" if unlinked else "")


class LearningPane(Pane):
    pane_id = "learning"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.totals = QLabel()
        theme.mark(self.totals, "totalFigure")
        self.activities = TableSection("Learning activities", CollectionModel(context, "learning", COLUMNS),
                                       "activity", new_activity, rows=16)
        self.body.addWidget(self.totals)
        self.body.addWidget(self.activities)
        self.body.addStretch(1)

    def refresh(self, plan: model.Plan) -> None:
        self.totals.setText(learning_summary(plan))
        self.activities.refresh(plan)

    def select_item(self, collection: str, item_id: str) -> bool:
        return collection == "learning" and self.activities.select(item_id)
