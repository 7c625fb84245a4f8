"""Plans to and from the schema's tables through SQLAlchemy: the portable path.

Every write goes this way (one edit → its SQL, in the caller's transaction), as
does the edit log and ``read_plan``, so the same code can later serve plans on a
shared PostgreSQL server. Opening a plan file reads it with ``fast_read``
instead, which gives the same plan without importing SQLAlchemy.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from summit_app.plan import model
from summit_app.plan.codec import edit_from_json, edit_to_json
from summit_app.plan.document import LogEntry
from summit_app.plan.edits import AddItem, Batch, Edit, MoveItem, RemoveItem, SetField
from summit_app.plan.fields import Kind, specs
from summit_app.store.engine import make_engine
from summit_app.store.errors import PlanFileError
from summit_app.store.schema import APPLICATION_ID, METADATA, SCHEMA_VERSION, TABLE_NAMES, amount_columns, table

# --- rows <-> records -------------------------------------------------------------


def record_to_row(record: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for s in specs(type(record)):
        value = getattr(record, s.name)
        if s.kind is Kind.DECIMALS:
            row.update(zip(amount_columns(s), value, strict=True))
        else:
            row[s.name] = value
    return row


def row_to_record(record_type: type, row: sa.RowMapping) -> Any:
    values: dict[str, Any] = {}
    for s in specs(record_type):
        if s.kind is Kind.DECIMALS:
            values[s.name] = tuple(row[c] for c in amount_columns(s))
        else:
            values[s.name] = row[s.name]
    if "position" in row:
        values["id"] = row["id"]
    return record_type(**values)


def read_plan(conn: sa.Connection) -> model.Plan:
    """The whole plan, inside the caller's transaction."""
    values: dict[str, Any] = {}
    for name, record_type in model.SINGLETONS.items():
        row = conn.execute(sa.select(table(name))).mappings().first()
        values[name] = row_to_record(record_type, row) if row else record_type()
    for name, record_type in model.COLLECTIONS.items():
        t = table(name)
        rows = conn.execute(sa.select(t).order_by(t.c.position)).mappings()
        values[name] = tuple(row_to_record(record_type, r) for r in rows)
    return model.Plan(**values)


# --- edits ------------------------------------------------------------------------


def _field_values(collection: str, field: str, value: Any) -> dict[str, Any]:
    record_type = model.SINGLETONS.get(collection) or model.COLLECTIONS[collection]
    s = next(s for s in specs(record_type) if s.name == field)
    if s.kind is Kind.DECIMALS:
        return dict(zip(amount_columns(s), value, strict=True))
    return {field: value}


def _position(conn: sa.Connection, collection: str, item_id: str) -> int:
    t = table(collection)
    return int(conn.execute(sa.select(t.c.position).where(t.c.id == item_id)).scalar_one())


def _count(conn: sa.Connection, collection: str) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(table(collection))).scalar_one())


def _shift(conn: sa.Connection, collection: str, low: int, high: int | None, by: int) -> None:
    t = table(collection)
    where = t.c.position >= low if high is None else sa.and_(t.c.position >= low, t.c.position <= high)
    conn.execute(t.update().where(where).values(position=t.c.position + by))


def write_edit(conn: sa.Connection, edit: Edit) -> None:
    """The SQL of one edit, inside the caller's transaction."""
    if isinstance(edit, Batch):
        for part in edit.edits:
            write_edit(conn, part)
    elif isinstance(edit, SetField):
        t = table(edit.collection)
        stmt = t.update().values(_field_values(edit.collection, edit.field, edit.value))
        conn.execute(stmt if edit.collection in model.SINGLETONS else stmt.where(t.c.id == edit.item_id))
    elif isinstance(edit, AddItem):
        n = _count(conn, edit.collection)
        index = n if edit.index is None else max(0, min(edit.index, n))
        _shift(conn, edit.collection, index, None, 1)
        conn.execute(table(edit.collection).insert().values(
            id=edit.item.id, position=index, **record_to_row(edit.item)))
    elif isinstance(edit, RemoveItem):
        t = table(edit.collection)
        old = _position(conn, edit.collection, edit.item_id)
        conn.execute(t.delete().where(t.c.id == edit.item_id))
        _shift(conn, edit.collection, old + 1, None, -1)
    elif isinstance(edit, MoveItem):
        t = table(edit.collection)
        old = _position(conn, edit.collection, edit.item_id)
        new = max(0, min(edit.index, _count(conn, edit.collection) - 1))
        if new > old:
            _shift(conn, edit.collection, old + 1, new, -1)
        elif new < old:
            _shift(conn, edit.collection, new, old - 1, 1)
        conn.execute(t.update().where(t.c.id == edit.item_id).values(position=new))


