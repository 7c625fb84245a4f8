"""Print set-up shared by every sheet: landscape Letter, one page wide, titled and numbered pages."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from summit_app.export.xlsx.safe_text import header_footer_text

FOOTER_COLOR = "595959"


def set_up_printing(sheet: Worksheet, *, district: str, sheet_name: str, title_rows: str | None) -> None:
    """Landscape, fit to width, the header row on every page, district and page numbers in the margins."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_LETTER
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddHeader.left.text = header_footer_text(district)  # "&" doubled: a name is never a code
    sheet.oddHeader.right.text = header_footer_text(sheet_name)
    sheet.oddFooter.left.text = "District technology plan"
    sheet.oddFooter.right.text = "Page &P of &N"
    for part in (sheet.oddHeader.left, sheet.oddHeader.right, sheet.oddFooter.left, sheet.oddFooter.right):
        part.size, part.color = 9, FOOTER_COLOR
