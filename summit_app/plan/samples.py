"""Generated plans for benchmarks and tests, and the shipped demo plan.

Generated plans are deterministic for a seed and obey every domain rule. Their
budgets are also consistent the way a finished plan should be: software lines
point at apps with signed agreements, recurring lines sit on recurring sources,
and every source covers the lines it funds in every year.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal

from summit_app.plan import model
from summit_app.plan.content import Content, load_content
from summit_app.plan.interchange import plan_from_json
from summit_app.resources import read_text

_WORDS = ("digital", "learning", "network", "student", "teacher", "literacy", "data", "family",
          "science", "math", "access", "coaching", "privacy", "design", "reading", "support")
_FIRST = ("Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Imani", "Jonas", "Kira", "Luis")
_LAST = ("Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jones", "Khan", "Lopez")
#: (kind, recurring) of the funding sources every generated plan has.
_SOURCES = (("general-fund", True), ("e-rate", True), ("title-iv-a", True), ("title-ii-a", True),
            ("state-grant", False))


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize()


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    """A random amount from ``low`` to ``high`` whole units, in cents."""
    return Decimal(rng.randrange(low * 100, high * 100 + 1)).scaleb(-2)


def _day(rng: random.Random, first_fiscal_year: int, years: int) -> date:
    start = date(first_fiscal_year - 1, 7, 1)
    return start + timedelta(days=rng.randrange(365 * years))


def _pick(rng: random.Random, ids: list[str], low: int, high: int) -> tuple[str, ...]:
    return tuple(rng.sample(ids, rng.randint(min(low, len(ids)), min(high, len(ids)))))


def _ids(content: Content, vocabulary: str) -> list[str]:
    return [e.id for e in content.vocabulary(vocabulary)]


def _funding(lines: list[model.BudgetLine], years: list[int], content: Content) -> tuple[model.FundingSource, ...]:
    """Sources whose amounts cover, year by year, the lines each one funds (rounded up to 1,000)."""
    need: dict[str, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for line in lines:
        for year in line.years():
            need[line.funding_source_id or ""][year] += line.cost_per_year()
    out = []
    for kind, recurring in _SOURCES:
        amounts = [Decimal("0.00")] * model.MAX_PLAN_YEARS
        for i, year in enumerate(years):
            thousands = (need[kind][year] / 1000).to_integral_value(rounding=ROUND_CEILING)
            amounts[i] = (thousands * 1000 + (1000 if recurring else 0)).quantize(Decimal("0.01"))
        name = content.name_of("funding_kinds", kind)
        out.append(model.FundingSource(kind, name, kind, recurring, tuple(amounts)))
    return tuple(out)


def _generate(rng: random.Random, district_name: str, *, plan_years: int, members: int, goals: int,
              learning: int, apps: int, budget_lines: int, milestones: int) -> model.Plan:
    content = load_content()
    fy = 2027
    years = list(range(fy, fy + plan_years))
    enrollment = rng.randrange(2_000, 60_000)
    district = model.District(
        name=district_name, state="Oregon", enrollment=enrollment, schools=max(3, enrollment // 750),
        staff=enrollment // 8, teachers=enrollment // 17, summit_city="Portland",
        summit_date=date(2026, 3, rng.randint(2, 27)), first_fiscal_year=fy, plan_years=plan_years)
    roles = _ids(content, "roles")
    team = tuple(
        model.TeamMember(f"member-{i}", f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", roles[i % len(roles)],
                         _words(rng, 2), f"member{i}@district.example")
        for i in range(members))
    elements = [e.id for e in content.elements()]
    readiness = tuple(model.ReadinessRating(e, rng.randint(0, 10), _words(rng, 6), rng.random() < 0.5)
                      for e in elements)
    ratings = tuple(
        model.MemberRating(f"rating-{m.id}-{e}", e, m.id, rng.randint(0, 10)) for m in team for e in elements)
    gears, iste, erate = _ids(content, "gears"), _ids(content, "iste_conditions"), _ids(content, "erate_elements")
    goal_items = tuple(
        model.Goal(f"goal-{i}", _words(rng, 5), _words(rng, 12), rng.choice(gears), _pick(rng, iste, 1, 3),
                   _pick(rng, erate, 1, 2), _words(rng, 3), f"{rng.randint(5, 50)}%", f"{rng.randint(60, 100)}%",
                   rng.choice(team).name if team else "", _day(rng, fy, plan_years), i % 99 + 1)
        for i in range(goals))
    goal_ids = [g.id for g in goal_items]
    statuses = _ids(content, "statuses")
    actions = tuple(
        model.GoalAction(f"action-{g.id}-{j}", g.id, _words(rng, 6), g.owner, _day(rng, fy, plan_years),
                         rng.choice(statuses))
        for g in goal_items for j in range(2))
    activities = []
    for i in range(learning):
        start = _day(rng, fy, plan_years)
        activities.append(model.LearningActivity(
            f"learning-{i}", _words(rng, 4), rng.choice(_ids(content, "pd_components")),
            rng.choice(_ids(content, "pd_audiences")), rng.randint(5, 900), _money(rng, 1, 40),
            rng.choice(_ids(content, "pd_formats")), start, start + timedelta(days=rng.randrange(120)),
            _pick(rng, goal_ids, 1, 2)))
    categories = _ids(content, "data_categories")
    app_items = []
    for i in range(apps):
        signed = rng.random() < 0.8
        app_items.append(model.AppEntry(
            f"app-{i}", f"{_words(rng, 2)} {i}", f"{rng.choice(_LAST)} Learning", _words(rng, 4),
            _pick(rng, _ids(content, "app_audiences"), 1, 2), _pick(rng, categories, 1, 6),
            "signed" if signed else rng.choice(["none", "requested", "expired"]),
            _day(rng, fy - 2, 2) if signed else None, rng.choice(_ids(content, "consent_routes")),
            "Deleted within 60 days of contract end", "approved" if signed else rng.choice(["pending", "limited"])))
    signed_apps = [a.id for a in app_items if a.agreement_status == "signed"]
    practices = tuple(model.PracticeRating(p, rng.randint(1, 4), _words(rng, 5)) for p in _ids(content, "practices"))
    devices = tuple(
        model.DeviceFleet(f"devices-{t}", t, rng.choice(_ids(content, "device_users")), rng.randint(20, enrollment),
                          rng.randint(0, 6), rng.randint(3, 8))
        for t in ("chromebook", "laptop", "tablet", "interactive-display"))
    network = model.Network(
        internet_mbps=(enrollment // 1000 + 1) * 150, wan_mbps=10_000, wifi_coverage_percent=100,
        support_technicians=max(2, enrollment // 1500), notes=_words(rng, 10))
    lines = []
    cost_categories = [c for c in _ids(content, "cost_categories") if c != "software" or signed_apps]
    recurring_kinds = [k for k, r in _SOURCES if r]
    for i in range(budget_lines):
        category = rng.choice(cost_categories)
        recurring = rng.random() < 0.4
        first = rng.choice(years)
        lines.append(model.BudgetLine(
            f"line-{i}", _words(rng, 4), category, rng.choice(goal_ids) if goal_ids else None, recurring,
            _money(rng, 5, 5000), rng.randint(1, 200), first, rng.randint(first, years[-1]) if recurring else first,
            rng.choice(recurring_kinds if recurring else [k for k, _ in _SOURCES]),
            rng.choice(signed_apps) if category == "software" else None))
    steps = tuple(
        model.Milestone(f"milestone-{i}", _words(rng, 4), _day(rng, fy, plan_years), rng.choice(team).name,
                        rng.choice(statuses), _pick(rng, goal_ids, 1, 2))
        for i in range(milestones))
    return model.Plan(
        district=district, vision=model.Vision(_words(rng, 40)), network=network,
        approval=model.Approval(team[0].name, "Superintendent", f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                                team[min(3, members - 1)].name, date(2026, 6, 11)),
        members=team, readiness=readiness, member_ratings=ratings, goals=goal_items, actions=actions,
        learning=tuple(activities), apps=tuple(app_items), practices=practices, devices=devices,
        funding=_funding(lines, years, content), budget=tuple(lines), milestones=steps)


def large_plan(seed: int = 0, *, budget_lines: int = 1000, apps: int = 300, goals: int = 100,
               learning: int = 300) -> model.Plan:
    """A plan far larger than any real one (for benchmarks): 12 members, five years."""
    return _generate(random.Random(seed), f"Benchmark District {seed}", plan_years=5, members=12, goals=goals,
                     learning=learning, apps=apps, budget_lines=budget_lines, milestones=max(1, goals))


def small_plan(seed: int, district_name: str) -> model.Plan:
    """A plan of a realistic small size: 6 members, 4 goals, 3 years."""
    return _generate(random.Random(seed), district_name, plan_years=3, members=6, goals=4, learning=8,
                     apps=12, budget_lines=20, milestones=8)


def demo_plan() -> model.Plan:
    """The shipped demo plan (``resources/demo/demo-plan.json``)."""
    return plan_from_json(json.loads(read_text("demo", "demo-plan.json")), load_content())
