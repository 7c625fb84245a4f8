"""Opens a plan for editing when told to, and says whether it got it; used by test_lock_by_file.py.

``python lock_worker.py PLAN NAME MODE``: MODE ``file`` opens with
``PlanFile.open`` (the kernel lock on the file, as the app does); ``record``
takes a ``PlanLock`` that uses the record alone, as on a network share. It
prints ``ready``, then for each line on stdin: ``open`` tries once and prints
``got`` or ``refused <reason>`` (keeping what it got); ``release`` lets go and
prints ``released``. End of input ends it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from summit_app.store.errors import PlanFileError
from summit_app.store.lock import PlanLock
from summit_app.store.plan_file import PlanFile


def say(line: str) -> None:
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def take(path: Path, name: str, mode: str) -> PlanFile | PlanLock:
    if mode == "file":
        return PlanFile.open(path, holder=name)
    lock = PlanLock(path, name, kernel_lock=False)
    lock.acquire()
    return lock


def let_go(held: PlanFile | PlanLock | None) -> None:
    if isinstance(held, PlanFile):
        held.close()
    elif held is not None:
        held.release()


def main(path: Path, name: str, mode: str) -> None:
    held: PlanFile | PlanLock | None = None
    say("ready")
    for command in sys.stdin:
        if command.strip() == "open":
            try:
                held = take(path, name, mode)
                say("got")
            except PlanFileError as exc:
                say(f"refused {exc.why}")
        elif command.strip() == "release":
            let_go(held)
            held = None
            say("released")
    let_go(held)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
