"""File → Export: the workbook, the draft PDF and the PDF for signature from the menu bar.

The real main window runs the real writers off the UI thread; the only stand-in
is the prompt service (where to save, and "open the file or its folder?").
Outputs are read back (openpyxl, pdftotext) and the plan file is reopened.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from fixture_types import MakePlanFile, MakeWindow
from guihelpers import ScriptedPrompts, saved
from openpyxl import load_workbook
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.interchange import fingerprint
from summit_app.store.lock import lock_path
from summit_app.ui.base.export_kinds import EXPORT_KINDS, WORKBOOK, export_file_name, short_district_name
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.base.prompts import OPEN_FILE, OPEN_FOLDER
from summit_app.ui.panes.review.review import ReviewPane
from summit_app.ui.window.main_window import MainWindow


def export_menu(window: MainWindow) -> QMenu:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    return next(a.menu() for a in file_menu.actions() if a.text() == "&Export")


def run_export(qtbot: QtBot, window: MainWindow, action: str) -> tuple[str, bool, str]:
    """Trigger a File → Export action and wait for the runner to finish."""
    assert window.exports is not None
    runner = window.exports.runner
    with qtbot.waitSignal(runner.finished, timeout=60_000) as blocker:
        window.actions_[action].trigger()
    return tuple(blocker.args)  # type: ignore[return-value]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_the_export_submenu_offers_the_three_exports(make_window: MakeWindow) -> None:
    window = make_window()
    texts = [a.text() for a in export_menu(window).actions()]
    assert texts == ["Excel workbook…", "Draft PDF…", "PDF for signature…"]
    assert all(a.isEnabled() for a in export_menu(window).actions())
    window.close_plan()
    assert not any(a.isEnabled() for a in export_menu(window).actions())


def test_excel_workbook_from_the_menu_is_named_after_the_district_and_years(
        qtbot: QtBot, make_window: MakeWindow, prompts: ScriptedPrompts, tmp_path: Path) -> None:
    window = make_window()
    target = tmp_path / "exports" / "Cedar Valley USD Technology Plan FY2027-FY2031.xlsx"
    target.parent.mkdir()
    prompts.script("export_path", target)
    prompts.script("offer_open", OPEN_FOLDER)
    path, ok, message = run_export(qtbot, window, "export_xlsx")
    assert (path, ok, message) == (str(target), True, f"Saved {target.name}")
    method, (title, suggested, file_filter) = prompts.asked[0]
    assert (method, title, file_filter) == ("export_path", "Excel workbook", "Excel workbooks (*.xlsx)")
    assert suggested == window.plan_path().parent / "Cedar Valley USD Technology Plan FY2027-FY2031.xlsx"
    assert load_workbook(target).sheetnames[0] == "Summary"
    assert prompts.asked[1] == ("offer_open", (target,))
    assert prompts.shown == [target.parent]


def test_draft_pdf_from_the_menu_adds_the_suffix_and_opens_the_file(
        qtbot: QtBot, make_window: MakeWindow, prompts: ScriptedPrompts, tmp_path: Path) -> None:
    window = make_window()
    prompts.script("export_path", tmp_path / "board packet")
    prompts.script("offer_open", OPEN_FILE)
    path, ok, _ = run_export(qtbot, window, "export_draft")
    assert ok
    assert path == str(tmp_path / "board packet.pdf")
    assert prompts.asked[0][1][1].name == "Cedar Valley USD Technology Plan FY2027-FY2031 (draft).pdf"
    assert "Cedar Valley Unified School District" in pdf_text(tmp_path / "board packet.pdf")
    assert prompts.shown == [tmp_path / "board packet.pdf"]
    assert not saved(window).signature.fingerprint  # a draft signs nothing


def test_pdf_for_signature_from_the_menu_records_the_fingerprint_in_the_file(
        qtbot: QtBot, make_window: MakeWindow, prompts: ScriptedPrompts, tmp_path: Path) -> None:
    window = make_window()
    target = tmp_path / "signed.pdf"
    prompts.script("export_path", target)
    prompts.script("offer_open", None)
    _, ok, _ = run_export(qtbot, window, "export_signature")
    assert ok
    on_disk = saved(window)
    assert on_disk.signature.fingerprint == fingerprint(on_disk)
    assert on_disk.signature.fingerprint[:16] in pdf_text(target).replace("\n", "")
    assert prompts.shown == []


def test_cancelling_the_save_dialog_exports_nothing(qtbot: QtBot, make_window: MakeWindow, prompts: ScriptedPrompts,
                                                    tmp_path: Path) -> None:
    window = make_window()
    prompts.script("export_path", None)
    window.actions_["export_xlsx"].trigger()
    assert [m for m, _ in prompts.asked] == ["export_path"]  # no "open it?" question after nothing
    assert list(window.plan_path().parent.glob("*.xlsx")) == []


def test_a_read_only_plan_can_be_exported_but_not_signed(qtbot: QtBot, prompts: ScriptedPrompts,
                                                         make_plan_file: MakePlanFile, demo: model.Plan) -> None:
    window = MainWindow(Preferences(), prompts, remember=False)
    qtbot.addWidget(window)
    window.open_path(make_plan_file(demo), read_only=True)
    assert window.actions_["export_xlsx"].isEnabled()
    assert window.actions_["export_draft"].isEnabled()
    assert not window.actions_["export_signature"].isEnabled()
    window.close()


@pytest.mark.parametrize(("name", "short"), [
    ("Cedar Valley Unified School District", "Cedar Valley USD"),
    ("Round Rock Independent School District", "Round Rock ISD"),
    ("Harbor  School District", "Harbor SD"),
    ("Harbor Public Schools", "Harbor Public Schools"),
    ("School District", "School District"),
])
def test_district_names_are_shortened_as_districts_write_them(name: str, short: str) -> None:
    assert short_district_name(name) == short


def test_export_names_are_safe_file_names() -> None:
    plan = model.Plan(district=model.District(name='A/B: "North" <Unified> School District', first_fiscal_year=2028,
                                              plan_years=3))
    assert export_file_name(plan, "signature") == "A B North Unified SD Technology Plan FY2028-FY2030.pdf"
    assert export_file_name(model.Plan(), "xlsx") == "District Technology Plan FY2027-FY2029.xlsx"


def test_the_export_menu_never_writes_over_the_open_plan(qtbot: QtBot, make_window: MakeWindow,
                                                         prompts: ScriptedPrompts,
                                                         tmp_path: Path) -> None:
    """The save dialog answers with the plan itself (its name ends as a PDF's does) or a link to it: refused."""
    window = make_window(name="Cedar Valley plan.pdf")
    plan = window.plan_path()
    (tmp_path / "plan link.xlsx").symlink_to(plan)
    before = plan.read_bytes()
    answers = [("export_draft", plan), ("export_signature", plan), ("export_xlsx", tmp_path / "plan link.xlsx")]
    for action, target in answers:
        prompts.script("export_path", target)
        prompts.script("error", None)
        window.actions_[action].trigger()
        message = (f"{target.name} was not written: it is the plan open in this window; "
                   "an export never replaces a plan file")
        assert prompts.asked[-1] == ("error", ("Export not written", message))
        assert window.workspace.pane("review").exports.result.text() == message  # type: ignore[union-attr]
    assert [m for m, _ in prompts.asked] == ["export_path", "error"] * 3
    assert plan.read_bytes() == before
    assert not saved(window).signature.fingerprint
    assert window.context is not None
    assert window.context.undo_stack.count() == 0
    left = sorted(p.name for p in tmp_path.iterdir() if p != lock_path(plan))
    assert left == ["Cedar Valley plan.pdf", "plan link.xlsx"]  # nothing written, no temporary file left
    assert (tmp_path / "plan link.xlsx").is_symlink()


def test_the_menu_and_the_review_buttons_offer_the_same_kinds_through_one_runner(
        qtbot: QtBot, make_window: MakeWindow, prompts: ScriptedPrompts, tmp_path: Path) -> None:
    """The exports belong to the window: a menu export runs while the Review pane's buttons wait for it."""
    window = make_window()
    assert window.exports is not None
    review = window.workspace.pane("review") if window.workspace is not None else None
    assert isinstance(review, ReviewPane)
    assert [a.text() for a in export_menu(window).actions()] == [k.text for k in EXPORT_KINDS]
    assert [review.exports.buttons[k.name].text() for k in EXPORT_KINDS] == [k.text for k in EXPORT_KINDS]
    prompts.script("export_path", tmp_path / "plan.xlsx")
    prompts.script("offer_open", None)
    with qtbot.waitSignal(window.exports.runner.finished, timeout=60_000):
        window.actions_[WORKBOOK.action].trigger()
        assert review.runner is window.exports.runner
        assert not any(button.isEnabled() for button in review.exports.buttons.values())
    assert review.exports.result.text() == f"Saved plan.xlsx in {tmp_path}"
    assert all(button.isEnabled() for button in review.exports.buttons.values())
