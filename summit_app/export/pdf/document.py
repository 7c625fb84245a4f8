"""``write_pdf``: the plan as the report the superintendent signs and the board approves.

A pure function of the plan snapshot: no clock, no Qt, no database. The same
plan gives the same bytes (reportlab's invariant mode, and the PDF's dates
come from the plan); every page names the district and the plan's short
fingerprint, and the signature page prints the whole fingerprint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, time
from functools import partial
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)

from summit_app import __version__
from summit_app.export.collection import collector_paused
from summit_app.export.pdf.canvas import Furniture, PlanCanvas
from summit_app.export.pdf.context import Report, as_utc
from summit_app.export.pdf.fonts import FACES
from summit_app.export.pdf.markup import escape
from summit_app.export.pdf.sections import (
    access,
    budget,
    community,
    cover,
    district,
    findings,
    infrastructure,
    learning,
    privacy,
    readiness,
    signature,
    summary,
    timeline,
    vision,
)
from summit_app.export.pdf.styles import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PALETTE,
    make_styles,
)
from summit_app.export.pdf.tagged import H1, Para, TaggedFrame
from summit_app.export.pdf.tagging import artifact
from summit_app.export.pdf.toc import Contents, Entry, SectionStart
from summit_app.plan import model
from summit_app.plan.budget import summarize
from summit_app.plan.checks import assess
from summit_app.plan.content import load_content
from summit_app.plan.interchange import fingerprint

Progress = Callable[[float], None]
"""Told the share of the work done, from 0.0 to 1.0 (the GUI shows it as a progress bar)."""

#: When a plan has no date of its own (never signed, no summit date).
FALLBACK_DATE = datetime(2000, 1, 1, tzinfo=UTC)

Section = Callable[[Report], list[Flowable]]
PANES: tuple[tuple[Callable[[Report], Entry], Section], ...] = (
    (district.entry, district.build), (readiness.entry, readiness.build), (vision.entry, vision.build),
    (learning.entry, learning.build), (privacy.entry, privacy.build),
    (infrastructure.entry, infrastructure.build), (access.entry, access.build), (budget.entry, budget.build),
    (timeline.entry, timeline.build), (community.entry, community.build),
)


def document_date(plan: model.Plan) -> datetime:
    """The PDF's date: when the plan was issued for signature, else the summit's day."""
    signed_at = as_utc(plan.signature.signed_at)
    if signed_at:
        return signed_at
    if plan.district.summit_date:
        return datetime.combine(plan.district.summit_date, time(), UTC)
    return FALLBACK_DATE


def _pdf_date(when: datetime) -> str:
    return f"D:{when:%Y%m%d%H%M%S}+00'00'"


def _entries(report: Report) -> list[Entry]:
    return [summary.ENTRY, *(entry(report) for entry, _ in PANES), findings.ENTRY, signature.ENTRY]


def _contents(report: Report) -> list[Flowable]:
    status = ("This copy is a draft: it shows the plan as it stands and is not for signature." if report.draft
              else "This copy was issued for signature.")
    about = ("This report is generated from the district's plan file. Every page shows the first 12 characters "
             "of the plan fingerprint and the signature page shows all 64: a copy with a different fingerprint "
             f"is a different version of the plan. {status}")
    return [PageBreak(), SectionStart(), H1("Contents", report.styles.h1), Contents(_entries(report)), Spacer(1, 28),
            Para("ABOUT THIS COPY", report.styles.kicker), Para(escape(about), report.styles.muted)]


def _story(report: Report, progress: Progress) -> list[Flowable]:
    parts: Sequence[Section] = (lambda r: [NextPageTemplate("body")], cover.build, _contents, summary.build,
                                *(build for _, build in PANES), findings.build, signature.build)
    story: list[Flowable] = []
    for i, part in enumerate(parts):
        story += part(report)
        progress(0.3 * (i + 1) / len(parts))
    return story


def _cover_band(canv: Any, doc: Any) -> None:
    """The cover's accent band across the top of the page."""
    with artifact(canv):
        canv.saveState()
        canv.setFillColor(PALETTE.accent)
        canv.rect(0, PAGE_HEIGHT - 0.42 * 72, PAGE_WIDTH, 0.42 * 72, stroke=0, fill=1)
        canv.restoreState()


class _PlanDocTemplate(BaseDocTemplate):
    """Reports layout progress as flowables are placed."""

    def __init__(self, path: str, *, progress: Progress, expected: int, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self._progress, self._expected, self._placed = progress, max(1, expected), 0

    def afterFlowable(self, flowable: Flowable) -> None:
        self._placed += 1
        self._progress(min(0.95, 0.3 + 0.65 * self._placed / self._expected))


def _template(report: Report, path: Path, progress: Progress, expected: int) -> _PlanDocTemplate:
    frame = partial(TaggedFrame, MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, leftPadding=0, rightPadding=0,
                    topPadding=0, bottomPadding=0)
    title = f"{report.short_district} Technology Plan {report.fiscal_years}"
    doc = _PlanDocTemplate(
        str(path), progress=progress, expected=expected, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), title=title,
        author=report.short_district, subject=f"District technology plan; plan fingerprint {report.fingerprint}",
        keywords=["technology plan", report.fingerprint], creator=f"Summit Planner {__version__}",
        lang="en-US", invariant=1, pageCompression=1, displayDocTitle=1, initialFontName=FACES.regular)
    doc.addPageTemplates([PageTemplate("cover", [frame(id="cover")], onPage=_cover_band),
                          PageTemplate("body", [frame(id="body")])])
    return doc


def _furniture(report: Report) -> Furniture:
    return Furniture(report.short_district, f"Technology Plan {report.fiscal_years}", report.fingerprint[:12],
                     report.draft, _pdf_date(document_date(report.plan)))


def write_pdf(plan: model.Plan, path: Path | str, progress: Progress | None = None, *, draft: bool = False) -> None:
    """Write the plan's report to ``path``; ``draft`` marks every page "not for signature"."""
    with collector_paused():
        _write_pdf(plan, Path(path), progress, draft)


def _write_pdf(plan: model.Plan, path: Path, progress: Progress | None, draft: bool) -> None:
    tell: Progress = progress or (lambda _: None)
    content = load_content()
    assessment = assess(plan, content)
    report = Report(plan, content, make_styles(), summarize(plan, content), tuple(assessment.open),
                    fingerprint(plan), draft, tuple(assessment.accepted), tuple(assessment.lapsed))
    story = _story(report, tell)
    doc = _template(report, Path(path), tell, len(story))
    with _plain_streams():
        doc.build(story, canvasmaker=partial(PlanCanvas, furniture=_furniture(report)))
    tell(1.0)


@contextmanager
def _plain_streams() -> Iterator[None]:
    """Compressed streams without the ASCII85 layer reportlab adds by default (a slow pure-Python
    encoder that only makes files larger); reportlab reads this from its global config."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


__all__ = ["Progress", "document_date", "write_pdf"]
