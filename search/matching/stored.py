"""Match suggestions stored when data changes, and read by the pages.

The outbox (search/hooks.py) hands every changed need, offer and company to `recompute`, which scores
what the change affects and rewrites those rows of match_suggestions; a page only reads rows, so it never
searches the index or scores a company. Dismissals and a need's last day are applied when reading: both
change without touching the outbox.
"""

from dataclasses import asdict, dataclass

from sqlalchemy import case, delete, func, insert, or_, select
from sqlalchemy.orm import aliased, contains_eager, selectinload

from clusterhub.clock import utcnow
from clusterhub.companies.directory import current_member_ids
from clusterhub.companies.kept import mark_changed
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.navigation import Page, paginate_ids
from clusterhub.posts.models import Post
from clusterhub.posts.services import open_and_valid
from search.documents import ids_by_kind
from search.matching import batch, rules
from search.matching.candidates import (
    dismissed_by,
    dismissed_partners,
    is_seeking,
    rank_key,
    worth_showing,
)
from search.matching.scoring import Reason, Suggestion
from search.models import MatchSuggestion
from tenants.context import current_tenant_id

# Kept per need: more than any page shows, so dismissing a few still leaves a list.
STORED = 20
# Connections shown per suggested partner: the best few say why; a long list of every need hides them.
REASONS_SHOWN = 2
# The outbox key that asks for all of a cluster's suggestions to be computed again (search/hooks.py).
EVERY = "suggestions:all"


@dataclass
class Partner:
    """A suggested partner company and what connects it to the viewer's company."""

    company: Company
    suggestions: list[Suggestion]  # best first: all of them, or as many as the page shows
    needs: int  # how many needs connect the two companies

    @property
    def score(self) -> int:
        return self.suggestions[0].score

    @property
    def shown(self) -> list[Suggestion]:
        return self.suggestions[:REASONS_SHOWN]

    @property
    def more(self) -> int:
        """How many further needs connect the two companies beyond those shown."""
        return max(0, self.needs - REASONS_SHOWN)


# Writing: what the background work does after a change.


def recompute(keys) -> list[Suggestion]:
    """Rewrite the stored suggestions the changed documents touch; returns the suggestions computed.

    EVERY among the keys rewrites all of the cluster's suggestions, and tells of those of the changed needs
    alone (a need posted meanwhile is still told of its strong matches)."""
    ids = ids_by_kind(set(keys) - {EVERY})
    if EVERY in keys:
        found, _ = _rescore_all()
        return [s for s in found if s.need.id in ids["post"]]
    kinds = db.session.execute(select(Post.id, Post.company_id, Post.kind).where(Post.id.in_(ids["post"])))
    offers = {post_id: company_id for post_id, company_id, kind in kinds if kind not in rules.SEEKING_KINDS}
    # An offer is what its company brings; a company's roles and region are part of its own needs' scores.
    companies = ids["company"] | set(offers.values())
    own_needs = select(Post.id).where(
        Post.company_id.in_(companies), Post.kind.in_(rules.SEEKING_KINDS), Post.status == "open"
    )
    need_ids = (ids["post"] - offers.keys()) | set(db.session.scalars(own_needs))
    found, by_companies = _rescore(need_ids, companies)
    # A reindex touches every company: its authors are not told of every old match again.
    return found + (by_companies if len(companies) <= rules.NOTIFY_COMPANIES_UP_TO else [])


def recompute_all() -> int:
    """Rewrite every stored suggestion of the current cluster (after a reindex or a vocabulary change);
    returns how many there are now."""
    found, by_companies = _rescore_all()
    return len(found) + len(by_companies)


def scored_by_older_rules() -> bool:
    """Whether any of the current cluster's stored suggestions was scored by an older version of the rules."""
    version = MatchSuggestion.detail["scoring"].as_integer()
    older = select(MatchSuggestion.id).where(or_(version.is_(None), version != rules.SCORING_VERSION))
    return db.session.scalar(select(older.exists()))


