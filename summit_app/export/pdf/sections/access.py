"""Section 7, Home access and accessibility: who can learn at home, what the budget holds for it, students with
IEP or 504 technology needs, the ADA Title II deadline, and which purchases have an accessibility conformance
report."""

from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.formatting import NONE, count, fy_range, money
from summit_app.export.pdf.markup import para, prose
from summit_app.export.pdf.sections.common import facts, h2, h3, note, opening
from summit_app.export.pdf.tables import TOTAL, Cell, Column, DataTable, Part, Row, row
from summit_app.export.pdf.toc import Entry
from summit_app.plan import model
from summit_app.plan.budget import line_total
from summit_app.plan.equity import home_access_lines, needs_accessibility_report, wcag_deadlines

TITLE = "Home access and accessibility"
NOT_RECORDED = "Not recorded"
#: The status of a report that shows WCAG 2.1 AA conformance.
ON_FILE = "on-file"
#: Room a part's heading needs below it, in points.
PART_START = 120


def entry(report: Report) -> Entry:
    return Entry("access", TITLE, "7")


def report_status(report: Report, status: str) -> str:
    """An accessibility conformance report's status as printed ("Not recorded" when the team gave none)."""
    return report.content.name_of("accessibility_reports", status) if status else NOT_RECORDED


def needs_report(report: Report, line: model.BudgetLine) -> bool:
    """A line that buys devices or software: what a conformance report (WCAG 2.1 AA) is asked for."""
    return needs_accessibility_report(line, report.content)


def _line_name(line: model.BudgetLine) -> str:
    return line.description or NONE


# --- home access -------------------------------------------------------------------------------------------


def _no_internet(report: Report, equity: model.Equity) -> str:
    share = equity.no_home_internet_percent
    students = report.plan.district.enrollment
    if not students:
        return f"{share}%"
    about = (Decimal(students) * share / 100).to_integral_value(rounding=ROUND_HALF_UP)  # as the workbook's ROUND
    return f"{share}%, about {count(int(about))} of {count(students)} students"


def _home_facts(report: Report, equity: model.Equity) -> list[Flowable]:
    pairs: list[tuple[str, Cell]] = [
        ("Students without reliable home internet", _no_internet(report, equity)),
        ("Devices at home", report.name("take_home_policies", equity.take_home) if equity.take_home
         else Part(NOT_RECORDED, "muted")),
    ]
    out: list[Flowable] = [facts(pairs, label_share=0.4)]
    for label, text in (("Take-home and loaner policy", equity.loaner_policy),
                        ("Hotspots and home internet", equity.hotspot_plan)):
        out += [h3(report, label), *(prose(text, report.styles.body) if text.strip()
                                     else [note(report, "Not written yet.")])]
    return out


def _home_lines(report: Report) -> list[Flowable]:
    lines = home_access_lines(report.plan, report.content)
    title = h3(report, "What the budget holds for home access")
    if not lines:
        return [title, note(report, "No budget line is for hotspots or home internet yet.")]
    columns = (Column("Budget line", 0.42), Column("Years", 0.2), Column("Funding source", 0.2),
               Column("Total", 0.18, "right"))
    rows = [row(_line_name(x), _years(x), _source(report, x.funding_source_id), money(line_total(x))) for x in lines]
    rows.append(Row(("Total", "", "", money(sum((line_total(x) for x in lines), Decimal(0)))), TOTAL))
    return [title, DataTable(columns, rows),
            note(report, "Hotspots are not eligible for E-Rate (again since 30 Sept 2025): these lines need "
                         "another source.")]


def _years(line: model.BudgetLine) -> tuple[Part, ...]:
    years = line.years()
    when = fy_range(years[0], years[-1]) if len(years) else NONE
    return Part(when), Part("recurring" if line.recurring else "one-time", "muted")


def _source(report: Report, source_id: str | None) -> str:
    source = report.plan.item("funding", source_id) if source_id else None
    return (source.name or report.name("funding_kinds", source.kind)) if source else "No funding source"


def _home_access(report: Report) -> list[Flowable]:
    equity = report.plan.equity
    title = h2(report, "Home access")
    if _home_unrecorded(equity):
        return [title, note(report, "The plan has no home access record yet: no share of students without "
                                    "home internet, take-home policy or hotspot plan."), *_home_lines(report)]
    return [title, *_home_facts(report, equity), *_home_lines(report)]


