"""The phone service's web application (Starlette): a member's page, its form, and how it follows the table.

Routes (everything else is 404; a route asked with the wrong method, 405):

- ``GET /m/TOKEN``: the member's page for the table's round (their own answer filled in).
- ``POST /m/TOKEN``: a score (``action=rate``) or dots (``action=vote``); 303 back to the page when
  kept; 422 (the page again, the error tied to its field) when out of range, nothing stored.
- ``GET /m/TOKEN/events``: server-sent events, one ``data: ROUND`` line whenever the table's round changes.
- ``GET /m/TOKEN/round``: the round number (for pages whose browser has no event streams).
- ``GET /health``: ``ok``.

An unknown token is 404, a revoked one (or its member removed from the plan)
403; a body that is too big 413, not a form 415, malformed 400; a form
without this page's anti-forgery field, or sent from another site, 403; a
client or a link past its limits 429. Log lines name the route and the
status, never a token, a score or a name.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import psycopg
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from summit_app.plan.content import Content
from summit_app.room.phones import page
from summit_app.room.phones.database import MAX_DOTS, NOTE_LIMIT
from summit_app.room.phones.hub import LOOK, Hub
from summit_app.room.phones.limits import Limiter, Limits
from summit_app.room.phones.store import Member, PhoneStore, Pool, Refused

log = logging.getLogger("summit_app.room.phones")

#: A form is a few fields; anything larger is refused before it is read whole.
BODY_LIMIT = 4096
FORM_LIFETIME = 12 * 3600
KEEP_ALIVE = 15.0
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
_WHOLE = re.compile(r"[0-9]{1,3}")
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                               "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
}


@dataclass
class ServiceConfig:
    """What the service needs: how to reach the server as its role, its form key, the framework's content."""

    options: Mapping[str, Any]
    form_key: bytes
    content: Content
    limits: Limits = field(default_factory=Limits)


class _Service:
    """The running service's parts, made when it starts and closed when it stops."""

    def __init__(self, config: ServiceConfig) -> None:
        self.config = config
        self.pool = Pool(config.options)
        self.store = PhoneStore(self.pool)
        self.hub = Hub(config.options)
        self.clients = Limiter(config.limits.client)
        self.links = Limiter(config.limits.link)
        self.misses = Limiter(config.limits.misses)

    # -- anti-forgery -----------------------------------------------------------------------

    def form_token(self, token: str, now: float | None = None) -> str:
        issued = int(time.time() if now is None else now)
        return f"{issued}.{self._mac(token, issued)}"

    def _mac(self, token: str, issued: int) -> str:
        return hmac.new(self.config.form_key, f"{token}\0{issued}".encode(), hashlib.sha256).hexdigest()[:32]

    def form_ok(self, token: str, value: str) -> bool:
        issued_text, _, mac = value.partition(".")
        if not issued_text.isdigit() or not 0 <= time.time() - int(issued_text) <= FORM_LIFETIME:
            return False
        return hmac.compare_digest(mac, self._mac(token, int(issued_text)))

    # -- limits and lookups -----------------------------------------------------------------

    def admit(self, request: Request, token: str) -> None:
        client = request.client.host if request.client else "?"
        if not self.clients.allow(client) or self.misses.empty(client) or not self.links.allow(token):
            raise Refused(429, "Too many requests from this phone; wait a moment and try again.")

    async def member(self, request: Request, token: str, *, admitted: bool = False) -> Member:
        if not admitted:
            self.admit(request, token)
        try:
            if not _TOKEN.fullmatch(token):
                raise Refused(404, "This link is not known here. Ask the facilitator for your card.")
            return await self.store.member(token)
        except Refused:
            self.misses.allow(request.client.host if request.client else "?")
            raise


Handler = Callable[[Request, _Service], Awaitable[Response]]


