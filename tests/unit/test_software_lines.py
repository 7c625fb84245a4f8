"""What counts as software in the budget: the one rule the inventory coupling and the privacy checks read."""

from __future__ import annotations

from decimal import Decimal

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts
from summit_app.plan.content import Content
from summit_app.plan.inventory import cost_role, is_software_category, is_software_line


def _line(category: str) -> model.BudgetLine:
    return model.BudgetLine(id="b1", description="Canvas LMS licences", category=category, unit_cost=Decimal("9"))


def test_a_line_in_a_software_category_is_software(content: Content) -> None:
    assert is_software_line(_line("software"), content)
    assert not is_software_line(_line("devices"), content)
    assert not is_software_line(_line(""), content)  # no category yet
    assert not is_software_category("not-a-category", content)


def test_a_categorys_role_is_the_vocabularys_and_agrees_with_the_checks(content: Content) -> None:
    assert cost_role("device-replacement", content) == "replacement"
    facts = Facts(model.Plan(), content)
    for entry in content.vocabulary("cost_categories"):
        line = _line(entry.id)
        assert cost_role(entry.id, content) == facts.role(line)
        assert is_software_line(line, content) == (facts.role(line) == "software")
