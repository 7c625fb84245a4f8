"""Every formula in the workbooks carries the value LibreOffice computes for it, so viewers that never recalculate
(Excel's Protected View, mail previews, Quick Look) show the same figures.

The reference is LibreOffice recalculating a copy of each workbook from which
every cached value was removed: it cannot fall back on the values under test.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest
from openpyxl.utils.cell import range_to_tuple
from openpyxl.workbook import Workbook
from plan_facts import with_format3_facts, with_new_facts

from summit_app.export.rollup_xlsx import write_rollup_xlsx
from summit_app.export.xlsx import write_xlsx
from summit_app.export.xlsx.grid import Formula, SheetWriter
from summit_app.export.xlsx.package import FIXED_EPOCH, save_workbook
from summit_app.export.xlsx.styles import StyleBook
from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.rollup import RollupReport, summarize_region
from summit_app.plan.samples import large_plan, small_plan

CENT = Decimal("0.01")
_CELL = re.compile(r"<c [^>]*>.*?</c>|<c [^>]*/>", re.DOTALL)


def formula_cells(path: Path) -> dict[str, list[str]]:
    """The raw ``<c>`` element of every formula cell, by worksheet part."""
    out: dict[str, list[str]] = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = archive.read(name).decode("utf-8")
                out[name] = [c for c in _CELL.findall(xml) if "<f>" in c or "<f " in c]
    return out


def without_cached_values(source: Path, target: Path) -> Path:
    """A copy of ``source`` whose formulas have no cached value, as openpyxl alone would write them."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                xml = re.sub(r'(<c [^>]*?) t="(?:str|e|b)"(><f>)', r"\1\2", data.decode("utf-8"))
                data = re.sub(r"(</f>)<v>[^<]*</v>", r"\1", xml).encode("utf-8")
            zout.writestr(info, data)
    assert sum(len(cells) for cells in formula_cells(target).values()) == sum(
        len(cells) for cells in formula_cells(source).values())
    assert not any("<v>" in c for cells in formula_cells(target).values() for c in cells)
    return target


def extreme_plan() -> model.Plan:
    """A small plan at the edges of what a plan accepts: the largest amounts, huge counts, far dates, odd names."""
    plan = small_plan(3, "Edge District")
    top = Decimal("999999999999999.99")
    budget = list(plan.budget)
    budget[0] = dataclasses.replace(budget[0], unit_cost=top, quantity=1, recurring=True)
    budget[1] = dataclasses.replace(budget[1], unit_cost=Decimal("0.01"), quantity=2**63 - 1)
    budget[2] = dataclasses.replace(budget[2], unit_cost=Decimal("0.00"), quantity=10**400)
    funding = [dataclasses.replace(s, amounts=(top,) * len(s.amounts)) for s in plan.funding]
    funding[0] = dataclasses.replace(funding[0], name="_x0041_ <fund> & =1+1")  # shown by a formula: stays as typed
    district = dataclasses.replace(plan.district, enrollment=3, staff=2**63 - 1, summit_date=date(2108, 5, 1))
    milestones = [dataclasses.replace(m, due_date=day) for m, day in
                  zip(plan.milestones, (date(1, 1, 1), date(1899, 12, 31), date(1900, 3, 1), date(9999, 12, 31)),
                      strict=False)]
    return plan.replace(budget=tuple(budget), funding=tuple(funding), district=district,
                        milestones=(*milestones, *plan.milestones[len(milestones):]))


def rollup_report(content: Content) -> RollupReport:
    plans = [small_plan(seed, f"District {seed}") for seed in range(8)]
    return RollupReport(summarize_region(plans, content, named=True), (), len(plans), date(2026, 3, 20))


# --- every formula has a value ----------------------------------------------------------