def commit_edit(conn: sa.Connection, edit: Edit, entry: LogEntry, what: str) -> None:
    """Write ``edit`` and its log entry in one durable transaction; ``PlanFileError`` (nothing written)
    if it would break links.

    Links are checked when the whole edit is written, not row by row: the parts of a
    batch may come in any order the domain accepts, and ON DELETE CASCADE must not
    take rows a later part still uses (a goal removed before its actions are moved
    to another goal would lose them). The pragma only works outside a transaction.
    """
    raw = conn.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with conn.begin():
            _write_logged(conn, edit, entry)
            if _breaks_links(conn, edit):
                raise PlanFileError(what, BROKEN_LINKS)
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def commit_server_edit(conn: sa.Connection, edit: Edit, entry: LogEntry, what: str) -> None:
    """``commit_edit`` for a plan on a server: no pragma, links checked in SQL before the commit.

    The server's links are deferred to the commit and never cascade
    (``schema.server_metadata``), so the parts of a batch may come in any
    order; the check below finds a broken link first and says so in one line
    (the server would refuse the commit anyway).
    """
    with conn.begin():
        _write_logged(conn, edit, entry)
        if _orphaned_links(conn, edit):
            raise PlanFileError(what, BROKEN_LINKS)


def write_seat_edit(conn: sa.Connection, edit: Edit, entry: LogEntry, what: str) -> int:
    """``commit_server_edit`` inside the caller's transaction (a seat's turn); returns the edit's sequence."""
    sequence = _write_logged(conn, edit, entry)
    if _orphaned_links(conn, edit):
        raise PlanFileError(what, BROKEN_LINKS)
    return sequence


BROKEN_LINKS = "the change would break links between items; nothing was changed"


def _write_logged(conn: sa.Connection, edit: Edit, entry: LogEntry) -> int:
    """Write the edit and its log row; the row's id is the plan's sequence number of the edit."""
    write_edit(conn, edit)
    result = conn.execute(table_edit_log().insert().values(
        at=entry.at, author=entry.author, label=entry.label,
        edit=json.dumps(edit_to_json(entry.edit), ensure_ascii=False)))
    key = result.inserted_primary_key
    return int(key[0]) if key is not None else 0


def _orphaned_links(conn: sa.Connection, edit: Edit) -> bool:
    """True if a link the edit wrote, or a link to an item it removed, names an item that is not there."""
    for fk in _links_written(edit):
        column, target = fk.parent, fk.column
        orphan = sa.select(sa.literal(1)).select_from(column.table).where(
            column.is_not(None), ~sa.exists().where(target == column)).limit(1)
        if conn.execute(orphan).first() is not None:
            return True
    return False


def _links_written(edit: Edit) -> set[sa.ForeignKey]:
    """The links an edit may break: a link field set, a new item's links, every link to a removed item's table.

    A text field set or an item moved breaks none, so the common edit costs no check at all.
    """
    if isinstance(edit, Batch):
        return {fk for part in edit.edits for fk in _links_written(part)}
    if isinstance(edit, SetField | AddItem | RemoveItem):
        t = table(edit.collection)
        if isinstance(edit, SetField):
            return {fk for fk in t.foreign_keys if fk.parent.name == edit.field}
        if isinstance(edit, AddItem):
            return set(t.foreign_keys)
        return {fk for other in METADATA.tables.values() for fk in other.foreign_keys if fk.column.table is t}
    return set()


