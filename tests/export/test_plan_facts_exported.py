"""The facts of plan format 2 read back from both exports: the PDF's text (pdftotext) and the workbook's cells."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook import Workbook
from plan_facts import DEVICE_LINES, DISCOUNT, ERATE_LINES, UPGRADES, with_new_facts

from summit_app.export.pdf import write_pdf
from summit_app.export.xlsx import write_xlsx
from summit_app.plan import model
from summit_app.plan.content import Content

ReadTable = Callable[[Workbook, str], list[dict[str, Any]]]


def squashed(text: str) -> str:
    """Text with every run of white space one space (a table cell may wrap anywhere)."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def plan(demo: model.Plan) -> model.Plan:
    return with_new_facts()


@pytest.fixture(scope="module")
def exported(plan: model.Plan, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    """The PDF's pages as text, and the workbook's path."""
    folder = tmp_path_factory.mktemp("facts")
    write_pdf(plan, folder / "plan.pdf")
    write_xlsx(plan, folder / "plan.xlsx")
    return pdf_text(folder / "plan.pdf").split("\f"), folder / "plan.xlsx"


def pdf_text(path: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *options, str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


@pytest.fixture(scope="module")
def rows(exported: tuple[list[str], Path]) -> list[str]:
    """The PDF's lines as laid out (a table row on one line), white space squashed."""
    folder = exported[1].parent
    return [squashed(line) for line in pdf_text(folder / "plan.pdf", "-layout").splitlines()]


@pytest.fixture(scope="module")
def pages(exported: tuple[list[str], Path]) -> list[str]:
    return exported[0]


@pytest.fixture(scope="module")
def book(exported: tuple[list[str], Path]) -> Workbook:
    return openpyxl.load_workbook(exported[1], data_only=True)


def page_with(pages: list[str], phrase: str) -> str:
    found = [squashed(p) for p in pages if phrase in squashed(p)]
    assert found, phrase
    return found[-1]


def test_the_pdf_shows_the_districts_discount_and_the_network_over_time(pages: list[str], rows: list[str]) -> None:
    district = page_with(pages, "Leadership team (")
    assert f"E-Rate discount {DISCOUNT}% for Category 1, {DISCOUNT}% for Category 2" in district
    infrastructure = page_with(pages, "Planned network upgrades (2)")
    # Today 4,000 Mbps; 10,000 after the first upgrade; the target and the reference for 20,400 users.
    assert "Internet bandwidth 4,000 Mbps 10,000 Mbps 20,400 Mbps 20,400 Mbps Below target" in rows
    assert "WAN link per school 10,000 Mbps 20,000 Mbps 7,600 Mbps 7,600 Mbps Meets target" in rows
    assert "Classrooms with Wi-Fi 85% 100% 100% 100% Meets target" in rows
    assert "filtering and monitoring that E-Rate requires are in place" in infrastructure
    assert "2027-07-01 Internet to 10 Gbps 10,000 Mbps Unchanged Unchanged Internet access, 4 Gbps" in rows
    assert any(r.startswith("2028-07-01 Wi-Fi 6 in the last seven Unchanged 20,000 Mbps 100% Wi-Fi 6 access points")
               for r in rows)


def test_the_pdf_budget_lines_carry_device_delivery_and_erate_facts(pages: list[str]) -> None:
    text = squashed(" ".join(pages))
    assert "Laptop for staff, replacing devices in service; delivery 2026-08-03" in text
    assert "Chromebook for students; delivery 2027-08-16" in text
    assert "Chromebook for students; delivery 2028-07-01 (the start of FY2029)" in text
    assert "E-Rate Category 1; local match from General fund (technology allocation)" in text
    assert "E-Rate Category 1; no source named for the local match" in text
    assert "E-Rate Category 2; local match from Title IV-A Student Support and Academic Enrichment" in text


def test_the_pdf_shows_learning_purpose_and_milestone_kinds(pages: list[str], rows: list[str],
                                                            plan: model.Plan) -> None:
    learning = page_with(pages, "Student data privacy essentials")
    assert "Compliance or orientation" in learning
    assert "Teaching with technology" in page_with(pages, "Activity, type and purpose")
    board = plan.item("milestones", "milestone-03")
    assert any(r.startswith(f"{board.due_date.isoformat()} ") and "Board action" in r for r in rows)
    assert sum("Board action" in r for r in rows) == 1


def test_the_workbook_holds_the_new_facts(book: Workbook, plan: model.Plan, content: Content,
                                          read_table: ReadTable) -> None:
    summary = {r[0].value: r[1].value for r in book["Summary"].iter_rows(min_col=1, max_col=2) if r[0].value}
    assert summary["E-Rate discount (%)"] == DISCOUNT
    lines = {r["Budget line"]: r for r in read_table(book, "BudgetLines")}
    for line in plan.budget:
        row = lines[line.description]
        if line.id in DEVICE_LINES:
            kind, users, replaces, delivery = DEVICE_LINES[line.id]
            assert (row["Device"], row["Devices used by"], row["Replaces devices"]) == (
                content.name_of("device_types", kind), content.name_of("device_users", users),
                "Yes" if replaces else "No")
            assert (row["Delivery"].date() if row["Delivery"] else None) == delivery
        if line.id in ERATE_LINES:
            category, match = ERATE_LINES[line.id]
            assert row["E-Rate category"] == content.name_of("erate_categories", category)
            assert row["Local match from"] == (plan.item("funding", match).name if match else None)
    upgrades = read_table(book, "NetworkUpgrades")
    assert [(r["Upgrade"], r["Takes effect"].date(), r["Internet after (Mbps)"], r["Paid by (budget lines)"])
            for r in upgrades][:1] == [(UPGRADES[0].title, UPGRADES[0].effective_date, 10000,
                                        "Internet access, 4 Gbps")]
    network = {r[0].value: r[3].value for r in book["Infrastructure"].iter_rows(min_col=1, max_col=4) if r[0].value}
    assert network["Internet after the planned upgrades (Mbps)"] == 10000
    assert network["WAN reference: 10 Gbps per 1,000 students of a school (Mbps)"] == 7600
    assert network["Long-term reference: 1 Gbps per 1,000 users (Mbps)"] == 20400
    assert network["CIPA safety policy, filtering and monitoring in place"] == "Yes"
    purposes = {r["Activity"]: r["Purpose"] for r in read_table(book, "LearningActivities")}
    assert purposes["Student data privacy essentials"] == "Compliance or orientation"
    kinds = {r["Milestone"]: r["Kind"] for r in read_table(book, "Milestones")}
    assert kinds[plan.item("milestones", "milestone-03").title] == "Board action"
