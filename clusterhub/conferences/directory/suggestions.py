"""Whom a participant should meet at a conference, across clusters, and why.

Only what the other participant shows counts (their seeks, offers, interests and sectors, and their roles
if they show them), so the page can explain every point. Partners from other sectors are preferred (that
is the point of the conference) and, when equally good, partners from other clusters come first.
Words are compared with the search's analysis (search/analysis.py), roles with the value-chain pairs of
search/matching/rules.py.
"""

from dataclasses import dataclass, field

from clusterhub.collation import fold
from clusterhub.conferences.directory.services import Card, card, registered
from clusterhub.conferences.models import Participant
from search.analysis import terms, words_by_term
from search.matching import rules

# Points out of 100 for each kind of reason.
WEIGHTS = {
    "their_offer": 35,  # their offer answers what I seek
    "your_offer": 25,  # my offer answers what they seek
    "roles": 15,  # complementary value-chain roles (only if they show their roles)
    "their_interest": 10,  # they are interested in my sector
    "your_interest": 5,  # I am interested in their sector
    "other_sector": 10,  # no sector in common: the partner the conference is for
}
# Shared words that earn all of a words reason's points.
FULL_WORDS = 3


@dataclass
class Reason:
    """One thing that connects the two participants; `theirs` and `yours` quote the words as written."""

    kind: str  # a key of WEIGHTS, or "same_sector" (which earns nothing)
    theirs: str = ""
    yours: str = ""


@dataclass
class Match:
    """A participant worth meeting: what they show, the points and the reasons."""

    card: Card
    same_cluster: bool
    points: dict[str, int] = field(default_factory=dict)
    reasons: list[Reason] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(self.points.values())

    def add(self, kind: str, points: int, theirs: str = "", yours: str = "") -> None:
        self.points[kind] = points
        self.reasons.append(Reason(kind, theirs, yours))


def _meaningful_words(text: str) -> dict[str, str]:
    return {term: word for term, word in words_by_term(text or "").items() if rules.meaningful(term)}


def _words(match: Match, kind: str, offer: str, seek: str, offer_is_theirs: bool) -> None:
    offered, sought = _meaningful_words(offer), _meaningful_words(seek)
    shared = [term for term in sought if term in offered]
    if not shared:
        return
    offer_words = ", ".join(offered[term] for term in shared)
    seek_words = ", ".join(sought[term] for term in shared)
    theirs, yours = (offer_words, seek_words) if offer_is_theirs else (seek_words, offer_words)
    match.add(kind, round(WEIGHTS[kind] * min(1.0, len(shared) / FULL_WORDS)), theirs, yours)


def _sector_key(name: str) -> tuple[str, ...]:
    # Folded and stemmed, so "Loģistika" and "loģistikas" name the same sector.
    return tuple(terms(name)) or (fold(name).strip(),)


def _common(names: list[str], others: list[str]) -> list[str]:
    """The names of `names` that `others` also name (folded), as written in `names`."""
    keys = {_sector_key(other) for other in others}
    return [name for name in names if _sector_key(name) in keys]


def _sectors(match: Match, mine: Card, theirs: Card) -> None:
    if interested := _common(theirs.interests, mine.sectors):
        match.add("their_interest", WEIGHTS["their_interest"], ", ".join(interested))
    if interesting := _common(theirs.sectors, mine.interests):
        match.add("your_interest", WEIGHTS["your_interest"], ", ".join(interesting))
    if not (mine.sectors and theirs.sectors):
        return
    if shared := _common(theirs.sectors, mine.sectors):
        match.reasons.append(Reason("same_sector", ", ".join(shared)))
    else:
        match.add("other_sector", WEIGHTS["other_sector"], ", ".join(theirs.sectors))


def _roles(match: Match, my_roles: list[str], theirs: Card) -> None:
    if pair := rules.complementary(my_roles, theirs.roles or []):
        match.add("roles", WEIGHTS["roles"], pair[1], pair[0])


def between(me: Participant, other: Participant) -> Match | None:
    """Why `me` should meet `other`, from what `other` shows; None when nothing connects them."""
    mine, theirs = card(me), card(other)
    match = Match(theirs, same_cluster=me.tenant_id == other.tenant_id)
    _words(match, "their_offer", theirs.offers, mine.seeks, offer_is_theirs=True)
    _words(match, "your_offer", mine.offers, theirs.seeks, offer_is_theirs=False)
    _roles(match, me.company.role_names, theirs)
    _sectors(match, mine, theirs)
    # Being in another sector alone is no reason to meet.
    if not set(match.points) - {"other_sector"}:
        return None
    return match


def suggestions(me: Participant) -> list[Match]:
    """The other registered participants worth meeting, best first; own cluster after equally good others."""
    found = (between(me, other) for other in registered(me.event) if other.id != me.id)
    # `registered` gives name order, which the stable sort keeps among equals.
    return sorted((match for match in found if match), key=lambda match: (-match.score, match.same_cluster))
