"""The exports against LibreOffice printing the same workbook: the workbook alone, and workbook + PDF.

The export must stay well under a second for a plan far larger than any real
one (1,000 budget lines, 300 apps, 300 learning activities); beside it stands
the time LibreOffice takes to turn that workbook into a PDF in the same run,
as a sense of what "fast" means for a workbook of this size.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import time
from pathlib import Path

from bench.figures import Figure, median_ms, timed
from summit_app.export.pdf import write_pdf
from summit_app.export.xlsx import write_xlsx
from summit_app.plan.samples import demo_plan, large_plan

TARGET_SECONDS = 0.6


def _soffice_pdf(workbook: Path, profile: Path, out: Path) -> float:
    """Seconds LibreOffice takes to convert ``workbook`` to PDF (its profile already set up)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise FileNotFoundError("LibreOffice (soffice) is not installed: run `sh tools/system-deps.sh test`")
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out), str(workbook)]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=900)
    return time.perf_counter() - start


def measure(workdir: Path) -> list[Figure]:
    plan = large_plan()
    workbook = workdir / "large.xlsx"
    export = statistics.median(timed(lambda: write_xlsx(plan, workbook), repeat=5))
    demo = demo_plan()
    demo_ms = median_ms(timed(lambda: write_xlsx(demo, workdir / "demo.xlsx"), repeat=5))
    profile, out = workdir / "libreoffice-profile", workdir / "pdf"
    _soffice_pdf(workdir / "demo.xlsx", profile, out)  # first start builds the profile: not part of the figure
    printing = _soffice_pdf(workbook, profile, out)
    lines = len(plan.budget)
    both = statistics.median(timed(lambda: (write_xlsx(plan, workbook), write_pdf(plan, workdir / "large.pdf")),
                                   repeat=3))
    return [
        Figure("Whole export (xlsx + pdf), large plan", both, "s", target=printing / 4,
               peer="LibreOffice converting the workbook to PDF", peer_value=printing,
               note="target: a quarter of LibreOffice's time"),
        Figure(f"Excel export, large plan ({lines:,} budget lines)", export, "s", TARGET_SECONDS,
               peer="LibreOffice converting it to PDF", peer_value=printing),
        Figure("Excel export, demo plan", demo_ms, "ms"),
    ]
