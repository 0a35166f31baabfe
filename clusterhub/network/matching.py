"""Cross-cluster match suggestions: which public cards of the network may answer the viewer's open needs.

The cards are scored like the cluster's own members (search/matching/scoring.py), on what a card shows: its
sectors, competences, roles, region and description; a card brings no offers, since posts never cross.

Scoring every card against every open need costs about a second on a big network: far too much for a page.
So each process keeps each need's result under a key of all it was computed from: the stamps of every
active cluster of the network (the change hook, search/hooks.py, renews a cluster's stamp in the
transaction that changes its companies, their tags, roles or memberships, or its vocabulary; a cluster
joining or leaving the network changes the set) and the need as it reads now. A page reads the stamps
(one query, and the needs it shows anyway) and scores again only the needs whose key moved on, so every
process and application server sees a change on its next page, and a need just posted or edited costs
the scoring of that need alone. The cards scored against are kept under the same stamps, and the few shown
are taken from them, marked with the viewer's conversations, read afresh.
"""

import hashlib
from dataclasses import asdict, dataclass

from sqlalchemy import delete, insert, select

from clusterhub.companies.kept import hold
from clusterhub.companies.models import Company, DirectoryStamp
from clusterhub.extensions import db
from clusterhub.network.models import NetworkFound
from clusterhub.network.services import MATCHED_CARDS, Card, network_view, with_conversations
from clusterhub.posts.models import Post
from search.index import IndexUnavailable
from search.matching.candidates import open_needs, open_needs_among, rank_key, worth_showing
from search.matching.scoring import Reason, Suggestion, score, wanted_by
from tenants.models import Tenant

# Shown per company: as many as a page shows (the network's page, clusterhub/network/views.py).
KEPT = 5
# Needs whose results a process keeps (a few kilobytes each); the oldest computed make way.
HELD = 5_000


@dataclass(frozen=True)
class Found:
    """A suggestion as kept between pages: which card answers which need, and how well."""

    card_id: int
    need_id: int
    points: dict[str, int]
    reasons: list[Reason]
    matched: float
    name_sort: str  # the card's company's, for the order of equal scores

    @property
    def score(self) -> int:
        return sum(self.points.values())


# Clusters whose cards a process keeps (at most MATCHED_CARDS each).
CARDS_HELD = 20
# Needs the background work scores after one change; a bulk import's hundreds are left to their pages
# (scoring one takes about 0.1 s on the bench's network).
SCORED_AFTER_A_CHANGE = 20

# {(cluster id, need id): (key, the need's found in the order of the cards)}
_held: dict[tuple[int, int], tuple[int, list[Found]]] = {}
# {cluster id: (the network's stamps, the cards its needs are scored against)}
_cards_held: dict[int, tuple[tuple, list[Card]]] = {}


def _scored(need: Post, cards: list[Card]) -> list[Found]:
    """What the cards answer of one need, in the order of the cards; only those that may be among a
    company's KEPT best (see _best)."""
    wanted = wanted_by(need)
    if not wanted.total:
        return []
    found = []
    for card in cards:
        # Interest groups are the cluster's own: a card of another cluster shares none.
        s = score(need, card, [], wanted, shared={})
        if s and worth_showing(s.points):
            found.append(Found(card.id, need.id, s.points, s.reasons, s.matched, card.name_sort))
    # A card scoring below the need's KEPT-th best score is outscored there by KEPT cards, each of which
    # scores at least that much as its best: it cannot be among the company's KEPT best through this need.
    floor = sorted((f.score for f in found), reverse=True)[KEPT - 1] if len(found) >= KEPT else 0
    return [f for f in found if f.score >= floor]


def _best(per_need: list[list[Found]]) -> list[Found]:
    """The company's KEPT best: each card with its best need (the first of equal scores), best first."""
    best: dict[int, Found] = {}
    for found in per_need:
        for f in found:
            if f.card_id not in best or f.score > best[f.card_id].score:
                best[f.card_id] = f
    return sorted(best.values(), key=lambda f: rank_key(f.score, f.matched, f.name_sort))[:KEPT]


def _network_stamps() -> tuple | None:
    """(cluster id, stamp) of every active cluster in the network; None while one has no stamp yet (its
    rows were written around the ORM), which nothing can be kept under."""
    rows = db.session.execute(
        select(Tenant.id, DirectoryStamp.stamp)
        .outerjoin(DirectoryStamp, DirectoryStamp.tenant_id == Tenant.id)
        .where(Tenant.active.is_(True), Tenant.network_open.is_(True))
        .order_by(Tenant.id)
    ).all()
    return None if any(stamp is None for _, stamp in rows) else tuple(tuple(row) for row in rows)