def _breaks_links(conn: sa.Connection, edit: Edit) -> bool:
    """``PRAGMA foreign_key_check`` on the tables the edit wrote and the tables that link to them."""
    return any(conn.exec_driver_sql(f'PRAGMA foreign_key_check("{name}")').first() is not None
               for name in _linked_tables({collection for collection, _ in edit.touched()}))


def _linked_tables(collections: set[str]) -> set[str]:
    names = {TABLE_NAMES[c] for c in collections if c in TABLE_NAMES}
    return names | {t.name for t in METADATA.tables.values() for fk in t.foreign_keys if fk.column.table.name in names}


def table_edit_log() -> sa.Table:
    return METADATA.tables["edit_log"]


def read_edit_log(conn: sa.Connection, since: datetime | None = None, what: str = "the plan") -> list[LogEntry]:
    """The edit log in order (entries after ``since`` only, if given)."""
    t = table_edit_log()
    query = sa.select(t).order_by(t.c.id)
    if since is not None:
        query = query.where(t.c.at > since)  # the column type stores it as naive UTC
    with conn.begin():
        rows = conn.execute(query).mappings().all()
    try:
        return [LogEntry(r["at"], r["author"], r["label"], edit_from_json(json.loads(r["edit"]))) for r in rows]
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError):
        # Checked on open (fast_read); a file changed behind the app's back still gets one line.
        raise PlanFileError(what, "its edit log cannot be read") from None


def edit_log_after(conn: sa.Connection, sequence: int, what: str = "the plan") -> list[tuple[int, LogEntry]]:
    """The log's edits after ``sequence``, with their sequence numbers, in order (in the caller's transaction)."""
    t = table_edit_log()
    rows = conn.execute(sa.select(t).where(t.c.id > sequence).order_by(t.c.id)).mappings().all()
    try:
        return [(int(r["id"]), LogEntry(r["at"], r["author"], r["label"], edit_from_json(json.loads(r["edit"]))))
                for r in rows]
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError):
        raise PlanFileError(what, "its edit log cannot be read") from None


def last_sequence(conn: sa.Connection) -> int:
    """The sequence number of the log's newest edit, 0 for an empty log."""
    t = table_edit_log()
    return int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(t.c.id), 0))).scalar_one())


# --- new files --------------------------------------------------------------------


def _insert_plan(conn: sa.Connection, plan: model.Plan) -> None:
    for name in model.SINGLETONS:
        conn.execute(table(name).insert().values(id=1, **record_to_row(getattr(plan, name))))
    for name in model.COLLECTIONS:
        rows = [dict(id=it.id, position=i, **record_to_row(it)) for i, it in enumerate(getattr(plan, name))]
        if rows:
            conn.execute(table(name).insert(), rows)


def write_new_file(path: Path, plan: model.Plan) -> None:
    """Create a plan file at the head schema revision holding ``plan``."""
    _new_file(path, lambda conn: insert_plan(conn, plan))


def write_file_copy(path: Path, source: sa.Connection) -> None:
    """Create a plan file holding every row of the plan ``source`` reads (a server's), edit log included."""
    _new_file(path, lambda conn: copy_rows(source, conn))


def _new_file(path: Path, fill: Callable[[sa.Connection], None]) -> None:
    engine = make_engine(path)
    try:
        with engine.connect() as conn, conn.begin():
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
            METADATA.create_all(conn)
            from summit_app.store import migrate
            migrate.stamp_head(conn)
            fill(conn)
    finally:
        engine.dispose()


def insert_plan(conn: sa.Connection, plan: model.Plan) -> None:
    """The rows of a new plan, and the time it was created."""
    _insert_plan(conn, plan)
    conn.execute(METADATA.tables["plan_info"].insert().values(key="created", value=datetime.now(UTC).isoformat()))


def copy_rows(source: sa.Connection, target: sa.Connection) -> None:
    """Every row of every plan table, parents first, values as they are (ids, positions, the log's numbers)."""
    for t in METADATA.sorted_tables:
        rows = [dict(r) for r in source.execute(sa.select(t)).mappings()]
        if rows:
            target.execute(t.insert(), rows)
