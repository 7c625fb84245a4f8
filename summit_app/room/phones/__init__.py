"""The room's web service for phones: members rate and dot-vote silently from their own phones.

A small ASGI service (Starlette on uvicorn) runs beside the room's server on
the facilitator's machine, on plain HTTP on the room's network. It signs in
to PostgreSQL as its own role, ``room_phones``, which owns a private schema
holding what no table's role may read: the members' unrevealed scores and
votes, the digests of their personal links' tokens, and what each table rates
now. A table's seats reach that schema only through functions that say who has
rated and that reveal the scores (marking them revealed as they return them);
the seat then writes the scores into the plan as one edit (``plan/revealing.py``).
Nothing here imports Qt.
"""
