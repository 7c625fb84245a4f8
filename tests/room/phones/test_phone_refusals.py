"""Every route and every bad input: the right status, and nothing stored."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from room.phones.phonesetup import ELEMENT, Phones, PhoneTable
from room.phones.test_phone_rounds import form_of

from summit_app.plan.edits import RemoveItem
from summit_app.room.phones.database import PRIVATE_SCHEMA, admin_connection
from summit_app.room.phones.limits import Bucket, Limits
from summit_app.room.phones.seats import TableRounds
from summit_app.room.seat import Seat

pytestmark = pytest.mark.xdist_group("room")


def stored(phones: Phones, table: str) -> tuple[int, int]:
    """(scores, dots) the server holds for ``table``, counted as the superuser."""
    with admin_connection(phones.room.folder, phones.room.state) as conn:
        scores = conn.execute(f"SELECT count(*) FROM {PRIVATE_SCHEMA}.rating WHERE table_name = %s",
                              (table,)).fetchone()
        dots = conn.execute(f"SELECT count(*) FROM {PRIVATE_SCHEMA}.vote WHERE table_name = %s", (table,)).fetchone()
    assert scores is not None
    assert dots is not None
    return int(scores[0]), int(dots[0])


@pytest.fixture(scope="module")
def table(phones: Phones, tmp_path_factory: pytest.TempPathFactory) -> PhoneTable:
    return phones.table("ph_refuse", cache=tmp_path_factory.mktemp("certificates"))


def test_unknown_and_malformed_links_are_404_and_unknown_paths_too(phones: Phones, table: PhoneTable) -> None:
    with phones.client() as client:
        for path in ("/m/" + "A" * 32, "/m/short", "/m/" + "x" * 65, "/m/%00%01abcdefghijklmnop", "/",
                     "/m", f"/m/{table.tokens['m-ana']}/other", "/admin"):
            answer = client.get(path)
            assert answer.status_code == 404, path
        unknown = client.get("/m/" + "A" * 32)
        assert "not known here" in unknown.text
        assert client.get("/health").text == "ok"


def test_wrong_methods_are_405(phones: Phones, table: PhoneTable) -> None:
    path = table.path("m-ana")
    with phones.client() as client:
        for method, where in (("PUT", path), ("DELETE", path), ("PATCH", path), ("POST", f"{path}/events"),
                              ("POST", f"{path}/round"), ("POST", "/health"), ("DELETE", "/health")):
            assert client.request(method, where).status_code == 405, (method, where)
    assert stored(phones, table.name) == (0, 0)


def test_scores_out_of_range_and_bad_forms_store_nothing(phones: Phones, table: PhoneTable) -> None:
    path = table.path("m-ana")
    with phones.client() as client, TableRounds(table.location) as rounds:
        rounds.rate_now(ELEMENT)
        form = form_of(client.get(path))
        for score in ("11", "-1", "seven", "", "4.5", "0010", " 3"):
            answer = client.post(path, data={**form, "score": score})
            assert answer.status_code == 422, score
            assert 'role="alert" id="problem">Choose a score from 0 to 10.' in answer.text
            assert '<fieldset aria-invalid="true" aria-describedby="problem">' in answer.text
        long_note = client.post(path, data={**form, "score": "5", "note": "n" * 501})
        assert long_note.status_code == 422
        assert '<textarea id="note" name="note" rows="3" maxlength="500" aria-invalid="true"' in long_note.text
        assert "n" * 501 in long_note.text  # what was typed is shown back, not lost
        assert client.post(path, data={**form, "score": "5", "element": "other"}).status_code == 409
        assert client.post(path, data={**form, "score": "5", "action": "cheer"}).status_code == 400
        assert client.post(path, data={k: v for k, v in form.items() if k != "form"} | {"score": "5"}
                           ).status_code == 403
        forged = {**form, "form": form["form"].split(".")[0] + "." + "0" * 32, "score": "5"}
        assert client.post(path, data=forged).status_code == 403
        other_members = {**form_of(client.get(table.path("m-ben"))), "score": "5"}
        assert client.post(path, data=other_members).status_code == 403  # another page's field
        assert client.post(path, data={**form, "score": "5"}, headers={"Origin": "http://elsewhere.example"}
                           ).status_code == 403
        assert rounds.who_rated(ELEMENT) == []
    assert stored(phones, table.name) == (0, 0)


def test_bodies_too_big_malformed_or_not_forms_store_nothing(phones: Phones, table: PhoneTable) -> None:
    path = table.path("m-ana")
    form_type = {"Content-Type": "application/x-www-form-urlencoded"}
    with phones.client() as client, TableRounds(table.location) as rounds:
        rounds.rate_now(ELEMENT)
        form = form_of(client.get(path))
        good = httpx.QueryParams({**form, "score": "5"})
        assert client.post(path, content=f"{good}&note={'x' * 5000}", headers=form_type).status_code == 413

        def chunks() -> object:  # no length given: the service counts what arrives
            yield str(good).encode()
            for _ in range(10):
                yield b"&note=" + b"y" * 1000

        assert client.post(path, content=chunks(), headers=form_type).status_code == 413  # type: ignore[arg-type]
        for body in (b"score=5&\xff\xfe=1", b"&&==&", f"{good}&score=6".encode(), b"score"):
            assert client.post(path, content=body, headers=form_type).status_code == 400, body
        assert client.post(path, json={**form, "score": 5}).status_code == 415
        assert client.post(path, content=str(good), headers={"Content-Type": "text/plain"}).status_code == 415
        assert rounds.who_rated(ELEMENT) == []
    assert stored(phones, table.name) == (0, 0)


def test_votes_beyond_the_dots_or_off_the_ballot_store_nothing(phones: Phones, table: PhoneTable) -> None:
    path = table.path("m-ben")
    with phones.client() as client, TableRounds(table.location) as rounds:
        rounds.open_vote([("g-access", "Access"), ("g-learn", "Learning")], 3)
        form = form_of(client.get(path))
        for dots, says in (({"dots-g-access": "2", "dots-g-learn": "2"}, "You have 3 dots to place; you placed 4."),
                           ({"dots-g-access": "x"}, "Give each goal a whole number of dots."),
                           ({"dots-g-access": "-1"}, "Give each goal a whole number of dots."),
                           ({"dots-g-access": "99"}, "Give each goal a whole number of dots."),
                           ({"dots-g-data": "1"}, "One of the goals is not in this vote.")):
            answer = client.post(path, data={**form, **dots})
            assert answer.status_code == 422, dots
            assert says in answer.text
        earlier = str(int(form["round"]) - 1)  # a round the table has moved on from (whatever ran before)
        assert client.post(path, data={**form, "round": earlier, "dots-g-access": "1"}).status_code == 409
        assert client.post(path, data={**form, "round": "next", "dots-g-access": "1"}).status_code == 400
        assert rounds.who_voted() == []
        rounds.stop()
    assert stored(phones, table.name) == (0, 0)


def test_a_flood_from_one_link_or_of_unknown_links_is_429_and_stores_nothing(
        phones: Phones, table: PhoneTable) -> None:
    path = table.path("m-cy")
    tight = Limits(link=Bucket(6, 0.001), misses=Bucket(3, 0.001))
    with phones.client(tight) as client, TableRounds(table.location) as rounds:
        rounds.rate_now(ELEMENT)
        form = form_of(client.get(path))
        answers = [client.post(path, data={**form, "score": "3"}).status_code for _ in range(8)]
        assert answers[:5] == [303] * 5
        assert answers[5:] == [429] * 3
        flooded = client.post(path, data={**form, "score": "9"})
        assert flooded.status_code == 429
        assert flooded.headers["retry-after"] == "5"
    with phones.client(tight) as client:
        misses = [client.get("/m/" + f"{n:032d}").status_code for n in range(5)]
        assert misses == [404, 404, 404, 429, 429]
        assert client.get(table.path("m-ana")).status_code == 429  # a guessing client is kept out altogether
    with TableRounds(table.location) as rounds:
        assert rounds.reveal(ELEMENT)[0].score == 3  # the score kept before the flood, not the one refused
        rounds.stop()


def test_a_member_removed_from_the_plan_has_their_link_revoked(phones: Phones, seat_cache: Path) -> None:
    table = phones.table("ph_revoke", cache=seat_cache)
    path = table.path("m-cy")
    with phones.client() as client, TableRounds(table.location) as rounds:
        rounds.rate_now(ELEMENT)
        form = form_of(client.get(path))
        with Seat(table.location, "Ana") as seat:
            seat.edit(RemoveItem("members", "m-cy"))
        gone = client.post(path, data={**form, "score": "7"})
        assert gone.status_code == 403
        assert "no longer works" in gone.text
        assert client.get(path).status_code == 403
        assert client.get(f"{path}/events").status_code == 403
        assert rounds.who_rated(ELEMENT) == []
    with admin_connection(phones.room.folder, phones.room.state) as conn:
        row = conn.execute(f"SELECT revoked FROM {PRIVATE_SCHEMA}.token WHERE table_name = %s AND member_id = %s",
                           (table.name, "m-cy")).fetchone()
    assert row == (True,)
    assert stored(phones, table.name) == (0, 0)