def _rescore_all() -> tuple[list[Suggestion], list[Suggestion]]:
    db.session.execute(delete(MatchSuggestion))
    seeking = select(Post.id).where(Post.kind.in_(rules.SEEKING_KINDS), Post.status == "open")
    members = set(db.session.scalars(current_member_ids()))
    return _rescore(set(db.session.scalars(seeking)), members)


def _rescore(need_ids: set[int], company_ids: set[int]) -> tuple[list[Suggestion], list[Suggestion]]:
    """Each need's candidates, then each company against the needs it answers (those it answered before
    included), a chunk at a time; returns both."""
    reading = batch.Batch()
    found = []
    for chunk in batch.chunks(need_ids):
        db.session.execute(delete(MatchSuggestion).where(MatchSuggestion.need_id.in_(chunk)))
        found += _stored(batch.for_needs(reading, chunk, STORED))
    members = batch.members_among(company_ids)
    by_companies = []
    for chunk in batch.chunks(members):
        scored = batch.by_companies(reading, set(chunk))
        db.session.execute(delete(MatchSuggestion).where(MatchSuggestion.company_id.in_(chunk)))
        by_companies += _stored(scored)
    # Companies that left the cluster: neither their needs nor their answers are suggested any more.
    for chunk in batch.chunks(company_ids - members):
        gone = MatchSuggestion.company_id.in_(chunk) | MatchSuggestion.need_company_id.in_(chunk)
        db.session.execute(delete(MatchSuggestion).where(gone))
    # The lists of suggestions pages keep (clusterhub/companies/kept.py) are read again.
    mark_changed(db.session.connection(), set(), matches={current_tenant_id()})
    return found, by_companies


def _stored(suggestions: list[Suggestion]) -> list[Suggestion]:
    now = utcnow()
    rows = [
        {
            "tenant_id": current_tenant_id(),
            "need_id": s.need.id,
            "need_company_id": s.need.company_id,
            "company_id": s.company.id,
            "score": s.score,
            "detail": {
                "points": s.points,
                "reasons": [asdict(r) for r in s.reasons],
                "matched": s.matched,
                "scoring": rules.SCORING_VERSION,
            },
            "created_at": now,
        }
        for s in suggestions
    ]
    if rows:
        db.session.execute(insert(MatchSuggestion), rows)
    return suggestions


# Reading: what the pages show.


def _suggestion(row: MatchSuggestion, company: Company, need: Post, answers_mine: bool = True) -> Suggestion:
    detail = row.detail
    reasons = [Reason(**reason) for reason in detail["reasons"]]
    # Rows stored before a shared group earned points have no such part until they are scored again.
    points = {"group": 0, **detail["points"]}
    return Suggestion(company, need, points, reasons, detail["matched"], answers_mine)


# The company whose need a row answers, beside the one answering it, in one statement.
_NEED_COMPANY = aliased(Company)


def _rows(condition) -> list[MatchSuggestion]:
    """The rows whole, with their need and both companies, read by one statement."""
    statement = (
        select(MatchSuggestion)
        .join(MatchSuggestion.need)
        .join(MatchSuggestion.company)
        .join(_NEED_COMPANY, Post.company)
        .where(condition, open_and_valid())
        .options(
            contains_eager(MatchSuggestion.need).contains_eager(Post.company, alias=_NEED_COMPANY),
            contains_eager(MatchSuggestion.company),
        )
    )
    return list(db.session.scalars(statement))


# What ranking reads of a row, read in SQL: decoding every row's reasons costs more than the page shows.
_MATCHED = MatchSuggestion.detail["matched"].as_float().label("matched")
_WORDS = MatchSuggestion.detail[("points", "words")].as_integer().label("words")


