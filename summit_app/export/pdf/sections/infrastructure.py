"""Section 6, Infrastructure & devices: the fleet and its refresh, device ratio, network against targets, support."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reportlab.platypus import Flowable

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, count, plural
from summit_app.export.pdf.markup import prose
from summit_app.export.pdf.sections.common import h2, h3, note, opening
from summit_app.export.pdf.tables import TOTAL, Column, DataTable, Part, Row, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan import model


def entry(report: Report) -> Entry:
    return Entry("infrastructure", report.title("infrastructure"), "6")


def _refresh(d: model.DeviceFleet) -> str:
    if not d.refresh_cycle_years:
        return NONE
    due = d.refresh_cycle_years - d.average_age_years
    return "Due now" if due <= 0 else f"In {plural(due, 'year')}"


def _devices(report: Report) -> list[Flowable]:
    fleet = report.plan.devices
    if not fleet:
        return [note(report, "No devices have been recorded yet.")]
    columns = (Column("Device", 0.28), Column("Used by", 0.16), Column("Count", 0.12, "right"),
               Column("Average age", 0.14, "right"), Column("Refresh cycle", 0.14, "right"),
               Column("Refresh", 0.16))
    rows = [row(Part(report.name("device_types", d.device_type), "bold"), report.name("device_users", d.users),
                count(d.count), plural(d.average_age_years, "year"),
                plural(d.refresh_cycle_years, "year") if d.refresh_cycle_years else NONE, _refresh(d))
            for d in fleet]
    rows.append(Row(("Total", "", count(sum(d.count for d in fleet)), "", "", ""), TOTAL))
    return [DataTable(columns, rows)]


def _ratio(report: Report) -> str:
    students = report.plan.district.enrollment
    student_devices = sum(d.count for d in report.plan.devices if d.users == "students")
    if not students or not student_devices:
        return "The device-to-student ratio needs both the enrollment and the students' devices."
    ratio = (Decimal(students) / student_devices).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return (f"{count(student_devices)} devices assigned to students for {count(students)} students: "
            f"{ratio} students per device.")


def _needed(plan: model.Plan) -> int:
    """Internet capacity the plan's own target asks for: per 1,000 users (students and staff, or devices if more)."""
    users = max(plan.district.enrollment + plan.district.staff, sum(d.count for d in plan.devices))
    return -(-users * plan.network.target_mbps_per_1000 // 1000)


def _meets(ok: bool) -> Part:
    return Part("Meets target", "regular") if ok else Part("Below target", "bold")


def _network(report: Report) -> DataTable:
    net, plan = report.plan.network, report.plan
    needed = _needed(plan)
    devices = sum(d.count for d in plan.devices)
    per_tech = f"{count(devices // net.support_technicians)} devices each" if net.support_technicians else NONE
    columns = (Column("Measure", 0.34), Column("Now", 0.18, "right"), Column("Target", 0.18, "right"),
               Column("", 0.3))
    return DataTable(columns, [
        row("Internet bandwidth", f"{count(net.internet_mbps)} Mbps", f"{count(needed)} Mbps",
            _meets(net.internet_mbps >= needed)),
        row("WAN link between schools", f"{count(net.wan_mbps)} Mbps", f"{count(net.target_wan_mbps)} Mbps",
            _meets(net.wan_mbps >= net.target_wan_mbps)),
        row("Classrooms with Wi-Fi", f"{net.wifi_coverage_percent}%", "100%", _meets(net.wifi_coverage_percent >= 100)),
        row("Support technicians", count(net.support_technicians), NONE, per_tech),
    ])


def _basis(report: Report) -> str:
    d, net = report.plan.district, report.plan.network
    people = d.enrollment + d.staff
    devices = sum(x.count for x in report.plan.devices)
    users = f"{count(devices)} devices" if devices > people else \
        f"{count(d.enrollment)} students and {count(d.staff)} staff"
    return (f"The internet target is the plan's own: {count(net.target_mbps_per_1000)} Mbps per 1,000 users, "
            f"for {users}.")


def build(report: Report) -> list[Flowable]:
    notes = report.plan.network.notes
    out = [*opening(report, entry(report)), h2(report, "Device fleet"), *_devices(report),
           note(report, _ratio(report)), h2(report, "Network and support"), _network(report),
           note(report, _basis(report))]
    if notes.strip():
        out += [h3(report, "Notes"), *prose(notes, report.styles.body)]
    return out
