"""The Infrastructure sheet: the device fleet, then network capacity and support.

Replacement counts, the bandwidth the district's own target calls for, devices
per technician and devices per student are formulas, so the technology
department can try a different refresh cycle or target and see the effect.
"""

from __future__ import annotations

from summit_app.export.xlsx.book import Book
from summit_app.export.xlsx.grid import Column, Formula, SheetWriter, TableSpec, Value
from summit_app.export.xlsx.styles import Kind
from summit_app.plan import model

DEVICES = "DeviceFleet"
VALUE_COL = 4
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


def _network_rows(book: Book, top: int) -> list[tuple[str, Value, Kind]]:
    """(label, value, kind) of the network block; formulas refer to rows of this block by position."""
    net = book.plan.network
    users, target, techs = top + 2, top + 1, top + 7
    students = book.name_of("device_users", "students")
    c = "D"
    return [
        ("Internet bandwidth (Mbps)", net.internet_mbps, Kind.COUNT_INPUT),
        (MBPS_PER_THOUSAND, net.target_mbps_per_1000, Kind.COUNT_INPUT),
        ("Users: students and staff", Formula("Enrollment+Staff"), Kind.COUNT),
        ("Internet bandwidth the target calls for (Mbps)", Formula(f"ROUNDUP({c}{users}*{c}{target}/1000,0)"),
         Kind.COUNT),
        ("WAN link (Mbps)", net.wan_mbps, Kind.COUNT_INPUT),
        ("Target WAN (Mbps)", net.target_wan_mbps, Kind.COUNT_INPUT),
        ("Classrooms with Wi-Fi (%)", net.wifi_coverage_percent, Kind.COUNT_INPUT),
        ("Support technicians", net.support_technicians, Kind.COUNT_INPUT),
        ("Devices per technician", Formula(f'IF({c}{techs}>0,ROUND(SUM({DEVICES}[Count])/{c}{techs},0),"")'),
         Kind.COUNT),
        ("Student devices per student",
         Formula(f'IF(Enrollment>0,SUMIFS({DEVICES}[Count],{DEVICES}[Used by],"{students}")/Enrollment,"")'),
         Kind.RATIO),
    ]


def _network(book: Book, writer: SheetWriter, top: int) -> None:
    writer.put(top, 1, "Network and support", Kind.SECTION)
    rows = _network_rows(book, top + 1)
    for offset, (label, value, kind) in enumerate(rows, start=1):
        writer.pair(top + offset, label, value, kind, VALUE_COL)
    notes = top + len(rows) + 1
    writer.pair(notes, "Notes", None, Kind.LABEL, VALUE_COL)
    writer.block_text(notes, VALUE_COL, 7, book.plan.network.notes)


def write_infrastructure(book: Book) -> None:
    writer = book.sheet("Infrastructure")
    writer.title("Infrastructure and devices", book.subtitle)
    placed = writer.table(devices_spec(book), (_device_row(book, d) for d in book.plan.devices))
    _network(book, writer, placed.last_row + 3)
    writer.finish(district=book.district, sheet_name="Infrastructure", freeze="A5", title_rows="4:4")
