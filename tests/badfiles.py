"""Files a person might pick by mistake, each with the reason they must be told.

Used by the store's and the command line's refusal tests: each maker writes
one bad "plan" into a folder of its own, so the test can show that nothing
beside it appears or changes.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import struct
import zlib
from collections.abc import Callable
from pathlib import Path


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\0")) + chunk(b"IEND", b"")


def zero_bytes(path: Path, plan: Path) -> None:
    path.write_bytes(b"")


def random_bytes(path: Path, plan: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(20_000))


def png_renamed(path: Path, plan: Path) -> None:
    path.write_bytes(_png())


def other_database(path: Path, plan: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    con.execute("INSERT INTO recipes VALUES ('soup', 40)")
    con.commit()
    con.close()


def truncated_half_way(path: Path, plan: Path) -> None:
    data = plan.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def truncated_mid_page(path: Path, plan: Path) -> None:
    data = plan.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 1234])


def damaged_pages(path: Path, plan: Path) -> None:
    data = bytearray(plan.read_bytes())
    data[4096 * 8: 4096 * 12] = random.Random(3).randbytes(4096 * 4)
    path.write_bytes(bytes(data))


def newer_revision(path: Path, plan: Path) -> None:
    shutil.copyfile(plan, path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version=99")
    con.close()


def a_folder(path: Path, plan: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("not a plan", encoding="utf-8")


def missing(path: Path, plan: Path) -> None:
    """Nothing at all at ``path``."""


#: maker, and a phrase the one-line reason must contain.
BAD_FILES: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "zero-bytes": (zero_bytes, "the file is empty (0 bytes)"),
    "random-bytes": (random_bytes, "not a Summit Planner plan"),
    "png-renamed": (png_renamed, "not a Summit Planner plan"),
    "other-database": (other_database, "a database of another application"),
    "truncated-half-way": (truncated_half_way, "the file is damaged"),
    "truncated-mid-page": (truncated_mid_page, "the file is damaged"),
    "damaged-pages": (damaged_pages, "the file is damaged"),
    "newer-revision": (newer_revision, "made by a newer version of Summit Planner"),
    "a-folder": (a_folder, "is a folder"),
    "missing": (missing, "no such file"),
}


def snapshot(folder: Path) -> dict[str, str]:
    """Every name under ``folder`` (hidden ones too) with the SHA-256 of its bytes."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            out[os.path.relpath(Path(root, name), folder) + "/"] = "folder"
        for name in files:
            full = Path(root, name)
            out[os.path.relpath(full, folder)] = hashlib.sha256(full.read_bytes()).hexdigest()
    return out
