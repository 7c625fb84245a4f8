"""The hidden "Lists" sheet: every choice list the drop-downs offer, one column each.

Excel refuses inline validation lists longer than 255 characters (openpyxl
writes them anyway, and Excel then repairs the file), so every list lives here
and drop-downs point at its range. Readiness and practice levels sit here too:
the level columns look a score up in them.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from summit_app.export.xlsx.book import Book
from summit_app.export.xlsx.styles import Kind
from summit_app.plan.content import Content

SHEET = "Lists"
#: Drop-down lists, by vocabulary, with the header shown above each on the Lists sheet.
VOCABULARIES = (
    ("cost_categories", "Cost category"),
    ("statuses", "Status"),
    ("agreement_statuses", "Agreement status"),
    ("approval_statuses", "Approval status"),
    ("consent_routes", "COPPA consent route"),
    ("roles", "Team role"),
    ("device_types", "Device type"),
    ("device_users", "Device used by"),
    ("pd_components", "Learning type"),
    ("pd_audiences", "Learning audience"),
    ("pd_formats", "Learning format"),
    ("funding_kinds", "Funding kind"),
    ("pd_purposes", "Learning purpose"),
    ("milestone_kinds", "Milestone kind"),
    ("erate_categories", "E-Rate category"),
    ("accessibility_reports", "Accessibility report"),
    ("take_home_policies", "Devices at home"),
    ("public_entity_sizes", "Population served"),
    ("peer_relations", "Peer relation"),
    ("communication_kinds", "Communication kind"),
    ("communication_channels", "Communication channel"),
)
YES_NO = '"Yes,No"'


def _entries(content: Content) -> list[tuple[str, list[object]]]:
    """(header, values) of every column of the Lists sheet, in order."""
    columns: list[tuple[str, list[object]]] = [
        (header, [e.name for e in content.vocabulary(vocab)]) for vocab, header in VOCABULARIES]
    columns.append(("Readiness score from", [lv.low for lv in content.levels]))
    columns.append(("Readiness level", [lv.name for lv in content.levels]))
    columns.append(("Practice rating", [int(e.id) for e in content.practice_levels]))
    columns.append(("Practice level", [e.name for e in content.practice_levels]))
    return columns


def _range(col: int, count: int) -> str:
    letter = get_column_letter(col)
    return f"{SHEET}!${letter}$2:${letter}${count + 1}"


def list_ranges(content: Content) -> dict[str, str]:
    """Where each list will be: vocabulary (or ``levels``, ``level_names``…) → absolute range."""
    keys = [vocab for vocab, _ in VOCABULARIES] + ["levels", "level_names", "practice_ratings", "practice_names"]
    return {key: _range(col, len(values))
            for col, (key, (_, values)) in enumerate(zip(keys, _entries(content), strict=True), start=1)}


def write_lists(book: Book) -> None:
    """Write the Lists sheet last, hidden: people edit the plan, not its vocabularies."""
    writer = book.sheet(SHEET)
    for col, (header, values) in enumerate(_entries(book.content), start=1):
        writer.put(1, col, header, Kind.HEADER)
        writer.fit(col, header)
        for row, value in enumerate(values, start=2):
            writer.put(row, col, value, Kind.TEXT)
            writer.fit(col, value)
    writer.finish(district=book.district, sheet_name=SHEET, freeze="A2", title_rows="1:1")
    writer.sheet.sheet_state = "hidden"
