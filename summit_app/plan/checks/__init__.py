"""Plan checks, "plan before you purchase": a plan in, findings out.

Used by the Review & Sign pane (on every edit), ``summit-app check`` and the
PDF's appendix. Each rule is a small function of the plan's ``Facts`` yielding
findings; ``RULES`` lists them in the order a team should address them, pane
by pane. Blocking: a pane not started, a year not funded, devices bought with
no teacher training or network capacity behind them, E-Rate counted on for
what it never pays. A warning or advice the team accepts with a reason is set
apart by ``assess`` (``accepted.py``) until the facts behind it change.
"""

from __future__ import annotations

from summit_app.plan import model
from summit_app.plan.checks import (
    accessibility,
    communication,
    devices,
    equity,
    erate,
    evaluation,
    funding,
    goals,
    network,
    panes,
    peers,
    privacy,
    sustainability,
    training,
)
from summit_app.plan.checks.accepted import (
    Assessment,
    accept_edit,
    assess,
    assess_findings,
    assessment_json,
    basis,
    format_assessment,
    withdraw_edit,
)
from summit_app.plan.checks.facts import Facts, Rule
from summit_app.plan.checks.findings import (
    ADVICE,
    BLOCKING,
    PANES,
    SEVERITIES,
    WARNING,
    Finding,
    format_findings,
    sort_key,
)
from summit_app.plan.content import Content

__all__ = ["ADVICE", "BLOCKING", "PANES", "RULES", "SEVERITIES", "WARNING", "Finding", "format_findings",
           "run_checks", "signing_blockers"]
__all__ += ["Assessment", "accept_edit", "assess", "assess_findings", "assessment_json", "basis", "format_assessment",
            "withdraw_edit"]

RULES: tuple[Rule, ...] = (
    panes.empty_panes,
    goals.readiness_gap_without_goal,
    goals.goal_incomplete,
    training.learning_incomplete,
    training.no_leadership_learning,
    training.no_teacher_learning,
    training.learning_without_goal,
    privacy.app_student_data_without_agreement,
    devices.devices_without_network,
    devices.wifi_coverage,
    devices.device_no_refresh_cycle,
    sustainability.fleet_due_unbudgeted,
    sustainability.devices_per_technician,
    erate.erate_without_cipa,
    funding.funding_gap,
    erate.erate_ineligible,
    devices.devices_without_learning,
    devices.devices_before_learning,
    sustainability.devices_without_upkeep,
    sustainability.replacement_unfunded,
    sustainability.repairs_too_low,
    privacy.software_without_inventory,
    privacy.budget_app_unsigned,
    privacy.budget_app_not_approved,
    funding.budget_line_without_goal,
    funding.budget_line_without_source,
    funding.recurring_on_one_time_money,
    funding.one_time_source_marked_recurring,
    funding.source_to_be_identified,
    funding.recurring_on_appropriated_funds,
    funding.source_overcommitted,
    erate.erate_no_match,
    erate.erate_no_category,
    erate.erate_not_covered,
    erate.erate_category2_exceeded,
    erate.erate_no_discount,
    funding.budget_line_outside_years,
    goals.milestone_incomplete,
    goals.framework_gaps,
)


def run_checks(plan: model.Plan, content: Content) -> list[Finding]:
    """Every finding for ``plan``, most severe first, then in pane order."""
    facts = Facts(plan, content)
    return sorted((f for rule in RULES for f in rule(facts)), key=sort_key)


def signing_blockers(assessment: Assessment) -> list[Finding]:
    """What stops a plan from being signed: its blocking findings (none means it may be signed).

    The one rule both the command line's ``export --sign`` and the window's
    "PDF for signature" follow: a plan that does not hold together is not
    put before the superintendent's pen. A blocking finding is never accepted,
    so every one is among the assessment's open findings.
    """
    return [f for f in assessment.open if f.blocking]


#: The rollout and evaluation rules: each device line read on its delivery date, the training dose, the
#: leaders' learning, the plan's network targets, evaluation, the pilot and the team.
RULES += (
    network.network_target_below_floor,
    network.network_below_reference,
    devices.training_dose_low,
    training.leadership_after_teachers,
    training.leadership_briefing_only,
    evaluation.goal_output_measure,
    evaluation.no_review_milestone,
    evaluation.no_device_pilot,
    evaluation.team_composition,
)

#: The community and equity rules: home access and assistive technology, accessibility and the ADA Title II
#: deadline, the communication plan, peer districts and lighthouse schools. None of them blocks.
RULES += (
    equity.home_access_unfunded,
    equity.assistive_without_plan,
    accessibility.ada_title_ii_deadline,
    accessibility.apps_without_accessibility_report,
    accessibility.lines_without_accessibility_report,
    communication.communication_missing,
    communication.board_adoption_late,
    communication.family_session_without_languages,
    communication.no_progress_report,
    peers.peer_without_visit,
    peers.no_peers,
)
