"""E-Rate lines: eligible, in a category, with a local match, within the Category 2 budget, and CIPA in place.

E-Rate discounts internet access and the WAN (Category 1) and internal
connections (Category 2); it never pays for end-user devices, hotspots or
backup circuits, and it pays only a share: the district pays the rest. The
split itself is ``plan/erate.py``; these rules say where a plan counts on
E-Rate money it will not get.
"""

from __future__ import annotations

from collections.abc import Iterator

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts, capital, quote
from summit_app.plan.checks.findings import BLOCKING, WARNING, Finding
from summit_app.plan.erate import category2_budget, funding_year, funding_year_label
from summit_app.plan.money import format_money

#: What E-Rate refuses, by the role of the cost category (or the device type), in a reader's words.
_NOT_ELIGIBLE = {
    "devices": "end-user devices such as laptops, tablets and Chromebooks",
    "replacement": "end-user devices such as laptops, tablets and Chromebooks",
    "home-access": "hotspots and home internet (ineligible again since 30 September 2025)",
    "network-backup": "redundant or backup circuits",
}
_HOTSPOT = "hotspot"
_ELIGIBLE_WORK = "E-Rate discounts only internet access, the WAN and internal connections (Wi-Fi, switches, cabling)."


def _name(line: model.BudgetLine) -> str:
    return capital(quote(line.description, "budget line"))


def _when(line: model.BudgetLine) -> str:
    """The line's E-Rate years in the program's own terms."""
    years = line.years()
    if len(years) == 1:
        return f"in {funding_year_label(years[0])}"
    return (f"in funding years {funding_year(years[0])}–{funding_year(years[-1])} "
            f"(FY{years[0]}–FY{years[-1]})")


def _ineligible(facts: Facts, line: model.BudgetLine) -> str | None:
    """What makes ``line`` ineligible for E-Rate, in words, or ``None`` when nothing does."""
    if line.device_type == _HOTSPOT:
        return _NOT_ELIGIBLE["home-access"]
    if facts.erate_rules.get(line.category) != "ineligible":
        return None
    role = facts.role(line)
    return _NOT_ELIGIBLE.get(role, facts.content.name_of("cost_categories", line.category).lower())


def erate_ineligible(facts: Facts) -> Iterator[Finding]:
    """Charging ineligible costs to E-Rate counts on money the program will never pay."""
    for line, share in facts.erate_lines:
        what = _ineligible(facts, line)
        if what:
            yield Finding("erate-ineligible", BLOCKING, "budget", "budget", line.id,
                          f"{_name(line)} counts on E-Rate to pay {format_money(share.discount_per_year)} a year "
                          f"{_when(line)}, but E-Rate does not pay for {what}.",
                          f"Pay for it from another source. {_ELIGIBLE_WORK}")


def erate_not_covered(facts: Facts) -> Iterator[Finding]:
    """Costs E-Rate does not cover (software, training, staff) need another payer."""
    for line, _ in facts.erate_lines:
        if facts.erate_rules.get(line.category) == "not-covered" and not _ineligible(facts, line):
            category = facts.content.name_of("cost_categories", line.category).lower()
            yield Finding("erate-not-covered", WARNING, "budget", "budget", line.id,
                          f"{_name(line)} is charged to E-Rate, but E-Rate does not cover {category}.",
                          f"Pay for it from another source, or charge only its eligible part to E-Rate. "
                          f"{_ELIGIBLE_WORK}")


def _eligible(facts: Facts, line: model.BudgetLine) -> bool:
    return facts.erate_rules.get(line.category) == "eligible" and not _ineligible(facts, line)


def erate_no_category(facts: Facts) -> Iterator[Finding]:
    """A line must say which E-Rate category it falls in; without one it is counted as Category 2 (at most 85 %)."""
    for line, share in facts.erate_lines:
        if not line.erate_category and _eligible(facts, line):
            yield Finding("erate-no-category", WARNING, "budget", "budget", line.id,
                          f"{_name(line)} is charged to E-Rate but names no E-Rate category, so it is counted as "
                          f"Category 2: {share.rate_percent}% discount.",
                          "Choose Category 1 (internet access, the WAN) or Category 2 (internal connections).")


def erate_no_match(facts: Facts) -> Iterator[Finding]:
    """E-Rate pays a share; the district's local match must come from a named source."""
    for line, share in facts.erate_lines:
        if share.match_source_id is None and share.local_match_per_year > 0 and not _ineligible(facts, line):
            pays = (f"E-Rate pays {share.rate_percent}% of {quote(line.description, 'budget line')} "
                    f"({format_money(share.discount_per_year)} a year {_when(line)}); the district's "
                    if share.rate_percent else f"{_name(line)} is charged to E-Rate {_when(line)} at no discount; "
                    "the district's ")
            yield Finding("erate-no-match", WARNING, "budget", "budget", line.id,
                          f"{pays}{format_money(share.local_match_per_year)} a year local match has no source, so "
                          "it is unfunded.",
                          "Name the source that pays the local match (Local match from).")


def erate_category2_exceeded(facts: Facts) -> Iterator[Finding]:
    """Category 2 work over the district's five-year budget will not be discounted."""
    if not facts.erate_lines:
        return
    budget = category2_budget(facts.plan, facts.content)
    if budget is None or budget.left >= 0:
        return
    yield Finding("erate-category2-exceeded", WARNING, "budget", None, None,
                  f"The plan charges {format_money(budget.committed)} of Category 2 work (before discount) to "
                  f"E-Rate in funding years {budget.first_funding_year}–{budget.last_funding_year}, but the "
                  f"district's Category 2 budget for those years is {format_money(budget.total)}: "
                  f"{format_money(-budget.left)} over, which E-Rate will not discount.",
                  "Phase the rest of the work into the next budget cycle, or pay for it locally.")


def erate_no_discount(facts: Facts) -> Iterator[Finding]:
    """With no discount rate entered, every E-Rate line is paid in full by the district."""
    if facts.erate_lines and facts.plan.district.erate_discount_percent == 0:
        count = len(facts.erate_lines)
        yield Finding("erate-no-discount", WARNING, "district", None, None,
                      f"The plan charges {count:,} line{'s' if count != 1 else ''} to E-Rate, but the district's "
                      "E-Rate discount is 0%: E-Rate would pay nothing and the district all of it.",
                      "Enter the district's E-Rate discount (from its latest application) on District & team.")


def erate_without_cipa(facts: Facts) -> Iterator[Finding]:
    """No CIPA compliance, no E-Rate discount on internet access or internal connections."""
    if facts.erate_lines and not facts.plan.network.cipa_in_place:
        yield Finding("erate-without-cipa", WARNING, "infrastructure", None, None,
                      "The plan counts on E-Rate, but CIPA is not marked as in place: without an internet safety "
                      "policy, filtering and monitoring of minors online, and teaching online behaviour, the "
                      "district cannot receive the discount.",
                      "Put the CIPA policy, filter and monitoring in place (and tick it on Infrastructure & devices) "
                      "before the funding year starts.")
