"""A full plan with the facts of plan format 2 filled in: E-Rate discount and lines, network upgrades, device
lines, training purpose, milestone kinds. The export tests read these facts back from the PDF and the workbook.

The base is the demo plan as it stood before it followed the plan checks' advice
(tests/fixtures/plan-facts-base.json), kept fixed so the figures these tests
expect do not move when the demo does.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from summit_app.plan import model
from summit_app.plan.checks import WARNING, Finding, accept_edit, run_checks
from summit_app.plan.content import Content, load_content
from summit_app.plan.edits import apply_edit
from summit_app.plan.interchange import plan_from_json

BASE = Path(__file__).resolve().parents[1] / "fixtures" / "plan-facts-base.json"


def base_plan() -> model.Plan:
    """The fixed full plan the new facts are set on."""
    return plan_from_json(json.loads(BASE.read_text(encoding="utf-8")), load_content())

#: The district's E-Rate discount: Category 1 at 80 %, Category 2 at 80 % too (its cap is 85 %).
DISCOUNT = 80
#: Budget line id → (E-Rate category, the source of its local match).
ERATE_LINES = {
    "line-02": ("category-1", "src-general"),
    "line-03": ("category-1", "src-general"),
    "line-04": ("category-1", None),  # no source named for the match: that share is unfunded
    "line-08": ("category-2", "src-title4"),
    "line-10": ("category-2", "src-general"),
}
#: Budget line id → (device type, users, replaces devices in service, delivery).
DEVICE_LINES = {
    "line-15": ("laptop", "staff", True, date(2026, 8, 3)),
    "line-16": ("chromebook", "students", False, date(2027, 8, 16)),
    "line-21": ("chromebook", "students", False, None),
    "line-26": ("chromebook", "students", True, date(2029, 9, 14)),
    "line-30": ("tablet", "students", True, None),
}
UPGRADES = (
    model.NetworkUpgrade("upgrade-internet", title="Internet to 10 Gbps", effective_date=date(2027, 7, 1),
                         internet_mbps=10000, budget_line_ids=("line-02",)),
    model.NetworkUpgrade("upgrade-wifi", title="Wi-Fi 6 in the last seven schools", effective_date=date(2028, 7, 1),
                         wifi_coverage_percent=100, wan_mbps=20000, budget_line_ids=("line-08", "line-10")),
)
MILESTONE_KINDS = {"milestone-03": "board", "milestone-05": "pilot"}


def _line(line: model.BudgetLine) -> model.BudgetLine:
    if line.id in ERATE_LINES:
        category, match = ERATE_LINES[line.id]
        line = dataclasses.replace(line, funding_source_id="src-erate", erate_category=category,
                                   match_source_id=match)
    if line.id in DEVICE_LINES:
        kind, users, replaces, delivery = DEVICE_LINES[line.id]
        line = dataclasses.replace(line, device_type=kind, device_users=users, replaces_devices=replaces,
                                   delivery_date=delivery)
    return line


def with_new_facts(plan: model.Plan | None = None) -> model.Plan:
    """``plan`` (by default the fixed base plan) with every new fact of the plan format set somewhere."""
    plan = plan or base_plan()
    district = dataclasses.replace(plan.district, erate_discount_percent=DISCOUNT)
    network = dataclasses.replace(plan.network, cipa_in_place=True, target_mbps_per_1000=1000, target_wan_mbps=0,
                                  wifi_coverage_percent=85)
    learning = tuple(dataclasses.replace(a, purpose="compliance") if a.id == "pd-privacy" else a
                     for a in plan.learning)
    milestones = tuple(dataclasses.replace(m, kind=MILESTONE_KINDS.get(m.id, m.kind)) for m in plan.milestones)
    return plan.replace(district=district, network=network, learning=learning, milestones=milestones,
                        budget=tuple(_line(line) for line in plan.budget), upgrades=UPGRADES)


def erate_lines(plan: model.Plan) -> list[model.BudgetLine]:
    return [line for line in plan.budget if line.id in ERATE_LINES]




#: A reason as a team might type it, with markup, a formula and a line break: it must print exactly so.
REASON = '=SUM(A1:A9)+1 <b>not bold</b> & R&D </para> <img src="/etc/passwd"/>\nThe board funds it in FY2029.'


def with_accepted(plan: model.Plan, content: Content, reason: str = REASON) -> tuple[model.Plan, Finding]:
    """``plan`` with its first warning accepted by the superintendent for ``reason``; and that finding."""
    finding = next(f for f in run_checks(plan, content) if f.severity == WARNING)
    accepted, _ = apply_edit(plan, accept_edit(plan, finding, reason, "superintendent"), content)
    return accepted, finding
