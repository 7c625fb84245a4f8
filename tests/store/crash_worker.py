"""Applies edits to a plan file in a loop until it is killed; used by test_crash_safety.py.

Started once (the imports take most of a second); for each line ``go`` on stdin
it forks a worker that opens the plan with ``open_document`` and applies edit
after edit, printing ``done N`` and flushing once edit N's ``apply`` returned.
The test kills the worker with SIGKILL; this process reaps it and prints
``ended`` so the test knows every line the worker wrote has arrived.

Edit N (counted from the plan's edit log) adds team member ``crash-N`` when N
is even and sets that member's title to ``title N+1`` when N is odd, so the
file shows exactly which edits it holds.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from summit_app.plan import model
from summit_app.plan.content import load_content
from summit_app.plan.edits import AddItem, Edit, SetField
from summit_app.store.plan_file import open_document


def say(line: str) -> None:
    """Report ``line`` in one write to the pipe: a kill lands before it or after it, never inside.

    (``print`` writes the text and the line break separately when Python runs unbuffered, and a
    kill between the two glued the next report onto a line the test could not read.)
    """
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def edit_number(n: int) -> Edit:
    if n % 2 == 0:
        return AddItem("members", model.TeamMember(f"crash-{n}", f"Member {n}", "teacher-leader"), label=f"edit {n}")
    return SetField("members", f"crash-{n - 1}", "title", f"title {n}", label=f"edit {n}")


def work(path: Path) -> None:
    """Edit until killed; never returns."""
    document = open_document(path, author="crash worker", content=CONTENT)
    n = len(document.backend.edit_log())
    say(f"opened {n}")
    while True:
        document.apply(edit_number(n))
        say(f"done {n}")
        n += 1


def serve(work: Callable[[Path], None]) -> None:
    """For each ``go`` on stdin fork a child that runs ``work(plan)`` until killed; reap it, report."""
    path = Path(sys.argv[1])
    for line in sys.stdin:
        if line.strip() != "go":
            break
        pid = os.fork()
        if pid == 0:
            try:
                work(path)
            except BaseException:
                traceback.print_exc()  # to the errors file the test names when a child stops on its own
            finally:
                os._exit(1)
        say(f"worker {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"ended {status}")


CONTENT = load_content()

if __name__ == "__main__":
    serve(work)
