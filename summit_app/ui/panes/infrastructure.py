"""Infrastructure & devices: network capacity against the plan's targets, support staff, and the device fleet."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.fields import Kind
from summit_app.ui import theme
from summit_app.ui.collection_edits import new_id
from summit_app.ui.collection_model import CollectionModel, Column
from summit_app.ui.context import UiContext
from summit_app.ui.form_section import FormSection
from summit_app.ui.pane import Pane
from summit_app.ui.table_section import TableSection

NETWORK_FIELDS = ["internet_mbps", "target_mbps_per_1000", "wan_mbps", "target_wan_mbps",
                  "wifi_coverage_percent", "support_technicians", "notes"]
DEVICE_COLUMNS = [Column("device_type"), Column("users"), Column("count"), Column("average_age_years"),
                  Column("refresh_cycle_years"),
                  Column("due", "Due for refresh", kind=Kind.TEXT,
                         compute=lambda plan, d: "Yes" if d.refresh_cycle_years and
                         d.average_age_years >= d.refresh_cycle_years else "No")]


def new_fleet(plan: model.Plan) -> model.DeviceFleet:
    return model.DeviceFleet(new_id(plan, "devices", "fleet"))


def readings(plan: model.Plan) -> list[tuple[str, str, bool]]:
    """(what, reading, meets the target) for the network and the fleet."""
    d, n = plan.district, plan.network
    users = d.enrollment + d.staff
    per_1000 = n.internet_mbps * 1000 / users if users else 0.0
    student_devices = sum(f.count for f in plan.devices if f.users == "students")
    ratio = f"{student_devices / d.enrollment:.2f} devices per student" if d.enrollment else "—"
    devices = sum(f.count for f in plan.devices)
    per_tech = f"{devices / n.support_technicians:,.0f} devices per technician" if n.support_technicians else "—"
    return [
        ("Internet per 1,000 users", f"{per_1000:,.0f} Mbps (target {n.target_mbps_per_1000:,})",
         per_1000 >= n.target_mbps_per_1000),
        ("WAN link", f"{n.wan_mbps:,} Mbps (target {n.target_wan_mbps:,})", n.wan_mbps >= n.target_wan_mbps),
        ("Classrooms with Wi-Fi", f"{n.wifi_coverage_percent}%", n.wifi_coverage_percent >= 100),
        ("Student devices", ratio, bool(d.enrollment) and student_devices >= d.enrollment),
        ("Support", per_tech, bool(n.support_technicians)),
    ]


class InfrastructurePane(Pane):
    pane_id = "infrastructure"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        row = QHBoxLayout()
        self.network = FormSection(context, "network", NETWORK_FIELDS, "Network and support")
        row.addWidget(self.network, 1)
        row.addSpacing(24)
        row.addLayout(self._readings_box(), 1)
        self.body.addLayout(row)
        self.fleet = TableSection("Device fleet", CollectionModel(context, "devices", DEVICE_COLUMNS),
                                  "device group", new_fleet, rows=8)
        self.body.addWidget(self.fleet)
        self.body.addStretch(1)

    def _readings_box(self) -> QVBoxLayout:
        box = QVBoxLayout()
        title = QLabel("Against the targets")
        theme.mark(title, "sectionTitle")
        box.addWidget(title)
        self.grid = QGridLayout()
        self.reading_labels: list[tuple[QLabel, QLabel]] = []
        for row in range(5):
            what, value = QLabel(), QLabel()
            self.grid.addWidget(what, row, 0)
            self.grid.addWidget(value, row, 1)
            self.reading_labels.append((what, value))
        box.addLayout(self.grid)
        box.addStretch(1)
        return box

    def refresh(self, plan: model.Plan) -> None:
        self.network.refresh(plan)
        self.fleet.refresh(plan)
        for (what, value), (name, reading, ok) in zip(self.reading_labels, readings(plan), strict=True):
            what.setText(name)
            value.setText(f"{'✓' if ok else '✗'}  {reading}")
            theme.mark(value, "okFigure" if ok else "gapFigure")

    def select_item(self, collection: str, item_id: str) -> bool:
        if collection == "devices":
            return self.fleet.select(item_id)
        if collection == "network":
            self.network.editor("internet_mbps").setFocus()
            return True
        return False
