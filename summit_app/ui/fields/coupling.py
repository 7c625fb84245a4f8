"""Budget and privacy, coupled: software the district pays for gets its privacy-inventory entry.

When someone adds a software budget line, or makes a line software, and the
line names no inventory entry, the app offers (through the prompt service) to
link the entry the inventory already has for it (``plan.inventory``), or to
create one. Accepting applies one ``Batch``: the new ``AppEntry`` (named after
the line, no agreement yet, approval pending) and the line's link to it, so a
single undo takes both back. The offer follows the edit on the next turn of the
event loop, never inside it: a table's cell editor is still closing then, and
the line's own edit must be on the undo stack first.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from PySide6.QtCore import QObject, QTimer

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.edits import AddItem, Batch, Edit, SetField
from summit_app.plan.inventory import is_software_category, is_software_line, matching_apps
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields.collection_edits import new_id

NEW_ENTRY = ""  # the answer to "link which entry?" that adds a new one instead


def _flat(edit: Edit) -> Iterator[Edit]:
    if isinstance(edit, Batch):
        for part in edit.edits:
            yield from _flat(part)
    else:
        yield edit


def lines_made_software(edit: Edit, content: Content) -> list[str]:
    """Ids of budget lines this edit added as software, or switched to a software category."""
    found = []
    for part in _flat(edit):
        if (isinstance(part, AddItem) and part.collection == "budget"
                and is_software_category(part.item.category, content)):
            found.append(part.item.id)
        elif (isinstance(part, SetField) and part.collection == "budget" and part.field == "category"
              and is_software_category(str(part.value), content)):
            found.append(part.item_id)
    return found


def inventory_edit(plan: model.Plan, line: model.BudgetLine) -> Batch:
    """Add the line's app to the privacy inventory and link the line to it, as one undo step."""
    name = line.description.strip() or "New app"
    app = model.AppEntry(new_id(plan, "apps", "app"), name=name, agreement_status="none", approval="pending")
    return Batch((AddItem("apps", app), SetField("budget", line.id, "app_id", app.id)),
                 f"Add “{name}” to the privacy inventory")


class PrivacyCoupling(QObject):
    """Watches new edits of ``context`` and offers an inventory entry for new software lines."""

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.context = context
        context.edited.connect(self._edited)

    def _edited(self, edit: Edit) -> None:
        line_ids = lines_made_software(edit, self.context.content)
        if line_ids:
            QTimer.singleShot(0, self, partial(self.offer, line_ids))

    def offer(self, line_ids: list[str]) -> None:
        """Ask, for each line still software with no entry, whether to add its entry."""
        if self.context.closed or self.context.read_only:
            return
        for line_id in line_ids:
            line = self.context.plan.item("budget", line_id)
            if not isinstance(line, model.BudgetLine) or line.app_id is not None:
                continue
            if not is_software_line(line, self.context.content):
                continue
            known = matching_apps(self.context.plan, line)
            if known:
                self._link_or_add(line, known)
            elif self.context.prompts.offer_privacy_entry(line.description):
                self.context.edit(inventory_edit(self.context.plan, line))

    def _link_or_add(self, line: model.BudgetLine, known: list[model.AppEntry]) -> None:
        """The inventory already lists what the line may buy: link that entry, or add another."""
        choice = self.context.prompts.link_privacy_entry(line.description, [(a.id, a.name) for a in known])
        if choice is None:
            return
        if choice == NEW_ENTRY:
            self.context.edit(inventory_edit(self.context.plan, line))
            return
        app = self.context.plan.item("apps", choice)
        name = app.name if isinstance(app, model.AppEntry) else choice
        self.context.edit(SetField("budget", line.id, "app_id", choice,
                                   f"Link “{line.description.strip()}” to “{name}” in the privacy inventory"))
