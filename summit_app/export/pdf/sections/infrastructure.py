"""Section 6, Infrastructure & devices: the fleet and its refresh, device ratio, network against targets, support."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reportlab.platypus import Flowable

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, count, plural, short_day
from summit_app.export.pdf.markup import prose
from summit_app.export.pdf.sections.common import h2, h3, note, opening
from summit_app.export.pdf.tables import TOTAL, Column, DataTable, Part, Row, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan import model, network


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


def _users(plan: model.Plan) -> int:
    """Users the internet serves: students and staff, or the devices if there are more of them."""
    return max(plan.district.enrollment + plan.district.staff, sum(d.count for d in plan.devices))


def _meets(ok: bool) -> Part:
    return Part("Meets target", "regular") if ok else Part("Below target", "bold")


def _mbps(n: int) -> str:
    return f"{count(n)} Mbps"


def _network(report: Report) -> DataTable:
    """Each figure today, once the planned upgrades are in, against the plan's own target and the reference."""
    plan = report.plan
    now, after = network.today(plan), network.capacity_after_upgrades(plan)
    users = _users(plan)
    needed = network.mbps_for(users, plan.network.target_mbps_per_1000)
    wan = network.wan_target_mbps(plan)
    columns = (Column("Measure", 0.25), Column("Today", 0.13, "right"), Column("After upgrades", 0.15, "right"),
               Column("Plan's target", 0.14, "right"), Column("Long-term reference", 0.17, "right"),
               Column("Against target", 0.16))
    return DataTable(columns, [
        row("Internet bandwidth", _mbps(now.internet_mbps), _mbps(after.internet_mbps), _mbps(needed),
            _mbps(network.reference_internet_mbps(users)), _meets(after.internet_mbps >= needed)),
        row("WAN link per school", _mbps(now.wan_mbps), _mbps(after.wan_mbps), _mbps(wan),
            _mbps(network.reference_wan_mbps(plan)), _meets(after.wan_mbps >= wan)),
        row("Classrooms with Wi-Fi", f"{now.wifi_coverage_percent}%", f"{after.wifi_coverage_percent}%", "100%",
            "100%", _meets(after.wifi_coverage_percent >= 100)),
    ])


def _support(report: Report) -> str:
    net = report.plan.network
    devices = sum(d.count for d in report.plan.devices)
    if not net.support_technicians:
        return "No support technicians are recorded."
    return (f"{plural(net.support_technicians, 'support technician')}: "
            f"{count(devices // net.support_technicians)} devices each.")


def _cipa(report: Report) -> str:
    state = "in place" if report.plan.network.cipa_in_place else "not recorded as in place"
    return (f"CIPA (Children's Internet Protection Act): the internet safety policy, filtering and monitoring "
            f"that E-Rate requires are {state}.")


def _paid_by(report: Report, upgrade: model.NetworkUpgrade) -> str:
    lines = [report.plan.item("budget", i) for i in upgrade.budget_line_ids]
    return "\n".join(line.description or NONE for line in lines if line is not None) or "No budget line named"


def _changed(value: int, text: str) -> str:
    return text if value else "Unchanged"


def _upgrades(report: Report) -> list[Flowable]:
    if not report.plan.upgrades:
        return [note(report, "No network upgrades are planned.")]
    dated = [u for _, u in network.dated_upgrades(report.plan)]
    undated = [u for u in report.plan.upgrades if u.effective_date is None]
    columns = (Column("Takes effect", 0.13), Column("Upgrade", 0.25), Column("Internet after", 0.13, "right"),
               Column("WAN per school after", 0.13, "right"), Column("Wi-Fi after", 0.12, "right"),
               Column("Paid by", 0.24))
    rows = [row(short_day(u.effective_date), Part(u.title or NONE, "bold"),
                _changed(u.internet_mbps, _mbps(u.internet_mbps)), _changed(u.wan_mbps, _mbps(u.wan_mbps)),
                _changed(u.wifi_coverage_percent, f"{u.wifi_coverage_percent}%"), _paid_by(report, u))
            for u in dated + undated]
    return [DataTable(columns, rows)]


def _basis(report: Report) -> str:
    d, plan = report.plan.district, report.plan
    people = d.enrollment + d.staff
    devices = sum(x.count for x in plan.devices)
    users = f"{count(devices)} devices" if devices > people else \
        f"{count(d.enrollment)} students and {count(d.staff)} staff"
    wan = "the team's own" if plan.network.target_wan_mbps else "the reference"
    return (f"The internet target is the plan's own: {count(plan.network.target_mbps_per_1000)} Mbps per 1,000 "
            f"users, for {users}; the long-term reference is 1 Gbps per 1,000 users. The WAN target per school is "
            f"{wan}; the reference is 10 Gbps per 1,000 students, about "
            f"{count(network.students_per_school(plan))} students a school. Upgrades apply from the day they "
            f"take effect; a figure an upgrade leaves unchanged stays as it was.")


def build(report: Report) -> list[Flowable]:
    notes = report.plan.network.notes
    out = [*opening(report, entry(report)), h2(report, "Device fleet"), *_devices(report),
           note(report, _ratio(report)), h2(report, "Network and support"), _network(report),
           note(report, _basis(report)), note(report, _support(report)), note(report, _cipa(report)),
           h2(report, f"Planned network upgrades ({len(report.plan.upgrades)})"), *_upgrades(report)]
    if notes.strip():
        out += [h3(report, "Notes"), *prose(notes, report.styles.body)]
    return out
