"""Values at the edges of what a plan accepts export to a workbook that opens, and user text in page headers prints
as typed.

Dates from 1 January of year 1 to 31 December 9999 (the zip format stops at 2107, Excel's dates start in
March 1900), the largest amounts, counts beyond what a spreadsheet number holds, text over Excel's cell limit; and
district names holding Excel's header codes (``&P``, ``&[Pages]``, ``&"Arial"``…) or OOXML escapes.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
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
from summit_app.export.xlsx.safe_text import CUT_MARKER, header_footer_text
from summit_app.plan import model
from summit_app.plan.samples import small_plan

FAR_DATES = [date(2107, 12, 31), date(2108, 1, 1), date(2500, 6, 15), date(9999, 12, 31), date(1, 1, 1),
             date(1899, 12, 31), date(1900, 2, 28), date(1900, 3, 1), date(1979, 12, 31)]


def dated(plan: model.Plan, day: date) -> model.Plan:
    """``plan`` with ``day`` in every date field it has."""
    return plan.replace(
        district=dataclasses.replace(plan.district, summit_date=day),
        approval=dataclasses.replace(plan.approval, board_meeting_date=day),
        goals=tuple(dataclasses.replace(g, due_date=day) for g in plan.goals),
        actions=tuple(dataclasses.replace(a, due_date=day) for a in plan.actions),
        learning=tuple(dataclasses.replace(a, start_date=day, end_date=day) for a in plan.learning),
        apps=tuple(dataclasses.replace(a, agreement_date=day) for a in plan.apps),
        milestones=tuple(dataclasses.replace(m, due_date=day) for m in plan.milestones))


def summary_values(book: Workbook) -> dict[Any, Any]:
    return {r[0].value: r[1].value for r in book["Summary"].iter_rows(min_col=1, max_col=2) if r[0].value}


def as_shown(day: date) -> Any:
    """How a workbook holds ``day``: a date from 1 March 1900, the ISO text before (Excel has no such dates)."""
    return datetime(day.year, day.month, day.day) if day >= date(1900, 3, 1) else day.isoformat()


@pytest.mark.parametrize("day", FAR_DATES, ids=str)
def test_any_date_exports_from_the_command_line(day: date, make_plan_file: Callable[..., Path],
                                                tmp_path: Path) -> None:
    plan = dated(small_plan(5, "Far Dates District"), day)
    out = tmp_path / "plan.xlsx"
    assert main(["export", str(make_plan_file(plan)), "--xlsx", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert summary_values(book)["Summit date"] == as_shown(day)
    assert summary_values(book)["Board meeting date"] == as_shown(day)
    timeline = book["Timeline"]
    assert {timeline.cell(r, 1).value for r in range(5, 5 + len(plan.milestones))} == {as_shown(day)}
    assert book.properties.created == datetime(day.year, day.month, day.day)
    with zipfile.ZipFile(out) as archive:
        times = {info.date_time for info in archive.infolist()}
    assert len(times) == 1
    assert (1980, 1, 1) <= times.pop() <= (2107, 12, 31, 23, 59, 58)


def test_far_dates_give_the_same_bytes_each_time(tmp_path: Path) -> None:
    plan = dated(small_plan(5, "Far Dates District"), date(2108, 1, 1))
    write_xlsx(plan, tmp_path / "a.xlsx")
    write_xlsx(plan, tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_numbers_beyond_a_spreadsheet_are_shown_as_text(tmp_path: Path) -> None:
    plan = small_plan(5, "Big Numbers District")
    top = Decimal("999999999999999.99")
    lines = list(plan.budget)
    lines[0] = dataclasses.replace(lines[0], unit_cost=top, quantity=1)
    lines[1] = dataclasses.replace(lines[1], unit_cost=Decimal(0), quantity=10**400)
    lines[2] = dataclasses.replace(lines[2], unit_cost=Decimal(0), quantity=10**5000)  # str() refuses this many digits
    plan = plan.replace(budget=tuple(lines), district=dataclasses.replace(plan.district, enrollment=2**63 - 1))
    path = tmp_path / "big.xlsx"
    write_xlsx(plan, path)
    book = openpyxl.load_workbook(path)
    budget = book["Budget"]
    header = [c.value for c in budget[4]]
    unit, quantity = header.index("Unit cost") + 1, header.index("Quantity") + 1
    assert budget.cell(5, unit).value == float(top)  # stored in full; a spreadsheet keeps 15 digits of it
    assert budget.cell(6, quantity).value == "1.000000E+400 (too large for a spreadsheet)"
    assert budget.cell(7, quantity).value == "1.000000E+5000 (too large for a spreadsheet)"
    assert summary_values(book)["Students enrolled"] == 2**63 - 1


def test_text_over_the_cell_limit_is_cut_with_a_note(tmp_path: Path) -> None:
    plan = small_plan(5, "Long Text District")
    essay = "A long vision. " * 4_000
    plan = plan.replace(vision=dataclasses.replace(plan.vision, statement=essay))
    path = tmp_path / "long.xlsx"
    write_xlsx(plan, path)
    shown = [c.value for c in openpyxl.load_workbook(path)["Summary"]["A"] if isinstance(c.value, str)
             and c.value.startswith("A long vision.")]
    assert len(shown) == 1
    assert shown[0].endswith(CUT_MARKER)
    assert len(shown[0]) == 32_767
    assert essay.startswith(shown[0][: -len(CUT_MARKER)])


# --- page headers ----------------------------------------------------------------------------

#: District names a header would read as codes: page numbers, fonts, sections, sizes, colours, escapes.
CODED_NAMES = [
    "R&D &[Pages] District", "&P of &N Unified", "&[Page] &[Date] &[Time] &[File] &[Tab] &[Path]",
    'Arial &"Arial,Bold" Schools', "&L Left &C Centre &R Right", "Size &14 and &K00FF00 colour", "Ends with &",
    "_x0041_ Literal Schools", "&&Already doubled", "&B&I&U Toggles",
]


def decoded(header: str) -> str:
    """The text Excel prints for one header section: ``&&`` is ``&``; any other code prints nothing readable."""
    out, at = [], 0
    while at < len(header):
        if header.startswith("&&", at):
            out.append("&")
            at += 2
        elif header[at] == "&":
            code = re.match(r'&(?:"[^"]*"|K[0-9A-Fa-f]{6}|\d+ ?|.)', header[at:])
            assert code is not None
            out.append("\0")  # a code: the test below requires none in user text
            at += len(code.group())
        else:
            out.append(header[at])
            at += 1
    return "".join(out)


def left_header(path: Path, sheet: int = 1) -> str:
    """The raw left section of a sheet's header (after ``&L``, before ``&R``)."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(f"xl/worksheets/sheet{sheet}.xml").decode("utf-8")
    found = re.search(r"<oddHeader>(.*?)</oddHeader>", xml)
    assert found is not None
    raw = found.group(1).replace("&amp;", "&").replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
    assert raw.startswith("&L&9 &K595959")
    left = raw[len("&L&9 &K595959"):]
    return left[: left.rindex("&R&9 &K595959")]


