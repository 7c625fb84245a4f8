"""The regional roll-up as a PDF report: headline figures, then one section per measure.

Uses the plan report's typeface, palette, styles and data tables (export/pdf), so
both documents look alike. An anonymous report names no district anywhere,
document properties included, except a district that opted in to peer matching,
as the suggested peer of another that also did (plan/peers.py); it names skipped
files only by their place in the list. Every string from a plan or a file name is drawn literally (data
tables, chart labels) or escaped (paragraphs): never markup.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, time
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
)

from summit_app import __version__
from summit_app.export.pdf.canvas import HeldPagesCanvas
from summit_app.export.pdf.fonts import FACES
from summit_app.export.pdf.markup import escape
from summit_app.export.pdf.styles import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PALETTE,
    TABLE,
    Styles,
    make_styles,
)
from summit_app.export.pdf.tables import Column, DataTable, Part, row
from summit_app.export.rollup_charts import Band, KeyFigures, box_chart, count_bars, nice_scale
from summit_app.export.rollup_figures import (
    ANONYMOUS_PEERS_TITLE,
    NAMED_PEERS_LEAD,
    NAMED_PEERS_TITLE,
    NO_NAMED_PEERS,
    NO_PEER,
    PEERS_TITLE,
    STAT_HEADERS,
    TITLE,
    Measure,
    Unit,
    anonymous_peers_lead,
    key_figures,
    measures,
    method_notes,
    peer_lead,
    peer_left_out,
    peer_rows,
    peers_suppressed,
    plural,
    sentence,
    shown,
    stat_values,
    subtitle,
)
from summit_app.plan.peers import PeerRow
from summit_app.plan.rollup import Distribution, Figure, RollupReport, Suppressed

HEADER_Y = PAGE_HEIGHT - 0.58 * inch
FOOTER_Y = 0.52 * inch
#: The PDF's date when the report carries none (it never comes from the clock: same input, same bytes).
FALLBACK_DATE = datetime(2000, 1, 1)
READINESS_LEVELS = (Band(0, 3.5, "Investigating"), Band(3.5, 5.5, "Envisioning"), Band(5.5, 7.5, "Planning"),
                    Band(7.5, 10, "Staging"))


class RollupCanvas(HeldPagesCanvas):
    """The roll-up's canvas: a running title and "Page n of N" on every page."""

    def __init__(self, *args: Any, pdf_date: str, running_title: str, **kwargs: Any) -> None:
        super().__init__(*args, pdf_date=pdf_date, **kwargs)
        self.running_title = running_title

    def draw_furniture(self, total: int) -> None:
        self._furniture(self.getPageNumber(), total)

    def _furniture(self, page: int, total: int) -> None:
        self.saveState()
        self.setStrokeColor(PALETTE.rule)
        self.setLineWidth(0.5)
        if page > 1:
            self.setFont(FACES.bold, 7.8)
            self.setFillColor(PALETTE.accent)
            self.drawString(MARGIN_LEFT, HEADER_Y, TITLE)
            self.setFont(FACES.regular, 7.8)
            self.setFillColor(PALETTE.muted)
            self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, HEADER_Y, self.running_title)
            self.line(MARGIN_LEFT, HEADER_Y - 6, PAGE_WIDTH - MARGIN_RIGHT, HEADER_Y - 6)
        self.line(MARGIN_LEFT, FOOTER_Y + 11, PAGE_WIDTH - MARGIN_RIGHT, FOOTER_Y + 11)
        self.setFont(FACES.regular, 7.5)
        self.setFillColor(PALETTE.muted)
        self.drawString(MARGIN_LEFT, FOOTER_Y, f"Summit Planner {__version__} · regional roll-up")
        self.setFillColor(PALETTE.ink)
        self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, FOOTER_Y, f"Page {page} of {total}")
        self.restoreState()


# --- sections ----------------------------------------------------------------------------


#: The statistics' column titles in the PDF's narrower columns (the lead text says what Q1 and Q3 are).
COMPACT = dataclasses.replace(TABLE, pad_y=2.8)
SHORT_HEADERS = ("Districts", "Mean", "Lowest", "Q1", "Median", "Q3", "Highest")


def _stat_columns(first: str) -> list[Column]:
    return [Column(first, 4.8), *(Column(h, 1.1, "right") for h in SHORT_HEADERS)]


def _suppressed(label: str, reason: Suppressed, blanks: int) -> Any:
    """A row whose figures are left out: its reason under the label, dashes for the figures."""
    return row((Part(label, "bold"), Part(reason.text, "muted")), *(["—"] * blanks))


def _stat_row(label: str, figure: Figure, unit: Unit) -> Any:
    if isinstance(figure, Suppressed):
        return _suppressed(label, figure, len(STAT_HEADERS))
    return row(Part(label, "bold"), f"{figure.count:,}", *(shown(v, unit) for v in stat_values(figure)))


