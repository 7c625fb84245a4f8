"""Plan-file figures: one durable edit, opening the demo and a large plan, memory with a large plan open.

An edit is timed from ``PlanDocument.apply`` to its return, which includes the
domain checks and the durable commit (rollback journal, ``synchronous=FULL``).
Beside it, as the peer, the same write in plain sqlite3 with the same pragmas:
the floor this disk sets for any durable commit in that journal mode.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.figures import Figure, median_ms, timed
from summit_app.plan.content import load_content
from summit_app.plan.document import PlanDocument
from summit_app.plan.edits import Edit, SetField
from summit_app.plan.samples import demo_plan, large_plan
from summit_app.store.plan_file import PlanFile, close_document, open_document

EDITS = 200
OPENS = 9
ROOT = Path(__file__).resolve().parents[1]

MEMORY = """
import json, resource, sys
from summit_app.store.plan_file import open_document


def resident():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])


before = resident()
document = open_document(sys.argv[1])
print(json.dumps([resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, before, resident()]))
"""


def _typical_edit(document: PlanDocument, n: int) -> Edit:
    """What a person does most: change a text field of a goal or a budget line."""
    plan = document.plan
    if n % 2:
        line = plan.budget[n % len(plan.budget)]
        return SetField("budget", line.id, "description", f"{line.description.split(' #')[0]} #{n}")
    goal = plan.goals[n % len(plan.goals)]
    return SetField("goals", goal.id, "title", f"{goal.title.split(' #')[0]} #{n}")


def _edit_times(path: Path) -> list[float]:
    document = open_document(path, author="Bench", content=load_content())
    try:
        for n in range(5):  # warm up: statement caches, the page cache
            document.apply(_typical_edit(document, n))
        out = []
        for n in range(EDITS):
            edit = _typical_edit(document, n)
            start = time.perf_counter()
            document.apply(edit)
            out.append(time.perf_counter() - start)
        return out
    finally:
        close_document(document)


def _raw_commit_times(path: Path) -> list[float]:
    """The same kind of write through plain sqlite3: update one row, append one log row, commit."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("PRAGMA synchronous=FULL")
    goal_ids = [row[0] for row in con.execute("SELECT id FROM goals")]
    out = []
    try:
        for n in range(EDITS // 2):
            start = time.perf_counter()
            con.execute("BEGIN IMMEDIATE")
            con.execute("UPDATE goals SET title = ? WHERE id = ?", (f"Goal #{n}", goal_ids[n % len(goal_ids)]))
            con.execute("INSERT INTO edit_log (at, author, label, edit) VALUES (datetime('now'), 'Bench', '', '{}')")
            con.execute("COMMIT")
            out.append(time.perf_counter() - start)
    finally:
        con.close()
    return out


def _percentile(samples: list[float], p: float) -> float:
    return statistics.quantiles(samples, n=100)[int(p) - 1] * 1000


def _edit_figures(workdir: Path) -> list[Figure]:
    plan = demo_plan()
    path, raw = workdir / "edits.techplan", workdir / "raw.techplan"
    PlanFile.create(path, plan).close()
    PlanFile.create(raw, plan).close()
    samples, floor = _edit_times(path), _raw_commit_times(raw)
    note = "rollback journal + synchronous=FULL; peer: the same write in plain sqlite3"
    return [
        Figure("Apply one edit, durably committed (median)", median_ms(samples), "ms", 5.0,
               "plain sqlite3", median_ms(floor), note),
        Figure("Apply one edit, durably committed (99th percentile)", _percentile(samples, 99), "ms",
               peer="plain sqlite3", peer_value=_percentile(floor, 99)),
    ]


def _open_ms(path: Path) -> float:
    content = load_content()

    def open_and_close() -> None:
        close_document(open_document(path, content=content))

    open_and_close()
    return median_ms(timed(open_and_close, OPENS))


def _memory_mb(path: Path) -> tuple[float, float]:
    """Peak resident memory (MB) of a fresh process that opens ``path``, and what opening added."""
    args = [sys.executable, "-c", MEMORY, str(path)]
    result = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT)
    peak, before, after = json.loads(result.stdout)
    return peak / 1024, (after - before) / 1024  # KiB on Linux


def _open_figures(workdir: Path) -> list[Figure]:
    demo, large = workdir / "demo.techplan", workdir / "large.techplan"
    PlanFile.create(demo, demo_plan()).close()
    PlanFile.create(large, large_plan()).close()
    size = large.stat().st_size / 1024
    peak, added = _memory_mb(large)
    return [
        Figure("Open the demo plan (median)", _open_ms(demo), "ms", 100.0),
        Figure("Open a large plan (median)", _open_ms(large), "ms", 300.0,
               note=f"1,000 budget lines, 300 apps, 100 goals, 300 PD activities; {size:,.0f} KiB"),
        Figure("Peak memory with the large plan open", peak, "MB",
               note=f"opening it added {added:.1f} MB to the process"),
    ]


def measure(workdir: Path) -> list[Figure]:
    return _edit_figures(workdir) + _open_figures(workdir)
