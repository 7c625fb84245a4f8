"""The Infrastructure sheet: the device fleet, then network capacity and support.

Replacement counts, the bandwidth the district's own target calls for, devices
per technician and devices per student are formulas, so the technology
department can try a different refresh cycle or target and see the effect.
"""

from __future__ import annotations

from summit_app.export.xlsx.book import Book
from summit_app.export.xlsx.grid import Column, Formula, SheetWriter, TableSpec, Value
from summit_app.export.xlsx.styles import Kind
from summit_app.plan import model, network

DEVICES = "DeviceFleet"
UPGRADES = "NetworkUpgrades"
VALUE_COL, VALUE_LETTER = 4, "D"
MBPS_PER_THOUSAND = "Target Mbps per 1,000 users"


def devices_spec(book: Book) -> TableSpec:
    partial = TableSpec(DEVICES, ())
    count, age, cycle = (partial.this_row(h) for h in ("Count", "Average age (years)", "Refresh cycle (years)"))
    return TableSpec(DEVICES, (
        Column("Device", Kind.TEXT, 24, choices=book.lists["device_types"]),
        Column("Used by", Kind.TEXT, 12, choices=book.lists["device_users"]),
        Column("Count", Kind.COUNT_INPUT, 12),
        Column("Average age (years)", Kind.COUNT_INPUT, 12),
        Column("Refresh cycle (years)", Kind.COUNT_INPUT, 12),
        Column("Replaced each year", Kind.COUNT, 12, formula=f'IF({cycle}>0,ROUND({count}/{cycle},0),"")'),
        Column("Due for refresh", Kind.CENTERED, 12,
               formula=f'IF(AND({cycle}>0,{age}>={cycle}),"Yes","No")'),
    ))


def _device_row(book: Book, fleet: model.DeviceFleet) -> list[Value]:
    return [book.name_of("device_types", fleet.device_type), book.name_of("device_users", fleet.users),
            fleet.count, fleet.average_age_years, fleet.refresh_cycle_years]


def _network_rows(book: Book) -> list[tuple[str, str, Value, Kind]]:
    """(key, label, value, kind) of the network block; a formula names other rows by key, as ``{key}``."""
    net, plan = book.plan.network, book.plan
    after = network.capacity_after_upgrades(plan)
    students = book.name_of("device_users", "students")
    return [
        ("internet", "Internet bandwidth today (Mbps)", net.internet_mbps, Kind.COUNT_INPUT),
        ("internet_after", "Internet after the planned upgrades (Mbps)", after.internet_mbps, Kind.COUNT),
        ("target", MBPS_PER_THOUSAND, net.target_mbps_per_1000, Kind.COUNT_INPUT),
        ("users", "Users: students and staff", Formula("Enrollment+Staff"), Kind.COUNT),
        ("needed", "Internet bandwidth the target calls for (Mbps)", Formula("ROUNDUP({users}*{target}/1000,0)"),
         Kind.COUNT),
        ("reference", "Long-term reference: 1 Gbps per 1,000 users (Mbps)",
         Formula(f"ROUNDUP({{users}}*{network.REFERENCE_MBPS_PER_1000}/1000,0)"), Kind.COUNT),
        ("wan", "WAN link per school today (Mbps)", net.wan_mbps, Kind.COUNT_INPUT),
        ("wan_after", "WAN link per school after the planned upgrades (Mbps)", after.wan_mbps, Kind.COUNT),
        ("wan_target", "Target WAN per school (Mbps; 0: the reference)", net.target_wan_mbps, Kind.COUNT_INPUT),
        ("wan_reference", "WAN reference: 10 Gbps per 1,000 students of a school (Mbps)",
         Formula(f"ROUNDUP(ROUNDUP(Enrollment/MAX(1,Schools),0)*{network.REFERENCE_WAN_MBPS_PER_1000}/1000,0)"),
         Kind.COUNT),
        ("wifi", "Classrooms with Wi-Fi today (%)", net.wifi_coverage_percent, Kind.COUNT_INPUT),
        ("wifi_after", "Classrooms with Wi-Fi after the planned upgrades (%)", after.wifi_coverage_percent,
         Kind.COUNT),
        ("cipa", "CIPA safety policy, filtering and monitoring in place", net.cipa_in_place, Kind.TEXT),
        ("techs", "Support technicians", net.support_technicians, Kind.COUNT_INPUT),
        ("per_tech", "Devices per technician",
         Formula(f'IF({{techs}}>0,ROUND(SUM({DEVICES}[Count])/{{techs}},0),"")'), Kind.COUNT),
        ("per_student", "Student devices per student",
         Formula(f'IF(Enrollment>0,SUMIFS({DEVICES}[Count],{DEVICES}[Used by],"{students}")/Enrollment,"")'),
         Kind.RATIO),
    ]


