"""How far the team has got on each step, read from the plan alone, and which findings the step badges count."""

from __future__ import annotations

from datetime import date

from summit_app.plan import model
from summit_app.plan.checks.findings import BLOCKING, WARNING, Finding
from summit_app.plan.content import Content
from summit_app.plan.progress import (
    COMPLETE,
    EMPTY,
    EMPTY_PANE,
    STARTED,
    STEPS,
    badge_findings,
    furthest_started,
    missing_communications,
    pane_states,
)


def test_a_new_plan_has_every_step_ahead(content: Content) -> None:
    states = pane_states(model.Plan(), content)
    assert set(states) == {pane_id for pane_id, _title in STEPS}
    assert set(states.values()) == {EMPTY}
    assert furthest_started(states) == -1


def test_a_step_is_started_by_part_and_complete_when_all_is_there(content: Content) -> None:
    milestone = model.Milestone(id="m1", title="Board adopts the plan")
    started = pane_states(model.Plan(district=model.District(name="Harbor Unified"), milestones=(milestone,)),
                          content)
    assert (started["district"], started["timeline"]) == (STARTED, STARTED)
    dated = model.Milestone(id="m1", title="Board adopts the plan", due_date=date(2027, 6, 1))
    done = pane_states(model.Plan(milestones=(dated,)), content)
    assert done["timeline"] == COMPLETE
    assert furthest_started(done) == [pane_id for pane_id, _title in STEPS].index("timeline")


def _finding(rule: str, pane: str, severity: str = BLOCKING) -> Finding:
    return Finding(rule, severity, pane, None, None, "message", "fix")


def test_badges_leave_out_empty_steps_still_ahead_of_the_team(content: Content) -> None:
    states = pane_states(model.Plan(district=model.District(name="Harbor Unified"),
                                    milestones=(model.Milestone(id="m1"),)), content)
    passed, ahead = _finding(EMPTY_PANE, "budget"), _finding(EMPTY_PANE, "review")
    wrong = _finding("funding-gap", "review", WARNING)
    assert badge_findings([passed, ahead, wrong], states) == [passed, wrong]


def test_peers_and_communication_is_complete_with_someone_to_learn_from_and_the_essential_messages(
        content: Content) -> None:
    adoption = model.Communication("c1", kind="board-adoption")
    posting = model.Communication("c2", kind="plan-posting")
    briefing = model.Communication("c3", kind="staff-briefing")
    peer = model.PeerDistrict("p1", name="Maple Ridge Unified")
    school = model.LighthouseSchool("l1", name="Riverside Elementary")

    def state(**parts: object) -> str:
        return pane_states(model.Plan().replace(**parts), content)["community"]

    assert state() == EMPTY
    assert state(communications=(briefing,)) == STARTED
    assert state(peers=(peer,)) == STARTED
    assert state(communications=(adoption, posting)) == STARTED  # nobody to learn from yet
    assert state(peers=(peer,), communications=(adoption, briefing)) == STARTED  # the plan is not posted
    assert state(peers=(peer,), communications=(posting, adoption)) == COMPLETE
    assert state(lighthouses=(school,), communications=(adoption, posting, briefing)) == COMPLETE
    assert missing_communications(model.Plan(communications=(posting,))) == ["board-adoption"]
    assert [pane_id for pane_id, _title in STEPS][-3:] == ["timeline", "community", "review"]