def _home_unrecorded(equity: model.Equity) -> bool:
    return not (equity.no_home_internet_percent or equity.take_home or equity.loaner_policy.strip()
                or equity.hotspot_plan.strip())


# --- students with IEP or 504 needs, and the ADA Title II deadline -------------------------------------------


def _assistive(report: Report) -> list[Flowable]:
    equity = report.plan.equity
    title = h2(report, "Students with IEP or 504 technology needs")
    if not equity.assistive_students and not equity.assistive_plan.strip():
        return [title, note(report, "The plan records no students with IEP or 504 technology needs and no "
                                    "plan for their devices yet.")]
    figure = facts([("Students with IEP or 504 technology needs", count(equity.assistive_students))],
                   label_share=0.4)
    plan = (prose(equity.assistive_plan, report.styles.body) if equity.assistive_plan.strip()
            else [note(report, "Not written yet.")])
    return [title, figure, h3(report, "Devices and assistive technology for them"), *plan]


def _deadline(report: Report) -> str:
    size = report.plan.equity.public_entity_size
    entry = next((e for e in report.content.vocabulary("public_entity_sizes") if e.id == size), None)
    if entry is None:
        every = ", ".join(wcag_deadlines(report.content))
        return ("The population the district serves is not recorded yet, so the plan cannot say which ADA Title II "
                f"deadline applies: {every}. Web content and documents the district posts must meet WCAG 2.1 AA "
                "by then.")
    return (f"The district serves {_lower(entry.name)}: under the ADA Title II rule, web content and documents it "
            f"posts must meet WCAG 2.1 AA by {entry.get('wcag_deadline')}.")


def _lower(name: str) -> str:
    """A vocabulary name inside a sentence ("Fewer than 50,000 people" → "fewer than 50,000 people")."""
    return name[:1].lower() + name[1:]


# --- accessibility conformance reports ---------------------------------------------------------------------


def _statuses(report: Report) -> list[str]:
    return ["", *(e.id for e in report.content.vocabulary("accessibility_reports"))]


def _report_counts(report: Report, purchases: list[model.BudgetLine]) -> DataTable:
    apps = Counter(a.accessibility_report for a in report.plan.apps)
    lines = Counter(x.accessibility_report for x in purchases)
    columns = (Column("Report status", 0.5), Column("Apps", 0.25, "right"),
               Column("Device and software lines", 0.25, "right"))
    rows = [row(report_status(report, s), count(apps[s]), count(lines[s])) for s in _statuses(report)
            if apps[s] or lines[s]]
    rows.append(Row(("Total", count(len(report.plan.apps)), count(len(purchases))), TOTAL))
    return DataTable(columns, rows)


def _report_lines(report: Report, lines: list[model.BudgetLine]) -> DataTable:
    # Short headers: a header repeated on a continuation page is an artifact, and checkers take a long
    # one there for prose hidden from readers.
    columns = (Column("Device or software line", 0.44), Column("Category", 0.26), Column("Report status", 0.3))
    rows = [row(_line_name(x), report.name("cost_categories", x.category),
                report_status(report, x.accessibility_report)) for x in lines]
    return DataTable(columns, rows)


def _reports(report: Report) -> list[Flowable]:
    purchases = [x for x in report.plan.budget if needs_report(report, x)]
    title = h2(report, "Accessibility in procurement")
    lead = note(report, "Devices and software should meet WCAG 2.1 AA and work with assistive technology; a "
                        "vendor's accessibility conformance report says how far they do. The app inventory "
                        "(section 5) and the budget lines (section 8) give each one's status.")
    if not report.plan.apps and not purchases:
        return [title, lead, note(report, "The plan has no apps and no device or software lines yet.")]
    out: list[Flowable] = [KeepTogether([title, lead, _report_counts(report, purchases)])]
    to_chase = [x for x in purchases if x.accessibility_report != ON_FILE]
    if to_chase:
        out += [CondPageBreak(PART_START),
                h3(report, f"Device and software lines without a report on file ({len(to_chase)})"),
                _report_lines(report, to_chase)]
    elif purchases:
        out.append(note(report, "Every device and software line has a conformance report on file."))
    return out


def build(report: Report) -> list[Flowable]:
    deadline = KeepTogether([h2(report, "Web content and documents (ADA Title II)"),
                             para(_deadline(report), report.styles.body)])
    return [*opening(report, entry(report)), *_home_access(report), CondPageBreak(PART_START), *_assistive(report),
            deadline, CondPageBreak(PART_START), *_reports(report)]

