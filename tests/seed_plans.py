"""Two plans told after the rollouts the product learns from: one that failed and one that succeeded.

Harbor City bought tablets for 40% of its students with bond money before it had a
vision, teacher training or a network to carry them: the devices arrive in August,
an acceptable-use video and a one-hour briefing for principals follow, and the
network upgrade comes two years later. The curriculum licences are renewed on the
same one-time bond (a fiscal cliff when it is spent), the keyboards are counted on
E-Rate, which never pays for them, and nothing is set aside to repair, support or
replace the tablets.

Lakeside County (about 37,000 students) trained its leaders and teachers and
upgraded internet, WAN and Wi-Fi in its first fiscal year, tested three models in
six classrooms, then bought 12,500 low-cost Chromebooks (25 times its fleet) in
the second year and hired a contractor to distribute them. E-Rate pays 60% of its
internet circuits (Category 1) and Wi-Fi (Category 2), the general fund the local
match; it budgets repairs, a replacement reserve and a technician per 1,000
devices. Its team holds itself to an interim network target, so the long-term
reference remains advice. The board adopts the plan in May, the district posts it
and its approved apps, holds family nights in English and Spanish before the
Chromebooks arrive and reports on progress every year.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from plan_builders import amounts

from summit_app.plan import model
from summit_app.plan.content import Content

_Line = model.BudgetLine
_Activity = model.LearningActivity


def _members(*roles: str) -> tuple[model.TeamMember, ...]:
    return tuple(model.TeamMember(f"member-{i}", f"Member {i}", role, role.replace("-", " ").capitalize())
                 for i, role in enumerate(roles, 1))


# --- the failed tablet rollout --------------------------------------------------------------------------------

TABLETS = "goal-tablets"


def failed_tablet_rollout() -> model.Plan:
    """Harbor City Unified: $46 million of bond-funded tablets before vision, training and network."""
    return model.Plan(
        district=model.District("Harbor City Unified School District", "California", 150_000, 220, 18_000, 7_500,
                                "Los Angeles", date(2026, 3, 10), 2027, 3, erate_discount_percent=80),
        members=_members("superintendent", "technology-director", "board-member"),
        goals=(model.Goal(TABLETS, "A tablet for every student", gear="infrastructure",
                          measure="Tablets distributed to students", owner="Chief technology officer",
                          due_date=date(2029, 6, 30)),),
        learning=(
            _Activity("pd-aup", "Acceptable use video", "online-course", "teachers", 7_500, Decimal("0.50"),
                      "online", date(2026, 9, 15), date(2026, 10, 15), (TABLETS,), "compliance"),
            _Activity("pd-briefing", "Principals' tablet briefing", "workshop", "principals", 220, Decimal("1.00"),
                      "in-person", date(2026, 8, 25), date(2026, 8, 25), (TABLETS,)),
        ),
        devices=(model.DeviceFleet("fleet-desktops", "desktop", "shared", 30_000, 7, 0),),
        network=model.Network(internet_mbps=10_000, wan_mbps=1_000, wifi_coverage_percent=55),
        upgrades=(model.NetworkUpgrade("up-network", "Internet, WAN and Wi-Fi upgrade", date(2028, 7, 1), 100_000,
                                       10_000, 100, ("line-network",)),),
        funding=(model.FundingSource("src-bond", "Facilities bond, measure Q", "capital-bond", False,
                                     amounts("46536000", "3000000", "12000000")),
                 model.FundingSource("src-erate", "E-Rate", "e-rate", True, amounts("1824000", "0", "0"))),
        budget=(
            _Line("line-tablets", "Tablets with curriculum software", "devices", TABLETS, False, Decimal("768.00"),
                  60_000, 2027, 2027, "src-bond", device_type="tablet", delivery_date=date(2026, 8, 20)),
            # The curriculum's licences run out after the first year: renewing them on the bond is a fiscal cliff.
            _Line("line-licences", "Curriculum licence renewals", "software", TABLETS, True, Decimal("50.00"),
                  60_000, 2028, 2029, "src-bond"),
            _Line("line-network", "Internet, WAN and Wi-Fi upgrade", "network", TABLETS, False,
                  Decimal("9000000.00"), 1, 2029, 2029, "src-bond"),
            # Counted on E-Rate, which never pays for end-user devices' cases and keyboards.
            _Line("line-keyboards", "Tablet keyboards", "devices", TABLETS, False, Decimal("38.00"), 60_000,
                  2027, 2027, "src-erate", delivery_date=date(2026, 8, 20), erate_category="category-2",
                  match_source_id="src-bond"),
        ),
        milestones=(
            model.Milestone("milestone-bond", "Board approves the tablet purchase", date(2026, 6, 2), "Board",
                            "done", (TABLETS,), "board"),
            model.Milestone("milestone-tablets", "Tablets in every classroom", date(2026, 9, 30), "Chief technology "
                            "officer", "not-started", (TABLETS,)),
        ),
    )


# --- the successful Chromebook rollout ------------------------------------------------------------------------

LEARNING = "goal-learning"
ACCESS = "goal-access"
BOTH = (LEARNING, ACCESS)
PILOT_DELIVERY = date(2027, 1, 19)
ROLLOUT_DELIVERY = date(2027, 8, 2)


def _lakeside_goals() -> tuple[model.Goal, ...]:
    return (
        model.Goal(LEARNING, "Students create with technology every week", gear="cia",
                   measure="Students creating with technology in classroom walkthroughs",
                   baseline="18% of walkthroughs (fall 2025)", target="60% of walkthroughs",
                   owner="Chief academic officer", due_date=date(2029, 6, 30), priority=1),
        model.Goal(ACCESS, "A reliable device in every class for grades 6–12", gear="infrastructure",
                   measure="Students in grades 6–12 who can use a working device in every class",
                   baseline="30%", target="100%", owner="Chief technology officer", due_date=date(2028, 6, 30),
                   priority=2),
    )


def _lakeside_learning() -> tuple[model.LearningActivity, ...]:
    return (
        _Activity("pd-cohort", "Instructional leadership cohort: three-day institute", "leadership-cohort",
                  "principals", 96, Decimal("21.00"), "in-person", date(2026, 7, 27), date(2026, 7, 29), BOTH),
        _Activity("pd-pilot", "Pilot classroom teachers: teaching with three models", "coaching", "teachers", 30,
                  Decimal("12.00"), "in-person", date(2026, 8, 24), date(2026, 12, 11), (ACCESS,)),
        _Activity("pd-network", "Teacher leader network (10 sessions)", "teacher-leader-network", "teachers", 96,
                  Decimal("25.00"), "in-person", date(2026, 9, 12), date(2027, 5, 15), BOTH),
        _Activity("pd-core", "Core pathway: teaching with Chromebooks", "workshop", "teachers", 800,
                  Decimal("16.00"), "blended", date(2026, 10, 1), date(2027, 6, 11), BOTH),
        _Activity("pd-aup", "Acceptable use and data privacy", "online-course", "all-staff", 4_300, Decimal("0.50"),
                  "online", date(2026, 8, 10), date(2026, 9, 30), BOTH, "compliance"),
    )


def _lakeside_budget() -> tuple[model.BudgetLine, ...]:
    return (
        _Line("line-internet", "Internet circuits and fibre WAN", "network", ACCESS, True, Decimal("400000.00"), 1,
              2027, 2029, "src-erate", erate_category="category-1", match_source_id="src-general"),
        _Line("line-wifi", "Classroom Wi-Fi: access points and switches", "network", ACCESS, False,
              Decimal("2000000.00"), 1, 2027, 2027, "src-erate", erate_category="category-2",
              match_source_id="src-general"),
        _Line("line-pilot", "Pilot: three Chromebook models, six classrooms", "devices", ACCESS, False,
              Decimal("260.00"), 90, 2027, 2027, "src-general", device_type="chromebook",
              delivery_date=PILOT_DELIVERY, pilot=True, accessibility_report="on-file"),
        _Line("line-chromebooks", "Chromebooks for grades 6–12", "devices", ACCESS, False, Decimal("249.00"),
              12_500, 2028, 2028, "src-general", device_type="chromebook", delivery_date=ROLLOUT_DELIVERY,
              accessibility_report="on-file"),
        _Line("line-distribution", "Distribution contractor: imaging, asset tags, delivery to 48 schools",
              "services", ACCESS, False, Decimal("180000.00"), 1, 2028, 2028, "src-general"),
        _Line("line-lms", "Learning management system", "software", LEARNING, True, Decimal("4.00"), 37_000,
              2027, 2029, "src-general", "app-lms"),
        _Line("line-coaching", "Coaching and teacher leader stipends", "professional-learning", LEARNING, True,
              Decimal("350000.00"), 1, 2027, 2029, "src-general"),
        _Line("line-repairs", "Repairs and spare parts", "repairs", ACCESS, True, Decimal("12.00"), 13_100,
              2027, 2029, "src-general"),
        _Line("line-technicians", "Support technicians (5 FTE added)", "support-staff", ACCESS, True,
              Decimal("72000.00"), 5, 2028, 2029, "src-general"),
        _Line("line-reserve", "Chromebook replacement reserve", "device-replacement", ACCESS, True,
              Decimal("820000.00"), 1, 2029, 2029, "src-general"),
    )


def _lakeside_communications() -> tuple[model.Communication, ...]:
    talk = model.Communication
    both = "English, Spanish"
    return (
        talk("talk-adoption", "board-adoption", ("board", "community"), "The board adopts the plan.", "board-meeting",
             both, date(2026, 5, 12), "Superintendent"),
        talk("talk-plan", "plan-posting", ("families", "community"), "The adopted plan.", "website", both,
             date(2026, 5, 19), "Chief technology officer"),
        talk("talk-apps", "app-list-posting", ("families",), "The approved apps.", "website", both,
             date(2026, 8, 3), "Chief technology officer"),
        talk("talk-families", "family-session", ("families", "students"), "Before the Chromebooks arrive.",
             "family-meeting", both, date(2027, 5, 4), "Chief academic officer"),
        *(talk(f"talk-report-{year}", "progress-report", ("board", "community"), "Progress on the goals.",
               "board-meeting", both, date(year, 8, 17), "Superintendent") for year in (2027, 2028, 2029)),
    )


def successful_rollout(content: Content) -> model.Plan:
    """Lakeside County Schools: network and training first, a pilot, then 12,500 Chromebooks in one year."""
    return model.Plan(
        district=model.District("Lakeside County Schools", "North Carolina", 37_000, 48, 4_300, 2_100, "Raleigh",
                                date(2026, 3, 10), 2027, 3, erate_discount_percent=60),
        vision=model.Vision("Every Lakeside student investigates, creates and shares work that matters."),
        members=_members("superintendent", "technology-director", "finance-officer", "curriculum-director",
                         "pd-director", "principal", "teacher-leader", "parent-partner"),
        goals=_lakeside_goals(),
        learning=_lakeside_learning(),
        devices=(model.DeviceFleet("fleet-chromebooks", "chromebook", "students", 500, 3, 4),),
        network=model.Network(internet_mbps=3_000, wan_mbps=1_000, wifi_coverage_percent=45,
                              target_mbps_per_1000=250, support_technicians=14, cipa_in_place=True),
        upgrades=(model.NetworkUpgrade("up-network", "Internet circuits, fibre WAN and classroom Wi-Fi",
                                       date(2026, 12, 14), 12_000, 10_000, 100, ("line-internet", "line-wifi")),),
        readiness=tuple(model.ReadinessRating(e.id, 6) for e in content.elements()),
        apps=(model.AppEntry("app-lms", "Clearpath LMS", "Clearpath Learning", "Coursework", ("students", "staff"),
                             ("student-name", "student-work"), "signed", date(2026, 4, 1), "school-consent",
                             "Deleted within 60 days of contract end", "approved",
                             accessibility_report="on-file"),),
        communications=_lakeside_communications(),
        approval=model.Approval("Superintendent", "Superintendent", "Board chair", "Chief technology officer",
                                date(2026, 5, 12)),
        funding=(model.FundingSource("src-general", "General fund", "general-fund", True,
                                     amounts("1900000", "4500000", "2200000")),
                 model.FundingSource("src-erate", "E-Rate discounts", "e-rate", True,
                                     amounts("1440000", "240000", "240000"))),
        budget=_lakeside_budget(),
        milestones=(
            model.Milestone("milestone-board", "Board adopts the plan", date(2026, 5, 12), "Superintendent",
                            "done", BOTH, "board"),
            model.Milestone("milestone-pilot", "Three models tested in six classrooms; model chosen",
                            date(2027, 2, 26), "Chief technology officer", "not-started", (ACCESS,), "pilot"),
            model.Milestone("milestone-rollout", "Chromebooks distributed by the contractor", date(2027, 8, 20),
                            "Chief technology officer", "not-started", (ACCESS,)),
            model.Milestone("milestone-review", "First progress review with the board", date(2027, 11, 16),
                            "Superintendent", "not-started", BOTH, "review"),
        ),
    )


# --- a region for suggested peers ------------------------------------------------------------------------------

#: A district name no other text holds: a test looks for it anywhere in an output. It never opts in.
UNLISTED = "Wrenfold Quarry Schools"
#: name, enrollment, low-income %, consensus score on every element, gear scored two higher, opted in.
PEER_REGION = (
    ("Alder Creek Unified", 12_000, 40, 5, "infrastructure", True),
    ("Birchmont Schools", 13_000, 43, 5, "infrastructure", True),
    (UNLISTED, 12_500, 42, 5, "infrastructure", False),
    ("Cedar Hollow District", 11_500, 38, 6, "infrastructure", False),
    ("Dunmore Valley Schools", 60_000, 80, 9, "", True),  # alike to none
    ("Elmstead Public", 0, 41, 5, "infrastructure", False),  # no enrollment: compared on the rest
    ("Foxglen Schools", 0, 0, None, "", True),  # nothing to compare
)


def peer_region(content: Content) -> list[model.Plan]:
    """Seven districts whose likeness and opt-ins are known: see ``PEER_REGION``."""
    from summit_app.plan.samples import small_plan

    plans = []
    for seed, (name, enrollment, low_income, score, strong, opted_in) in enumerate(PEER_REGION):
        plan = small_plan(seed, name)
        district = dataclasses.replace(plan.district, enrollment=enrollment, low_income_percent=low_income,
                                       peer_matching=opted_in)
        ratings = () if score is None else tuple(
            model.ReadinessRating(e.id, score + 2 if gear.id == strong else score)
            for gear in content.gears for e in gear.elements)
        plans.append(plan.replace(district=district, readiness=ratings))
    return plans
