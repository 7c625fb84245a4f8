"""Which privacy-inventory entry a budget line is most likely about.

"Canvas LMS licences" in the budget and "Canvas LMS" in the inventory are the
same app: when a line becomes software, the app offers to link the entry the
district already listed instead of making a duplicate.
"""

from __future__ import annotations

import re

from summit_app.plan import model
from summit_app.plan.content import Content

#: The cost-category role of what the privacy inventory must list.
SOFTWARE = "software"

_WORD = re.compile(r"[0-9a-z]+")
#: Words too common in app and line names to say two of them are the same app.
_COMMON = frozenset({"app", "apps", "licence", "licences", "license", "licenses", "subscription", "subscriptions",
                     "software", "platform", "annual", "renewal", "seats", "seat", "student", "students", "staff",
                     "teacher", "teachers", "district", "the", "and", "for", "with", "year", "years", "new"})


def cost_role(category: str, content: Content) -> str:
    """The role of a cost category (devices, software, network…): the vocabulary's, or the id itself.

    A category the vocabulary does not know has no role.
    """
    entry = content.entry("cost_categories", category)
    return str(entry.get("role", entry.id)) if entry is not None else ""


def is_software_category(category: str, content: Content) -> bool:
    """A cost category whose lines buy software, so the app they pay for belongs in the privacy inventory."""
    return cost_role(category, content) == SOFTWARE


def is_software_line(line: model.BudgetLine, content: Content) -> bool:
    """A budget line that buys software: the one rule the inventory coupling and the privacy checks follow."""
    return is_software_category(line.category, content)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _COMMON}


def matching_apps(plan: model.Plan, line: model.BudgetLine) -> list[model.AppEntry]:
    """Inventory entries that name what ``line`` buys: the entry's distinctive words all in the line's
    description (or the other way round), most words in common first."""
    wanted = _words(line.description)
    if not wanted:
        return []
    scored = []
    for app in plan.apps:
        words = _words(app.name)
        if words and (words <= wanted or wanted <= words):
            scored.append((-len(words & wanted), app.name.lower(), app))
    return [app for *_key, app in sorted(scored, key=lambda s: (s[0], s[1]))]
