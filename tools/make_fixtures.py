"""Write the fixtures tests/fixtures/plan-r1, -r2 and -r4.techplan: the demo plan in released schema revisions.

Every released schema revision keeps a fixture that the migration tests upgrade
and compare row by row. Made by writing the demo plan at the head revision,
signing it and editing it once (fixed times, so the edit log has rows), and
migrating it down, so it holds every table with real rows. Run from the checkout:
``.venv/bin/python tools/make_fixtures.py`` (it replaces the fixture).
"""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))

from summit_app.plan import model  # noqa: E402
from summit_app.plan.content import load_content  # noqa: E402
from summit_app.plan.document import LogEntry  # noqa: E402
from summit_app.plan.edits import SetField, apply_edit  # noqa: E402
from summit_app.plan.samples import demo_plan  # noqa: E402
from summit_app.plan.signing import sign_edit  # noqa: E402
from summit_app.store import migrate  # noqa: E402
from summit_app.store.plan_file import PlanFile, write_new_file  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
#: The edit log and the creation time make each run's file differ; these fix them.
CREATED = "2026-03-10T09:00:00+00:00"
SIGNED_AT = datetime(2026, 6, 11, 18, 30, tzinfo=UTC)
EDITED_AT = datetime(2026, 9, 2, 15, 5, 30, 250000, tzinfo=UTC)


def _sign_and_edit(path: Path) -> None:
    """Give the fixture a signed state and edit-log rows, at fixed times."""
    content = load_content()
    with PlanFile.open(path, holder="Fixture maker") as plan_file:
        plan = plan_file.load()
        line = plan.budget[0]
        revise = SetField("budget", line.id, "description", f"{line.description} (revised)", "Revise a budget line")
        edits = [(SIGNED_AT, sign_edit(plan, SIGNED_AT)), (EDITED_AT, revise)]
        for at, edit in edits:
            plan, _ = apply_edit(plan, edit, content)
            plan_file.commit(edit, plan, LogEntry(at, "Karen Liu", edit.label, edit))


def _finish(draft: Path, target: Path) -> None:
    """Sign and edit the draft at fixed times, fix its creation time, compact it, and put it in place."""
    _sign_and_edit(draft)
    con = sqlite3.connect(draft)
    try:
        con.execute("UPDATE plan_info SET value = ? WHERE key = 'created'", (CREATED,))
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    draft.replace(target)


def make_revision_1(target: Path) -> None:
    """The demo plan, created at the head revision, then migrated down to revision 1."""
    draft = target.with_name(f".{target.name}.new")
    draft.unlink(missing_ok=True)
    write_new_file(draft, demo_plan())
    _sign_and_edit(draft)
    con = sqlite3.connect(draft)
    try:
        con.execute("UPDATE plan_info SET value = ? WHERE key = 'created'", (CREATED,))
        con.commit()
    finally:
        con.close()
    migrate.downgrade(draft, 1)
    con = sqlite3.connect(draft)
    try:
        con.execute("VACUUM")  # no free pages left over from the rebuild of the goals table
    finally:
        con.close()
    draft.replace(target)


def make_revision_2(target: Path) -> None:
    """The demo plan as the revision-2 app wrote it, with members' silent ratings on more elements.

    Made once, by the app of revision 2 (its framework content still named the
    elements a later revision retires), and kept: rerunning this with a newer
    app would not reproduce it.
    """
    draft = target.with_name(f".{target.name}.new")
    draft.unlink(missing_ok=True)
    plan = demo_plan()
    extra = tuple(model.MemberRating(f"mr-{e}-{m}", e, m, s)
                  for e, scores in (("cia-content", (5, 6, 4)), ("cp-business", (3, 4, 5)), ("st-spaces", (2, 3, 3)))
                  for m, s in zip(("member-01", "member-04", "member-05"), scores, strict=True))
    write_new_file(draft, replace(plan, member_ratings=plan.member_ratings + extra))
    _finish(draft, target)


def make_revision_4(target: Path) -> None:
    """The demo plan as the revision-4 app wrote it: every table of that revision with rows, signed, then edited.

    Made once, by the app of revision 4, and kept (a newer app's demo plan holds
    sections revision 4 cannot store).
    """
    draft = target.with_name(f".{target.name}.new")
    draft.unlink(missing_ok=True)
    write_new_file(draft, demo_plan())
    _finish(draft, target)


def main() -> int:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    target = FIXTURES / "plan-r1.techplan"
    make_revision_1(target)
    print(f"Wrote {target.relative_to(ROOT)}")
    if "--revision-2" in sys.argv:
        make_revision_2(FIXTURES / "plan-r2.techplan")
        print("Wrote tests/fixtures/plan-r2.techplan")
    if "--revision-4" in sys.argv:
        make_revision_4(FIXTURES / "plan-r4.techplan")
        print("Wrote tests/fixtures/plan-r4.techplan")
    return 0


if __name__ == "__main__":
    sys.exit(main())
