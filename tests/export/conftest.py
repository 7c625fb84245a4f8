"""Helpers for the export tests: LibreOffice as the spreadsheet engine that recalculates workbooks.

openpyxl writes formulas without cached values, so a workbook read back with
``data_only=True`` shows ``None`` for every total until a real engine has
computed it. ``recalculate`` runs LibreOffice headless on one or more files in
a single process (each start takes seconds) with a profile private to this
test worker, so parallel workers never share one.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl.workbook import Workbook

Recalculate = Callable[..., list[Path]]


@pytest.fixture(scope="session")
def soffice() -> str:
    """The LibreOffice executable; the test suite's set-up installs it (tools/system-deps.sh)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.fail("LibreOffice is missing: run `sh tools/system-deps.sh test` (or `make test`) to install it")
    return found


@pytest.fixture(scope="session")
def libreoffice_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LibreOffice user profile for this worker only (two workers on one profile collide)."""
    return tmp_path_factory.mktemp("libreoffice-profile")


@pytest.fixture(scope="session")
def recalculate(soffice: str, libreoffice_profile: Path, tmp_path_factory: pytest.TempPathFactory) -> Recalculate:
    """``recalculate(*paths, to="xlsx")``: the files converted by LibreOffice, formulas computed."""

    def run(*paths: Path, to: str = "xlsx") -> list[Path]:
        out = tmp_path_factory.mktemp("converted")
        command = [soffice, f"-env:UserInstallation={libreoffice_profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", to, "--outdir", str(out), *map(str, paths)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
        results = [out / f"{path.stem}.{to.split(':')[0]}" for path in paths]
        missing = [r.name for r in results if not r.exists()]
        assert not missing, f"LibreOffice did not convert {missing}: {done.stdout}{done.stderr}"
        return results

    return run


def shown(value: Any) -> Any:
    """A cell value as a spreadsheet shows it.

    openpyxl leaves OOXML's escape of a literal ``_xHHHH_`` (``_x005F_`` for the
    underscore) undecoded in inline strings; Excel and LibreOffice decode it.
    """
    return value.replace("_x005F_", "_") if isinstance(value, str) else value


def table_rows(workbook: Workbook, name: str) -> list[dict[str, Any]]:
    """The data rows of the Excel table ``name`` (on whichever sheet), keyed by column header."""
    for sheet in workbook.worksheets:
        if name in sheet.tables:
            rows = list(sheet[sheet.tables[name].ref])
            headers = [cell.value for cell in rows[0]]
            return [{h: shown(cell.value) for h, cell in zip(headers, row, strict=True)} for row in rows[1:]]
    raise KeyError(f"no table {name}")


@pytest.fixture(scope="session")
def read_table() -> Callable[[Workbook, str], list[dict[str, Any]]]:
    """``read_table(workbook, "BudgetLines")``: a table's rows as dictionaries keyed by header."""
    return table_rows
