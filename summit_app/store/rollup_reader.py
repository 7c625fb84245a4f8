"""Reading many plan files for a regional roll-up: fast, in order, and never stopped by a bad file.

Every file is checked exactly as ``PlanFile.open(path, read_only=True)`` checks
it (header, application id, revision, integrity; an older file is migrated in a
temporary copy). A file that fails is reported as ``SkippedFile`` with the
one-line reason, and the others are read.

Speed: ``PlanFile.load`` reads with the standard library's sqlite3 (``fast_read``),
about 4 ms for a district's plan, without importing SQLAlchemy unless a file
needs migrating. That is quicker than a pool of worker processes can send plans
back (1,600 files: 5.8 s read here, 9.3 s by two ``spawn`` workers), so files
are read in this process unless ``workers`` asks for a pool.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import InvalidOperation
from pathlib import Path

from summit_app.plan import model
from summit_app.plan.rollup import SkippedFile
from summit_app.store.errors import PlanFileError
from summit_app.store.location import is_server_location
from summit_app.store.plan_file import open_plan

#: Files read between two progress reports (and per task handed to a worker, with a pool).
CHUNK = 50

Progress = Callable[[int, int], None]  # (files done, files in all)


@dataclass(frozen=True)
class ReadResult:
    plans: list[model.Plan]  # in the order the files were listed
    skipped: list[SkippedFile]  # in the order the files were listed
    listed: int  # files listed, read or not


def read_plan_file(path: Path | str) -> model.Plan:
    """The plan in ``path`` (a file, or a plan on a server), checked exactly as opening it read-only checks it."""
    with open_plan(path, read_only=True) as plan_file:
        return plan_file.load()


def _storage_errors() -> tuple[type[Exception], ...]:
    """What reading a damaged file may raise: sqlite3's and the OS's errors, and SQLAlchemy's
    when a file needed migrating (only then is SQLAlchemy imported, so only then can it raise)."""
    sa_exc = sys.modules.get("sqlalchemy.exc")
    return (sqlite3.Error, OSError, *((sa_exc.SQLAlchemyError,) if sa_exc is not None else ()))


def read_or_why(path: str) -> model.Plan | str:
    """The plan, or the one-line reason it could not be read."""
    try:
        return read_plan_file(path if is_server_location(path) else Path(path))
    except PlanFileError as exc:
        return exc.why
    except (ValueError, TypeError, KeyError, InvalidOperation) as exc:
        return f"holds values this version cannot read ({_first_line(exc)})"
    except Exception as exc:
        if isinstance(exc, _storage_errors()):
            return f"cannot be read ({_first_line(exc)})"
        raise


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc) or type(exc).__name__
    return text.splitlines()[0]


def read_chunk(paths: list[str]) -> list[model.Plan | str]:
    """Read ``paths`` in order (the task one worker process runs)."""
    return [read_or_why(p) for p in paths]


def _chunks(paths: list[str]) -> list[list[str]]:
    return [paths[i:i + CHUNK] for i in range(0, len(paths), CHUNK)]


def _read_in_pool(paths: list[str], workers: int, progress: Progress | None) -> list[model.Plan | str]:
    import multiprocessing  # here, not at the top: the app imports this module on every start
    from concurrent.futures import ProcessPoolExecutor

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


def read_plans(paths: Sequence[Path | str], *, workers: int = 1,
               progress: Progress | None = None) -> ReadResult:
    """Read every listed plan file; files that cannot be read are skipped, never fatal."""
    unique, skipped = _unique(paths)
    names = [path for _, path in unique]
    results = _read_in_pool(names, workers, progress) if workers > 1 else _read_here(names, progress)
    plans = [r for r in results if not isinstance(r, str)]
    skipped += [SkippedFile(p, r, i) for (i, p), r in zip(unique, results, strict=True) if isinstance(r, str)]
    return ReadResult(plans, sorted(skipped, key=lambda s: s.position), len(paths))
