"""The plan as an Excel workbook the finance office and technology department work in.

``write_xlsx(plan, path)`` is a pure function of the plan snapshot (no Qt): one
sheet per pane, every total a live formula, user text always inert text, and
the same bytes for the same plan. docs/exports.md describes the workbook.
"""

from __future__ import annotations

from collections.abc import Callable
from os import PathLike
from typing import IO

from openpyxl.workbook import Workbook

from summit_app.export.collection import collector_paused
from summit_app.export.xlsx import (
    budget,
    community,
    equity,
    findings,
    goals,
    infrastructure,
    people,
    privacy,
    summary,
    timeline,
)
from summit_app.export.xlsx.book import Book
from summit_app.export.xlsx.lists import list_ranges, write_lists
from summit_app.export.xlsx.package import document_time, save_workbook
from summit_app.export.xlsx.safe_text import property_text
from summit_app.export.xlsx.styles import StyleBook
from summit_app.plan import model
from summit_app.plan.content import load_content

__all__ = ["SHEETS", "write_xlsx"]

Progress = Callable[[float], None]

#: The sheets in tab order, each with the function that writes it.
SHEETS: tuple[tuple[str, Callable[[Book], None]], ...] = (
    ("Summary", summary.write_summary),
    ("Team", people.write_team),
    ("Readiness", people.write_readiness),
    ("Goals", goals.write_goals),
    ("Professional Learning", goals.write_learning),
    ("Data Privacy", privacy.write_apps),
    ("Privacy Practices", privacy.write_practices),
    ("Infrastructure", infrastructure.write_infrastructure),
    ("Access", equity.write_equity),
    ("Budget", budget.write_budget),
    ("Funding", budget.write_funding),
    ("Timeline", timeline.write_timeline),
    ("Community", community.write_community),
    ("Findings", findings.write_findings),
    ("Lists", write_lists),
)


def _properties(book: Book) -> None:
    props = book.workbook.properties
    district = property_text(book.plan.district.name) or "District"
    props.title = property_text(f"{district} technology plan")
    props.subject = property_text(book.subtitle)
    props.creator = property_text(f"{district} leadership team")
    props.lastModifiedBy = props.creator
    props.description = f"Plan fingerprint (SHA-256): {book.fingerprint}"
    props.keywords = "technology plan; budget; Future Ready"
    props.language = "en-US"


def write_xlsx(plan: model.Plan, path: str | PathLike[str] | IO[bytes], progress: Progress | None = None) -> None:
    """Write ``plan`` as a workbook to ``path``; ``progress`` hears the fraction done (0–1)."""
    with collector_paused():
        _write_xlsx(plan, path, progress)


def _write_xlsx(plan: model.Plan, path: str | PathLike[str] | IO[bytes], progress: Progress | None) -> None:
    content = load_content()
    workbook = Workbook()
    default = workbook.active
    assert default is not None  # a new workbook always has one sheet
    book = Book(plan, content, workbook, StyleBook(workbook, default), list_ranges(content))
    for done, (_, write) in enumerate(SHEETS, start=1):
        write(book)
        if progress:
            progress(done / (len(SHEETS) + 1))
    workbook.remove(default)
    workbook.active = 0
    _properties(book)
    save_workbook(workbook, book.grids, path, document_time(plan))
    if progress:
        progress(1.0)