def _ranked(condition) -> list:
    """(id, need id, company id, score, matched, words, the company's sort name) of the rows: ranking reads
    no more, and a page shows a few of the rows it ranks, so only those shown are read whole (`_shown`)."""
    statement = (
        select(
            MatchSuggestion.id,
            MatchSuggestion.need_id,
            MatchSuggestion.company_id,
            MatchSuggestion.score,
            _MATCHED,
            _WORDS,
            Company.name_sort,
        )
        .join(Post, Post.id == MatchSuggestion.need_id)
        .join(Company, Company.id == MatchSuggestion.company_id)
        .where(condition, open_and_valid())
    )
    return list(db.session.execute(statement))


def _shown(ids) -> dict[int, MatchSuggestion]:
    """The rows of `ids` with their answering companies, by id."""
    statement = (
        select(MatchSuggestion)
        .join(MatchSuggestion.company)
        .where(MatchSuggestion.id.in_(ids))
        .options(contains_eager(MatchSuggestion.company))
    )
    return {row.id: row for row in db.session.scalars(statement)}


def for_needs(needs: list[Post], limit: int, dismissed: dict | None = None) -> dict[Post, list[Suggestion]]:
    """The stored suggestions of each need, best first, without the companies its authors dismissed
    (`dismissed`: `dismissed_by` of their companies, when the page has read it already)."""
    kept: dict[int, list] = {need.id: [] for need in needs}
    by_id = {need.id: need for need in needs}
    if dismissed is None:
        dismissed = dismissed_by({need.company_id for need in needs})
    for row in _ranked(MatchSuggestion.need_id.in_(by_id)):
        gone = dismissed[by_id[row.need_id].company_id]
        dismissed_here = gone.get(None, set()) | gone.get(row.need_id, set())
        if worth_showing({"words": row.words}) and row.company_id not in dismissed_here:
            kept[row.need_id].append(row)
    best = {
        need_id: sorted(rows, key=lambda row: rank_key(row.score, row.matched, row.name_sort))[:limit]
        for need_id, rows in kept.items()
    }
    rows = _shown({row.id for found in best.values() for row in found})
    # A row the background work rewrote between the two reads is left out.
    return {
        need: [
            _suggestion(rows[row.id], rows[row.id].company, need) for row in best[need.id] if row.id in rows
        ]
        for need in needs
    }


def for_need(need: Post, limit: int) -> list[Suggestion]:
    """The stored suggestions of one need (see `for_needs`)."""
    return for_needs([need], limit)[need] if is_seeking(need) else []


def fit(need: Post, company: Company) -> Suggestion | None:
    """Why `company` may answer another company's `need`, if it was found good enough to suggest."""
    if not is_seeking(need) or need.company_id == company.id:
        return None
    rows = _rows((MatchSuggestion.need_id == need.id) & (MatchSuggestion.company_id == company.id))
    return _suggestion(rows[0], company, need, answers_mine=False) if rows else None


def _other(company: Company):
    """The id of the other company of a row: the one answering `company`'s need, or the need's company."""
    return case(
        (MatchSuggestion.need_company_id == company.id, MatchSuggestion.company_id),
        else_=MatchSuggestion.need_company_id,
    )


def _best_partners(company: Company, condition, limit: int, dismissed: dict):
    """The ids of the `limit` partners with the best stored score, ties by name, ranked in SQL: a subquery
    of the statement that reads their connections, so choosing them costs no statement of its own.

    A partner dismissed for one need only may still have nothing else to show: those are taken on top."""
    other = _other(company)
    per_need = set().union(*(ids for post_id, ids in dismissed.items() if post_id is not None))
    return (
        select(other)
        .join(Post, Post.id == MatchSuggestion.need_id)
        .join(Company, Company.id == other)
        .where(condition, open_and_valid(), other.not_in(dismissed.get(None, set())))
        .group_by(other, Company.name_sort)
        .order_by(func.max(MatchSuggestion.score).desc(), Company.name_sort)
        .limit(limit + len(per_need))
    )


