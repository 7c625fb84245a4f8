"""The sections of plan format 3 read back from both exports: peer districts, lighthouse schools, the
communication plan, home access and accessibility, conformance reports and the device pilot."""

from __future__ import annotations

import dataclasses
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook import Workbook
from plan_facts import (
    APP_REPORTS,
    COMMUNICATIONS,
    EQUITY,
    HOME_ACCESS_LINES,
    LIGHTHOUSES,
    LINE_REPORTS,
    PEERS,
    PILOT_LINE,
    with_format3_facts,
)

from summit_app.export.pdf import write_pdf
from summit_app.export.xlsx import write_xlsx
from summit_app.plan import model
from summit_app.plan.budget import line_total
from summit_app.plan.content import Content

ReadTable = Callable[[Workbook, str], list[dict[str, Any]]]
PEERS_TITLE, ACCESS_TITLE = "Peers and communication", "Home access and accessibility"


def squashed(text: str) -> str:
    return " ".join(text.split())


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    return [squashed(page) for page in text.split("\f")]


def section(pages: list[str], title: str, following: str) -> str:
    """The text of a section: from the page its numbered heading opens to the next section's heading."""
    whole = " ".join(pages)
    start = whole.index(f" {title} ", whole.index("ABOUT THIS COPY"))
    return whole[start:whole.index(following, start)]


@pytest.fixture(scope="module")
def plan() -> model.Plan:
    return with_format3_facts()


