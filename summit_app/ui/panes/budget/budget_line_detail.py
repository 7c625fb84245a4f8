"""The selected budget line's details, under the lines table: device, E-Rate and accessibility fields, and what
they mean.

The lines table stays readable at 1280×720 because these fields live here, for
one line at a time, instead of as more columns. Beside the fields the pane
reads out, from ``plan.erate`` and ``plan.rollout``, what E-Rate pays and the
local match, and for a device purchase the network and training in place when
the devices arrive. A device or software purchase also records the vendor's
accessibility conformance report (other lines have none to ask for).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.equity import needs_accessibility_report
from summit_app.plan.erate import ErateShare, erate_share
from summit_app.plan.rollout import TRAINING_DOSE_HOURS, DeviceRollout, device_rollouts
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields import formats
from summit_app.ui.fields.form_section import FormSection, note_label
from summit_app.ui.panes.readiness.readiness_detail import make_card, section_title

DEVICE_FIELDS = ["device_type", "device_users", "replaces_devices", "pilot", "delivery_date"]
ERATE_FIELDS = ["erate_category", "match_source_id"]
ACCESS_FIELDS = ["accessibility_report"]


#: What to do next, by the state of the vendor's accessibility conformance report.
ACCESSIBILITY_NEXT = {
    "on-file": "The vendor reports WCAG 2.1 AA conformance: try it with the assistive technology students use.",
    "gaps": "The report shows gaps: plan how students who use assistive technology will work around them.",
    "not-available": "The vendor has no report: test the product with assistive technology before buying.",
}


def accessibility_text(line: model.BudgetLine, content: Content) -> str:
    """Why the report matters for this line, what to do next, or why the line has none."""
    if not needs_accessibility_report(line, content):
        return "Only device and software purchases need an accessibility conformance report."
    return ACCESSIBILITY_NEXT.get(line.accessibility_report,
                                  "Ask the vendor for its accessibility conformance report before buying: what "
                                  "students and staff use must meet WCAG 2.1 AA and work with assistive technology.")


def erate_text(plan: model.Plan, share: ErateShare | None) -> str:
    """What E-Rate pays on the line and who pays the rest, or why nothing is shown."""
    if share is None:
        return "Not paid by an E-Rate source."
    names = {s.id: s.name for s in plan.funding}
    match = (f"from {names.get(share.match_source_id, 'an unknown source')}" if share.match_source_id
             else "with no source named: unfunded")
    return (f"E-Rate pays {share.rate_percent}%: {formats.money(share.discount_per_year)} a year. "
            f"Local match {formats.money(share.local_match_per_year)} a year {match}.")


def rollout_text(rollout: DeviceRollout | None) -> str:
    """The devices' arrival: growth, the network in effect that day, and the training before it."""
    if rollout is None:
        return "Not a device purchase (choose a device to see its rollout)."
    c = rollout.capacity
    growth = (f"adds {rollout.students_added:,} student devices" if rollout.students_added
              else "no net growth in student devices")
    training = (f"{formats.number(rollout.training_hours_per_teacher)} hours of training per teacher "
                f"for {rollout.teachers_served:,} teachers (research threshold: more than "
                f"{formats.number(TRAINING_DOSE_HOURS)})" if rollout.teachers_served else "no teachers served")
    started = "" if rollout.training_started_before else " (no training starts before delivery)"
    return (f"Delivered {formats.day(rollout.delivery)}: {growth}. "
            f"Network that day: internet {c.internet_mbps:,} Mbps (needs {rollout.needed_internet_mbps:,}), "
            f"Wi-Fi in {c.wifi_coverage_percent}% of classrooms. Before delivery: {training}{started}.")


def _narrow_choices(form: FormSection) -> None:
    """Choice boxes as wide as the column, not as their longest choice (a long source name)."""
    for editor in form.editors.values():
        if isinstance(editor, QComboBox):
            editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            editor.setMinimumContentsLength(14)


class LineDetail(QFrame):
    """Device and E-Rate fields of the line selected above, with what the plan makes of them."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_card(self)
        self.context = context
        layout = QVBoxLayout(self)
        self.title = section_title("Selected line")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        self.devices = FormSection(context, "budget", DEVICE_FIELDS, "Devices")
        self.erate = FormSection(context, "budget", ERATE_FIELDS, "E-Rate")
        self.access = FormSection(context, "budget", ACCESS_FIELDS, "Accessibility")
        self.access.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # a long label above its field
        self.rollout_note = note_label("Device rollout")
        self.erate_note = note_label("E-Rate share")
        self.access_note = note_label("Accessibility")
        for form, note in ((self.devices, self.rollout_note), (self.erate, self.erate_note),
                           (self.access, self.access_note)):
            _narrow_choices(form)
            column = QVBoxLayout()
            column.addWidget(form)
            column.addWidget(note)
            column.addStretch(1)
            row.addLayout(column, 1)
            row.addSpacing(24)
        layout.addLayout(row)

    def bind(self, line_id: str) -> None:
        for form in (self.devices, self.erate, self.access):
            form.bind(line_id)
        self.refresh(self.context.plan)

    def refresh(self, plan: model.Plan) -> None:
        self.devices.refresh(plan)
        self.erate.refresh(plan)
        self.access.refresh(plan)
        line = self.devices.record(plan)
        if line is None:
            self.title.setText("Selected line: none (add a budget line above)")
            for note in (self.rollout_note, self.erate_note, self.access_note):
                note.setText("")
            return
        content = self.context.content
        self.title.setText(f"Selected line: {formats.short(line.description or '(no description)', 70)}")
        rollout = next((r for r in device_rollouts(plan, content) if r.line_id == line.id), None)
        self.rollout_note.setText(rollout_text(rollout))
        self.erate_note.setText(erate_text(plan, erate_share(plan, content, line)))
        applies = needs_accessibility_report(line, content)
        self.access.editor("accessibility_report").setVisible(applies)
        self.access.labels["accessibility_report"].setVisible(applies)
        self.access_note.setText(accessibility_text(line, content))