def _key(stamps: tuple | None, need: Post) -> int | None:
    """What a need's result was computed from, as one number; None when it cannot be kept."""
    if stamps is None:
        return None
    # What scoring reads of a need; the company's own profile is in its cluster's stamp.
    asked = (need.id, need.title, need.body, need.category, tuple(need.tag_names), tuple(need.region_names))
    # The same in every process (the background work stores it, pages compare it): hash() is salted.
    digest = hashlib.blake2b(repr((stamps, asked)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _found(tenant: Tenant, company: Company, needs: list[Post]) -> tuple[tuple | None, list[Found]]:
    """The network's stamps, and the company's suggestions from other clusters under them, best first: kept
    ones while their key holds."""
    # The keys are read before the cards: a result computed meanwhile from newer data is at worst kept under
    # an older key, which no longer holds, never the other way round.
    stamps = _network_stamps()
    keys = {need.id: _key(stamps, need) for need in needs}
    per_need = _kept(tenant.id, keys)
    missing = [need for need in needs if need.id not in per_need]
    cards = _cards_to_match(tenant, stamps) if missing else []
    for need in missing:
        # Reading what a need wants is the costly part: not for nobody.
        per_need[need.id] = _scored(need, cards) if cards else []
        if keys[need.id] is not None:
            hold(_held, (tenant.id, need.id), (keys[need.id], per_need[need.id]), HELD)
    return stamps, _best([per_need[need.id] for need in needs])


def _kept(tenant_id: int, keys: dict[int, int | None]) -> dict[int, list[Found]]:
    """The results of the needs whose key holds: kept in this process, or stored by the background work."""
    kept = {}
    for need_id, key in keys.items():
        held = _held.get((tenant_id, need_id))
        if key is not None and held is not None and held[0] == key:
            kept[need_id] = held[1]
    unread = [need_id for need_id, key in keys.items() if key is not None and need_id not in kept]
    stored = select(NetworkFound.need_id, NetworkFound.key, NetworkFound.found)
    for need_id, key, found in (
        db.session.execute(stored.where(NetworkFound.need_id.in_(unread))) if unread else ()
    ):
        if key == keys[need_id]:
            kept[need_id] = [_from_stored(f) for f in found]
            hold(_held, (tenant_id, need_id), (key, kept[need_id]), HELD)
    return kept


def _from_stored(found: dict) -> Found:
    return Found(**{**found, "reasons": [Reason(**reason) for reason in found["reasons"]]})


def store_for(tenant: Tenant, need_ids: set[int]) -> None:
    """Score the changed open needs against the network's cards and store what they found, so that their
    company's next page only reads it (the background work, after a change)."""
    if not tenant.network_open or not need_ids or len(need_ids) > SCORED_AFTER_A_CHANGE:
        return
    db.session.execute(delete(NetworkFound).where(NetworkFound.need_id.in_(need_ids)))
    stamps = _network_stamps()
    needs = open_needs_among(need_ids)
    if stamps is None or not needs:
        return
    try:
        cards = _cards_to_match(tenant, stamps)
        rows = [
            {
                "tenant_id": tenant.id,
                "need_id": need.id,
                "key": _key(stamps, need),
                "found": [asdict(f) for f in _scored(need, cards)] if cards else [],
            }
            for need in needs
        ]
    except IndexUnavailable:
        return  # scored against the cluster's word statistics: the pages score the needs once it is back
    db.session.execute(insert(NetworkFound), rows)


def _cards_to_match(tenant: Tenant, stamps: tuple | None) -> list[Card]:
    """The cards the cluster's needs are scored against (MATCHED_CARDS at most), kept under the network's
    stamps like the results: reading them was a third of scoring a need just posted. Read without a
    company, whose conversations would be written into the cards."""
    held = _cards_held.get(tenant.id)
    if stamps is not None and held is not None and held[0] == stamps:
        return held[1]
    cards = network_view(tenant, None).found[:MATCHED_CARDS]
    if stamps is not None:
        hold(_cards_held, tenant.id, (stamps, cards), CARDS_HELD)
    return cards


def from_other_clusters(
    tenant: Tenant, company: Company | None, limit: int, needs: list[Post] | None = None
) -> list[Suggestion]:
    """The network's suggestions where members look for partners (/matches, their own profile, the network's
    page): none when the viewer has no company or its cluster is out of the network. `needs`: the company's
    open needs, when the page has read them already."""
    if company is None or not tenant.network_open:
        return []
    needs = open_needs(company.id) if needs is None else needs
    try:
        stamps, found = _found(tenant, company, needs)
    except IndexUnavailable:
        # Scored against the cluster's word statistics: while its index is rebuilt, the page keeps its
        # stored suggestions and shows none from other clusters.
        return []
    found = found[:limit]
    if not found:
        return []
    # The cards as kept under the stamps the results were read with (a card that left the network since
    # gave its cluster a new stamp), with the viewer's conversations.
    shown = {f.card_id for f in found}
    cards = with_conversations(tenant, company, [c for c in _cards_to_match(tenant, stamps) if c.id in shown])
    by_id = {need.id: need for need in needs}
    return [
        Suggestion(cards[f.card_id], by_id[f.need_id], f.points, f.reasons, f.matched)
        for f in found
        if f.card_id in cards
    ]