def _network(book: Book, writer: SheetWriter, top: int) -> int:
    """The network block from ``top``; returns the row after its notes."""
    writer.put(top, 1, "Network and support", Kind.SECTION)
    rows = _network_rows(book)
    where = {key: f"{VALUE_LETTER}{top + offset}" for offset, (key, _, _, _) in enumerate(rows, start=1)}
    for offset, (_, label, value, kind) in enumerate(rows, start=1):
        if isinstance(value, Formula):
            value = Formula(value.text.format(**where))
        writer.pair(top + offset, label, value, kind, VALUE_COL)
    notes = top + len(rows) + 1
    writer.pair(notes, "Notes", None, Kind.LABEL, VALUE_COL)
    writer.block_text(notes, VALUE_COL, 7, book.plan.network.notes)
    writer.put(notes + 1, 1, "Figures after the planned upgrades are worked out at export from the upgrades "
                             "below, applied in date order; an upgrade's 0 leaves a figure unchanged.", Kind.NOTE)
    return notes + 3


def upgrades_spec(book: Book) -> TableSpec:
    return TableSpec(UPGRADES, (
        # No fixed widths: the columns are the device table's, and only grow to fit the upgrades.
        Column("Upgrade", Kind.WRAP),
        Column("Takes effect", Kind.DATE),
        Column("Internet after (Mbps)", Kind.COUNT_INPUT),
        Column("WAN per school after (Mbps)", Kind.COUNT_INPUT),
        Column("Classrooms with Wi-Fi after (%)", Kind.COUNT_INPUT),
        Column("Paid by (budget lines)", Kind.WRAP),
    ))


def _upgrade_row(book: Book, upgrade: model.NetworkUpgrade) -> list[Value]:
    lines = [book.plan.item("budget", i) for i in upgrade.budget_line_ids]
    paid_by = "; ".join(line.description for line in lines if line is not None)
    return [upgrade.title, upgrade.effective_date, upgrade.internet_mbps, upgrade.wan_mbps,
            upgrade.wifi_coverage_percent, paid_by]


def _upgrades(book: Book, writer: SheetWriter, top: int) -> None:
    writer.put(top, 1, "Planned network upgrades", Kind.SECTION)
    dated = [u for _, u in network.dated_upgrades(book.plan)]
    ordered = dated + [u for u in book.plan.upgrades if u.effective_date is None]
    writer.table(upgrades_spec(book), (_upgrade_row(book, u) for u in ordered), header_row=top + 1)


def write_infrastructure(book: Book) -> None:
    writer = book.sheet("Infrastructure")
    writer.title("Infrastructure and devices", book.subtitle)
    placed = writer.table(devices_spec(book), (_device_row(book, d) for d in book.plan.devices))
    after = _network(book, writer, placed.last_row + 3)
    _upgrades(book, writer, after)
    writer.finish(district=book.district, sheet_name="Infrastructure", freeze="A5", title_rows="4:4")
