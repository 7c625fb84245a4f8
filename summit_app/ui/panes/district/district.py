"""District & team: who the district is, when the summit meets, the plan's years, and who is at the table
(against the seats a planning team needs)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields.collection_edits import new_id
from summit_app.ui.fields.collection_model import CollectionModel, Column
from summit_app.ui.fields.form_section import FormSection
from summit_app.ui.fields.table_section import TableSection
from summit_app.ui.pane import Pane
from summit_app.ui.panes.district.team_seats import TeamSeats

DISTRICT_FIELDS = ["name", "state", "enrollment", "schools", "staff", "teachers", "low_income_percent",
                   "erate_discount_percent", "peer_matching"]
PEER_MATCHING_NOTE = ("In the region's roll-up the district is named to similar districts only when both of them "
                      "opt in; otherwise it stays anonymous.")
SUMMIT_FIELDS = ["summit_city", "summit_date", "first_fiscal_year", "plan_years"]


def new_member(plan: model.Plan) -> model.TeamMember:
    return model.TeamMember(new_id(plan, "members", "member"))


class DistrictPane(Pane):
    pane_id = "district"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        row = QHBoxLayout()
        self.district_form = FormSection(context, "district", DISTRICT_FIELDS, "District")
        self.peer_note = QLabel(PEER_MATCHING_NOTE)  # right under the opt-in, its last row
        self.peer_note.setWordWrap(True)
        theme.mark(self.peer_note, "muted")
        self.district_form.form.addRow(self.peer_note)
        self.summit_form = FormSection(context, "district", SUMMIT_FIELDS, "Summit and plan years",
                                       {"first_fiscal_year": "year"})
        row.addWidget(self.district_form, 1)
        row.addSpacing(24)
        self.seats = TeamSeats()
        right = QVBoxLayout()  # the seats beside the facts, in view with the team table below them
        right.addWidget(self.summit_form)
        right.addWidget(self.seats)
        right.addStretch(1)
        row.addLayout(right, 1)
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
        self.seats.refresh(plan)

    def select_item(self, collection: str, item_id: str) -> bool:
        if collection == "members":
            return self.team.select(item_id)
        if collection == "district":
            self.district_form.editor("name").setFocus()
            return True
        return False
