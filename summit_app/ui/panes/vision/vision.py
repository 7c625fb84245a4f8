"""Vision & goals: the vision statement, the goals that make it checkable, and each goal's actions.

Goals are a table; the selected goal's details (framework alignment, measure,
baseline, target) sit in a form beside the actions that deliver it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from summit_app.plan import model
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields.collection_edits import new_id
from summit_app.ui.fields.collection_model import CollectionModel, Column
from summit_app.ui.fields.form_section import FormSection
from summit_app.ui.fields.table_section import TableSection
from summit_app.ui.pane import Pane

GOAL_COLUMNS = [Column("title"), Column("gear"), Column("owner"), Column("due_date"), Column("priority"),
                Column("measure")]
DETAIL_FIELDS = ["description", "iste_conditions", "erate_elements", "measure", "baseline", "target"]
ACTION_COLUMNS = [Column("text"), Column("owner"), Column("due_date"), Column("status")]


def new_goal(plan: model.Plan) -> model.Goal:
    return model.Goal(new_id(plan, "goals", "goal"), title="New goal")


class VisionPane(Pane):
    pane_id = "vision"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.statement = FormSection(context, "vision", ["statement"], "Vision")
        self.body.addWidget(self.statement)
        self.goals = TableSection("Goals", CollectionModel(context, "goals", GOAL_COLUMNS), "goal", new_goal)
        self.body.addWidget(self.goals)
        row = QHBoxLayout()
        self.details = FormSection(context, "goals", DETAIL_FIELDS, "Selected goal")
        self.action_model = CollectionModel(context, "actions", ACTION_COLUMNS, self._of_goal)
        self.goal_actions = TableSection("Actions for the selected goal", self.action_model, "action", self._new_action)
        row.addWidget(self.details, 2)
        row.addSpacing(16)
        row.addWidget(self.goal_actions, 3)
        self.body.addLayout(row)
        self.body.addStretch(1)
        self.goals.current_changed.connect(self._goal_chosen)
        self._goal_chosen("")

    def _selected_goal(self) -> str:
        return self.goals.current_id() or ""

    def _of_goal(self, action: model.GoalAction) -> bool:
        return bool(action.goal_id) and action.goal_id == self._selected_goal()

    def _new_action(self, plan: model.Plan) -> model.GoalAction:
        return model.GoalAction(new_id(plan, "actions", "action"), goal_id=self._selected_goal() or None)

    def _goal_chosen(self, goal_id: str) -> None:
        self.details.bind(goal_id)
        self.action_model.set_filter(self._of_goal)
        self.goal_actions.add_button.setEnabled(bool(goal_id) and not self.context.read_only)

    def refresh(self, plan: model.Plan) -> None:
        self.statement.refresh(plan)
        self.goals.refresh(plan)
        if self.details.item_id != self._selected_goal():
            self._goal_chosen(self._selected_goal())
        self.details.refresh(plan)
        self.goal_actions.refresh(plan)
        self.goal_actions.add_button.setEnabled(bool(self._selected_goal()) and not self.context.read_only)

    def select_item(self, collection: str, item_id: str) -> bool:
        if collection == "goals":
            return self.goals.select(item_id)
        if collection == "actions":
            action = self.context.plan.item("actions", item_id)
            if action is None or not action.goal_id or not self.goals.select(action.goal_id):
                return False
            return self.goal_actions.select(item_id)
        if collection == "vision":
            self.statement.editor("statement").setFocus()
            return True
        return False
