"""Review & Readiness panes on ``samples.large_plan()``: the work each edit triggers while they show.

The Review pane recomputes checks, coverage and the signed state after edits
(debounced); the Readiness pane refreshes its tree, detail and radar. Both run
on every edit while visible, so each must stay well inside a frame budget.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from bench.figures import Figure, median_ms, timed


def measure(workdir: Path) -> list[Figure]:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from summit_app.app import application
    from summit_app.plan.edits import SetField
    from summit_app.plan.samples import large_plan
    from summit_app.plan.signing import sign_edit
    from summit_app.store.plan_file import PlanFile, close_document, open_document
    from summit_app.ui.base.context import UiContext
    from summit_app.ui.panes.readiness.readiness import ReadinessPane
    from summit_app.ui.panes.review.review import ReviewPane

    app = application()
    path = workdir / "large.techplan"
    PlanFile.create(path, large_plan()).close()
    context = UiContext(open_document(path))
    review, readiness = ReviewPane(context), ReadinessPane(context)
    for pane in (review, readiness):
        pane.resize(1440, 900)
        pane.show()
    app.processEvents()

    def recompute() -> None:
        # A copy of the plan, as an edit hands over a new one: the pane skips the plan it already shows.
        review.refresh(dataclasses.replace(context.plan))
        review.flush()

    unsigned = median_ms(timed(recompute))
    context.edit(sign_edit(context.plan, datetime.now(UTC)))
    context.edit(SetField("approval", "", "board_president", "Bench Mark"))
    changed = median_ms(timed(recompute))
    scores = iter(range(100))

    def rate() -> None:
        context.edit(SetField("readiness", "cia-content", "score", next(scores) % 11))
        readiness.refresh(context.plan)
        app.processEvents()

    rating = median_ms(timed(rate))
    for pane in (review, readiness):
        pane.close()
        pane.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # gone before Python exits
    context.close()
    close_document(context.document)
    return [
        Figure("review: recompute findings, coverage, signed state (large)", unsigned, "ms", target=100),
        Figure("review: same, changed since signed (large)", changed, "ms", target=150,
               note="fingerprint + edit log"),
        Figure("readiness: score an element, saved and shown (large)", rating, "ms", target=100,
               note="includes the durable SQLite commit"),
    ]
