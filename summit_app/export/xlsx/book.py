"""What every sheet builder shares: the plan, its content, the workbook and its names.

Sheets refer to each other through table names and a few defined names
(``Enrollment``, ``Staff``, ``FundingSourceNames``), never through positions
another builder chose, so each sheet can be written on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from openpyxl.workbook import Workbook
from openpyxl.workbook.defined_name import DefinedName

from summit_app.export.xlsx.cells import CellGrid
from summit_app.export.xlsx.grid import SheetWriter
from summit_app.export.xlsx.safe_text import cell_text, sheet_title, xml_legal
from summit_app.export.xlsx.styles import StyleBook
from summit_app.plan import model
from summit_app.plan.budget import BudgetSummary, summarize
from summit_app.plan.content import Content
from summit_app.plan.interchange import fingerprint

#: The budget lines' table, which the Budget, Funding and Summary sheets' formulas read.
LINES = "BudgetLines"
#: The defined name of the district's E-Rate discount (its Category 1 rate, in percent), which E-Rate lines use.
DISCOUNT = "ErateDiscount"


def fy(year: int) -> str:
    """A fiscal year's column header, e.g. ``FY2027`` (text: Excel drops tables with numeric headers)."""
    return f"FY{year}"


@dataclass
class Book:
    plan: model.Plan
    content: Content
    workbook: Workbook
    styles: StyleBook
    lists: dict[str, str] = field(default_factory=dict)  # vocabulary → its range on the Lists sheet
    grids: dict[str, CellGrid] = field(default_factory=dict)  # each sheet's cells, by sheet title

    @cached_property
    def summary(self) -> BudgetSummary:
        return summarize(self.plan, self.content)

    @cached_property
    def fingerprint(self) -> str:
        """The plan's fingerprint, or a note when the plan cannot be encoded.

        A lone surrogate in text, or a whole number of thousands of digits, cannot
        reach a plan file, but a plan built in memory (an import in progress) may
        hold one; the workbook still exports, without the fingerprint.
        """
        try:
            return fingerprint(self.plan)
        except UnicodeEncodeError:
            return "not available: the plan holds text that is not valid Unicode"
        except ValueError:  # int → str refuses over 4,300 digits
            return "not available: the plan holds a number too long to write out"

    @cached_property
    def years(self) -> list[int]:
        return self.plan.fiscal_years()

    @cached_property
    def district(self) -> str:
        """The district's name on one line, for titles and page headers ("District" if it has none)."""
        return " ".join(xml_legal(self.plan.district.name).split()) or "District"

    @cached_property
    def subtitle(self) -> str:
        return f"{self.district} · Technology plan {fy(self.years[0])}–{fy(self.years[-1])}"

    def sheet(self, title: str) -> SheetWriter:
        """A new worksheet (after the ones already made) and its writer."""
        writer = SheetWriter(self.workbook.create_sheet(sheet_title(title)), self.styles)
        self.grids[writer.sheet.title] = writer.cells
        return writer

    def name(self, name: str, refers_to: str) -> None:
        """A workbook-wide defined name, e.g. ``Enrollment`` → ``Summary!$B$7``."""
        self.workbook.defined_names[name] = DefinedName(name, attr_text=refers_to)

    def name_of(self, vocabulary: str, entry_id: str) -> str:
        return self.content.name_of(vocabulary, entry_id) if entry_id else ""

    def names_of(self, vocabulary: str, ids: tuple[str, ...]) -> str:
        return "; ".join(self.name_of(vocabulary, i) for i in ids)

    @cached_property
    def source_names(self) -> dict[str, str]:
        """Each funding source's name as the workbook shows it: non-empty and unique.

        Budget lines name their source, and totals match lines to sources by that
        name, so two sources called alike (Excel compares without case) or an
        unnamed one get a number: "General fund (2)", "Funding source 3".
        """
        out: dict[str, str] = {}
        seen: set[str] = set()
        for index, source in enumerate(self.plan.funding, start=1):
            base = cell_text(source.name) if source.name.strip() else f"Funding source {index}"
            name, n = base, 1
            while name.casefold() in seen:
                n += 1
                name = f"{base} ({n})"
            seen.add(name.casefold())
            out[source.id] = name
        return out

    @cached_property
    def goal_refs(self) -> dict[str, str]:
        """A short reference per goal, G1, G2…, in plan order, shown wherever a goal is named."""
        return {goal.id: f"G{i}" for i, goal in enumerate(self.plan.goals, start=1)}

    def goal_label(self, goal_id: str | None) -> str:
        goal = self.plan.item("goals", goal_id) if goal_id else None
        if goal is None:
            return ""
        return f"{self.goal_refs[goal.id]} {goal.title}".strip()

    def goal_labels(self, goal_ids: tuple[str, ...]) -> str:
        return "; ".join(label for label in (self.goal_label(g) for g in goal_ids) if label)
