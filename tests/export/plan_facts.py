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


# --- plan format 3: peers, lighthouse schools, the communication plan, home access and accessibility ------------

EQUITY = model.Equity(
    no_home_internet_percent=23, take_home="some-grades",
    loaner_policy="Grades 6–12 take their Chromebook home.\nYounger students borrow one from the library.",
    hotspot_plan="900 data plans for families the survey found without internet; renewed each August.",
    assistive_students=410,
    assistive_plan="Text-to-speech and switch access on every student device; case managers order the rest.",
    public_entity_size="50000-or-more")
PEERS = (
    model.PeerDistrict("peer-oak", name="Oak Hollow Unified", state="Oregon", enrollment=17500, low_income_percent=48,
                       alike_in=("enrollment", "low-income"), relation="learn-from", visit_date=date(2027, 10, 12),
                       visitors="Superintendent, two principals", adopt="Their device distribution days by grade."),
    model.PeerDistrict("peer-pine", name="Pine Ridge Schools", state="Nevada", alike_in=("readiness",),
                       relation="mentor", adopt="Our privacy review of every app before purchase."),
)
LIGHTHOUSES = (
    model.LighthouseSchool("lh-mesa", name="Mesa Verde Middle School", district="Cedar Valley Unified",
                           shows="Student-led project days with shared devices in every room.",
                           goal_ids=("goal-deeper", "goal-learning"), open_from=date(2028, 1, 15),
                           open_to=("teachers", "parents"), contact="Principal R. Ortega"),
)
COMMUNICATIONS = (
    model.Communication("com-board", kind="board-adoption", audiences=("board", "community"),
                        message="The board adopts the plan in open session.", channel="board-meeting",
                        languages="English, Spanish", planned_date=date(2027, 6, 10), owner="Superintendent"),
    model.Communication("com-family", kind="family-session", audiences=("families",),
                        message="What the take-home devices mean at home, and how to get a hotspot.",
                        channel="family-meeting", languages="English, Spanish, Hmong",
                        planned_date=date(2027, 8, 20), owner="Family engagement office"),
    model.Communication("com-report", kind="progress-report", audiences=("community", "staff"),
                        message="A yearly public progress report against every goal.", channel="website",
                        languages="English, Spanish", owner="Technology director"),
)
#: Budget line id → its category now: the hotspot lines are home access.
HOME_ACCESS_LINES = ("line-12", "line-14")
#: Budget line id → accessibility conformance report; app id → the same.
LINE_REPORTS = {"line-16": "on-file", "line-33": "gaps", "line-38": "requested"}
APP_REPORTS = {"app-lms": "gaps", "app-math": "requested", "app-reading": "on-file", "app-sis": "not-available"}
#: The device pilot: a small purchase before the large ones.
PILOT_LINE = "line-13"


def _format3_line(line: model.BudgetLine) -> model.BudgetLine:
    changes: dict[str, object] = {"accessibility_report": LINE_REPORTS.get(line.id, "")}
    if line.id in HOME_ACCESS_LINES:
        changes["category"] = "home-access"
    if line.id == PILOT_LINE:
        changes.update(pilot=True, device_type="chromebook", device_users="students")
    return dataclasses.replace(line, **changes)


def with_format3_facts(plan: model.Plan | None = None) -> model.Plan:
    """``plan`` (by default the base plan with the format 2 facts) with every field of format 3 filled in."""
    plan = plan or with_new_facts()
    apps = tuple(dataclasses.replace(a, accessibility_report=APP_REPORTS.get(a.id, "")) for a in plan.apps)
    district = dataclasses.replace(plan.district, low_income_percent=41, peer_matching=True)
    return plan.replace(district=district, equity=EQUITY, peers=PEERS, lighthouses=LIGHTHOUSES,
                        communications=COMMUNICATIONS, apps=apps,
                        budget=tuple(_format3_line(x) for x in plan.budget))
