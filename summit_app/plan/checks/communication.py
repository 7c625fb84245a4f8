"""The communication plan: the board adopts the plan, the district posts it and its approved apps, families hear
about it in their own languages, and the community gets a progress report every year.

Poor communication was part of the failed rollout's story: families and staff
learned of the devices before they learned why. These rules look only at
plans that have goals (something to communicate); none of them blocks.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts, day_text, fy, listing
from summit_app.plan.checks.findings import ADVICE, WARNING, Finding

BOARD_ADOPTION = "board-adoption"
PLAN_POSTING = "plan-posting"
APP_LIST_POSTING = "app-list-posting"
FAMILY_SESSION = "family-session"
PROGRESS_REPORT = "progress-report"

_PANE = "community"
_COLLECTION = "communications"

#: What the communication plan lacks, in a reader's words, and what to add for it.
_MISSING = {
    BOARD_ADOPTION: ("no board adoption", "the board's adoption of the plan at a public meeting"),
    PLAN_POSTING: ("no public posting of the plan", "posting the adopted plan on the district website"),
    APP_LIST_POSTING: ("no public posting of the approved-app list",
                       "posting the approved-app list where families look for it"),
    FAMILY_SESSION: ("no family information session", "information sessions for families in their languages"),
}


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


def _missing_kinds(facts: Facts) -> list[str]:
    wanted = [BOARD_ADOPTION, PLAN_POSTING, *([APP_LIST_POSTING] if facts.approved_apps else []), FAMILY_SESSION]
    return [kind for kind in wanted if kind not in facts.communications]


def _board_meeting(plan: model.Plan) -> str:
    meeting = plan.approval.board_meeting_date
    return f" (the approval details name the board meeting of {day_text(meeting)})" if meeting else ""


def communication_missing(facts: Facts) -> Iterator[Finding]:
    """A plan the board never adopts in public, that nobody can read, whose apps families cannot look up."""
    if not facts.plan.goals:
        return
    missing = _missing_kinds(facts)
    if not missing:
        return
    apps = len(facts.approved_apps)
    why = (f" Families cannot look up which apps their children use ({_plural(apps, 'app')} approved)."
           if APP_LIST_POSTING in missing else "")
    to_add = [_MISSING[k][1] + (_board_meeting(facts.plan) if k == BOARD_ADOPTION else "") for k in missing]
    yield Finding("communication-missing", WARNING, _PANE, None, None,
                  f"The communication plan has {listing([_MISSING[k][0] for k in missing], 'and')}.{why} Staff and "
                  "families who first hear of a plan from rumour rarely trust it.",
                  f"Add to the communication plan {listing(to_add, 'and')}.")


def _window(plan: model.Plan) -> tuple[date, date]:
    """From the first day of the plan's first year to the end of the calendar year its last year ends in (the
    report on the last year comes after it closes)."""
    years = plan.fiscal_years()
    return date(years[0] - 1, 7, 1), date(years[-1], 12, 31)


def no_progress_report(facts: Facts) -> Iterator[Finding]:
    """The community should hear every year whether the plan is working, not only the day it is adopted."""
    if not facts.plan.goals:
        return
    plan = facts.plan
    years = plan.district.plan_years
    reports = facts.communications.get(PROGRESS_REPORT, [])
    if not reports:
        yield Finding("no-progress-report", WARNING, _PANE, None, None,
                      f"The communication plan has no yearly public progress report over the plan's "
                      f"{years} years ({facts.years_text}): after adoption, the board and families would hear "
                      "nothing of whether it works.",
                      "Add a progress report for each plan year, with a date and an owner, for the board and the "
                      "public.")
        return
    start, end = _window(plan)
    dated = sum(1 for r in reports if r.planned_date and start <= r.planned_date <= end)
    if dated < years:
        yield Finding("no-progress-report", ADVICE, _PANE, None, None,
                      f"The communication plan dates {_plural(dated, 'progress report')} between {day_text(start)} "
                      f"and {day_text(end)}, for a plan of {years} years ({facts.years_text}): some years would "
                      "pass with no public word on the goals.",
                      f"Date one progress report a year, through the report on {fy(plan.fiscal_years()[-1])}.")


def family_session_without_languages(facts: Facts) -> Iterator[Finding]:
    """A session held only in English leaves out the families who most need to hear it."""
    for session in facts.communications.get(FAMILY_SESSION, []):
        if not session.languages.strip():
            when = f"on {day_text(session.planned_date)}" if session.planned_date else "(not yet dated)"
            yield Finding("family-session-no-languages", WARNING, _PANE, _COLLECTION, session.id,
                          f"The family information session {when} names no languages: families who do not "
                          "speak the language it is held in learn nothing of the devices and apps their children "
                          "will use.",
                          "List the languages the session is offered in (for example “English, Spanish”), "
                          "matching the languages your families speak at home.")


def board_adoption_late(facts: Facts) -> Iterator[Finding]:
    """Purchases and training of the first year should not start before the board has adopted the plan."""
    plan = facts.plan
    first = plan.fiscal_years()[0]
    starts = date(first - 1, 7, 1)
    for adoption in facts.communications.get(BOARD_ADOPTION, []):
        if adoption.planned_date and adoption.planned_date >= starts:
            yield Finding("board-adoption-late", WARNING, _PANE, _COLLECTION, adoption.id,
                          f"The board adopts the plan on {day_text(adoption.planned_date)}, but its first year, "
                          f"{fy(first)}, begins on {day_text(starts)}: that year's purchases and training would "
                          "start before the board has approved them.",
                          f"Bring the plan to a board meeting before {day_text(starts)}{_board_meeting(plan)}.")
