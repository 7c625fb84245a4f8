"""Student data privacy: every app the district pays for or uses with student data needs a signed agreement."""

from __future__ import annotations

from collections.abc import Iterator

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts, capital, quote
from summit_app.plan.checks.findings import WARNING, Finding
from summit_app.plan.inventory import is_software_line

SIGNED = "signed"
NOT_APPROVED = "not-approved"

_AGREEMENT_WORDS = {
    "none": "has no data privacy agreement",
    "expired": "has an expired data privacy agreement",
}


def _agreement_words(facts: Facts, app: model.AppEntry) -> str:
    if app.agreement_status in _AGREEMENT_WORDS:
        return _AGREEMENT_WORDS[app.agreement_status]
    status = facts.content.name_of("agreement_statuses", app.agreement_status).lower()
    return f"has a data privacy agreement that is {status or 'unrecorded'}, not signed"


def _app_name(app: model.AppEntry) -> str:
    return quote(app.name, "app")


def software_without_inventory(facts: Facts) -> Iterator[Finding]:
    """Software bought outside the inventory escapes the privacy review."""
    for line in facts.plan.budget:
        if line.app_id is None and is_software_line(line, facts.content):
            yield Finding("software-no-inventory", WARNING, "budget", "budget", line.id,
                          f"{capital(quote(line.description, 'software line'))} pays for software that is "
                          "not in the privacy inventory.",
                          "Add the app to Data privacy and link this line to it, so its data use is reviewed.")


def budget_app_unsigned(facts: Facts) -> Iterator[Finding]:
    """The district should not pay for an app before its vendor signs the data agreement."""
    for line in facts.plan.budget:
        app = facts.apps.get(line.app_id or "")
        if app is not None and app.agreement_status != SIGNED:
            yield Finding("budget-app-unsigned", WARNING, "budget", "budget", line.id,
                          f"{capital(quote(line.description, 'budget line'))} pays for {_app_name(app)}, which "
                          f"{_agreement_words(facts, app)}.",
                          "Get the vendor's agreement signed before the purchase goes ahead.")


def budget_app_not_approved(facts: Facts) -> Iterator[Finding]:
    """Paying for an app the district refused contradicts the privacy review."""
    for line in facts.plan.budget:
        app = facts.apps.get(line.app_id or "")
        if app is not None and app.approval == NOT_APPROVED:
            yield Finding("budget-app-not-approved", WARNING, "budget", "budget", line.id,
                          f"{capital(quote(line.description, 'budget line'))} pays for {_app_name(app)}, which "
                          "the district has not approved.",
                          "Remove the line, or review the app again and record the new decision.")


def app_student_data_without_agreement(facts: Facts) -> Iterator[Finding]:
    """Apps in use (anything not refused) that hold student data need a signed agreement."""
    for app in facts.plan.apps:
        holds = [c for c in app.data_categories if c in facts.student_data]
        if holds and app.agreement_status != SIGNED and app.approval != NOT_APPROVED:
            yield Finding("app-student-data-no-agreement", WARNING, "privacy", "apps", app.id,
                          f"{capital(_app_name(app))} holds student data "
                          f"({facts.content.name_of('data_categories', holds[0]).lower()}"
                          f"{' and more' if len(holds) > 1 else ''}) but {_agreement_words(facts, app)}.",
                          "Get a signed agreement, or stop using the app until there is one.")
