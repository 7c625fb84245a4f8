"""The member's page: plain HTML written here, every style inline, no script needed to use it.

Readable from 360 px wide; one ``h1`` with the member's name and table, a
``fieldset`` with a ``legend`` for the score and for the dots, labels on every
field, errors tied to their field (``aria-describedby``, ``aria-invalid``) and
announced (``role="alert"``), a visible focus ring. A few lines of script
follow the table (server-sent events, else polling) and reload the page when
the table moves on; without script a button does the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape

from summit_app.plan.content import Content, Element
from summit_app.room.phones.database import NOTE_LIMIT
from summit_app.room.phones.store import MemberView

STYLE = """
*{box-sizing:border-box}
body{font:17px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:12px;
color:#1b1b1b;background:#fff;max-width:40rem}
h1{font-size:1.25rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1rem 0 .25rem}
p{margin:.4rem 0}.quiet{color:#4a4a4a;font-size:.95rem}
fieldset{border:1px solid #888;border-radius:6px;margin:.8rem 0;padding:.5rem .7rem}
legend{font-weight:600;padding:0 .25rem}
.scores{display:flex;flex-wrap:wrap;gap:6px}
.scores label{display:inline-flex;align-items:center;justify-content:center;min-width:2.6rem;min-height:2.6rem;
border:1px solid #777;border-radius:6px;cursor:pointer}
.scores input{position:absolute;opacity:0;width:1px;height:1px}
.scores input:checked+span{font-weight:700}
.scores label:has(input:checked){background:#0b4f8a;color:#fff;border-color:#0b4f8a}
.scores label:has(input:focus-visible){outline:3px solid #e36b00;outline-offset:2px}
dl{margin:.3rem 0}dt{font-weight:600}dd{margin:0 0 .4rem 0}
textarea,input[type=number]{font:inherit;width:100%;padding:.4rem;border:1px solid #666;border-radius:6px}
input[type=number]{width:5rem}
.goal{display:flex;justify-content:space-between;align-items:center;gap:.5rem;margin:.35rem 0}
button{font:inherit;font-weight:600;padding:.6rem 1.1rem;border-radius:6px;border:0;background:#0b4f8a;color:#fff;
min-height:2.75rem}
button.plain{background:#e8e8e8;color:#1b1b1b}
:focus-visible{outline:3px solid #e36b00;outline-offset:2px}
.error{color:#a00000;font-weight:600}.saved{color:#17612a;font-weight:600}
input[aria-invalid=true],textarea[aria-invalid=true],fieldset[aria-invalid=true]{border:2px solid #a00000}
form+form{margin-top:1rem}
"""

#: Follows the table: reload when its round changes (events, else a poll every few seconds).
SCRIPT = """
(function(){var b=document.body,r=b.getAttribute('data-round'),u=b.getAttribute('data-events'),
p=b.getAttribute('data-poll');function seen(n){if(String(n)!==r&&!document.querySelector('form [data-dirty]'))
{location.replace(location.pathname);}}
document.addEventListener('input',function(e){if(e.target.form)e.target.setAttribute('data-dirty','1');});
if(window.EventSource){var s=new EventSource(u);s.onmessage=function(e){seen(e.data);};}
else{setInterval(function(){var x=new XMLHttpRequest();x.open('GET',p);x.onload=function(){
if(x.status===200)seen(x.responseText.trim());};x.send();},5000);}})();
"""


@dataclass(frozen=True)
class Problem:
    """What was wrong with what the member sent, and the field it belongs to."""

    message: str
    field: str = ""


@dataclass(frozen=True)
class Sent:
    """What the member sent last (shown back after a refusal, so nothing typed is lost)."""

    score: str = ""
    note: str = ""
    dots: Mapping[str, str] = field(default_factory=dict)


def _document(title: str, body: str, attrs: str = "", script: bool = False) -> str:
    tail = f"<script>{SCRIPT}</script>" if script else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<meta name="referrer" content="no-referrer">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body{attrs}>{body}{tail}</body></html>")


def message_page(title: str, text: str) -> str:
    """A page that only says something (an unknown link, a revoked one, too many requests)."""
    return _document(title, f"<main><h1>{escape(title)}</h1><p>{escape(text)}</p></main>")


def member_page(view: MemberView, content: Content, base: str, form_token: str, *,
                problem: Problem | None = None, sent: Sent | None = None, saved: bool = False) -> str:
    """The member's page for the table's round; ``base`` is the member's own link path (``/m/TOKEN``)."""
    member, now = view.member, view.round
    head = (f"<h1>{escape(member.name)}</h1><p class=quiet>Table {escape(member.table)} · "
            "your answers stay hidden until the table reveals them.</p>")
    if problem is not None:
        head += f'<p class=error role="alert" id="problem">{escape(problem.message)}</p>'
    elif saved:
        head += '<p class=saved role="status">Kept. You can change it until the table reveals.</p>'
    if now.kind == "rate":
        element = content.element(now.element_id)
        body = _rating(view, element, content, base, form_token, problem, sent)
    elif now.kind == "vote":
        body = _voting(view, base, form_token, problem, sent)
    else:
        body = "<h2>Nothing to answer yet</h2><p>The table will open a rating or a dot vote; this page follows it.</p>"
    body += (f'<form method="get" action="{escape(base)}"><button class="plain" type="submit">'
             "Check for what the table does now</button></form>")
    attrs = (f' data-round="{now.round}" data-events="{escape(base)}/events" data-poll="{escape(base)}/round"')
    return _document(f"{member.name} · table {member.table}", f"<main>{head}{body}</main>", attrs, script=True)


def _described(name: str, problem: Problem | None) -> str:
    if problem is not None and problem.field == name:
        return ' aria-invalid="true" aria-describedby="problem"'
    return ""


def _rating(view: MemberView, element: Element | None, content: Content, base: str, form_token: str,
            problem: Problem | None, sent: Sent | None) -> str:
    now = view.round
    name = element.name if element is not None else now.element_id
    out = f"<h2>Rate: {escape(name)}</h2>"
    if element is not None and element.description:
        out += f"<p>{escape(element.description)}</p>"
    if element is not None and element.anchors:
        out += "<details><summary>What each level looks like</summary><dl>"
        for level in content.levels:
            out += (f"<dt>{escape(level.name)} ({level.low}–{level.high})</dt>"
                    f"<dd>{escape(element.anchor(level.id))}</dd>")
        out += "</dl></details>"
    if now.revealed:
        return out + "<p>The table has revealed the scores of this element. Wait for the next one.</p>"
    chosen = sent.score if sent is not None else ("" if view.score is None else str(view.score))
    note = sent.note if sent is not None else view.note
    if view.score is not None and sent is None:
        out += f"<p>You gave {view.score}. Choose again to change it.</p>"
    radios = "".join(
        f'<label><input type="radio" name="score" value="{n}"{" checked" if chosen == str(n) else ""}'
        f'{" required" if n == 0 else ""}><span>{n}</span></label>' for n in range(11))
    out += (f'<form method="post" action="{escape(base)}" novalidate>'
            f'<input type="hidden" name="form" value="{escape(form_token)}">'
            f'<input type="hidden" name="action" value="rate">'
            f'<input type="hidden" name="element" value="{escape(now.element_id)}">'
            f'<fieldset{_described("score", problem)}><legend>Your score, 0 to 10</legend>'
            f'<div class="scores">{radios}</div></fieldset>'
            f'<p><label for="note">A note for the table (optional)</label>'
            f'<textarea id="note" name="note" rows="3" maxlength="{NOTE_LIMIT}"{_described("note", problem)}>'
            f"{escape(note)}</textarea></p>"
            '<button type="submit">Keep my score</button></form>')
    return out


def _voting(view: MemberView, base: str, form_token: str, problem: Problem | None, sent: Sent | None) -> str:
    now = view.round
    placed = sum(view.votes.values())
    out = (f"<h2>Dot vote: which goals come first?</h2><p id=dots-left>You have {now.dots} dots; "
           f"{placed} placed, {now.dots - placed} left. Put several on one goal if you like.</p>")
    rows = ""
    for i, (goal_id, title) in enumerate(now.goals, start=1):
        value = sent.dots.get(goal_id, "") if sent is not None else str(view.votes.get(goal_id, 0))
        rows += (f'<p class="goal"><label for="goal-{i}">{escape(title or "Untitled goal")}</label>'
                 f'<input type="number" inputmode="numeric" min="0" max="{now.dots}" id="goal-{i}" '
                 f'name="dots-{escape(goal_id)}" value="{escape(value)}"{_described("dots", problem)}></p>')
    out += (f'<form method="post" action="{escape(base)}" novalidate>'
            f'<input type="hidden" name="form" value="{escape(form_token)}">'
            f'<input type="hidden" name="action" value="vote">'
            f'<input type="hidden" name="round" value="{now.round}">'
            f'<fieldset aria-describedby="dots-left"><legend>Your dots ({now.dots} in all)</legend>{rows}</fieldset>'
            '<button type="submit">Keep my dots</button></form>')
    return out
