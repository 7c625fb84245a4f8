"""The three exports the window offers, each an ``ExportKind``: File ▸ Export and the Review pane's buttons.

Qt-free and small: the menus load it at start-up. What each kind is called,
which files it saves as, and what its file is named by default.
"""

from __future__ import annotations

import re
from typing import Protocol

from summit_app.plan import model
from summit_app.plan.records import ByFields, record

#: District-name endings that districts themselves shorten ("Cedar Valley USD").
SHORT_ENDINGS = (("unified school district", "USD"), ("independent school district", "ISD"),
                 ("consolidated school district", "CSD"), ("community school district", "CSD"),
                 ("school district", "SD"))


@record
class ExportKind(ByFields):
    """One export: its button and menu text, its save dialog's filter, and its file's name."""

    name: str  # "xlsx", "draft", "signature"; the window's action is "export_<name>"
    text: str  # "Excel workbook…": the button, the menu item, and (without "…") the save dialog's title
    file_filter: str
    suffix: str
    name_ending: str = ""  # " (draft)": added to the suggested file name
    for_signature: bool = False  # records the signature: an edit of the plan, so not on a read-only plan

    @property
    def title(self) -> str:
        return self.text.rstrip("…")

    @property
    def action(self) -> str:
        return f"export_{self.name}"


WORKBOOK = ExportKind("xlsx", "Excel workbook…", "Excel workbooks (*.xlsx)", ".xlsx")
DRAFT_PDF = ExportKind("draft", "Draft PDF…", "PDF documents (*.pdf)", ".pdf", " (draft)")
PDF_FOR_SIGNATURE = ExportKind("signature", "PDF for signature…", "PDF documents (*.pdf)", ".pdf",
                               for_signature=True)
EXPORT_KINDS = (WORKBOOK, DRAFT_PDF, PDF_FOR_SIGNATURE)


def export_kind(name: str) -> ExportKind:
    """The kind called ``name`` ("xlsx", "draft" or "signature")."""
    return next(k for k in EXPORT_KINDS if k.name == name)


class ExportService(Protocol):
    """The open plan's exports, owned by the window (``ui.exporting.plan_exports.PlanExports``)."""

    @property
    def busy(self) -> bool: ...

    def export(self, kind: ExportKind) -> bool: ...


def safe_file_name(text: str) -> str:
    """A district name made safe as a file name on every desktop system."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text).strip(" .")
    return re.sub(r"\s+", " ", cleaned)[:80] or "District"


def short_district_name(name: str) -> str:
    """The name as districts write it on files: "Cedar Valley Unified School District" is "Cedar Valley USD"."""
    text = " ".join(name.split())
    for ending, short in SHORT_ENDINGS:
        if text.lower().endswith(" " + ending):
            return f"{text[: -len(ending)]}{short}"
    return text


def export_file_name(plan: model.Plan, kind: ExportKind | str) -> str:
    """The suggested name of an export, e.g. "Cedar Valley USD Technology Plan FY2027-FY2031.xlsx"."""
    kind = export_kind(kind) if isinstance(kind, str) else kind
    years = plan.fiscal_years()
    district = safe_file_name(short_district_name(plan.district.name))
    return f"{district} Technology Plan FY{years[0]}-FY{years[-1]}{kind.name_ending}{kind.suffix}"
