"""A small, coherent plan built by hand, and helpers to break it one field at a time.

The checks and coverage tests start from this plan (it has no findings at all)
and change one thing to make exactly one rule speak.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from typing import Any

from summit_app.plan import model
from summit_app.plan.content import Content

GOAL = "goal-devices"
#: When the coherent plan's Chromebooks arrive: after the pilot and the teachers' training, in its first year.
DELIVERY = date(2027, 2, 15)
ZERO = Decimal("0.00")


def amounts(*values: str) -> tuple[Decimal, ...]:
    """A funding source's five yearly amounts from the first few."""
    given = tuple(Decimal(v) for v in values)
    return given + (ZERO,) * (model.MAX_PLAN_YEARS - len(given))


def _goal(content: Content) -> model.Goal:
    return model.Goal(
        GOAL, "Give every student a reliable device", "One device per student, after training.",
        gear="infrastructure", iste_conditions=tuple(e.id for e in content.vocabulary("iste_conditions")),
        erate_elements=tuple(e.id for e in content.vocabulary("erate_elements")),
        measure="Students with a working device", baseline="40%", target="100%", owner="Dana Cole",
        due_date=date(2029, 6, 30), priority=1)


def _learning() -> tuple[model.LearningActivity, ...]:
    return (
        model.LearningActivity("pd-leaders", "Leadership institute", "leadership-cohort", "principals", 10,
                               Decimal("21.00"), "in-person", date(2026, 8, 4), date(2026, 8, 6), (GOAL,)),
        model.LearningActivity("pd-teachers", "Teaching with Chromebooks", "workshop", "teachers", 200,
                               Decimal("6.00"), "blended", date(2026, 8, 10), date(2027, 1, 29), (GOAL,)),
    )


def _budget() -> tuple[model.BudgetLine, ...]:
    line = model.BudgetLine
    return (
        line("line-devices", "Student Chromebooks", "devices", GOAL, False, Decimal("300.00"), 1000,
             2027, 2027, "src-general", device_type="chromebook", delivery_date=DELIVERY,
             accessibility_report="on-file"),
        line("line-lms", "Learning management system", "software", GOAL, True, Decimal("5.00"), 3000,
             2027, 2029, "src-general", "app-lms"),
        line("line-repairs", "Repairs and spare parts", "repairs", GOAL, True, Decimal("40000.00"), 1,
             2027, 2029, "src-general"),
        line("line-coaching", "Coaching stipends", "professional-learning", GOAL, False, Decimal("1000.00"), 40,
             2027, 2027, "src-grant"),
        # The $300,000 a year that 4,000 Chromebooks at $300 on a 4-year cycle need.
        line("line-reserve", "Chromebook replacement reserve", "device-replacement", GOAL, True,
             Decimal("300000.00"), 1, 2028, 2029, "src-general", device_type="chromebook"),
    )


def _communications() -> tuple[model.Communication, ...]:
    """Adopted before its first year, posted with the app list, explained to families, reported on every year."""
    talk = model.Communication
    return (
        talk("talk-adoption", "board-adoption", ("board", "community"), "The board adopts the plan.", "board-meeting",
             "English", date(2026, 5, 14), "Dana Cole"),
        talk("talk-posting", "plan-posting", ("families", "community"), "The adopted plan, as an accessible PDF.",
             "website", "English, Spanish", date(2026, 5, 21), "Sam Ortiz"),
        talk("talk-apps", "app-list-posting", ("families",), "The apps students use and the data they keep.",
             "website", "English, Spanish", date(2026, 8, 17), "Sam Ortiz"),
        talk("talk-families", "family-session", ("families",), "Why Chromebooks, and how we protect your child.",
             "family-meeting", "English, Spanish", date(2026, 9, 15), "Omar Diaz"),
        *(talk(f"talk-report-{year}", "progress-report", ("board", "families", "community"),
               "Where the goal stands against its target.", "board-meeting", "English, Spanish",
               date(year, 6, 10), "Dana Cole") for year in (2027, 2028, 2029)),
    )


def _equity() -> model.Equity:
    """Devices stay at school; 60 students' needs are planned with the special education team."""
    return model.Equity(no_home_internet_percent=8, take_home="stay-at-school",
                        assistive_students=60, assistive_plan="Chosen with each student's IEP or 504 team.",
                        public_entity_size="under-50000")


