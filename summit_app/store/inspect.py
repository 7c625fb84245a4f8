"""Checks a file is a usable plan before anything opens it for real.

Read-only: the file is examined through its header bytes and a read-only
SQLite connection, so a refused file is never touched (see PITFALLS.md:
``sqlite3.connect`` succeeds on any file).
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from summit_app.store import guard
from summit_app.store.errors import PlanFileError
from summit_app.store.layout import APPLICATION_ID, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
#: The error a read-only connection gives for a hot journal it may not roll back.
SQLITE_READONLY_ROLLBACK = 776


def _header(path: Path) -> bytes:
    what = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise PlanFileError(what, "no such file") from None
    except OSError as exc:
        raise PlanFileError(what, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise PlanFileError(what, "is a folder, not a plan file")
    if st.st_size == 0:
        raise PlanFileError(what, "the file is empty (0 bytes), not a plan")
    try:
        with path.open("rb") as f:
            return f.read(100)
    except OSError as exc:
        raise PlanFileError(what, f"cannot be read ({exc.strerror or exc})") from None


def _u32(header: bytes, offset: int) -> int:
    return int.from_bytes(header[offset:offset + 4], "big")


def check_header(path: Path, *, hot_journal: bool = False) -> int:
    """The file's schema revision, or ``PlanFileError`` saying why it is not a usable plan.

    With a ``hot_journal`` the header is that of an unfinished transaction: its
    page count may run ahead of the pages written, so the length is not checked.
    """
    what = str(path)
    header = _header(path)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise PlanFileError(what, "not a Summit Planner plan (the file is not a plan database)")
    if _u32(header, 68) != APPLICATION_ID:
        raise PlanFileError(what, "not a Summit Planner plan (it is a database of another application)")
    revision = _u32(header, 60)
    if revision > SCHEMA_VERSION:
        raise PlanFileError(what, f"made by a newer version of Summit Planner (plan format {revision}; "
                                  f"this version reads up to {SCHEMA_VERSION}): update the app to open it")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    complete = _u32(header, 24) == _u32(header, 92) and not hot_journal
    if complete and path.stat().st_size < page_size * _u32(header, 28):
        raise PlanFileError(what, "the file is damaged (it is shorter than it should be; it may have been cut off "
                                  "while copying)")
    return revision


def journal_is_hot(path: Path) -> bool:
    """True if a writer died mid-transaction and left a journal that must be rolled back.

    SQLite's own test, asked through a read-only connection (which reports the
    journal instead of rolling it back): a journal a live writer is using is
    not hot, however big it is.
    """
    journal = path.with_name(path.name + "-journal")
    if not journal.is_file() or journal.stat().st_size == 0:
        return False
    try:
        con = guard.connect(path, mode="ro")
        try:
            con.execute("PRAGMA schema_version").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        return getattr(exc, "sqlite_errorcode", None) == SQLITE_READONLY_ROLLBACK
    return False


def check_integrity(path: Path) -> None:
    """``PRAGMA quick_check`` through a read-only connection."""
    try:
        con = guard.connect(path, mode="ro")
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise guard.refusal(path, exc) from None
    if rows != [("ok",)]:
        raise PlanFileError(str(path), f"the file is damaged ({rows[0][0]})")


def is_read_only(path: Path) -> bool:
    """True if nobody may write the file or its folder by their permission bits.

    Mode bits, not ``os.access``: as root ``access`` says yes to everything, but
    a plan someone made read-only should still be treated so.
    """
    return not _writable(path) or folder_is_read_only(path.parent)


def folder_is_read_only(folder: Path) -> bool:
    """True if nobody may make files in ``folder`` by its permission bits (see ``is_read_only``)."""
    return not _writable(folder)


def _writable(path: Path) -> bool:
    return bool(path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


#: The first bytes of every rollback journal header (SQLite's file format, section 4.1).
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
_JOURNAL_HEADER = 28
#: A journal whose header was never written: SQLite ignores it, and so may we.
NO_HEADER = "it has no journal header"
#: Journal headers this far into the journal are not looked at (a plan's journal is a few pages).
_JOURNAL_SCAN_LIMIT = 64 * 1024 * 1024


def _page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def _journal_pages(journal: bytes, page_size: int) -> tuple[int, list[int]] | str:
    """The database size (in pages) the journal restores and the page numbers it holds, or why it is not ours."""
    offset, original, pages = 0, -1, []
    while offset + _JOURNAL_HEADER <= min(len(journal), _JOURNAL_SCAN_LIMIT):
        if journal[offset:offset + 8] != JOURNAL_MAGIC:
            break
        count, _nonce, size, sector, journal_page_size = (
            _u32(journal, offset + 8 + 4 * i) for i in range(5))
        if journal_page_size != page_size:
            return "its page size is not the plan's"
        if sector < 512 or sector & (sector - 1) or sector > 65536:
            return "its header is not one SQLite writes"
        original = size if original < 0 else original
        offset += sector
        for _ in range(count if count != 0xFFFFFFFF else 0):
            if offset + page_size + 8 > len(journal):
                break
            pages.append(_u32(journal, offset))
            offset += page_size + 8
        offset = -(-offset // sector) * sector
    return (original, pages) if original >= 0 else NO_HEADER


def foreign_journal(path: Path) -> str | None:
    """Why the hot journal beside ``path`` cannot be this plan's unfinished change, or None if it may be.

    A journal holds the pages a writer was about to change, as they were
    before; SQLite rolls back any journal it finds beside a file, whichever
    file it came from. One from another file would write that file's pages
    into this plan, so it must at least fit: the same page size, pages within
    the file, an original size no larger than the file. (The rolled-back copy
    is checked as a whole plan too, before the plan itself is touched.)
    """
    header = _header(path)
    page_size = _page_size(header)
    try:
        with path.with_name(path.name + "-journal").open("rb") as f:
            journal = f.read(_JOURNAL_SCAN_LIMIT)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    found = _journal_pages(journal, page_size)
    if isinstance(found, str):
        return found
    original, pages = found
    file_pages = path.stat().st_size // page_size
    if original > file_pages:
        return "it restores a larger file than this one"
    if any(page < 1 or page > max(original, file_pages) for page in pages):
        return "it restores pages this file does not have"
    if 1 not in pages and _u32(header, 24) == _u32(header, 92) and _u32(header, 28) != original:
        # Page 1 is journaled before it is changed: if it is not in the journal, the file's
        # header is the one the unfinished change began with, and so is its size.
        return "it began on a file of another size"
    return None
