"""Reopening a plan that changed since it was signed: a banner says since when and what changed.

Plans are signed and changed through a real plan file (as an earlier session
would have), closed, and reopened in the real main window.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fixture_types import MakePlanFile, MakeWindow
from guihelpers import ScriptedPrompts, saved, type_into
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.edits import SetField
from summit_app.plan.signing import sign_edit
from summit_app.store.plan_file import close_document, open_document
from summit_app.ui.panes.review.signoff import when
from summit_app.ui.window.main_window import MainWindow
from summit_app.ui.workspace.signed_banner import SignedBanner

SIGNED_AT = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def session(path: Path, author: str, *edits: SetField, sign: bool = False) -> None:
    """One earlier session at the table: open the file, sign and/or edit, close."""
    document = open_document(path, author=author)
    try:
        if sign:
            document.apply(sign_edit(document.plan, SIGNED_AT))
            time.sleep(0.01)  # the log keeps microseconds; keep "after signing" unambiguous
        for edit in edits:
            document.apply(edit)
    finally:
        close_document(document)


@pytest.fixture
def changed_plan(make_plan_file: Callable[..., Path], demo: model.Plan) -> Path:
    """The demo plan, signed by Ana, then changed by Ben and by Ana."""
    path = make_plan_file(demo)
    session(path, "Ana Adams", sign=True)
    session(path, "Ben Ortiz", SetField("approval", "", "board_president", "Lena Marsh"))
    session(path, "Ana Adams", SetField("district", "", "enrollment", 18300))
    return path


def banner_of(window: MainWindow) -> SignedBanner | None:
    assert window.workspace is not None
    return window.workspace.banner


def test_reopening_a_changed_plan_shows_when_it_was_signed_and_what_changed(
        qtbot: QtBot, make_window: MakeWindow, changed_plan: Path, prompts: ScriptedPrompts) -> None:
    window = make_window(path=changed_plan)
    banner = banner_of(window)
    assert banner is not None
    assert banner.isVisible()
    text = banner.message.text()
    assert f"This plan changed since it was signed on {when(SIGNED_AT)}." in text
    assert ("2 changes since then, latest first: Change Students enrolled (Ana Adams); "
            "Change Board president (Ben Ortiz).") in text
    assert prompts.asked == []  # a banner, not a modal question
    assert banner.geometry().top() == 0  # across the top of the window's content
    assert banner.width() == window.centralWidget().width()

    type_into(qtbot, window.workspace.pane("district").district_form.editor("state"), "Oregon")
    assert saved(window).district.state == "Oregon"  # the team can carry on working under it


def test_show_changes_opens_review_with_the_same_changes_and_dismiss_hides_it(
        qtbot: QtBot, make_window: MakeWindow, changed_plan: Path) -> None:
    window = make_window(path=changed_plan)
    banner = banner_of(window)
    assert banner is not None
    qtbot.mouseClick(banner.show_button, Qt.MouseButton.LeftButton)
    assert window.workspace.navigator.current_pane() == "review"
    review = window.workspace.pane("review")
    assert window.workspace.stack.currentWidget() is review
    listed = review.signed.changes
    rows = [(listed.topLevelItem(i).text(1), listed.topLevelItem(i).text(2)) for i in range(listed.topLevelItemCount())]
    assert rows == [("Ana Adams", "Change Students enrolled"), ("Ben Ortiz", "Change Board president")]
    assert banner.isVisible()  # still there until dismissed
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()

    window.close_plan()
    window.open_path(changed_plan)
    again = banner_of(window)
    assert again is not None
    assert again.isVisible()  # dismissing is for this opening: the plan is still not the signed version


def test_no_banner_for_an_unsigned_or_still_signed_plan(make_window: MakeWindow, make_plan_file: MakePlanFile,
                                                        demo: model.Plan) -> None:
    assert banner_of(make_window(demo)) is None
    signed = make_plan_file(demo, "signed.techplan")
    session(signed, "Ana Adams", sign=True)
    window = make_window(path=signed)
    assert banner_of(window) is None
    assert window.workspace.findChildren(SignedBanner) == []


def test_signing_again_takes_the_banner_away(qtbot: QtBot, make_window: MakeWindow, changed_plan: Path,
                                           prompts: ScriptedPrompts, tmp_path: Path) -> None:
    window = make_window(path=changed_plan)
    banner = banner_of(window)
    assert banner is not None
    prompts.script("export_path", tmp_path / "signed again.pdf")
    prompts.script("offer_open", None)
    runner = window.workspace.pane("review").runner
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        window.actions_["export_signature"].trigger()
    assert not banner.isVisible()
    window.close_plan()
    window.open_path(changed_plan)
    assert banner_of(window) is None


def test_plan_text_in_the_banner_is_shown_as_text(make_window: MakeWindow, make_plan_file: MakePlanFile,
                                                  demo: model.Plan) -> None:
    path = make_plan_file(demo)
    session(path, "Ana Adams", sign=True)
    session(path, "<b>Bo</b> & Co", SetField("district", "", "state", "Nevada", "Set state to <i>Nevada</i>"))
    banner = banner_of(make_window(path=path))
    assert banner is not None
    assert "Set state to &lt;i&gt;Nevada&lt;/i&gt; (&lt;b&gt;Bo&lt;/b&gt; &amp; Co)" in banner.message.text()