def _connections(condition) -> list:
    """(id, need id, need's company id, company id, score) of the rows: enough to choose those shown."""
    statement = (
        select(
            MatchSuggestion.id,
            MatchSuggestion.need_id,
            MatchSuggestion.need_company_id,
            MatchSuggestion.company_id,
            MatchSuggestion.score,
        )
        .join(Post, Post.id == MatchSuggestion.need_id)
        .where(condition, open_and_valid())
    )
    return list(db.session.execute(statement))


def _partners(company: Company, condition, limit: int, reasons: int | None, dismissed: dict) -> list[Partner]:
    """The best partners, each with its best `reasons` suggestions (all when None), read whole only those."""
    best = _best_partners(company, condition, limit, dismissed)
    connecting: dict[int, list] = {}
    for row in _connections(condition & _other(company).in_(best)):
        mine = row.need_company_id == company.id
        other_id = row.company_id if mine else row.need_company_id
        if not (mine and other_id in dismissed.get(row.need_id, ())):
            connecting.setdefault(other_id, []).append(row)
    shown = {
        other_id: sorted(rows, key=lambda row: -row.score)[:reasons] for other_id, rows in connecting.items()
    }
    whole = {
        row.id: row for row in _rows(MatchSuggestion.id.in_({r.id for rows in shown.values() for r in rows}))
    }
    partners = []
    for other_id, rows in shown.items():
        # A row the background work rewrote between the two reads is left out.
        suggestions = [_from_row(whole[row.id], company) for row in rows if row.id in whole]
        if not suggestions:
            continue
        first = suggestions[0]
        other = first.company if first.answers_mine else first.need.company
        partners.append(Partner(other, suggestions, len(connecting[other_id])))
    return sorted(partners, key=lambda p: (-p.score, p.company.name_sort))[:limit]


def _from_row(row: MatchSuggestion, company: Company) -> Suggestion:
    """A row as `company` sees it: answering its need, or its answer to another's need."""
    return _suggestion(row, row.company, row.need, answers_mine=row.need_company_id == company.id)


def partners_for(
    company: Company, limit: int, reasons: int | None = None, dismissed: dict | None = None
) -> list[Partner]:
    """Suggested partners: who answers my needs and whose needs I answer (roles alone make no partner);
    each with its best `reasons` suggestions (all when None). `dismissed`: `dismissed_partners` of the
    company, when the page has read it already."""
    mine = (MatchSuggestion.need_company_id == company.id) | (MatchSuggestion.company_id == company.id)
    if dismissed is None:
        dismissed = dismissed_partners(company.id)
    return _partners(company, mine, limit, reasons, dismissed)


def between(mine: Company, theirs: Company, reasons: int | None = None) -> Partner | None:
    """What connects two companies: my needs they answer and their needs I answer."""
    pair = or_(
        (MatchSuggestion.need_company_id == mine.id) & (MatchSuggestion.company_id == theirs.id),
        (MatchSuggestion.need_company_id == theirs.id) & (MatchSuggestion.company_id == mine.id),
    )
    found = _partners(mine, pair, 1, reasons, dismissed_partners(mine.id))
    return found[0] if found else None


def desk(per_need: int) -> tuple[Page, list[tuple[Post, list[Suggestion]]]]:
    """A page of the cluster's open needs with their candidates for the managers: needs nobody answers
    first, then the newest."""
    # Read once for the whole list: correlated with each post, SQLite's planner statistics could make it
    # read every suggestion of the cluster for each post (170 ms for the 300-company bench cluster).
    answered = Post.id.in_(select(MatchSuggestion.need_id))
    ids = (
        select(Post.id)
        .where(Post.kind.in_(rules.SEEKING_KINDS), open_and_valid())
        .order_by(answered, Post.created_at.desc(), Post.id.desc())
    )
    page = paginate_ids(ids, _needs_with_companies)
    return page, list(for_needs(page.items, per_need).items())


def _needs_with_companies(ids: list[int]):
    return select(Post).where(Post.id.in_(ids)).options(selectinload(Post.company))
