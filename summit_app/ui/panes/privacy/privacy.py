"""Data privacy: every app and vendor that touches student data, and the privacy program rated 1–4."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from summit_app.plan import model
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields.collection_edits import new_id
from summit_app.ui.fields.collection_model import CollectionModel, Column
from summit_app.ui.fields.delegates import FieldDelegate
from summit_app.ui.fields.table_section import FittedTableView, TableSection
from summit_app.ui.pane import Pane
from summit_app.ui.panes.privacy.practices_model import PracticesModel

APP_COLUMNS = [Column("name"), Column("vendor"), Column("purpose"), Column("audience"), Column("data_categories"),
               Column("agreement_status"), Column("agreement_date"), Column("consent_route"), Column("approval"),
               Column("accessibility_report", "Accessibility report"), Column("retention")]


def new_app(plan: model.Plan) -> model.AppEntry:
    return model.AppEntry(new_id(plan, "apps", "app"), name="New app or service")


def apps_summary(plan: model.Plan) -> str:
    signed = sum(1 for a in plan.apps if a.agreement_status == "signed")
    approved = sum(1 for a in plan.apps if a.approval == "approved")
    accessible = sum(1 for a in plan.apps if a.accessibility_report == "on-file")
    return (f"{len(plan.apps)} apps and services · {signed} with a signed agreement · {approved} approved · "
            f"{accessible} with an accessibility report on file")


class PrivacyPane(Pane):
    pane_id = "privacy"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.totals = QLabel()
        theme.mark(self.totals, "totalFigure")
        self.apps = TableSection("App and vendor inventory", CollectionModel(context, "apps", APP_COLUMNS),
                                 "app", new_app, rows=12)
        self.body.addWidget(self.totals)
        self.body.addWidget(self.apps)
        self.practices_model = PracticesModel(context)
        self.practices = self._practices_view()
        title = QLabel("&Privacy program practices (rate each 1–4)")
        theme.mark(title, "sectionTitle")
        title.setBuddy(self.practices)
        self.body.addWidget(title)
        self.body.addWidget(self.practices)
        self.body.addStretch(1)

    def _practices_view(self) -> QTableView:
        view = FittedTableView(len(self.practices_model.rows))
        view.setModel(self.practices_model)
        view.setItemDelegate(FieldDelegate(view))
        view.setAccessibleName("Privacy program practices (rate each 1–4)")
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setTabKeyNavigation(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return view

    def refresh(self, plan: model.Plan) -> None:
        self.totals.setText(apps_summary(plan))
        self.apps.refresh(plan)
        self.practices_model.refresh(plan)

    def select_item(self, collection: str, item_id: str) -> bool:
        if collection == "apps":
            return self.apps.select(item_id)
        if collection == "practices":
            row = self.practices_model.row_of(item_id)
            if row >= 0:
                self.practices.setCurrentIndex(self.practices_model.index(row, 2))
                self.practices.setFocus()
            return row >= 0
        return False
