"""Accessibility: WCAG 2.1 AA conformance reports for what students use and what the district buys, and the
ADA Title II deadline for the web content and documents the district posts.

A student who uses a screen reader or a switch is shut out of an app or a device
that was never checked; a report on file before the purchase is the check. The
findings summarise (how many, which) rather than list one per app.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts, day_text, end_of_month, listing, quote
from summit_app.plan.checks.findings import ADVICE, WARNING, Finding
from summit_app.plan.equity import needs_accessibility_report, wcag_deadlines

#: Reports that are on file (with gaps or without): anything else is not recorded, requested, or missing.
ON_FILE = frozenset({"on-file", "gaps"})
STUDENTS = "students"
#: How many items a summary names before it says "and N more", and the longest name it quotes in full.
NAMED = 5
NAME_CHARACTERS = 60
#: A timeline entry about this work names it.
_ACCESSIBILITY_WORK = re.compile(r"accessib|wcag", re.IGNORECASE)


def _short(name: str) -> str:
    """A name cut to ``NAME_CHARACTERS`` for a summary (a line's whole description belongs on the line)."""
    name = " ".join(name.split())
    return name if len(name) <= NAME_CHARACTERS else name[:NAME_CHARACTERS - 1].rstrip() + "…"


def _named(names: list[str]) -> str:
    """Up to ``NAMED`` names in quotes, shortened, then how many more."""
    shown = [quote(_short(n), "item") for n in names[:NAMED]]
    rest = len(names) - len(shown)
    return listing([*shown, f"{rest} more"] if rest else shown, "and")


def _unreported_apps(facts: Facts) -> list[model.AppEntry]:
    return [a for a in facts.approved_apps if STUDENTS in a.audience and a.accessibility_report not in ON_FILE]


def apps_without_accessibility_report(facts: Facts) -> Iterator[Finding]:
    """Approved apps students use should have a WCAG 2.1 AA conformance report on file."""
    apps = _unreported_apps(facts)
    if not apps:
        return
    count = len(apps)
    have = f"{count} approved app students use has" if count == 1 else f"{count} approved apps students use have"
    yield Finding("apps-no-accessibility-report", WARNING, "privacy", None, None,
                  f"{have} no accessibility conformance report on file: {_named([a.name for a in apps])}. "
                  "Without one nobody knows whether a student who relies on a screen reader, captions or a "
                  "keyboard can use them.",
                  "Ask each vendor for its accessibility conformance report (WCAG 2.1 AA) and record it in the "
                  "privacy inventory; where a report shows gaps, agree a workaround before teachers assign the app.")


def _line_unreported(facts: Facts, line: model.BudgetLine, named_apps: set[str]) -> bool:
    """A device or software line with no report on file, neither its own nor its app's (an app already named in the
    apps' finding is not named again)."""
    if not needs_accessibility_report(line, facts.content, facts.role(line)):
        return False
    app = facts.apps.get(line.app_id or "")
    if app is not None and (app.accessibility_report in ON_FILE or app.id in named_apps):
        return False
    return line.accessibility_report not in ON_FILE


def lines_without_accessibility_report(facts: Facts) -> Iterator[Finding]:
    """Accessibility belongs in the purchase: a report on file before the district buys devices or software."""
    named_apps = {a.id for a in _unreported_apps(facts)}
    lines = [line for line in facts.plan.budget if _line_unreported(facts, line, named_apps)]
    if not lines:
        return
    count = len(lines)
    have = "budget line for devices or software has" if count == 1 else "budget lines for devices or software have"
    yield Finding("lines-no-accessibility-report", ADVICE, "budget", None, None,
                  f"{count} {have} no accessibility conformance report on file: "
                  f"{_named([line.description for line in lines])}. Buying first and checking later can mean "
                  "buying twice, or leaving out the students and staff who use assistive technology.",
                  "Make a WCAG 2.1 AA conformance report, and compatibility with the assistive technology your "
                  "students use, part of each bid, and record it on the line.")


def _deadlines(facts: Facts) -> str:
    """"April 2027 for 50,000 people or more, April 2028 for fewer than 50,000 people"."""
    return listing(wcag_deadlines(facts.content), "and")


def _checked_by(plan: model.Plan, deadline: date) -> bool:
    """Does a dated milestone or goal action on or before ``deadline`` name accessibility or WCAG?"""
    entries = [(m.title, m.due_date) for m in plan.milestones] + [(a.text, a.due_date) for a in plan.actions]
    return any(day and day <= deadline and _ACCESSIBILITY_WORK.search(text) for text, day in entries)


def ada_title_ii_deadline(facts: Facts) -> Iterator[Finding]:
    """The ADA Title II rule: a public entity's web content and posted documents meet WCAG 2.1 AA by its deadline,
    which depends on the population it serves."""
    plan = facts.plan
    if not plan.goals:  # nothing to post yet
        return
    size = plan.equity.public_entity_size
    if not size:
        yield Finding("ada-title-ii-deadline", ADVICE, "infrastructure", None, None,
                      "The plan does not say how many people the district serves, which sets when its website and "
                      f"the documents it posts must meet WCAG 2.1 AA under the ADA Title II rule: {_deadlines(facts)}.",
                      "Choose the population the district serves under Home access and accessibility.")
        return
    entry = next((e for e in facts.content.vocabulary("public_entity_sizes") if e.id == size), None)
    deadline_text = str(entry.get("wcag_deadline", "")) if entry else ""
    deadline = end_of_month(deadline_text)
    if entry is None or deadline is None or _checked_by(plan, deadline):
        return
    yield Finding("ada-title-ii-deadline", ADVICE, "infrastructure", None, None,
                  f"The district serves {entry.name[:1].lower()}{entry.name[1:]}, so under the ADA Title II rule its "
                  f"website and the documents it posts, this plan among them, must meet WCAG 2.1 AA by "
                  f"{deadline_text}; nothing on the timeline checks them before then.",
                  f"Add a milestone on or before {day_text(deadline)} to check the website, the posted plan and the "
                  "approved-app list against WCAG 2.1 AA, naming accessibility in its title, with an owner.")
