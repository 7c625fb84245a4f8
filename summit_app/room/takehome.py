"""Plans taken home: a table's plan written as an ordinary plan file, edit log and all.

The copy is the store's own (``ServerPlan.save_copy``: one consistent snapshot
of every row, so the file has the plan's fingerprint and its full edit log),
written under a hidden name beside the target and moved into place only when
every requested plan is written: all or none. An existing file is replaced
only with ``force``, and only if it is an earlier plan file that no copy of the
app has open; anything else (a folder, a device, another kind of file, a plan
being edited) is never written over.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Sequence
from pathlib import Path

from summit_app.outputs import OutputError, flush_to_disk, is_plan_file, sync_folders, vet_outputs
from summit_app.store.lock import current_holder
from summit_app.store.server import ServerPlan
from summit_app.workflows.errors import UsageError

#: (the plan's server location, the plan file to write)
Copy = tuple[str, Path]


def vet_target(target: Path, *, force: bool) -> None:
    """Refuse ``target`` before any plan is read; see the module's rules."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise UsageError(str(target), f"cannot be used ({exc.strerror or exc})") from None
    if st is None:
        try:
            vet_outputs([target])
        except OutputError as exc:
            raise UsageError(exc.what, exc.why) from None
        return
    if not force:
        raise UsageError(str(target), "a file of that name already exists; add --force to replace it")
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(str(target), "is not a regular file; it is never replaced")
    if not is_plan_file(target):
        raise UsageError(str(target), "is not a plan file; --force replaces only an earlier plan file")
    holder = _holder(target)
    if holder:
        raise UsageError(str(target), f"is open in Summit Planner ({holder}); close it there first")


def _holder(target: Path) -> str:
    try:
        found = current_holder(target)
    except (OSError, ValueError):
        return "by someone"  # a lock that cannot be read is no proof that nobody holds it
    return found.describe() if found is not None else ""


def take_home(copies: Sequence[Copy], *, force: bool = False) -> None:
    """Write each plan to its file: every target vetted first, every file moved into place last."""
    names = [os.path.realpath(t) for _, t in copies]
    if len(set(names)) != len(names):
        raise UsageError(str(copies[0][1]), "the same file is named for two plans")
    for _, target in copies:
        vet_target(target, force=force)
    drafts: list[tuple[Path, Path]] = []
    try:
        for location, target in copies:
            draft = target.with_name(f".{target.name[:80]}.{secrets.token_hex(4)}.partial")
            drafts.append((draft, target))
            with ServerPlan.open(location, read_only=True, holder="taking the plan home") as plan:
                plan.save_copy(draft)
            flush_to_disk(draft)
        for draft, target in drafts:
            os.replace(draft, target)
        sync_folders(t for _, t in copies)
    except OSError as exc:
        raise UsageError(str(copies[0][1]), f"cannot be written ({exc.strerror or exc})") from None
    finally:
        for draft, _ in drafts:
            draft.unlink(missing_ok=True)

