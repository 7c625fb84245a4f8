"""A plan read from a file obeys the same rules as a plan imported from JSON, or it is not used as one.

The file is anyone's: a value the format forbids (a plan of 1000 years, a
negative unit cost, a goal link to nothing) must not reach the panes, the
exports or a signature. ``plan_faults`` runs the JSON import's own checks on
the loaded plan: the domain rules (``plan.rules.plan_problems``) and, when
they pass, the import of the plan's own interchange document, so whatever is
exported imports back. Each fault is named by its interchange path.
"""

from __future__ import annotations

from collections.abc import Sequence

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.interchange import problem_path
from summit_app.plan.rules import plan_problems, record_problems
from summit_app.store.errors import PlanFileError

#: (interchange path, what is wrong there).
Fault = tuple[str, str]
_LINE_LIMIT = 240


def plan_faults(plan: model.Plan, content: Content) -> list[Fault]:
    """Everything the JSON import would refuse in ``plan``, first the plan-wide settings."""
    settings = [p for name in model.SINGLETONS for p in record_problems(name, None, getattr(plan, name), plan, content)]
    if settings:  # the rest is judged against these (the plan's years), so they come alone
        return [(problem_path(p), p.message) for p in settings]
    return [(problem_path(p), p.message) for p in plan_problems(plan, content)]


def one_line(text: str) -> str:
    """``text`` fit for the one-line reason: no line breaks or control characters, cut short."""
    clean = "".join(c if c.isprintable() else " " for c in text)
    return clean if len(clean) <= _LINE_LIMIT else clean[:_LINE_LIMIT - 1] + "…"


class BrokenPlanError(PlanFileError):
    """The file is a plan, but some of what it holds breaks the plan format's rules; it is not used.

    ``faults`` lists them all (the window shows them); the one-line reason names the first.
    ``plan`` is the plan as read, when its values could at least be read (it can then
    be repaired, see ``plan.repair``); ``None`` when they could not.
    """

    def __init__(self, what: str, faults: Sequence[Fault], plan: model.Plan | None = None) -> None:
        where, message = faults[0]
        others = len(faults) - 1
        more = f" (and {others} more {'problem' if others == 1 else 'problems'})" if others else ""
        super().__init__(what, one_line(f"{where}: {message}") + more)
        self.faults = [(one_line(w), one_line(m)) for w, m in faults]
        self.plan = plan
