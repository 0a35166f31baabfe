"""Cross-cluster match suggestions: which public cards of the network may answer the viewer's open needs.

The cards are scored like the cluster's own members (search/matching/scoring.py), on what a card shows: its
sectors, competences, roles, region and description; a card brings no offers, since posts never cross.
"""

from clusterhub.companies.models import Company
from clusterhub.network.services import MATCHED_CARDS, Card, network_view
from search.index import IndexUnavailable
from search.matching.candidates import open_needs, ranked, worth_showing
from search.matching.scoring import Suggestion, score, wanted_by
from tenants.models import Tenant


def suggestions_for(company: Company, cards: list[Card], limit: int = 10) -> list[Suggestion]:
    """The best suggestion per card for any of the company's open needs, best first."""
    best: dict[int, Suggestion] = {}
    if not cards:  # reading what each need wants is the costly part: not for nobody
        return []
    for need in open_needs(company.id):
        wanted = wanted_by(need)
        if not wanted.total:
            continue
        for card in cards[:MATCHED_CARDS]:
            # Interest groups are the cluster's own: a card of another cluster shares none.
            found = score(need, card, [], wanted, shared={})
            if found and worth_showing(found.points):
                if card.id not in best or found.score > best[card.id].score:
                    best[card.id] = found
    return ranked(best.values())[:limit]


def from_other_clusters(tenant: Tenant, company: Company | None, limit: int) -> list[Suggestion]:
    """The network's suggestions where members look for partners (/matches, their own profile): none when
    the viewer has no company or its cluster is out of the network."""
    if company is None or not tenant.network_open:
        return []
    try:
        return suggestions_for(company, network_view(tenant, company).found, limit)
    except IndexUnavailable:
        # Scored live against the cluster's word statistics: while its index is rebuilt, the page keeps
        # its stored suggestions and shows none from other clusters.
        return []