def named(name: str) -> model.Plan:
    plan = small_plan(2, "x")
    return plan.replace(district=dataclasses.replace(plan.district, name=name))


@pytest.mark.parametrize("name", CODED_NAMES)
def test_header_codes_in_a_district_name_are_text(name: str, tmp_path: Path) -> None:
    path = tmp_path / "named.xlsx"
    write_xlsx(named(name), path)
    left = left_header(path)
    assert left == header_footer_text(name)
    # The only code left in the stored section is the colour it already has, splitting an OOXML escape.
    assert decoded(left.replace("_&K595959x", "_x")) == name
    assert "_x0041_" not in left  # Excel would decode it to "A"


@pytest.mark.parametrize("name", ["R&D &[Pages] District", "&P of &N Unified", "Ends with &", "&&Already doubled"])
def test_openpyxl_reads_the_header_back(name: str, tmp_path: Path) -> None:
    path = tmp_path / "named.xlsx"
    write_xlsx(named(name), path)
    for ws in openpyxl.load_workbook(path).worksheets:
        assert ws.oddHeader.left.text == name.replace("&", "&&"), ws.title
        assert ws.oddHeader.right.text == ws.title
        assert ws.oddFooter.right.text == "Page &P of &N"


@pytest.mark.slow
def test_libreoffice_prints_the_district_name_as_typed(tmp_path: Path,
                                                       recalculate: Callable[..., list[Path]]) -> None:
    paths = []
    for index, name in enumerate(CODED_NAMES):
        paths.append(tmp_path / f"named{index}.xlsx")
        write_xlsx(named(name), paths[-1])
    for name, pdf in zip(CODED_NAMES, recalculate(*paths, to="pdf"), strict=True):
        first_page = subprocess.run(["pdftotext", "-layout", "-l", "1", str(pdf), "-"], check=True,
                                    capture_output=True, text=True).stdout
        header = first_page.strip().splitlines()[0]
        assert header.strip().startswith(name), (name, header)
        assert header.rstrip().endswith("Summary"), header
