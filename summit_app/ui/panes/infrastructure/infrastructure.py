"""Infrastructure & devices: today's network, the team's targets beside the long-term reference,
the upgrades planned (and the budget lines that pay for them), support staff, the device fleet,
and home access and accessibility."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.fields import Kind
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields.collection_edits import new_id
from summit_app.ui.fields.collection_model import CollectionModel, Column
from summit_app.ui.fields.form_section import FormSection
from summit_app.ui.fields.table_section import TableSection
from summit_app.ui.pane import Pane
from summit_app.ui.panes.infrastructure.home_access import HomeAccessSection
from summit_app.ui.panes.infrastructure.network_readings import readings, reference_notes

TODAY_FIELDS = ["internet_mbps", "wan_mbps", "wifi_coverage_percent", "support_technicians", "cipa_in_place"]
TARGET_FIELDS = ["target_mbps_per_1000", "target_wan_mbps", "notes"]
UPGRADE_COLUMNS = [Column("title"), Column("effective_date"), Column("internet_mbps", "Internet after (Mbps)"),
                   Column("wan_mbps", "School WAN after (Mbps)"), Column("wifi_coverage_percent", "Wi-Fi after (%)"),
                   Column("budget_line_ids", "Paid by")]
DEVICE_COLUMNS = [Column("device_type"), Column("users"), Column("count"), Column("average_age_years"),
                  Column("refresh_cycle_years"),
                  Column("due", "Due for refresh", kind=Kind.TEXT,
                         compute=lambda plan, d: "Yes" if d.refresh_cycle_years and
                         d.average_age_years >= d.refresh_cycle_years else "No")]


def new_fleet(plan: model.Plan) -> model.DeviceFleet:
    return model.DeviceFleet(new_id(plan, "devices", "fleet"))


def new_upgrade(plan: model.Plan) -> model.NetworkUpgrade:
    return model.NetworkUpgrade(new_id(plan, "upgrades", "upgrade"), title="New upgrade")


class InfrastructurePane(Pane):
    pane_id = "infrastructure"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        row = QHBoxLayout()
        self.network = FormSection(context, "network", TODAY_FIELDS, "Network and support today")
        self.targets = FormSection(context, "network", TARGET_FIELDS, "The team's targets",
                                   hints=("target_mbps_per_1000", "target_wan_mbps"))
        self.targets.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # long labels above their fields
        row.addWidget(self.network, 0)  # short numbers: the targets and their references get the room
        row.addSpacing(24)
        row.addWidget(self.targets, 1)
        self.body.addLayout(row)
        self.body.addLayout(self._readings_box())
        self.upgrades = TableSection("Planned upgrades", CollectionModel(context, "upgrades", UPGRADE_COLUMNS),
                                     "upgrade", new_upgrade, rows=6)
        self.body.addWidget(self.upgrades)
        self.fleet = TableSection("Device fleet", CollectionModel(context, "devices", DEVICE_COLUMNS),
                                  "device group", new_fleet, rows=8)
        self.body.addWidget(self.fleet)
        self.home_access = HomeAccessSection(context)
        self.body.addWidget(self.home_access)
        self.body.addStretch(1)

    def _readings_box(self) -> QVBoxLayout:
        box = QVBoxLayout()
        title = QLabel("Against the targets")
        theme.mark(title, "sectionTitle")
        box.addWidget(title)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.reading_labels: list[tuple[QLabel, QLabel, QLabel]] = []
        headings = [QLabel(caption) for caption in ("", "Today", "After the planned upgrades")]
        for column, heading in enumerate(headings):
            theme.mark(heading, "muted")
            self.grid.addWidget(heading, 0, column)
        self.after_heading = headings[2]
        for row in range(5):
            labels = (QLabel(), QLabel(), QLabel())
            for column, label in enumerate(labels):
                self.grid.addWidget(label, row + 1, column)
            self.reading_labels.append(labels)
        self.grid.setColumnStretch(3, 1)
        box.addLayout(self.grid)
        return box

    def refresh(self, plan: model.Plan) -> None:
        self.network.refresh(plan)
        self.targets.refresh(plan)
        for name, note in reference_notes(plan, self.context.content).items():
            self.targets.hints[name].setText(note)
        self.upgrades.refresh(plan)
        self.fleet.refresh(plan)
        self.home_access.refresh(plan)
        shown = readings(plan, self.context.content)
        upgraded = any(r.after[0] for r in shown)
        self.after_heading.setText("After the planned upgrades" if upgraded else
                                   "After the planned upgrades: none dated yet")
        for labels, reading in zip(self.reading_labels, shown, strict=True):
            what, today, after = labels
            what.setText(reading.what)
            for label, (text, ok) in ((today, reading.today), (after, reading.after)):
                label.setText(f"{'✓' if ok else '✗'}  {text}" if text else "")
                theme.mark(label, ("okFigure" if ok else "gapFigure") if text else "muted")

    def select_item(self, collection: str, item_id: str) -> bool:
        if collection == "devices":
            return self.fleet.select(item_id)
        if collection == "upgrades":
            return self.upgrades.select(item_id)
        if collection == "network":
            self.network.editor("internet_mbps").setFocus()
            return True
        if collection == "equity":
            return self.show_field("equity", "no_home_internet_percent")
        return False
