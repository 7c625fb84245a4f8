"""District & team: who the district is, when the summit meets, the plan's years, and who is at the table."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from summit_app.plan import model
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields.collection_edits import new_id
from summit_app.ui.fields.collection_model import CollectionModel, Column
from summit_app.ui.fields.form_section import FormSection
from summit_app.ui.fields.table_section import TableSection
from summit_app.ui.pane import Pane

DISTRICT_FIELDS = ["name", "state", "enrollment", "schools", "staff", "teachers", "erate_discount_percent"]
SUMMIT_FIELDS = ["summit_city", "summit_date", "first_fiscal_year", "plan_years"]


def new_member(plan: model.Plan) -> model.TeamMember:
    return model.TeamMember(new_id(plan, "members", "member"))


class DistrictPane(Pane):
    pane_id = "district"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        row = QHBoxLayout()
        self.district_form = FormSection(context, "district", DISTRICT_FIELDS, "District")
        self.summit_form = FormSection(context, "district", SUMMIT_FIELDS, "Summit and plan years",
                                       {"first_fiscal_year": "year"})
        row.addWidget(self.district_form, 1)
        row.addSpacing(24)
        row.addWidget(self.summit_form, 1)
        self.body.addLayout(row)
        columns = [Column("name"), Column("role"), Column("title"), Column("email")]
        self.team = TableSection("Planning team", CollectionModel(context, "members", columns),
                                 "member", new_member)
        self.body.addWidget(self.team)
        self.body.addStretch(1)

    def refresh(self, plan: model.Plan) -> None:
        self.district_form.refresh(plan)
        self.summit_form.refresh(plan)
        self.team.refresh(plan)

    def select_item(self, collection: str, item_id: str) -> bool:
        if collection == "members":
            return self.team.select(item_id)
        if collection == "district":
            self.district_form.editor("name").setFocus()
            return True
        return False