def _answer(name: str, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """Run ``handler``; a refusal becomes its page; every answer gets the security headers and one log line."""

    async def endpoint(request: Request) -> Response:
        service: _Service = request.app.state.service
        started = time.perf_counter()
        try:
            response = await handler(request, service)
        except Refused as refused:
            response = HTMLResponse(page.message_page(_TITLES.get(refused.status, "Not done"), refused.message),
                                    status_code=refused.status)
            if refused.status == 429:
                response.headers["Retry-After"] = "5"
        except (psycopg.OperationalError, OSError):
            response = HTMLResponse(page.message_page("The room is not answering",
                                                      "The room's server is not answering; try again shortly."),
                                    status_code=503)
        response.headers.update(SECURITY_HEADERS)
        log.info("phones: %s %s %d %.0f ms", request.method, name, response.status_code,
                 (time.perf_counter() - started) * 1000)
        return response

    return endpoint


_TITLES = {400: "Not understood", 403: "Not allowed", 404: "Unknown link", 409: "The table has moved on",
           413: "Too long", 415: "Not a form", 422: "Please check", 429: "Slow down"}


async def _page(request: Request, service: _Service) -> Response:
    token = request.path_params["token"]
    member = await service.member(request, token)
    view = await service.store.view(member)
    html = page.member_page(view, service.config.content, f"/m/{token}", service.form_token(token),
                            saved=request.query_params.get("saved") == "1")
    return HTMLResponse(html)


async def _submit(request: Request, service: _Service) -> Response:
    token = request.path_params["token"]
    service.admit(request, token)
    _same_origin(request)
    form = await _read_form(request)
    if not service.form_ok(token, form.get("form", "")):
        raise Refused(403, "This form is out of date or did not come from your page; open your link again.")
    member = await service.member(request, token, admitted=True)
    sent = page.Sent(form.get("score", ""), form.get("note", ""),
                     {k.removeprefix("dots-"): v for k, v in form.items() if k.startswith("dots-")})
    try:
        await _keep(service, member, form, sent)
    except Refused as refused:
        if refused.status not in (409, 422):
            raise
        view = await service.store.view(member)
        html = page.member_page(view, service.config.content, f"/m/{token}", service.form_token(token),
                                problem=page.Problem(refused.message, refused.field), sent=sent)
        return HTMLResponse(html, status_code=refused.status)
    return RedirectResponse(f"/m/{token}?saved=1", status_code=303)


async def _keep(service: _Service, member: Member, form: Mapping[str, str], sent: page.Sent) -> None:
    action = form.get("action")
    if action == "rate":
        if not _WHOLE.fullmatch(sent.score) or not 0 <= int(sent.score) <= 10:
            raise Refused(422, "Choose a score from 0 to 10.", "score")
        if len(sent.note) > NOTE_LIMIT:
            raise Refused(422, f"The note is longer than {NOTE_LIMIT} characters.", "note")
        await service.store.rate(member, form.get("element", ""), int(sent.score), sent.note.strip())
    elif action == "vote":
        round_text = form.get("round", "")
        if not round_text.isdigit():
            raise Refused(400, "The form does not say which dot vote it answers.")
        dots: dict[str, int] = {}
        for goal_id, text in sent.dots.items():
            if text.strip() == "":
                continue
            if not _WHOLE.fullmatch(text.strip()) or int(text) > MAX_DOTS:
                raise Refused(422, "Give each goal a whole number of dots.", "dots")
            dots[goal_id] = int(text)
        await service.store.vote(member, int(round_text), dots)
    else:
        raise Refused(400, "The form does not say what it answers.")


def _same_origin(request: Request) -> None:
    """A form sent from another site is refused (the browser names the site it came from in ``Origin``)."""
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return
    if urlsplit(origin).netloc != request.headers.get("host", ""):
        raise Refused(403, "This form did not come from your page; open your link again.")


async def _read_form(request: Request) -> dict[str, str]:
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise Refused(415, "Send the page's form.")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > BODY_LIMIT:
        raise Refused(413, "What was sent is too long.")
    body = bytearray()
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > BODY_LIMIT:
                raise Refused(413, "What was sent is too long.")
    except ClientDisconnect:
        raise Refused(400, "The form did not arrive whole.") from None
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body),
                          max_num_fields=60)
    except (UnicodeDecodeError, ValueError):
        raise Refused(400, "The form could not be read.") from None
    if any(len(values) != 1 for values in fields.values()):
        raise Refused(400, "The form names a field twice.")
    return {k: v[0] for k, v in fields.items()}


async def _round(request: Request, service: _Service) -> Response:
    member = await service.member(request, request.path_params["token"])
    found = await service.store.round(member.table)
    return PlainTextResponse(str(found.round))


async def _events(request: Request, service: _Service) -> Response:
    member = await service.member(request, request.path_params["token"])
    queue = service.hub.wait_on(member.table)
    try:
        first = (await service.store.round(member.table)).round
    except BaseException:
        service.hub.leave(member.table, queue)
        raise

    async def stream() -> AsyncIterator[str]:
        sent = first
        try:
            yield f"retry: 3000\ndata: {first}\n\n"
            while True:
                try:
                    number = await asyncio.wait_for(queue.get(), KEEP_ALIVE)
                except TimeoutError:
                    number = LOOK  # now and then, look: a notification lost with a connection is caught up
                if number == LOOK:
                    number = (await service.store.round(member.table)).round
                if number != sent:
                    sent = number
                    yield f"data: {number}\n\n"
                else:
                    yield ": still here\n\n"
        finally:
            service.hub.leave(member.table, queue)

    return StreamingResponse(stream(), media_type="text/event-stream")


async def _health(request: Request, service: _Service) -> Response:
    return PlainTextResponse("ok")


def make_app(config: ServiceConfig) -> Starlette:
    """The service as an ASGI application (uvicorn serves it; tests drive it with a test client)."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        service = _Service(config)
        app.state.service = service
        service.hub.start()
        try:
            yield
        finally:
            await service.hub.stop()
            await service.pool.close()

    routes = [
        Route("/m/{token}", _answer("member page", _page), methods=["GET"]),
        Route("/m/{token}", _answer("member answer", _submit), methods=["POST"]),
        Route("/m/{token}/events", _answer("member events", _events), methods=["GET"]),
        Route("/m/{token}/round", _answer("member round", _round), methods=["GET"]),
        Route("/health", _answer("health", _health), methods=["GET"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)
