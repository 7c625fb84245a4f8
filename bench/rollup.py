"""Regional roll-up speed: ``summit-app rollup`` over 100 and 1,600 generated plan files.

The plan files are generated once in the work folder (by a process pool; not
timed). Each figure is the wall-clock time of the whole command, in process:
reading every file, the statistics, the workbook and the PDF.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.figures import Figure
from summit_app.cli import main as cli_main
from summit_app.plan.samples import small_plan
from summit_app.store.plan_file import PlanFile

SMALL, LARGE = 100, 1600
TARGETS = {SMALL: 3.0, LARGE: 45.0}
#: Per-plan time at 1,600 plans may be at most this many times that at 100 ("grows linearly").
LINEAR_SLACK = 1.5


def make_plan_file(job: tuple[Path, int]) -> Path:
    folder, seed = job
    path = folder / f"district-{seed:04d}.techplan"
    PlanFile.create(path, small_plan(seed, f"Generated District {seed}")).close()
    return path


def generate(folder: Path, count: int) -> list[Path]:
    """``count`` plan files of realistic size, made by two worker processes."""
    folder.mkdir(parents=True, exist_ok=True)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        return list(pool.map(make_plan_file, [(folder, seed) for seed in range(count)], chunksize=25))


def rollup_seconds(paths: list[Path], out: Path) -> float:
    """Wall-clock seconds of one ``summit-app rollup`` to a workbook and a PDF."""
    for old in (out.with_suffix(".xlsx"), out.with_suffix(".pdf")):
        old.unlink(missing_ok=True)
    args = ["rollup", *map(str, paths), "--xlsx", str(out.with_suffix(".xlsx")), "--pdf", str(out.with_suffix(".pdf"))]
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli_main(args)
    elapsed = time.perf_counter() - start
    if code != 0:
        raise RuntimeError(f"rollup exited {code}")
    return elapsed


def measure(workdir: Path) -> list[Figure]:
    paths = generate(workdir / "plans", LARGE)
    small = statistics.median(rollup_seconds(paths[:SMALL], workdir / "small") for _ in range(3))
    large = rollup_seconds(paths, workdir / "large")
    growth = (large / LARGE) / (small / SMALL)
    return [
        Figure(f"roll-up of {SMALL:,} plans (xlsx + pdf)", small, "s", TARGETS[SMALL], note="median of 3"),
        Figure(f"roll-up of {LARGE:,} plans (xlsx + pdf)", large, "s", TARGETS[LARGE]),
        Figure("roll-up time per plan, 1,600 vs 100 plans", growth, "x", LINEAR_SLACK, note="1.0 = linear"),
    ]


if __name__ == "__main__":
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="summit-bench-") as folder:
        for figure in measure(Path(folder)):
            print(figure.line(), flush=True)
    sys.exit(0)
