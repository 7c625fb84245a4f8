"""Members' personal links and the printed cards that carry them (name, table, link, QR code).

Each member of a table's plan gets one token (``secrets.token_urlsafe``, 192
bits); the server keeps its SHA-256 digest only, the facilitator's
``phones.json`` the token itself (so a lost card can be printed again). A member
no longer on the plan has their token revoked when the cards are made, and at
their next request whatever happens first.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from summit_app.room.phones.database import PRIVATE_SCHEMA, admin_connection, members_table
from summit_app.room.phones.settings import TOKEN_BYTES, PhonesSettings, load_settings, save_settings
from summit_app.room.phones.store import digest
from summit_app.room.server import talking
from summit_app.room.state import RoomState, load_state, room_lock
from summit_app.workflows.errors import UsageError


@dataclass(frozen=True)
class Card:
    """One member's card: who, which table, and their personal link."""

    table: str
    member_id: str
    name: str
    link: str


def base_url(state: RoomState, settings: PhonesSettings) -> str:
    if not settings.port:
        raise UsageError("phones", "the phone service has not been started; start it with: summit-app room phones")
    host = f"[{state.host}]" if ":" in state.host else state.host
    return f"http://{host}:{settings.port}"


def member_cards(room: Path, table: str) -> list[Card]:
    """A card per member of ``table``'s plan, in team order: tokens made for new members, removed members' revoked."""
    with room_lock(room):
        state = load_state(room)
        if table not in state.tables:
            known = ", ".join(sorted(state.tables)) or "none yet"
            raise UsageError(f"table {table}", f"the room has no table of that name (tables: {known})")
        settings = load_settings(room)
        if settings is None:
            raise UsageError("phones", "the phone service has not been started; start it with: summit-app room phones")
        base = base_url(state, settings)
        with talking(room, state, "no cards were made"), admin_connection(room, state) as conn:
            team = _team(conn, table)
            mine = dict(settings.tokens.get(table, {}))
            _revoke(conn, table, [m for m in mine if m not in dict(team)])
            fresh = {m: secrets.token_urlsafe(TOKEN_BYTES) for m, _ in team if m not in mine}
            for member_id, token in fresh.items():
                conn.execute(f"UPDATE {PRIVATE_SCHEMA}.token SET revoked = true WHERE table_name = %s "
                             "AND member_id = %s", (table, member_id))
                conn.execute(f"INSERT INTO {PRIVATE_SCHEMA}.token (digest, table_name, member_id) VALUES (%s, %s, %s)",
                             (digest(token), table, member_id))
            kept = {m: t for m, t in mine.items() if m in dict(team)} | fresh
            settings.tokens[table] = kept
            save_settings(room, settings)  # before the commit: a token not written down is never handed out
            conn.commit()
    return [Card(table, m, name or "Team member", f"{base}/m/{kept[m]}") for m, name in team]


def _team(conn: psycopg.Connection[Any], table: str) -> list[tuple[str, str]]:
    query = sql.SQL("SELECT id, name FROM {}.{} ORDER BY position").format(sql.Identifier(table),
                                                                          sql.Identifier(members_table()))
    return [(str(i), str(n or "").strip()) for i, n in conn.execute(query)]


def _revoke(conn: psycopg.Connection[Any], table: str, members: list[str]) -> None:
    for member_id in members:
        conn.execute(f"UPDATE {PRIVATE_SCHEMA}.token SET revoked = true WHERE table_name = %s AND member_id = %s",
                     (table, member_id))


# --- the printed sheet -----------------------------------------------------------------------

CARD_COLUMNS, CARD_ROWS = 2, 4


def write_cards_pdf(cards: list[Card], target: str) -> None:
    """The cards on A4/Letter-safe pages, eight to a page: name, table, the QR code and the link in words."""
    from summit_app.outputs import OutputError, write_outputs

    if not target.lower().endswith(".pdf"):
        raise UsageError(target, "the cards are written as a .pdf file")
    if not cards:
        raise UsageError("cards", "the table's plan has no team members yet; add them on the District & team pane")

    def write(temporary: Path) -> None:
        _draw(cards, temporary)

    try:
        write_outputs([(target, write)])
    except OutputError as exc:
        raise UsageError(exc.what, exc.why) from None


def _draw(cards: list[Card], path: Path) -> None:
    import segno
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from summit_app.export.pdf.fonts import register_fonts

    faces = register_fonts()
    width, height = 210 * mm, 279 * mm  # fits both A4 and Letter
    canvas = Canvas(str(path), pagesize=(width, height), invariant=True)
    canvas.setTitle("Phone cards")
    card_w, card_h = (width - 20 * mm) / CARD_COLUMNS, (height - 20 * mm) / CARD_ROWS
    for n, card in enumerate(cards):
        if n and n % (CARD_COLUMNS * CARD_ROWS) == 0:
            canvas.showPage()
        slot = n % (CARD_COLUMNS * CARD_ROWS)
        x = 10 * mm + (slot % CARD_COLUMNS) * card_w
        y = height - 10 * mm - (slot // CARD_COLUMNS + 1) * card_h
        canvas.setDash(2, 2)
        canvas.rect(x, y, card_w, card_h)
        canvas.setDash()
        canvas.setFont(faces.bold, 13)
        canvas.drawString(x + 5 * mm, y + card_h - 9 * mm, card.name[:40])
        canvas.setFont(faces.regular, 9)
        canvas.drawString(x + 5 * mm, y + card_h - 14 * mm, f"Table {card.table} · rate and vote from your phone")
        qr = segno.make_qr(card.link, error="m")
        size = 38 * mm
        _qr(canvas, qr.matrix, x + 5 * mm, y + 8 * mm, size)
        canvas.setFont(faces.regular, 6.5)
        canvas.drawString(x + 5 * mm, y + 4 * mm, card.link)
    canvas.showPage()
    canvas.save()


def _qr(canvas: Any, matrix: Any, x: float, y: float, size: float) -> None:
    rows = list(matrix)
    cell = size / (len(rows) + 8)  # a quiet zone of four modules round it
    canvas.setFillGray(0)
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                canvas.rect(x + (c + 4) * cell, y + size - (r + 5) * cell, cell, cell, stroke=0, fill=1)
