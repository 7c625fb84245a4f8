"""Timeline & evaluation: dated milestones with owners and status, each tied to the goals it shows progress on."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QLabel, QWidget

from summit_app.plan import model
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields.collection_edits import new_id
from summit_app.ui.fields.collection_model import CollectionModel, Column
from summit_app.ui.fields.table_section import TableSection
from summit_app.ui.pane import Pane

COLUMNS = [Column("title"), Column("due_date"), Column("owner"), Column("status"), Column("kind"), Column("goal_ids")]


def new_milestone(plan: model.Plan) -> model.Milestone:
    return model.Milestone(new_id(plan, "milestones", "milestone"), title="New milestone")


class TimelinePane(Pane):
    pane_id = "timeline"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.totals = QLabel()
        theme.mark(self.totals, "totalFigure")
        self.milestones = TableSection("Milestones", CollectionModel(context, "milestones", COLUMNS),
                                       "milestone", new_milestone, rows=18)
        self.body.addWidget(self.totals)
        self.body.addWidget(self.milestones)
        self.body.addStretch(1)

    def refresh(self, plan: model.Plan) -> None:
        counts = Counter(m.status for m in plan.milestones)
        parts = [f"{n} {self.context.content.name_of('statuses', s).lower()}"
                 for s, n in sorted(counts.items()) if s]
        self.totals.setText(f"{len(plan.milestones)} milestones" + (": " + ", ".join(parts) if parts else ""))
        self.milestones.refresh(plan)

    def select_item(self, collection: str, item_id: str) -> bool:
        return collection == "milestones" and self.milestones.select(item_id)
