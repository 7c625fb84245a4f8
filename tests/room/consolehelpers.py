"""The room console's tests: scripted modal questions, and no window left open."""

from __future__ import annotations

from pathlib import Path

from guihelpers import ScriptedPrompts

from summit_app.ui.room.console_prompts import ConsolePrompts, NewTable, StartChoice


class ScriptedConsolePrompts(ScriptedPrompts, ConsolePrompts):
    """The console's questions answered from a script (``script(method, answers…)``); any other fails the test."""

    def confirm(self, title: str, text: str, action: str) -> bool:
        return self._answer("confirm", title, text, action)  # type: ignore[no-any-return]

    def choose_seat(self, title: str, text: str, seats: list[tuple[str, str]]) -> str | None:
        return self._answer("choose_seat", title, text, seats)  # type: ignore[no-any-return]

    def folder(self, title: str, start: Path) -> Path | None:
        return self._answer("folder", title, start)  # type: ignore[no-any-return]

    def start_room(self, folder: Path) -> StartChoice | None:
        return self._answer("start_room", folder)  # type: ignore[no-any-return]

    def new_table(self, taken: list[str]) -> NewTable | None:
        return self._answer("new_table", taken)  # type: ignore[no-any-return]
