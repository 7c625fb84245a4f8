"""The summit room: one PostgreSQL server for a summit, one plan per table, join codes for the seats.

The facilitator starts the room (``room start``: a cluster of its own on this
machine, or a server the region runs), adds a plan per table (``room
add-table``), hands each table its join code and passphrase, and takes the
plans home as ordinary plan files (``room export``). Each table's seats sign in
as the table's own role, which reaches its own plan's schema only; the
facilitator reads every plan through a read-only role. Nothing here imports Qt.
"""
