"""File → Regional roll-up…: real plan files in, the workbook (and PDF) out, bad files listed."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from guihelpers import ScriptedPrompts
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from seed_plans import UNLISTED, peer_region

from summit_app.plan.content import Content
from summit_app.plan.samples import small_plan
from summit_app.store.plan_file import PlanFile
from summit_app.ui.facilitation.rollup_dialog import RollupDialog

pytestmark = pytest.mark.gui

NAMES = ("Harrowgate Unified", "Linden Brook Schools", "Merriweather County", "Stonecrest Valley")


@pytest.fixture
def plan_files(tmp_path: Path) -> list[Path]:
    """Four real plan files and, third in the list, a file that is not a plan."""
    folder = tmp_path / "plans"
    folder.mkdir()
    paths = []
    for seed, name in enumerate(NAMES):
        path = folder / f"{name}.techplan"
        PlanFile.create(path, small_plan(seed, name)).close()
        paths.append(path)
    broken = folder / "Notes from the bus.techplan"
    broken.write_text("not a plan at all", encoding="utf-8")
    return [*paths[:2], broken, *paths[2:]]


def cell_texts(path: Path) -> str:
    book = openpyxl.load_workbook(path)
    return "\n".join(str(c.value) for ws in book.worksheets for r in ws.iter_rows() for c in r if c.value is not None)


def make_dialog(qtbot: QtBot, prompts: ScriptedPrompts, folder: Path, plan_files: list[Path]) -> RollupDialog:
    dialog = RollupDialog(prompts, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    prompts.script("open_paths", plan_files)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.plan_paths() == plan_files
    return dialog


def run(qtbot: QtBot, dialog: RollupDialog) -> None:
    with qtbot.waitSignal(dialog.finished_rollup, timeout=60_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
        assert dialog.busy
        assert not dialog.run_button.isEnabled()


def test_the_dialog_writes_the_workbook_and_pdf_from_real_plans(qtbot: QtBot, prompts: ScriptedPrompts,
                                                                plan_files: list[Path], tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, prompts, tmp_path, plan_files)
    out = tmp_path / "out"
    out.mkdir()
    prompts.script("export_path", out / "Region.xlsx")
    dialog._choose(dialog.xlsx, "Save the workbook as", "Excel workbooks (*.xlsx)")
    dialog.with_pdf.setChecked(True)
    dialog.pdf.setText(str(out / "Region.pdf"))
    dialog.min_group.setValue(2)
    run(qtbot, dialog)
    # Generated plans give no low-income share and rarely alike readiness: no district is alike enough.
    assert dialog.status.text() == ("Rolled up 4 of 5 plan files into Region.xlsx and Region.pdf, "
                                    "with 0 peer suggestions.")
    assert dialog.progress.value() == 1000
    assert dialog.skipped.count() == 1
    assert "Notes from the bus" in dialog.skipped.item(0).text()
    text = cell_texts(out / "Region.xlsx")
    assert "File 3 of 5 in the list" in text  # the workbook lists the file left out, anonymously
    assert not any(name in text for name in NAMES)  # anonymous: no district named
    pdf = subprocess.run(["pdftotext", str(out / "Region.pdf"), "-"], capture_output=True, text=True, check=True)
    assert "Readiness" in pdf.stdout
    assert not any(name in pdf.stdout for name in NAMES)
    assert sorted(p.name for p in out.iterdir()) == ["Region.pdf", "Region.xlsx"]  # no partial files left


def test_a_named_roll_up_names_the_districts(qtbot: QtBot, prompts: ScriptedPrompts, plan_files: list[Path],
                                            tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, prompts, tmp_path, plan_files)
    dialog.named.setChecked(True)
    dialog.xlsx.setText(str(tmp_path / "named.xlsx"))
    run(qtbot, dialog)
    assert all(name in cell_texts(tmp_path / "named.xlsx") for name in NAMES)


def test_the_result_counts_the_suggested_peers(qtbot: QtBot, prompts: ScriptedPrompts, tmp_path: Path,
                                               content: Content) -> None:
    paths = []
    for plan in peer_region(content):
        PlanFile.create(tmp_path / f"{plan.district.name}.techplan", plan).close()
        paths.append(tmp_path / f"{plan.district.name}.techplan")
    dialog = make_dialog(qtbot, prompts, tmp_path, paths)
    dialog.xlsx.setText(str(tmp_path / "Region.xlsx"))
    run(qtbot, dialog)
    assert dialog.status.text() == ("Rolled up 7 of 7 plan files into Region.xlsx, "
                                    "with 15 peer suggestions (2 by name).")
    cells = cell_texts(tmp_path / "Region.xlsx")
    assert "Birchmont Schools" in cells  # opted in, like its peer Alder Creek
    assert UNLISTED not in cells


def test_unusable_input_is_told_in_the_dialog(qtbot: QtBot, prompts: ScriptedPrompts, tmp_path: Path) -> None:
    dialog = RollupDialog(prompts, tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.run()
    assert dialog.status.text() == "Add the plan files to roll up."
    junk = tmp_path / "junk.techplan"
    junk.write_bytes(b"\0" * 100)
    dialog.plans.addItem(str(junk))
    dialog.xlsx.setText(str(tmp_path / "no such folder" / "r.xlsx"))
    assert not dialog.run()
    assert "folder that exists" in dialog.status.text()
    dialog.xlsx.setText(str(tmp_path / "r.xlsx"))
    run(qtbot, dialog)
    assert dialog.status.text() == "None of the 1 listed files could be read as a plan."
    assert dialog.skipped.count() == 1
    assert not (tmp_path / "r.xlsx").exists()


def test_file_menu_opens_the_roll_up(make_window: Any, prompts: ScriptedPrompts) -> None:
    window = make_window()
    window.actions_["rollup"].trigger()
    dialog = window.facilitator.rollup
    assert dialog is not None
    assert dialog.isVisible()
    assert Path(dialog.xlsx.text()).parent == window.plan_path().parent
    window.close()
    assert not dialog.isVisible()


def test_the_roll_up_never_writes_over_one_of_its_plans(qtbot: QtBot, prompts: ScriptedPrompts,
                                                       plan_files: list[Path], tmp_path: Path) -> None:
    """The PDF is named as one of the listed plans (its name ends as a PDF's does): neither output is written."""
    plan = plan_files[1].rename(plan_files[1].with_suffix(".pdf"))
    plan_files[1] = plan
    before = plan.read_bytes()
    dialog = make_dialog(qtbot, prompts, tmp_path, plan_files)
    dialog.xlsx.setText(str(tmp_path / "Region.xlsx"))
    dialog.with_pdf.setChecked(True)
    dialog.pdf.setText(str(plan))
    run(qtbot, dialog)
    assert dialog.status.text() == (f"{plan.name} was not written: it is one of the plans rolled up; "
                                    "an export never replaces a plan file")
    assert dialog.skipped.count() == 0  # told before any plan was read
    assert plan.read_bytes() == before
    assert not (tmp_path / "Region.xlsx").exists()
    assert sorted(p.name for p in plan.parent.iterdir()) == sorted(p.name for p in plan_files)
