"""The facilitator's tools for one main window: present mode, the agenda, dot voting, the roll-up.

The window's menus call these; each tool is made when first used and, where it
belongs to the open plan (present mode, voting), ends when the plan closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from summit_app.ui.workspace.plan_window import PlanWindow

if TYPE_CHECKING:
    from summit_app.ui.facilitation.present.agenda import AgendaDialog
    from summit_app.ui.facilitation.present.mode import PresentMode
    from summit_app.ui.facilitation.rollup_dialog import RollupDialog
    from summit_app.ui.facilitation.voting_dialog import VotingDialog


class FacilitatorTools(QObject):
    """Owns the tools; ``present`` is the window's present mode.

    Each tool's module is imported when the tool is first used, which keeps
    them (and the roll-up's writers) out of the app's start-up time.
    """

    def __init__(self, window: PlanWindow) -> None:
        super().__init__(window)
        self.window = window
        self._present: PresentMode | None = None
        self.voting: VotingDialog | None = None
        self.rollup: RollupDialog | None = None

    @property
    def present(self) -> PresentMode:
        if self._present is None:
            from summit_app.ui.facilitation.present.mode import PresentMode

            self._present = PresentMode(self.window)
        return self._present

    def toggle_present(self) -> None:
        self.present.toggle()

    def open_voting(self) -> VotingDialog | None:
        """The plan's dot-voting dialog (the same one, votes kept, until the plan closes)."""
        context = self.window.context
        if context is None:
            return None
        if self.voting is None:
            from summit_app.ui.facilitation.voting_dialog import VotingDialog

            self.voting = VotingDialog(context, self.window)
        self.voting.show()
        self.voting.raise_()
        return self.voting

    def open_agenda(self) -> AgendaDialog:
        """Change the time-boxes; OK keeps them in the preferences."""
        content = self.window.context.content if self.window.context else None
        if content is None:
            from summit_app.plan.content import load_content

            content = load_content()
        from summit_app.ui.facilitation.present.agenda import AgendaDialog

        dialog = AgendaDialog(content, self.window.preferences.agenda, self._save_agenda, self.window)
        dialog.open()
        return dialog

    def _save_agenda(self, agenda: dict[str, int]) -> None:
        self.window.preferences.agenda = agenda
        if self.window.remember:
            self.window.preferences.save()

    def open_rollup(self) -> RollupDialog:
        if self.rollup is None:
            folder = self.window.plan_path().parent if self.window.context else None
            from summit_app.ui.facilitation.rollup_dialog import RollupDialog

            self.rollup = RollupDialog(self.window.prompts, folder, self.window)
        self.rollup.show()
        self.rollup.raise_()
        return self.rollup

    def plan_closing(self) -> None:
        """The open plan is about to close: present mode and its voting end with it."""
        if self._present is not None:
            self._present.leave()
        if self.voting is not None:
            self.voting.close()
            self.voting.deleteLater()
            self.voting = None

    def window_closing(self) -> None:
        self.plan_closing()
        if self.rollup is not None:
            self.rollup.close()
