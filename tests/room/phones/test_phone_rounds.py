"""A member rates and dot-votes from their phone; the seats see who answered, reveal, and write it as one edit."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from room.phones.phonesetup import ELEMENT, GOALS, Phones

from summit_app.plan import model
from summit_app.plan.edits import RemoveItem
from summit_app.plan.readiness import spread
from summit_app.plan.revealing import reveal_edit
from summit_app.plan.voting import goal_choices, priority_edit
from summit_app.room.phones.database import admin_connection, ensure_phones
from summit_app.room.phones.seats import TableRounds
from summit_app.room.phones.settings import API_SCHEMA
from summit_app.room.seat import Seat
from summit_app.store.errors import PlanFileError

pytestmark = pytest.mark.xdist_group("room")


def form_of(page: httpx.Response) -> dict[str, str]:
    """The hidden fields of the page's form (its anti-forgery field, what it answers)."""
    return dict(re.findall(r'<input type="hidden" name="([a-z]+)" value="([^"]*)">', page.text))


def rate(client: httpx.Client, path: str, score: str, note: str = "") -> httpx.Response:
    page = client.get(path)
    assert page.status_code == 200, page.text
    return client.post(path, data={**form_of(page), "score": score, "note": note})


def test_a_member_rates_from_the_phone_and_the_seat_reveals_it_as_one_undoable_edit(
        phones: Phones, seat_cache: Path) -> None:
    table = phones.table("ph_rate", cache=seat_cache)
    with phones.client() as client, TableRounds(table.location) as rounds, Seat(table.location, "Ana") as seat:
        idle = client.get(table.path("m-ana"))
        assert idle.status_code == 200
        assert "Nothing to answer yet" in idle.text
        assert "Ana Ruiz" in idle.text
        rounds.rate_now(ELEMENT)
        page = client.get(table.path("m-ana"))
        element = seat.document.content.element(ELEMENT)
        assert element is not None
        for words in (element.name, element.description, element.anchor("staging"), "Staging (8–10)"):
            assert words.replace("&", "&amp;") in page.text
        kept = rate(client, table.path("m-ana"), "4", "We are not there yet")
        assert kept.status_code == 303
        assert kept.headers["location"] == f"{table.path('m-ana')}?saved=1"
        assert rate(client, table.path("m-ana"), "6").status_code == 303  # a second answer replaces the first
        assert rate(client, table.path("m-ben"), "9", "Labs do it daily").status_code == 303
        again = client.get(f"{table.path('m-ana')}?saved=1")
        for words in ("You gave 6", 'value="6" checked', "Kept."):
            assert words in again.text
        assert rounds.who_rated(ELEMENT) == ["m-ana", "m-ben"]
        cy_form = form_of(client.get(table.path("m-cy")))  # Cy's page, open while the table reveals
        scores = rounds.reveal(ELEMENT)
        assert [(s.member_id, s.score, s.note) for s in scores] == [("m-ana", 6, ""), ("m-ben", 9, "Labs do it daily")]
        assert "revealed the scores" in client.get(table.path("m-cy")).text
        late = client.post(table.path("m-cy"), data={**cy_form, "score": "2"})
        assert late.status_code == 409  # nothing is taken once the table revealed
        assert "already revealed" in late.text
        assert rounds.who_rated(ELEMENT) == ["m-ana", "m-ben"]

        edit = reveal_edit(seat.document.plan, ELEMENT, element.name, scores)
        done = seat.edit(edit)
        plan = seat.document.plan
        found = spread(plan, ELEMENT)
        assert found.scores == (("m-ana", 6), ("m-ben", 9))
        assert (found.low, found.high, found.width, found.median) == (6, 9, 3, Decimal("7.5"))
        rating = plan.item("readiness", ELEMENT)
        assert isinstance(rating, model.ReadinessRating)
        assert rating.revealed
        assert rating.notes == "Ben Okafor: Labs do it daily"
        seat.edit(done.inverse)  # undo: one edit takes it all back
        assert seat.document.plan.member_ratings == ()
        assert seat.document.plan.item("readiness", ELEMENT) is None


