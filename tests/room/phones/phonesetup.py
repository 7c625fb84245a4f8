"""The phone service on the tests' room: its role and schemas, tables with a team, the app, a live server.

Every table made here has a plan with a team of three and three goals, its
members' cards issued (tokens by member id), and a seat location signed in as
the table's role. The service runs under uvicorn in a thread on a loopback port of its own, a
fresh application per test, so one test's limits never touch another's.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn
from room.roomsetup import Room

from summit_app.plan import model
from summit_app.plan.content import load_content
from summit_app.room import facilitator
from summit_app.room.join import connect_seat
from summit_app.room.phones.app import ServiceConfig, make_app
from summit_app.room.phones.cards import member_cards
from summit_app.room.phones.database import ensure_phones, service_options
from summit_app.room.phones.limits import Limits
from summit_app.room.phones.settings import PhonesSettings, load_settings, save_settings

MEMBERS = (model.TeamMember("m-ana", name="Ana Ruiz"), model.TeamMember("m-ben", name="Ben Okafor"),
           model.TeamMember("m-cy", name="Cy Lindqvist"))
GOALS = (model.Goal("g-access", title="Access for every student"), model.Goal("g-learn", title="Deeper learning"),
         model.Goal("g-data", title="Data-informed teaching"))
ELEMENT = "cia-agency"


@dataclass
class PhoneTable:
    """A table with phones: its name, each member's token, and where its seats sign in."""

    name: str
    tokens: dict[str, str]
    location: str

    def path(self, member_id: str) -> str:
        return f"/m/{self.tokens[member_id]}"


@dataclass
class Phones:
    room: Room
    settings: PhonesSettings

    def config(self, limits: Limits | None = None) -> ServiceConfig:
        return ServiceConfig(service_options(self.room.folder, self.room.state, self.settings),
                             self.settings.form_key.encode(), load_content(), limits or Limits())

    def table(self, name: str, members: tuple[model.TeamMember, ...] = MEMBERS,
              cache: Path | None = None) -> PhoneTable:
        plan = model.Plan(members=members, goals=GOALS)
        facilitator.add_table(self.room.folder, name, facilitator.blank_or(plan))
        cards = member_cards(self.room.folder, name)
        tokens = {c.member_id: c.link.rsplit("/m/", 1)[1] for c in cards}
        location = connect_seat(self.room.code(name), self.room.passphrase(name), cache)
        return PhoneTable(name, tokens, location)

    @contextlib.contextmanager
    def client(self, limits: Limits | None = None) -> Iterator[httpx.Client]:
        """An HTTP client on a service of the test's own (its own limits), redirects not followed."""
        with self.live(limits) as base, httpx.Client(base_url=base, follow_redirects=False, timeout=10) as client:
            yield client

    @contextlib.contextmanager
    def live(self, limits: Limits | None = None) -> Iterator[str]:
        """The service under uvicorn on a free loopback port, in a thread; its base URL."""
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(make_app(self.config(limits)), host="127.0.0.1", port=port,
                                               access_log=False, log_level="warning", lifespan="on",
                                               timeout_graceful_shutdown=1))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            assert time.monotonic() < deadline, "the service did not start"
            time.sleep(0.02)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(10)


def set_up_phones(room: Room) -> Phones:
    """The service's role and schemas on the room (as ``room phones`` makes them), and its settings file."""
    settings = load_settings(room.folder) or PhonesSettings.fresh()
    settings.port = settings.port or 8780  # where the cards' links point (the tests serve the app themselves)
    ensure_phones(room.folder, room.state, settings)
    save_settings(room.folder, settings)
    return Phones(room, settings)
