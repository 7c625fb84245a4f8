"""Home access and assistive technology: a device that goes home needs a connection there, and students with IEP or
504 technology needs need a plan for their devices.

E-Rate does not pay for hotspots (``erate.py`` blocks a home-access line charged
to it); these rules ask only whether home access is budgeted at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from summit_app.plan import equity as access
from summit_app.plan.checks.facts import Facts
from summit_app.plan.checks.findings import WARNING, Finding


def _students(percent: int, enrollment: int) -> str:
    """"8% of students (about 240)"."""
    about = f" (about {enrollment * percent // 100:,})" if enrollment else ""
    return f"{percent}% of students{about}"


def home_access_unfunded(facts: Facts) -> Iterator[Finding]:
    """Devices that go home to students with no internet there do half their job."""
    equity = facts.plan.equity
    if not access.home_access_unfunded(facts.plan, access.home_access_budget(facts.plan, facts.content),
                                       facts.content):
        return
    policy = facts.content.name_of("take_home_policies", equity.take_home)
    yield Finding("home-access-unfunded", WARNING, "infrastructure", None, None,
                  f"{_students(equity.no_home_internet_percent, facts.plan.district.enrollment)} have no reliable "
                  f"internet at home and the plan sends devices home (“{policy}”), but no budget line pays for "
                  "hotspots or home internet: homework that needs a connection widens the gap it meant to close.",
                  "Add a budget line under Hotspots and home internet, paid from a source other than E-Rate (which "
                  "no longer pays for hotspots), or accept this finding with the arrangement that connects these "
                  "students.")


def assistive_without_plan(facts: Facts) -> Iterator[Finding]:
    """Students who use assistive technology need devices chosen with them in mind, not an afterthought."""
    equity = facts.plan.equity
    if equity.assistive_students <= 0 or equity.assistive_plan.strip():
        return
    count = equity.assistive_students
    yield Finding("assistive-no-plan", WARNING, "infrastructure", None, None,
                  f"{count:,} student{'s have' if count != 1 else ' has'} IEP or 504 technology needs, but the plan "
                  "does not say how their devices and assistive technology are chosen, bought and supported: a "
                  "device bought for everyone may not work with the screen reader, switch or speech tool a student "
                  "relies on.",
                  "With the special education team, describe under Home access and accessibility which devices and "
                  "assistive technology these students get, who supports them, and when.")
