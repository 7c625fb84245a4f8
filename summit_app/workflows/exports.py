"""A plan's outputs written all or none, and export for signature in its one safe order.

Every output is first written to a temporary file beside its target
(``summit_app.outputs``); only when all are written is anything recorded or
moved into place. Export for signature writes the plan *as it will be once
signed*, then records the signature through the caller's edit path, then
moves the files into place: a failed or cancelled export never leaves a plan
that says it was signed, and a signed plan always has its PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from summit_app.outputs import EXPORTED_PLAN, OutputBatch, Target
from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.edits import Edit, apply_edit
from summit_app.plan.signing import sign_edit

if TYPE_CHECKING:
    from summit_app.plan.checks import Finding

#: ``progress(fraction)`` from 0 to 1; writers may also say ``progress(done, total)``.
Progress = Callable[..., None]
#: Writes ``plan`` to ``path`` (a temporary file), reporting progress.
PlanWriter = Callable[[model.Plan, Path, Progress], object]
PlanOutput = tuple[Target, PlanWriter]


class SigningRefused(Exception):
    """The plan has blocking findings: it is not signed, and no output is written."""

    def __init__(self, blockers: list[Finding]) -> None:
        super().__init__(f"{len(blockers)} blocking findings")
        self.blockers = blockers


def fraction(*args: float) -> float:
    """A writer's report as a fraction: ``(fraction)`` or ``(done, total)``, kept within 0 and 1."""
    value = args[0] / args[1] if len(args) == 2 and args[1] else args[0]
    return min(1.0, max(0.0, float(value)))


def share(progress: Progress | None, start: float, end: float) -> Progress:
    """``progress`` for one part of the work: a part's 0 to 1 becomes ``start`` to ``end`` of the whole."""

    def report(*args: float) -> None:
        if progress is not None:
            progress(start + (end - start) * fraction(*args))

    return report


# --- the writers ----------------------------------------------------------------------
# Their libraries (openpyxl, reportlab) load with the first export, not at start-up.


def workbook(plan: model.Plan, path: Path, progress: Progress | None = None) -> None:
    """The Excel workbook."""
    from summit_app.export.xlsx import write_xlsx

    write_xlsx(plan, path, progress)


def pdf_writer(*, draft: bool) -> PlanWriter:
    """The PDF: a draft, or the one for signature."""

    def write(plan: model.Plan, path: Path, progress: Progress | None = None) -> None:
        from summit_app.export.pdf import write_pdf

        write_pdf(plan, path, progress, draft=draft)

    return write


def interchange(plan: model.Plan, path: Path, progress: Progress | None = None) -> None:
    """The JSON interchange document (docs/plan-format.md)."""
    from summit_app.plan.interchange import dumps

    path.write_text(dumps(plan), encoding="utf-8")
    if progress is not None:
        progress(1.0)


# --- the workflows --------------------------------------------------------------------


def write_all(batch: OutputBatch, plan: model.Plan, outputs: Sequence[PlanOutput],
              progress: Progress | None = None, before_replace: Callable[[], object] | None = None) -> None:
    """Write each output of ``plan`` into ``batch``, then run ``before_replace`` and move them all into place."""
    count = len(outputs)
    for i, (target, write) in enumerate(outputs):
        part = share(progress, i / count, (i + 1) / count)
        batch.write(target, _bound(write, plan, part))
    batch.commit(before_replace)


def _bound(write: PlanWriter, plan: model.Plan, progress: Progress) -> Callable[[Path], object]:
    return lambda temporary: write(plan, temporary, progress)


def write_into_place(write: PlanWriter, plan: model.Plan, target: Target, progress: Progress | None = None,
                     plans: Iterable[Target] = (), role: str = EXPORTED_PLAN) -> None:
    """Vet ``target`` against ``plans``, write it to a temporary file, then rename it over ``target``.

    ``OutputError`` if the target is refused or cannot be written; no trace is left on failure.
    """
    with OutputBatch([target], plans, role) as batch:
        write_all(batch, plan, [(target, write)], progress)


def sign_and_export(batch: OutputBatch, plan: model.Plan, content: Content, outputs: Sequence[PlanOutput],
                    record_signature: Callable[[Edit], object], *, at: datetime | None = None,
                    progress: Progress | None = None) -> model.Plan:
    """Export ``plan`` for signature; the signed plan, as written.

    Refused (``SigningRefused``, nothing written) if the plan has blocking
    findings. Otherwise the outputs are written from the plan as it will be
    once signed, ``record_signature(edit)`` applies the signing edit through
    the caller's one edit path, and only then are the files moved into place.
    If writing fails or is cancelled, nothing is recorded; if recording fails,
    nothing is moved.
    """
    from summit_app.plan.checks import assess, signing_blockers

    blockers = signing_blockers(assess(plan, content))
    if blockers:
        raise SigningRefused(blockers)
    edit = sign_edit(plan, at or datetime.now(UTC))
    signed, _ = apply_edit(plan, edit, content)
    write_all(batch, signed, outputs, progress, before_replace=lambda: record_signature(edit))
    return signed