@pytest.fixture(scope="module")
def folder(plan: model.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("format3")
    write_pdf(plan, out / "plan.pdf")
    write_xlsx(plan, out / "plan.xlsx")
    write_pdf(model.Plan(), out / "empty.pdf")
    write_xlsx(model.Plan(), out / "empty.xlsx")
    return out


@pytest.fixture(scope="module")
def pages(folder: Path) -> list[str]:
    return pdf_pages(folder / "plan.pdf")


@pytest.fixture(scope="module")
def book(folder: Path) -> Workbook:
    return openpyxl.load_workbook(folder / "plan.xlsx", data_only=True)


# --- the PDF -------------------------------------------------------------------------------------------------


def test_the_new_sections_follow_infrastructure_and_the_timeline_in_the_contents(pages: list[str]) -> None:
    contents = pages[1]
    order = ["6 Infrastructure & devices", f"7 {ACCESS_TITLE}", "8 Budget", "9 Timeline & evaluation",
             f"10 {PEERS_TITLE}", "A Open and accepted findings"]
    at = [contents.index(title) for title in order]
    assert at == sorted(at), contents


def test_peers_lighthouses_and_the_communication_plan_print_in_full(pages: list[str], plan: model.Plan) -> None:
    text = section(pages, PEERS_TITLE, "Appendix A")
    oak, pine = PEERS
    for fact in ("Peer districts (2)", oak.name, "Oregon, 17,500 students, 48% low-income",
                 "Enrollment, Share of low-income students", "We learn from them", "2027-10-12", oak.visitors,
                 oak.adopt, pine.name, "We mentor them", "Readiness profile", "No date yet", pine.adopt):
        assert fact in text, fact
    school = LIGHTHOUSES[0]
    for fact in ("Lighthouse schools (1)", school.name, school.district, school.contact, school.shows,
                 "G6, G2", "2028-01-15", "Teachers, Parents"):
        assert fact in text, fact
    assert "Communication plan (3)" in text
    kinds = ["Board adoption of the plan", "Family information session", "Yearly public progress report"]
    assert [text.index(k) for k in kinds] == sorted(text.index(k) for k in kinds)  # by date, undated last
    for message in COMMUNICATIONS:
        assert squashed(message.message) in text, message.id
        assert message.languages in text
        assert message.owner in text
    assert "Board, Community" in text
    assert "Board meeting" in text
    assert "District website" in text


def test_home_access_assistive_technology_and_the_ada_deadline(pages: list[str], plan: model.Plan) -> None:
    text = section(pages, ACCESS_TITLE, "8 Budget")
    assert "Students without reliable home internet 23%, about 4,195 of 18,240 students" in text
    assert "Devices at home Some grades take devices home" in text
    assert squashed(EQUITY.loaner_policy) in text
    assert EQUITY.hotspot_plan in text
    lines = [x for x in plan.budget if x.id in HOME_ACCESS_LINES]
    for line in lines:
        assert line.description in text
    total = sum((line_total(x) for x in lines), Decimal(0))
    assert f"Total ${total:,.2f}" in text
    assert "Students with IEP or 504 technology needs 410" in text
    assert EQUITY.assistive_plan in text
    assert ("The district serves 50,000 people or more: under the ADA Title II rule, web content and documents it "
            "posts must meet WCAG 2.1 AA by April 2027.") in text


def test_conformance_reports_are_counted_and_the_lines_to_chase_listed(pages: list[str], plan: model.Plan,
                                                                       content: Content) -> None:
    text = section(pages, ACCESS_TITLE, "8 Budget")
    not_recorded = sum(not a.accessibility_report for a in plan.apps)
    assert f"Not recorded {not_recorded} " in text
    assert "On file: WCAG 2.1 AA 1 1" in text  # one app, one line
    chase = text[text.index("Device and software lines without a report on file"):]
    assert "Learning management system licence Software and subscriptions On file, with gaps to work around" in chase
    on_file = plan.item("budget", next(i for i, s in LINE_REPORTS.items() if s == "on-file"))
    assert on_file.description not in chase


def test_the_app_inventory_and_budget_lines_carry_the_report_and_the_pilot(pages: list[str], plan: model.Plan,
                                                                          content: Content) -> None:
    privacy = section(pages, "Data privacy", "6 Infrastructure")
    names = [a.name for a in plan.apps]
    for app_id, status in APP_REPORTS.items():
        app = plan.item("apps", app_id)
        following = names[names.index(app.name) + 1]
        row = privacy[privacy.index(app.name):privacy.index(following)]
        assert f"Accessibility report: {content.name_of('accessibility_reports', status)}" in row, app_id
    assert privacy.count("Accessibility report: Not recorded") == len(plan.apps) - len(APP_REPORTS)
    budget = section(pages, "Budget", "9 Timeline")
    pilot = plan.item("budget", PILOT_LINE)
    assert f"{pilot.description} Devices Chromebook for students, a device pilot or test" in budget
    assert "Accessibility report: On file: WCAG 2.1 AA" in budget
    assert budget.count(", a device pilot or test") == 1


def test_an_empty_plan_says_it_has_none_yet_and_prints_no_empty_table(folder: Path) -> None:
    pages = pdf_pages(folder / "empty.pdf")
    access = section(pages, ACCESS_TITLE, "8 Budget")
    peers = section(pages, PEERS_TITLE, "Appendix A")
    for said in ("The plan names no peer districts yet.", "The plan names no lighthouse schools yet.",
                 "The plan has no communication plan yet"):
        assert said in peers, said
    for header in ("Alike in", "Open from", "Languages", "To adopt"):
        assert header not in peers, header
    for said in ("The plan has no home access record yet", "No budget line is for hotspots or home internet yet.",
                 "The plan records no students with IEP or 504 technology needs",
                 "The population the district serves is not recorded yet",
                 "April 2027 for 50,000 people or more, April 2028 for fewer than 50,000 people",
                 "The plan has no apps and no device or software lines yet."):
        assert said in access, said
    assert "Report status" not in access


def test_a_smaller_district_reads_the_later_deadline(tmp_path: Path) -> None:
    plan = model.Plan(equity=model.Equity(public_entity_size="under-50000"))
    write_pdf(plan, tmp_path / "small.pdf")
    text = section(pdf_pages(tmp_path / "small.pdf"), ACCESS_TITLE, "8 Budget")
    assert "The district serves fewer than 50,000 people" in text
    assert "WCAG 2.1 AA by April 2028." in text


# --- the workbook --------------------------------------------------------------------------------------------


def test_the_community_sheet_holds_the_three_tables(book: Workbook, read_table: ReadTable) -> None:
    peers = read_table(book, "PeerDistricts")
    oak = PEERS[0]
    assert peers[0] == {"Peer district": oak.name, "State": "Oregon", "Relation": "We learn from them",
                        "Planned visit": peers[0]["Planned visit"], "Who visits": oak.visitors,
                        "Like us in": "Enrollment; Share of low-income students", "What we will adopt": oak.adopt,
                        "Students enrolled": 17500, "Low-income students (%)": 48}
    assert peers[0]["Planned visit"].date() == oak.visit_date
    assert (peers[1]["Students enrolled"], peers[1]["Planned visit"]) == (None, None)
    [school] = read_table(book, "LighthouseSchools")
    assert (school["School"], school["Open to"], school["What it shows"]) == (
        LIGHTHOUSES[0].name, "Teachers; Parents", LIGHTHOUSES[0].shows)
    assert school["Goals it shows"].startswith("G6 ")
    assert "; G2 " in school["Goals it shows"]
    messages = read_table(book, "CommunicationPlan")
    assert [m["Kind"] for m in messages] == ["Board adoption of the plan", "Family information session",
                                             "Yearly public progress report"]
    assert messages[1]["Languages"] == "English, Spanish, Hmong"
    assert messages[1]["Channel"] == "Family meeting at school"
    assert messages[2]["Date"] is None


def test_the_community_sheet_prints_like_the_others(book: Workbook) -> None:
    ws = book["Community"]
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    widths = {letter: ws.column_dimensions[letter].width for letter in "ABCDEFG"}
    assert widths["G"] >= 40  # the long texts share one wide column
    assert all(w >= 12 for w in widths.values())


def test_the_access_sheet_computes_home_access_from_enrollment_and_the_budget(book: Workbook,
                                                                              plan: model.Plan) -> None:
    facts = {r[0].value: r[1].value for r in book["Access"].iter_rows(min_col=1, max_col=2) if r[0].value}
    assert facts["Students without reliable home internet (%)"] == 23
    assert facts["Students without reliable home internet (about)"] == 4195  # cached: 23% of 18,240
    lines = [x for x in plan.budget if x.id in HOME_ACCESS_LINES]
    assert Decimal(str(facts["Budgeted for hotspots and home internet (all years)"])) == sum(
        (line_total(x) for x in lines), Decimal(0))
    assert facts["Devices at home"] == "Some grades take devices home"
    assert facts["Take-home and loaner policy"] == EQUITY.loaner_policy
    assert facts["Students with IEP or 504 technology needs"] == 410
    assert facts["WCAG 2.1 AA deadline (ADA Title II rule)"] == "April 2027"


def test_apps_and_budget_lines_carry_the_report_and_the_pilot(book: Workbook, plan: model.Plan, content: Content,
                                                              read_table: ReadTable) -> None:
    apps = {r["App or service"]: r["Accessibility report"] for r in read_table(book, "AppInventory")}
    for app in plan.apps:
        expected = content.name_of("accessibility_reports", APP_REPORTS[app.id]) if app.id in APP_REPORTS else None
        assert apps[app.name] == expected, app.id
    lines = {r["Budget line"]: r for r in read_table(book, "BudgetLines")}
    for line_id, status in LINE_REPORTS.items():
        line = plan.item("budget", line_id)
        assert lines[line.description]["Accessibility report"] == content.name_of("accessibility_reports", status)
    pilots = [name for name, r in lines.items() if r["Device pilot"] == "Yes"]
    assert pilots == [plan.item("budget", PILOT_LINE).description]
    devices = [x for x in plan.budget if x.device_type and x.id != PILOT_LINE]
    assert devices
    assert all(lines[x.description]["Device pilot"] == "No" for x in devices)


def test_an_empty_workbook_says_each_part_has_none_yet(folder: Path) -> None:
    ws = openpyxl.load_workbook(folder / "empty.xlsx")["Community"]
    column = [c.value for c in ws["A"]]
    assert column.count("The plan has none yet.") == 3
    for title in ("Peer districts", "Lighthouse schools", "Communication plan"):
        assert column.index(title) + 1 == column.index("The plan has none yet.", column.index(title))


def test_choice_columns_offer_the_new_lists(folder: Path) -> None:
    book = openpyxl.load_workbook(folder / "plan.xlsx")
    lists = book["Lists"]
    headers = {c.value: c.column_letter for c in lists[1]}
    sources = {str(dv.formula1) for dv in book["Community"].data_validations.dataValidation}
    for header in ("Peer relation", "Communication kind", "Communication channel"):
        assert any(f"${headers[header]}$" in s for s in sources), header
    budget = {str(dv.formula1) for dv in book["Budget"].data_validations.dataValidation}
    assert any(f"${headers['Accessibility report']}$" in s for s in budget)


@pytest.mark.parametrize("status", ["", "on-file"])
def test_a_line_that_is_no_device_or_software_shows_no_report(tmp_path: Path, status: str) -> None:
    line = model.BudgetLine("b1", description="Facilitator stipends", category="professional-learning",
                            unit_cost=Decimal("100.00"), accessibility_report=status)
    plan = model.Plan(budget=(line, dataclasses.replace(line, id="b2", description="Laptops", category="devices")))
    write_pdf(plan, tmp_path / "lines.pdf")
    budget = section(pdf_pages(tmp_path / "lines.pdf"), "Budget", "9 Timeline")
    stipends = budget[budget.index("Facilitator stipends"):budget.index("Laptops")]
    assert ("Accessibility report" in stipends) == bool(status)
    assert "Accessibility report:" in budget[budget.index("Laptops"):]


def test_students_without_internet_round_half_up_in_both_exports(tmp_path: Path) -> None:
    """25 % of 10 students is 2.5: "about 3" in the PDF, and 3 in the workbook (whose ROUND rounds half up)."""
    plan = model.Plan(district=model.District(enrollment=10), equity=model.Equity(no_home_internet_percent=25))
    write_pdf(plan, tmp_path / "half.pdf")
    write_xlsx(plan, tmp_path / "half.xlsx")
    assert "25%, about 3 of 10 students" in section(pdf_pages(tmp_path / "half.pdf"), ACCESS_TITLE, "8 Budget")
    access = openpyxl.load_workbook(tmp_path / "half.xlsx", data_only=True)["Access"]
    facts = {r[0].value: r[1].value for r in access.iter_rows(min_col=1, max_col=2) if r[0].value}
    assert facts["Students without reliable home internet (about)"] == 3