def _heading(text: str, styles: Styles, lead: str) -> list[Flowable]:
    return [Paragraph(escape(text), styles.h2), Paragraph(escape(lead), styles.body)]


def _readiness(report: RollupReport, styles: Styles) -> list[Flowable]:
    rows = report.summary.readiness
    chart = box_chart([(g.name, g.figure) for g in rows], FRAME_WIDTH, low=0, high=10, step=1,
                      label=lambda v: f"{v:g}", bands=READINESS_LEVELS, row=16)
    table = DataTable(_stat_columns("Future Ready gear"),
                      [_stat_row(g.name, g.figure, Unit.SCORE) for g in rows], look=COMPACT)
    lead = ("Each district's consensus score out of 10 per Future Ready gear and overall; shaded bands are the "
            "readiness levels. Q1 and Q3 are the lower and upper quartiles.")
    return [KeepTogether([*_heading("Readiness by gear", styles, lead), chart]), Spacer(1, 4),
            KeepTogether([table])]


def _goal_areas(report: RollupReport, styles: Styles) -> list[Flowable]:
    areas = report.summary.goal_areas
    shown_areas = [a for a in areas if a.suppressed is None]
    lead = (f"Goals in {plural(report.summary.district_count, 'plan')} by the Future Ready gear they serve, "
            "most goals first.")
    out: list[Flowable] = _heading("Most common goal areas", styles, lead)
    if shown_areas:
        out = [KeepTogether([*out, count_bars([(a.name, a.goals or 0) for a in shown_areas], FRAME_WIDTH)]),
               Spacer(1, 6)]
    columns = [Column("Future Ready gear", 3.2), Column("Goals", 1.0, "right"),
               Column("Districts with such a goal", 1.6, "right"), Column("Share of districts", 1.4, "right")]
    table_rows = [_suppressed(a.name, a.suppressed, 3) if a.suppressed
                  else row(Part(a.name, "bold"), f"{a.goals:,}", f"{a.districts:,}",
                           shown(a.share or Decimal(0), Unit.SHARE)) for a in areas]
    return [*out, DataTable(columns, table_rows)]


def _scale_for(figure: Distribution, unit: Unit) -> tuple[float, float]:
    if unit is Unit.SHARE:
        return 0.2, 1.0
    return nice_scale(float(figure.maximum))


def _axis_label(unit: Unit) -> Any:
    if unit is Unit.MONEY:
        return lambda v: f"${v:,.0f}"
    if unit is Unit.SHARE:
        return lambda v: f"{v * 100:.0f}%"
    return lambda v: f"{v:,.0f}"




def _measure(report: RollupReport, measure: Measure, styles: Styles) -> list[Flowable]:
    out = _heading(measure.title, styles, measure.lead)
    if measure.unit is Unit.SHARE:
        out.append(_region_coverage(report, styles))
    if isinstance(measure.figure, Distribution):
        step, ceiling = _scale_for(measure.figure, measure.unit)
        out.append(box_chart([("All districts", measure.figure)], FRAME_WIDTH, low=0, high=ceiling, step=step,
                             label=_axis_label(measure.unit), label_width=80))
    out.append(DataTable(_stat_columns("Per district"), [_stat_row("All districts", measure.figure, measure.unit)]))
    if measure.left_out:
        out.append(Paragraph(escape(f"Left out: {measure.left_out}."), styles.muted))
    return [KeepTogether(out)]


def _region_coverage(report: RollupReport, styles: Styles) -> Paragraph:
    cover = report.summary.coverage
    if isinstance(cover.overall, Suppressed):
        return Paragraph(escape(f"Across the region: {cover.overall.text}."), styles.body)
    text = (f"Across the region, <b>{shown(cover.overall, Unit.SHARE)}</b> of the {cover.apps:,} inventory apps "
            f"holding student data have a signed agreement ({cover.signed:,} apps).")
    return Paragraph(text, styles.body)


PEER_COLUMNS = [Column("District", 1.3), Column("Suggested peer", 2.1), Column("Why alike", 2.6)]


def _peer_table(rows: list[PeerRow]) -> DataTable:
    """One line per suggestion; the district in bold on its first line and muted on the others, so each group
    reads as one and a group carried over to the next page still says whose it is."""
    lines, last = [], None
    for district, suggestion in peer_rows(rows):
        label = Part(district, "bold" if district != last else "muted")
        last = district
        if suggestion is None:
            lines.append(row(label, Part(NO_PEER, "muted"), ""))
            continue
        peer = (Part(suggestion.peer, "bold"), Part(suggestion.description, "muted")) if suggestion.description \
            else Part(suggestion.peer, "bold")
        lines.append(row(label, peer, sentence(suggestion.why)))
    return DataTable(PEER_COLUMNS, lines, look=COMPACT)