def coherent_plan(content: Content) -> model.Plan:
    """Pine Ridge: 3,000 students, three years, 1,000 more Chromebooks with training, network and upkeep behind them.

    Leaders learn first (a 21-hour institute), teachers' training ends before the
    Chromebooks arrive (18 hours for each of the 67 teachers they serve), the network
    meets the long-term reference. The 4,000 devices then in service have their
    upkeep budgeted: a replacement reserve of $300,000 a year (4,000 × $300 ÷ 4),
    repairs of $10 a device a year and four technicians. A pilot comes before the
    purchase and a progress review before the plan's midpoint; the team has
    finance, a teacher leader and a parent. The board adopts the plan before its first
    year and hears a progress report every June; the Chromebooks and the LMS have
    accessibility reports on file and the website is checked before the ADA Title II
    deadline; the team visits a peer district.
    """
    return model.Plan(
        district=model.District("Pine Ridge School District", "Oregon", 3000, 5, 400, 200, "Bend",
                                date(2026, 3, 10), 2027, 3),
        vision=model.Vision("Every student creates, investigates and shares work with purpose."),
        network=model.Network(internet_mbps=4000, wan_mbps=10000, wifi_coverage_percent=100, support_technicians=4),
        approval=model.Approval("Dana Cole", "Superintendent", "Lee Hart", "Sam Ortiz", date(2026, 5, 14)),
        members=(model.TeamMember("member-1", "Dana Cole", "superintendent", "Superintendent"),
                 model.TeamMember("member-2", "Ray Ito", "finance-officer", "Business manager"),
                 model.TeamMember("member-3", "Mia Chen", "teacher-leader", "Grade 5 teacher"),
                 model.TeamMember("member-4", "Omar Diaz", "parent-partner", "PTA president")),
        readiness=tuple(model.ReadinessRating(e.id, 6) for e in content.elements()),
        goals=(_goal(content),),
        learning=_learning(),
        apps=(model.AppEntry("app-lms", "Clearpath LMS", "Clearpath Learning", "Coursework", ("students", "staff"),
                             ("student-name", "student-work"), "signed", date(2025, 6, 1), "school-consent",
                             "Deleted within 60 days of contract end", "approved",
                             accessibility_report="on-file"),),
        devices=(model.DeviceFleet("fleet-chromebooks", "chromebook", "students", 3000, 1, 4),),
        funding=(model.FundingSource("src-general", "General fund", "general-fund", True,
                                     amounts("400000", "400000", "400000")),
                 model.FundingSource("src-grant", "State grant", "state-grant", False, amounts("50000"))),
        budget=_budget(),
        milestones=(model.Milestone("milestone-1", "Devices in students' hands", date(2027, 3, 1), "Dana Cole",
                                    "not-started", (GOAL,)),
                    model.Milestone("milestone-pilot", "Two classrooms test three models", date(2026, 11, 16),
                                    "Sam Ortiz", "not-started", (GOAL,), "pilot"),
                    model.Milestone("milestone-review", "Progress review with the board", date(2027, 6, 10),
                                    "Dana Cole", "not-started", (GOAL,), "review")),
        actions=(model.GoalAction("action-wcag", GOAL, "Check the website and the posted plan for accessibility "
                                  "(WCAG 2.1 AA)", "Sam Ortiz", date(2028, 1, 31)),),
        equity=_equity(),
        communications=_communications(),
        peers=(model.PeerDistrict("peer-juniper", "Juniper Falls School District", "Oregon", 3400, 41,
                                  ("enrollment", "low-income"), "learn-from", date(2026, 10, 6), "Dana Cole, Mia Chen",
                                  "Their teacher-led Chromebook help desk."),),
    )


def change(plan: model.Plan, collection: str, item_id: str, **changes: Any) -> model.Plan:
    """``plan`` with one item of ``collection`` changed."""
    items = tuple(dataclasses.replace(it, **changes) if it.id == item_id else it for it in getattr(plan, collection))
    return plan.replace(**{collection: items})


def change_one(plan: model.Plan, singleton: str, **changes: Any) -> model.Plan:
    """``plan`` with a singleton record (district, network…) changed."""
    return plan.replace(**{singleton: dataclasses.replace(getattr(plan, singleton), **changes)})


def without(plan: model.Plan, collection: str, *item_ids: str) -> model.Plan:
    return plan.replace(**{collection: tuple(it for it in getattr(plan, collection) if it.id not in item_ids)})
