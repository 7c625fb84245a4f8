"""PDF export: the large plan must export in at most 1.5 s, the first time in a process as on later runs.

Also timed: a plan holding one 10 MB word in four places (cut short with a note, so the time stays bounded).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

from bench.figures import Figure, timed
from summit_app.export.pdf import write_pdf
from summit_app.plan import model
from summit_app.plan.samples import demo_plan, large_plan

TARGET_S = 1.5

#: The first export in a fresh process also registers and parses the embedded fonts.
_COLD = """
import sys, time
from summit_app.plan.samples import large_plan
from summit_app.export.pdf import write_pdf
plan = large_plan()
start = time.perf_counter()
write_pdf(plan, sys.argv[1])
print(time.perf_counter() - start)
"""


def _pages(path: Path) -> int:
    return path.read_bytes().count(b"/Type /Page\n")


def _cold(out: Path) -> float:
    root = Path(__file__).resolve().parents[1]
    run = subprocess.run([sys.executable, "-c", _COLD, str(out)], check=True, capture_output=True, text=True, cwd=root)
    return float(run.stdout.strip())


def measure(workdir: Path) -> list[Figure]:
    """Median of three exports of the large plan in this process, one in a fresh process, and the demo plan."""
    large, demo = large_plan(), demo_plan()
    out = workdir / "large.pdf"
    cold = _cold(out)
    warm = statistics.median(timed(lambda: write_pdf(large, out), 3))
    size = f"{len(large.budget)} budget lines, {len(large.apps)} apps, {_pages(out)} pages"
    demo_s = statistics.median(timed(lambda: write_pdf(demo, workdir / "demo.pdf"), 3))
    word = _ten_megabyte_word()
    word_s = statistics.median(timed(lambda: write_pdf(word, workdir / "word.pdf"), 1))
    return [
        Figure("pdf: write_pdf(large_plan)", warm, "s", TARGET_S, note=size),
        Figure("pdf: write_pdf(large_plan), first in a process", cold, "s", TARGET_S),
        Figure("pdf: write_pdf(demo_plan)", demo_s, "s", note=f"{_pages(workdir / 'demo.pdf')} pages"),
        Figure("pdf: write_pdf(a 10 MB word in four fields)", word_s, "s", note="district, vision, line, milestone"),
    ]


def _ten_megabyte_word() -> model.Plan:
    word = "x" * 10_000_000
    return model.Plan(district=model.District(name=word), vision=model.Vision(word),
                      budget=(model.BudgetLine("b", description=word),), milestones=(model.Milestone("m", word),))
