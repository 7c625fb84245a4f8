"""The service's ear on the tables' phone channels: one listening connection, many waiting pages.

A page's event stream waits on its table; the hub LISTENs on the channels of
the tables someone waits on and wakes them with the round number the
notification carries (``ROUND.VERSION``: numbers only).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from typing import Any

import psycopg
from psycopg import sql

from summit_app.room.phones.database import channel

log = logging.getLogger("summit_app.room.phones")
#: How long the hub listens before it looks for new tables to listen to (seconds).
LISTEN_SLICE = 0.5
RETRY_AFTER = 2.0
#: Put in a page's queue instead of a round number: read the table's round again (it may have changed unheard).
LOOK = -1


class Hub:
    """Wakes the pages of a table when its round or version changes."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        self._options = dict(options)
        self._waiting: dict[str, set[asyncio.Queue[int]]] = {}
        self._channels: dict[str, str] = {}
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def wait_on(self, table: str) -> asyncio.Queue[int]:
        queue: asyncio.Queue[int] = asyncio.Queue(maxsize=16)
        self._waiting.setdefault(table, set()).add(queue)
        self._channels.setdefault(channel(table), table)
        return queue

    def leave(self, table: str, queue: asyncio.Queue[int]) -> None:
        self._waiting.get(table, set()).discard(queue)

    async def _run(self) -> None:
        while True:
            try:
                await self._listen()
            except asyncio.CancelledError:
                raise
            except (psycopg.Error, OSError) as exc:
                log.warning("phones: listening connection lost (%s); trying again", type(exc).__name__)
                await asyncio.sleep(RETRY_AFTER)

    async def _listen(self) -> None:
        async with await psycopg.AsyncConnection.connect(**self._options, autocommit=True) as conn:
            heard: set[str] = set()
            while True:
                for name in set(self._channels) - heard:
                    await conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(name)))
                    heard.add(name)
                    self._wake(name, f"{LOOK}.0")  # what changed before the LISTEN is read, not missed
                async for note in conn.notifies(timeout=LISTEN_SLICE):
                    self._wake(note.channel, note.payload)

    def _wake(self, name: str, payload: str) -> None:
        table = self._channels.get(name)
        round_text = payload.split(".", 1)[0]
        if table is None or not (round_text.isdigit() or round_text == str(LOOK)):
            return
        for queue in list(self._waiting.get(table, ())):
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(int(round_text))
