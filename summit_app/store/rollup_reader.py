"""Reading many plan files for a regional roll-up: fast, in order, and never stopped by a bad file.

Every file is checked exactly as ``PlanFile.open(path, read_only=True)`` checks
it (header, application id, revision, integrity; an older file is migrated in a
temporary copy). A file that fails is reported as ``SkippedFile`` with the
one-line reason, and the others are read.

Speed: ``PlanFile`` makes an engine per file, and a new engine compiles every
SELECT again, which is most of a small plan's read time. ``BatchReader`` reads
current-revision files through one engine whose connections open the file at
hand, so the statements compile once. Long lists are split over a pool of
worker processes (``spawn``: safe to start from a program that runs threads).
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from decimal import InvalidOperation
from pathlib import Path

import sqlalchemy as sa

from summit_app.plan import model
from summit_app.plan.rollup import SkippedFile
from summit_app.store.errors import PlanFileError
from summit_app.store.inspect import check_header
from summit_app.store.plan_file import PlanFile, read_plan
from summit_app.store.schema import SCHEMA_VERSION

#: Lists at least this long are read by a pool of worker processes (starting one costs ~0.3 s).
POOL_THRESHOLD = 200
#: Files per task handed to a worker: large enough that each task's first, compiling read is rare.
CHUNK = 50

Progress = Callable[[int, int], None]  # (files done, files in all)


@dataclass(frozen=True)
class ReadResult:
    plans: list[model.Plan]  # in the order the files were listed
    skipped: list[SkippedFile]  # in the order the files were listed
    listed: int  # files listed, read or not


class BatchReader:
    """Reads plan files one after another through one SQLAlchemy engine."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._engine = sa.create_engine("sqlite+pysqlite://", creator=self._connect, poolclass=sa.pool.NullPool)
        sa.event.listen(self._engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))

    def _connect(self) -> sqlite3.Connection:
        assert self._path is not None
        connection = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=ro", uri=True)
        connection.isolation_level = None  # transactions are begun explicitly, as in store.engine
        return connection

    def read(self, path: Path) -> model.Plan:
        """The plan in ``path``; ``PlanFileError`` when ``PlanFile.open`` would refuse the file."""
        with PlanFile.open(path, read_only=True) as plan_file:
            if check_header(path) != SCHEMA_VERSION:
                return plan_file.load()  # an older file, migrated in a temporary copy
            self._path = path
            with self._engine.connect() as conn, conn.begin():
                return read_plan(conn)

    def read_or_why(self, path: str) -> model.Plan | str:
        """The plan, or the one-line reason it could not be read."""
        try:
            return self.read(Path(path))
        except PlanFileError as exc:
            return exc.why
        except (sa.exc.SQLAlchemyError, sqlite3.Error, OSError) as exc:
            return f"cannot be read ({_first_line(exc)})"
        except (ValueError, TypeError, KeyError, InvalidOperation) as exc:
            return f"holds values this version cannot read ({_first_line(exc)})"

    def close(self) -> None:
        self._engine.dispose()


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc) or type(exc).__name__
    return text.splitlines()[0]


def read_chunk(paths: list[str]) -> list[model.Plan | str]:
    """Read ``paths`` in order (the task one worker process runs)."""
    reader = BatchReader()
    try:
        return [reader.read_or_why(p) for p in paths]
    finally:
        reader.close()


def _chunks(paths: list[str]) -> list[list[str]]:
    return [paths[i:i + CHUNK] for i in range(0, len(paths), CHUNK)]


def _read_in_pool(paths: list[str], workers: int, progress: Progress | None) -> list[model.Plan | str]:
    out: list[model.Plan | str] = []
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for result in pool.map(read_chunk, _chunks(paths)):
            out += result
            if progress:
                progress(len(out), len(paths))
    return out


def _read_here(paths: list[str], progress: Progress | None) -> list[model.Plan | str]:
    out: list[model.Plan | str] = []
    for chunk in _chunks(paths):
        out += read_chunk(chunk)
        if progress:
            progress(len(out), len(paths))
    return out


def default_workers(count: int) -> int:
    """Worker processes worth starting for ``count`` files: none (1) for short lists, else up to 2."""
    return 1 if count < POOL_THRESHOLD else max(1, min(2, os.cpu_count() or 1))


def _unique(paths: Sequence[Path | str]) -> tuple[list[tuple[int, str]], list[SkippedFile]]:
    """(position, path) of each file to read, and a skip for each file listed again."""
    seen: set[Path] = set()
    keep, repeats = [], []
    for i, path in enumerate(paths, start=1):
        resolved = Path(path).resolve()
        if resolved in seen:
            repeats.append(SkippedFile(str(path), "listed more than once; read once", i))
        else:
            seen.add(resolved)
            keep.append((i, str(path)))
    return keep, repeats


def read_plans(paths: Sequence[Path | str], *, workers: int | None = None,
               progress: Progress | None = None) -> ReadResult:
    """Read every listed plan file; files that cannot be read are skipped, never fatal."""
    unique, skipped = _unique(paths)
    names = [path for _, path in unique]
    count = default_workers(len(names)) if workers is None else workers
    results = _read_in_pool(names, count, progress) if count > 1 else _read_here(names, progress)
    plans = [r for r in results if not isinstance(r, str)]
    skipped += [SkippedFile(p, r, i) for (i, p), r in zip(unique, results, strict=True) if isinstance(r, str)]
    return ReadResult(plans, sorted(skipped, key=lambda s: s.position), len(paths))
