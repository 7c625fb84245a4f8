"""Present mode adapts a pane only through what the pane declares in ``present_hooks``."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.progress import STEPS
from summit_app.ui.facilitation.present.mode import PresentMode


def present(window: Any, qtbot: QtBot) -> PresentMode:
    mode = window.facilitator.present
    window.actions_["present"].trigger()
    assert mode.active
    assert mode.stage is not None
    qtbot.waitUntil(mode.stage.isVisible)
    return mode


def test_every_pane_declares_the_guidance_the_room_does_without(make_window: Any, qtbot: QtBot) -> None:
    window = make_window()
    for pane_id, _title in STEPS:
        hooks = window.workspace.pane(pane_id).present_hooks()
        strip = window.workspace.pane(pane_id).guidance
        assert strip.prompt is not None
        assert strip.prompt not in hooks.editor_only
        assert strip.prompt.text().startswith("<b>Ask the table:</b>")
        assert len(hooks.editor_only) == len(strip.labels) - 1
    mode = present(window, qtbot)
    for pane_id, _title in STEPS:
        mode.stage.show_pane(pane_id)
        pane = mode.stage.pane(pane_id)
        hooks = pane.present_hooks()
        assert hooks.editor_only
        assert not any(widget.isVisibleTo(pane) for widget in hooks.editor_only)
        assert pane.guidance.prompt.isVisibleTo(pane)
    mode.leave()


def test_readiness_hands_present_mode_its_silent_round_and_element(make_window: Any, demo: model.Plan,
                                                                    qtbot: QtBot) -> None:
    window = make_window()
    pane = window.workspace.pane("readiness")
    plain = window.workspace.pane("budget").present_hooks()
    assert plain.silent_round is None
    assert plain.element() is None
    hooks = pane.present_hooks()
    assert hooks.silent_round is not None
    assert hooks.silent_round[0] is pane.detail.silent
    second = demo.readiness[1].id
    pane.select_item("readiness", second)
    assert pane.present_hooks().element()[0] == second
    mode = present(window, qtbot)
    mode.stage.show_pane("readiness")
    staged = mode.stage.pane("readiness")
    assert not staged.present_hooks().silent_round[0].isVisibleTo(staged)  # the reveal panel stands in its place
    assert mode.stage.reveal_panel.isVisibleTo(staged)
    mode.leave()