@pytest.fixture(scope="module")
def workbooks(demo: model.Plan, content: Content, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("values")
    paths = {name: folder / f"{name}.xlsx" for name in ("demo", "large", "empty", "edge", "rollup", "facts")}
    write_xlsx(demo, paths["demo"])
    # E-Rate lines at a discount, upgrades, home access and the equity record, accepted findings
    write_xlsx(with_format3_facts(with_new_facts(demo)), paths["facts"])
    write_xlsx(large_plan(), paths["large"])
    write_xlsx(model.Plan(), paths["empty"])
    write_xlsx(extreme_plan(), paths["edge"])
    write_rollup_xlsx(rollup_report(content), paths["rollup"])
    return paths


@pytest.mark.parametrize(("name", "at_least"), [("demo", 700), ("large", 7000), ("empty", 100), ("edge", 100),
                                               ("facts", 700)])
def test_every_formula_cell_has_a_cached_value(workbooks: dict[str, Path], name: str, at_least: int) -> None:
    cells = [c for part in formula_cells(workbooks[name]).values() for c in part]
    missing = [c for c in cells if "<v>" not in c]
    assert len(cells) >= at_least
    assert missing == [], f"{len(missing)} of {len(cells)} formula cells without a value: {missing[:3]}"
    book, values = openpyxl.load_workbook(workbooks[name]), openpyxl.load_workbook(workbooks[name], data_only=True)
    formulas = [(ws.title, c.coordinate) for ws in book.worksheets for r in ws.iter_rows() for c in r
                if c.data_type == "f"]
    assert len(formulas) == len(cells)
    empty = [(s, ref) for s, ref in formulas if values[s][ref].value is None]
    # Only a formula whose value is the empty text ("no score yet") reads back as nothing.
    assert all(book[s][ref].value.endswith(',"")') or '"",' in book[s][ref].value for s, ref in empty), empty[:5]


def test_the_rollup_workbook_holds_no_formula_without_a_value(workbooks: dict[str, Path]) -> None:
    """The roll-up's figures are values (they summarize files the workbook does not hold)."""
    cells = [c for part in formula_cells(workbooks["rollup"]).values() for c in part]
    assert [c for c in cells if "<v>" not in c] == []
    book = openpyxl.load_workbook(workbooks["rollup"], data_only=True)
    figures = [c.value for ws in book.worksheets for r in ws.iter_rows() for c in r
               if isinstance(c.value, int | float)]
    assert len(figures) > 20


CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def chart_caches(path: Path) -> list[tuple[str, dict[int, str]]]:
    """Each data reference of each chart with the points cached beside it (index → text)."""
    out = []
    with zipfile.ZipFile(path) as archive:
        for name in sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart")):
            root = ElementTree.fromstring(archive.read(name))
            for ref in [*root.iter(f"{CHART}numRef"), *root.iter(f"{CHART}strRef")]:
                cache = ref.find(f"{CHART}numCache")
                cache = ref.find(f"{CHART}strCache") if cache is None else cache
                points = {} if cache is None else {int(pt.get("idx", "-1")): pt.findtext(f"{CHART}v", "")
                                                   for pt in cache.iter(f"{CHART}pt")}
                out.append((ref.findtext(f"{CHART}f", ""), points))
    return out


def test_the_rollup_charts_cache_what_they_draw(workbooks: dict[str, Path]) -> None:
    """Previews draw a chart from its cache: every series name, category and value is there, as in the cells."""
    book = openpyxl.load_workbook(workbooks["rollup"])
    caches = chart_caches(workbooks["rollup"])
    assert len(caches) >= 10
    for reference, points in caches:
        title, (left, top, right, bottom) = range_to_tuple(reference)
        cells = [book[title].cell(r, c).value for r in range(top, bottom + 1) for c in range(left, right + 1)]
        expected = {i: v for i, v in enumerate(cells) if v is not None}
        assert points.keys() == expected.keys(), reference
        for index, value in expected.items():
            if isinstance(value, str):
                assert points[index] == value, reference
            else:
                assert Decimal(points[index]) == Decimal(repr(value)), reference


@pytest.mark.parametrize("name", ["demo", "empty", "edge"])
def test_excel_still_recalculates_on_opening(workbooks: dict[str, Path], name: str) -> None:
    with zipfile.ZipFile(workbooks[name]) as archive:
        workbook_xml = archive.read("xl/workbook.xml").decode("utf-8")
    assert re.search(r'<calcPr [^>]*fullCalcOnLoad="1"', workbook_xml)
    assert openpyxl.load_workbook(workbooks[name]).calculation.fullCalcOnLoad


def test_the_same_plan_gives_the_same_bytes_with_values(workbooks: dict[str, Path], tmp_path: Path) -> None:
    again = tmp_path / "large.xlsx"
    write_xlsx(large_plan(), again)
    assert again.read_bytes() == workbooks["large"].read_bytes()


# --- equal to LibreOffice's own recalculation --------------------------------------------


def same_figure(ours: Any, theirs: Any) -> bool:
    """Equal as shown: numbers to the cent (to the 15 digits spreadsheets keep, when huge), text exactly."""
    if isinstance(ours, int | float) and not isinstance(ours, bool):
        if not isinstance(theirs, int | float):
            return False
        a, b = (Decimal(repr(v)).quantize(CENT, rounding=ROUND_HALF_UP) for v in (ours, theirs))
        return abs(a - b) <= max(CENT, abs(b) * Decimal("1e-14"))
    if ours in (None, "") or theirs in (None, ""):
        return ours in (None, "") and theirs in (None, "")
    return bool(ours == theirs)


def differences(ours: Path, theirs: Path) -> tuple[int, list[str]]:
    formulas = openpyxl.load_workbook(ours)
    cached, computed = openpyxl.load_workbook(ours, data_only=True), openpyxl.load_workbook(theirs, data_only=True)
    count, wrong = 0, []
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                count += 1
                mine, libre = cached[ws.title][cell.coordinate].value, computed[ws.title][cell.coordinate].value
                if not same_figure(mine, libre):
                    wrong.append(f"{ws.title}!{cell.coordinate} {cell.value}: {mine!r} ≠ {libre!r}")
    return count, wrong


@pytest.mark.slow
def test_cached_values_equal_libreoffices_recalculation(workbooks: dict[str, Path], tmp_path: Path,
                                                       recalculate: Callable[..., list[Path]]) -> None:
    names = ["demo", "large", "empty", "edge", "rollup", "facts"]
    stripped = [without_cached_values(workbooks[n], tmp_path / f"{n}.xlsx") for n in names]
    for name, converted in zip(names, recalculate(*stripped), strict=True):
        count, wrong = differences(workbooks[name], converted)
        assert wrong == [], f"{name}: {len(wrong)} of {count} differ: {wrong[:5]}"
        expected = {"demo": 700, "large": 7000, "empty": 100, "edge": 100, "rollup": 0, "facts": 700}[name]
        assert count >= expected, name


# --- the evaluator's rules, one formula at a time ----------------------------------------

#: Entered cells: A numbers, text and a blank; B amounts; C names; D sorted keys; E what they name.
ENTERED: dict[str, Any] = {
    "A1": Decimal("7.5"), "A2": "abc", "A4": Decimal("-2.5"), "A5": "12",
    "B1": Decimal(10), "B2": Decimal("20.25"), "B3": Decimal(30), "B4": "n/a",
    "C1": "Title I", "C2": "title ii", "C3": "x", "C4": "<5k grants",
    "D1": Decimal(1), "D2": Decimal(4), "D3": Decimal(8), "E1": "Low", "E2": "Mid", "E3": "High",
}
RULES = [
    "1/0", 'IFERROR(1/0,"none")', "ROUND(A4,0)", "ROUND(2.345,2)", "ROUND(-2.345,2)", "ROUNDUP(-2.1,0)",
    "ROUNDUP(2.01,0)", "A1+A2", "A1+A3", "A1+A5", '"a"="A"', "A2<A1", "A3=0", 'A3=""', "B4>B1",
    'SUMIFS(B1:B4,C1:C4,"Ti*")', 'SUMIFS(B1:B4,C1:C4,"<>x")', 'SUMIFS(B1:B4,C1:C4,C4)', 'SUMIFS(B1:B4,C1:C4,"?")',
    'SUMIFS(B1:B3,C1:C3,"x")', "SUMPRODUCT((C1:C4=C3)*B1:B4)", "SUMPRODUCT((C1:C3=\"X\")*B1:B3)",
    'AVERAGEIFS(B1:B3,C1:C3,"nothing")', 'AVERAGEIFS(B1:B3,C1:C3,"title*")', "LOOKUP(0,D1:D3,E1:E3)",
    "LOOKUP(5,D1:D3,E1:E3)", "LOOKUP(8,D1:D3,E1:E3)", "LOOKUP(99,D1:D3,E1:E3)", "MAX(0,A4)", "MAX(A1:A5)",
    "MIN(A1:A5)", "MIN(85,B1*9)", "MIN(A3:A3)",
    "AVERAGE(A1:A5)", "SUM(A1:A5)", "SUM(B1:B4)", "ISNUMBER(A2)", "ISNUMBER(A1)", "IF(A3,1,2)", "IF(A2,1,2)",
    "AND(1,0)", "AND(A1>1,B1>1)", '"x"&A1', "-A4*2", "A1*1E+300*1E+300", "B2/3", "SUM(B1:B3)/3",
]


@pytest.mark.slow
def test_each_rule_equals_libreoffices(tmp_path: Path, recalculate: Callable[..., list[Path]]) -> None:
    """The evaluator's handling of blanks, text, errors, criteria and rounding, against LibreOffice's."""
    workbook = Workbook()
    default = workbook.active
    writer = SheetWriter(workbook.create_sheet("Rules"), StyleBook(workbook, default))
    workbook.remove(default)
    for ref, value in ENTERED.items():
        writer.put(int(ref[1:]), ord(ref[0]) - 64, value)
    for row, formula in enumerate(RULES, start=1):
        writer.put(row, 7, formula)  # the formula as text beside it, for the message
        writer.put(row, 8, Formula(formula))
    path = tmp_path / "rules.xlsx"
    save_workbook(workbook, {"Rules": writer.cells}, path, FIXED_EPOCH)
    cells = [c for part in formula_cells(path).values() for c in part]
    assert len(cells) == len(RULES)
    assert all("<v>" in c for c in cells)
    converted = recalculate(without_cached_values(path, tmp_path / "stripped.xlsx"))[0]
    count, wrong = differences(path, converted)
    assert count == len(RULES)
    assert wrong == []



def test_rollup_header_rows_fit_their_titles(workbooks: dict[str, Path]) -> None:
    """A header row is as tall as its longest wrapped title; titles over figures align with them."""
    ws = openpyxl.load_workbook(workbooks["rollup"])["Districts"]
    header = ws[4]
    assert [c.value for c in header][3] == "Overall readiness (0–10)"
    assert ws.row_dimensions[4].height >= 3 * 14.5  # three lines at the narrowest column
    assert [c.alignment.horizontal for c in header] == [None] + ["right"] * 7 + [None]  # the pseudonym is text
