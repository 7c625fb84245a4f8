"""Peer districts and lighthouse schools: learning from districts like us, and from schools that show the vision.

A peer named but never visited teaches nothing; a plan with neither a peer nor
a lighthouse school leaves the team to learn everything on its own. Advice only.
"""

from __future__ import annotations

from collections.abc import Iterator

from summit_app.plan.checks.facts import Facts, listing, quote
from summit_app.plan.checks.findings import ADVICE, Finding

#: Relations in which the team means to bring something home (a district the team mentors may teach it nothing).
_LEARNING = frozenset({"learn-from", "exchange"})


def peer_without_visit(facts: Facts) -> Iterator[Finding]:
    """Each peer district needs a planned visit and, when the team learns from it, what the team will adopt."""
    for peer in facts.plan.peers:
        missing = [] if peer.visit_date else ["no planned visit"]
        if peer.relation in _LEARNING and not peer.adopt.strip():
            missing.append("nothing the team means to adopt from it")
        if missing:
            yield Finding("peer-no-visit", ADVICE, "community", "peers", peer.id,
                          f"The peer district {quote(peer.name, 'peer district')} has {listing(missing, 'and')}: "
                          "a peer the team never sees at work, or comes back from empty-handed, changes nothing.",
                          "Plan a visit (a date and who goes) and write down what the team hopes to bring back, "
                          "such as a coaching model, a device policy or a family night.")


def no_peers(facts: Facts) -> Iterator[Finding]:
    """Sharing practice across districts spreads what works; a plan with goals should name someone to learn from."""
    plan = facts.plan
    if not plan.goals or plan.peers or plan.lighthouses:
        return
    yield Finding("no-peers", ADVICE, "community", None, None,
                  "The plan names no peer district and no lighthouse school: the team would learn everything "
                  "first-hand, mistakes included, when districts like it have already tried much of it.",
                  "Name a district similar in enrollment and share of low-income students to learn from or mentor, "
                  "or a school, in your district or a neighbour's, that opens its classrooms to visitors.")
