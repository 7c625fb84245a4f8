"""Home access and accessibility: what the budget already pays for home internet, and the ADA deadline.

A take-home policy is only as good as the internet at home: the team sees, next
to its hotspot plan, how many budget lines pay for hotspots and home internet
and what they cost each fiscal year (E-Rate no longer pays for hotspots, so
these lines need the district's own money). The population the district serves
sets when its posted documents and web content must meet WCAG 2.1 AA under the
ADA Title II rule (content: the ``public_entity_sizes`` vocabulary). Devices
and software are what students use, so their vendors' accessibility
conformance reports are recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from summit_app.plan import model
from summit_app.plan.budget import ZERO, line_cost
from summit_app.plan.content import Content
from summit_app.plan.inventory import SOFTWARE, cost_role
from summit_app.plan.rollout import is_device_line

#: The cost-category role of lines that pay for hotspots and home internet.
HOME_ACCESS = "home-access"


@dataclass(frozen=True)
class HomeAccessBudget:
    """The budget lines for hotspots and home internet: how many, their cost by fiscal year, how many lack a source."""

    lines: int
    by_year: dict[int, Decimal]
    unfunded: int  # lines that name no funding source

    @property
    def total(self) -> Decimal:
        return sum(self.by_year.values(), ZERO)


def home_access_lines(plan: model.Plan, content: Content) -> list[model.BudgetLine]:
    """Lines whose cost category has the home-access role."""
    return [line for line in plan.budget if cost_role(line.category, content) == HOME_ACCESS]


def home_access_budget(plan: model.Plan, content: Content) -> HomeAccessBudget:
    """What the plan's budget holds for home access in each of its fiscal years."""
    lines = home_access_lines(plan, content)
    by_year = {year: sum((line_cost(line, year) for line in lines), ZERO) for year in plan.fiscal_years()}
    unfunded = sum(1 for line in lines if not line.funding_source_id)
    return HomeAccessBudget(len(lines), by_year, unfunded)


def wcag_deadline(equity: model.Equity, content: Content) -> str:
    """When the district's posted documents and web content must meet WCAG 2.1 AA ("" until the size is chosen)."""
    entry = next((e for e in content.vocabulary("public_entity_sizes") if e.id == equity.public_entity_size), None)
    return str(entry.get("wcag_deadline", "")) if entry is not None else ""


def wcag_deadlines(content: Content) -> list[str]:
    """Each population size's deadline in words, e.g. "April 2027 for 50,000 people or more" (for a plan that has
    not chosen its size yet)."""
    return [f"{e.get('wcag_deadline')} for {e.name[:1].lower()}{e.name[1:]}"
            for e in content.vocabulary("public_entity_sizes")]


def devices_go_home(equity: model.Equity, content: Content) -> bool:
    """Does the take-home policy send devices home (so home internet matters)?"""
    return any(e.id == equity.take_home and e.get("goes_home") for e in content.vocabulary("take_home_policies"))


def home_access_unfunded(plan: model.Plan, funding: HomeAccessBudget, content: Content) -> bool:
    """Devices go home, some students have no internet there, and no budget line pays for any."""
    equity = plan.equity
    return not funding.lines and devices_go_home(equity, content) and equity.no_home_internet_percent > 0


def needs_accessibility_report(line: model.BudgetLine, content: Content, role: str | None = None) -> bool:
    """Device and software purchases: what students and staff use, so what must work with assistive technology.

    ``role``: the line's cost-category role, when the caller has it already (the checks do, for every line).
    """
    role = cost_role(line.category, content) if role is None else role
    return is_device_line(line, role) or role == SOFTWARE  # SOFTWARE: what ``is_software_line`` asks
