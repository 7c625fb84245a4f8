"""The export runner: real workbook and PDF exports off the UI thread, written into place.

Each test runs the real writer on a real plan file, waits for ``finished``, and
reads the output back (openpyxl, pdftotext) or checks that nothing was left behind.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from guihelpers import ScriptedPrompts, close_context
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from summit_app.outputs import OutputError
from summit_app.plan import model
from summit_app.plan.edits import SetField
from summit_app.plan.interchange import fingerprint
from summit_app.plan.signing import signed_state
from summit_app.store.plan_file import PlanFile, open_document
from summit_app.ui.base.context import UiContext
from summit_app.ui.exporting.export_runner import OPEN_FILE, OPEN_FOLDER, ExportJob, ExportRunner, write_into_place


@pytest.fixture
def session(qtbot: QtBot, make_plan_file: Callable[..., Path], demo: model.Plan,
            prompts: ScriptedPrompts) -> Iterator[tuple[UiContext, ExportRunner, ScriptedPrompts]]:
    """A runner on a real plan file; the "open the file?" question and the desktop call are scripted."""
    path = make_plan_file(demo)
    document = open_document(path, author="Test table")
    context = UiContext(document, prompts=prompts)
    runner = ExportRunner(context)
    runner.show_progress = False  # no dialog under test; the job's progress is tested on its own
    yield context, runner, prompts
    runner.wait()
    close_context(context)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial" in p.name)


def run(qtbot: QtBot, runner: ExportRunner, start: Callable[[], bool]) -> tuple[str, bool, str]:
    with qtbot.waitSignal(runner.finished, timeout=60_000) as blocker:
        assert start()
    path, ok, message = blocker.args
    return path, ok, message


def test_workbook_export_writes_a_workbook_and_offers_to_open_it(qtbot, session, tmp_path) -> None:
    context, runner, prompts = session
    prompts.script("offer_open", OPEN_FOLDER)
    target = tmp_path / "out" / "Cedar Valley plan.xlsx"
    target.parent.mkdir()
    path, ok, message = run(qtbot, runner, lambda: runner.export_xlsx(target))
    assert (path, ok, message) == (str(target), True, "Saved Cedar Valley plan.xlsx")
    workbook = load_workbook(target)
    assert "Budget" in workbook.sheetnames
    assert context.plan.district.name in workbook.properties.title
    assert prompts.asked == [("offer_open", (target,))]
    assert prompts.shown == [target.parent]
    assert leftovers(target.parent) == []
    assert not runner.busy


def test_draft_pdf_names_the_district_and_does_not_sign(qtbot, session, tmp_path) -> None:
    context, runner, prompts = session
    prompts.script("offer_open", OPEN_FILE)
    target = tmp_path / "draft.pdf"
    _, ok, _ = run(qtbot, runner, lambda: runner.export_pdf(target, for_signature=False))
    assert ok
    assert "Cedar Valley Unified School District" in pdf_text(target)
    assert prompts.shown == [target]
    assert context.plan.signature == model.Signature()
    assert context.undo_stack.count() == 0


def test_pdf_for_signature_records_the_fingerprint_it_prints(qtbot, session, tmp_path) -> None:
    context, runner, prompts = session
    prompts.script("offer_open", None)
    target = tmp_path / "for signature.pdf"
    _, ok, _ = run(qtbot, runner, lambda: runner.export_pdf(target, for_signature=True))
    assert ok
    state = signed_state(context.plan)
    assert state.signed
    assert state.signed_fingerprint == fingerprint(context.plan)
    assert state.signed_fingerprint[:16] in pdf_text(target).replace("\n", "")
    assert context.undo_stack.undoText() == "Export for signature"
    path = context.document.backend.location
    close_context(context)
    with PlanFile.open(path) as reopened:
        saved = reopened.load()
    assert saved.signature.fingerprint == state.signed_fingerprint
    assert saved.signature.signed_at == state.signed_at


def test_a_failed_export_reports_why_leaves_nothing_and_withdraws_the_signature(qtbot, session) -> None:
    context, runner, prompts = session
    target = Path("/sys/kernel/plan.pdf")  # a folder that refuses new files, even to root
    _path, ok, message = run(qtbot, runner, lambda: runner.export_pdf(target, for_signature=True))
    assert not ok
    assert message in ("plan.pdf could not be written: Permission denied",
                       "plan.pdf could not be written: Read-only file system")
    assert not target.exists()
    assert context.plan.signature == model.Signature()  # no PDF, so not signed
    assert prompts.asked == []


def test_a_target_in_a_missing_folder_is_refused_before_signing(qtbot, session, tmp_path) -> None:
    context, runner, prompts = session
    prompts.script("error", None)
    target = tmp_path / "no such folder" / "plan.pdf"
    with qtbot.waitSignal(runner.finished) as blocker:
        assert not runner.export_pdf(target, for_signature=True)
    message = "plan.pdf was not written: its folder does not exist"
    assert blocker.args == [str(target), False, message]
    assert prompts.asked == [("error", ("Export not written", message))]
    assert context.plan.signature == model.Signature()
    assert context.undo_stack.count() == 0
    assert not runner.busy


def test_the_open_plan_is_never_an_export_target(qtbot, session, tmp_path) -> None:
    """By its own name, a symbolic or a hard link: refused in one message, the file and its log untouched."""
    context, runner, prompts = session
    plan_path = Path(context.document.backend.location)
    before = plan_path.read_bytes()
    (tmp_path / "link.xlsx").symlink_to(plan_path)
    (tmp_path / "hard.pdf").hardlink_to(plan_path)
    starts = [lambda: runner.export_xlsx(plan_path), lambda: runner.export_xlsx(tmp_path / "link.xlsx"),
              lambda: runner.export_pdf(tmp_path / "hard.pdf", for_signature=True)]
    for start in starts:
        prompts.script("error", None)
        with qtbot.waitSignal(runner.finished) as blocker:
            assert not start()
        assert blocker.args[1:] == [False, f"{Path(blocker.args[0]).name} was not written: it is the plan open "
                                           "in this window; an export never replaces a plan file"]
    assert [m for m, _ in prompts.asked] == ["error"] * 3
    assert plan_path.read_bytes() == before
    assert context.undo_stack.count() == 0
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_replaced_only_when_the_export_succeeds(qtbot, session, tmp_path) -> None:
    _, runner, prompts = session
    prompts.script("offer_open", None)
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"last week's workbook")
    _, ok, _ = run(qtbot, runner, lambda: runner.export_xlsx(target))
    assert ok
    assert load_workbook(target).sheetnames[0] == "Summary"

    def broken(plan: model.Plan, path: Path, progress: Callable[[float], None]) -> None:
        path.write_bytes(b"half a workbook")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match=r"cannot be written \(No space left on device\)"):
        write_into_place(broken, model.Plan(), target, lambda _: None)
    assert load_workbook(target).sheetnames[0] == "Summary"
    assert leftovers(tmp_path) == []


def test_one_export_at_a_time(qtbot, session, tmp_path) -> None:
    _, runner, prompts = session
    prompts.script("offer_open", None)
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        assert runner.export_xlsx(tmp_path / "a.xlsx")
        assert runner.busy
        assert not runner.export_pdf(tmp_path / "b.pdf")
    assert not (tmp_path / "b.pdf").exists()


def test_job_reports_progress_and_can_be_cancelled(qtbot, tmp_path, demo: model.Plan) -> None:
    seen: list[int] = []
    release = threading.Event()

    def slow_writer(plan: model.Plan, path: Path, progress: Callable[[float], None]) -> None:
        path.write_bytes(b"partial")
        progress(0.25)
        release.wait(5)
        progress(2, 4)  # the (done, total) form is understood too

    job = ExportJob(slow_writer, demo, tmp_path / "plan.pdf")
    job.progressed.connect(seen.append)
    results: list[tuple[bool, str]] = []
    job.done.connect(lambda ok, message: results.append((ok, message)))
    worker = threading.Thread(target=job.run)
    worker.start()
    qtbot.waitUntil(lambda: seen == [250])
    job.cancel()
    release.set()
    worker.join(5)
    qtbot.waitUntil(lambda: bool(results))  # delivered through the event loop, as to the runner
    assert results == [(False, "Export of plan.pdf cancelled; nothing was written.")]
    assert list(tmp_path.iterdir()) == []


def test_the_progress_dialog_closes_when_the_export_ends(qtbot, session, tmp_path) -> None:
    from PySide6.QtWidgets import QProgressDialog, QWidget

    context, _, prompts = session
    prompts.script("offer_open", None)
    window = QWidget()
    qtbot.addWidget(window)
    runner = ExportRunner(context, window)  # with its progress dialog, as in the app
    _, ok, _ = run(qtbot, runner, lambda: runner.export_pdf(tmp_path / "draft.pdf"))
    assert ok
    qtbot.waitUntil(lambda: window.findChildren(QProgressDialog) == [])
    assert prompts.asked == [("offer_open", (tmp_path / "draft.pdf",))]


def test_a_plan_with_blocking_findings_is_not_signed(qtbot, session, tmp_path) -> None:
    context, runner, prompts = session
    context.edit(SetField("approval", "", "superintendent_name", ""))  # now nobody is named to sign it
    before = context.undo_stack.count()
    prompts.script("error", None)
    target = tmp_path / "for signature.pdf"
    with qtbot.waitSignal(runner.finished) as blocker:
        assert not runner.export_pdf(target, for_signature=True)
    assert blocker.args == [str(target), False, "Not signed: the plan has 1 blocking finding."]
    title, message = prompts.asked[-1][1]
    assert title == "Not signed: the plan has blocking findings"
    assert "no superintendent named" in message or "do not yet name who signs" in message
    assert context.plan.signature == model.Signature()
    assert context.undo_stack.count() == before  # no signing edit was made
    assert not target.exists()
    assert not runner.busy


def test_waiting_on_a_signature_export_records_the_signature_instead_of_blocking(qtbot, session, tmp_path) -> None:
    """The worker asks the UI thread to record the signature; a UI thread waiting for the worker does it."""
    context, runner, prompts = session
    prompts.script("offer_open", None)
    target = tmp_path / "signed.pdf"
    with qtbot.waitSignal(runner.finished, timeout=60_000) as blocker:
        assert runner.export_pdf(target, for_signature=True)
        runner.wait()
        assert signed_state(context.plan).signed
    assert blocker.args == [str(target), True, "Saved signed.pdf"]
    assert context.plan.signature.fingerprint[:16] in pdf_text(target).replace("\n", "")


def test_an_edit_made_while_the_signed_pdf_is_written_withholds_the_signature(qtbot, session, tmp_path) -> None:
    """The PDF shows the plan as it was when the export began: changed since, it is neither signed nor placed."""
    context, runner, _prompts = session
    target = tmp_path / "signed.pdf"
    with qtbot.waitSignal(runner.finished, timeout=60_000) as blocker:
        assert runner.export_pdf(target, for_signature=True)
        # Made before the event loop turns, so before the worker's request to sign can be served.
        assert context.edit(SetField("approval", "", "board_president", "Lee Park"))
    assert blocker.args == [str(target), False, "signed.pdf could not be written: the plan changed while the PDF "
                                                "was written; export it for signature again"]
    assert not target.exists()
    assert leftovers(tmp_path) == []
    assert context.plan.signature == model.Signature()
    assert context.plan.approval.board_president == "Lee Park"