def test_the_spread_of_phone_ratings_reads_as_the_desktops_own(phones: Phones, seat_cache: Path) -> None:
    from summit_app.plan.edits import AddItem, SetField

    table = phones.table("ph_same", cache=seat_cache)
    with Seat(table.location, "Ana") as seat:  # the desktop's silent ratings: a row per member, then revealed
        desk = seat.document.plan
        for member, score in (("m-ana", 3), ("m-ben", 8)):
            seat.edit(AddItem("member_ratings", model.MemberRating(f"mr-{ELEMENT}-{member}", ELEMENT, member, score)))
        seat.edit(AddItem("readiness", model.ReadinessRating(ELEMENT, revealed=True)))
        by_desktop = seat.document.plan
        seat.edit(SetField("readiness", ELEMENT, "revealed", False))
        for r in list(seat.document.plan.member_ratings):
            seat.edit(RemoveItem("member_ratings", r.id))
        seat.edit(RemoveItem("readiness", ELEMENT))
        assert seat.document.plan.member_ratings == desk.member_ratings
        from summit_app.plan.revealing import PhoneScore

        seat.edit(reveal_edit(seat.document.plan, ELEMENT, "x", [PhoneScore("m-ana", 3), PhoneScore("m-ben", 8)]))
        assert seat.document.plan.member_ratings == by_desktop.member_ratings
        assert seat.document.plan.readiness == by_desktop.readiness
        assert spread(seat.document.plan, ELEMENT) == spread(by_desktop, ELEMENT)


def test_a_dot_vote_from_phones_becomes_goal_priorities_in_one_edit(phones: Phones, seat_cache: Path) -> None:
    table = phones.table("ph_vote", cache=seat_cache)
    with phones.client() as client, TableRounds(table.location) as rounds, Seat(table.location, "Ana") as seat:
        choices = goal_choices(seat.document.plan)
        rounds.open_vote(choices, 3)
        page = client.get(table.path("m-ana"))
        assert "You have 3 dots; 0 placed, 3 left" in page.text
        for _, title in choices:
            assert title in page.text
        answers = {"m-ana": {"g-learn": "2", "g-data": "1"}, "m-ben": {"g-learn": "3"}, "m-cy": {"g-data": "1"}}
        for member, dots in answers.items():
            form = form_of(client.get(table.path(member)))
            sent = client.post(table.path(member), data={**form, **{f"dots-{g}": n for g, n in dots.items()}})
            assert sent.status_code == 303, sent.text
        form = form_of(client.get(table.path("m-cy")))  # Cy changes their mind: replaced, not added
        changed = client.post(table.path("m-cy"), data={**form, "dots-g-access": "2", "dots-g-data": ""})
        assert changed.status_code == 303
        assert "2 placed, 1 left" in client.get(table.path("m-cy")).text
        assert rounds.who_voted() == ["m-ana", "m-ben", "m-cy"]
        tally = rounds.close_vote(choices)
        assert [(row.option_id, row.dots, row.rank) for row in tally] == [
            ("g-learn", 5, 1), ("g-access", 2, 2), ("g-data", 1, 3)]
        edit = priority_edit(seat.document.plan, tally)
        assert edit is not None
        done = seat.edit(edit)
        assert {g.id: g.priority for g in seat.document.plan.goals} == {"g-learn": 1, "g-access": 2, "g-data": 3}
        seat.edit(done.inverse)
        assert [g.priority for g in seat.document.plan.goals] == [g.priority for g in GOALS]
        assert "Nothing to answer yet" in client.get(table.path("m-ana")).text


def test_a_seat_reads_what_its_tables_phones_are_asked_even_in_a_room_set_up_before_it_could(
        phones: Phones, seat_cache: Path) -> None:
    table = phones.table("ph_asking", cache=seat_cache)
    with admin_connection(phones.room.folder, phones.room.state) as conn:  # as a room made by an earlier version
        conn.execute(f"DROP FUNCTION {API_SCHEMA}.asking()".encode())
        conn.commit()
    with TableRounds(table.location) as rounds, pytest.raises(PlanFileError):
        rounds.asking()
    ensure_phones(phones.room.folder, phones.room.state, phones.settings)  # what `room phones` does on starting
    other = phones.table("ph_asking_other", cache=seat_cache)
    with TableRounds(table.location) as rounds, TableRounds(other.location) as elsewhere:
        assert rounds.asking() is None
        rounds.rate_now(ELEMENT)
        assert rounds.asking() == ("rate", ELEMENT)
        assert elsewhere.asking() is None  # another table's round is not this one's
        rounds.open_vote(goal_choices(model.Plan(goals=GOALS)), 3)
        assert rounds.asking() == ("vote", "")
        rounds.stop()
        assert rounds.asking() is None
