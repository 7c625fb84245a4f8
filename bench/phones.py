"""The room's phone service: 180 phones rate at once, on loopback.

A room of its own (its cluster in the bench's folder), 15 tables of 12
members each, the phone service started as the facilitator starts it (``room
phones``: its own process), every member's card made, every table rating an
element. Then 180 simulated phones (asynchronous HTTP clients, one each,
starting spread over 20 s) open their page and send a score with a note, as a
phone's browser does: the page, the form, the redirect back to the page. The
figure is the 95th percentile of every request's response time; the note
says how many scores the server then holds (it must be as many as were sent)
and how long the whole took (within 60 s). Every line starts with ``room:``.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from pathlib import Path

import httpx

from bench.figures import Figure
from bench.store import _percentile
from summit_app.plan import model
from summit_app.room import cluster, facilitator
from summit_app.room.join import connect_seat
from summit_app.room.phones.cards import member_cards
from summit_app.room.phones.database import PRIVATE_SCHEMA, admin_connection
from summit_app.room.phones.seats import TableRounds
from summit_app.room.phones.service import start_service, stop_service
from summit_app.room.state import load_state

TABLES, MEMBERS = 15, 12
SPREAD = 20.0
ELEMENT = "cia-agency"
_FORM = re.compile(r'<input type="hidden" name="([a-z]+)" value="([^"]*)">')


def _set_up(folder: Path, cache: Path) -> list[str]:
    """Every member's link, once each table's plan, role and round are made."""
    links: list[str] = []
    state = load_state(folder)
    for t in range(1, TABLES + 1):
        table = f"table_{t}"
        team = tuple(model.TeamMember(f"m{t}-{m}", name=f"Member {m} of table {t}") for m in range(1, MEMBERS + 1))
        facilitator.add_table(folder, table, facilitator.blank_or(model.Plan(members=team)))
        links += [card.link for card in member_cards(folder, table)]
        code = facilitator.join_code(load_state(folder), table).text()
        with TableRounds(connect_seat(code, load_state(folder).tables[table].passphrase, cache)) as rounds:
            rounds.rate_now(ELEMENT)
    assert state.database
    return links


async def _phone(client: httpx.AsyncClient, link: str, delay: float, times: list[float]) -> int:
    await asyncio.sleep(delay)
    start = time.perf_counter()
    page = await client.get(link)
    times.append(time.perf_counter() - start)
    form = dict(_FORM.findall(page.text))
    start = time.perf_counter()
    sent = await client.post(link, data={**form, "score": str(random.randint(0, 10)), "note": "From the bench"})
    times.append(time.perf_counter() - start)
    start = time.perf_counter()
    back = await client.get(sent.url.join(sent.headers["location"]))
    times.append(time.perf_counter() - start)
    return sent.status_code if back.status_code == 200 else back.status_code


async def _phones(links: list[str]) -> tuple[list[int], list[float], float]:
    times: list[float] = []
    start = time.perf_counter()
    limits = httpx.Limits(max_connections=len(links), max_keepalive_connections=len(links))
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        answers = await asyncio.gather(*(_phone(client, link, random.uniform(0, SPREAD), times) for link in links))
    return list(answers), times, time.perf_counter() - start


def _stored(folder: Path) -> int:
    with admin_connection(folder, load_state(folder)) as conn:
        row = conn.execute(f"SELECT count(*) FROM {PRIVATE_SCHEMA}.rating").fetchone()
    return int(row[0]) if row else 0


def measure(workdir: Path) -> list[Figure]:
    workdir.chmod(0o755)  # the server's user must reach the cluster inside it
    folder = workdir / "room"
    facilitator.start_room(facilitator.StartRequest(folder, cluster.free_port(), None, "127.0.0.1"))
    try:
        start_service(folder)
        links = _set_up(folder, workdir / "certificates")
        random.seed(7)
        answers, times, took = asyncio.run(_phones(links))
        stored = _stored(folder)
    finally:
        stop_service(folder)
        cluster.stop_cluster(folder)
    refused = sum(1 for a in answers if a != 303)
    assert refused == 0, f"{refused} phones were refused"
    return [
        Figure("room: phones, p95 response", _percentile(times, 95), "ms", 300.0,
               note=f"{len(links)} phones, {len(times)} requests (page, score, page) in {took:.1f} s"),
        Figure("room: phones, all scores in", took, "s", 60.0,
               note=f"{stored} scores stored of {len(links)} sent"),
        Figure("room: phones, scores lost", float(len(links) - stored), "", 0.0,
               note="sent minus stored: every score kept once"),
    ]
