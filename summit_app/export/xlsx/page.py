"""Print set-up shared by every sheet: landscape Letter, one page wide, titled and numbered pages.

Headers and footers are written exactly as composed here. openpyxl's own
writer turns ``&[Pages]``, ``&[Page]``, ``&[Date]``… anywhere in the finished
string into page-number and date codes, even after ``&&`` (so a district
called "R&D &[Pages]" would print as "R&D &N"); :class:`LiteralHeaderFooter`
skips that step, and every user text reaches it through
:func:`~summit_app.export.xlsx.safe_text.header_footer_text`.
"""

from __future__ import annotations

from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.worksheet import Worksheet

from summit_app.export.xlsx.safe_text import HEADER_COLOR, header_footer_text


class LiteralHeaderFooter(HeaderFooterItem):  # type: ignore[misc]  # openpyxl is untyped
    """A header or footer whose sections are stored as set: no ``&[…]`` rewriting, codes only where put."""

    def __str__(self) -> str:
        sections = (("L", self.left), ("C", self.center), ("R", self.right))
        return "".join(f"&{key}{part}" for key, part in sections if part.text is not None)


def set_up_printing(sheet: Worksheet, *, district: str, sheet_name: str, title_rows: str | None,
                    pages_wide: int = 1, title_cols: str | None = None) -> None:
    """Landscape, fit to width (``pages_wide`` pages), the header row (and ``title_cols``) on every page, district
    and page numbers in the margins."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_LETTER
    sheet.page_setup.fitToWidth = pages_wide
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    if title_rows:
        sheet.print_title_rows = title_rows
    if title_cols:
        sheet.print_title_cols = title_cols
    sheet.oddHeader, sheet.oddFooter = LiteralHeaderFooter(), LiteralHeaderFooter()
    sheet.oddHeader.left.text = header_footer_text(district)  # "&" doubled: a name is never a code
    sheet.oddHeader.right.text = header_footer_text(sheet_name)
    sheet.oddFooter.left.text = "District technology plan"
    sheet.oddFooter.right.text = "Page &P of &N"
    for part in (sheet.oddHeader.left, sheet.oddHeader.right, sheet.oddFooter.left, sheet.oddFooter.right):
        part.size, part.color = 9, HEADER_COLOR
