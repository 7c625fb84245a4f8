"""The regional roll-up: vet the outputs, read the plans, summarise the region, write all or none.

A file that cannot be read is skipped and reported, never fatal; no output
may be one of the plans read (by any path), and the workbook and PDF are
written all or none. Progress: reading is most of the work (0 to 0.8), then
each output written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from summit_app.outputs import OutputBatch, Target
from summit_app.plan.content import Content, load_content
from summit_app.plan.rollup import RollupReport, SkippedFile, summarize_region
from summit_app.workflows.exports import Progress

if TYPE_CHECKING:
    from summit_app.store.rollup_reader import ReadResult

#: How a refusal names the plans read.
ROLLED_UP = "one of the plans being rolled up"
#: Reads the listed plans: ``read(plans, progress=(read, listed) -> None)`` (``store.rollup_reader.read_plans``).
PlanReader = Callable[..., "ReadResult"]
#: The share of the progress that reading the plans takes.
READING = 0.8


@dataclass(frozen=True)
class RollupRequest:
    """What to roll up, and where: the plan files, the workbook, the PDF if any, and the options."""

    plans: tuple[Target, ...]
    xlsx: Target  # as given: refusals name a target as the user did (``./r.xlsx``)
    pdf: Target | None = None
    min_group: int = 3
    named: bool = False

    @property
    def targets(self) -> list[Target]:
        return [t for t in (self.xlsx, self.pdf) if t is not None]


class NoPlanRead(Exception):
    """None of the listed files could be read as a plan; nothing was written."""

    def __init__(self, listed: int) -> None:
        super().__init__(f"no listed file could be read as a plan ({listed} listed)")
        self.listed = listed


def roll_up(request: RollupRequest, *, progress: Progress | None = None,
            skipped: Callable[[Sequence[SkippedFile]], object] | None = None,
            role: str = ROLLED_UP, content: Content | None = None, read: PlanReader | None = None) -> RollupReport:
    """Roll the listed plans up into the requested workbook (and PDF); the report written.

    The targets are vetted before any plan is read (``OutputError``);
    ``skipped`` hears of the files left out as soon as the plans are read;
    ``NoPlanRead`` if none could be read. ``read`` reads plans that are not
    files (a summit room's tables, by name); the plans are then not vetted as files.
    """
    from summit_app.export.rollup_pdf import write_rollup_pdf
    from summit_app.export.rollup_xlsx import write_rollup_xlsx

    with OutputBatch(request.targets, request.plans if read is None else (), role) as batch:
        report = _read_and_summarise(request, progress, skipped, content or load_content(), read)
        batch.write(request.xlsx, lambda p: write_rollup_xlsx(report, p))
        _report(progress, READING + (1 - READING) / len(request.targets))
        if request.pdf is not None:
            batch.write(request.pdf, lambda p: write_rollup_pdf(report, p))
        batch.commit()
        _report(progress, 1.0)
    return report


def _read_and_summarise(request: RollupRequest, progress: Progress | None,
                        skipped: Callable[[Sequence[SkippedFile]], object] | None, content: Content,
                        reader: PlanReader | None) -> RollupReport:
    from summit_app.store.rollup_reader import read_plans

    result = (reader or read_plans)([os.fspath(p) for p in request.plans], progress=lambda read, listed: _report(
        progress, READING * read / listed if listed else READING))
    if skipped is not None:
        skipped(result.skipped)
    if not result.plans:
        raise NoPlanRead(result.listed)
    summary = summarize_region(result.plans, content, request.min_group, request.named)
    return RollupReport(summary, tuple(result.skipped), result.listed, date.today())


def _report(progress: Progress | None, value: float) -> None:
    if progress is not None:
        progress(value)
