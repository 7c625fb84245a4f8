"""The Readiness pane: consensus scores with levels, notes, the radar, and silent ratings.

Every test drives real widgets on a real plan file, then closes the file and reads
back what was saved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from guihelpers import close_context
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.readiness import gear_scores, overall_score, spread
from summit_app.store.plan_file import PlanFile, close_document, open_document
from summit_app.ui.base.context import UiContext
from summit_app.ui.panes.readiness.readiness import ReadinessPane
from summit_app.ui.panes.readiness.readiness_model import COL_LEVEL, COL_MEMBERS, COL_SCORE, ReadinessModel

TEAM = (model.TeamMember("m-ana", "Ana Adams", "superintendent"),
        model.TeamMember("m-ben", "Ben Baker", "technology-director"),
        model.TeamMember("m-chloe", "Chloe Chen", "principal"))


def small_team_plan() -> model.Plan:
    return model.Plan(district=model.District(name="Harbor Unified"), members=TEAM)


@pytest.fixture
def open_pane(qtbot: QtBot, make_plan_file: Callable[..., Path]) -> Iterator[Callable[[model.Plan], ReadinessPane]]:
    """Build the pane on a UiContext over a new plan file, refreshed the way the main window does."""
    opened: list[tuple[UiContext, ReadinessPane]] = []

    def make(plan: model.Plan) -> ReadinessPane:
        document = open_document(make_plan_file(plan))
        context = UiContext(document)
        pane = ReadinessPane(context)
        context.plan_changed.connect(lambda _edit, p: pane.refresh(p))
        qtbot.addWidget(pane)
        pane.resize(1440, 900)
        pane.show()
        pane.activateWindow()  # so focus moves (and editors commit on leaving) as on a real screen
        qtbot.waitUntil(pane.isActiveWindow)
        opened.append((context, pane))
        return pane

    yield make
    for context, _ in opened:
        close_context(context)


def saved_plan(pane: ReadinessPane) -> model.Plan:
    """Close the document and read the file back, as the next session would."""
    path = Path(pane.context.document.backend.location)
    close_context(pane.context)
    with PlanFile.open(path) as plan_file:
        return plan_file.load()


def cell(pane: ReadinessPane, element_id: str, column: int) -> str:
    return str(pane.model.index_of_element(element_id, column).data())


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def all_model_text(item_model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    texts = []
    for row in range(item_model.rowCount(parent)):
        for column in range(item_model.columnCount(parent)):
            index = item_model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if value is not None:
                    texts.append(str(value))
        texts += all_model_text(item_model, item_model.index(row, 0, parent))
    return texts


def visible_text(pane: ReadinessPane) -> list[str]:
    """Every string any widget of the pane holds, shown or hidden."""
    texts = [w.text() for w in pane.findChildren(QLabel)]
    texts += [w.text() for w in pane.findChildren(QLineEdit)]
    texts += [w.text() for w in pane.findChildren(QAbstractSpinBox)]
    texts += [w.text() for w in pane.findChildren(QAbstractButton)]
    texts += [w.toPlainText() for w in pane.findChildren(QPlainTextEdit)]
    texts += [w.toolTip() for w in pane.findChildren(QWidget) if w.toolTip()]
    return texts + all_model_text(pane.model)


# --- the model --------------------------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester, demo: model.Plan, content) -> None:
    item_model = ReadinessModel(content, lambda element_id, score: True)
    item_model.set_plan(demo)
    qtmodeltester.check(item_model)
    assert item_model.rowCount() == len(content.gears) + 1  # and the group rated under an earlier version
    assert sum(item_model.rowCount(item_model.index(g, 0)) for g in range(len(content.gears))) == 33
    assert item_model.rowCount(item_model.index(len(content.gears), 0)) == len(content.retired_elements())


def test_model_shows_gear_means_and_levels(demo: model.Plan, content) -> None:
    item_model = ReadinessModel(content)
    item_model.set_plan(demo)
    scores = gear_scores(demo, content)
    for row, gear in enumerate(content.gears):
        assert item_model.index(row, COL_SCORE).data() == str(scores[gear.id])
    first = demo.readiness[0]
    index = item_model.index_of_element(first.id, COL_LEVEL)
    assert index.data() == content.level_for(first.score).name


# --- consensus scores --------------------------------------------------------------------------


def test_typed_score_adds_a_rating_shows_its_level_and_survives_undo_redo_and_reopen(open_pane, qtbot) -> None:
    pane = open_pane(small_team_plan())
    assert pane.select_element("ri-network")
    assert cell(pane, "ri-network", COL_SCORE) == "—"
    type_into(qtbot, pane.detail.score, "7")
    assert pane.context.plan.readiness == (model.ReadinessRating("ri-network", 7),)
    assert cell(pane, "ri-network", COL_SCORE) == "7"
    assert cell(pane, "ri-network", COL_LEVEL) == "Planning"
    assert pane.detail.level.text() == "Planning"
    assert "Possible next step" in pane.detail.next_step.text()
    assert dict(pane.report.radar.axes())["3"] == Decimal("7.0")  # Robust Infrastructure is the third gear
    assert pane.report.overall.text() == "Overall 7.0 / 10 · Planning"
    assert pane.report.progress.text() == "1 of 33 elements rated"

    pane.context.undo_stack.undo()
    assert pane.context.plan.readiness == ()
    assert cell(pane, "ri-network", COL_SCORE) == "—"
    assert pane.detail.score.text() == "Not rated"
    assert pane.report.overall.text() == "Overall: not rated yet"
    pane.context.undo_stack.redo()
    assert cell(pane, "ri-network", COL_SCORE) == "7"
    type_into(qtbot, pane.detail.score, "9")
    assert cell(pane, "ri-network", COL_LEVEL) == "Staging"
    assert saved_plan(pane).readiness == (model.ReadinessRating("ri-network", 9),)


def test_score_typed_into_the_tree_cell(open_pane, qtbot) -> None:
    pane = open_pane(small_team_plan())
    index = pane.model.index_of_element("cia-technology", COL_SCORE)
    pane.tree.setCurrentIndex(index)
    pane.tree.setFocus()
    qtbot.keyClicks(pane.tree, "4")
    qtbot.keyClick(pane.tree.focusWidget(), Qt.Key.Key_Return)  # the view commits on its next event loop turn
    qtbot.waitUntil(lambda: cell(pane, "cia-technology", COL_SCORE) == "4")
    assert cell(pane, "cia-technology", COL_LEVEL) == "Envisioning"
    assert saved_plan(pane).item("readiness", "cia-technology").score == 4


def test_out_of_range_score_in_the_tree_changes_nothing(open_pane, content) -> None:
    pane = open_pane(small_team_plan())
    index = pane.model.index_of_element("cia-technology", COL_SCORE)
    assert not pane.model.setData(index, "11")
    assert not pane.model.setData(index, "seven")
    assert pane.context.plan.readiness == ()


def test_notes_are_saved_when_the_editor_loses_focus(open_pane, qtbot) -> None:
    pane = open_pane(small_team_plan())
    pane.select_element("dp-policies")
    pane.detail.notes.setFocus()
    qtbot.keyClicks(pane.detail.notes, "Policy last reviewed 2019 <board>")
    pane.detail.score.setFocus()  # leaving the notes commits them
    assert saved_plan(pane).item("readiness", "dp-policies") == model.ReadinessRating(
        "dp-policies", None, "Policy last reviewed 2019 <board>")


def test_clearing_a_score_keeps_the_notes(open_pane, qtbot) -> None:
    plan = small_team_plan().replace(readiness=(model.ReadinessRating("cl-vision", 5, "Strong board support"),))
    pane = open_pane(plan)
    pane.select_element("cl-vision")
    assert pane.detail.notes.toPlainText() == "Strong board support"
    qtbot.keyClick(pane.detail.score, Qt.Key.Key_PageDown)  # 5 → −1 ("Not rated", the bottom of the range)
    assert pane.detail.score.text() == "Not rated"
    assert cell(pane, "cl-vision", COL_SCORE) == "—"
    assert saved_plan(pane).readiness == (model.ReadinessRating("cl-vision", None, "Strong board support"),)


# --- silent ratings ----------------------------------------------------------------------------


def test_silent_ratings_stay_hidden_until_revealed_then_show_the_spread(open_pane, qtbot) -> None:
    pane = open_pane(small_team_plan())
    pane.select_element("ri-support")
    silent = pane.detail.silent
    assert not silent.reveal_button.isEnabled()
    before = visible_text(pane)
    for row, score in zip(silent._rows, ("9", "0", "6"), strict=True):
        type_into(qtbot, row.entry, score)
        assert row.entry.text() == ""
        assert row.entry.placeholderText() == "●●●●  rated"

    after = visible_text(pane)
    assert not any(re.search(r"\b9\b", text) for text in after), "a hidden score is on screen"
    changed = [text for text in after if text not in before]
    assert changed, "the pane should say that members have rated"
    assert not any(re.search(r"\d", text) for text in changed), changed
    assert cell(pane, "ri-support", COL_MEMBERS) == "●●●"
    assert silent.reveal_button.isEnabled()

    qtbot.mouseClick(silent.reveal_button, Qt.MouseButton.LeftButton)
    assert [row.score.text() for row in silent._rows] == ["9", "0", "6"]
    assert silent.summary.isVisible()
    assert re.sub("<[^>]+>", "", silent.summary.text()) == "Lowest 0 · Highest 9 · Spread 9 · Median 6"
    assert cell(pane, "ri-support", COL_MEMBERS) == "0 – 9"
    assert silent.median_button.text() == "Set consensus to 6 (the median)"

    qtbot.mouseClick(silent.median_button, Qt.MouseButton.LeftButton)
    assert cell(pane, "ri-support", COL_SCORE) == "6"
    saved = saved_plan(pane)
    assert saved.item("readiness", "ri-support") == model.ReadinessRating("ri-support", 6, "", True)
    assert sorted((r.member_id, r.element_id, r.score) for r in saved.member_ratings) == [
        ("m-ana", "ri-support", 9), ("m-ben", "ri-support", 0), ("m-chloe", "ri-support", 6)]


def test_reveal_undo_hides_the_scores_again(open_pane, qtbot) -> None:
    ratings = tuple(model.MemberRating(f"r{i}", "br-roi", m.id, s) for i, (m, s) in enumerate(zip(TEAM, (9, 9, 7),
                                                                                                      strict=True)))
    pane = open_pane(small_team_plan().replace(member_ratings=ratings))
    pane.select_element("br-roi")
    silent = pane.detail.silent
    assert [row.score.text() for row in silent._rows] == ["", "", ""]
    qtbot.mouseClick(silent.reveal_button, Qt.MouseButton.LeftButton)
    assert [row.score.text() for row in silent._rows] == ["9", "9", "7"]
    assert silent.plot._dots == [("AA", 9), ("BB", 9), ("CC", 7)]
    pane.context.undo_stack.undo()
    assert pane.context.plan.readiness == ()
    assert not any(re.search(r"\b9\b", text) for text in visible_text(pane))
    assert silent.plot._dots == []
    assert silent.reveal_button.text() == "Reveal ratings"


def test_changing_and_removing_a_member_rating(open_pane, qtbot) -> None:
    pane = open_pane(small_team_plan().replace(
        member_ratings=(model.MemberRating("r-ana", "st-extended-time", "m-ana", 3),)))
    pane.select_element("st-extended-time")
    ana, ben, _ = pane.detail.silent._rows
    assert ana.clear.isVisibleTo(pane)
    assert not ben.clear.isVisibleTo(pane)
    type_into(qtbot, ana.entry, "8")
    assert pane.context.plan.member_ratings == (model.MemberRating("r-ana", "st-extended-time", "m-ana", 8),)
    type_into(qtbot, ben.entry, "11")  # refused by the entry's 0–10 validator: nothing saved
    assert len(pane.context.plan.member_ratings) == 1
    qtbot.mouseClick(ana.clear, Qt.MouseButton.LeftButton)
    assert saved_plan(pane).member_ratings == ()


def test_select_item_finds_elements_and_member_ratings(open_pane, demo: model.Plan) -> None:
    pane = open_pane(demo)
    rating = demo.member_ratings[-1]
    assert pane.select_item("member_ratings", rating.id)
    assert pane.detail.element is not None
    assert pane.detail.element.id == rating.element_id
    assert pane.select_item("readiness", "pl-skills")
    assert pane.tree.currentIndex() == pane.model.index_of_element("pl-skills")
    assert not pane.select_item("goals", "pl-skills")
    assert not pane.select_item("readiness", "no-such-element")


def test_demo_pane_shows_the_demo_scores(open_pane, demo: model.Plan, content) -> None:
    pane = open_pane(demo)
    overall = overall_score(demo, content)
    assert pane.report.overall.text().startswith(f"Overall {overall} / 10")
    revealed = next(r for r in demo.readiness if r.revealed)
    found = spread(demo, revealed.id)
    assert cell(pane, revealed.id, COL_MEMBERS) == f"{found.low} – {found.high}"


def test_a_read_only_plan_shows_scores_but_takes_no_ratings(qtbot, make_plan_file, demo: model.Plan) -> None:
    document = open_document(make_plan_file(demo), read_only=True)
    context = UiContext(document)
    try:
        pane = ReadinessPane(context)
        qtbot.addWidget(pane)
        pane.select_element("ri-network")
        assert cell(pane, "ri-network", COL_SCORE) == str(demo.item("readiness", "ri-network").score)
        index = pane.model.index_of_element("ri-network", COL_SCORE)
        assert not pane.model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert pane.detail.score.isReadOnly()
        assert pane.detail.notes.isReadOnly()
        assert all(row.entry.isReadOnly() for row in pane.detail.silent._rows)
        assert not pane.detail.silent.reveal_button.isEnabled()
    finally:
        context.close()
        close_document(document)


# --- elements of an earlier version of the framework ------------------------------------------


def test_earlier_version_ratings_show_in_their_own_read_only_group(open_pane, qtbot) -> None:
    old = model.ReadinessRating("br-tco", 6, "Support costs were counted in 2026.")
    pane = open_pane(small_team_plan().replace(readiness=(old, model.ReadinessRating("ri-network", 7))))
    group = pane.model.earlier_group_row()
    assert pane.model.index(group, 0).data() == "Rated under an earlier version"
    assert not pane.tree.isRowHidden(group, QModelIndex())
    parent = pane.model.index(group, 0)
    shown = [pane.model.index(r, 0, parent).data() for r in range(pane.model.rowCount(parent))
             if not pane.tree.isRowHidden(r, parent)]
    assert shown == ["Total Cost of Ownership Planning"]
    assert cell(pane, "br-tco", COL_SCORE) == "6"
    assert not pane.model.index_of_element("br-tco", COL_SCORE).flags() & Qt.ItemFlag.ItemIsEditable
    assert pane.model.index_of_element("ri-network", COL_SCORE).flags() & Qt.ItemFlag.ItemIsEditable
    assert pane.select_element("br-tco")
    assert pane.detail.title.text() == "Total Cost of Ownership Planning"
    assert "earlier version" in pane.detail.gear.text()
    assert pane.detail.score.isReadOnly()
    assert pane.detail.notes.isReadOnly()
    assert pane.detail.notes.toPlainText() == old.notes
    assert not pane.detail.silent.isEnabled()
    type_into(qtbot, pane.detail.score, "9")
    assert pane.context.plan.item("readiness", "br-tco") == old
    assert pane.report.progress.text() == "1 of 33 elements rated"  # the earlier rating counts towards no gear
    assert saved_plan(pane).item("readiness", "br-tco") == old


def test_without_earlier_ratings_the_group_is_hidden(open_pane, demo: model.Plan) -> None:
    pane = open_pane(demo)
    assert pane.tree.isRowHidden(pane.model.earlier_group_row(), QModelIndex())


def test_collaborative_leadership_is_across_the_gears_not_an_eighth_spoke(open_pane, demo: model.Plan) -> None:
    pane = open_pane(demo)
    assert [label for label, _ in pane.report.radar.axes()] == [str(i) for i in range(1, 8)]
    legend = [w.text() for w in pane.report.findChildren(QLabel)]
    assert "Across the gears: Collaborative Leadership" in legend
    row = len(pane.context.content.gears) - 1
    assert pane.model.index(row, 0).data() == "Collaborative Leadership (across the gears)"
    assert pane.select_element("cl-vision")
    assert pane.detail.gear.text() == "Collaborative Leadership (across the gears)"
    assert pane.select_element("cia-assessment")
    assert "“Balanced Assessment with Timely Feedback”" in pane.detail.gear.text()


def test_the_detail_shows_what_the_element_is_its_four_levels_and_a_next_step(open_pane, qtbot, content) -> None:
    pane = open_pane(small_team_plan())
    assert pane.select_element("dp-literacy")
    element = content.element("dp-literacy")
    detail = pane.detail
    assert detail.description.isVisible()
    assert detail.description.text() == element.description
    assert [lid for lid, label in detail.anchors.items() if label.isVisible()] == [lv.id for lv in content.levels]
    for level in content.levels:
        assert f"{level.name} {level.low}–{level.high}" in detail.anchors[level.id].text()
        assert element.anchor(level.id) in detail.anchors[level.id].text()
    assert not any("◀" in label.text() for label in detail.anchors.values())  # nothing rated yet
    assert detail.next_step.text() == f"<b>Possible next step:</b> {element.next_step}"
    type_into(qtbot, detail.score, "6")
    assert [lid for lid, label in detail.anchors.items() if "◀" in label.text()] == ["planning"]
    assert pane.select_element("ri-network")
    assert content.element("ri-network").next_step in detail.next_step.text()  # each element its own step


def test_the_guidance_strip_names_the_common_mistake_and_the_leader_standard(open_pane, content) -> None:
    from summit_app.ui.pane import GuidanceStrip

    pane = open_pane(small_team_plan())
    strip = pane.findChild(GuidanceStrip)
    texts = [label.text() for label in strip.findChildren(QLabel)]
    assert f"<b>Common mistake:</b> {content.guidance['readiness'].mistake}" in texts
    assert not any("ISTE standard" in t for t in texts)  # this step names none
    privacy = GuidanceStrip(pane.context, "privacy")
    texts = [label.text() for label in privacy.findChildren(QLabel)]
    assert "<b>ISTE standard for education leaders:</b> Digital Citizenship Advocate" in texts
    assert any(t.startswith("<b>Common mistake:</b> Free apps") for t in texts)
