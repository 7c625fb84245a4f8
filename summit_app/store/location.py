"""Where a plan lives: a ``.techplan`` file, or a schema on a PostgreSQL server.

A server plan is named by ``postgresql://[user[:password]@]host[:port]/database?plan=NAME``;
NAME is the schema that holds the plan's tables. Nothing here connects: this only
reads the text, so a bad location is refused before any server is asked, and the
password never appears in what is shown back.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from summit_app.plan.records import ByFields, record
from summit_app.store.errors import PlanFileError, printable

SCHEMES = ("postgresql://", "postgres://")
#: A plan's name is its schema's: short, plain, and never one PostgreSQL keeps for itself.
PLAN_NAME = re.compile(r"[a-z0-9_]{1,40}")
PLAN_NAME_RULE = "a plan name is 1–40 lower-case letters, digits or underscores, not starting with pg_"
#: Connection settings a location may carry besides ``plan`` (passed to the server's client library).
CONNECTION_OPTIONS = frozenset({"sslmode", "connect_timeout", "sslrootcert", "channel_binding"})


def is_server_location(text: str) -> bool:
    """True if ``text`` names a plan on a server rather than a file."""
    return text.lower().startswith(SCHEMES)


@record
class ServerLocation(ByFields):
    """A plan on a PostgreSQL server: how to reach it and which schema holds it."""

    host: str
    port: int | None
    database: str
    user: str | None
    password: str | None
    plan: str
    options: tuple[tuple[str, str], ...] = ()

    def shown(self) -> str:
        """The location as the person wrote it, without the password."""
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        port = f":{self.port}" if self.port is not None else ""
        extra = "".join(f"&{k}={v}" for k, v in self.options)
        return f"postgresql://{user}{self.host}{port}/{self.database}?plan={self.plan}{extra}"

    def __str__(self) -> str:
        return self.shown()


def check_plan_name(name: str, what: str) -> str:
    """``name`` if it may name a plan's schema; ``PlanFileError`` otherwise (nothing else is ever quoted into SQL)."""
    if not PLAN_NAME.fullmatch(name) or name.startswith("pg_"):
        raise PlanFileError(what, f"{printable(repr(name), 60)} cannot name a plan: {PLAN_NAME_RULE}")
    return name


def parse_location(text: str) -> ServerLocation:
    """The server location in ``text``; ``PlanFileError`` with one line saying what is wrong with it."""
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise PlanFileError(_safe(text), f"not a valid server address ({exc})") from None
    shown = _safe(text)
    if parts.scheme.lower() not in ("postgresql", "postgres"):
        raise PlanFileError(shown, "a server plan's address starts with postgresql://")
    if not parts.hostname:
        raise PlanFileError(shown, "the address names no server (postgresql://HOST/DATABASE?plan=NAME)")
    database = unquote(parts.path.lstrip("/"))
    if not database or "/" in database:
        raise PlanFileError(shown, "the address names no database (postgresql://HOST/DATABASE?plan=NAME)")
    if parts.fragment:
        raise PlanFileError(shown, "a server plan's address has no #part")
    query = parse_qsl(parts.query, keep_blank_values=True)
    plan, options = _plan_and_options(query, shown)
    return ServerLocation(parts.hostname, port, database, unquote(parts.username) if parts.username else None,
                          unquote(parts.password) if parts.password is not None else None,
                          check_plan_name(plan, shown), options)


def _plan_and_options(query: list[tuple[str, str]], shown: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    names = [k for k, _ in query]
    for key in names:
        if key != "plan" and key not in CONNECTION_OPTIONS:
            known = ", ".join(["plan", *sorted(CONNECTION_OPTIONS)])
            raise PlanFileError(shown, f"unknown setting {printable(repr(key), 40)} in the address (known: {known})")
        if names.count(key) > 1:
            raise PlanFileError(shown, f"the setting {key!r} is given twice")
    values = dict(query)
    if "connect_timeout" in values and not re.fullmatch(r"[0-9]{1,4}", values["connect_timeout"]):
        raise PlanFileError(shown, "connect_timeout is a whole number of seconds")
    if "plan" not in values:
        raise PlanFileError(shown, "the address names no plan: add ?plan=NAME")
    return values["plan"], tuple((k, v) for k, v in query if k != "plan")


def _safe(text: str) -> str:
    """``text`` shown without any password it carries, on one line."""
    return printable(re.sub(r"(://[^/@:]*):[^/@]*@", r"\1:***@", text), 160)
