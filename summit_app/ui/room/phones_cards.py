"""The facilitator prints a table's members' phone cards from the room console.

The cards carry the phone service's port, so the service is started first
when it is not running (as ``summit-app room phones`` would); then
``room.phones.cards`` makes a card per member of the table's plan and writes
them as a PDF. The console runs this off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from summit_app.room.phones.cards import member_cards, write_cards_pdf
from summit_app.room.phones.service import start_service

#: What the save dialog offers.
PDF_FILTER = "PDF files (*.pdf)"


def cards_pdf(chosen: Path) -> Path:
    """The chosen file, as a .pdf."""
    return chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")


def print_cards(room: Path, table: str, target: Path) -> str:
    """Start the phone service if needed, then write ``table``'s cards to ``target``; the line that says so."""
    _settings, said = start_service(room)
    cards = member_cards(room, table)
    write_cards_pdf(cards, str(target))
    count = f"{len(cards)} card{'s' if len(cards) != 1 else ''}"
    return f"{said}; wrote {count} for table {table} to {target}."
