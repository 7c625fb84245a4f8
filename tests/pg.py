"""The PostgreSQL server the tests use: the throw-away cluster ``make test`` starts with ``pg_virtualenv``.

``pg_virtualenv`` sets PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE.
Without them every test that needs the server fails (never skips): a run that
did not test the server store must not pass. ``pg_url`` names a plan that does
not exist yet (a schema of its own, dropped after the test); ``plan_location``
makes a plan in a file or on the server, one test run for each.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from summit_app.plan import model
from summit_app.store.plan_file import create_plan

SERVER_VARIABLES = ("PGHOST", "PGPORT", "PGUSER", "PGDATABASE")
STORES = ("sqlite", "postgresql")


def server_base() -> str:
    """``postgresql://user@host:port/database`` of the test server (its password stays in PGPASSWORD)."""
    missing = [v for v in SERVER_VARIABLES if not os.environ.get(v)]
    if missing:
        pytest.fail(f"no PostgreSQL server for the tests ({', '.join(missing)} not set): run them with "
                    "'make test', or under 'pg_virtualenv'", pytrace=False)
    env = os.environ
    return f"postgresql://{env['PGUSER']}@{env['PGHOST']}:{env['PGPORT']}/{env['PGDATABASE']}"


def admin() -> psycopg.Connection:
    """A superuser connection to the test database (autocommit), for what the app itself never does."""
    server_base()
    return psycopg.connect(autocommit=True)


def plan_name(url: str) -> str:
    return url.rsplit("plan=", 1)[1].split("&", 1)[0]


def drop_plan(name: str) -> None:
    with admin() as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The address of a plan on the test server that does not exist yet; whatever the test made is dropped."""
    name = f"t_{uuid.uuid4().hex[:20]}"
    yield f"{server_base()}?plan={name}"
    drop_plan(name)


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest) -> str:
    """Which store a test runs on: a plan file, or a plan on the PostgreSQL server."""
    return str(request.param)


@pytest.fixture
def plan_location(store: str, tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Make a plan in the store under test and return its location (a file path or a server address)."""
    made: list[str] = []

    def make(plan: model.Plan | None = None) -> str:
        if store == "sqlite":
            location = str(tmp_path / f"plan{len(made)}.techplan")
        else:
            location = f"{server_base()}?plan=t_{uuid.uuid4().hex[:20]}"
        create_plan(location, plan or model.Plan()).close()
        made.append(location)
        return location

    yield make
    for location in made:
        if store == "postgresql":
            drop_plan(plan_name(location))
