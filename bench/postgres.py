"""Plans on a PostgreSQL server: one durable edit, and opening the large plan.

``make bench`` runs under ``pg_virtualenv -o fsync=on`` (a throw-away cluster
whose commits reach the disk; synchronous_commit is on by default), which sets
PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE. The edit is timed from
``PlanDocument.apply`` to its return, as for a file; beside it, as the peer,
the same write in plain psycopg (update one row, append one log row, commit),
taken in turns with the app's edits:
the floor the server and its disk set for any durable commit. Every line starts
with ``pg:``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import psycopg
from psycopg import sql

from bench.figures import Figure, median_ms, timed
from bench.store import EDITS, OPENS, _percentile, _typical_edit
from summit_app.plan.content import load_content
from summit_app.plan.samples import demo_plan, large_plan
from summit_app.store.plan_file import close_document, create_plan, open_document

SERVER = ("PGHOST", "PGPORT", "PGUSER", "PGDATABASE")


def _url(plan: str) -> str:
    env = os.environ
    return f"postgresql://{env['PGUSER']}@{env['PGHOST']}:{env['PGPORT']}/{env['PGDATABASE']}?plan={plan}"


def _fresh(plan: str, source: object) -> str:
    with psycopg.connect(autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(plan)))
    url = _url(plan)
    create_plan(url, source).close()  # type: ignore[arg-type]
    return url


def _edit_and_raw_times(url: str, raw_plan: str) -> tuple[list[float], list[float]]:
    """Each edit through the app, then the same write in plain psycopg: taken in turns, so both
    see the same disk (a shared machine's fsync time drifts by several times within a minute)."""
    schema = sql.Identifier(raw_plan)
    update = sql.SQL("UPDATE {}.goals SET title = %s WHERE id = %s").format(schema)
    append = sql.SQL("INSERT INTO {}.edit_log (at, author, label, edit) VALUES (now(), 'Bench', '', '{{}}')").format(
        schema)
    document = open_document(url, author="Bench", content=load_content())
    try:
        with psycopg.connect() as raw:
            goal_ids = [r[0] for r in raw.execute(sql.SQL("SELECT id FROM {}.goals").format(schema))]
            raw.commit()
            for n in range(5):  # warm up: statement caches, the server's buffers
                document.apply(_typical_edit(document, n))
            app, plain = [], []
            for n in range(EDITS):
                edit = _typical_edit(document, n)
                start = time.perf_counter()
                document.apply(edit)
                app.append(time.perf_counter() - start)
                start = time.perf_counter()
                raw.execute(update, (f"Goal #{n}", goal_ids[n % len(goal_ids)]))
                raw.execute(append)
                raw.commit()
                plain.append(time.perf_counter() - start)
            return app, plain
    finally:
        close_document(document)


def _settings() -> str:
    with psycopg.connect() as conn:
        fsync, synchronous = (conn.execute(f"SHOW {name}").fetchone()[0]  # type: ignore[index]
                              for name in ("fsync", "synchronous_commit"))
    return f"fsync={fsync}, synchronous_commit={synchronous}"


def measure(workdir: Path) -> list[Figure]:
    missing = [v for v in SERVER if not os.environ.get(v)]
    if missing:
        print(f"pg: no PostgreSQL server ({', '.join(missing)} not set): run 'make bench'")
        return []
    edits = _fresh("bench_edits", demo_plan())
    _fresh("bench_raw", demo_plan())
    samples, floor = _edit_and_raw_times(edits, "bench_raw")
    note = f"{_settings()}, loopback; peer: the same write in plain psycopg"
    large = _fresh("bench_large", large_plan())
    content = load_content()

    def open_and_close() -> None:
        close_document(open_document(large, read_only=True, content=content))

    open_and_close()
    return [
        Figure("pg: Apply one edit, durably committed (median)", median_ms(samples), "ms", 5.0,
               "plain psycopg", median_ms(floor), note),
        Figure("pg: Apply one edit, durably committed (99th percentile)", _percentile(samples, 99), "ms",
               peer="plain psycopg", peer_value=_percentile(floor, 99)),
        Figure("pg: Open a large plan (median)", median_ms(timed(open_and_close, OPENS)), "ms", 300.0,
               note="connect, check the schema, read every table; the large plan of bench.store"),
    ]