def _peers(report: RollupReport, styles: Styles) -> list[Flowable]:
    """The suggested peers: the pairs named to each other, then every district by pseudonym."""
    summary = report.summary
    peers = summary.peers
    out: list[Flowable] = [CondPageBreak(160), *_heading(PEERS_TITLE, styles, peer_lead(summary)),
                           Paragraph(NAMED_PEERS_TITLE, styles.h3),
                           Paragraph(escape(NAMED_PEERS_LEAD), styles.body)]
    out.append(_peer_table(list(peers.named)) if peers.named
               else Paragraph(NO_NAMED_PEERS, styles.muted))
    out += [CondPageBreak(90), Paragraph(ANONYMOUS_PEERS_TITLE, styles.h3)]
    if peers.anonymous is None:
        out.append(Paragraph(escape(peers_suppressed(summary)), styles.body))
    else:
        out += [Paragraph(escape(anonymous_peers_lead(summary)), styles.body), _peer_table(list(peers.anonymous))]
    if peer_left_out(summary):
        out.append(Paragraph(escape(peer_left_out(summary)), styles.muted))
    return out


def _districts(report: RollupReport, styles: Styles) -> list[Flowable]:
    # Shares in points of the frame's 482: each title's longest word fits its column whole.
    columns = [Column("District", 105), Column("Students", 46, "right"), Column("Goals", 33, "right"),
               Column("Readiness", 51, "right"), Column("Investment per student", 56, "right"),
               Column("Cost per student per year", 46, "right"), Column("Privacy coverage", 47, "right"),
               Column("PD hours per teacher", 41, "right"), Column("Pseudonym", 57, "right")]
    units = (Unit.SCORE, Unit.MONEY, Unit.MONEY, Unit.SHARE, Unit.HOURS)
    rows = [row(Part(d.name or "(not named)", "bold"), f"{d.enrollment:,}", f"{d.goals:,}",
                *("—" if v is None else shown(v, u) for v, u in
                  zip((d.readiness, d.per_student, d.cost_per_student_per_year, d.coverage,
                       d.pd_hours_per_teacher), units, strict=True)), d.pseudonym or "—")
            for d in report.summary.districts]
    lead = ("Each district's own figures (this report names districts: share it accordingly), and its pseudonym "
            "in the anonymous suggested peers, for the facilitator to tell each district its own.")
    return [CondPageBreak(130), *_heading("Districts", styles, lead), DataTable(columns, rows)]


def _skipped(report: RollupReport, styles: Styles) -> list[Flowable]:
    if not report.skipped:
        return _heading("Files skipped", styles, "None: every listed file was read.")
    verb = "is" if len(report.skipped) == 1 else "are"
    lead = f"{plural(len(report.skipped), 'listed file')} could not be read and {verb} left out of every figure."
    rows = [row(report.skipped_label(s), s.why) for s in report.skipped]
    table = DataTable([Column("File", 2.2), Column("Why it was skipped", 4.0)], rows)
    return [CondPageBreak(110), *_heading("Files skipped", styles, lead), table]


def _notes(report: RollupReport, styles: Styles) -> list[Flowable]:
    notes = [Paragraph("• " + escape(n), styles.body_small) for n in method_notes(report.summary)]
    return [KeepTogether([Paragraph("About these figures", styles.h2), *notes])]


def _story(report: RollupReport, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph("SUMMIT PLANNER · REGIONAL ROLL-UP", styles.kicker),
        Paragraph(escape(TITLE), styles.h1),
        Paragraph(escape(subtitle(report)), styles.cover_line),
        Spacer(1, 8), KeyFigures(key_figures(report)),
        *_readiness(report, styles), *_goal_areas(report, styles),
    ]
    for measure in measures(report.summary):
        story += _measure(report, measure, styles)
    story += _peers(report, styles)
    if report.summary.named:
        story += _districts(report, styles)
    return story + _skipped(report, styles) + _notes(report, styles)


def _pdf_date(report: RollupReport) -> str:
    when = datetime.combine(report.prepared, time()) if report.prepared else FALLBACK_DATE
    return f"D:{when:%Y%m%d%H%M%S}+00'00'"


def write_rollup_pdf(report: RollupReport, path: Path | str) -> None:
    """Write the roll-up report to ``path``; the same report gives the same bytes."""
    styles = make_styles()
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc = BaseDocTemplate(
        str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), title=TITLE, author="Summit Planner",
        subject="Regional roll-up of district technology plans", keywords=["technology plan", "regional roll-up"],
        creator=f"Summit Planner {__version__}", lang="en-US", invariant=1, pageCompression=1, displayDocTitle=1,
        initialFontName=FACES.regular)
    doc.addPageTemplates([PageTemplate("body", [frame])])
    doc.build(_story(report, styles),
              canvasmaker=partial(RollupCanvas, pdf_date=_pdf_date(report), running_title=subtitle(report)))
