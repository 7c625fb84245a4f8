"""Saving the workbook so the same plan always gives the same bytes, every formula with its value.

openpyxl stamps the save time into the document properties and every zip
entry. Here both come from the plan instead (its summit date, or a fixed day
when it has none), so a re-export of an unchanged plan is identical and a
finance office can tell two copies apart by checksum alone.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from os import PathLike
from typing import IO, Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl.workbook import Workbook
from openpyxl.writer.excel import ExcelWriter

from summit_app.export.xlsx.calc import compute_formulas
from summit_app.export.xlsx.cells import CellGrid
from summit_app.plan import model

#: The document time of a plan with no summit date.
FIXED_EPOCH = datetime(2000, 1, 1)
#: The zip format records times from 1980 to the end of 2107 only (a 7-bit year from 1980).
ZIP_EPOCH = datetime(1980, 1, 1)
ZIP_LAST = datetime(2107, 12, 31, 23, 59, 58)


def document_time(plan: model.Plan) -> datetime:
    """The time a plan's workbook carries: midnight of its summit day, or a fixed epoch."""
    day: date | None = plan.district.summit_date
    return datetime(day.year, day.month, day.day) if day else FIXED_EPOCH


_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>.*?</sheetData>", re.DOTALL)
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')


def _replace_first(pattern: re.Pattern[bytes], xml: bytes, replacement: bytes) -> bytes:
    found = pattern.search(xml)
    if found is None:
        raise ValueError(f"openpyxl wrote a worksheet without {pattern.pattern!r}")
    return xml[: found.start()] + replacement + xml[found.end():]


class _FixedTimeZip(ZipFile):
    """A zip whose every entry carries one given time, and whose worksheets get their cells."""

    def __init__(self, file: str | PathLike[str] | IO[bytes], when: datetime, workbook: Workbook,
                 grids: dict[str, CellGrid]) -> None:
        super().__init__(file, "w", ZIP_DEFLATED, allowZip64=True)
        self._when = min(max(when, ZIP_EPOCH), ZIP_LAST).timetuple()[:6]
        self._workbook = workbook
        self._grids = grids

    def _with_cells(self, arcname: str, xml: bytes) -> bytes:
        """A worksheet openpyxl wrote (with no cells) with its grid's cells and used range put in."""
        for sheet in self._workbook.worksheets:
            grid = self._grids.get(sheet.title)
            if grid is not None and sheet.path.lstrip("/") == arcname:
                xml = _replace_first(_SHEET_DATA, xml, grid.sheet_data().encode("utf-8"))
                return _replace_first(_DIMENSION, xml, f'<dimension ref="{grid.dimension()}"/>'.encode())
        return xml

    def _entry(self, name: str) -> ZipInfo:
        info = ZipInfo(name, date_time=self._when)
        info.compress_type = ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    def writestr(self, zinfo_or_arcname: str | ZipInfo, data: Any, compress_type: int | None = None,
                 compresslevel: int | None = None) -> None:
        info = self._entry(zinfo_or_arcname if isinstance(zinfo_or_arcname, str) else zinfo_or_arcname.filename)
        super().writestr(info, data, compress_type, compresslevel)

    def write(self, filename: Any, arcname: Any = None, compress_type: int | None = None,
              compresslevel: int | None = None) -> None:
        """Store a file openpyxl wrote aside (a worksheet) under ``arcname``, at the fixed time."""
        name = str(arcname or filename)
        with open(filename, "rb") as source:
            self.writestr(name, self._with_cells(name, source.read()), compress_type, compresslevel)


def save_workbook(workbook: Workbook, grids: dict[str, CellGrid], target: str | PathLike[str] | IO[bytes],
                  when: datetime) -> None:
    """Write ``workbook`` with each sheet's cells from ``grids`` (by title) and every time set to ``when``."""
    workbook.properties.created = when
    workbook.properties.modified = when
    compute_formulas(workbook, grids)  # every formula carries its value: viewers that do not recalculate show it
    workbook.calculation.fullCalcOnLoad = True  # and Excel still recalculates everything on opening
    archive = _FixedTimeZip(target, when, workbook, grids)
    try:
        ExcelWriter(workbook, archive).save()  # closes the archive
    finally:
        archive.close()
