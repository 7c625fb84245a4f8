"""Opening a plan from the window: the CLI's one-line reasons, and the locked and read-only offers.

A plan held by someone else may be opened read-only or as a copy; a file that
cannot be written may be opened read-only; anything else refused is explained
with the same line the command line prints (``PlanFileError``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from summit_app.plan import model
from summit_app.plan.document import PlanDocument
from summit_app.store.errors import PlanFileError, PlanLockedError, ReadOnlyFileError
from summit_app.store.plan_check import BrokenPlanError
from summit_app.store.plan_file import PlanFile, open_document
from summit_app.ui.base.prompts import COPY, READ_ONLY, Prompts, with_plan_suffix

CANNOT_OPEN = "Cannot open plan"


def _copy_name(path: Path) -> Path:
    return path.with_name(f"{path.stem} (copy){path.suffix}")


def _attempt(prompts: Prompts, title: str, step: Callable[[], PlanDocument | None]) -> PlanDocument | None:
    try:
        return step()
    except PlanFileError as exc:
        prompts.error(title, str(exc))
        return None


def open_plan(path: Path, prompts: Prompts, *, author: str = "", read_only: bool = False,
              on_broken: Callable[[BrokenPlanError], None] | None = None) -> PlanDocument | None:
    """The open document of ``path``, or None after telling the user why not.

    A plan whose items break the format's rules goes to ``on_broken`` (the
    window lists them) instead of a dialog with the first of them.
    """
    try:
        return open_document(path, read_only=read_only, author=author)
    except BrokenPlanError as exc:
        if on_broken is None:
            prompts.error(CANNOT_OPEN, str(exc))
        else:
            on_broken(exc)
        return None
    except PlanLockedError as exc:
        return _locked(path, exc, prompts, author)
    except ReadOnlyFileError as exc:
        if prompts.offer_read_only(path, exc.why):
            return _attempt(prompts, CANNOT_OPEN, lambda: open_document(path, read_only=True, author=author))
        return None
    except PlanFileError as exc:
        prompts.error(CANNOT_OPEN, str(exc))
        return None


def _locked(path: Path, exc: PlanLockedError, prompts: Prompts, author: str) -> PlanDocument | None:
    choice = prompts.plan_locked(path, exc.holder)
    if choice == READ_ONLY:
        return _attempt(prompts, CANNOT_OPEN, lambda: open_document(path, read_only=True, author=author))
    if choice == COPY:
        target = prompts.save_path("Open a copy", _copy_name(path))
        if target is not None:
            copy = with_plan_suffix(target)
            return _attempt(prompts, "Cannot copy plan", lambda: _open_copy(path, copy, author))
    return None


def _open_copy(path: Path, target: Path, author: str) -> PlanDocument:
    with PlanFile.open(path, read_only=True) as source:
        source.save_copy(target)
    return open_document(target, author=author)


def create_plan(path: Path, plan: model.Plan, prompts: Prompts, author: str = "") -> PlanDocument | None:
    """Write ``plan`` to a new file at ``path`` (never over another) and open it."""
    def create() -> PlanDocument:
        PlanFile.create(path, plan).close()
        return open_document(path, author=author)
    return _attempt(prompts, "Cannot create plan", create)
