"""The plan's workbook read back with openpyxl: sheets, headers, every value of the demo plan, formatting."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook import Workbook

from summit_app.cli import main
from summit_app.export.xlsx import write_xlsx
from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.interchange import fingerprint

ReadTable = Callable[[Workbook, str], list[dict[str, Any]]]
SHEETS = ["Summary", "Team", "Readiness", "Goals", "Professional Learning", "Data Privacy", "Privacy Practices",
          "Infrastructure", "Access", "Budget", "Funding", "Timeline", "Community", "Findings", "Lists"]
YEARS = ["FY2027", "FY2028", "FY2029", "FY2030", "FY2031"]
HEADERS = {
    "TeamMembers": ["Name", "Role", "Title", "E-mail"],
    "ReadinessRatings": ["Gear", "Element", "Score", "Level", "Notes", "Member ratings"],
    "GoalsAndActions": ["Ref", "Type", "Goal or action", "Description", "Future Ready gear", "Priority", "Measure",
                        "Baseline", "Target", "Owner", "Due date", "Status", "ISTE Essential Conditions",
                        "E-Rate technology-plan checklist (historical, pre-2015)"],
    "LearningActivities": ["Activity", "Type", "Audience", "Format", "Purpose", "Participants", "Hours each",
                           "Participant hours", "Starts", "Ends", "Goals"],
    "AppInventory": ["App or service", "Vendor", "Purpose", "Used by", "Student data collected", "Agreement",
                     "Agreement date", "COPPA consent", "Retention and deletion", "Approval", "Accessibility report"],
    "PrivacyPractices": ["Area", "Practice", "Rating", "Level", "Notes"],
    "DeviceFleet": ["Device", "Used by", "Count", "Average age (years)", "Refresh cycle (years)",
                    "Replaced each year", "Due for refresh"],
    "BudgetLines": ["Budget line", "Category", "Goal", "Funding source", "App (privacy inventory)", "Recurring",
                    "Unit cost", "Quantity", "First year", "Last year", "Cost per year", *YEARS, "Line total",
                    "E-Rate category", "Local match from", "E-Rate discount (%)", "E-Rate pays per year",
                    "Local match per year", "Device", "Devices used by", "Replaces devices", "Delivery",
                    "Device pilot", "Accessibility report"],
    "FundingSources": ["Funding source", "Kind", "Recurring", *YEARS, "Total"],
    "Milestones": ["Date", "Milestone", "Kind", "Owner", "Status", "Goals"],
    "Findings": ["Status", "Severity", "Pane", "Finding", "What to do", "Accepted by", "Why it was accepted"],
    "NetworkUpgrades": ["Upgrade", "Takes effect", "Internet after (Mbps)", "WAN per school after (Mbps)",
                        "Classrooms with Wi-Fi after (%)", "Paid by (budget lines)"],
    "PeerDistricts": ["Peer district", "State", "Relation", "Planned visit", "Who visits", "Like us in",
                      "What we will adopt", "Students enrolled", "Low-income students (%)"],
    "LighthouseSchools": ["School", "District", "Contact", "Open for visits from", "Open to", "Goals it shows",
                          "What it shows"],
    "CommunicationPlan": ["Kind", "Channel", "Owner", "Date", "Audience", "Languages", "Message"],
}
#: Sheets of labelled facts or of several tables: no one header row to freeze or to repeat on printed pages.
NO_HEADER_ROW = ("Access", "Community")


@pytest.fixture(scope="module")
def demo_xlsx(demo: model.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "demo.xlsx"
    write_xlsx(demo, path)
    return path


@pytest.fixture(scope="module")
def book(demo_xlsx: Path) -> Workbook:
    return openpyxl.load_workbook(demo_xlsx)


def day(value: Any) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def money(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def goal_label(plan: model.Plan, goal_id: str) -> str:
    index = [g.id for g in plan.goals].index(goal_id)
    return f"G{index + 1} {plan.goals[index].title}"


# --- structure --------------------------------------------------------------------------


def test_sheets_come_in_pane_order_with_the_lists_hidden(book: Workbook) -> None:
    assert book.sheetnames == SHEETS
    assert [ws.sheet_state for ws in book.worksheets] == ["visible"] * 14 + ["hidden"]
    assert book.active.title == "Summary"


def test_every_table_has_its_header_row_in_bold(book: Workbook) -> None:
    found = {name: (ws, ws.tables[name]) for ws in book.worksheets for name in ws.tables}
    assert set(found) == set(HEADERS)
    for name, (ws, table) in found.items():
        header_cells = next(iter(ws[table.ref]))
        assert [c.value for c in header_cells] == HEADERS[name], name
        assert all(c.font.b for c in header_cells), name
        assert table.autoFilter is not None, name
        assert table.autoFilter.ref == table.ref, name
        assert table.tableStyleInfo.showRowStripes


# --- every value the team entered, where it belongs ---------------------------------------


def test_summary_holds_the_district_approval_and_vision(book: Workbook, demo: model.Plan) -> None:
    ws = book["Summary"]
    values = {row[0].value: row[1].value for row in ws.iter_rows(min_col=1, max_col=2) if row[0].value}
    d, a = demo.district, demo.approval
    assert values["District"] == d.name
    assert values["State"] == d.state
    assert (values["Students enrolled"], values["Staff"], values["Teachers"], values["Schools"]) == (
        d.enrollment, d.staff, d.teachers, d.schools)
    assert values["Summit city"] == d.summit_city
    assert day(values["Summit date"]) == d.summit_date
    assert values["Fiscal years"] == "FY2027–FY2031 (5 years)"
    assert values["Plan fingerprint (SHA-256)"] == fingerprint(demo)
    assert values["Superintendent"] == a.superintendent_name
    assert values["Title"] == a.superintendent_title
    assert values["Board president"] == a.board_president
    assert values["Technology director"] == a.technology_director
    assert day(values["Board meeting date"]) == a.board_meeting_date
    assert demo.vision.statement in [c.value for c in ws["A"]]


def test_team_lists_each_member(book: Workbook, demo: model.Plan, content: Content, read_table: ReadTable) -> None:
    rows = read_table(book, "TeamMembers")
    assert rows == [{"Name": m.name, "Role": content.name_of("roles", m.role), "Title": m.title, "E-mail": m.email}
                    for m in demo.members]


def test_readiness_has_every_element_with_its_score_and_notes(book: Workbook, demo: model.Plan, content: Content,
                                                              read_table: ReadTable) -> None:
    rows = {r["Element"]: r for r in read_table(book, "ReadinessRatings")}
    assert len(rows) == len(content.elements())
    for rating in demo.readiness:
        element = next(e for e in content.elements() if e.id == rating.id)
        row = rows[element.name]
        assert (row["Gear"], row["Score"], row["Notes"]) == (content.gear(element.gear_id).label, rating.score,
                                                            rating.notes or None)
        scores = [r.score for r in demo.member_ratings if r.element_id == rating.id and r.score is not None]
        if scores and rating.revealed:
            assert row["Member ratings"] == f"{min(scores)}–{max(scores)} ({len(scores)} members)"
        elif scores:
            assert row["Member ratings"] == f"Hidden until revealed ({len(scores)} members rated)"
        else:
            assert row["Member ratings"] is None
    assert any(r.revealed for r in demo.readiness), "the demo shows a revealed spread"


def test_goals_are_followed_by_their_actions(book: Workbook, demo: model.Plan, content: Content,
                                             read_table: ReadTable) -> None:
    rows = read_table(book, "GoalsAndActions")
    expected: list[tuple[Any, ...]] = []
    for g_index, goal in enumerate(demo.goals, start=1):
        expected.append((f"G{g_index}", "Goal", goal.title, goal.description, content.name_of("gears", goal.gear),
                         goal.priority, goal.measure, goal.baseline, goal.target, goal.owner, goal.due_date, None))
        actions = [a for a in demo.actions if a.goal_id == goal.id]
        expected += [(f"G{g_index}.{i}", "Action", a.text, None, None, None, None, None, None, a.owner, a.due_date,
                      content.name_of("statuses", a.status)) for i, a in enumerate(actions, start=1)]
    got = [(r["Ref"], r["Type"], r["Goal or action"], r["Description"], r["Future Ready gear"], r["Priority"],
            r["Measure"], r["Baseline"], r["Target"], r["Owner"], day(r["Due date"]), r["Status"]) for r in rows]
    assert got == expected
    first = rows[0]
    assert first["ISTE Essential Conditions"] == "; ".join(
        content.name_of("iste_conditions", c) for c in demo.goals[0].iste_conditions)
    assert first["E-Rate technology-plan checklist (historical, pre-2015)"] == "; ".join(
        content.name_of("erate_elements", e) for e in demo.goals[0].erate_elements)


def test_learning_activities(book: Workbook, demo: model.Plan, content: Content, read_table: ReadTable) -> None:
    rows = read_table(book, "LearningActivities")
    assert len(rows) == len(demo.learning)
    for row, a in zip(rows, demo.learning, strict=True):
        assert (row["Activity"], row["Type"], row["Audience"], row["Format"], row["Purpose"]) == (
            a.title, content.name_of("pd_components", a.component), content.name_of("pd_audiences", a.audience),
            content.name_of("pd_formats", a.format), content.name_of("pd_purposes", a.purpose))
        assert (row["Participants"], money(row["Hours each"])) == (a.participants, a.hours)
        assert (day(row["Starts"]), day(row["Ends"])) == (a.start_date, a.end_date)
        assert row["Goals"] == "; ".join(goal_label(demo, g) for g in a.goal_ids)


def test_privacy_inventory_and_practices(book: Workbook, demo: model.Plan, content: Content,
                                         read_table: ReadTable) -> None:
    apps = read_table(book, "AppInventory")
    assert [(r["App or service"], r["Vendor"], r["Purpose"], r["Agreement"], day(r["Agreement date"]),
             r["COPPA consent"], r["Retention and deletion"], r["Approval"]) for r in apps] == [
        (a.name, a.vendor, a.purpose, content.name_of("agreement_statuses", a.agreement_status), a.agreement_date,
         content.name_of("consent_routes", a.consent_route), a.retention,
         content.name_of("approval_statuses", a.approval)) for a in demo.apps]
    for row, app in zip(apps, demo.apps, strict=True):
        assert row["Used by"] == "; ".join(content.name_of("app_audiences", a) for a in app.audience)
        assert row["Student data collected"] == "; ".join(
            content.name_of("data_categories", c) for c in app.data_categories)
    practices = {r["Practice"]: r for r in read_table(book, "PrivacyPractices")}
    for rated in demo.practices:
        row = practices[content.name_of("practices", rated.id)]
        assert (row["Rating"], row["Notes"]) == (rated.rating, rated.notes or None)


def test_devices_and_network(book: Workbook, demo: model.Plan, content: Content, read_table: ReadTable) -> None:
    rows = read_table(book, "DeviceFleet")
    assert [(r["Device"], r["Used by"], r["Count"], r["Average age (years)"], r["Refresh cycle (years)"])
            for r in rows] == [(content.name_of("device_types", f.device_type),
                                content.name_of("device_users", f.users), f.count, f.average_age_years,
                                f.refresh_cycle_years) for f in demo.devices]
    ws = book["Infrastructure"]
    values = {row[0].value: row[3].value for row in ws.iter_rows(min_col=1, max_col=4) if row[0].value}
    net = demo.network
    assert (values["Internet bandwidth today (Mbps)"], values["Target Mbps per 1,000 users"],
            values["WAN link per school today (Mbps)"], values["Target WAN per school (Mbps; 0: the reference)"],
            values["Classrooms with Wi-Fi today (%)"], values["Support technicians"],
            values["CIPA safety policy, filtering and monitoring in place"], values["Notes"]) == (
        net.internet_mbps, net.target_mbps_per_1000, net.wan_mbps, net.target_wan_mbps, net.wifi_coverage_percent,
        net.support_technicians, "Yes" if net.cipa_in_place else "No", net.notes)


def test_budget_has_one_row_per_line(book: Workbook, demo: model.Plan, content: Content,
                                     read_table: ReadTable) -> None:
    rows = read_table(book, "BudgetLines")
    sources = {s.id: s.name for s in demo.funding}
    apps = {a.id: a.name for a in demo.apps}
    assert len(rows) == len(demo.budget)
    for row, line in zip(rows, demo.budget, strict=True):
        assert (row["Budget line"], row["Category"], row["Goal"], row["Funding source"]) == (
            line.description, content.name_of("cost_categories", line.category), goal_label(demo, line.goal_id),
            sources[line.funding_source_id])
        assert row["App (privacy inventory)"] == (apps[line.app_id] if line.app_id else None)
        assert (row["Recurring"], money(row["Unit cost"]), row["Quantity"], row["First year"], row["Last year"]) == (
            "Yes" if line.recurring else "No", line.unit_cost, line.quantity, line.first_year, line.last_year)


def test_funding_sources_with_amounts_by_year(book: Workbook, demo: model.Plan, content: Content,
                                              read_table: ReadTable) -> None:
    rows = read_table(book, "FundingSources")
    assert [(r["Funding source"], r["Kind"], r["Recurring"], [money(r[y]) for y in YEARS]) for r in rows] == [
        (s.name, content.name_of("funding_kinds", s.kind), "Yes" if s.recurring else "No", list(s.amounts))
        for s in demo.funding]


def test_timeline_in_date_order(book: Workbook, demo: model.Plan, content: Content, read_table: ReadTable) -> None:
    rows = read_table(book, "Milestones")
    ordered = sorted(demo.milestones, key=lambda m: m.due_date or date.max)
    assert [(day(r["Date"]), r["Milestone"], r["Kind"], r["Owner"], r["Status"], r["Goals"]) for r in rows] == [
        (m.due_date, m.title, content.name_of("milestone_kinds", m.kind), m.owner,
         content.name_of("statuses", m.status), "; ".join(goal_label(demo, g) for g in m.goal_ids)) for m in ordered]


# --- live formulas and formats -----------------------------------------------------------


def test_every_total_is_a_formula(book: Workbook) -> None:
    budget = book["Budget"]
    first = budget.tables["BudgetLines"].ref.split(":")[0]
    row = int(first[1:]) + 1
    computed = [budget.cell(row, col).value for col in range(11, 18)]  # cost per year, five years, line total
    assert all(isinstance(v, str) and v.startswith("=") for v in computed), computed
    assert "SUMIFS(BudgetLines[FY2027],BudgetLines[Category]" in _formulas(book["Summary"])
    assert "SUMPRODUCT((BudgetLines[Funding source]=" in _formulas(book["Funding"])
    assert "Enrollment" in _formulas(book["Summary"])


def _formulas(ws: Any) -> str:
    return "\n".join(c.value for row in ws.iter_rows() for c in row if c.data_type == "f")


def test_money_dates_and_long_text_are_formatted(book: Workbook) -> None:
    budget = book["Budget"]
    assert budget["G5"].number_format.startswith('"$"#,##0.00')
    assert budget["L5"].number_format.startswith('"$"')
    assert budget["G5"].font.color.rgb == "000000FF"  # entered figures are blue
    assert budget["A5"].alignment.wrap_text
    assert book["Timeline"]["A5"].number_format == "mmm d, yyyy"
    assert book["Summary"]["B12"].number_format == "mmm d, yyyy"
    assert budget.column_dimensions["A"].width >= 30


def test_frozen_headers_and_print_set_up(book: Workbook, demo: model.Plan) -> None:
    for ws in book.worksheets[1:-1]:
        if ws.title in NO_HEADER_ROW:
            assert (ws.freeze_panes, ws.print_title_rows) == (None, None), ws.title
            continue
        assert (ws.freeze_panes or "")[1:] == "5", ws.title
        assert ws.print_title_rows == "$4:$4", ws.title
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        pages_wide = 2 if ws.title == "Budget" else 1  # the budget's many columns print on two pages
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (pages_wide, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddHeader.left.text == demo.district.name
        assert ws.oddFooter.right.text == "Page &P of &N"


def _validations(ws: Any) -> dict[str, str]:
    """Drop-down sources by the header of the column they cover."""
    header = {c.column_letter: c.value for c in ws[4]}
    return {header[str(dv.sqref).split(":")[0].rstrip("0123456789")]: dv.formula1
            for dv in ws.data_validations.dataValidation}


def test_choice_columns_offer_drop_downs_from_the_lists(book: Workbook, content: Content) -> None:
    lists = book["Lists"]

    def listed(reference: str) -> list[str]:
        cells = lists[reference.split("!")[1].replace("$", "")]
        return [c[0].value for c in cells]

    budget = _validations(book["Budget"])
    assert listed(budget["Category"]) == [e.name for e in content.vocabulary("cost_categories")]
    assert budget["Funding source"] == "FundingSourceNames"
    assert book.defined_names["FundingSourceNames"].attr_text == "FundingSources[Funding source]"
    assert budget["Recurring"] == '"Yes,No"'
    statuses = [e.name for e in content.vocabulary("statuses")]
    assert listed(_validations(book["Goals"])["Status"]) == statuses
    assert listed(_validations(book["Timeline"])["Status"]) == statuses
    assert listed(_validations(book["Data Privacy"])["Agreement"]) == [
        e.name for e in content.vocabulary("agreement_statuses")]
    assert all(len(f) < 255 for ws in book.worksheets for f in _validations(ws).values())


def test_document_properties(book: Workbook, demo: model.Plan) -> None:
    props = book.properties
    assert props.title == f"{demo.district.name} technology plan"
    assert props.creator == f"{demo.district.name} leadership team"
    assert fingerprint(demo) in props.description
    assert props.created == datetime(2026, 3, 10) == props.modified


# --- deterministic, progress, edge cases, command line -----------------------------------


def test_the_same_plan_gives_the_same_bytes(demo: model.Plan, demo_xlsx: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    write_xlsx(demo, again)
    assert again.read_bytes() == demo_xlsx.read_bytes()
    with zipfile.ZipFile(again) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 3, 10, 0, 0, 0)}


def test_progress_rises_to_one(demo: model.Plan, tmp_path: Path) -> None:
    seen: list[float] = []
    write_xlsx(demo, tmp_path / "p.xlsx", progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert len(seen) > 5


def test_an_empty_plan_still_gives_a_usable_workbook(tmp_path: Path, read_table: ReadTable) -> None:
    path = tmp_path / "empty.xlsx"
    write_xlsx(model.Plan(), path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == SHEETS
    lines = read_table(book, "BudgetLines")
    assert len(lines) == 1
    assert not any(lines[0].values())
    with zipfile.ZipFile(path) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}


def test_command_line_export(make_plan_file: Callable[..., Path], demo: model.Plan, tmp_path: Path,
                             read_table: ReadTable) -> None:
    plan_path = make_plan_file(demo)
    out = tmp_path / "plan.xlsx"
    assert main(["export", str(plan_path), "--xlsx", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert [r["Budget line"] for r in read_table(book, "BudgetLines")] == [line.description for line in demo.budget]


def test_category_names_are_safe_sumifs_criteria(content: Content) -> None:
    """Totals by category match names with SUMIFS, which reads ``* ? ~`` as wildcards and ``< > =`` as tests."""
    for entry in content.vocabulary("cost_categories"):
        assert not any(ch in entry.name for ch in "*?~"), entry.name
        assert not entry.name.startswith(("<", ">", "=")), entry.name
