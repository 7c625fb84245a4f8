"""Alembic environment: runs on the connection ``store.migrate`` hands over.

That connection has foreign keys off and is already inside the transaction
that will run ``foreign_key_check`` before committing (PITFALLS.md).
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
